package score

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

// MatchDimension maps an assessment sheet's 一级指标 text to a dimension key, "" when none fits.
func MatchDimension(sc *Scheme, text string) string {
	names := map[string]string{}
	for _, k := range DimensionKeys {
		names[k] = sc.DimensionName(k)
	}
	return assess.DimensionOf(text, names)
}

// assessmentPart is A_d = 100 × Σ得分 / Σ满分 over the rows of dimension k; nil without rows.
func assessmentPart(sc *Scheme, k string, rows []assess.Row) *float64 {
	var got, max float64
	for _, r := range rows {
		if MatchDimension(sc, r.Dimension) == k {
			got += r.Score
			max += r.Max
		}
	}
	if max <= 0 {
		return nil
	}
	return ptr(100 * got / max)
}

func unmatchedAssessment(sc *Scheme, rows []assess.Row) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rows {
		if MatchDimension(sc, r.Dimension) == "" && !seen[r.Dimension] {
			seen[r.Dimension] = true
			out = append(out, fmt.Sprintf("第三方评估第 %d 行的一级指标“%s”对应不到执行过程、细则标准或取得成效，未计入得分", r.Line, shorten(r.Dimension, 30)))
		}
	}
	return out
}

// officersPart is O_d = the mean of the officers' scores of dimension k (already 0–100); nil without any.
func officersPart(k string, fb []assess.Feedback) *float64 {
	var s float64
	var n int
	for i := range fb {
		if v := fb[i].Score(k); v != nil && !math.IsNaN(*v) {
			s += *v
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return ptr(s / float64(n))
}

type text struct {
	text, dim string
	indicator string // assessment: the row's 二级指标 as written
	count     int
}

func assessTexts(sc *Scheme, rows []assess.Row, suggestions bool) []text {
	var out []text
	for _, r := range rows {
		t := r.Problem
		if suggestions {
			t = r.Suggestion
		}
		out = append(out, text{text: t, dim: MatchDimension(sc, r.Dimension), indicator: r.Indicator})
	}
	return out
}

func officerTexts(fb []assess.Feedback, suggestions bool) []text {
	var out []text
	for _, f := range fb {
		t := f.Problems
		if suggestions {
			t = f.Suggestions
		}
		out = append(out, text{text: t})
	}
	return out
}

// mergeTexts drops empty texts and merges identical ones (counting them), keeping first-seen order.
func mergeTexts(ts []text) []text {
	var out []text
	pos := map[string]int{}
	for _, t := range ts {
		t.text = strings.TrimSpace(t.text)
		if data.IsFiller(t.text) { // "无", "暂无", "/", "N/A": the one list of answers that say nothing
			continue
		}
		if i, ok := pos[t.text]; ok {
			out[i].count++
			continue
		}
		pos[t.text] = len(out)
		t.count = 1
		out = append(out, t)
	}
	return out
}

// sortSurvey orders survey items by share (desc), then count (desc); stable, so ties keep question and
// option order.
func sortSurvey[T any](xs []T, key func(T) (*float64, int)) {
	sort.SliceStable(xs, func(i, j int) bool {
		si, ci := key(xs[i])
		sj, cj := key(xs[j])
		a, b := -1.0, -1.0
		if si != nil {
			a = *si
		}
		if sj != nil {
			b = *sj
		}
		if a != b {
			return a > b
		}
		return ci > cj
	})
}
