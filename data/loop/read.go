package loop

import (
	"context"
	"sort"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// reader is what the loop's state is read from: the store, or one of its transactions.
type reader interface {
	LoopSettings(ctx context.Context, policyID int64) (data.LoopSettings, bool, error)
	ClusterRecords(ctx context.Context, policyID int64) ([]data.ClusterRecord, error)
	Opinions(ctx context.Context, policyID int64) ([]data.Opinion, error)
	Decisions(ctx context.Context, policyID int64) ([]data.DecisionRecord, error)
	Publications(ctx context.Context, policyID int64, what string) ([]data.Publication, error)
	RevisionVersions(ctx context.Context, policyID int64) ([]data.Revision, error)
}

// GetSettings returns a policy's loop settings (the defaults when never set).
func GetSettings(ctx context.Context, s *store.Store, policyID int64) (Settings, error) {
	return settings(ctx, s, policyID)
}

func settings(ctx context.Context, r reader, policyID int64) (Settings, error) {
	st, ok, err := r.LoopSettings(ctx, policyID)
	if !ok {
		st = Settings{Similarity: DefaultSimilarity, ConcentratedMin: DefaultConcentratedMin}
	}
	return st, err
}

// SetSettings changes a policy's loop settings and re-clusters when the threshold changed.
func SetSettings(ctx context.Context, s *store.Store, policyID int64, st Settings) error {
	if !(st.Similarity > 0 && st.Similarity <= 1) { // written so that NaN fails too
		return data.InputErrorf("相似度阈值应在 0 到 1 之间（如 0.45），而不是 %g", st.Similarity)
	}
	if st.ConcentratedMin < 2 || st.ConcentratedMin > 100000 {
		return data.InputErrorf("“较为集中”的条数应在 2 到 %d 之间，而不是 %d", MaxOpinions, st.ConcentratedMin)
	}
	if _, err := s.Policy(ctx, policyID); err != nil {
		return err
	}
	return s.Tx(ctx, func(tx *store.Tx) error {
		old, err := settings(ctx, tx, policyID)
		if err != nil {
			return err
		}
		if err := tx.SetLoopSettings(ctx, policyID, st); err != nil {
			return err
		}
		if old.Similarity != st.Similarity {
			return recluster(ctx, tx, policyID, false)
		}
		return nil
	})
}

// state is everything of a policy's loop, loaded at once.
type state struct {
	settings  Settings
	opinions  []Opinion        // by id
	byID      map[int64]int    // opinion id → index
	clusters  map[int64]*clRow // by id
	clOrder   []int64
	decisions map[[2]int64]*DecisionRecord // current decision per target: {0, cluster} / {1, opinion}
	revLinked map[int64]bool               // clusters named by a current revision
	pubDates  map[int64]string             // publication id → date
	published map[int64]bool               // clusters with a published decision (current or amended)
}

type clRow struct {
	id      int64
	manual  bool
	members []int // indexes into opinions
}

func clusterKey(id int64) [2]int64 { return [2]int64{0, id} }
func opinionKey(id int64) [2]int64 { return [2]int64{1, id} }

func loadState(ctx context.Context, r reader, policyID int64) (*state, error) {
	st := &state{byID: map[int64]int{}, clusters: map[int64]*clRow{}, decisions: map[[2]int64]*DecisionRecord{}, revLinked: map[int64]bool{},
		pubDates: map[int64]string{}, published: map[int64]bool{}}
	var err error
	if st.settings, err = settings(ctx, r, policyID); err != nil {
		return nil, err
	}
	cls, err := r.ClusterRecords(ctx, policyID)
	if err != nil {
		return nil, err
	}
	for _, c := range cls {
		st.clusters[c.ID] = &clRow{id: c.ID, manual: c.Manual}
		st.clOrder = append(st.clOrder, c.ID)
	}
	if st.opinions, err = r.Opinions(ctx, policyID); err != nil {
		return nil, err
	}
	for i, o := range st.opinions {
		st.byID[o.ID] = i
		if o.Cluster != nil {
			if c := st.clusters[*o.Cluster]; c != nil {
				c.members = append(c.members, i)
			}
		}
	}
	ds, err := r.Decisions(ctx, policyID)
	if err != nil {
		return nil, err
	}
	for i := range ds {
		d := &ds[i]
		k := opinionKey(0)
		if d.Cluster != nil {
			k = clusterKey(*d.Cluster)
		} else {
			k = opinionKey(*d.Opinion)
		}
		st.decisions[k] = d // later rows (amendments) replace earlier ones
		if d.Cluster != nil && d.Publication != nil {
			st.published[*d.Cluster] = true
		}
	}
	pubs, err := r.Publications(ctx, policyID, "")
	if err != nil {
		return nil, err
	}
	for _, p := range pubs {
		st.pubDates[p.ID] = p.Date
	}
	revs, err := r.RevisionVersions(ctx, policyID)
	if err != nil {
		return nil, err
	}
	for _, r := range currentRevisions(revs) {
		for _, c := range r.Clusters {
			st.revLinked[c] = true
		}
	}
	return st, nil
}

// concentrated tells whether a cluster is 较为集中 under the policy's settings.
func (st *state) concentrated(c *clRow) bool { return len(c.members) >= st.settings.ConcentratedMin }

// publishedOn is the date the decision was published ("" when it is a draft).
func (st *state) publishedOn(d *DecisionRecord) string {
	if d == nil || d.Publication == nil {
		return ""
	}
	return st.pubDates[*d.Publication]
}

// memberStats counts a cluster's members by their effective decision (their own, else the cluster's).
func (st *state) memberStats(c *clRow) (undecided, notAdopted, missingReasons int) {
	cd := st.decisions[clusterKey(c.id)]
	for _, m := range c.members {
		d := st.decisions[opinionKey(st.opinions[m].ID)]
		if d == nil {
			d = cd
		}
		switch {
		case d == nil:
			undecided++
		case needsReason(d.Decision):
			notAdopted++
			if strings.TrimSpace(d.Reason) == "" {
				missingReasons++
			}
		}
	}
	return
}

// frozen tells whether a decision on the cluster was ever published: its membership is then fixed too
// (what was published stays true; an amendment changes the decision, not who made the point).
func (st *state) frozen(id int64) bool { return st.published[id] }

// cluster builds the read model of one cluster; vs are the opinions' vectors (for the representative).
func (st *state) cluster(c *clRow, vs []vec) Cluster {
	out := Cluster{ID: c.id, Size: len(c.members), Concentrated: st.concentrated(c), Manual: c.manual, Clauses: []string{}, Opinions: []int64{}}
	seen := map[string]bool{}
	for _, m := range c.members {
		o := st.opinions[m]
		out.Opinions = append(out.Opinions, o.ID)
		for _, cl := range o.Clauses {
			if !seen[cl] {
				seen[cl] = true
				out.Clauses = append(out.Clauses, cl)
			}
		}
	}
	sort.SliceStable(out.Clauses, func(i, j int) bool { return clauseLess(out.Clauses[i], out.Clauses[j]) })
	if len(c.members) > 0 {
		rep := c.members[central(vs, c.members)]
		out.Representative, out.RepOpinion = st.opinions[rep].Content, st.opinions[rep].ID
	}
	out.Undecided, out.NotAdopted, out.MissingReasons = st.memberStats(c)
	if d := st.decisions[clusterKey(c.id)]; d != nil {
		dec, reason := d.Decision, d.Reason
		out.Decision, out.Reason, out.DecidedOn = &dec, &reason, d.Date
		out.Published = d.Publication != nil
		out.Amended = d.Amends != nil
	}
	return out
}

func (st *state) vectors() []vec {
	texts := make([]string, len(st.opinions))
	clauses := make([][]string, len(st.opinions))
	for i, o := range st.opinions {
		texts[i], clauses[i] = o.Content, o.Clauses
	}
	return textVectors(texts, clauses)
}

// clusterList builds every cluster, largest first (then by id).
func (st *state) clusterList() []Cluster {
	vs := st.vectors()
	out := make([]Cluster, 0, len(st.clusters))
	for _, id := range st.clOrder {
		if c := st.clusters[id]; len(c.members) > 0 {
			out = append(out, st.cluster(c, vs))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Size > out[j].Size })
	return out
}

// Clusters lists a policy's opinion clusters, largest first.
func Clusters(ctx context.Context, s *store.Store, policyID int64) ([]Cluster, error) {
	st, err := loadState(ctx, s, policyID)
	if err != nil {
		return nil, err
	}
	return st.clusterList(), nil
}

// Opinions lists a policy's opinions by id, each with its cluster and decision (its own, else its cluster's).
func Opinions(ctx context.Context, s *store.Store, policyID int64) ([]Opinion, error) {
	st, err := loadState(ctx, s, policyID)
	if err != nil {
		return nil, err
	}
	return st.opinionList(), nil
}

func (st *state) opinionList() []Opinion {
	out := make([]Opinion, len(st.opinions))
	for i, o := range st.opinions {
		d := st.decisions[opinionKey(o.ID)]
		if d != nil {
			o.OwnDecision = true
		} else if o.Cluster != nil {
			d = st.decisions[clusterKey(*o.Cluster)]
		}
		if d != nil {
			dec, reason := d.Decision, d.Reason
			o.Decision, o.Reason = &dec, &reason
		}
		out[i] = o
	}
	return out
}

// DecisionHistory lists every version of the decisions of a policy, oldest first: drafts as last edited,
// published ones and the amendments that replaced them.
func DecisionHistory(ctx context.Context, s *store.Store, policyID int64) ([]DecisionRecord, error) {
	return s.Decisions(ctx, policyID)
}

// ReasonTemplates lists the reusable reasons.
func ReasonTemplates(ctx context.Context, s *store.Store) ([]ReasonTemplate, error) {
	return s.ReasonTemplates(ctx)
}

// Publications lists a policy's publications of one kind ("" = both), oldest first.
func Publications(ctx context.Context, s *store.Store, policyID int64, what string) ([]Publication, error) {
	return s.Publications(ctx, policyID, what)
}

// GetSummary counts a policy's loop.
func GetSummary(ctx context.Context, s *store.Store, policyID int64) (Summary, error) {
	st, err := loadState(ctx, s, policyID)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Opinions: len(st.opinions), BySource: map[string]int{}, ByDecision: map[string]int{}}
	for _, o := range st.opinionList() {
		sum.BySource[o.Source]++
		if o.Decision != nil {
			sum.ByDecision[*o.Decision]++
		} else {
			sum.ByDecision[""]++
		}
	}
	for _, id := range st.clOrder {
		c := st.clusters[id]
		if len(c.members) == 0 {
			continue
		}
		sum.Clusters++
		if st.concentrated(c) {
			sum.Concentrated++
			if u, _, _ := st.memberStats(c); u > 0 {
				sum.Undecided++
			}
		}
	}
	if decided := sum.Opinions - sum.ByDecision[""]; decided > 0 {
		r := float64(sum.ByDecision[Adopted]+sum.ByDecision[PartlyAdopted]) / float64(decided)
		sum.AdoptionRate = &r
	}
	revs, err := Revisions(ctx, s, policyID)
	if err != nil {
		return sum, err
	}
	for _, r := range revs {
		if !r.Withdrawn {
			sum.Revisions++
		}
	}
	pubs, err := Publications(ctx, s, policyID, "")
	if err != nil {
		return sum, err
	}
	for i := range pubs {
		switch pubs[i].What {
		case WhatFeedback:
			sum.Feedback = &pubs[i]
		case WhatEvaluation:
			sum.Evaluation = &pubs[i]
		}
	}
	return sum, nil
}
