package score

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

func TestMapIndicators(t *testing.T) {
	qs := stepQuestions(4)
	sc := NewScheme()
	sc.Dimensions.Process.Indicators = []IndicatorSpec{
		{Name: "便捷", Weight: 2, Questions: []string{"Q2", "Q1"}},
		{Name: "态度", Weight: 1, Questions: []string{"Q1", "第3题"}}, // Q1 again; Q3 by its text
	}
	sc.Dimensions.Results.Indicators = []IndicatorSpec{{Name: "成效", Weight: 5, Questions: []string{"Q4"}}}
	calcs, mapped := mapIndicators(sc, newQuestionIndex(qs))
	if want := []int{1, 0, 2, 3}; !slices.Equal(mapped, want) {
		t.Errorf("mapped = %v, want %v (distinct, first-mapped order)", mapped, want)
	}
	type ind struct {
		name   string
		qs     []int
		weight float64
	}
	want := map[string][]ind{
		"process":   {{"便捷", []int{1, 0}, 2.0 / 3}, {"态度", []int{0, 2}, 1.0 / 3}},
		"standards": nil,
		"results":   {{"成效", []int{3}, 1}},
	}
	for _, k := range DimensionKeys {
		if len(calcs[k]) != len(want[k]) {
			t.Fatalf("%s: %d indicators, want %d", k, len(calcs[k]), len(want[k]))
		}
		for i, c := range calcs[k] {
			w := want[k][i]
			if c.spec.Name != w.name || !slices.Equal(c.qs, w.qs) || !sameFloat(c.weight, w.weight) {
				t.Errorf("%s[%d] = %s %v %g, want %s %v %g", k, i, c.spec.Name, c.qs, c.weight, w.name, w.qs, w.weight)
			}
		}
	}
}

func TestScoredQuestions(t *testing.T) {
	cases := []struct {
		name    string
		mapped  []int
		overall int
		want    []int
	}{
		{"no overall question", []int{2, 0}, -1, []int{2, 0}},
		{"overall apart, last", []int{2, 0}, 5, []int{2, 0, 5}},
		{"overall also an indicator's, once", []int{2, 0}, 0, []int{2, 0}},
		{"only the overall question", nil, 1, []int{1}},
		{"nothing", nil, -1, nil},
	}
	for _, c := range cases {
		if got := scoredQuestions(c.mapped, c.overall); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestIndicatorValues(t *testing.T) {
	nan := math.NaN()
	rep := func(row []string, n int) [][]string {
		out := make([][]string, n)
		for i := range out {
			out[i] = row
		}
		return out
	}
	cases := []struct {
		name     string
		rows     [][]string // answers to Q1, Q2 (the indicator's questions)
		valid    []bool     // nil: all valid
		vals     []float64
		score    *float64
		n        int
		rate     *float64
		ci       *[2]float64
		heldBack string // part of the reason; "" = scored
	}{
		{name: "mean of the valued answers", rows: [][]string{{"满意", "非常满意"}, {"一般", "不了解"}, {"不了解", "不了解"}},
			// 87.5 and 50: mean 68.75, sample sd 37.5/√2, half-width 1.96·sd/√2 = 36.75
			vals: []float64{87.5, 50, nan}, score: ptr(68.75), n: 2, rate: ptr(0.5), ci: &[2]float64{32, 105.5}},
		{name: "empty group: no responses", rows: nil, vals: []float64{}},
		{name: "all missing", rows: [][]string{{"不了解", ""}, {"", "无法评价"}}, vals: []float64{nan, nan}},
		{name: "an invalid response counts nowhere", rows: [][]string{{"满意", "满意"}, {"非常不满意", "非常不满意"}}, valid: []bool{true, false},
			vals: []float64{75, nan}, score: ptr(75.0), n: 1, rate: ptr(1.0)}, // one value: no interval
		{name: "satisfied at exactly 75", rows: [][]string{{"非常满意", "一般"}, {"满意", "满意"}},
			vals: []float64{75, 75}, score: ptr(75.0), n: 2, rate: ptr(1.0), ci: &[2]float64{75, 75}},
		{name: "10% unrecognised is still scored", rows: append(rep([]string{"满意", "满意"}, 4), []string{"满意", "随便吧"}),
			vals: []float64{75, 75, 75, 75, 75}, score: ptr(75.0), n: 5, rate: ptr(1.0), ci: &[2]float64{75, 75}},
		{name: "over 10% unrecognised: held back", rows: append(rep([]string{"满意", "满意"}, 4), []string{"随便吧", "随便吧"}),
			vals: []float64{nan, nan, nan, nan, nan}, n: 4, heldBack: "有 20% 的回答（2/10）无法识别（如“随便吧”）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := stepRun(t, nil, stepQuestions(2), c.rows, c.valid...)
			calc := &indicatorCalc{spec: IndicatorSpec{Name: "便捷", Weight: 1}, qs: []int{0, 1}, weight: 1}
			r.indicatorValues(calc)
			if !sameFloats(calc.vals, c.vals) {
				t.Errorf("vals = %v, want %v", calc.vals, c.vals)
			}
			ind := r.indicatorResult(calc)
			if ind.Name != "便捷" || !slices.Equal(ind.Questions, []string{"Q1", "Q2"}) || ind.Weight != 1 {
				t.Errorf("indicator = %q %v %g", ind.Name, ind.Questions, ind.Weight)
			}
			if !samePtr(ind.Score, c.score) || ind.N != c.n || !samePtr(ind.SatisfactionRate, c.rate) {
				t.Errorf("score %s n %d rate %s, want %s %d %s", showPtr(ind.Score), ind.N, showPtr(ind.SatisfactionRate), showPtr(c.score), c.n, showPtr(c.rate))
			}
			if (ind.CI95 == nil) != (c.ci == nil) || ind.CI95 != nil && !sameFloats(ind.CI95[:], c.ci[:]) {
				t.Errorf("ci95 = %v, want %v", ind.CI95, c.ci)
			}
			if c.heldBack == "" && ind.HeldBack != "" || !strings.Contains(ind.HeldBack, c.heldBack) {
				t.Errorf("held back = %q, want %q", ind.HeldBack, c.heldBack)
			}
		})
	}
}

// An indicator's questions can be of different scales: each answer is valued on its own question's.
func TestIndicatorValuesMixedScales(t *testing.T) {
	qs := append(stepQuestions(1), data.Question{Key: "Q2", Num: 2, Text: "打分", Type: data.QRating})
	sc := NewScheme()
	sc.Questions["Q2"] = Scale{Points: 5, Best: 5}
	r := stepRun(t, sc, qs, [][]string{{"满意", "5"}, {"不满意", "2"}})
	calc := &indicatorCalc{qs: []int{0, 1}, weight: 1}
	r.indicatorValues(calc)
	if want := []float64{87.5, 25}; !sameFloats(calc.vals, want) { // (75+100)/2, (25+25)/2
		t.Errorf("vals = %v, want %v", calc.vals, want)
	}
}

func TestMostFrequent(t *testing.T) {
	cases := []struct {
		m    map[string]int
		want string
	}{
		{nil, ""},
		{map[string]int{"乙": 1, "甲": 3}, "甲"},
		{map[string]int{"b": 2, "a": 2, "c": 1}, "a"}, // tie: first in order
	}
	for _, c := range cases {
		if got := mostFrequent(c.m); got != c.want {
			t.Errorf("mostFrequent(%v) = %q, want %q", c.m, got, c.want)
		}
	}
}
