package score

import (
	"sort"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

// The method's "Problems" step (存在问题): each option of a problems question with its incidence (chosen /
// respondents who answered the question), then every indicator scoring < 60, then the assessment's and
// the officers' problem texts, source named. The order is Result's (result.go).

// problems is the ranked problem list.
func (r *run) problems(dims []Dimension, rows []assess.Row, fb []assess.Feedback) []Problem {
	out := []Problem{}
	for _, o := range r.chosen(r.sc.Problems) {
		out = append(out, Problem{Item: o.option, Source: SourceSurvey, Incidence: o.share, Count: o.count, Question: o.question})
	}
	sortSurvey(out, func(p Problem) (*float64, int) { return p.Incidence, p.Count })
	out = append(out, lowIndicators(dims)...)
	for _, t := range mergeTexts(assessTexts(r.sc, rows, false)) {
		out = append(out, Problem{Item: t.text, Source: SourceAssessment, Count: t.count, Dimension: t.dim})
	}
	for _, t := range mergeTexts(officerTexts(fb, false)) {
		out = append(out, Problem{Item: t.text, Source: SourceOfficers, Count: t.count})
	}
	return out
}

// lowIndicators are the indicators scoring below the pass mark, lowest first (ties in scheme order).
func lowIndicators(dims []Dimension) []Problem {
	var low []Problem
	for _, d := range dims {
		for _, ind := range d.Indicators {
			if ind.Score != nil && BelowPass(*ind.Score) {
				low = append(low, Problem{Item: ind.Name, Source: SourceIndicator, Count: ind.N, Score: ind.Score, Dimension: d.Key})
			}
		}
	}
	sort.SliceStable(low, func(i, j int) bool { return *low[i].Score < *low[j].Score })
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
	option string
	count  int
	share  *float64
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
		if answered > 0 {
			out[i].share = ptr(float64(out[i].count) / float64(answered))
		}
	}
	return out
}
