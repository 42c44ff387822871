package storetest

import (
	"context"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Opinions stores one opinion of the policy per text (source manual, no import, no cluster) and returns
// their ids in order.
func Opinions(tb testing.TB, s *store.Store, policyID int64, texts ...string) []int64 {
	tb.Helper()
	ops := make([]data.Opinion, len(texts))
	for i, t := range texts {
		ops[i] = data.Opinion{Source: data.SourceManual, Content: t}
	}
	ctx := context.Background()
	err := s.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.AddOpinions(ctx, policyID, 0, ops)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	all, err := s.Opinions(ctx, policyID)
	if err != nil {
		tb.Fatal(err)
	}
	ids := []int64{}
	for _, o := range all[len(all)-len(texts):] {
		ids = append(ids, o.ID)
	}
	return ids
}

// Cluster creates a cluster of the policy holding the opinions and returns its id.
func Cluster(tb testing.TB, s *store.Store, policyID int64, opinionIDs ...int64) int64 {
	tb.Helper()
	var id int64
	err := s.Tx(context.Background(), func(tx *store.Tx) error {
		var err error
		if id, err = tx.AddCluster(context.Background(), policyID, false); err != nil {
			return err
		}
		ps := make([]store.Placement, len(opinionIDs))
		for i, o := range opinionIDs {
			ps[i] = store.Placement{Opinion: o, Cluster: id}
		}
		return tx.PlaceOpinions(context.Background(), ps)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return id
}
