package score

import "math"

// atLeast reports x ≥ t for scores on 0–100, forgiving floating-point rounding: a weighted mean that is
// exactly 75 on paper (e.g. 25, 100, 100 with weights ⅓) comes out as 74.99999999999999, and DESIGN's
// thresholds (satisfaction ≥ 75, grades, indicators < 60) are about the exact value.
func atLeast(x, t float64) bool { return x >= t-1e-9 }

// PassScore is the score below which an indicator is listed as a problem.
const PassScore = 60

// BelowPass reports whether an indicator score counts as a problem (< 60).
func BelowPass(score float64) bool { return !atLeast(score, PassScore) }

// meanSD returns the mean and the sample standard deviation (0 when n < 2).
func meanSD(xs []float64) (mean, sd float64) {
	if len(xs) == 0 {
		return math.NaN(), math.NaN()
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}

// ci95 is mean ± 1.96·sd/√n; nil when n < 2.
func ci95(mean, sd float64, n int) *[2]float64 {
	if n < 2 {
		return nil
	}
	h := 1.96 * sd / math.Sqrt(float64(n))
	return &[2]float64{mean - h, mean + h}
}

// sampleVar is the sample variance (n − 1).
func sampleVar(xs []float64) float64 {
	_, sd := meanSD(xs)
	return sd * sd
}

// CronbachAlpha computes α = k/(k−1)·(1 − Σ var(item)/var(total)) over complete rows (rows[i][j] = answer of
// respondent i to item j) with sample variances. ok is false when it is undefined: fewer than 2 items or
// rows, or a total variance of 0.
func CronbachAlpha(rows [][]float64) (alpha float64, ok bool) {
	if len(rows) < 2 || len(rows[0]) < 2 {
		return 0, false
	}
	k := len(rows[0])
	col := make([]float64, len(rows))
	var sumVar float64
	for j := 0; j < k; j++ {
		for i, r := range rows {
			col[i] = r[j]
		}
		sumVar += sampleVar(col)
	}
	for i, r := range rows {
		var t float64
		for _, v := range r {
			t += v
		}
		col[i] = t
	}
	tv := sampleVar(col)
	if tv == 0 {
		return 0, false
	}
	return float64(k) / float64(k-1) * (1 - sumVar/tv), true
}

// pearson returns Pearson's r of paired samples; ok is false when undefined (n < 2 or a variance of 0).
func pearson(x, y []float64) (r float64, ok bool) {
	n := len(x)
	if n < 2 {
		return 0, false
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0, false
	}
	return sxy / math.Sqrt(sxx*syy), true
}

func ptr[T any](v T) *T { return &v }
