//go:build unix

package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/unprivileged"

	"github.com/gongping/gongping/data"
)

// A workspace that cannot be written — the file read-only, or the folder read-only as a mailed copy or a
// share is — opens read-only: it reads, nothing is created beside it, and a write says so in Chinese.
func TestReadOnlyWorkspace(t *testing.T) {
	parent, scratch := unprivileged.Rerun(t)
	if parent {
		return
	}
	ctx := context.Background()
	for _, c := range []struct {
		name string
		lock func(dir, file string)
	}{
		{"file", func(dir, file string) { os.Chmod(file, 0o444) }},
		{"folder", func(dir, file string) { os.Chmod(dir, 0o555) }},
		{"both", func(dir, file string) { os.Chmod(file, 0o444); os.Chmod(dir, 0o555) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(scratch, c.name)
			os.Mkdir(dir, 0o755)
			path := filepath.Join(dir, "ws.gpw")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddPolicy(ctx, data.Policy{Title: "只读政策", Dept: "d", Category: "其他"}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			c.lock(dir, path)
			defer os.Chmod(dir, 0o755)
			if CanWrite(path) {
				t.Fatal("CanWrite of a locked workspace")
			}
			before := dirState(t, dir)
			s, err = Open(path)
			if err != nil {
				t.Fatalf("Open(read-only) = %v", err)
			}
			defer s.Close()
			if !s.ReadOnly {
				t.Error("not marked read-only")
			}
			ps, err := s.ListPolicies(ctx, data.PolicyFilter{})
			if err != nil || len(ps) != 1 || ps[0].Title != "只读政策" {
				t.Fatalf("list: %v %v", ps, err)
			}
			_, err = s.AddPolicy(ctx, data.Policy{Title: "新", Dept: "d", Category: "其他"})
			if err = Explain(err, path); err == nil || !strings.Contains(err.Error(), "只读") {
				t.Errorf("write to a read-only workspace: %v", err)
			}
			if err := s.WithBackup(ctx, BackupScheme, func() error { return nil }); !errors.Is(err, ErrReadOnly) {
				t.Errorf("WithBackup on a read-only workspace: %v", err)
			}
			s.Close()
			if after := dirState(t, dir); after != before {
				t.Errorf("folder changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
	// A new workspace cannot be made in a read-only folder; the message says so.
	dir := filepath.Join(scratch, "ro")
	os.Mkdir(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if _, err := Open(filepath.Join(dir, "new.gpw")); err == nil || !strings.Contains(err.Error(), "只读") {
		t.Errorf("new workspace in a read-only folder: %v", err)
	}
}
