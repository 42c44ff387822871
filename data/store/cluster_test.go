package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestClusterRecords(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid, other := storetest.Policy(t, s, data.Policy{}).ID, storetest.Policy(t, s, data.Policy{}).ID
	ids := storetest.Opinions(t, s, pid, "一", "二", "三")
	a := storetest.Cluster(t, s, pid, ids[0], ids[1])
	b := storetest.Cluster(t, s, pid, ids[2])
	var manual int64
	err := s.Tx(ctx, func(tx *store.Tx) error {
		var err error
		manual, err = tx.AddCluster(ctx, pid, true)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	records := func() []data.ClusterRecord {
		t.Helper()
		cs, err := s.ClusterRecords(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	if got, want := records(), []data.ClusterRecord{{ID: a, PolicyID: pid}, {ID: b, PolicyID: pid}, {ID: manual, PolicyID: pid, Manual: true}}; !slices.Equal(got, want) {
		t.Errorf("records %+v, want %+v", got, want)
	}
	if cs, _ := s.ClusterRecords(ctx, other); len(cs) != 0 {
		t.Errorf("another policy's clusters %+v", cs)
	}

	// Merge b into a by hand: its members move, it goes, a is marked as shaped by the user.
	err = s.Tx(ctx, func(tx *store.Tx) error {
		for _, tc := range []struct {
			policy, id int64
			want       bool
		}{{pid, b, true}, {other, b, false}} {
			if got, err := tx.HasCluster(ctx, tc.policy, tc.id); err != nil || got != tc.want {
				t.Errorf("HasCluster(%d, %d) = %v %v, want %v", tc.policy, tc.id, got, err, tc.want)
			}
		}
		if err := tx.MoveClusterMembers(ctx, b, a); err != nil {
			return err
		}
		if err := tx.DeleteCluster(ctx, b); err != nil {
			return err
		}
		return tx.MarkClusterManual(ctx, a)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := records(), []data.ClusterRecord{{ID: a, PolicyID: pid, Manual: true}, {ID: manual, PolicyID: pid, Manual: true}}; !slices.Equal(got, want) {
		t.Errorf("after the merge: records %+v, want %+v", got, want)
	}
	ops, _ := s.Opinions(ctx, pid)
	for _, o := range ops {
		if o.Cluster == nil || *o.Cluster != a {
			t.Errorf("opinion %d in cluster %v, want %d", o.ID, o.Cluster, a)
		}
	}

	// A deleted cluster leaves its opinions in none; forgetting the shaping clears every mark.
	err = s.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteCluster(ctx, a); err != nil {
			return err
		}
		return tx.UnmarkClustersManual(ctx, pid)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := records(), []data.ClusterRecord{{ID: manual, PolicyID: pid}}; !slices.Equal(got, want) {
		t.Errorf("after the delete: records %+v, want %+v", got, want)
	}
	ops, _ = s.Opinions(ctx, pid)
	for _, o := range ops {
		if o.Cluster != nil {
			t.Errorf("opinion %d still in cluster %d", o.ID, *o.Cluster)
		}
	}
}
