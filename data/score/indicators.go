package score

import (
	"fmt"
	"math"
)

// The method's "Indicator" step: a respondent's value is the mean of their valued answers to the
// indicator's questions; the score is the mean over the respondents with a value, with n, the
// satisfaction rate (share ≥ 75) and the 95% CI. An indicator whose answers are too often unreadable is
// held back.

// HoldBackShare is the share of unrecognised answers above which an indicator is not scored: the
// answers left would be a biased remainder (an unknown label is usually one end of the scale).
const HoldBackShare = 0.10

// indicatorCalc holds one indicator's per-respondent values during a run.
type indicatorCalc struct {
	spec   IndicatorSpec
	qs     []int     // question positions
	vals   []float64 // per response, NaN = no value
	weight float64   // normalised within the dimension
	// Answers of valid respondents to the indicator's questions, and those with no value (an unknown
	// label, a number off the scale): over HoldBackShare of them and the indicator is held back.
	answers, unrec int
	unknown        map[string]int
	heldBack       string
	heldN          int // respondents with a value before it was held back
}

// mapIndicators resolves every indicator of the scheme to its question positions, with its weight
// normalised within its dimension, and lists the distinct questions mapped to indicators in first-mapped
// order (those screening reads).
func mapIndicators(sc *Scheme, ix questionIndex) (calcs map[string][]*indicatorCalc, mapped []int) {
	seen := map[int]bool{}
	calcs = map[string][]*indicatorCalc{}
	for _, k := range DimensionKeys {
		d := sc.Dimensions.Get(k)
		var wsum float64
		for _, ind := range d.Indicators {
			wsum += ind.Weight
		}
		for _, ind := range d.Indicators {
			c := &indicatorCalc{spec: ind, weight: ind.Weight / wsum}
			for _, ref := range ind.Questions {
				i, ok := ix.find(ref)
				if !ok {
					continue // only when the round has no survey: Validate checked every reference otherwise
				}
				c.qs = append(c.qs, i)
				if !seen[i] {
					seen[i] = true
					mapped = append(mapped, i)
				}
			}
			calcs[k] = append(calcs[k], c)
		}
	}
	return calcs, mapped
}

// scoredQuestions are the questions whose answers are valued: those mapped to indicators, then the
// overall question (-1: none) when it is not one of them.
func scoredQuestions(mapped []int, overall int) []int {
	scored := append([]int(nil), mapped...)
	if overall >= 0 {
		for _, q := range mapped {
			if q == overall {
				return scored
			}
		}
		scored = append(scored, overall)
	}
	return scored
}

// indicatorValues fills c.vals with each valid respondent's value (NaN for no value and for invalid
// responses) and counts the answers it could not read; over HoldBackShare of them and it is held back:
// every value is dropped, so it counts nowhere (dimension values, IPA, breakdown, entropy weights).
func (r *run) indicatorValues(c *indicatorCalc) {
	cols := make([][]float64, len(c.qs))
	vs := make([]*valuer, len(c.qs))
	for j, q := range c.qs {
		cols[j], vs[j] = r.vals[q], r.valuers[q]
	}
	c.vals = make([]float64, len(r.resp))
	for i := range r.resp {
		c.vals[i] = math.NaN()
		if !r.valid[i] {
			continue
		}
		var s float64
		var n int
		for _, col := range cols {
			if x := col[i]; !math.IsNaN(x) {
				s += x
				n++
			}
		}
		if n > 0 {
			c.vals[i] = s / float64(n)
		}
		for j, q := range c.qs {
			if x := vs[j].lookup(r.resp[i].Answers[q]); x.answered {
				c.answers++
				if x.unrec {
					c.unrec++
					if c.unknown == nil {
						c.unknown = map[string]int{}
					}
					if len(c.unknown) < 50 {
						c.unknown[x.clean]++
					}
				}
			}
		}
	}
	if c.answers > 0 && float64(c.unrec) > HoldBackShare*float64(c.answers) {
		c.heldBack = fmt.Sprintf("有 %d%% 的回答（%d/%d）无法识别（如“%s”），请在评价方案中补充这些选项的分值",
			int(math.Round(100*float64(c.unrec)/float64(c.answers))), c.unrec, c.answers, shorten(mostFrequent(c.unknown), 20))
		for i, x := range c.vals {
			if !math.IsNaN(x) {
				c.heldN++
			}
			c.vals[i] = math.NaN()
		}
	}
}

// indicatorResult is the indicator's published result from its respondent values.
func (r *run) indicatorResult(c *indicatorCalc) Indicator {
	ind := indicatorStats(c.vals)
	ind.Name, ind.Questions, ind.Weight = c.spec.Name, questionKeys(r.qs, c.qs), c.weight
	if c.heldBack != "" {
		ind.HeldBack, ind.N = c.heldBack, c.heldN
	}
	return ind
}

// indicatorStats computes score, n, satisfaction rate and CI over the non-NaN respondent values.
func indicatorStats(vals []float64) Indicator {
	xs := make([]float64, 0, len(vals))
	for _, x := range vals {
		if !math.IsNaN(x) {
			xs = append(xs, x)
		}
	}
	ind := Indicator{N: len(xs)}
	if len(xs) == 0 {
		return ind
	}
	m, sdv := meanSD(xs)
	ind.Score = ptr(m)
	ind.SatisfactionRate = ptr(satisfied(xs))
	ind.CI95 = ci95(m, sdv, len(xs))
	return ind
}

// satisfied is the share of values ≥ 75.
func satisfied(xs []float64) float64 {
	var n int
	for _, x := range xs {
		if atLeast(x, SatisfiedScore) {
			n++
		}
	}
	return float64(n) / float64(len(xs))
}

// mostFrequent is the key with the highest count (the first in order on a tie).
func mostFrequent(m map[string]int) string {
	best, n := "", -1
	for _, k := range sortedKeys(m) {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}
