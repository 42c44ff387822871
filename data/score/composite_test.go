package score

import (
	"slices"
	"strings"
	"testing"
)

func TestDimensionScore(t *testing.T) {
	w := Sources{Survey: 0.6, Assessment: 0.3, Officers: 0.1}
	cases := []struct {
		name                         string
		w                            Sources
		survey, assessment, officers *float64
		want                         *float64
	}{
		{"three sources", w, ptr(80.0), ptr(70.0), ptr(90.0), ptr(78.0)},        // 48 + 21 + 9
		{"no survey: over the others", w, nil, ptr(70.0), ptr(90.0), ptr(75.0)}, // 30 / 0.4
		{"survey only", w, ptr(64.5), nil, nil, ptr(64.5)},                      // whatever its weight
		{"a source weighted 0 is left out", Sources{Survey: 1}, ptr(80.0), ptr(0.0), nil, ptr(80.0)},
		{"a 0 score counts", w, ptr(0.0), nil, ptr(100.0), ptr(100.0 / 7)}, // 10 / 0.7
		{"no source has data", w, nil, nil, nil, nil},
		{"only a source weighted 0 has data", Sources{Survey: 1}, nil, ptr(50.0), nil, nil},
	}
	for _, c := range cases {
		if got := dimensionScore(c.w, c.survey, c.assessment, c.officers); !samePtr(got, c.want) {
			t.Errorf("%s: C_d = %s, want %s", c.name, showPtr(got), showPtr(c.want))
		}
	}
}

func TestDimensionScoreCI(t *testing.T) {
	w := Sources{Survey: 0.6, Assessment: 0.3, Officers: 0.1}
	ci := &[2]float64{57.3, 59.8} // the survey part's: half-width 1.25
	cases := []struct {
		name                         string
		w                            Sources
		survey, assessment, officers *float64
		ci                           *[2]float64
		want                         *[2]float64
	}{
		// 66.3 was printed over 57.3–59.8: C = 0.6·58.5 + 0.3·78.3 + 0.1·65 = 65.09, ± 0.6·1.25.
		{"three sources: the survey's half-width × 0.6, around C", w, ptr(58.5), ptr(78.3), ptr(65.0), ci, &[2]float64{64.34, 65.84}},
		{"two sources: × 0.6/0.9", w, ptr(58.5), ptr(78.3), nil, ci, &[2]float64{65.1 - 1.25*2/3, 65.1 + 1.25*2/3}},
		{"survey only: its half-width, around the survey part", w, ptr(58.0), nil, nil, ci, &[2]float64{56.75, 59.25}},
		{"a source weighted 0 does not dilute it", Sources{Survey: 1}, ptr(58.0), ptr(90.0), nil, ci, &[2]float64{56.75, 59.25}},
		{"no survey part: no interval", w, nil, ptr(78.3), ptr(65.0), nil, nil},
		{"a survey part without an interval (n < 2)", w, ptr(58.5), ptr(78.3), nil, nil, nil},
		{"the survey weighted 0: C has no sampling error to show", Sources{Assessment: 1}, ptr(58.5), ptr(78.3), nil, ci, nil},
	}
	for _, c := range cases {
		d := Dimension{Survey: c.survey, Assessment: c.assessment, Officers: c.officers, CI95: c.ci}
		d.Score = dimensionScore(c.w, c.survey, c.assessment, c.officers)
		got := dimensionScoreCI(c.w, d)
		if (got == nil) != (c.want == nil) || got != nil && (!sameFloat(got[0], c.want[0]) || !sameFloat(got[1], c.want[1])) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCompositeScore(t *testing.T) {
	dim := func(name string, w float64, score *float64, held string) Dimension {
		return Dimension{Name: name, Weight: w, Score: score, HeldBack: held}
	}
	third := 1.0 / 3
	cases := []struct {
		name  string
		dims  []Dimension
		score *float64
		grade string
		held  string // part of the reason
	}{
		{"weighted mean", []Dimension{dim("执行过程", 0.25, ptr(90.0), ""), dim("细则标准", 0.25, ptr(70.0), ""), dim("取得成效", 0.5, ptr(80.0), "")}, ptr(80.0), "良", ""},
		{"over the dimensions with a score", []Dimension{dim("执行过程", third, ptr(95.0), ""), dim("细则标准", third, nil, ""), dim("取得成效", third, ptr(85.0), "")}, ptr(90.0), "优", ""},
		{"grade boundary 60 is 中", []Dimension{dim("执行过程", 0.5, ptr(50.0), ""), dim("细则标准", 0.5, ptr(70.0), "")}, ptr(60.0), "中", ""},
		{"below 60 is 差", []Dimension{dim("执行过程", 1, ptr(59.9), "")}, ptr(59.9), "差", ""},
		{"no dimension has a score", []Dimension{dim("执行过程", third, nil, ""), dim("细则标准", third, nil, "")}, nil, "", ""},
		{"no dimensions", nil, nil, "", ""},
		{"a held-back dimension holds it back", []Dimension{dim("执行过程", 0.5, ptr(90.0), ""), dim("细则标准", 0.5, nil, "指标暂缓")}, nil, "", "细则标准维度暂缓计分"},
		{"every held-back dimension is named", []Dimension{dim("执行过程", 0.5, nil, "x"), dim("取得成效", 0.5, nil, "y")}, nil, "", "执行过程、取得成效维度"},
	}
	for _, c := range cases {
		got := compositeScore(c.dims)
		grade := ""
		if got.Grade != nil {
			grade = *got.Grade
		}
		if !samePtr(got.Score, c.score) || grade != c.grade || c.held == "" && got.HeldBack != "" || !strings.Contains(got.HeldBack, c.held) {
			t.Errorf("%s: %s %q %q, want %s %q %q", c.name, showPtr(got.Score), grade, got.HeldBack, showPtr(c.score), c.grade, c.held)
		}
	}
}

func TestHoldBackUnconfirmed(t *testing.T) {
	res := &Result{
		Dimensions: []Dimension{{Key: "process", Score: ptr(80.0)}, {Key: "standards", HeldBack: "指标暂缓"}, {Key: "results"}},
		Composite:  Composite{Score: ptr(80.0), Grade: ptr("良")},
		Warnings:   []string{"其他提示"},
	}
	holdBackUnconfirmed(res)
	for i, want := range []string{NoSchemeReason, "指标暂缓", ""} { // a reason already given stays
		if d := res.Dimensions[i]; d.Score != nil || d.HeldBack != want {
			t.Errorf("%s: score %s, held back %q; want none, %q", d.Key, showPtr(d.Score), d.HeldBack, want)
		}
	}
	if c := res.Composite; c.Score != nil || c.Grade != nil || c.HeldBack != NoSchemeReason {
		t.Errorf("composite = %+v", c)
	}
	if want := []string{NoSchemeReason, "其他提示"}; !slices.Equal(res.Warnings, want) {
		t.Errorf("warnings = %q, want %q", res.Warnings, want)
	}
}
