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
	count     int
}

func assessTexts(sc *Scheme, rows []assess.Row, suggestions bool) []text {
	var out []text
	for _, r := range rows {
		t := r.Problem
		if suggestions {
			t = r.Suggestion
		}
		out = append(out, text{text: t, dim: MatchDimension(sc, r.Dimension)})
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

// noText are cell values that say "nothing to report".
var noText = map[string]bool{"无": true, "暂无": true, "没有": true, "/": true, "-": true, "—": true, "无。": true, "N/A": true}

// mergeTexts drops empty texts and merges identical ones (counting them), keeping first-seen order.
func mergeTexts(ts []text) []text {
	var out []text
	pos := map[string]int{}
	for _, t := range ts {
		t.text = strings.TrimSpace(t.text)
		if t.text == "" || noText[t.text] {
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

// breakdown computes the survey part of each dimension per answer of question q.
func breakdown(sc *Scheme, q data.Question, qi int, resp []data.Response, valid []bool, calcs map[string][]*indicatorCalc, dims []Dimension, v *valuer) *Breakdown {
	b := &Breakdown{Question: q.Key, Text: q.Text, Groups: []Group{}}
	pos := map[string]int{}
	var members [][]int
	add := func(o string) int {
		if i, ok := pos[o]; ok {
			return i
		}
		pos[o] = len(b.Groups)
		b.Groups = append(b.Groups, Group{Value: o})
		members = append(members, nil)
		return len(b.Groups) - 1
	}
	for _, o := range q.Options {
		if c := cleanAnswer(o); c != "" && !v.missing[c] {
			add(c)
		}
	}
	for r := range resp {
		if !valid[r] {
			continue
		}
		a := cleanAnswer(resp[r].Answers[qi])
		if v.isMissing(a) {
			continue
		}
		if _, known := pos[a]; !known && len(b.Groups) >= 200 {
			continue // bound hostile free text
		}
		g := add(a)
		members[g] = append(members[g], r)
	}
	for g := range b.Groups {
		grp := &b.Groups[g]
		grp.N = len(members[g])
		grp.Dimensions = []GroupDimension{}
		var cs, cw float64
		held := false // a held-back dimension: no group composite either
		for di, k := range DimensionKeys {
			gd := GroupDimension{Key: k}
			var sw, sws float64
			seen := map[int]bool{}
			for _, c := range calcs[k] {
				var s float64
				var n int
				for _, r := range members[g] {
					if x := c.vals[r]; !math.IsNaN(x) {
						s += x
						n++
						seen[r] = true
					}
				}
				if n > 0 {
					sw += c.weight * s / float64(n)
					sws += c.weight
				}
			}
			gd.N = len(seen)
			if dims[di].HeldBack != "" {
				held = true
			} else if sws > 0 {
				gd.Score = ptr(sw / sws)
				cs += dims[di].Weight * *gd.Score
				cw += dims[di].Weight
			}
			grp.Dimensions = append(grp.Dimensions, gd)
		}
		if cw > 0 && !held {
			grp.Composite = ptr(cs / cw)
		}
	}
	return b
}
