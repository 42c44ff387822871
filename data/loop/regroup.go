package loop

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Manual edits and re-clustering. A cluster the user shaped (merge, split, move), decided, or named in a
// revision record is kept as it is: re-clustering never takes its members away, and an opinion the user
// placed by hand (pinned) never moves. Only the other opinions are grouped again; they may join a kept
// cluster, except one whose decision is published (frozen: what was published stays true). A re-formed
// cluster keeps the id of the old cluster most of its members came from, so ids stay stable.

// Recluster groups the policy's opinions again under its current threshold. With reset, the user's
// shaping (manual clusters, pinned opinions) is dropped first; decided and revision-linked clusters stay.
func Recluster(ctx context.Context, s *store.Store, policyID int64, reset bool) error {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return err
	}
	return s.Tx(ctx, func(tx *store.Tx) error { return recluster(ctx, tx, policyID, reset) })
}

func recluster(ctx context.Context, tx *store.Tx, policyID int64, reset bool) error {
	if reset {
		if err := tx.UnmarkClustersManual(ctx, policyID); err != nil {
			return err
		}
		if err := tx.UnpinOpinions(ctx, policyID); err != nil {
			return err
		}
	}
	st, err := loadState(ctx, tx, policyID)
	if err != nil {
		return err
	}
	vs := st.vectors()
	var seeds []seedCluster
	var seedIDs []int64
	kept := map[int64]bool{}
	for _, id := range st.clOrder {
		c := st.clusters[id]
		pinned := false
		for _, m := range c.members {
			pinned = pinned || st.opinions[m].Pinned
		}
		if c.manual || pinned || st.decisions[clusterKey(id)] != nil || st.revLinked[id] {
			kept[id] = true
			if len(c.members) > 0 {
				seeds = append(seeds, seedCluster{members: c.members, frozen: st.frozen(id)})
				seedIDs = append(seedIDs, id)
			}
		}
	}
	var free []int
	for i, o := range st.opinions {
		if o.Cluster == nil || !kept[*o.Cluster] {
			free = append(free, i)
		}
	}
	assign := clusterVectors(vs, seeds, free, st.settings.Similarity)

	// Give each new group the id of the old free cluster most of its members came from.
	groups := map[int][]int{} // group → free opinion indexes
	var order []int
	for i, g := range assign {
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], free[i])
	}
	sort.Ints(order)
	ids := map[int]int64{}
	reused := map[int64]bool{}
	for g := range seedIDs {
		ids[g] = seedIDs[g]
	}
	for _, g := range order {
		if g < len(seeds) {
			continue
		}
		votes := map[int64]int{}
		for _, m := range groups[g] {
			if c := st.opinions[m].Cluster; c != nil && !kept[*c] {
				votes[*c]++
			}
		}
		best, bn := int64(0), 0
		for c, n := range votes {
			if !reused[c] && (n > bn || (n == bn && c < best)) {
				best, bn = c, n
			}
		}
		if bn*2 > len(groups[g]) {
			ids[g] = best
			reused[best] = true
		}
	}
	// Drop old free clusters that were not reused, create the new ones, then place the opinions.
	for _, id := range st.clOrder {
		empty := len(st.clusters[id].members) == 0 && st.decisions[clusterKey(id)] == nil && !st.revLinked[id]
		if (!kept[id] || empty) && !reused[id] {
			if err := tx.DeleteCluster(ctx, id); err != nil {
				return err
			}
		}
	}
	for _, g := range order {
		if _, ok := ids[g]; ok {
			continue
		}
		id, err := tx.AddCluster(ctx, policyID, false)
		if err != nil {
			return err
		}
		ids[g] = id
	}
	var moves []store.Placement
	for i, g := range assign {
		o := st.opinions[free[i]]
		if o.Cluster != nil && *o.Cluster == ids[g] {
			continue
		}
		moves = append(moves, store.Placement{Opinion: o.ID, Cluster: ids[g]})
	}
	return tx.PlaceOpinions(ctx, moves)
}

// checkClusters loads the policy's state and checks that every id names one of its clusters.
func checkClusters(ctx context.Context, tx *store.Tx, policyID int64, ids ...int64) (*state, error) {
	st, err := loadState(ctx, tx, policyID)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if c := st.clusters[id]; c == nil || len(c.members) == 0 {
			return nil, &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的意见分组", policyID, id), Err: data.ErrNotFound}
		}
	}
	return st, nil
}

