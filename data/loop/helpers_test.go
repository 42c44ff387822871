package loop

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// newPolicy opens a fresh workspace with one issued policy.
func newPolicy(t testing.TB, issued string) (*store.Store, int64) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "ws.gpw"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.AddPolicy(context.Background(), data.Policy{Title: "优化营商环境若干措施", Dept: "市发展改革委", Category: "营商环境", Issued: issued})
	if err != nil {
		t.Fatal(err)
	}
	return s, id
}
