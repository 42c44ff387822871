package score

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestIPA(t *testing.T) {
	nan := math.NaN()
	overall := []float64{0, 25, 50, 75, 100}
	up := []float64{0, 25, 50, 75, 100}   // r = 1
	down := []float64{100, 75, 50, 25, 0} // r = −1
	all := slices.Repeat([]bool{true}, 5)
	// dims gives each indicator of calcs (process: a, b; standards: c, d) its score.
	dims := func(scores ...*float64) []Dimension {
		ds := []Dimension{{Key: "process"}, {Key: "standards"}, {Key: "results"}}
		for i, s := range scores {
			ds[i/2].Indicators = append(ds[i/2].Indicators, Indicator{Score: s})
		}
		return ds
	}
	calcs := func(vals ...[]float64) map[string][]*indicatorCalc {
		m := map[string][]*indicatorCalc{}
		for i, v := range vals {
			k := DimensionKeys[i/2]
			m[k] = append(m[k], calc(string(rune('a'+i)), 0.5, v...))
		}
		return m
	}
	cases := []struct {
		name    string
		calcs   map[string][]*indicatorCalc
		dims    []Dimension
		overall []float64
		valid   []bool
		want    []string // indicator dimension importance performance quadrant n
		means   *IPAMeans
	}{
		{name: "four quadrants against the means",
			calcs: calcs(up, down, up, down), dims: dims(ptr(50.0), ptr(90.0), ptr(80.0), ptr(60.0)), overall: overall, valid: all,
			want:  []string{"a process 1 50 重点改进区 5", "b process -1 90 过度供给区 5", "c standards 1 80 优势保持区 5", "d standards -1 60 次要改进区 5"},
			means: &IPAMeans{Importance: 0, Performance: 70}},
		{name: "at the mean counts as high", calcs: calcs(up, down), dims: dims(ptr(70.0), ptr(70.0)), overall: overall, valid: all,
			want: []string{"a process 1 70 优势保持区 5", "b process -1 70 过度供给区 5"}, means: &IPAMeans{Importance: 0, Performance: 70}},
		{name: "pairwise complete, valid only", calcs: calcs([]float64{0, 25, nan, 75, 100}), dims: dims(ptr(50.0)),
			overall: []float64{0, 25, 50, nan, 100}, valid: []bool{true, true, true, true, false},
			want: []string{"a process 1 50 优势保持区 2"}, means: &IPAMeans{Importance: 1, Performance: 50}},
		{name: "a held-back (unscored) indicator is not placed", calcs: calcs(up, down), dims: dims(nil, ptr(40.0)), overall: overall, valid: all,
			want: []string{"b process -1 40 优势保持区 5"}, means: &IPAMeans{Importance: -1, Performance: 40}},
		{name: "no variation: no r, not placed", calcs: calcs(up, []float64{50, 50, 50, 50, 50}), dims: dims(ptr(50.0), ptr(50.0)),
			overall: overall, valid: all, want: []string{"a process 1 50 优势保持区 5"}, means: &IPAMeans{Importance: 1, Performance: 50}},
		{name: "all missing overall", calcs: calcs(up), dims: dims(ptr(50.0)), overall: []float64{nan, nan, nan, nan, nan}, valid: all},
		{name: "empty group: no respondents", calcs: calcs([]float64{}), dims: dims(ptr(50.0)), overall: []float64{}, valid: []bool{}},
		{name: "no indicators", calcs: calcs(), dims: dims(), overall: overall, valid: all},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pts, means := ipa(c.calcs, c.dims, c.overall, c.valid)
			if pts == nil {
				t.Fatal("nil points (JSON null)")
			}
			var got []string
			for _, p := range pts {
				got = append(got, fmt.Sprintf("%s %s %.6g %g %s %d", p.Indicator, p.Dimension, p.Importance, p.Performance, p.Quadrant, p.N))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
			if (means == nil) != (c.means == nil) || means != nil && (!sameFloat(means.Importance, c.means.Importance) || !sameFloat(means.Performance, c.means.Performance)) {
				t.Errorf("means = %+v, want %+v", means, c.means)
			}
		})
	}
}

func TestQuadrant(t *testing.T) {
	for _, c := range []struct {
		imp, perf bool
		want      string
	}{{true, false, QuadrantFix}, {true, true, QuadrantKeep}, {false, false, QuadrantMinor}, {false, true, QuadrantOverkill}} {
		if got := quadrant(c.imp, c.perf); got != c.want {
			t.Errorf("quadrant(%v, %v) = %s, want %s", c.imp, c.perf, got, c.want)
		}
	}
}
