package score

import (
	"math"
	"strconv"
	"strings"

	"github.com/gongping/gongping/data"
)

// valuer turns the answers of one question into values 0–100 (NaN = missing), caching each distinct
// answer text: a round has few distinct answers per question and many respondents.
type valuer struct {
	labels  map[string]float64
	missing map[string]bool
	scale   *Scale
	cache   map[string]float64
	unknown map[string]int // answer texts that are neither a label, a missing label nor a number
	badNum  int            // numeric answers outside 1…points
	numeric int            // numeric answers seen (without a scale: an error)
}

func newValuer(s *Scheme, scale *Scale) *valuer {
	v := &valuer{labels: map[string]float64{}, missing: map[string]bool{}, scale: scale,
		cache: map[string]float64{}, unknown: map[string]int{}}
	for l, x := range DefaultLabels {
		v.labels[l] = x
	}
	for l, x := range s.Likert.Labels {
		v.labels[strings.TrimSpace(l)] = x
	}
	for _, m := range DefaultMissing {
		v.missing[m] = true
	}
	for _, m := range s.Likert.Missing {
		v.missing[strings.TrimSpace(m)] = true
	}
	return v
}

// cleanAnswer trims an answer and drops a 问卷星 option free text ("选项〖文本〗" → "选项").
func cleanAnswer(a string) string {
	a = strings.TrimSpace(a)
	if i := strings.Index(a, "〖"); i > 0 && strings.HasSuffix(a, "〗") {
		a = strings.TrimSpace(a[:i])
	}
	return a
}

// isMissing reports whether an answer counts as not answered (blank or a missing label).
func (v *valuer) isMissing(clean string) bool { return clean == "" || v.missing[clean] }

func (v *valuer) value(a string) float64 {
	if x, ok := v.cache[a]; ok {
		if x == numericNoScale {
			v.numeric++
			return math.NaN()
		}
		return x
	}
	x := v.compute(a)
	if len(v.cache) < 10000 { // hostile data with endless distinct answers: stop caching, stay correct
		v.cache[a] = x
	}
	if x == numericNoScale {
		v.numeric++
		return math.NaN()
	}
	return x
}

// numericNoScale marks a numeric answer to a question without a declared scale.
const numericNoScale = -1

func (v *valuer) compute(raw string) float64 {
	a := cleanAnswer(raw)
	if v.isMissing(a) {
		return math.NaN()
	}
	if n, err := strconv.ParseFloat(a, 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
		if v.scale == nil {
			if x, ok := v.labels[a]; ok {
				return x
			}
			return numericNoScale
		}
		p, b := float64(v.scale.Points), float64(v.scale.Best)
		if n < 1 || n > p {
			v.badNum++
			return math.NaN()
		}
		return (p - math.Abs(n-b) - 1) / (p - 1) * 100
	}
	if x, ok := v.labels[a]; ok {
		return x
	}
	if len(v.unknown) < 20 {
		v.unknown[a]++
	}
	return math.NaN()
}

// answered reports whether a raw answer counts as answered.
func (v *valuer) answered(raw string) bool { return !v.isMissing(cleanAnswer(raw)) }

// options splits an answer of a choice question into its chosen options.
func splitOptions(a string) []string {
	parts := strings.Split(a, data.MultiSep)
	out := parts[:0]
	for _, p := range parts {
		if c := cleanAnswer(p); c != "" {
			out = append(out, c)
		}
	}
	return out
}
