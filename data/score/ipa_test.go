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
	// withCI gives the indicators of ds (in order) their score's interval: score ± h.
	withCI := func(ds []Dimension, h ...float64) []Dimension {
		i := 0
		for d := range ds {
			for j := range ds[d].Indicators {
				ind := &ds[d].Indicators[j]
				ind.CI95 = &[2]float64{*ind.Score - h[i], *ind.Score + h[i]}
				i++
			}
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
		want    []string // indicator dimension importance performance position verdict n
		means   *IPAMeans
	}{
		{name: "four quadrants against the means when both gaps are significant",
			calcs: calcs(up, down, up, down), dims: withCI(dims(ptr(50.0), ptr(90.0), ptr(80.0), ptr(60.0)), 5, 5, 5, 5), overall: overall, valid: all,
			want: []string{"a process 1 50 重点改进区 重点改进区 5", "b process -1 90 过度供给区 过度供给区 5",
				"c standards 1 80 优势保持区 优势保持区 5", "d standards -1 60 次要改进区 次要改进区 5"},
			means: &IPAMeans{Importance: 0, Performance: 70}},
		{name: "a score whose interval holds the mean performance: only its importance gap is said",
			calcs: calcs(up, down, up, down), dims: withCI(dims(ptr(50.0), ptr(90.0), ptr(80.0), ptr(60.0)), 25, 5, 10, 10), overall: overall, valid: all,
			want: []string{"a process 1 50 重点改进区 重要性显著偏高 5", "b process -1 90 过度供给区 过度供给区 5",
				"c standards 1 80 优势保持区 重要性显著偏高 5", "d standards -1 60 次要改进区 重要性显著偏低 5"},
			means: &IPAMeans{Importance: 0, Performance: 70}},
		{name: "no score interval (n < 2): the performance gap is not significant",
			calcs: calcs(up, down, up, down), dims: dims(ptr(50.0), ptr(90.0), ptr(80.0), ptr(60.0)), overall: overall, valid: all,
			want: []string{"a process 1 50 重点改进区 重要性显著偏高 5", "b process -1 90 过度供给区 重要性显著偏低 5",
				"c standards 1 80 优势保持区 重要性显著偏高 5", "d standards -1 60 次要改进区 重要性显著偏低 5"},
			means: &IPAMeans{Importance: 0, Performance: 70}},
		{name: "at the mean counts as high (on the plot), and is never significant",
			calcs: calcs(up, down), dims: withCI(dims(ptr(70.0), ptr(70.0)), 1, 1), overall: overall, valid: all,
			want: []string{"a process 1 70 优势保持区 重要性显著偏高 5", "b process -1 70 过度供给区 重要性显著偏低 5"}, means: &IPAMeans{Importance: 0, Performance: 70}},
		{name: "pairwise complete, valid only; r of 2 pairs has no interval",
			calcs: calcs([]float64{0, 25, nan, 75, 100}), dims: withCI(dims(ptr(50.0)), 1),
			overall: []float64{0, 25, 50, nan, 100}, valid: []bool{true, true, true, true, false},
			want: []string{"a process 1 50 优势保持区 与均值无显著差异 2"}, means: &IPAMeans{Importance: 1, Performance: 50}},
		{name: "a held-back (unscored) indicator is not placed", calcs: calcs(up, down), dims: dims(nil, ptr(40.0)), overall: overall, valid: all,
			want: []string{"b process -1 40 优势保持区 与均值无显著差异 5"}, means: &IPAMeans{Importance: -1, Performance: 40}},
		{name: "no variation: no r, not placed", calcs: calcs(up, []float64{50, 50, 50, 50, 50}), dims: dims(ptr(50.0), ptr(50.0)),
			overall: overall, valid: all, want: []string{"a process 1 50 优势保持区 与均值无显著差异 5"}, means: &IPAMeans{Importance: 1, Performance: 50}},
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
				got = append(got, fmt.Sprintf("%s %s %.6g %g %s %s %d", p.Indicator, p.Dimension, p.Importance, p.Performance, p.Position, p.Quadrant, p.N))
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

func TestVerdict(t *testing.T) {
	for _, c := range []struct {
		highImp, highPerf, impSig, perfSig bool
		want                               string
	}{
		{true, false, true, true, QuadrantFix}, {true, true, true, true, QuadrantKeep},
		{false, false, true, true, QuadrantMinor}, {false, true, true, true, QuadrantOverkill},
		{false, true, false, true, QuadrantHighPerf}, {true, false, false, true, QuadrantLowPerf},
		{true, true, true, false, QuadrantHighImp}, {false, false, true, false, QuadrantLowImp},
		{false, true, false, false, QuadrantNone}, {true, false, false, false, QuadrantNone}, // 过度供给 or 重点改进 on noise: neither
	} {
		if got := verdict(c.highImp, c.highPerf, c.impSig, c.perfSig); got != c.want {
			t.Errorf("verdict(high imp %v, high perf %v, sig %v/%v) = %s, want %s", c.highImp, c.highPerf, c.impSig, c.perfSig, got, c.want)
		}
	}
}

func TestCorrelationCI(t *testing.T) {
	for _, c := range []struct {
		r      float64
		n      int
		lo, hi float64 // NaN: no interval
	}{
		{0.55638, 411, 0.48579, 0.61976}, // the demo's 政策宣传解读: holds the mean r 0.525
		{0.5, 28, 0.15602, 0.73582},      // z = 0.5493 ± 1.96/5 = [0.1573, 0.9413]
		{0, 103, -0.19352, 0.19352},
		{1, 5, 1, 1}, {-1, 5, -1, -1},
		{1.0000000000000002, 10, 1, 1}, // rounding past 1 is 1
		{0.3, 3, math.NaN(), math.NaN()},
	} {
		ci := correlationCI(c.r, c.n)
		if math.IsNaN(c.lo) {
			if ci != nil {
				t.Errorf("r %g n %d: %v, want none", c.r, c.n, *ci)
			}
			continue
		}
		if ci == nil || math.Abs(ci[0]-c.lo) > 1e-4 || math.Abs(ci[1]-c.hi) > 1e-4 {
			t.Errorf("r %g n %d: %v, want [%g, %g]", c.r, c.n, ci, c.lo, c.hi)
		}
	}
}

func TestExcludes(t *testing.T) {
	ci := &[2]float64{57.3, 59.8}
	for _, c := range []struct {
		ci   *[2]float64
		m    float64
		want bool
	}{{ci, 60, true}, {ci, 57, true}, {ci, 58, false}, {ci, 59.8, false}, {ci, 57.3, false}, {nil, 0, false}} {
		if got := excludes(c.ci, c.m); got != c.want {
			t.Errorf("excludes(%v, %g) = %v", c.ci, c.m, got)
		}
	}
}
