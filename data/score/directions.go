package score

import "github.com/gongping/gongping/data/assess"

// The method's "Directions" step (改进方向): each option of a directions question with its demand share,
// then the assessment's and the officers' suggestion texts, source named. Importance–performance analysis,
// the other half of DESIGN's step, is ipa.go.

// directions is the ranked list of improvement directions.
func (r *run) directions(rows []assess.Row, fb []assess.Feedback) []Direction {
	out := []Direction{}
	for _, o := range r.chosen(r.sc.Directions) {
		out = append(out, Direction{Item: o.option, Source: SourceSurvey, Share: o.share, Count: o.count, Question: o.question})
	}
	sortSurvey(out, func(d Direction) (*float64, int) { return d.Share, d.Count })
	for _, t := range mergeTexts(assessTexts(r.sc, rows, true)) {
		out = append(out, Direction{Item: t.text, Source: SourceAssessment, Count: t.count})
	}
	for _, t := range mergeTexts(officerTexts(fb, true)) {
		out = append(out, Direction{Item: t.text, Source: SourceOfficers, Count: t.count})
	}
	return out
}
