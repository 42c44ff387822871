package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

// mustOpen opens a fresh workspace in a temp dir.
func mustOpen(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "ws.gpw"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestFreshWorkspaceIsCurrent(t *testing.T) {
	s := mustOpen(t)
	v, err := s.Version()
	if err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion() || v < 1 {
		t.Fatalf("version = %d, want %d", v, SchemaVersion())
	}
	var fk, busy, sync, page int
	var jm string
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	s.db.QueryRow("PRAGMA journal_mode").Scan(&jm)
	s.db.QueryRow("PRAGMA busy_timeout").Scan(&busy)
	s.db.QueryRow("PRAGMA synchronous").Scan(&sync)
	s.db.QueryRow("PRAGMA page_size").Scan(&page)
	if fk != 1 || jm != "wal" || busy != 5000 || sync != 2 || page != 65536 {
		t.Errorf("pragmas: foreign_keys=%d journal_mode=%s busy_timeout=%d synchronous=%d page_size=%d", fk, jm, busy, sync, page)
	}
}

func TestUpgradeFromEachOlderSchema(t *testing.T) {
	for old := 1; old < SchemaVersion(); old++ {
		path := filepath.Join(t.TempDir(), "old.gpw")
		s, err := openUpTo(path, old, false)
		if err != nil {
			t.Fatal(err)
		}
		id, err := s.AddPolicy(context.Background(), data.Policy{Title: "旧政策", Dept: "市政府办公厅", Category: "其他"})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		s, err = Open(path)
		if err != nil {
			t.Fatalf("upgrade from %d: %v", old, err)
		}
		if v, _ := s.Version(); v != SchemaVersion() {
			t.Errorf("upgrade from %d: version %d", old, v)
		}
		if p, err := s.Policy(context.Background(), id); err != nil || p.Title != "旧政策" {
			t.Errorf("upgrade from %d lost the policy: %v %+v", old, err, p)
		}
		s.Close()
	}
}

func TestRefuseNewerWorkspace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.gpw")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrNewerWorkspace) || !strings.Contains(err.Error(), "升级") {
		t.Fatalf("Open(newer) = %v, want ErrNewerWorkspace telling the user to upgrade", err)
	}
}

func TestRefuseNonWorkspace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.gpw")
	if err := os.WriteFile(path, []byte("这不是数据库，只是一段文字。"+strings.Repeat("x", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err == nil {
		t.Fatal("opened a text file as a workspace")
	}
}

func TestFailedMigrationLeavesVersion(t *testing.T) {
	// A migration runs in one transaction with its version bump: a failure leaves the old version.
	s := mustOpen(t)
	err := s.Tx(context.Background(), func(tx *Tx) error {
		if _, err := tx.tx.Exec("PRAGMA user_version = 77"); err != nil {
			return err
		}
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("want error")
	}
	if v, _ := s.Version(); v != SchemaVersion() {
		t.Fatalf("version after rolled-back tx = %d", v)
	}
}

func TestSaveCopy(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	if _, err := s.AddPolicy(ctx, data.Policy{Title: "复制测试", Dept: "市财政局", Category: "公共服务"}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "backup.gpw")
	if err := s.SaveCopy(ctx, dest); err != nil {
		t.Fatal(err)
	}
	c, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ps, err := c.ListPolicies(ctx, data.PolicyFilter{})
	if err != nil || len(ps) != 1 || ps[0].Title != "复制测试" {
		t.Fatalf("copy has %v %+v", err, ps)
	}
	// No temp file left beside it.
	ents, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".gongping-copy") {
			t.Errorf("temp file left: %s", e.Name())
		}
	}
}

func newPolicy(t testing.TB, s *Store) int64 {
	t.Helper()
	id, err := s.AddPolicy(context.Background(), data.Policy{Title: "t", Dept: "d", Category: "其他"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func newRound(t testing.TB, s *Store, policyID int64, name string) data.Round {
	t.Helper()
	var rd data.Round
	if err := s.Tx(context.Background(), func(tx *Tx) (err error) {
		rd, err = tx.EnsureRound(context.Background(), policyID, name)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return rd
}
