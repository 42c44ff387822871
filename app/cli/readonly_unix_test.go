//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/unprivileged"
)

// A read-only workspace (the file, its folder, or both) can be listed, scored and reported; every command
// that would change it refuses with a Chinese message, before it starts; nothing in the folder changes.
func TestCLIReadOnlyWorkspace(t *testing.T) {
	parent, scratch := unprivileged.Rerun(t)
	if parent {
		return
	}
	for _, lock := range []string{"file", "folder", "both"} {
		t.Run(lock, func(t *testing.T) {
			dir := filepath.Join(scratch, lock)
			os.Mkdir(dir, 0o755)
			db := filepath.Join(dir, "demo.gpw")
			if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
				t.Fatal(errs)
			}
			os.RemoveAll(db + ".backups")
			if lock != "folder" {
				os.Chmod(db, 0o444)
			}
			if lock != "file" {
				os.Chmod(dir, 0o555)
			}
			defer os.Chmod(dir, 0o755)
			before := folderState(t, dir)
			out := filepath.Join(scratch, lock+"-report")
			for _, c := range []struct {
				args []string
				out  string
			}{
				{[]string{"policy", "list", "--db", db}, "优化营商环境"},
				{[]string{"policy", "list", "--db", db, "--json"}, `"id": 1`},
				{[]string{"score", "--db", db, "--policy", "1"}, "综合得分"},
				{[]string{"check", "--db", db, "--policy", "1"}, ""},
				{[]string{"scheme", "get", "--db", db, "--policy", "1"}, `"dimensions"`},
				{[]string{"scheme", "history", "--db", db, "--policy", "1"}, "当前方案"},
				{[]string{"survey", "questions", "--db", db, "--policy", "1"}, "Q"},
				{[]string{"survey", "imports", "--db", db, "--policy", "1"}, ""},
				{[]string{"opinions", "--db", db, "--policy", "1", "--json"}, `"id"`},
				{[]string{"opinion", "imports", "--db", db, "--policy", "1"}, ""},
				{[]string{"clusters", "--db", db, "--policy", "1", "--json"}, `"size"`},
				{[]string{"decisions", "--db", db, "--policy", "1"}, ""},
				{[]string{"revise", "list", "--db", db, "--policy", "1"}, ""},
				{[]string{"publications", "--db", db, "--policy", "1"}, ""},
				{[]string{"reasons", "--db", db}, ""},
				{[]string{"backup", "list", "--db", db}, "还没有自动备份"},
				{[]string{"report", "--db", db, "--policy", "1", "--out", out}, "report.html"},
			} {
				code, stdout, errs := gp(t, c.args...)
				if code != 0 || !strings.Contains(stdout, c.out) {
					t.Errorf("%s = %d, stdout %.200q, stderr %q", strings.Join(c.args[:2], " "), code, stdout, errs)
				}
			}
			for _, args := range [][]string{
				{"policy", "add", "--db", db, "--title", "t", "--dept", "d", "--category", "其他"},
				{"scheme", "restore", "--db", db, "--policy", "1", "--version", "1"},
				{"scheme", "set", "--db", db, "--policy", "1", filepath.Join(scratch, "nosuch.json")}, // refused before its input is read
				{"survey", "delete", "--db", db, "--policy", "1", "--import", "1"},
				{"import", "survey", "--db", db, "--policy", "1", filepath.Join("..", "..", "data", "score", "testdata", "fixture.csv")},
				{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2026-01-05"},
				{"reasons", "--db", db, "--add", "新理由"},
				{"demo", "--db", db},
			} {
				code, _, errs := gp(t, args...)
				if code != 1 || !strings.Contains(errs, "只读") || strings.Contains(errs, "readonly") {
					t.Errorf("%s = %d %q, want a read-only refusal", strings.Join(args[:2], " "), code, errs)
				}
			}
			if after := folderState(t, dir); after != before {
				t.Errorf("folder changed:\n%s\n%s", before, after)
			}
		})
	}
}
