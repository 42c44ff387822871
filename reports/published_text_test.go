package reports

import (
	"bytes"
	"context"
	"html"
	"regexp"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/store/storetest"
)

var (
	tagText  = regexp.MustCompile(`(?s)<style.*?</style>|<title>.*?</title>|<script>.*?</script>|<[^>]+>`)
	svgBlock = regexp.MustCompile(`(?s)<svg.*?</svg>`)
)

// pageText is what a reader of the page sees: the text outside tags (the charts' own labels and the
// scripts that draw them left out).
func pageText(page string) string {
	return html.UnescapeString(tagText.ReplaceAllString(svgBlock.ReplaceAllString(page, ""), "\n"))
}

// internal are texts of GongPing's own workings that must never reach a published file: command-line
// syntax, question keys, the unnamed round, screening labels, stored dates, licence and product names.
var internal = []struct {
	what   string
	re     *regexp.Regexp
	public bool // also found in the public's own texts the fixture quotes (hostile test strings): not checked there
}{
	{"command-line option", regexp.MustCompile(`--[a-z]`), false},
	{"command", regexp.MustCompile(`(?i)\b(officer|revise|decide|publish|scheme|import) (add|set|list|survey|get)\b|gongping`), false},
	{"question key", regexp.MustCompile(`\bQ\d+`), false},
	{"unnamed round", regexp.MustCompile(`评价轮次\s*` + data.DefaultRound + `|（` + data.DefaultRound + `）|` + data.DefaultRound + `轮次`), false},
	{"screening label", regexp.MustCompile(`人工剔除|人工恢复`), false},
	{"stored date", regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`), false},
	{"licence or product", regexp.MustCompile(`(?i)apache|licen[cs]e|echarts|公评|GongPing`), false},
	{"English word", regexp.MustCompile(`\b[A-Za-z]{4,}\b`), true},
	{"formatting slip", regexp.MustCompile(`%!|NaN|\+Inf|<nil>|\bnull\b`), false},
}

// internalText lists the internal texts in a published file's text; hostile says the text quotes the
// fixture's hostile public texts.
func internalText(text string, hostile bool) []string {
	var out []string
	for _, c := range internal {
		if hostile && c.public {
			continue
		}
		if m := c.re.FindStringIndex(text); m != nil {
			r := []rune(text[:m[0]])
			before := string(r[max(0, len(r)-30):])
			after := []rune(text[m[1]:])
			out = append(out, c.what+" “"+text[m[0]:m[1]]+"”: …"+before+text[m[0]:m[1]]+string(after[:min(len(after), 30)])+"…")
		}
	}
	return out
}

// checkNoInternalText fails on any internal text in a published file's text.
func checkNoInternalText(t *testing.T, file, text string, hostile bool) {
	t.Helper()
	for _, f := range internalText(text, hostile) {
		t.Errorf("%s holds %s", file, f)
	}
}

// No internal or command-line text reaches report.html or report.docx: the demo (whose round is named)
// and the test workspace (its round too), and a policy whose round was never named.
func TestNoInternalText(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	ids, err := demo.Run(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	fs, fid := fixtureStore(t)
	for _, c := range []struct {
		name string
		r    func() (*Report, error)
	}{
		{"demo", func() (*Report, error) { return Build(ctx, s, ids[0], Options{GroupBy: []string{"Q1", "Q2"}}) }},
		{"fixture", func() (*Report, error) { return Build(ctx, fs, fid, Options{}) }},
		{"default round", func() (*Report, error) {
			in := textInput("服务热线")
			in.Round, in.Result.Round = data.DefaultRound, data.DefaultRound
			return Assemble(in), nil
		}},
	} {
		r, err := c.r()
		if err != nil {
			t.Fatal(err)
		}
		var hb, db bytes.Buffer
		if err := WriteHTML(&hb, r); err != nil {
			t.Fatal(err)
		}
		if err := WriteDOCX(&db, r); err != nil {
			t.Fatal(err)
		}
		checkNoInternalText(t, c.name+" report.html", pageText(hb.String()), c.name == "fixture")
		checkNoInternalText(t, c.name+" report.docx", checkDOCXSafe(t, db.Bytes()), c.name == "fixture")
		pageScripts(t, hb.String()) // no script but the ECharts library and the charts' start
	}
}

// The test itself finds what it looks for.
func TestNoInternalTextCatches(t *testing.T) {
	for _, bad := range []string{"请用 officer add 登记", "--reason 理由", "第3题（Q3）", "评价轮次 默认", "人工剔除 0 份", "已于 2026-11-20 公开",
		"Apache License 2.0", "公评（GongPing）生成", "Cronbach", "%!f(string=x)"} {
		if len(internalText(bad, false)) == 0 {
			t.Errorf("%q is not caught", bad)
		}
	}
	if f := internalText("本次评估共回收有效问卷1,200份，于2026年11月20日公开。", false); len(f) > 0 {
		t.Errorf("plain text caught: %v", f)
	}
}
