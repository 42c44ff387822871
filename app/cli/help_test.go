package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

// usageFlags are the flags a usage line names.
var usageFlags = regexp.MustCompile(`--([a-z][a-z0-9-]*)`)

// Each entry of the table is whole and agrees with its flags: a name, a one-line summary, what it does to
// the workspace, and a usage that names every flag the command declares and no other, each described.
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands {
		if seen[c.name] {
			t.Errorf("%s: twice in the table", c.name)
		}
		seen[c.name] = true
		if c.access == 0 {
			t.Errorf("%s: access not set (noWorkspace, reads or writes?)", c.name)
		}
		if c.summary == "" || strings.ContainsAny(c.summary, "\n\t") {
			t.Errorf("%s: summary %q is not one line", c.name, c.summary)
		}
		declared := map[string]bool{}
		for _, fl := range c.flagsInUsageOrder() {
			declared[fl.Name] = true
			if fl.Usage == "" {
				t.Errorf("%s --%s: no description", c.name, fl.Name)
			}
			if usageIndex(c.usage, fl.Name) < 0 {
				t.Errorf("%s: --%s is declared but not in usage %q", c.name, fl.Name, c.usage)
			}
		}
		for _, m := range usageFlags.FindAllStringSubmatch(c.usage, -1) {
			if !declared[m[1]] {
				t.Errorf("%s: usage names --%s, which it does not declare", c.name, m[1])
			}
		}
		for _, w := range c.writeFlags {
			if !declared[w] {
				t.Errorf("%s: write flag --%s is not declared", c.name, w)
			}
		}
		if (c.opens >= opensDBPath || c.name == "open") != declared["db"] {
			t.Errorf("%s: --db declared %v, opens %d", c.name, declared["db"], c.opens)
		}
	}
}

// What a command does to its workspace, with the flags given: the read-only guard's question.
func TestCommandChanges(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"reasons", "--db", "x"}, false},
		{[]string{"reasons", "--db", "x", "--add", "理由"}, true},
		{[]string{"reasons", "--db", "x", "--delete=2"}, true},
		{[]string{"policy", "list", "--db", "x"}, false},
		{[]string{"policy", "add", "--db", "x"}, true},
		{[]string{"backup", "restore", "--db", "x"}, true},
		{[]string{"workdays", "2026-01-01", "2026-01-02"}, false},
		{[]string{"open", "--db", "x"}, false},
	} {
		cmd, rest := findCommand(c.args)
		f := cmd.flags()
		cmd.setup(f)
		if err := f.parse(rest); err != nil {
			t.Fatal(err)
		}
		if got := cmd.changes(f); got != c.want {
			t.Errorf("%s: changes = %v, want %v", strings.Join(c.args, " "), got, c.want)
		}
	}
}

