package cli

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// printHelp lists every command with its summary, in the table's order; with group, only the commands
// whose first word it is, and it tells whether there were any.
func printHelp(w io.Writer, group string) bool {
	var cs []command
	for _, c := range commands {
		if group == "" || strings.HasPrefix(c.name, group+" ") {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return false
	}
	if group == "" {
		fmt.Fprint(w, "公评 GongPing — 政策执行效果公众评价\n\n"+
			"用法 (usage): gongping <命令> [参数]\n"+
			"不带参数（或只给一个 .gpw 工作区文件）时打开桌面程序。\n"+
			"gongping <命令> --help（或 gongping help <命令>）显示该命令的全部参数。\n"+
			"出错时退出状态为 1（输入有误或无法完成），用法有误时为 2。\n\n命令 (commands):\n")
	}
	tw := newTable(w)
	for _, c := range cs {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	return true
}

// printCommandHelp prints a command's usage line, its summary, and each of its arguments and flags (in
// the order usage names them) with what it is.
func printCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "用法 (usage): gongping %s %s\n\n%s\n\n", c.name, c.usage, c.summary)
	tw := newTable(w)
	if c.args != "" {
		for _, a := range strings.Split(c.args, "\n") {
			fmt.Fprintf(tw, "  %s\n", a)
		}
	}
	for _, fl := range c.flagsInUsageOrder() {
		name := "--" + fl.Name
		if p := placeholder(c.usage, fl.Name); p != "" {
			name += " " + p
		}
		desc := fl.Usage
		if d := fl.DefValue; d != "" && d != "false" && d != "0" {
			desc += "（默认 " + d + "）"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, desc)
	}
	fmt.Fprintf(tw, "  --help\t显示本说明\n")
	tw.Flush()
}

// flagsInUsageOrder is every flag the command declares (the runner's and its own), ordered by where usage
// first names it; one usage does not name comes last.
func (c *command) flagsInUsageOrder() []*flag.Flag {
	f := c.flags()
	c.setup(f)
	var fls []*flag.Flag
	f.VisitAll(func(fl *flag.Flag) { fls = append(fls, fl) })
	pos := func(fl *flag.Flag) int {
		if i := usageIndex(c.usage, fl.Name); i >= 0 {
			return i
		}
		return len(c.usage)
	}
	sort.SliceStable(fls, func(i, j int) bool { return pos(fls[i]) < pos(fls[j]) })
	return fls
}

// usageIndex is where usage names --name (not as the start of a longer name), -1 when it does not.
func usageIndex(usage, name string) int {
	for i := 0; ; {
		j := strings.Index(usage[i:], "--"+name)
		if j < 0 {
			return -1
		}
		j += i
		end := j + 2 + len(name)
		if end == len(usage) || !isNameByte(usage[end]) {
			return j
		}
		i = end
	}
}

func isNameByte(b byte) bool { return b == '-' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// placeholder is the word usage writes after --name ("--db F" → "F", "--officers=true|false" → "true|false"),
// "" for a flag that takes none.
func placeholder(usage, name string) string {
	i := usageIndex(usage, name)
	if i < 0 {
		return ""
	}
	rest := usage[i+2+len(name):]
	if rest == "" || (rest[0] != ' ' && rest[0] != '=') {
		return ""
	}
	word, _, _ := strings.Cut(rest[1:], " ")
	word = strings.Trim(word, "[]()…")
	if word == "" || strings.HasPrefix(word, "-") || word == "|" || word == "/" {
		return ""
	}
	return word
}
