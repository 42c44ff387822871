package score

import "math"

// The method's reliability figure: Cronbach's α over a dimension's questions (listwise complete valid
// respondents, sample variances), null when the dimension has fewer than 2 questions. The bands that
// read it are AlphaBand's (stats.go).

// dimensionQuestions are the distinct questions of a dimension's indicators, in first-mapped order.
func dimensionQuestions(cs []*indicatorCalc) []int {
	var dq []int
	seen := map[int]bool{}
	for _, c := range cs {
		for _, q := range c.qs {
			if !seen[q] {
				seen[q] = true
				dq = append(dq, q)
			}
		}
	}
	return dq
}

// alpha is Cronbach's α over questions dq and the number of valid respondents with a value for every one
// of them (n is 0 and α nil with fewer than 2 questions; α is nil when CronbachAlpha cannot give one).
func alpha(dq []int, vals map[int][]float64, valid []bool) (a *float64, n int) {
	if len(dq) < 2 {
		return nil, 0
	}
	var rows [][]float64
	for i := range valid {
		if !valid[i] {
			continue
		}
		row := make([]float64, len(dq))
		ok := true
		for j, q := range dq {
			row[j] = vals[q][i]
			if math.IsNaN(row[j]) {
				ok = false
				break
			}
		}
		if ok {
			rows = append(rows, row)
		}
	}
	if x, ok := CronbachAlpha(rows); ok {
		a = ptr(x)
	}
	return a, len(rows)
}
