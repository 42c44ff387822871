package store_test

import (
	"context"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestLoopSettings(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid, other := storetest.Policy(t, s, data.Policy{}).ID, storetest.Policy(t, s, data.Policy{}).ID
	if st, ok, err := s.LoopSettings(ctx, pid); err != nil || ok || st != (data.LoopSettings{}) {
		t.Fatalf("never set: %+v %v %v, want zero, false", st, ok, err)
	}
	for _, want := range []data.LoopSettings{{Similarity: 0.5, ConcentratedMin: 3}, {Similarity: 0.3, ConcentratedMin: 8}} {
		if err := s.Tx(ctx, func(tx *store.Tx) error { return tx.SetLoopSettings(ctx, pid, want) }); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.LoopSettings(ctx, pid)
		if err != nil || !ok || got != want {
			t.Errorf("got %+v %v %v, want %+v", got, ok, err, want)
		}
		// Inside a transaction, the same.
		s.Tx(ctx, func(tx *store.Tx) error {
			if got, ok, err := tx.LoopSettings(ctx, pid); err != nil || !ok || got != want {
				t.Errorf("in a transaction: got %+v %v %v, want %+v", got, ok, err, want)
			}
			return nil
		})
	}
	if _, ok, _ := s.LoopSettings(ctx, other); ok {
		t.Error("another policy's settings were set too")
	}
}
