// Package cli is GongPing's command line: every command in one table (commands.go) with its usage text,
// the runner that parses a command's flags, opens its workspace and closes it again, and the one place that
// turns an error into an exit status and the message a user sees. It imports no Fyne: the window is main's
// to open (OpenWindow).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// command is one subcommand of the command line ("policy add", "import survey", …).
type command struct {
	name    string // the words after "gongping", space separated
	summary string // one line for gongping help
	usage   string // the flags and arguments, as DESIGN.md writes them; [optional], … repeatable
	args    string // what the positional arguments in usage are ("FILE\t…"), one per line
	access  access // what it does to the workspace named by --db
	opens   opens  // what the runner declares and opens before the command's action runs
	// writeFlags are the flags that make a reading command write ("reasons --add").
	writeFlags []string
	// setup declares the command's own flags on f and returns what it does once they are parsed and checked
	// and its workspace is open.
	setup func(f *flags) action
}

// action is a command's work, run with its workspace open.
type action func(e *env) error

// access is what a command does to the workspace named by --db. A reader opens a workspace it cannot write
// read-only; a writer refuses it before it starts.
type access int

const (
	noWorkspace access = iota + 1 // takes no workspace; zero is unset (TestCommandTable)
	reads
	writes
)

// opens is what the runner gives a command before its action: the flags it declares and what it opens.
type opens int

const (
	opensNothing   opens = iota // the command declares what it takes
	opensDBPath                 // --db (required), not opened: the command works on the file
	opensWorkspace              // --db, opened
	opensPolicy                 // --db and --policy, opened, the policy checked to exist
	opensRound                  // --db, --policy and --round, the round resolved (the latest when --round is not given)
)

// env is what an action gets: the context, the streams, and what the runner opened for it.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer

	db     string       // --db as given
	store  *store.Store // with opens ≥ opensWorkspace
	policy int64        // with opens ≥ opensPolicy
	round  data.Round   // with opens = opensRound
}

// OpenWindow opens the desktop window on the workspace at path (the default workspace when empty). The
// package imports no Fyne: main sets it to the window; the nogui build, which has none, leaves this one.
var OpenWindow = func(path string) error {
	return data.InputErrorf("这是只含命令行的版本（nogui），不能打开桌面窗口：请使用带窗口的公评，或运行 gongping help 查看命令")
}

// Run runs one command line (the words after "gongping") and returns its exit status: 0, 1 for bad input or
// a failure, 2 for bad usage. It never lets a panic escape.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	var cmd *command
	defer func() {
		if r := recover(); r != nil {
			status = finish(e, cmd, fmt.Errorf("panic: %v", r))
			if os.Getenv("GONGPING_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
		}
	}()
	if len(args) == 0 || args[0] == "help" || isHelpFlag(args[0]) {
		return help(e, args[min(1, len(args)):])
	}
	cmd, rest := findCommand(args)
	switch {
	case cmd == nil && len(args) == 2 && isHelpFlag(args[1]): // gongping policy --help
		return help(e, args[:1])
	case cmd == nil:
		return finish(e, nil, unknownCommand(args))
	}
	return finish(e, cmd, cmd.run(e, rest))
}

// help answers gongping help [TOPIC]: every command, one command's usage and flags, or the commands
// whose names start with TOPIC ("gongping help policy").
func help(e *env, topic []string) int {
	if len(topic) == 0 {
		printHelp(e.stdout, "")
		return 0
	}
	if cmd, rest := findCommand(topic); cmd != nil && len(rest) == 0 {
		printCommandHelp(e.stdout, cmd)
		return 0
	}
	if len(topic) == 1 && printHelp(e.stdout, topic[0]) {
		return 0
	}
	return finish(e, nil, unknownCommand(topic))
}

// run parses the command's flags, checks them, opens what the command needs, runs its action and closes
// the workspace again.
func (c *command) run(e *env, args []string) error {
	f := c.flags()
	act := c.setup(f)
	if err := f.parse(args); err != nil {
		return err
	}
	if fl := f.Lookup("db"); fl != nil {
		e.db = fl.Value.String()
	}
	// A writing command on a workspace that cannot be written stops before it reads its input.
	if e.db != "" && c.changes(f) {
		if _, err := os.Stat(e.db); err == nil && !store.CanWrite(e.db) {
			return store.ReadOnlyError(e.db)
		}
	}
	if c.opens >= opensDBPath && e.db == "" {
		return errNoDB()
	}
	if c.opens >= opensPolicy && f.policy == 0 {
		return usagef("缺少 --policy (missing --policy ID)")
	}
	if err := f.check(); err != nil {
		return err
	}
	if c.opens >= opensWorkspace {
		s, err := openDB(e.db)
		if err != nil {
			return err
		}
		defer s.Close()
		e.store = s
	}
	if c.opens >= opensPolicy {
		if _, err := e.store.Policy(e.ctx, f.policy); err != nil {
			return err
		}
		e.policy = f.policy
	}
	if c.opens == opensRound {
		r, err := e.store.ResolveRound(e.ctx, e.policy, *f.round)
		if err != nil {
			return err
		}
		e.round = r
	}
	return act(e)
}

