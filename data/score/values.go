package score

import (
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/gongping/gongping/data"
)

// valuer turns the answers of one question into values 0–100 (NaN = missing), caching each distinct
// answer text: a round has few distinct answers per question and many respondents.
type valuer struct {
	labels  map[string]float64
	missing map[string]bool
	scale   *Scale
	cache   map[string]*answer
	recent  [8]recentAnswer // answers decoded from one dictionary share their bytes: compare pointers first
	unknown map[string]int  // answer texts that are neither a label, a missing label nor a number
	badNum  int             // numeric answers outside 1…points
	numeric int             // numeric answers seen (without a scale: an error)
}

// answer is what one distinct answer text means for a question.
type answer struct {
	value    float64 // NaN = missing (or unusable)
	clean    string  // trimmed, option free text dropped
	answered bool    // not blank and not a missing label
	noScale  bool    // a number, but the question has no declared scale
}

type recentAnswer struct {
	p *byte
	n int
	a *answer
}

func newValuer(s *Scheme, scale *Scale) *valuer {
	v := &valuer{labels: map[string]float64{}, missing: map[string]bool{}, scale: scale,
		cache: map[string]*answer{}, unknown: map[string]int{}}
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

// isMissing reports whether a cleaned answer counts as not answered (blank or a missing label).
func (v *valuer) isMissing(clean string) bool { return clean == "" || v.missing[clean] }

// lookup returns what a raw answer means, from the caches when it was seen before.
func (v *valuer) lookup(a string) *answer {
	p, n := unsafe.StringData(a), len(a)
	slot := &v.recent[n&7]
	if slot.a != nil && slot.p == p && slot.n == n {
		return slot.a
	}
	x, ok := v.cache[a]
	if !ok {
		x = v.compute(a)
		if len(v.cache) < 10000 { // hostile data with endless distinct answers: stop caching, stay correct
			v.cache[a] = x
		}
	}
	*slot = recentAnswer{p, n, x}
	return x
}

// value is the answer's value 0–100, NaN when missing.
func (v *valuer) value(a string) float64 {
	x := v.lookup(a)
	if x.noScale {
		v.numeric++
	}
	return x.value
}

// answered reports whether a raw answer counts as answered.
func (v *valuer) answered(raw string) bool { return v.lookup(raw).answered }

func (v *valuer) compute(raw string) *answer {
	c := cleanAnswer(raw)
	x := &answer{clean: c, answered: !v.isMissing(c)}
	x.value = v.valueOf(c)
	if x.value == numericNoScale {
		x.value, x.noScale = math.NaN(), true
	}
	return x
}

// numericNoScale marks a numeric answer to a question without a declared scale.
const numericNoScale = -1

func (v *valuer) valueOf(a string) float64 {
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
