package loop

import (
	"context"
	"slices"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// A merge can be undone ("split back"): MergeWithUndo remembers what each merged-away cluster held, and
// Unmerge splits those opinions off the target again, each group into a cluster of its own with the
// decision it had. The groups get new ids; their opinions stay pinned where the undo put them (as after
// any split), so re-clustering keeps them apart.

// MergeUndo is what a merge changed: the target and, for each cluster merged into it, its opinions and
// decision.
type MergeUndo struct {
	PolicyID int64
	Target   int64
	Groups   []MergedGroup
}

// MergedGroup is one cluster a merge took into the target.
type MergedGroup struct {
	Cluster   int64 // its id before the merge (gone since)
	Opinions  []int64
	Decision  *string // nil while it was undecided
	Reason    *string
	DecidedOn string
}

// MergeWithUndo merges as Merge does and returns what Unmerge needs to undo it.
func MergeWithUndo(ctx context.Context, s *store.Store, policyID, target int64, others []int64) (MergeUndo, error) {
	u := MergeUndo{PolicyID: policyID, Target: target}
	cs, err := Clusters(ctx, s, policyID)
	if err != nil {
		return u, err
	}
	for _, id := range others {
		for _, c := range cs {
			if c.ID == id {
				u.Groups = append(u.Groups, MergedGroup{Cluster: id, Opinions: slices.Clone(c.Opinions), Decision: c.Decision, Reason: c.Reason, DecidedOn: c.DecidedOn})
			}
		}
	}
	if err := Merge(ctx, s, policyID, target, others); err != nil {
		return MergeUndo{}, err
	}
	return u, nil
}

// Unmerge splits each merged group off the target into a new cluster with the group's decision, and
// returns the new clusters' ids in group order. It is refused, with nothing changed, when an opinion of
// a group has left the target since (moved, deleted, re-clustered) or the target's decision was
// published meanwhile (Move refuses a frozen cluster).
func Unmerge(ctx context.Context, s *store.Store, u MergeUndo) ([]int64, error) {
	ops, err := Opinions(ctx, s, u.PolicyID)
	if err != nil {
		return nil, err
	}
	in := map[int64]bool{}
	for _, o := range ops {
		if o.Cluster != nil && *o.Cluster == u.Target {
			in[o.ID] = true
		}
	}
	for _, g := range u.Groups {
		for _, id := range g.Opinions {
			if !in[id] {
				return nil, data.InputErrorf("意见 %d 已不在分组 %d 中（合并后又调整过），无法撤销这次合并", id, u.Target)
			}
		}
	}
	var ids []int64
	for _, g := range u.Groups {
		id, err := Move(ctx, s, u.PolicyID, g.Opinions, 0)
		if err != nil {
			return ids, err
		}
		ids = append(ids, id)
		if g.Decision != nil {
			in := DecideInput{Clusters: []int64{id}, Decision: *g.Decision, Date: g.DecidedOn}
			if g.Reason != nil {
				in.Reason = *g.Reason
			}
			if err := Decide(ctx, s, u.PolicyID, in); err != nil {
				return ids, err
			}
		}
	}
	return ids, nil
}
