package loop

import (
	"math"
	"slices"
	"sort"
)

// How opinions are clustered (simple and explainable on purpose):
//
//  1. Each opinion becomes a vector of its character bigrams and single characters (punctuation, spaces,
//     full-width forms, particles like 的/了, phone numbers normalised away; Chinese numbers written in
//     digits), weighted TF-IDF: a bigram most opinions share ("企业", "建议") counts little, a distinctive
//     one ("容缺", "备案") counts much. Vectors have length 1.
//  2. Leader clustering in opinion order: an opinion joins the cluster whose centroid it is most similar to
//     (cosine), if that similarity reaches the threshold; otherwise it starts a new cluster. Comparing with
//     centroids rather than single members keeps chains of small edits from drifting into another point.
//     Only clusters sharing one of the opinion's most distinctive bigrams (among those some other opinion
//     has too) are compared, through an inverted index, so 10,000 opinions cluster in well under a second.
//     An opinion that opposes what it names ("不同意第六条…", "不宜缩短…") never joins a cluster of
//     opinions that do not, and the other way round: the two share almost every word yet make opposite points.
//     Nor does an opinion on one article join a cluster on other articles only, nor one that asks to
//     lengthen (raise, widen…) join one that asks to shorten (lower, narrow…).
//  3. One refinement pass moves each opinion to its best centroid, so an early opinion is not stuck in a
//     cluster that later grew around another point; then clusters whose centroids are as similar as the
//     threshold merge (a paraphrase that started its own cluster before its siblings arrived).
//
// The result is deterministic: same opinions, same threshold, same clusters.

// vec is a sparse unit vector over term ids, sorted by term.
type vec struct {
	terms    []int32
	w        []float64
	against  bool  // the text opposes what it names (see opposes): it never groups with one that does not
	articles []int // the articles (第N条, by number) it names: it never groups with opinions on other articles only
	dirs     dirs  // which way it asks to change things (see directions)
}

// textVectors turns the texts into their vectors over the one corpus, with their stance and the articles
// each names (clauses[i]; nil for none).
func textVectors(texts []string, clauses [][]string) []vec {
	vz, sh := newVectorizer(texts)
	vs := make([]vec, len(texts))
	for i := range sh {
		vs[i] = vz.vector(sh[i])
		vs[i].against = opposes(texts[i])
		vs[i].dirs = directions(texts[i])
		if i < len(clauses) {
			for _, c := range clauses[i] {
				if n, ok := clauseNumber(c); ok {
					vs[i].articles = append(vs[i].articles, n)
				}
			}
		}
	}
	return vs
}

// vectorizer turns texts into TF-IDF vectors over one corpus.
type vectorizer struct {
	ids map[string]int32
	df  []int
	n   int
}

func newVectorizer(texts []string) (*vectorizer, []map[string]int) {
	v := &vectorizer{ids: map[string]int32{}, n: len(texts)}
	sh := make([]map[string]int, len(texts))
	for i, t := range texts {
		sh[i] = shingles(t)
		for g := range sh[i] {
			id, ok := v.ids[g]
			if !ok {
				id = int32(len(v.df))
				v.ids[g] = id
				v.df = append(v.df, 0)
			}
			v.df[id]++
		}
	}
	return v, sh
}

func (v *vectorizer) vector(sh map[string]int) vec {
	out := vec{terms: make([]int32, 0, len(sh)), w: make([]float64, 0, len(sh))}
	type tw struct {
		t int32
		w float64
	}
	tws := make([]tw, 0, len(sh))
	var norm float64
	for g, c := range sh {
		id, ok := v.ids[g]
		if !ok {
			continue
		}
		idf := math.Log(float64(v.n+1)/float64(v.df[id]+1)) + 1
		w := (1 + math.Log(float64(c))) * idf
		tws = append(tws, tw{id, w})
		norm += w * w
	}
	sort.Slice(tws, func(i, j int) bool { return tws[i].t < tws[j].t })
	norm = math.Sqrt(norm)
	for _, x := range tws {
		out.terms = append(out.terms, x.t)
		out.w = append(out.w, x.w/norm)
	}
	return out
}

