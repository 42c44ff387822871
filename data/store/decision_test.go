package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestDecisions(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid := storetest.Policy(t, s, data.Policy{}).ID
	ops := storetest.Opinions(t, s, pid, "一", "二")
	cl := storetest.Cluster(t, s, pid, ops...)
	var onCluster, onOpinion int64
	err := s.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if onCluster, err = tx.AddDecision(ctx, pid, data.DecisionRecord{Cluster: &cl, Decision: data.NotAdopted, Reason: "已有规定", Date: "2026-03-01"}); err != nil {
			return err
		}
		if onOpinion, err = tx.AddDecision(ctx, pid, data.DecisionRecord{Opinion: &ops[1], Decision: data.Adopted, Date: "2026-03-02"}); err != nil {
			return err
		}
		// A decision is on a cluster or on an opinion, never both, never neither.
		if _, err := tx.AddDecision(ctx, pid, data.DecisionRecord{Cluster: &cl, Opinion: &ops[0], Decision: data.Adopted, Date: "2026-03-02"}); err == nil {
			t.Error("a decision on both a cluster and an opinion was stored")
		}
		return tx.UpdateDecision(ctx, onCluster, data.PartlyAdopted, "部分已有规定", "2026-03-03")
	})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := s.Decisions(ctx, pid)
	want := []data.DecisionRecord{
		{ID: onCluster, Cluster: &cl, Decision: data.PartlyAdopted, Reason: "部分已有规定", Date: "2026-03-03"},
		{ID: onOpinion, Opinion: &ops[1], Decision: data.Adopted, Date: "2026-03-02"},
	}
	if err != nil || !reflect.DeepEqual(ds, want) {
		t.Fatalf("decisions %+v %v, want %+v", ds, err, want)
	}

	// Published: frozen by the database; an amendment is a new row naming the one it replaces.
	err = s.Tx(ctx, func(tx *store.Tx) error {
		pub, err := tx.AddPublication(ctx, pid, data.Publication{What: data.WhatFeedback, Version: 1, Date: "2026-03-05", Snapshot: []byte(`{}`)})
		if err != nil {
			return err
		}
		return tx.FreezeDecisions(ctx, pid, pub)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Tx(ctx, func(tx *store.Tx) error { return tx.UpdateDecision(ctx, onCluster, data.Adopted, "", "2026-03-06") })
	if err == nil || !strings.Contains(err.Error(), "frozen") {
		t.Errorf("update of a published decision: %v", err)
	}
	if err := store.ExecForTest(s, `UPDATE decisions SET reason='x'`); err == nil || !strings.Contains(err.Error(), "frozen") {
		t.Errorf("direct update of a published decision: %v", err)
	}
	err = s.Tx(ctx, func(tx *store.Tx) error { return tx.DeleteDecision(ctx, onOpinion) })
	if err == nil {
		t.Error("a published decision was deleted")
	}
	var amendment, draft int64
	err = s.Tx(ctx, func(tx *store.Tx) error {
		// A later draft that amends nothing is not an amendment.
		var err error
		if draft, err = tx.AddDecision(ctx, pid, data.DecisionRecord{Opinion: &ops[0], Decision: data.Adopted, Date: "2026-05-01"}); err != nil {
			return err
		}
		if d, err := tx.LatestDraftAmendment(ctx, pid); err != nil || d != "" {
			t.Errorf("latest draft amendment before any: %q %v", d, err)
		}
		if amendment, err = tx.AddDecision(ctx, pid, data.DecisionRecord{Cluster: &cl, Decision: data.Adopted, Date: "2026-04-01", Amends: &onCluster}); err != nil {
			return err
		}
		if d, err := tx.LatestDraftAmendment(ctx, pid); err != nil || d != "2026-04-01" {
			t.Errorf("latest draft amendment: %q %v", d, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ds, _ = s.Decisions(ctx, pid)
	if len(ds) != 4 || ds[0].Publication == nil || ds[1].Publication == nil || ds[2].ID != draft || ds[3].ID != amendment ||
		ds[3].Publication != nil || ds[3].Amends == nil || *ds[3].Amends != onCluster {
		t.Errorf("after the amendment %+v", ds)
	}
	// A draft amendment can go.
	if err := s.Tx(ctx, func(tx *store.Tx) error { return tx.DeleteDecision(ctx, amendment) }); err != nil {
		t.Fatal(err)
	}
	if ds, _ := s.Decisions(ctx, pid); len(ds) != 3 {
		t.Errorf("after deleting the amendment %+v", ds)
	}
}

func TestReasonTemplates(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	seeded, err := s.ReasonTemplates(ctx) // a new workspace comes with the common reasons
	if err != nil || len(seeded) == 0 {
		t.Fatalf("seeded templates %+v %v", seeded, err)
	}
	a, err := s.AddReasonTemplate(ctx, "已有相关规定")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.AddReasonTemplate(ctx, "超出本政策范围")
	if again, err := s.AddReasonTemplate(ctx, "已有相关规定"); err != nil || again != a {
		t.Errorf("a known text: id %d %v, want %d", again, err, a)
	}
	ts, err := s.ReasonTemplates(ctx)
	if want := append(slices.Clone(seeded), data.ReasonTemplate{ID: a, Text: "已有相关规定"}, data.ReasonTemplate{ID: b, Text: "超出本政策范围"}); err != nil || !reflect.DeepEqual(ts, want) {
		t.Errorf("templates %+v %v, want %+v", ts, err, want)
	}
	s.Tx(ctx, func(tx *store.Tx) error {
		if got, err := tx.ReasonTemplate(ctx, b); err != nil || got.Text != "超出本政策范围" {
			t.Errorf("template %d: %+v %v", b, got, err)
		}
		if _, err := tx.ReasonTemplate(ctx, b+1); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("unknown template: %v, want ErrNotFound", err)
		}
		return nil
	})
	if err := s.DeleteReasonTemplate(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteReasonTemplate(ctx, a); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
	if ts, _ := s.ReasonTemplates(ctx); len(ts) != len(seeded)+1 || ts[len(ts)-1].ID != b {
		t.Errorf("after the delete %+v", ts)
	}
}
