package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// benchWorkspace is a copy of the workspace GONGPING_BENCH_WORKSPACE names, e.g. a 30 MB one made with
//
//	gongping demo --db big.gpw
//	go run ./data/ingest/testdata/gen -big 100000 -cols 59 -out big.xlsx
//	gongping import survey --db big.gpw --policy 1 --round 大样本 big.xlsx
func benchWorkspace(b *testing.B) string {
	src := os.Getenv("GONGPING_BENCH_WORKSPACE")
	if src == "" {
		b.Skip("GONGPING_BENCH_WORKSPACE names no workspace")
	}
	dst := filepath.Join(b.TempDir(), "ws.gpw")
	if err := copyFile(src, dst); err != nil {
		b.Fatal(err)
	}
	return dst
}

// BenchmarkQuickCheck is the check every open makes (PRAGMA quick_check on an immutable connection).
func BenchmarkQuickCheck(b *testing.B) {
	path := benchWorkspace(b)
	b.SetBytes(fileSize(path))
	for b.Loop() {
		db, err := sql.Open("sqlite", roDSN(path, true, ""))
		if err != nil {
			b.Fatal(err)
		}
		if err := quickCheck(db); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkOpen is Open and Close of the workspace: inspection, quick_check, the real connection.
func BenchmarkOpen(b *testing.B) {
	path := benchWorkspace(b)
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		var n int
		s.db.QueryRow("SELECT count(*) FROM policies").Scan(&n)
		s.Close()
	}
}

// BenchmarkBackup is one automatic backup (VACUUM INTO and integrity check of the copy).
func BenchmarkBackup(b *testing.B) {
	path := benchWorkspace(b)
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		bk, err := s.Backup(context.Background(), BackupScheme)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(bk.Size)/(1<<20), "MB")
	}
}
