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
			d.Score, d.HeldBack = nil, NoSchemeReason
		}
	}
	res.Composite = Composite{HeldBack: NoSchemeReason}
	res.Warnings = append([]string{NoSchemeReason}, res.Warnings...)
}
