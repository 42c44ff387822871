package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// command is one subcommand of the command line ("policy add", "import survey", …).
type command struct {
	name  string // words after "gongping", space separated
	usage string // one line: the flags and arguments
	run   func(e *env, args []string) error
}

// env is what a command gets: its output streams and a context.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
}

var commands = map[string]*command{}

// register adds a subcommand; each cli_*.go file registers its own in init.
func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("duplicate command " + c.name)
	}
	commands[c.name] = c
}

// usageError is bad usage (unknown command, missing or malformed flag): exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// runCLI runs one command line and returns the exit status. It never lets a panic escape.
func runCLI(ctx context.Context, args []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "gongping: 内部错误 (internal error): %v\n", r)
			if os.Getenv("GONGPING_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
			status = 1
		}
	}()
	cmd, rest := findCommand(args)
	if cmd == nil {
		if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
			printHelp(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "gongping: 未知命令 %q (unknown command); 运行 gongping help 查看命令列表\n", strings.Join(args, " "))
		return 2
	}
	db := flagValue(rest, "db")
	if db != "" && writes(cmd.name, rest) {
		// A writing command on a workspace that cannot be written stops before it reads its input.
		if _, err := os.Stat(db); err == nil && !store.CanWrite(db) {
			fmt.Fprintf(stderr, "gongping %s: %s\n", cmd.name, oneLine(store.ReadOnlyError(db).Error()))
			return 1
		}
	}
	err := cmd.run(&env{ctx: ctx, stdout: stdout, stderr: stderr}, rest)
	if err == nil {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "gongping %s: %s\n用法 (usage): gongping %s %s\n", cmd.name, oneLine(ue.msg), cmd.name, cmd.usage)
		return 2
	}
	fmt.Fprintf(stderr, "gongping %s: %s\n", cmd.name, oneLine(userMessage(store.Explain(err, db))))
	return 1
}

// Access: what each command does to the workspace named by --db. A reader opens a workspace it cannot
// write read-only; a writer refuses it before it starts. Every command is listed (TestCommandAccess); one
// missing counts as a writer.
const (
	noWorkspace = iota // takes no workspace
	reads
	writesAlways
)

var commandAccess = map[string]int{
	"workdays": noWorkspace,

	"open": reads, "policy list": reads, "check": reads, "score": reads, "report": reads,
	"scheme get": reads, "scheme history": reads, "survey questions": reads, "survey imports": reads,
	"opinions": reads, "opinion imports": reads, "clusters": reads, "decisions": reads, "revise list": reads,
	"publications": reads, "backup list": reads, "reasons": reads,

	"demo": writesAlways, "policy add": writesAlways, "policy set": writesAlways, "consult set": writesAlways,
	"need add": writesAlways, "meeting add": writesAlways, "officer add": writesAlways,
	"import survey": writesAlways, "import assessment": writesAlways, "import officers": writesAlways,
	"import opinions": writesAlways, "survey delete": writesAlways, "scheme set": writesAlways,
	"scheme restore": writesAlways, "response restore": writesAlways, "response exclude": writesAlways,
	"response reset": writesAlways, "opinion add": writesAlways, "opinion delete": writesAlways,
	"cluster": writesAlways, "cluster merge": writesAlways, "cluster split": writesAlways,
	"cluster move": writesAlways, "decide": writesAlways, "revise add": writesAlways, "revise edit": writesAlways,
	"revise withdraw": writesAlways, "publish": writesAlways, "backup restore": writesAlways,
}

// writeFlags are the flags that make a reading command write ("reasons --add").
var writeFlags = map[string][]string{"reasons": {"add", "delete"}}

// writes tells whether the command, run with args, changes its workspace.
func writes(name string, args []string) bool {
	a, ok := commandAccess[name]
	if !ok || a == writesAlways {
		return true
	}
	for _, f := range writeFlags[name] {
		if flagGiven(args, f) {
			return true
		}
	}
	return false
}

// flagValue is the value of --name (or -name, --name=v) in args, "" when it is not given.
func flagValue(args []string, name string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		for _, p := range []string{"--" + name, "-" + name} {
			if a == p && i+1 < len(args) {
				return args[i+1]
			}
			if strings.HasPrefix(a, p+"=") {
				return a[len(p)+1:]
			}
		}
	}
	return ""
}

func flagGiven(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			break
		}
		for _, p := range []string{"--" + name, "-" + name} {
			if a == p || strings.HasPrefix(a, p+"=") {
				return true
			}
		}
	}
	return false
}

// userMessage is the text a user sees for err: InputErrors as they are, anything else marked internal.
func userMessage(err error) string {
	var ie *data.InputError
	if errors.As(err, &ie) {
		if ie.CLIHint != "" {
			return err.Error() + "（命令行：" + ie.CLIHint + "）"
		}
		return err.Error()
	}
	if errors.Is(err, context.Canceled) {
		return "已取消 (cancelled)"
	}
	return err.Error()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// findCommand matches the longest command name at the start of args.
func findCommand(args []string) (*command, []string) {
	for n := min(3, len(args)); n >= 1; n-- {
		if c, ok := commands[strings.Join(args[:n], " ")]; ok {
			return c, args[n:]
		}
	}
	return nil, nil
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, "公评 GongPing — 政策执行效果公众评价\n\n用法 (usage): gongping [命令] [参数]；不带参数时打开桌面程序。\n\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  gongping %s %s\n", n, commands[n].usage)
	}
}