// topTerms returns the k heaviest terms of a vector (ties by term id) among those other opinions share too
// (shared[t]): the keys used to find candidate clusters. A term no other opinion has finds nothing.
func (x vec) topTerms(k int, shared func(int32) bool) []int32 {
	idx := make([]int, 0, len(x.terms))
	for i, t := range x.terms {
		if shared(t) {
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(a, b int) bool {
		if x.w[idx[a]] != x.w[idx[b]] {
			return x.w[idx[a]] > x.w[idx[b]]
		}
		return x.terms[idx[a]] < x.terms[idx[b]]
	})
	if len(idx) > k {
		idx = idx[:k]
	}
	out := make([]int32, len(idx))
	for i, j := range idx {
		out[i] = x.terms[j]
	}
	return out
}

// centroid is the sum of its members' unit vectors.
type centroid struct {
	sum      map[int32]float64
	norm2    float64
	size     int
	against  bool  // the stance of the group: of its first member, or of most members of a kept cluster
	articles []int // the articles its members name (few: a plain list)
	dirs     dirs  // per axis, the direction of its first member that has one
}

// fits tells whether x may join the group: same stance, and when both name articles, one in common
// ("建议第九条增加…" and "建议第十条增加…" share every other word).
func (c *centroid) fits(x vec) bool {
	return c.against == x.against && !c.dirs.conflict(x.dirs) && c.shares(x.articles)
}

func (c *centroid) shares(articles []int) bool {
	if len(c.articles) == 0 || len(articles) == 0 {
		return true
	}
	for _, a := range articles {
		if slices.Contains(c.articles, a) {
			return true
		}
	}
	return false
}

func (c *centroid) fitsGroup(o *centroid) bool {
	if c.against != o.against || c.dirs.conflict(o.dirs) {
		return false
	}
	return c.shares(o.articles)
}

func (c *centroid) dot(x vec) float64 {
	var d float64
	for i, t := range x.terms {
		d += x.w[i] * c.sum[t]
	}
	return d
}

// cos is the cosine between x and the centroid.
func (c *centroid) cos(x vec) float64 {
	if c.norm2 <= 0 {
		return 0
	}
	return c.dot(x) / math.Sqrt(c.norm2)
}

// cosCentroid is the cosine between two centroids.
func (c *centroid) cosCentroid(o *centroid) float64 {
	if c.norm2 <= 0 || o.norm2 <= 0 {
		return 0
	}
	a, b := c.sum, o.sum
	if len(b) < len(a) {
		a, b = b, a
	}
	var d float64
	for t, w := range a {
		d += w * b[t]
	}
	return d / math.Sqrt(c.norm2*o.norm2)
}

// top returns the k heaviest shared terms of the centroid (ties by term id).
func (c *centroid) top(k int, shared func(int32) bool) []int32 {
	ts := make([]int32, 0, len(c.sum))
	for t, w := range c.sum {
		if w > 1e-12 && shared(t) {
			ts = append(ts, t)
		}
	}
	sort.Slice(ts, func(i, j int) bool {
		if c.sum[ts[i]] != c.sum[ts[j]] {
			return c.sum[ts[i]] > c.sum[ts[j]]
		}
		return ts[i] < ts[j]
	})
	if len(ts) > k {
		ts = ts[:k]
	}
	return ts
}

func (c *centroid) add(x vec, sign float64) {
	d := c.dot(x)
	c.norm2 += 2*sign*d + 1 // |S ± x|² = |S|² ± 2 S·x + |x|², |x| = 1
	for i, t := range x.terms {
		c.sum[t] += sign * x.w[i]
	}
	c.size += int(sign)
	if c.size == 0 {
		c.norm2 = 0
	}
	if sign > 0 { // a member moved out leaves its articles and directions: they only ever widen
		c.dirs = c.dirs.widen(x.dirs)
		for _, a := range x.articles {
			if !slices.Contains(c.articles, a) {
				c.articles = append(c.articles, a)
			}
		}
	}
}

// seedCluster is an existing cluster the run must keep: its members stay; frozen ones take no newcomers.
type seedCluster struct {
	members []int // indexes into the vectors
	frozen  bool
}

// clusterVectors groups the free vectors (indexes) around the seeds and among themselves. It returns, for
// every free vector, the group it joined: a seed index (< len(seeds)) or a new group (≥ len(seeds)),
// numbered in order of their first member.
func clusterVectors(vs []vec, seeds []seedCluster, free []int, threshold float64) []int {
	const keys = 12 // distinctive bigrams used to find candidate clusters
	df := map[int32]int{}
	for _, x := range vs {
		for _, t := range x.terms {
			df[t]++
		}
	}
	shared := func(t int32) bool { return df[t] > 1 }
	var groups []*centroid
	frozen := []bool{}
	index := map[int32][]int{} // term → groups whose centroid has it
	inIndex := map[[2]int]bool{}
	indexGroup := func(g int, x vec) {
		for _, t := range x.terms {
			k := [2]int{int(t), g}
			if !inIndex[k] {
				inIndex[k] = true
				index[t] = append(index[t], g)
			}
		}
	}
	newGroup := func(fz, against bool) int {
		groups = append(groups, &centroid{sum: map[int32]float64{}, against: against})
		frozen = append(frozen, fz)
		return len(groups) - 1
	}
	for _, s := range seeds {
		n := 0
		for _, m := range s.members {
			if vs[m].against {
				n++
			}
		}
		g := newGroup(s.frozen, 2*n > len(s.members))
		for _, m := range s.members {
			groups[g].add(vs[m], 1)
			if !s.frozen {
				indexGroup(g, vs[m])
			}
		}
	}
	// candidates are the open groups sharing the most key terms (at most maxCandidates): a group that
	// makes the same point shares many of them, so the cosine is computed for few groups only.
	const maxCandidates = 24
	// hits counts key terms per group in a slice (a map was most of the time with thousands of groups);
	// touched lists the groups to reset, live those that may take the opinion.
	var hits []int
	var touched, live []int
	candidates := func(terms []int32, skip func(int) bool) []int {
		for _, g := range touched {
			hits[g] = 0
		}
		touched = touched[:0]
		if n := len(groups) - len(hits); n > 0 {
			hits = append(hits, make([]int, n)...)
		}
		for _, t := range terms {
			for _, g := range index[t] {
				if hits[g] == 0 {
					touched = append(touched, g)
				}
				hits[g]++
			}
		}
		// Keep the groups with the most hits: find the cut-off count, then take those above it.
		var byCount [keys + 1]int
		live = live[:0]
		for _, g := range touched {
			if !frozen[g] && groups[g].size > 0 && !skip(g) {
				live = append(live, g)
				byCount[min(hits[g], keys)]++
			}
		}
		cut, taken := keys, 0
		for ; cut > 1 && taken+byCount[cut] < maxCandidates; cut-- {
			taken += byCount[cut]
		}
		var out, atCut []int
		for _, g := range live {
			if n := hits[g]; n > cut {
				out = append(out, g)
			} else if n == cut {
				atCut = append(atCut, g)
			}
		}
		// Of the groups at the cut-off count, the oldest (largest, usually) first, deterministically.
		sort.Ints(atCut)
		out = append(out, atCut[:min(len(atCut), max(0, maxCandidates-len(out)))]...)
		sort.Ints(out)
		return out
	}
	// best finds the most similar open group among the candidates; exclude is skipped.
	best := func(x vec, exclude int) (int, float64) {
		bg, bs := -1, -1.0
		skip := func(g int) bool { return g == exclude || !groups[g].fits(x) }
		for _, g := range candidates(x.topTerms(keys, shared), skip) {
			s := groups[g].cos(x)
			if s > bs || (s == bs && g < bg) {
				bg, bs = g, s
			}
		}
		return bg, bs
	}
	assign := make([]int, len(free))
	for i, f := range free {
		g, sim := best(vs[f], -1)
		if g < 0 || sim < threshold {
			g = newGroup(false, vs[f].against)
		}
		groups[g].add(vs[f], 1)
		indexGroup(g, vs[f])
		assign[i] = g
	}
	// Refinement: move an opinion when another centroid is closer than its own (without it).
	for i, f := range free {
		cur := assign[i]
		if groups[cur].size <= 1 {
			continue
		}
		groups[cur].add(vs[f], -1)
		own := groups[cur].cos(vs[f])
		g, sim := best(vs[f], cur)
		if g >= 0 && sim >= threshold && sim > own+1e-9 {
			cur = g
		}
		groups[cur].add(vs[f], 1)
		assign[i] = cur
	}
	// Merge pass: groups whose centroids are as similar as the threshold make one point (a paraphrase
	// that started its own group before its siblings arrived). Two seeds never merge: that is the user's call.
	members := make([][]int, len(groups)) // free positions per group
	for i, g := range assign {
		members[g] = append(members[g], i)
	}
	// A worklist: every group once, then only the groups that grew.
	work := make([]int, len(groups))
	for i := range work {
		work[i] = i
	}
	for len(work) > 0 {
		var next []int
		for _, a := range work {
			if groups[a].size == 0 || frozen[a] {
				continue
			}
			bg, bs := -1, -1.0
			skip := func(g int) bool {
				return g == a || (a < len(seeds) && g < len(seeds)) || !groups[a].fitsGroup(groups[g])
			}
			for _, g := range candidates(groups[a].top(keys, shared), skip) {
				if s := groups[a].cosCentroid(groups[g]); s > bs || (s == bs && g < bg) {
					bg, bs = g, s
				}
			}
			if bg < 0 || bs < threshold {
				continue
			}
			into, from := min(a, bg), max(a, bg) // seeds have the lowest indexes, so they absorb
			for _, i := range members[from] {
				f := free[i]
				groups[from].add(vs[f], -1)
				groups[into].add(vs[f], 1)
				indexGroup(into, vs[f])
				assign[i] = into
			}
			members[into] = append(members[into], members[from]...)
			members[from] = nil
			next = append(next, into)
		}
		work = next
	}
	// Renumber new groups by their first member so that ids follow opinion order.
	renum := map[int]int{}
	next := len(seeds)
	for i, g := range assign {
		if g < len(seeds) {
			continue
		}
		if _, ok := renum[g]; !ok {
			renum[g] = next
			next++
		}
		assign[i] = renum[g]
	}
	return assign
}

// central returns the index (into members) of the member most similar to the members' centroid;
// ties go to the earliest member.
func central(vs []vec, members []int) int {
	c := &centroid{sum: map[int32]float64{}}
	for _, m := range members {
		c.add(vs[m], 1)
	}
	bi, bs := 0, math.Inf(-1)
	for i, m := range members {
		if s := c.dot(vs[m]); s > bs+1e-12 {
			bi, bs = i, s
		}
	}
	return bi
}
