package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

// dirState is a folder's file names with their contents' SHA-256: "byte for byte untouched".
func dirState(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out = append(out, fmt.Sprintf("%s %x", e.Name(), sha256.Sum256(b)))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// foreignDB writes another application's SQLite file: a table of its own, the given application_id and
// journal mode.
func foreignDB(t *testing.T, path string, appID int32, journal string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"PRAGMA journal_mode=" + journal,
		fmt.Sprintf("PRAGMA application_id=%d", appID),
		"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
		"INSERT INTO notes (body) VALUES ('别人的笔记')",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
}

// Another application's SQLite file is refused untouched, byte for byte, and nothing appears beside it.
func TestForeignSQLiteRefusedUntouched(t *testing.T) {
	for _, c := range []struct {
		name    string
		appID   int32
		journal string
	}{
		{"no-id", 0, "delete"},
		{"other-id", 0x12345678, "delete"},
		{"wal", 0, "wal"},
		{"wal-other-id", 0x0f055112, "wal"}, // Fossil's id
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "notes.db")
			foreignDB(t, path, c.appID, c.journal)
			before := dirState(t, dir)
			for _, open := range []func(string) (*Store, error){Open, OpenReadOnly} {
				s, err := open(path)
				if err == nil {
					s.Close()
					t.Fatal("opened another application's database as a workspace")
				}
				if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "不是公评工作区") || !strings.Contains(err.Error(), "没有改动") {
					t.Errorf("error = %v, want ErrForeign saying it was left untouched", err)
				}
			}
			if after := dirState(t, dir); after != before {
				t.Errorf("folder changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// A workspace of an earlier GongPing (application_id 0, user_version ≥ 1, our tables) opens and gets the
// mark; a new or empty file is created marked.
func TestEarlierWorkspaceGetsMarked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.gpw")
	s, err := openUpTo(path, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.AddPolicy(ctx, data.Policy{Title: "旧政策", Dept: "市政府办公厅", Category: "其他"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA application_id = 0"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, p := range []string{path, path} { // at version 3, then already current
		s, err := Open(p)
		if err != nil {
			t.Fatalf("earlier workspace refused: %v", err)
		}
		var got int32
		s.db.QueryRow("PRAGMA application_id").Scan(&got)
		if got != ApplicationID {
			t.Errorf("application_id = %#x, want %#x", got, ApplicationID)
		}
		if pol, err := s.Policy(ctx, id); err != nil || pol.Title != "旧政策" {
			t.Errorf("policy lost: %v", err)
		}
		s.db.Exec("PRAGMA application_id = 0")
		s.Close()
	}

	empty := filepath.Join(t.TempDir(), "empty.gpw")
	os.WriteFile(empty, nil, 0o644)
	for _, p := range []string{empty, filepath.Join(t.TempDir(), "sub", "new.gpw")} {
		s, err := Open(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var got int32
		s.db.QueryRow("PRAGMA application_id").Scan(&got)
		if got != ApplicationID {
			t.Errorf("%s: application_id = %#x", p, got)
		}
		s.Close()
	}
}

// fill adds n policies, each with a 20 kB stored scheme, so the workspace spans several pages.
func fill(t *testing.T, s *Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		id, err := s.AddPolicy(context.Background(), data.Policy{Title: fmt.Sprintf("政策%02d", i), Dept: "市财政局", Category: "其他"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`INSERT INTO schemes (policy_id, json) VALUES (?, ?)`, id, fmt.Sprintf(`{"name":%q}`, strings.Repeat("方案", 3500))); err != nil {
			t.Fatal(err)
		}
	}
}

// damage overwrites one page in the middle of a closed workspace with garbage.
func damage(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 65536
	if len(b) < 4*page {
		t.Fatalf("workspace too small to damage: %d bytes", len(b))
	}
	garbage := bytes.Repeat([]byte{0xA5, 0x00, 0xFF, 0x13}, page/4)
	for p := 2; p*page < len(b)-page; p += 3 {
		copy(b[p*page:], garbage)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A damaged workspace is refused on open with a Chinese message naming the latest automatic backup, which
// restores; the damaged file is kept as it was.
func TestDamagedWorkspaceRefusedAndRestored(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ws.gpw")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s, 40)
	b, err := s.Backup(ctx, BackupScheme)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	damage(t, path)
	before, _ := os.ReadFile(path)

	_, err = Open(path)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "已损坏") || !strings.Contains(err.Error(), b.Name) {
		t.Fatalf("Open(damaged) = %v, want ErrDamaged naming backup %s", err, b.Name)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("opening a damaged workspace wrote to it")
	}

	res, err := RestoreBackup(ctx, path, b.Name)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept == nil || res.Kept.Reason != BackupDamaged {
		t.Fatalf("damaged file not kept: %+v", res.Kept)
	}
	if kept, _ := os.ReadFile(res.Kept.Path); !bytes.Equal(kept, before) {
		t.Error("the damaged file was not kept byte for byte")
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("after restore: %v", err)
	}
	defer s.Close()
	ps, err := s.ListPolicies(ctx, data.PolicyFilter{})
	if err != nil || len(ps) != 40 {
		t.Fatalf("restored workspace: %d policies, %v", len(ps), err)
	}
}

// Without a backup the message says how else to get the data back.
func TestDamagedWithoutBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.gpw")
	s, _ := Open(path)
	fill(t, s, 40)
	s.Close()
	damage(t, path)
	_, err := Open(path)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "还没有自动备份") {
		t.Fatalf("Open = %v", err)
	}
}

// The newest KeepBackups backups are kept; a step that fails leaves no backup; a restore keeps the file it
// replaces.
func TestAutomaticBackups(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	var names []string
	for i := 0; i < KeepBackups+2; i++ {
		if _, err := s.AddPolicy(ctx, data.Policy{Title: fmt.Sprintf("政策%d", i), Dept: "d", Category: "其他"}); err != nil {
			t.Fatal(err)
		}
		err := s.WithBackup(ctx, BackupPublish, func() error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		bs, _ := ListBackups(s.Path)
		names = append(names, bs[0].Name)
	}
	boom := errors.New("refused")
	if err := s.WithBackup(ctx, BackupSurveyDelete, func() error { return boom }); err != boom {
		t.Fatalf("WithBackup = %v", err)
	}
	bs, err := ListBackups(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != KeepBackups || bs[0].Name != names[len(names)-1] || bs[len(bs)-1].Name != names[2] {
		t.Fatalf("backups = %v, want the newest %d of %v", bs, KeepBackups, names)
	}
	if bs[0].Reason != BackupPublish || bs[0].What != "公开之前" || bs[0].Size == 0 || filepath.Dir(bs[0].Path) != BackupDir(s.Path) {
		t.Errorf("backup = %+v", bs[0])
	}

	// The oldest kept backup has policies 0..2; the workspace has 0..6.
	oldest := bs[len(bs)-1]
	s.Close()
	res, err := RestoreBackup(ctx, s.Path, oldest.Name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := r.ListPolicies(ctx, data.PolicyFilter{})
	r.Close()
	if len(ps) != 3 {
		t.Errorf("restored workspace has %d policies, want 3", len(ps))
	}
	if res.Kept == nil || res.Kept.Reason != BackupRestore {
		t.Fatalf("kept = %+v", res.Kept)
	}
	k, err := OpenReadOnly(res.Kept.Path)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ = k.ListPolicies(ctx, data.PolicyFilter{})
	k.Close()
	if len(ps) != KeepBackups+2 {
		t.Errorf("kept copy has %d policies, want %d", len(ps), KeepBackups+2)
	}
	if _, err := RestoreBackup(ctx, s.Path, "nosuch.gpw"); err == nil || !strings.Contains(err.Error(), "没有名为") {
		t.Errorf("restore of an unknown backup: %v", err)
	}
}

// A restore is refused while another connection has the workspace open.
func TestRestoreRefusedWhileOpen(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	b, err := s.Backup(ctx, BackupScheme)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPolicy(ctx, data.Policy{Title: "t", Dept: "d", Category: "其他"}); err != nil {
		t.Fatal(err)
	}
	if _, err := RestoreBackup(ctx, s.Path, b.Name); err == nil || !strings.Contains(err.Error(), "正被另一个") {
		t.Fatalf("restore while open = %v", err)
	}
	if ps, _ := s.ListPolicies(ctx, data.PolicyFilter{}); len(ps) != 1 {
		t.Error("the open workspace changed")
	}
}

// SQLITE_FULL (here from a page limit) reaches the user as a Chinese disk-full message.
func TestDiskFullMessage(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	s.db.SetMaxOpenConns(1)
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
	err := s.Tx(ctx, func(tx *Tx) error {
		res, err := tx.tx.Exec(`INSERT INTO policies (title, dept, category) VALUES ('满', 'd', '其他')`)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		_, err = tx.tx.Exec(`INSERT INTO schemes (policy_id, json) VALUES (?, ?)`, id, strings.Repeat("满", 400000))
		return err
	})
	var ie *data.InputError
	if !errors.As(err, &ie) || !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "磁盘空间不足") {
		t.Fatalf("Tx = %v, want the disk-full message", err)
	}
	if ps, _ := s.ListPolicies(ctx, data.PolicyFilter{}); len(ps) != 0 {
		t.Error("a part of the failed transaction was stored")
	}
}

// A workspace open elsewhere (its write-ahead log beside it) is inspected and read through SQLite's locks,
// never as an immutable file: what the other connection committed is seen, and the check does not misread
// pages being written.
func TestOpenWhileOpenElsewhere(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := s.AddPolicy(ctx, data.Policy{Title: "另一个窗口刚加的政策", Dept: "d", Category: "其他"}); err != nil {
		t.Fatal(err)
	}
	for _, open := range []func(string) (*Store, error){Open, OpenReadOnly} {
		r, err := open(s.Path)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := r.ListPolicies(ctx, data.PolicyFilter{})
		r.Close()
		if err != nil || len(ps) != 1 {
			t.Errorf("second connection sees %d policies (%v), want the one committed by the first", len(ps), err)
		}
	}
}