func (st *state) frozenError(id int64) error {
	return data.InputErrorf("分组 %d 的处理意见已公开，分组已冻结，不能再调整其中的意见", id)
}

// Merge moves every opinion of the other clusters into target; the others disappear. A published cluster
// cannot change; a cluster with a decision different from target's cannot be merged into it (that would
// silently drop a decision), nor can one a revision record names.
func Merge(ctx context.Context, s *store.Store, policyID, target int64, others []int64) error {
	if len(others) == 0 {
		return data.InputErrorf("请选择要合并进分组 %d 的其他分组", target)
	}
	return s.Tx(ctx, func(tx *store.Tx) error {
		st, err := checkClusters(ctx, tx, policyID, append([]int64{target}, others...)...)
		if err != nil {
			return err
		}
		td := st.decisions[clusterKey(target)]
		for _, id := range append([]int64{target}, others...) {
			if st.frozen(id) {
				return st.frozenError(id)
			}
		}
		for _, id := range others {
			if id == target {
				return data.InputErrorf("不能把分组 %d 合并进它自己", id)
			}
			if d := st.decisions[clusterKey(id)]; d != nil && (td == nil || d.Decision != td.Decision || d.Reason != td.Reason) {
				return data.InputErrorf("分组 %d 已有处理意见（%s），与分组 %d 不同：请以它为合并目标，或先统一两组的处理意见", id, d.Decision, target)
			}
			if st.revLinked[id] {
				return data.InputErrorf("分组 %d 已被修订记录引用，请以它为合并目标", id)
			}
			if err := tx.MoveClusterMembers(ctx, id, target); err != nil {
				return err
			}
			if err := tx.DeleteCluster(ctx, id); err != nil {
				return err
			}
		}
		return tx.MarkClusterManual(ctx, target)
	})
}

// Move places opinions in cluster target (0: a new cluster, i.e. split them off) and returns the
// cluster's id. The opinions are pinned there and the clusters they leave are kept as they now are.
func Move(ctx context.Context, s *store.Store, policyID int64, opinionIDs []int64, target int64) (int64, error) {
	if len(opinionIDs) == 0 {
		return 0, data.InputErrorf("请选择要移动的意见")
	}
	err := s.Tx(ctx, func(tx *store.Tx) error {
		var ids []int64
		if target != 0 {
			ids = append(ids, target)
		}
		st, err := checkClusters(ctx, tx, policyID, ids...)
		if err != nil {
			return err
		}
		if target != 0 && st.frozen(target) {
			return st.frozenError(target)
		}
		leaving := map[int64]int{}
		for _, oid := range opinionIDs {
			i, ok := st.byID[oid]
			if !ok {
				return &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的意见", policyID, oid), Err: data.ErrNotFound}
			}
			if c := st.opinions[i].Cluster; c != nil && *c != target {
				if st.frozen(*c) {
					return st.frozenError(*c)
				}
				leaving[*c]++
			}
		}
		for c, n := range leaving {
			if n == len(st.clusters[c].members) && (st.decisions[clusterKey(c)] != nil || st.revLinked[c]) {
				return data.InputErrorf("分组 %d 已有处理意见或被修订记录引用，不能移走其中全部意见；请改为合并", c)
			}
		}
		if target == 0 {
			if target, err = tx.AddCluster(ctx, policyID, true); err != nil {
				return err
			}
		} else if err := tx.MarkClusterManual(ctx, target); err != nil {
			return err
		}
		if err := tx.PinOpinions(ctx, opinionIDs, target); err != nil {
			return err
		}
		for c := range leaving {
			if len(st.clusters[c].members) == leaving[c] {
				if err := tx.DeleteCluster(ctx, c); err != nil {
					return err
				}
			} else if err := tx.MarkClusterManual(ctx, c); err != nil {
				return err
			}
		}
		return nil
	})
	return target, err
}

// idList writes ids for a message: "3、5、8" (at most 10, then "等 N 个").
func idList(ids []int64) string {
	var b strings.Builder
	for i, id := range ids {
		if i == 10 {
			fmt.Fprintf(&b, " 等 %d 个", len(ids))
			break
		}
		if i > 0 {
			b.WriteString("、")
		}
		fmt.Fprint(&b, id)
	}
	return b.String()
}
