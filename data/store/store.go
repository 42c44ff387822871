// Package store is the workspace: one SQLite file per workspace, its migrations, and every query GongPing
// runs (the only package that imports database/sql). Domain types and rules are in package data; other
// packages call the typed methods of Store and, inside one transaction, of Tx.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/gongping/gongping/data"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open workspace.
type Store struct {
	db   *sql.DB
	Path string
	// ReadOnly is set when the workspace was opened read-only (its file or folder cannot be written, or
	// OpenReadOnly was asked): reading works, every write fails with ErrReadOnly's message.
	ReadOnly bool
	changes  changeState // subscribers to changes and their watcher (changes.go)
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

// ApplicationID marks a GongPing workspace: SQLite's application_id header field (PRAGMA application_id,
// bytes 68–71 of the file) holds "GPWS" in ASCII. A file with another application's id, or with none and
// no GongPing tables, is refused untouched.
const ApplicationID int32 = 0x47505753

// Open opens the workspace at path, creating it when the file is missing or empty, and brings its schema up
// to date. Before anything is written the file is inspected read-only: another application's SQLite file is
// refused untouched, a damaged one is refused with the way back (the latest automatic backup). A workspace
// whose file or folder cannot be written opens read-only (Store.ReadOnly).
func Open(path string) (*Store, error) {
	return openUpTo(path, -1, false)
}

// OpenReadOnly opens an existing workspace for reading only; nothing is written to its file or folder.
func OpenReadOnly(path string) (*Store, error) {
	return openUpTo(path, -1, true)
}

// openUpTo applies migrations up to version max (all when max < 0); tests use it to build older workspaces.
func openUpTo(path string, max int, readOnly bool) (*Store, error) {
	info, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if !readOnly {
		readOnly = !CanWrite(path)
	}
	if readOnly {
		return openReadOnly(path, info)
	}
	if info.kind == kindNew {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, Explain(fmt.Errorf("create folder for workspace: %w", err), path)
			}
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	s := &Store{db: db, Path: path}
	if err := s.migrate(context.Background(), max); err != nil {
		db.Close()
		return nil, Explain(err, path)
	}
	return s, nil
}

// openReadOnly opens an inspected workspace read-only. With no -wal or -shm file beside it (nobody has it
// open, and it was closed cleanly, as a mailed copy or a file on a share is) the connection is immutable:
// SQLite then needs no -shm file, so a read-only folder works and nothing is created in it. Otherwise SQLite
// must read the log, and see other connections' writes, through its -shm index.
func openReadOnly(path string, info fileInfo) (*Store, error) {
	switch {
	case info.kind == kindNew:
		return nil, &data.InputError{Msg: fmt.Sprintf("无法新建工作区 %s：所在文件夹是只读的，请选择可写的文件夹", path), Err: ErrReadOnly}
	case info.version < SchemaVersion():
		return nil, &data.InputError{Msg: fmt.Sprintf("工作区 %s 由较早版本的公评创建，打开前需要升级，但它是只读的（文件或所在文件夹不可写）：请把它复制到可写的文件夹后再打开", path), Err: ErrReadOnly}
	}
	db, err := openRO(path, info.shared, "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_txlock=deferred")
	if err != nil {
		return nil, Explain(err, path)
	}
	return &Store{db: db, Path: path, ReadOnly: true}, nil
}

// roDSN is a read-only connection string; immutable (no locks, no log) when nobody else can be using the file.
func roDSN(path string, immutable bool, extra string) string {
	q := "mode=ro"
	if immutable {
		q += "&immutable=1"
	}
	if extra != "" {
		q += "&" + extra
	}
	return "file:" + path + "?" + q
}

// openRO opens a read-only connection pool and proves it can read. When the file may be in use (shared: a
// -wal or -shm file lies beside it) it first tries a plain read-only connection, which takes SQLite's locks
// and reads the log, and falls back to an immutable one only when SQLite cannot use the log's index (a
// read-only folder without the -shm file, left by a crash).
func openRO(path string, shared bool, extra string) (*sql.DB, error) {
	try := func(immutable bool) (*sql.DB, error) {
		db, err := sql.Open("sqlite", roDSN(path, immutable, extra))
		if err != nil {
			return nil, err
		}
		var n int
		if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			db.Close()
			return nil, err
		}
		return db, nil
	}
	if !shared {
		return try(true)
	}
	db, err := try(false)
	if err != nil && !isCode(err, codeCorrupt, codeNotADB) {
		return try(true)
	}
	return db, err
}

type fileKind int

const (
	kindNew    fileKind = iota // missing, empty, or an SQLite file with no tables at all
	kindOurs                   // carries ApplicationID
	kindLegacy                 // an earlier GongPing's workspace: application_id 0, user_version ≥ 1, our tables
)

type fileInfo struct {
	kind    fileKind
	version int  // user_version
	walLive bool // a non-empty -wal file lies beside it: the header may be out of date
	shared  bool // a -wal or -shm file lies beside it: another connection may have it open
}

