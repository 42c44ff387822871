package score

import (
	"context"
	"fmt"
	"math"

	"github.com/gongping/gongping/data"
)

// Normalise returns ws scaled to sum to 1 (all zero when the sum is not positive): the "shown normalised"
// view of directly entered weights.
func Normalise(ws []float64) []float64 {
	out := make([]float64, len(ws))
	var s float64
	for _, w := range ws {
		if w > 0 {
			s += w
		}
	}
	if s <= 0 {
		return out
	}
	for i, w := range ws {
		if w > 0 {
			out[i] = w / s
		}
	}
	return out
}

// randomIndex is Saaty's random consistency index RI by matrix order (1-based; orders 1–2 are always
// consistent).
var randomIndex = []float64{0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59}

// MaxAHP is the largest pairwise matrix AHP accepts (the RI table's end).
const MaxAHP = 15

// AHPResult is the outcome of an analytic hierarchy process comparison.
type AHPResult struct {
	Weights    []float64 `json:"weights"` // principal eigenvector, sums to 1
	LambdaMax  float64   `json:"lambda_max"`
	CI         float64   `json:"ci"` // (λmax − n)/(n − 1)
	RI         float64   `json:"ri"`
	CR         float64   `json:"cr"`         // CI/RI; 0 for n ≤ 2
	Consistent bool      `json:"consistent"` // CR < 0.1
}

// AHP derives weights from a pairwise comparison matrix: a[i][j] says how much more important item i is
// than item j on Saaty's 1–9 scale; a[j][i] must be 1/a[i][j]. Weights are the principal eigenvector (power
// iteration); CR ≥ 0.1 means the judgements are inconsistent and should be revised.
func AHP(a [][]float64) (AHPResult, error) {
	n := len(a)
	if n == 0 || n > MaxAHP {
		return AHPResult{}, data.InputErrorf("AHP 判断矩阵应为 1 到 %d 阶", MaxAHP)
	}
	for i := range a {
		if len(a[i]) != n {
			return AHPResult{}, data.InputErrorf("AHP 判断矩阵第 %d 行应有 %d 个数", i+1, n)
		}
		for j := range a[i] {
			v := a[i][j]
			if !(v > 0) || math.IsInf(v, 0) || v < 1.0/9-1e-9 || v > 9+1e-9 {
				return AHPResult{}, data.InputErrorf("AHP 判断矩阵第 %d 行第 %d 列的值 %g 应在 1/9 到 9 之间", i+1, j+1, v)
			}
			if i == j && math.Abs(v-1) > 1e-9 {
				return AHPResult{}, data.InputErrorf("AHP 判断矩阵对角线（第 %d 行）应为 1", i+1)
			}
			if math.Abs(v*a[j][i]-1) > 1e-6 {
				return AHPResult{}, data.InputErrorf("AHP 判断矩阵第 %d 行第 %d 列与第 %d 行第 %d 列应互为倒数", i+1, j+1, j+1, i+1)
			}
		}
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for iter := 0; iter < 1000; iter++ {
		var s float64
		for i := range a {
			next[i] = 0
			for j := range a[i] {
				next[i] += a[i][j] * w[j]
			}
			s += next[i]
		}
		var diff float64
		for i := range next {
			next[i] /= s
			diff = math.Max(diff, math.Abs(next[i]-w[i]))
		}
		copy(w, next)
		if diff < 1e-13 {
			break
		}
	}
	var lambda float64
	for i := range a {
		var aw float64
		for j := range a[i] {
			aw += a[i][j] * w[j]
		}
		lambda += aw / w[i]
	}
	lambda /= float64(n)
	r := AHPResult{Weights: w, LambdaMax: lambda, RI: randomIndex[n]}
	if n > 2 {
		r.CI = (lambda - float64(n)) / float64(n-1)
		r.CR = r.CI / r.RI
	}
	r.Consistent = r.CR < 0.1
	return r, nil
}

// PairwiseMatrix builds the full reciprocal matrix from the upper triangle: upper[k] is the judgement of
// pair (i, j), i < j, in row order (for n = 3: (0,1), (0,2), (1,2)).
func PairwiseMatrix(n int, upper []float64) ([][]float64, error) {
	if len(upper) != n*(n-1)/2 {
		return nil, fmt.Errorf("pairwise: %d judgements for %d items", len(upper), n)
	}
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n)
		a[i][i] = 1
	}
	k := 0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if !(upper[k] > 0) {
				return nil, data.InputErrorf("AHP 判断值 %g 必须为正数", upper[k])
			}
			a[i][j], a[j][i] = upper[k], 1/upper[k]
			k++
		}
	}
	return a, nil
}

// EntropyWeights derives the indicator weights of each dimension from the data by the entropy method
// (熵值法): over the valid respondents with a value for every indicator of the dimension, each column is
// min–max normalised, p_ij = x_ij/Σ_i x_ij, e_j = −Σ p_ij ln p_ij / ln n, and w_j ∝ 1 − e_j. A dimension
// with fewer than 2 indicators or 2 complete respondents gets nil (keep the entered weights); a column
// without variation carries no information (weight 0).
func EntropyWeights(ctx context.Context, in Input) (map[string][]float64, error) {
	in.keepValues = true
	res, err := Compute(ctx, in)
	if err != nil {
		return nil, err
	}
	out := map[string][]float64{}
	for _, k := range DimensionKeys {
		cs := res.values[k]
		if len(cs) < 2 {
			out[k] = nil
			continue
		}
		var rows [][]float64
		for r := range cs[0].vals {
			row := make([]float64, len(cs))
			ok := true
			for j, c := range cs {
				row[j] = c.vals[r]
				if math.IsNaN(row[j]) {
					ok = false
					break
				}
			}
			if ok {
				rows = append(rows, row)
			}
		}
		out[k] = entropy(rows, len(cs))
	}
	return out, nil
}

func entropy(rows [][]float64, m int) []float64 {
	n := len(rows)
	if n < 2 {
		return nil
	}
	d := make([]float64, m)
	var sd float64
	for j := 0; j < m; j++ {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range rows {
			lo, hi = math.Min(lo, r[j]), math.Max(hi, r[j])
		}
		if hi == lo {
			continue
		}
		var s float64
		for _, r := range rows {
			s += (r[j] - lo) / (hi - lo)
		}
		var e float64
		for _, r := range rows {
			if p := (r[j] - lo) / (hi - lo) / s; p > 0 {
				e -= p * math.Log(p)
			}
		}
		e /= math.Log(float64(n))
		d[j] = 1 - e
		sd += d[j]
	}
	if sd <= 0 {
		return nil
	}
	for j := range d {
		d[j] /= sd
	}
	return d
}
