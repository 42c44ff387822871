package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestOpinionsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid := storetest.Policy(t, s, data.Policy{}).ID
	in := []data.Opinion{
		{Source: data.SourceConsultation, Seq: "1", Content: "建议缩短审批时限。", Submitted: "2026-02-13 10:20:00", Submitter: "张伟",
			Contact: "13812345678", Clauses: []string{"第三条", "第五条"}},
		{Source: data.SourceConsultation, Seq: "2", Content: "建议周末开放。", Clauses: nil},
	}
	var imp int64
	err := s.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if imp, err = tx.AddOpinionImport(ctx, pid, data.OpinionImport{Source: data.SourceConsultation, File: "意见.xlsx", Rows: 3}, "rows:abc"); err != nil {
			return err
		}
		last, err := tx.AddOpinions(ctx, pid, imp, in)
		if last == 0 {
			t.Error("AddOpinions returned no id")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Opinions(ctx, pid)
	if err != nil || len(got) != 2 {
		t.Fatalf("opinions %+v %v", got, err)
	}
	o := got[0]
	if o.PolicyID != pid || o.Source != data.SourceConsultation || o.Seq != "1" || o.Content != in[0].Content ||
		o.Submitted != in[0].Submitted || o.Submitter != "张伟" || o.Contact != "13812345678" || o.Clause != "第三条、第五条" ||
		!reflect.DeepEqual(o.Clauses, []string{"第三条", "第五条"}) || o.Cluster != nil || o.Pinned || o.Decision != nil {
		t.Errorf("first opinion read back as %+v", o)
	}
	if got[1].Clause != "" || got[1].Clauses == nil || len(got[1].Clauses) != 0 {
		t.Errorf("no clauses read back as %q %#v, want \"\" and an empty list", got[1].Clause, got[1].Clauses)
	}

	// The batch: found by its fingerprint, listed with its opinions still stored.
	err = s.Tx(ctx, func(tx *store.Tx) error {
		im, err := tx.OpinionImportByFingerprint(ctx, pid, "rows:abc")
		if err != nil || im.ID != imp || im.File != "意见.xlsx" || im.Rows != 3 || im.ImportedAt == "" {
			t.Errorf("by fingerprint: %+v %v", im, err)
		}
		if _, err := tx.OpinionImportByFingerprint(ctx, pid, "rows:other"); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("unknown fingerprint: %v, want ErrNotFound", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ims, err := s.OpinionImports(ctx, pid)
	if err != nil || len(ims) != 1 || ims[0].ID != imp || ims[0].Opinions != 2 || ims[0].Source != data.SourceConsultation {
		t.Errorf("imports %+v %v", ims, err)
	}
	ids, err := s.ImportedOpinions(ctx, pid, imp)
	if err != nil || !slices.Equal(ids, []int64{got[0].ID, got[1].ID}) {
		t.Errorf("imported opinions %v %v", ids, err)
	}
	other := storetest.Policy(t, s, data.Policy{}).ID
	if _, err := s.ImportedOpinions(ctx, other, imp); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("another policy's import: %v, want ErrNotFound", err)
	}

	// Deleting an opinion, then the batch record (which takes what is left of its opinions).
	hand := storetest.Opinions(t, s, pid, "手工录入的意见")
	err = s.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteOpinion(ctx, got[0].ID); err != nil {
			return err
		}
		return tx.DeleteOpinionImport(ctx, imp)
	})
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Opinions(ctx, pid); len(left) != 1 || left[0].ID != hand[0] || left[0].Source != data.SourceManual {
		t.Errorf("left after the deletes: %+v", left)
	}
	if ims, _ := s.OpinionImports(ctx, pid); len(ims) != 0 {
		t.Errorf("imports after the delete: %+v", ims)
	}
}

func TestOpinionSeqsAndHasOpinion(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid, other := storetest.Policy(t, s, data.Policy{}).ID, storetest.Policy(t, s, data.Policy{}).ID
	err := s.Tx(ctx, func(tx *store.Tx) error {
		_, err := tx.AddOpinions(ctx, pid, 0, []data.Opinion{
			{Source: data.SourceSurvey, Seq: "r1-Q9-1", Content: "a"},
			{Source: data.SourceSurvey, Seq: "r1-Q9-2", Content: "b"},
			{Source: data.SourceManual, Seq: "r1-Q9-3", Content: "c"},
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	seqs, err := s.OpinionSeqs(ctx, pid, data.SourceSurvey)
	if err != nil || !reflect.DeepEqual(seqs, map[string]bool{"r1-Q9-1": true, "r1-Q9-2": true}) {
		t.Errorf("survey seqs %v %v", seqs, err)
	}
	if seqs, _ := s.OpinionSeqs(ctx, other, data.SourceSurvey); len(seqs) != 0 {
		t.Errorf("another policy's seqs %v", seqs)
	}
	ops, _ := s.Opinions(ctx, pid)
	s.Tx(ctx, func(tx *store.Tx) error {
		for _, tc := range []struct {
			policy, id int64
			want       bool
		}{{pid, ops[0].ID, true}, {other, ops[0].ID, false}, {pid, ops[2].ID + 1, false}} {
			if got, err := tx.HasOpinion(ctx, tc.policy, tc.id); err != nil || got != tc.want {
				t.Errorf("HasOpinion(%d, %d) = %v %v, want %v", tc.policy, tc.id, got, err, tc.want)
			}
		}
		return nil
	})
}

func TestPlaceAndPinOpinions(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	pid := storetest.Policy(t, s, data.Policy{}).ID
	ids := storetest.Opinions(t, s, pid, "一", "二", "三")
	c1 := storetest.Cluster(t, s, pid, ids...)
	var c2 int64
	err := s.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if c2, err = tx.AddCluster(ctx, pid, false); err != nil {
			return err
		}
		if err := tx.PlaceOpinions(ctx, []store.Placement{{Opinion: ids[0], Cluster: c2}}); err != nil {
			return err
		}
		return tx.PinOpinions(ctx, ids[1:2], c2)
	})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		cluster int64
		pinned  bool
	}
	read := func() []row {
		ops, err := s.Opinions(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		var out []row
		for _, o := range ops {
			out = append(out, row{*o.Cluster, o.Pinned})
		}
		return out
	}
	if got, want := read(), []row{{c2, false}, {c2, true}, {c1, false}}; !slices.Equal(got, want) {
		t.Errorf("placed: got %v, want %v", got, want)
	}
	if err := s.Tx(ctx, func(tx *store.Tx) error { return tx.UnpinOpinions(ctx, pid) }); err != nil {
		t.Fatal(err)
	}
	if got, want := read(), []row{{c2, false}, {c2, false}, {c1, false}}; !slices.Equal(got, want) {
		t.Errorf("unpinned: got %v, want %v", got, want)
	}
}