// inspect looks at an existing file without writing to it or its folder: the header first, then (when the
// header does not settle it) an immutable or read-only connection, which also runs quick_check.
func inspect(path string) (fileInfo, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileInfo{kind: kindNew}, nil
	}
	if err != nil {
		return fileInfo{}, Explain(err, path)
	}
	if fi.IsDir() {
		return fileInfo{}, data.InputErrorf("%s 是文件夹，不是工作区文件", path)
	}
	if fi.Size() == 0 {
		return fileInfo{kind: kindNew}, nil
	}
	hdr := make([]byte, 100)
	f, err := os.Open(path)
	if err != nil {
		return fileInfo{}, Explain(err, path)
	}
	n, _ := io.ReadFull(f, hdr)
	f.Close()
	if n < len(hdr) || !bytes.HasPrefix(hdr, []byte("SQLite format 3\x00")) {
		return fileInfo{}, notWorkspace(path, "它不是 SQLite 数据库文件")
	}
	info := fileInfo{walLive: fileSize(path+"-wal") > 0, shared: exists(path+"-wal") || exists(path+"-shm")}
	// The header is current unless a write-ahead log may hold newer pages.
	if id := int32(binary.BigEndian.Uint32(hdr[68:72])); !info.walLive && id != 0 && id != ApplicationID {
		return fileInfo{}, notWorkspace(path, fmt.Sprintf("它是另一个程序的数据库（application_id %#x）", uint32(id)))
	}
	db, err := openRO(path, info.shared, "_pragma=busy_timeout(5000)")
	if err != nil {
		return fileInfo{}, Explain(err, path)
	}
	defer db.Close()
	var id int32
	var tables []string
	if err := db.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		return fileInfo{}, Explain(err, path)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&info.version); err != nil {
		return fileInfo{}, Explain(err, path)
	}
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return fileInfo{}, Explain(err, path)
	}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return fileInfo{}, Explain(err, path)
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fileInfo{}, Explain(err, path)
	}
	has := func(name string) bool {
		for _, t := range tables {
			if t == name {
				return true
			}
		}
		return false
	}
	switch {
	case id == ApplicationID:
		info.kind = kindOurs
	case id == 0 && info.version >= 1 && has("policies") && has("rounds"):
		info.kind = kindLegacy
	case id == 0 && info.version == 0 && len(tables) == 0:
		info.kind = kindNew
		return info, nil
	case id != 0:
		return fileInfo{}, notWorkspace(path, fmt.Sprintf("它是另一个程序的数据库（application_id %#x）", uint32(id)))
	default:
		return fileInfo{}, notWorkspace(path, fmt.Sprintf("它是另一个程序的数据库（数据表 %s）", strings.Join(first(tables, 3), "、")))
	}
	if info.version > SchemaVersion() {
		return fileInfo{}, fmt.Errorf("%w (版本 %d > %d)：请升级公评后再打开", ErrNewerWorkspace, info.version, SchemaVersion())
	}
	if err := quickCheck(db); err != nil {
		return fileInfo{}, damaged(path, err)
	}
	return info, nil
}

// quickCheck runs SQLite's quick_check (page structure, no index cross-check): nil when the file is sound.
func quickCheck(db *sql.DB) error {
	var res string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return errors.New(res)
	}
	return nil
}

func first(xs []string, n int) []string {
	if len(xs) > n {
		return append(xs[:n:n], "…")
	}
	return xs
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// CanWrite tells whether the workspace at path can be opened for writing: the file (when it exists) opens
// for writing, and SQLite can keep its write-ahead log beside it (the -wal and -shm files exist writable, or
// the folder takes new files). Nothing is changed.
func CanWrite(path string) bool {
	if _, err := os.Stat(path); err == nil {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return false
		}
		f.Close()
		if writableFile(path+"-wal") && writableFile(path+"-shm") {
			return true
		}
	}
	return dirWritable(filepath.Dir(path))
}

func writableFile(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// dirWritable tells whether dir (or, when it does not exist yet, its nearest existing parent) takes new
// files (canCreateIn).
func dirWritable(dir string) bool {
	for {
		fi, err := os.Stat(dir)
		if err == nil {
			if !fi.IsDir() {
				return false
			}
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
	return canCreateIn(dir)
}

// Close closes the workspace.
func (s *Store) Close() error { s.stopWatching(true); return s.db.Close() }

func (s *Store) migrate(ctx context.Context, max int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if max >= 0 && max < len(ms) {
		ms = ms[:max]
	}
	var v int
	var id int32
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read workspace version: %w", err)
	}
	if v > SchemaVersion() {
		return fmt.Errorf("%w (版本 %d > %d)：请升级公评后再打开", ErrNewerWorkspace, v, SchemaVersion())
	}
	stamp := fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)
	for i := v; i < len(ms); i++ {
		err := s.sqlTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, ms[i]); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, stamp); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate workspace to version %d: %w", i+1, err)
		}
	}
	// A workspace of an earlier GongPing, already at the current version, gets its mark now.
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return fmt.Errorf("read application id: %w", err)
	}
	if id != ApplicationID {
		if _, err := s.db.ExecContext(ctx, stamp); err != nil {
			return fmt.Errorf("mark workspace: %w", err)
		}
	}
	return nil
}

// Version reports the workspace's schema version.
func (s *Store) Version() (int, error) {
	var v int
	err := s.db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// Tx is one transaction of a workspace: the writes that belong together (an import, a decision, a scheme
// and its history) are its methods. Get one from Store.Tx.
type Tx struct {
	tx *sql.Tx
}

// Tx runs fn in one transaction, committing when it returns nil. SQLite's damage, disk-full and read-only
// errors come back as InputErrors saying what happened and what to do (Explain).
func (s *Store) Tx(ctx context.Context, fn func(tx *Tx) error) error {
	return s.withTx(ctx, func(tx *sql.Tx) error { return fn(&Tx{tx: tx}) })
}

// withTx is Tx for this package's own methods, which work on the *sql.Tx.
func (s *Store) withTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return Explain(s.sqlTx(ctx, fn), s.Path)
}

func (s *Store) sqlTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
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
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
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
