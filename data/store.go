// Package data holds GongPing's domain types and the workspace store: one SQLite file per workspace.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrNewerWorkspace is returned when a workspace was written by a newer GongPing.
var ErrNewerWorkspace = errors.New("workspace was written by a newer version of GongPing")

// Store is an open workspace.
type Store struct {
	DB   *sql.DB
	Path string
}

// dsn builds the connection string; pragmas live here so every connection gets them.
//
// A new workspace gets 64 KiB pages (the default is 4 KiB): a 100,000-row import writes and checkpoints
// a sixteenth of the pages, about 10% of its time. The page size is fixed once WAL mode is on, so WAL
// comes from the _journal_mode key, which the driver applies after the _pragma list (that list it sorts
// by name, putting journal_mode first). On an existing workspace page_size changes nothing.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "page_size(65536)", "busy_timeout(5000)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_journal_mode", "WAL")
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// migrations returns the embedded migration scripts in order. Version N is the N-th file.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out[i] = string(b)
	}
	return out, nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	m, _ := migrations()
	return len(m)
}

// Open opens (creating if missing) the workspace at path and brings its schema up to date.
func Open(path string) (*Store, error) {
	return openUpTo(path, -1)
}

// openUpTo applies migrations up to version max (all when max < 0); tests use it to build older workspaces.
func openUpTo(path string, max int) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create folder for workspace: %w", err)
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a workspace file", path)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	s := &Store{DB: db, Path: path}
	if err := s.migrate(context.Background(), max); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the workspace.
func (s *Store) Close() error { return s.DB.Close() }

func (s *Store) migrate(ctx context.Context, max int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if max >= 0 && max < len(ms) {
		ms = ms[:max]
	}
	var v int
	if err := s.DB.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		if strings.Contains(err.Error(), "file is not a database") {
			return fmt.Errorf("%s 不是公评工作区文件 (not a GongPing workspace)", s.Path)
		}
		return fmt.Errorf("read workspace version: %w", err)
	}
	if v > SchemaVersion() {
		return fmt.Errorf("%w (版本 %d > %d)：请升级公评后再打开", ErrNewerWorkspace, v, SchemaVersion())
	}
	for i := v; i < len(ms); i++ {
		err := s.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, ms[i]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate workspace to version %d: %w", i+1, err)
		}
	}
	return nil
}

// Version reports the workspace's schema version.
func (s *Store) Version() (int, error) {
	var v int
	err := s.DB.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// Tx runs fn in one transaction, committing when it returns nil.
func (s *Store) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// SaveCopy writes a consistent copy of the workspace to dest: VACUUM INTO a temp file beside it,
// check its integrity, then rename, so a failed copy never leaves a half-written file at dest.
func (s *Store) SaveCopy(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".gongping-copy-*.db")
	if err != nil {
		return fmt.Errorf("save copy: %w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // VACUUM INTO needs a path that does not exist
	defer os.Remove(tmpName)
	if _, err := s.DB.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
		return fmt.Errorf("save copy: %w", err)
	}
	cp, err := sql.Open("sqlite", "file:"+tmpName+"?mode=ro")
	if err != nil {
		return err
	}
	var res string
	err = cp.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res)
	cp.Close()
	if err != nil {
		return fmt.Errorf("check copy: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("副本完整性检查失败 (copy failed integrity check): %s", res)
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return fmt.Errorf("save copy: %w", err)
	}
	return nil
}
