package score

import (
	"math"
	"strconv"
	"strings"
)

// Band is one named step of a scale: a value at or above Min, and below the Min of the band before it, is
// Name. A scale lists its bands best first; the last one's Min is −∞.
type Band struct {
	Name string
	Min  float64
}

// GradeBands are the grades of a composite score (DESIGN: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60). Grade,
// GradeRule, the window and the report all read them here.
var GradeBands = []Band{{"优", 90}, {"良", 80}, {"中", 60}, {"差", math.Inf(-1)}}

// AlphaBands name the reliability of a Cronbach's α: 优秀 ≥ 0.9, 良好 ≥ 0.8, 可接受 ≥ 0.7, 偏低 < 0.7 (the
// usual reading of α in Chinese survey practice, e.g. SPSSAU's).
var AlphaBands = []Band{{"优秀", 0.9}, {"良好", 0.8}, {"可接受", 0.7}, {"偏低", math.Inf(-1)}}

// Grade is the grade of a composite score, by GradeBands; a score a rounding error below a threshold
// (74.99999999999999 for 75 on paper) is at it.
func Grade(score float64) string { return bandOf(GradeBands, score, atLeast) }

// AlphaBand names the reliability of a Cronbach's α, by AlphaBands.
func AlphaBand(alpha float64) string {
	return bandOf(AlphaBands, alpha, func(x, t float64) bool { return x >= t })
}

// GradeRule states the grade thresholds: "优≥90，良≥80，中≥60，差<60".
var GradeRule = BandRule(GradeBands)

// AlphaRule states the α thresholds: "优秀≥0.9，良好≥0.8，可接受≥0.7，偏低<0.7".
var AlphaRule = BandRule(AlphaBands)

func bandOf(bands []Band, x float64, atOrAbove func(x, t float64) bool) string {
	for _, b := range bands[:len(bands)-1] {
		if atOrAbove(x, b.Min) {
			return b.Name
		}
	}
	return bands[len(bands)-1].Name
}

// BandRule writes a scale's bands as one line: each band with its lower bound, the last with the bound
// it stays under ("优≥90，良≥80，中≥60，差<60").
func BandRule(bands []Band) string {
	parts := make([]string, len(bands))
	for i, b := range bands {
		if i == len(bands)-1 && i > 0 {
			parts[i] = b.Name + "<" + strconv.FormatFloat(bands[i-1].Min, 'g', -1, 64)
			continue
		}
		parts[i] = b.Name + "≥" + strconv.FormatFloat(b.Min, 'g', -1, 64)
	}
	return strings.Join(parts, "，")
}
