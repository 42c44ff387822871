package score

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

// The method's "Problems" step (存在问题): each option of a problems question with its incidence (chosen /
// respondents who answered the question), the assessment's and the officers' problem texts, source named.
// The same problem named by several sources is one entry with all of them (ProblemRule): the same text
// (ignoring spaces, punctuation and width), or an indicator scoring below 60 that an assessment row names
// a problem on. Entries are ranked by evidence, incidence × sources: a problem more respondents chose, or
// more channels found, comes first. The indicators below 60 are no entries of their own (they were one
// row each, padding the list with what the indicator tables show): they are returned apart.

// problems is the ranked problem list, and the indicators scoring below the pass mark.
func (r *run) problems(dims []Dimension, rows []assess.Row, fb []assess.Feedback) (list, low []Problem) {
	var m problemMerger
	for _, o := range r.chosen(r.sc.Problems) {
		m.add(o.option, Mention{Source: SourceSurvey, Count: o.count, Of: o.answered, Incidence: o.share, Question: o.question}, "")
	}
	for _, t := range mergeTexts(assessTexts(r.sc, rows, false)) {
		m.add(t.text, Mention{Source: SourceAssessment, Count: t.count, Indicator: matchIndicator(dims, t.dim, t.indicator)}, t.dim)
	}
	officers, of := officerProblems(fb)
	for _, t := range officers {
		m.add(t.text, Mention{Source: SourceOfficers, Count: t.count, Of: of, Incidence: ptr(float64(t.count) / float64(of))}, "")
	}
	low = lowIndicators(dims)
	for _, ind := range low {
		m.attachIndicator(ind)
	}
	return m.ranked(), low
}

// problemMerger gathers the mentions of each problem, in first-seen order.
type problemMerger struct {
	list []*Problem
	pos  map[string]int // merge key → index
}

func (m *problemMerger) add(text string, mn Mention, dim string) {
	k := problemKey(text)
	if m.pos == nil {
		m.pos = map[string]int{}
	}
	i, ok := m.pos[k]
	if !ok {
		i = len(m.list)
		m.pos[k] = i
		m.list = append(m.list, &Problem{Item: text})
	}
	p := m.list[i]
	p.Mentions = append(p.Mentions, mn)
	if p.Question == "" {
		p.Question = mn.Question
	}
	if p.Dimension == "" {
		p.Dimension = dim
	}
	if p.Indicator == "" {
		p.Indicator = mn.Indicator
	}
}

// attachIndicator adds an indicator scoring below 60 to the first problem the assessment names on it.
func (m *problemMerger) attachIndicator(ind Problem) {
	for _, p := range m.list {
		if p.Indicator == ind.Item && p.Dimension == ind.Dimension {
			p.Mentions = append(p.Mentions, Mention{Source: SourceIndicator, Count: ind.Count, Score: ind.Score, Indicator: ind.Item})
			p.Score = ind.Score
			return
		}
	}
}

// sourceOrder is the order of a problem's sources.
var sourceOrder = []string{SourceSurvey, SourceAssessment, SourceOfficers, SourceIndicator}

// ranked fills each problem's sources, incidence, evidence, count and basis and orders the list by
// evidence (desc); problems without an incidence follow by number of sources (desc); ties by count (desc),
// then in first-seen order (survey question and option order, assessment and officer texts in file order).
func (m *problemMerger) ranked() []Problem {
	out := make([]Problem, 0, len(m.list))
	for _, p := range m.list {
		sortMentions(p.Mentions)
		p.Sources = []string{}
		for _, mn := range p.Mentions {
			if len(p.Sources) == 0 || p.Sources[len(p.Sources)-1] != mn.Source {
				p.Sources = append(p.Sources, mn.Source)
			}
			if mn.Incidence != nil && (p.Incidence == nil || *mn.Incidence > *p.Incidence) {
				p.Incidence = ptr(*mn.Incidence)
			}
			if mn.Source != SourceIndicator {
				p.Count += mn.Count
			}
		}
		p.Source = p.Sources[0]
		if p.Incidence != nil {
			p.Evidence = ptr(*p.Incidence * float64(len(p.Sources)))
		}
		p.Basis = basis(p.Mentions)
		out = append(out, *p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Evidence == nil) != (b.Evidence == nil) {
			return a.Evidence != nil
		}
		if a.Evidence != nil && *a.Evidence != *b.Evidence {
			return *a.Evidence > *b.Evidence
		}
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.Count > b.Count
	})
	return out
}

// sortMentions puts mentions in source order, keeping the order within a source.
func sortMentions(ms []Mention) {
	rank := func(s string) int {
		for i, x := range sourceOrder {
			if x == s {
				return i
			}
		}
		return len(sourceOrder)
	}
	sort.SliceStable(ms, func(i, j int) bool { return rank(ms[i].Source) < rank(ms[j].Source) })
}

// basis says what each source found, in one line: "问卷调查：203人选择，占该题作答人数的46.3%；政策体验官：5人中1人反映".
func basis(ms []Mention) string {
	var parts []string
	for _, mn := range ms {
		switch mn.Source {
		case SourceSurvey:
			s := fmt.Sprintf("问卷调查：%d人选择", mn.Count)
			if mn.Incidence != nil {
				s += "，占该题作答人数的" + percent(*mn.Incidence)
			}
			parts = append(parts, s)
		case SourceAssessment:
			s := "第三方评估："
			if mn.Indicator != "" {
				s += "“" + mn.Indicator + "”指标"
			}
			parts = append(parts, s+fmt.Sprintf("评分中指出（%d条）", mn.Count))
		case SourceOfficers:
			parts = append(parts, fmt.Sprintf("政策体验官：%d人中%d人反映", mn.Of, mn.Count))
		case SourceIndicator:
			parts = append(parts, fmt.Sprintf("问卷调查：“%s”指标得分%.1f分，低于%d分", mn.Indicator, *mn.Score, PassScore))
		}
	}
	return strings.Join(parts, "；")
}

