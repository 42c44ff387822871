package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestPublications(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid, other := storetest.Policy(t, s, data.Policy{}).ID, storetest.Policy(t, s, data.Policy{}).ID
	publish := func(policy int64, p data.Publication) int64 {
		t.Helper()
		var id int64
		err := s.Tx(ctx, func(tx *store.Tx) error {
			var err error
			id, err = tx.AddPublication(ctx, policy, p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	ev := publish(pid, data.Publication{What: data.WhatEvaluation, Version: 1, Date: "2026-12-01", Snapshot: []byte(`{"policy":1}`)})
	fb2 := publish(pid, data.Publication{What: data.WhatFeedback, Version: 2, Date: "2026-05-01", Snapshot: []byte(`{"v":2}`)})
	fb1 := publish(pid, data.Publication{What: data.WhatFeedback, Version: 1, Date: "2026-04-15", Snapshot: []byte(`{"v":1}`)})
	publish(other, data.Publication{What: data.WhatFeedback, Version: 1, Date: "2026-04-15", Snapshot: []byte(`{}`)})

	for _, tc := range []struct {
		what string
		want []int64
	}{{"", []int64{ev, fb1, fb2}}, {data.WhatFeedback, []int64{fb1, fb2}}, {data.WhatEvaluation, []int64{ev}}} {
		ps, err := s.Publications(ctx, pid, tc.what)
		var got []int64
		for _, p := range ps {
			got = append(got, p.ID)
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("publications %q: %v %v, want %v (by kind, then version)", tc.what, got, err, tc.want)
		}
	}
	ps, _ := s.Publications(ctx, pid, data.WhatFeedback)
	if p := ps[0]; p.PolicyID != pid || p.Version != 1 || p.Date != "2026-04-15" || string(p.Snapshot) != `{"v":1}` || p.CreatedAt == "" {
		t.Errorf("read back as %+v", p)
	}
	s.Tx(ctx, func(tx *store.Tx) error {
		if ps, err := tx.Publications(ctx, pid, ""); err != nil || len(ps) != 3 {
			t.Errorf("in a transaction: %d %v", len(ps), err)
		}
		return nil
	})
	// Published is published: never changed, never deleted.
	if err := store.ExecForTest(s, `UPDATE publications SET date='2026-01-01'`); err == nil {
		t.Error("a publication was changed in place")
	}
	if err := store.ExecForTest(s, `DELETE FROM publications`); err == nil {
		t.Error("a publication was deleted")
	}
}

// Freezing marks what a publication contains: every unpublished decision of the policy, or the latest
// version of each of its revision records.
func TestFreeze(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid, other := storetest.Policy(t, s, data.Policy{}).ID, storetest.Policy(t, s, data.Policy{}).ID
	op := storetest.Opinions(t, s, pid, "一")[0]
	otherOp := storetest.Opinions(t, s, other, "二")[0]
	var pub, rec, latest int64
	err := s.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.AddDecision(ctx, pid, data.DecisionRecord{Opinion: &op, Decision: data.Adopted, Date: "2026-04-01"}); err != nil {
			return err
		}
		if _, err := tx.AddDecision(ctx, other, data.DecisionRecord{Opinion: &otherOp, Decision: data.Adopted, Date: "2026-04-01"}); err != nil {
			return err
		}
		var err error
		if rec, err = tx.AddRevision(ctx, pid, data.Revision{Version: 1, Clause: "第五条", Before: "a", After: "b", Reason: "r", Date: "2026-10-01"}); err != nil {
			return err
		}
		if latest, err = tx.AddRevision(ctx, pid, data.Revision{Record: rec, Version: 2, Clause: "第五条", Before: "a", After: "c", Reason: "r", Date: "2026-10-02"}); err != nil {
			return err
		}
		if pub, err = tx.AddPublication(ctx, pid, data.Publication{What: data.WhatFeedback, Version: 1, Date: "2026-04-15", Snapshot: []byte(`{}`)}); err != nil {
			return err
		}
		if err := tx.FreezeDecisions(ctx, pid, pub); err != nil {
			return err
		}
		return tx.FreezeRevisions(ctx, pid, pub)
	})
	if err != nil {
		t.Fatal(err)
	}
	if ds, _ := s.Decisions(ctx, pid); len(ds) != 1 || ds[0].Publication == nil || *ds[0].Publication != pub {
		t.Errorf("decisions %+v, want frozen by %d", ds, pub)
	}
	if ds, _ := s.Decisions(ctx, other); len(ds) != 1 || ds[0].Publication != nil {
		t.Errorf("another policy's decisions %+v, want a draft", ds)
	}
	vs, _ := s.RevisionVersions(ctx, pid)
	if len(vs) != 2 || vs[0].Publication != nil || vs[1].ID != latest || vs[1].Publication == nil || *vs[1].Publication != pub {
		t.Errorf("revisions %+v, want only version 2 frozen by %d", vs, pub)
	}
}
