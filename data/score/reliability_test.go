package score

import (
	"math"
	"slices"
	"testing"
)

func TestDimensionQuestions(t *testing.T) {
	cs := []*indicatorCalc{{qs: []int{3, 1}}, {qs: []int{1, 4}}, {}}
	if got, want := dimensionQuestions(cs), []int{3, 1, 4}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := dimensionQuestions(nil); got != nil {
		t.Errorf("no indicators: got %v", got)
	}
}

func TestAlpha(t *testing.T) {
	nan := math.NaN()
	all := func(n int) []bool { return slices.Repeat([]bool{true}, n) }
	cases := []struct {
		name  string
		dq    []int
		vals  map[int][]float64
		valid []bool
		alpha *float64
		n     int
	}{
		// var 2500 and 833.3̅, total 5833.3̅: α = 2·(1 − 3333.3̅/5833.3̅) = 6/7
		{"two items", []int{0, 1}, map[int][]float64{0: {0, 50, 100}, 1: {50, 50, 100}}, all(3), ptr(6.0 / 7), 3},
		{"identical items", []int{0, 1}, map[int][]float64{0: {0, 50, 100}, 1: {0, 50, 100}}, all(3), ptr(1.0), 3},
		{"listwise: a respondent missing an item is left out", []int{0, 1},
			map[int][]float64{0: {0, 50, 100, nan}, 1: {50, 50, 100, 25}}, all(4), ptr(6.0 / 7), 3},
		{"invalid respondents are left out", []int{0, 1},
			map[int][]float64{0: {0, 50, 100, 0}, 1: {50, 50, 100, 100}}, []bool{true, true, true, false}, ptr(6.0 / 7), 3},
		{"one question: no α", []int{0}, map[int][]float64{0: {0, 50, 100}}, all(3), nil, 0},
		{"no questions", nil, nil, all(3), nil, 0},
		{"all missing", []int{0, 1}, map[int][]float64{0: {nan, nan}, 1: {nan, 50}}, all(2), nil, 0},
		{"one complete respondent", []int{0, 1}, map[int][]float64{0: {50, nan}, 1: {50, 50}}, all(2), nil, 1},
		{"no total variance", []int{0, 1}, map[int][]float64{0: {0, 50, 100}, 1: {100, 50, 0}}, all(3), nil, 3},
		{"no respondents", []int{0, 1}, map[int][]float64{0: {}, 1: {}}, nil, nil, 0},
	}
	for _, c := range cases {
		a, n := alpha(c.dq, c.vals, c.valid)
		if !samePtr(a, c.alpha) || n != c.n {
			t.Errorf("%s: α %s over %d, want %s over %d", c.name, showPtr(a), n, showPtr(c.alpha), c.n)
		}
	}
}