// percent writes a share with one decimal: 46.3%.
func percent(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }

// problemKey is the text two mentions of one problem share: width folded, lower case, without spaces,
// punctuation and symbols (a text of punctuation alone keeps it).
func problemKey(s string) string {
	k := strings.Map(func(r rune) rune {
		r = unicode.ToLower(data.FoldWidth(r))
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
	if k == "" {
		return strings.TrimSpace(s)
	}
	return k
}

// officerProblems are the officers' problem texts, each with how many officers gave it (by name; a row
// without a name is an officer of its own), texts merged by problemKey in first-seen order; and how many
// officers gave feedback.
func officerProblems(fb []assess.Feedback) ([]text, int) {
	all := map[string]bool{}
	var out []text
	pos := map[string]int{}
	said := map[string]bool{} // key + officer
	for i, f := range fb {
		who := "r:" + strconv.Itoa(i)
		if n := strings.TrimSpace(f.Name); n != "" {
			who = "n:" + n
		}
		all[who] = true
		t := strings.TrimSpace(f.Problems)
		if data.IsFiller(t) {
			continue
		}
		k := problemKey(t)
		if said[k+"\x00"+who] {
			continue
		}
		said[k+"\x00"+who] = true
		if j, ok := pos[k]; ok {
			out[j].count++
			continue
		}
		pos[k] = len(out)
		out = append(out, text{text: t, count: 1})
	}
	return out, len(all)
}

// matchIndicator is the name of the scheme indicator of dimension dim that an assessment row's 二级指标
// names: the same name (spaces, punctuation and width ignored), else the longest indicator name one of
// them contains ("政策目标实现程度" names 目标实现程度); "" when none.
func matchIndicator(dims []Dimension, dim, text string) string {
	t := problemKey(text)
	if dim == "" || t == "" {
		return ""
	}
	best := ""
	for _, d := range dims {
		if d.Key != dim {
			continue
		}
		for _, ind := range d.Indicators {
			n := problemKey(ind.Name)
			switch {
			case n == t:
				return ind.Name
			case utf8.RuneCountInString(n) >= 2 && (strings.Contains(t, n) || strings.Contains(n, t)) && len(n) > len(problemKey(best)):
				best = ind.Name
			}
		}
	}
	return best
}

// lowIndicators are the indicators scoring below the pass mark, lowest first (ties in scheme order).
func lowIndicators(dims []Dimension) []Problem {
	low := []Problem{}
	for _, d := range dims {
		for _, ind := range d.Indicators {
			if ind.Score != nil && BelowPass(*ind.Score) {
				low = append(low, Problem{Item: ind.Name, Source: SourceIndicator, Sources: []string{SourceIndicator}, Count: ind.N,
					Score: ind.Score, Dimension: d.Key, Indicator: ind.Name,
					Mentions: []Mention{{Source: SourceIndicator, Count: ind.N, Score: ind.Score, Indicator: ind.Name}}})
			}
		}
	}
	sort.SliceStable(low, func(i, j int) bool { return *low[i].Score < *low[j].Score })
	for i := range low {
		low[i].Basis = basis(low[i].Mentions)
	}
	return low
}

// chosenOption is how often one option of a choice question was chosen.
type chosenOption struct {
	optionCount
	question string // the question's key
}

// chosen counts the options of the questions refs names (problems or directions), question by question;
// a reference the round does not have is skipped.
func (r *run) chosen(refs []string) []chosenOption {
	var out []chosenOption
	for _, ref := range refs {
		q, ok := r.ix.find(ref)
		if !ok {
			continue
		}
		for _, o := range optionCounts(r.qs[q], q, r.resp, r.valid, r.valuerOf(q)) {
			out = append(out, chosenOption{o, r.qs[q].Key})
		}
	}
	return out
}

type optionCount struct {
	option   string
	count    int
	share    *float64
	answered int // valid respondents who answered the question
}

// optionCounts counts how often each option of a choice question was chosen by the valid respondents who
// answered it: the question's declared options first, then options first seen in the answers.
func optionCounts(q data.Question, qi int, resp []data.Response, valid []bool, v *valuer) []optionCount {
	pos := map[string]int{}
	var out []optionCount
	add := func(o string) int {
		if i, ok := pos[o]; ok {
			return i
		}
		pos[o] = len(out)
		out = append(out, optionCount{option: o})
		return len(out) - 1
	}
	for _, o := range q.Options {
		if c := cleanAnswer(o); c != "" && !v.missing[c] {
			add(c)
		}
	}
	answered := 0
	for r := range resp {
		if !valid[r] {
			continue
		}
		a := resp[r].Answers[qi]
		if !v.answered(a) {
			continue
		}
		answered++
		seen := map[string]bool{}
		for _, o := range splitOptions(a) {
			if v.missing[o] || seen[o] {
				continue
			}
			seen[o] = true
			if _, known := pos[o]; known || len(out) < 500 { // bound hostile free text
				out[add(o)].count++
			}
		}
	}
	for i := range out {
		out[i].answered = answered
		if answered > 0 {
			out[i].share = ptr(float64(out[i].count) / float64(answered))
		}
	}
	return out
}
