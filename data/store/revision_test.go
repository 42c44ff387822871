package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestRevisionVersions(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid, other := storetest.Policy(t, s, data.Policy{}).ID, storetest.Policy(t, s, data.Policy{}).ID
	ops := storetest.Opinions(t, s, pid, "建议缩短时限")
	add := func(policy int64, r data.Revision) int64 {
		t.Helper()
		var id int64
		err := s.Tx(ctx, func(tx *store.Tx) error {
			var err error
			id, err = tx.AddRevision(ctx, policy, r)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	first := add(pid, data.Revision{Version: 1, Clause: "第五条", Before: "20个工作日", After: "10个工作日", Reason: "采纳意见",
		Findings: []string{"审批慢"}, Opinions: ops, Date: "2026-10-01"})
	elsewhere := add(other, data.Revision{Version: 1, Clause: "第一条", After: "新增", Reason: "r", Date: "2026-10-01"})
	second := add(pid, data.Revision{Record: first, Version: 2, Clause: "第五条", Before: "20个工作日", After: "15个工作日", Reason: "采纳意见",
		Findings: []string{"审批慢"}, Opinions: ops, Date: "2026-10-05"})
	third := add(pid, data.Revision{Version: 1, Clause: "第八条", Before: "a", After: "b", Reason: "r", Date: "2026-10-06", Withdrawn: true})

	vs, err := s.RevisionVersions(ctx, pid)
	if err != nil || len(vs) != 3 {
		t.Fatalf("versions %+v %v", vs, err)
	}
	v := vs[0]
	if v.ID != first || v.Record != first || v.Version != 1 || v.PolicyID != pid || v.After != "10个工作日" || v.Date != "2026-10-01" ||
		!reflect.DeepEqual(v.Findings, []string{"审批慢"}) || !reflect.DeepEqual(v.Opinions, ops) || v.Clusters == nil ||
		len(v.Clusters) != 0 || v.Withdrawn || v.Publication != nil || v.CreatedAt == "" || v.Diff != nil {
		t.Errorf("first version read back as %+v", v)
	}
	if vs[1].ID != second || vs[1].Record != first || vs[1].Version != 2 || vs[2].ID != third || vs[2].Record != third ||
		!vs[2].Withdrawn || vs[2].Findings == nil || vs[2].Opinions == nil {
		t.Errorf("versions by record, then version: %+v", vs)
	}
	if elsewhere == first || elsewhere == second {
		t.Errorf("ids %d %d %d", first, elsewhere, second)
	}
	hist, err := s.RevisionHistory(ctx, pid, first)
	if err != nil || len(hist) != 2 || hist[0].ID != first || hist[1].ID != second {
		t.Errorf("history %+v %v", hist, err)
	}
	if hist, _ := s.RevisionHistory(ctx, other, first); len(hist) != 0 {
		t.Errorf("another policy's history %+v", hist)
	}
	if r, err := s.Revision(ctx, second); err != nil || r.After != "15个工作日" {
		t.Errorf("revision %d: %+v %v", second, r, err)
	}
	if _, err := s.Revision(ctx, third+100); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown revision: %v, want ErrNotFound", err)
	}
	s.Tx(ctx, func(tx *store.Tx) error {
		if r, err := tx.LatestRevision(ctx, pid, first); err != nil || r.ID != second {
			t.Errorf("latest of record %d: %+v %v", first, r, err)
		}
		if _, err := tx.LatestRevision(ctx, other, first); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("latest of another policy's record: %v, want ErrNotFound", err)
		}
		if vs, err := tx.RevisionVersions(ctx, pid); err != nil || len(vs) != 3 {
			t.Errorf("versions in a transaction: %d %v", len(vs), err)
		}
		return nil
	})

	// Append-only: a version is never edited or deleted.
	if err := store.ExecForTest(s, `UPDATE revisions SET after='x' WHERE id=?`, first); err == nil {
		t.Error("a revision was changed in place")
	}
	if err := store.ExecForTest(s, `DELETE FROM revisions`); err == nil {
		t.Error("a revision was deleted")
	}
}