// flags is a flag set that reports problems as usage errors and accepts flags after positional arguments.
type flags struct {
	*flag.FlagSet
	positional []string
}

func newFlags(name string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs}
}

// parse parses args, collecting positional arguments wherever they stand.
func (f *flags) parse(args []string) error {
	for {
		if err := f.FlagSet.Parse(args); err != nil {
			return usagef("%v", err)
		}
		rest := f.FlagSet.Args()
		if len(rest) == 0 {
			return nil
		}
		f.positional = append(f.positional, rest[0])
		args = rest[1:]
	}
}

// require reports a usage error naming the first empty required flag.
func (f *flags) require(names ...string) error {
	for _, n := range names {
		fl := f.Lookup(n)
		if fl == nil || fl.Value.String() == "" || (fl.Value.String() == "0" && fl.DefValue == "0") {
			return usagef("缺少 --%s (missing --%s)", n, n)
		}
	}
	return nil
}

// noPositional reports a usage error for the first positional argument of a command that takes none.
func (f *flags) noPositional() error {
	if len(f.positional) > 0 {
		return usagef("多余的参数 %q", f.positional[0])
	}
	return nil
}

// parseFlagsOnly parses the args of a command that takes flags only: then the named flags are required,
// then any positional argument is a usage error (in that order, so the first problem is the one reported).
func (f *flags) parseFlagsOnly(args []string, required ...string) error {
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.require(required...); err != nil {
		return err
	}
	return f.noPositional()
}

// parseFile parses the args of a command that takes exactly one FILE and returns it; what names the kind
// of file in the message.
func (f *flags) parseFile(args []string, what string) (string, error) {
	if err := f.parse(args); err != nil {
		return "", err
	}
	if len(f.positional) != 1 {
		return "", usagef("需要一个%s文件 FILE (need one FILE)", what)
	}
	return f.positional[0], nil
}

// multi is a repeatable string flag (--opinion 1 --opinion 2).
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// parseID reads a positive id given on the command line.
func parseID(flagName, v string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("--%s 应为正整数，而不是 %q", flagName, v)
	}
	return id, nil
}

// optID reads an optional id flag: 0 when it was not given.
func optID(flagName, v string) (int64, error) {
	if v == "" {
		return 0, nil
	}
	return parseID(flagName, v)
}

// dbFlags declares --db, the workspace every command that reads or writes one takes.
func dbFlags(name string) (*flags, *string) {
	f := newFlags(name)
	return f, f.String("db", "", "")
}

// policyFlags declares --db and --policy, the pair most commands take.
func policyFlags(name string) (*flags, *string, *string) {
	f, db := dbFlags(name)
	return f, db, f.String("policy", "", "")
}

// errNoDB is the usage error of a command run without --db.
func errNoDB() error { return usagef("缺少 --db (missing --db FILE)") }

// openDB opens the workspace named by --db.
func openDB(path string) (*store.Store, error) {
	if path == "" {
		return nil, errNoDB()
	}
	s, err := store.Open(path)
	var ie *data.InputError
	switch {
	case errors.As(err, &ie): // says what is wrong with the file and what to do
		return nil, err
	case err != nil:
		return nil, &data.InputError{Msg: fmt.Sprintf("无法打开工作区 %s：%v", path, err), Err: err}
	}
	return s, nil
}

// openPolicy opens the workspace and checks that the policy exists.
func openPolicy(e *env, db, policy string) (*store.Store, int64, error) {
	if db == "" {
		return nil, 0, errNoDB()
	}
	if policy == "" {
		return nil, 0, usagef("缺少 --policy (missing --policy ID)")
	}
	id, err := parseID("policy", policy)
	if err != nil {
		return nil, 0, err
	}
	s, err := openDB(db)
	if err != nil {
		return nil, 0, err
	}
	if _, err := s.Policy(e.ctx, id); err != nil {
		s.Close()
		return nil, 0, err
	}
	return s, id, nil
}

// openRound opens the workspace, checks that the policy exists and finds its round named round (the latest
// when empty).
func openRound(e *env, db, policy, round string) (*store.Store, data.Round, error) {
	s, id, err := openPolicy(e, db, policy)
	if err != nil {
		return nil, data.Round{}, err
	}
	r, err := s.ResolveRound(e.ctx, id, round)
	if err != nil {
		s.Close()
		return nil, data.Round{}, err
	}
	return s, r, nil
}

// printID ends a command that creates something: it prints the new id on a line of its own.
func (e *env) printID(id int64, err error) error {
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, id)
	return nil
}

// listCmd makes a command that lists something of one policy (--db, --policy, --json, no arguments): it
// prints what list returns, as JSON with --json, else as text.
func listCmd[T any](name string, list func(context.Context, *store.Store, int64) (T, error), text func(io.Writer, T) error) func(*env, []string) error {
	return func(e *env, args []string) error {
		f, db, pol := policyFlags(name)
		asJSON := f.Bool("json", false, "")
		if err := f.parseFlagsOnly(args); err != nil {
			return err
		}
		s, id, err := openPolicy(e, *db, *pol)
		if err != nil {
			return err
		}
		defer s.Close()
		v, err := list(e.ctx, s, id)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, v)
		}
		return text(e.stdout, v)
	}
}

// newTable starts an aligned text table on w; the caller writes tab-separated rows and flushes it.
func newTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0) }

// printJSON writes v as indented JSON without HTML escaping (the terminal is not a web page).
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Run runs one command line (the arguments after "gongping") and returns its exit status.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runCLI(ctx, args, stdout, stderr)
}