// gongping help lists every command with its summary; every command answers --help, -h and
// gongping help <command> with its usage and each of its flags, on stdout, exit status 0, even when the
// command line is otherwise wrong or the workspace read-only.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}, {}} {
		code, out, errs := gp(t, args...)
		if code != 0 || errs != "" {
			t.Fatalf("gongping %v = %d, stderr %q", args, code, errs)
		}
		for _, c := range commands {
			if !strings.Contains(out, "  "+c.name+" ") || !strings.Contains(out, c.summary) {
				t.Errorf("gongping %v does not list %s with its summary", args, c.name)
			}
		}
		if n := strings.Count(out, "\n"); n != len(commands)+8 {
			t.Errorf("gongping %v: %d lines, want a header of 8 and one per command (%d)", args, n, len(commands))
		}
	}
	for _, c := range commands {
		words := strings.Fields(c.name)
		for _, args := range [][]string{
			append(words[:len(words):len(words)], "--help"),
			append(words[:len(words):len(words)], "-h"),
			append([]string{"help"}, words...),
			append(words[:len(words):len(words)], "--bogus", "x", "--help"),
		} {
			code, out, errs := gp(t, args...)
			if code != 0 || errs != "" || !strings.HasPrefix(out, "用法 (usage): gongping "+c.name+" "+c.usage+"\n") {
				t.Errorf("gongping %s = %d, stdout %q, stderr %q", strings.Join(args, " "), code, out, errs)
				continue
			}
			for _, m := range usageFlags.FindAllString(c.usage, -1) {
				if !strings.Contains(out, "\n  "+m+" ") {
					t.Errorf("gongping %s does not describe %s:\n%s", strings.Join(args, " "), m, out)
				}
			}
		}
	}
	// A group's first word lists its commands; a word that starts none is bad usage.
	if code, out, _ := gp(t, "help", "policy"); code != 0 || !strings.Contains(out, "policy set") || strings.Contains(out, "demo") {
		t.Errorf("help policy = %d %q", code, out)
	}
	if code, out, _ := gp(t, "revise", "--help"); code != 0 || !strings.Contains(out, "revise withdraw") {
		t.Errorf("revise --help = %d %q", code, out)
	}
	if code, _, errs := gp(t, "help", "nosuch"); code != 2 || !strings.Contains(errs, "未知命令") {
		t.Errorf("help nosuch = %d %q", code, errs)
	}
}

// The help of one command, as a user reads it: the flags in the order usage names them, each with its
// placeholder, description and default; the positional argument described.
func TestCommandHelpText(t *testing.T) {
	_, out, _ := gp(t, "import", "survey", "--help")
	lines := strings.Split(out, "\n")
	var flagLines []string
	for _, l := range lines {
		if strings.HasPrefix(l, "  ") {
			flagLines = append(flagLines, strings.Fields(l)[0]+" "+strings.Fields(l)[1])
		}
	}
	want := []string{"FILE 问卷导出文件（.xlsx、.xls", "--db F", "--policy ID", "--round R",
		"--format auto|wjx-text|wjx-code|tencent|wenjuan|txdocs|jinshuju|limesurvey|generic", "--type Q=TYPE", "--help 显示本说明"}
	if fmt.Sprint(flagLines) != fmt.Sprint(want) {
		t.Errorf("import survey --help lists\n%q\nwant\n%q\n%s", flagLines, want, out)
	}
	if !strings.Contains(out, "（默认 auto）") {
		t.Errorf("the default of --format is not shown:\n%s", out)
	}
	for _, c := range []struct{ usage, flag, want string }{
		{"--db F --title T", "db", "F"},
		{"[--officers=true|false]", "officers", "true|false"},
		{"[--officers] [--x]", "officers", ""},
		{"(--cluster K / --opinion K)…", "cluster", "K"},
		{"--from-survey [--round R]", "from-survey", ""},
		{"[--opinion K]… [--op X]", "op", "X"},
		{"--db-x F", "db", ""},
	} {
		if got := placeholder(c.usage, c.flag); got != c.want {
			t.Errorf("placeholder(%q, %s) = %q, want %q", c.usage, c.flag, got, c.want)
		}
	}
}

