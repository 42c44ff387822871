package score

import (
	"fmt"
	"strings"
)

// The method's two weighted means of parts: a dimension's score C_d combines its sources, the composite
// combines the three dimensions and is graded (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60).

// dimensionScore is C_d = Σ W_src·X_src,d / Σ W_src over the sources that have data for d (and a weight
// above 0); nil when none has.
func dimensionScore(w Sources, survey, assessment, officers *float64) *float64 {
	var cs, cw float64
	for _, p := range []struct {
		x *float64
		w float64
	}{{survey, w.Survey}, {assessment, w.Assessment}, {officers, w.Officers}} {
		if p.x != nil && p.w > 0 {
			cs += p.w * *p.x
			cw += p.w
		}
	}
	if cw > 0 {
		return ptr(cs / cw)
	}
	return nil
}

// dimensionScoreCI is the 95% interval of C_d from the survey's sampling error alone (ScoreCIRule): the
// assessment and the officers are not samples, so they are held fixed and C_d moves with S_d by the
// survey's share of the weights combined in C_d. The half-width is that share times the half-width of
// the survey part's interval (CI95, over respondent dimension values), centred on C_d. nil when the
// survey part has no interval or does not enter C_d.
func dimensionScoreCI(w Sources, d Dimension) *[2]float64 {
	if d.Score == nil || d.Survey == nil || d.CI95 == nil || w.Survey <= 0 {
		return nil
	}
	total := w.Survey
	for _, p := range []struct {
		x *float64
		w float64
	}{{d.Assessment, w.Assessment}, {d.Officers, w.Officers}} {
		if p.x != nil && p.w > 0 {
			total += p.w
		}
	}
	h := (d.CI95[1] - d.CI95[0]) / 2 * w.Survey / total
	return &[2]float64{*d.Score - h, *d.Score + h}
}

// compositeScore is Σ W_d·C_d / Σ W_d over the dimensions with a score, and its grade. A dimension held
// back holds the composite back (it would be another measure under the scheme's name).
func compositeScore(dims []Dimension) Composite {
	var cs, cw float64
	var held []string
	for _, d := range dims {
		if d.HeldBack != "" {
			held = append(held, d.Name)
		}
		if d.Score != nil {
			cs += d.Weight * *d.Score
			cw += d.Weight
		}
	}
	switch {
	case len(held) > 0:
		return Composite{HeldBack: fmt.Sprintf("%s维度暂缓计分，综合得分和等级暂不给出：请先在评价方案中补充无法识别的选项分值", strings.Join(held, "、"))}
	case cw > 0:
		s := cs / cw
		return Composite{Score: &s, Grade: ptr(Grade(s))}
	}
	return Composite{}
}

// holdBackUnconfirmed takes every dimension score and the composite out of a result scored on a scheme
// nobody set, and says why first among the warnings. A guessed mapping once scored a parenting
// questionnaire on policy indicators (54.5 差): without a scheme the team has set, the weights and the
// questions are nobody's decision, so no score.
func holdBackUnconfirmed(res *Result) {
	for i := range res.Dimensions {
		d := &res.Dimensions[i]
		if d.Score != nil {
			d.Score, d.ScoreCI95, d.HeldBack = nil, nil, NoSchemeReason
		}
	}
	res.Composite = Composite{HeldBack: NoSchemeReason}
	res.Warnings = append([]string{NoSchemeReason}, res.Warnings...)
}
