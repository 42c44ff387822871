package score

import (
	"math"

	"github.com/gongping/gongping/data"
)

// The breakdown (--by Q2): the survey part of each dimension, and their composite, per answer of a
// single-choice question, over the same respondent indicator values as the round's scores.

// breakdownBy is the breakdown by the question ref names; an InputError when the round has no such
// question or it is a multi-choice or ranking question.
func (r *run) breakdownBy(ref string, calcs map[string][]*indicatorCalc, dims []Dimension) (*Breakdown, error) {
	q, ok := r.ix.find(ref)
	if !ok {
		return nil, data.InputErrorf("分组题目 %q 不存在，请用 Q<题号> 或完整题目文字", ref)
	}
	if r.qs[q].Type == data.QMulti || r.qs[q].Type == data.QRanking {
		return nil, data.InputErrorf("分组题目 %s 是多选或排序题，请选择单选题", r.qs[q].Key)
	}
	b := &Breakdown{Question: r.qs[q].Key, Text: r.qs[q].Text}
	var members [][]int
	b.Groups, members = groups(r.qs[q], q, r.resp, r.valid, r.valuerOf(q))
	for g := range b.Groups {
		b.Groups[g].Dimensions, b.Groups[g].Composite = groupScores(members[g], calcs, dims)
	}
	return b, nil
}

// groups are the answers of question q (position qi) that valid respondents gave, the question's options
// first, then answers first seen (at most 200 groups: hostile free text), and each group's respondents.
func groups(q data.Question, qi int, resp []data.Response, valid []bool, v *valuer) ([]Group, [][]int) {
	gs := []Group{}
	pos := map[string]int{}
	var members [][]int
	add := func(o string) int {
		if i, ok := pos[o]; ok {
			return i
		}
		pos[o] = len(gs)
		gs = append(gs, Group{Value: o})
		members = append(members, nil)
		return len(gs) - 1
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
		if _, known := pos[a]; !known && len(gs) >= 200 {
			continue // bound hostile free text
		}
		g := add(a)
		members[g] = append(members[g], r)
	}
	for g := range gs {
		gs[g].N = len(members[g])
	}
	return gs, members
}

// groupScores are a group's survey part of each dimension (S_d over the group's respondents: each
// indicator's mean over those with a value, weighted over the indicators with one) and their composite by
// dimension weight. A held-back dimension has no group score, and then the group has no composite.
func groupScores(members []int, calcs map[string][]*indicatorCalc, dims []Dimension) ([]GroupDimension, *float64) {
	out := []GroupDimension{}
	var cs, cw float64
	held := false
	for di, k := range DimensionKeys {
		gd := GroupDimension{Key: k}
		var sw, sws float64
		seen := map[int]bool{}
		for _, c := range calcs[k] {
			var s float64
			var n int
			for _, r := range members {
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
		out = append(out, gd)
	}
	if cw > 0 && !held {
		return out, ptr(cs / cw)
	}
	return out, nil
}