// finish is the one place that maps what a command returned to an exit status and a message.
func TestFinish(t *testing.T) {
	cmd := lookup("score")
	long := strings.Repeat("数据库内部状态异常 ", 40)
	for _, c := range []struct {
		name       string
		err        error
		code       int
		want, deny string // in stderr, not in stderr
	}{
		{"none", nil, 0, "", "gongping"},
		{"usage", usagef("缺少 --out"), 2, "gongping score: 缺少 --out\n用法 (usage): gongping score --db F", "内部错误"},
		{"input", data.InputErrorf("第3行：无法识别的日期"), 1, "gongping score: 第3行：无法识别的日期\n", "内部错误"},
		{"input with hint", &data.InputError{Msg: "须说明理由", CLIHint: "--reason 理由"}, 1, "须说明理由（命令行：--reason 理由）", "内部错误"},
		{"wrapped input", fmt.Errorf("score: %w", data.InputErrorf("找不到政策 7")), 1, "score: 找不到政策 7", "内部错误"},
		{"cancelled", fmt.Errorf("scoring: %w", context.Canceled), 1, "已取消", "内部错误"},
		{"missing file", &fs.PathError{Op: "open", Path: "方案.json", Err: fs.ErrNotExist}, 1, "找不到文件或文件夹 方案.json", "内部错误"},
		{"internal", errors.New("sql: Scan error on column index 3"), 1, "gongping score: 内部错误 (internal error)：sql: Scan error on column index 3", ""},
		{"long internal", errors.New(long), 1, "内部错误 (internal error)：" + string([]rune(long)[:160]) + "…", string([]rune(long)[:161])},
		{"help", flag.ErrHelp, 0, "", "gongping"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb strings.Builder
			code := finish(&env{ctx: context.Background(), stdout: &out, stderr: &errb}, cmd, c.err)
			errs := errb.String()
			if code != c.code || !strings.Contains(errs, c.want) || (c.deny != "" && strings.Contains(errs, c.deny)) {
				t.Errorf("finish(%v) = %d, stderr %q; want %d, stderr ∋ %q ∌ %q", c.err, code, errs, c.code, c.want, c.deny)
			}
			if c.code == 1 && strings.Count(errs, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", errs)
			}
			if c.err == flag.ErrHelp && !strings.HasPrefix(out.String(), "用法 (usage): gongping score") {
				t.Errorf("help printed %q", out.String())
			}
		})
	}
}

// A panic in a command is an internal error in one line, exit status 1, never a stack trace.
func TestPanicIsInternal(t *testing.T) {
	old := OpenWindow
	defer func() { OpenWindow = old }()
	OpenWindow = func(string) error { panic("nil map") }
	code, _, errs := gp(t, "open", "--db", filepath.Join(t.TempDir(), "x.gpw"))
	if code != 1 || !strings.HasPrefix(errs, "gongping open: 内部错误 (internal error)：panic: nil map") || strings.Contains(errs, "goroutine") {
		t.Errorf("panic = %d %q", code, errs)
	}
	// What the window says (no display, no OpenGL) is a message for the user, not an internal error.
	OpenWindow = func(string) error { return errors.New("没有可用的显示器") }
	if code, _, errs := gp(t, "open"); code != 1 || errs != "gongping open: 没有可用的显示器\n" {
		t.Errorf("window error = %d %q", code, errs)
	}
}

// The nogui build's window: it says that it has none.
func TestNoWindow(t *testing.T) {
	code, _, errs := gp(t, "open")
	if code != 1 || !strings.Contains(errs, "nogui") || !strings.Contains(errs, "不能打开桌面窗口") {
		t.Errorf("open = %d %q", code, errs)
	}
}

// A command line that is wrong opens no workspace: the file is not created.
func TestBadUsageCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.gpw")
	for _, args := range [][]string{
		{"meeting", "add", "--db", db, "--date", "2026-03-05", "--reps", "many"},
		{"opinions", "--db", db, "--policy", "1", "--decision", "bogus"},
		{"cluster", "--db", db, "--policy", "1", "--threshold", "abc"},
		{"decide", "--db", db, "--policy", "1", "--cluster", "x"},
		{"publish", "--db", db, "--policy", "1", "--what", "both", "--date", "2026-01-01"},
		{"reasons", "--db", db, "--add", "x", "--delete", "1"},
		{"scheme", "set", "--db", db, "--policy", "1", filepath.Join(dir, "nosuch.json")},
	} {
		if code, _, _ := gp(t, args...); code == 0 {
			t.Errorf("%s succeeded", strings.Join(args, " "))
		}
		if m, _ := filepath.Glob(db + "*"); len(m) > 0 {
			t.Errorf("%s created %v", strings.Join(args, " "), m)
		}
	}
}