// flags is the command's flag set with what the runner declares for it (--db, --policy, --round).
func (c *command) flags() *flags {
	f := newFlags(c.name)
	if c.opens >= opensDBPath {
		f.String("db", "", dbHelp)
	}
	if c.opens >= opensPolicy {
		f.idVar(&f.policy, "policy", "政策编号（gongping policy list 列出）")
	}
	if c.opens == opensRound {
		f.round = f.roundFlag()
	}
	return f
}

const dbHelp = "工作区文件（.gpw；不存在时新建）"

// changes tells whether the command, with the flags given, changes its workspace.
func (c *command) changes(f *flags) bool {
	if c.access != reads {
		return c.access != noWorkspace
	}
	for _, name := range c.writeFlags {
		if f.given(name) {
			return true
		}
	}
	return false
}

// finish is the one place that turns what a command returned into its exit status and what the user sees:
// help on stdout (0); bad usage with the usage line (2); an input error's own Chinese text, a cancellation,
// and anything else as 内部错误 with a short text (1).
func finish(e *env, cmd *command, err error) int {
	prefix := "gongping"
	if cmd != nil {
		prefix += " " + cmd.name
	}
	if err != nil {
		err = store.Explain(err, e.db)
	}
	var (
		ue *usageError
		ie *data.InputError
		pe *fs.PathError
	)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		printCommandHelp(e.stdout, cmd)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "%s: %s\n", prefix, oneLine(ue.msg))
		if cmd != nil {
			fmt.Fprintf(e.stderr, "用法 (usage): gongping %s %s；gongping %s --help 查看全部参数\n", cmd.name, cmd.usage, cmd.name)
		}
		return 2
	case errors.As(err, &ie):
		msg := ie.Error()
		if ie.CLIHint != "" {
			msg += "（命令行：" + ie.CLIHint + "）"
		}
		fmt.Fprintf(e.stderr, "%s: %s\n", prefix, oneLine(msg))
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "%s: 已取消 (cancelled)\n", prefix)
	case errors.As(err, &pe): // a file named on the command line: the user's to fix
		fmt.Fprintf(e.stderr, "%s: %s\n", prefix, fileMessage(pe))
	default:
		fmt.Fprintf(e.stderr, "%s: %s\n", prefix, internalMessage(err))
	}
	return 1
}

// internalMessage is what a user sees of an error that is not theirs to fix: marked internal, one line and
// short (the whole text with GONGPING_DEBUG set), so that it can be reported.
func internalMessage(err error) string {
	const most = 160
	text := oneLine(err.Error())
	if r := []rune(text); len(r) > most && os.Getenv("GONGPING_DEBUG") == "" {
		text = string(r[:most]) + "…"
	}
	return "内部错误 (internal error)：" + text + "。请把这一行报告给开发者"
}

// fileMessage says in Chinese what is wrong with a file the command could not read or write.
func fileMessage(pe *fs.PathError) string {
	switch {
	case errors.Is(pe, fs.ErrNotExist):
		return fmt.Sprintf("找不到文件或文件夹 %s：请检查路径", pe.Path)
	case errors.Is(pe, fs.ErrPermission):
		return fmt.Sprintf("没有权限访问 %s：请检查文件的权限，或换一个位置", pe.Path)
	}
	return fmt.Sprintf("无法访问 %s：%v", pe.Path, oneLine(pe.Err.Error()))
}

// usageError is bad usage (unknown command, missing or malformed flag): exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// errNoDB is the usage error of a command run without --db.
func errNoDB() error { return usagef("缺少 --db (missing --db FILE)") }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func isHelpFlag(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

// findCommand matches the longest command name at the start of args.
func findCommand(args []string) (*command, []string) {
	for n := min(3, len(args)); n >= 1; n-- {
		if c := lookup(strings.Join(args[:n], " ")); c != nil {
			return c, args[n:]
		}
	}
	return nil, nil
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// unknownCommand is the usage error for args that name no command; for the first word of some
// ("gongping policy") it names them.
func unknownCommand(args []string) error {
	var group []string
	for _, c := range commands {
		if len(args) > 0 && strings.HasPrefix(c.name, args[0]+" ") {
			group = append(group, "gongping "+c.name)
		}
	}
	if len(group) > 0 {
		return usagef("未知命令 %q (unknown command)：可用的有 %s；运行 gongping help 查看命令列表", strings.Join(args, " "), strings.Join(group, "、"))
	}
	return usagef("未知命令 %q (unknown command)；运行 gongping help 查看命令列表", strings.Join(args, " "))
}

// openDB opens the workspace at path.
func openDB(path string) (*store.Store, error) {
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

// printID ends a command that creates something: it prints the new id on a line of its own.
func (e *env) printID(id int64, err error) error {
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, id)
	return nil
}
