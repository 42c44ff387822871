package cli

import (
	"errors"
	"flag"
	"io"
	"strconv"
	"strings"
)

// flags is a command's flag set: it reports problems as usage errors, accepts flags after positional
// arguments, and holds what the runner checks after parsing (required flags, positional arguments, the
// command's own checks), so that no workspace is opened for a command line that is wrong.
type flags struct {
	*flag.FlagSet
	positional []string
	required   []string
	file       *string // set by takeFile: exactly one positional argument
	fileWhat   string  // what kind of file, for the message
	anyArgs    bool    // set by takeArgs: the command checks its positional arguments itself
	checks     []func() error
	bad        error // the first bad value given to an id flag, reported instead of the flag package's text

	policy int64   // --policy, when the runner declares it
	round  *string // --round, when the runner declares it
}

func newFlags(name string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs}
}

// parse parses args, collecting positional arguments wherever they stand. -h or --help anywhere before
// "--" gives flag.ErrHelp, whatever else is wrong with the command line.
func (f *flags) parse(args []string) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if isHelpFlag(a) {
			return flag.ErrHelp
		}
	}
	for {
		if err := f.FlagSet.Parse(args); err != nil {
			switch {
			case errors.Is(err, flag.ErrHelp):
				return flag.ErrHelp
			case f.bad != nil:
				return f.bad
			}
			return usagef("%s", flagMessage(err))
		}
		rest := f.FlagSet.Args()
		if len(rest) == 0 {
			return nil
		}
		f.positional = append(f.positional, rest[0])
		args = rest[1:]
	}
}

// flagMessage says in Chinese what the flag package found wrong.
func flagMessage(err error) string {
	msg := err.Error()
	for _, m := range []struct{ prefix, say string }{
		{"flag provided but not defined: -", "未知参数 --%s (flag provided but not defined)"},
		{"flag needs an argument: -", "参数 --%s 需要一个值 (flag needs an argument)"},
	} {
		if name, ok := strings.CutPrefix(msg, m.prefix); ok {
			return strings.Replace(m.say, "%s", strings.TrimPrefix(name, "-"), 1)
		}
	}
	return msg
}

// need makes the named flags required.
func (f *flags) need(names ...string) { f.required = append(f.required, names...) }

// takeFile declares the command's one positional argument, a file; what names the kind of file in the message.
func (f *flags) takeFile(what string) *string {
	f.file, f.fileWhat = new(string), what
	return f.file
}

// takeArgs says that the command checks its positional arguments itself (in a check) and returns them.
func (f *flags) takeArgs() *[]string {
	f.anyArgs = true
	return &f.positional
}

// checkWith adds a check of the parsed flags, run before the workspace is opened.
func (f *flags) checkWith(fn func() error) { f.checks = append(f.checks, fn) }

// check runs, in this order: required flags, positional arguments, the command's own checks; the first
// problem is the one reported.
func (f *flags) check() error {
	for _, n := range f.required {
		fl := f.Lookup(n)
		if fl == nil || fl.Value.String() == "" || (fl.Value.String() == "0" && fl.DefValue == "0") {
			return usagef("缺少 --%s (missing --%s)", n, n)
		}
	}
	switch {
	case f.file != nil:
		if len(f.positional) != 1 {
			return usagef("需要一个%s文件 FILE (need one FILE)", f.fileWhat)
		}
		*f.file = f.positional[0]
	case !f.anyArgs && len(f.positional) > 0:
		return usagef("多余的参数 %q", f.positional[0])
	}
	for _, c := range f.checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

// given tells whether the flag was on the command line.
func (f *flags) given(name string) bool {
	found := false
	f.Visit(func(fl *flag.Flag) { found = found || fl.Name == name })
	return found
}

// jsonFlag declares --json.
func (f *flags) jsonFlag() *bool {
	return f.Bool("json", false, "以 JSON 输出（供脚本读取）")
}

// roundFlag declares --round.
func (f *flags) roundFlag() *string {
	return f.String("round", "", "评价轮次的名称（默认：该政策最近的一轮）")
}

// idVar declares a flag that takes a positive id; 0 while it is not given.
func (f *flags) idVar(p *int64, name, usage string) {
	f.Var(&idValue{p: p, f: f, name: name}, name, usage)
}

// id declares a flag that takes a positive id; 0 while it is not given.
func (f *flags) id(name, usage string) *int64 {
	p := new(int64)
	f.idVar(p, name, usage)
	return p
}

// ids declares a repeatable id flag: --opinion 1 --opinion 2, or --opinion 1,2.
func (f *flags) ids(name, usage string) *[]int64 {
	p := new([]int64)
	f.Var(idsInto(f, name, p), name, usage)
	return p
}

// idsInto is the value of a repeatable id flag that appends to *p.
func idsInto(f *flags, name string, p *[]int64) flag.Value { return &idList{p: p, f: f, name: name} }

type idValue struct {
	p    *int64
	f    *flags
	name string
}

func (v *idValue) String() string {
	if v.p == nil || *v.p == 0 {
		return ""
	}
	return strconv.FormatInt(*v.p, 10)
}

func (v *idValue) Set(s string) error {
	id, err := parseID(v.name, s)
	*v.p = id
	return v.f.badValue(err)
}

type idList struct {
	p    *[]int64
	f    *flags
	name string
}

func (v *idList) String() string {
	if v == nil || v.p == nil {
		return ""
	}
	s := make([]string, len(*v.p))
	for i, id := range *v.p {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ",")
}

func (v *idList) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		id, err := parseID(v.name, p)
		if err != nil {
			return v.f.badValue(err)
		}
		*v.p = append(*v.p, id)
	}
	return nil
}

// badValue keeps the first bad value's usage error, which parse reports as it is.
func (f *flags) badValue(err error) error {
	if err != nil && f.bad == nil {
		f.bad = err
	}
	return err
}

// parseID reads a positive id given on the command line.
func parseID(flagName, v string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("--%s 应为正整数，而不是 %q", flagName, v)
	}
	return id, nil
}

// multi is a repeatable string flag (--finding A --finding B).
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }
