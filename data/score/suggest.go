package score

import (
	"strconv"
	"strings"

	"github.com/gongping/gongping/data"
)

// typicalIndicators are the default scheme's indicators with the words that suggest a question belongs
// to them; earlier entries win when a question matches several.
var typicalIndicators = []struct {
	dim, name string
	words     []string
}{
	{"process", "政策宣传解读", []string{"宣传", "解读", "知晓", "了解"}},
	{"process", "办理便捷度", []string{"便捷", "便利", "方便", "办理", "流程", "时限", "跑动", "网上办", "一网通办"}},
	{"process", "服务态度与效率", []string{"态度", "服务", "效率", "响应", "答复"}},
	{"process", "执行规范性", []string{"规范", "公平", "公正", "透明", "一致"}},
	{"standards", "细则明确性", []string{"细则", "明确", "清晰", "具体", "可操作"}},
	{"standards", "标准合理性", []string{"标准", "合理", "门槛", "条件", "范围"}},
	{"standards", "配套措施完备性", []string{"配套", "衔接", "措施"}},
	{"results", "政策获得感", []string{"获得感", "受益", "帮助", "实惠", "成本", "减负", "负担"}},
	{"results", "问题解决程度", []string{"解决", "改善", "缓解", "诉求"}},
	{"results", "目标实现程度", []string{"效果", "成效", "目标", "达到", "作用"}},
}

// DefaultScheme is the scheme a new policy starts from: the three dimensions with typical indicators (no
// questions mapped yet), equal weights, sources 0.6/0.3/0.1 and screening on.
func DefaultScheme(policyTitle string) *Scheme {
	s := NewScheme()
	if t := strings.TrimSpace(policyTitle); t != "" {
		s.Name = shorten(t, 60) + "评价方案"
	} else {
		s.Name = "政策执行效果评价方案"
	}
	for _, ti := range typicalIndicators {
		d := s.Dimensions.Get(ti.dim)
		d.Indicators = append(d.Indicators, IndicatorSpec{Name: ti.name, Weight: 1, Questions: []string{}})
	}
	return s
}

// Suggestion is one proposed use of a question; the user confirms it in the scheme editor.
type Suggestion struct {
	Question  string `json:"question"`  // key
	Role      string `json:"role"`      // indicator, problems, directions, overall
	Dimension string `json:"dimension"` // for indicator
	Indicator string `json:"indicator"` // for indicator
}

// Suggest proposes where each question of a round belongs, by matching its text: the overall satisfaction
// question, the problem and direction questions (multi-select), and an indicator of sc for each rating
// question. Questions already used by sc are left alone.
func Suggest(sc *Scheme, qs []data.Question) []Suggestion {
	used := map[string]bool{}
	ix := newQuestionIndex(qs)
	mark := func(ref string) {
		if i, ok := ix.find(ref); ok {
			used[qs[i].Key] = true
		}
	}
	for _, k := range DimensionKeys {
		for _, ind := range sc.Dimensions.Get(k).Indicators {
			for _, q := range ind.Questions {
				mark(q)
			}
		}
	}
	for _, q := range append(append([]string{sc.Overall}, sc.Problems...), sc.Directions...) {
		mark(q)
	}
	var out []Suggestion
	haveOverall := sc.Overall != ""
	for _, q := range qs {
		if used[q.Key] || q.Type == data.QOpenText || q.Type == data.QFill || q.Type == data.QMeta {
			continue
		}
		t := q.Text
		multi := q.Type == data.QMulti || q.Type == data.QRanking
		switch {
		case !haveOverall && !multi && strings.Contains(t, "总体") && (strings.Contains(t, "满意") || strings.Contains(t, "评价")):
			out = append(out, Suggestion{Question: q.Key, Role: "overall"})
			haveOverall = true
		case multi && (strings.Contains(t, "问题") || strings.Contains(t, "困难") || strings.Contains(t, "不足")):
			out = append(out, Suggestion{Question: q.Key, Role: "problems"})
		case multi && (strings.Contains(t, "建议") || strings.Contains(t, "改进") || strings.Contains(t, "希望") || strings.Contains(t, "期待") || strings.Contains(t, "加强")):
			out = append(out, Suggestion{Question: q.Key, Role: "directions"})
		case !multi && looksLikeRating(q):
			for _, ti := range typicalIndicators {
				if !containsAny(t, ti.words) {
					continue
				}
				// Prefer an indicator of sc with the typical name; else the dimension's first indicator.
				d := sc.Dimensions.Get(ti.dim)
				name := ""
				for _, ind := range d.Indicators {
					if ind.Name == ti.name {
						name = ind.Name
					}
				}
				if name == "" && len(d.Indicators) > 0 {
					name = d.Indicators[0].Name
				}
				if name != "" {
					out = append(out, Suggestion{Question: q.Key, Role: "indicator", Dimension: ti.dim, Indicator: name})
				}
				break
			}
		}
	}
	return out
}

// Apply adds the suggestions to sc (and a numeric scale for rating questions whose options are 1…n).
func (sc *Scheme) Apply(sugs []Suggestion, qs []data.Question) {
	ix := newQuestionIndex(qs)
	for _, s := range sugs {
		switch s.Role {
		case "overall":
			sc.Overall = s.Question
		case "problems":
			sc.Problems = append(sc.Problems, s.Question)
		case "directions":
			sc.Directions = append(sc.Directions, s.Question)
		case "indicator":
			d := sc.Dimensions.Get(s.Dimension)
			if d == nil {
				continue
			}
			for i := range d.Indicators {
				if d.Indicators[i].Name == s.Indicator {
					d.Indicators[i].Questions = append(d.Indicators[i].Questions, s.Question)
				}
			}
		}
		if i, ok := ix.find(s.Question); ok && s.Role != "problems" && s.Role != "directions" {
			if n := numericPoints(qs[i]); n > 0 {
				if _, has := sc.Questions[s.Question]; !has {
					sc.Questions[s.Question] = Scale{Points: n, Best: n}
				}
			}
		}
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// looksLikeRating reports a question whose options are satisfaction labels or numbers 1…n.
func looksLikeRating(q data.Question) bool {
	if q.Type == data.QRating || q.Type == data.QMatrix || numericPoints(q) > 0 {
		return true
	}
	for _, o := range q.Options {
		if _, ok := DefaultLabels[cleanAnswer(o)]; ok {
			return true
		}
	}
	return strings.Contains(q.Text, "满意") || strings.Contains(q.Text, "评价")
}

// numericPoints is n when a question's options are exactly 1…n (n ≥ 2), else 0.
func numericPoints(q data.Question) int {
	max := 0
	seen := map[int]bool{}
	for _, o := range q.Options {
		v, err := strconv.Atoi(strings.TrimSpace(o))
		if err != nil || v < 1 || v > 100 {
			return 0
		}
		seen[v] = true
		if v > max {
			max = v
		}
	}
	if max < 2 || len(seen) != max {
		return 0
	}
	return max
}
