//go:build unix

// Package unprivileged lets a test of read-only workspaces run as an ordinary user when the tests run as
// root, who writes read-only files and folders as if they were not.
package unprivileged

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const envChild = "GONGPING_TEST_UNPRIVILEGED"

// Rerun, when the tests run as root, runs the calling test again in a copy of the test binary as the user
// nobody and reports its result: it returns parent true, and the test returns. Otherwise (not root, or in
// that child) it returns false and a scratch folder, removed after the test, that the test's user may write.
func Rerun(t *testing.T) (parent bool, scratch string) {
	t.Helper()
	if os.Getenv(envChild) != "" || os.Geteuid() != 0 {
		dir, err := os.MkdirTemp("", "gp-ro-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { os.Chmod(p, 0o755); return nil })
			os.RemoveAll(dir)
		})
		return false, dir
	}
	dir, err := os.MkdirTemp("", "gp-unpriv-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "test.bin")
	if err := copyExec(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	cmd := exec.Command(bin, "-test.run", "^"+t.Name()+"$", "-test.v")
	cmd.Dir = wd // the package folder, for testdata
	cmd.Env = append(os.Environ(), envChild+"=1", "HOME="+dir, "XDG_CONFIG_HOME="+dir, "TMPDIR=/tmp", "GOCOVERDIR=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		t.Fatalf("as nobody:\n%s", out)
	case err != nil:
		t.Skipf("cannot run as an ordinary user: %v", err)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Fatalf("as nobody, the test did not pass:\n%s", out)
	}
	t.Logf("ran as nobody:\n%s", out)
	return true, ""
}

func copyExec(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
