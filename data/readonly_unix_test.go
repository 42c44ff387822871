//go:build unix

package data

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// unprivileged reruns the calling test as an ordinary user (nobody) when the tests run as root, who can
// write read-only files: it returns true in the parent, which then returns. The child (and a non-root run)
// gets false and runs the test body; scratch is a folder both can use.
func unprivileged(t *testing.T) (parent bool, scratch string) {
	t.Helper()
	if os.Getenv("GONGPING_TEST_UNPRIVILEGED") != "" || os.Geteuid() != 0 {
		dir, err := os.MkdirTemp("", "gp-ro-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755); os.RemoveAll(dir) })
		return false, dir
	}
	dir, err := os.MkdirTemp("", "gp-unpriv-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "test.bin")
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(dst, src)
	src.Close()
	dst.Close()
	cmd := exec.Command(bin, "-test.run", "^"+t.Name()+"$", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GONGPING_TEST_UNPRIVILEGED=1", "HOME="+dir, "TMPDIR=/tmp", "GOCOVERDIR=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		t.Fatalf("as nobody:\n%s", out)
	default:
		t.Skipf("cannot run as an ordinary user: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("as nobody, the test did not pass:\n%s", out)
	}
	t.Logf("ran as nobody:\n%s", out)
	return true, ""
}

// A workspace that cannot be written — the file read-only, or the folder read-only as a mailed copy or a
// share is — opens read-only: it reads, nothing is created beside it, and a write says so in Chinese.
func TestReadOnlyWorkspace(t *testing.T) {
	parent, scratch := unprivileged(t)
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
			if _, err := s.AddPolicy(ctx, Policy{Title: "只读政策", Dept: "d", Category: "其他"}); err != nil {
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
			ps, err := s.ListPolicies(ctx, PolicyFilter{})
			if err != nil || len(ps) != 1 || ps[0].Title != "只读政策" {
				t.Fatalf("list: %v %v", ps, err)
			}
			_, err = s.AddPolicy(ctx, Policy{Title: "新", Dept: "d", Category: "其他"})
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
