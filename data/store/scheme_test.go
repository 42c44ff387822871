package store

import (
	"context"
	"errors"
	"testing"

	"github.com/gongping/gongping/data"
)

// The scheme and its history: versions numbered per policy from 1, the current scheme apart, the history
// append-only (the database refuses to change or delete a version).
func TestSchemeHistory(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	a, b := newPolicy(t, s), newPolicy(t, s)
	if js, ok, err := s.Scheme(ctx, a); err != nil || ok || js != "" {
		t.Fatalf("Scheme of a new policy = %q %v %v", js, ok, err)
	}
	save := func(id int64, js, source string) int {
		t.Helper()
		var n int
		if err := s.Tx(ctx, func(tx *Tx) (err error) {
			if n, err = tx.AddSchemeVersion(ctx, id, js, source); err != nil {
				return err
			}
			return tx.SetScheme(ctx, id, js)
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := save(a, `{"name":"甲"}`, "甲.json"); n != 1 {
		t.Errorf("first version = %d", n)
	}
	if n := save(a, `{"name":"乙"}`, "窗口"); n != 2 {
		t.Errorf("second version = %d", n)
	}
	if n := save(b, `{"name":"甲"}`, "x"); n != 1 {
		t.Errorf("another policy's first version = %d", n)
	}
	if n := save(a, `{"name":"甲"}`, "恢复第 1 版"); n != 3 {
		t.Errorf("third version = %d", n)
	}
	if js, ok, err := s.Scheme(ctx, a); err != nil || !ok || js != `{"name":"甲"}` {
		t.Errorf("Scheme = %q %v %v", js, ok, err)
	}
	if n, err := s.SchemeVersionOf(ctx, a, `{"name":"甲"}`); err != nil || n != 3 {
		t.Errorf("SchemeVersionOf 甲 = %d %v, want the newest (3)", n, err)
	}
	if n, err := s.SchemeVersionOf(ctx, a, `{"name":"丙"}`); err != nil || n != 0 {
		t.Errorf("SchemeVersionOf 丙 = %d %v, want 0", n, err)
	}
	h, err := s.SchemeHistory(ctx, a)
	if err != nil || len(h) != 3 || h[0].Source != "甲.json" || h[1].JSON != `{"name":"乙"}` || h[2].Version != 3 || h[2].SavedAt == "" {
		t.Errorf("SchemeHistory = %+v %v", h, err)
	}
	if js, err := s.SchemeVersion(ctx, a, 2); err != nil || js != `{"name":"乙"}` {
		t.Errorf("SchemeVersion 2 = %q %v", js, err)
	}
	if _, err := s.SchemeVersion(ctx, a, 9); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("SchemeVersion 9 = %v, want ErrNotFound", err)
	}
	// The history is append-only.
	if _, err := s.db.Exec(`UPDATE scheme_versions SET json='{}' WHERE version=1`); err == nil {
		t.Error("a scheme version was changed")
	}
	if _, err := s.db.Exec(`DELETE FROM scheme_versions WHERE version=1`); err == nil {
		t.Error("a scheme version was deleted")
	}
}
