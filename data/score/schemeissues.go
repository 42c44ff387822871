package score

import (
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// What a scheme's editor flags: a scheme Validate accepts and the method scores, but whose scores its
// author may not mean. Two things:
//
//   - a question counted by more than one indicator. An indicator's value is the mean of its questions
//     and S_d the weighted mean of the dimension's indicators, so the question counts once per indicator:
//     in one dimension it weighs double in S_d; in two dimensions it counts in both scores and twice in
//     the composite. It is a warning, not an error: the scores are well defined, a team may mean it (one
//     question read as evidence for two indicators), and Validate is also the rule of `gongping scheme
//     set` and of every stored scheme, which would stop loading if it became one.
//   - an indicator with no question: it gets no score (n = 0), so it counts nowhere and S_d is the
//     weighted mean of the dimension's other indicators (its weight shared among them); with no indicator
//     scored the dimension has no survey part.

// IndicatorAt names an indicator of a scheme by its dimension and position.
type IndicatorAt struct {
	Dimension string // DimensionKeys
	Index     int
}

// SharedQuestion is a question counted by more than one indicator; At lists each indicator once per
// time it lists the question.
type SharedQuestion struct {
	Question string // the round's key ("Q3") when the questions are known, else the reference as written
	At       []IndicatorAt
}

// SchemeIssues are a scheme's shared questions and indicators without questions.
type SchemeIssues struct {
	Shared []SharedQuestion
	Empty  []IndicatorAt
}

// Count is the number of issues: shared questions plus empty indicators.
func (is SchemeIssues) Count() int { return len(is.Shared) + len(is.Empty) }

// Issues finds the scheme's shared questions (references resolved against questions when given, so Q3
// and Q3's full text are one question) and its indicators without questions, in scheme order.
func (s *Scheme) Issues(questions []data.Question) SchemeIssues {
	var is SchemeIssues
	ix := newQuestionIndex(questions)
	where := map[string]int{} // question → index in is.Shared candidates
	var cands []SharedQuestion
	for _, k := range DimensionKeys {
		for i, ind := range s.Dimensions.Get(k).Indicators {
			at := IndicatorAt{k, i}
			if len(ind.Questions) == 0 {
				is.Empty = append(is.Empty, at)
			}
			for _, ref := range ind.Questions {
				q := strings.TrimSpace(ref)
				if j, ok := ix.find(q); ok && len(questions) > 0 {
					q = questions[j].Key
				}
				if q == "" {
					continue
				}
				n, ok := where[q]
				if !ok {
					n = len(cands)
					where[q] = n
					cands = append(cands, SharedQuestion{Question: q})
				}
				cands[n].At = append(cands[n].At, at)
			}
		}
	}
	for _, c := range cands {
		if len(c.At) > 1 {
			is.Shared = append(is.Shared, c)
		}
	}
	return is
}

// indicatorName is "“执行过程”的“办理便捷度”".
func (s *Scheme) indicatorName(at IndicatorAt) string {
	d := s.Dimensions.Get(at.Dimension)
	name := ""
	if at.Index < len(d.Indicators) {
		name = d.Indicators[at.Index].Name
	}
	if name == "" {
		name = fmt.Sprintf("第 %d 个指标", at.Index+1)
	}
	return fmt.Sprintf("“%s”的“%s”", s.DimensionName(at.Dimension), name)
}

// dimensions counts the distinct dimensions of ats.
func dimensions(ats []IndicatorAt) int {
	seen := map[string]bool{}
	for _, a := range ats {
		seen[a.Dimension] = true
	}
	return len(seen)
}

// Notes are the lines the editor shows beside indicator at: the other indicators counting one of its
// questions, or that it has none and what scoring does then.
func (is SchemeIssues) Notes(s *Scheme, at IndicatorAt) []string {
	var out []string
	for _, e := range is.Empty {
		if e == at {
			out = append(out, "未选题目：计分时本指标没有得分，不计入维度得分，其权重由本维度其他有得分的指标分摊")
		}
	}
	for _, sq := range is.Shared {
		var others []string
		self := 0
		for _, a := range sq.At {
			switch {
			case a == at:
				self++
			case !containsString(others, s.indicatorName(a)):
				others = append(others, s.indicatorName(a))
			}
		}
		if self == 0 {
			continue
		}
		switch {
		case len(others) > 0:
			out = append(out, fmt.Sprintf("题目 %s 也用于%s：它被计算 %d 次，权重加重", sq.Question, strings.Join(others, "、"), len(sq.At)))
		default:
			out = append(out, fmt.Sprintf("题目 %s 在本指标中列了 %d 次：它在本指标中的分量加倍", sq.Question, self))
		}
	}
	return out
}

// Warnings say, one line each, what scoring will do with the issues: shown before a scheme with issues
// is saved.
func (is SchemeIssues) Warnings(s *Scheme) []string {
	var out []string
	for _, sq := range is.Shared {
		var names []string
		for _, a := range sq.At {
			if n := s.indicatorName(a); !containsString(names, n) {
				names = append(names, n)
			}
		}
		switch d := dimensions(sq.At); {
		case len(names) == 1:
			out = append(out, fmt.Sprintf("题目 %s 在指标%s中列了 %d 次：它在该指标中的分量加倍", sq.Question, names[0], len(sq.At)))
		case d == 1:
			out = append(out, fmt.Sprintf("题目 %s 同时用于指标%s：它在该维度得分中被计算 %d 次，相当于加倍了它的权重", sq.Question, strings.Join(names, "和"), len(sq.At)))
		default:
			out = append(out, fmt.Sprintf("题目 %s 同时用于指标%s：它计入 %d 个维度的得分，在综合得分中被计算 %d 次", sq.Question, strings.Join(names, "和"), d, len(sq.At)))
		}
	}
	byDim := map[string][]string{}
	for _, e := range is.Empty {
		d := s.Dimensions.Get(e.Dimension)
		name := d.Indicators[e.Index].Name
		if name == "" {
			name = fmt.Sprintf("第 %d 个指标", e.Index+1)
		}
		byDim[e.Dimension] = append(byDim[e.Dimension], "“"+name+"”")
	}
	for _, k := range DimensionKeys {
		names := byDim[k]
		if len(names) == 0 {
			continue
		}
		if len(names) == len(s.Dimensions.Get(k).Indicators) {
			out = append(out, fmt.Sprintf("“%s”的指标%s都未选题目：该维度没有问卷得分，只按第三方评估和体验官的数据计分，都没有时该维度不计分", s.DimensionName(k), strings.Join(names, "、")))
			continue
		}
		out = append(out, fmt.Sprintf("“%s”的指标%s未选题目：计分时没有得分，不计入维度得分，其权重由本维度其他有得分的指标分摊", s.DimensionName(k), strings.Join(names, "、")))
	}
	return out
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
