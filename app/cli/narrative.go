package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/reports"
)

// What the team writes and chooses for a round's evaluation report on the command line: the sections'
// texts (narrative), the open answers quoted (quotes, quote), the issuer, date and parts (report-settings).
// The window's 报告文字 tab does the same through the same functions.

// sectionFlag declares --section and returns the section it names once parsed (key or title).
func sectionFlag(f *flags) *narrative.Section {
	raw := f.String("section", "", "报告章节：英文键（如 summary）或标题（如 摘要）；gongping narrative get 列出全部")
	sec := new(narrative.Section)
	f.need("section")
	f.checkWith(func() error {
		var err error
		*sec, err = parseSection(*raw)
		return err
	})
	return sec
}

// parseSection reads a section by key or title.
func parseSection(s string) (narrative.Section, error) {
	s = strings.TrimSpace(s)
	for _, d := range narrative.Sections {
		if strings.EqualFold(s, string(d.Key)) || s == d.Title {
			return d.Key, nil
		}
	}
	keys := make([]string, len(narrative.Sections))
	for i, d := range narrative.Sections {
		keys[i] = string(d.Key) + "（" + d.Title + "）"
	}
	return "", usagef("未知的报告章节 %q，可选：%s", s, strings.Join(keys, "、"))
}

// sectionText is one section as narrative get prints it.
type sectionText struct {
	Section  narrative.Section `json:"section"`
	Title    string            `json:"title"`
	Optional bool              `json:"optional"`          // the team may leave it out (report-settings set --sections)
	On       bool              `json:"on"`                // in the report
	Edited   bool              `json:"edited"`            // the team's text, not the draft
	Text     string            `json:"text"`              // what the report prints (the team's text, else the draft)
	Draft    string            `json:"draft"`             // GongPing's draft from the numbers ("" when it has nothing to say)
	Updated  string            `json:"updated,omitempty"` // when the team's text was saved
}

func narrativeGet(f *flags) action {
	asJSON := f.jsonFlag()
	return func(e *env) error {
		n, err := reports.LoadNarrative(e.ctx, e.store, e.policy, e.round.Name)
		if err != nil {
			return err
		}
		var out []sectionText
		for _, d := range narrative.Sections {
			st := sectionText{Section: d.Key, Title: d.Title, Optional: d.Optional, On: !d.Optional || n.Choices.Settings.On(string(d.Key)),
				Draft: n.Drafts[d.Key]}
			st.Text = st.Draft
			if t, ok := n.Texts[d.Key]; ok {
				st.Edited, st.Text, st.Updated = true, t.Text, t.Updated
			}
			out = append(out, st)
		}
		if *asJSON {
			return printJSON(e.stdout, out)
		}
		w := e.stdout
		fmt.Fprintf(w, "评价轮次：%s\n", e.round.Name)
		for _, st := range out {
			mark := "自动草稿"
			switch {
			case !st.On:
				mark = "不发布"
			case st.Edited:
				mark = "团队修改"
			}
			fmt.Fprintf(w, "\n【%s】%s（%s）\n", st.Title, st.Section, mark)
			if st.Text == "" {
				fmt.Fprintln(w, "（无文字）")
				continue
			}
			fmt.Fprintln(w, st.Text)
		}
		return nil
	}
}

func narrativeSet(f *flags) action {
	sec := sectionFlag(f)
	file := f.takeFile("文字")
	return func(e *env) error {
		text, err := readTextArg(e, *file)
		if err != nil {
			return err
		}
		return e.store.SetReportText(e.ctx, e.round.ID, string(*sec), text)
	}
}

// readTextArg reads a section's text from a file, or from standard input when it is "-"; the line ends a
// file ends with are not part of the text.
func readTextArg(e *env, file string) (string, error) {
	var b []byte
	var err error
	if file == "-" {
		if e.stdin == nil {
			return "", usagef("没有标准输入：请给出文件，或用 - 并从标准输入送入文字")
		}
		b, err = io.ReadAll(e.stdin)
	} else {
		b, err = os.ReadFile(file)
	}
	if err != nil {
		return "", err
	}
	text := strings.TrimPrefix(string(b), "\uFEFF") // a BOM Notepad wrote
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.TrimRight(text, "\n\r \t"), nil
}

func narrativeReset(f *flags) action {
	sec := sectionFlag(f)
	return func(e *env) error {
		had, err := e.store.ResetReportText(e.ctx, e.round.ID, string(*sec))
		if err != nil {
			return err
		}
		if !had {
			fmt.Fprintf(e.stdout, "%s 没有团队修改的文字，仍用自动草稿\n", sec.Title())
		}
		return nil
	}
}

func quotesCmd(f *flags) action {
	asJSON := f.jsonFlag()
	all := f.Bool("excluded", false, "只列出不引用的回答")
	return func(e *env) error {
		rq, err := loop.Quotes(e.ctx, e.store, e.policy, e.round.Name, nil)
		if err != nil {
			return err
		}
		qs := rq.Quotes
		if *all {
			qs = []loop.Quote{}
			for _, q := range rq.Quotes {
				if q.Excluded {
					qs = append(qs, q)
				}
			}
		}
		if *asJSON {
			return printJSON(e.stdout, qs)
		}
		tw := newTable(e.stdout)
		fmt.Fprintf(tw, "评价轮次 %s\n答卷\t题号\t引用\t自动建议\t回答（已隐去个人信息）\n", rq.Round.Name)
		for _, q := range qs {
			state := "引用"
			switch {
			case q.Excluded && q.Choice == nil:
				state = "不引用（按建议，待确认）"
			case q.Excluded:
				state = "不引用"
			case q.Choice != nil && q.Proposed != "":
				state = "引用（已恢复）"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", q.Response, q.Question, state, strOr(q.Proposed, "—"), short(q.Text, 60))
		}
		return tw.Flush()
	}
}

// quoteChoice records the team's choice about one answer: exclude, include (quoted even against the
// proposal) or reset (back to the proposal).
func quoteChoice(act string) func(*flags) action {
	return func(f *flags) action {
		resp := f.id("response", "答卷编号（gongping quotes 列出）")
		question := f.String("question", "", "文字题的题号（如 Q17）")
		f.need("response", "question")
		return func(e *env) error {
			var choice *bool
			switch act {
			case "exclude":
				choice = new(bool)
				*choice = true
			case "include":
				choice = new(bool)
			}
			return loop.SetQuote(e.ctx, e.store, e.policy, e.round.Name, data.AnswerRef{Response: *resp, Question: strings.TrimSpace(*question)}, choice)
		}
	}
}

// reportSettingsJSON is the settings as report-settings get prints them.
type reportSettingsJSON struct {
	Round string `json:"round"`
	data.ReportSettings
	Sections  map[string]bool `json:"sections"`  // every optional part: in the report or not
	Inherited bool            `json:"inherited"` // issuer or commissioner taken from an earlier round
}

func reportSettingsGet(f *flags) action {
	asJSON := f.jsonFlag()
	return func(e *env) error {
		own, _, err := e.store.ReportSettings(e.ctx, e.round.ID)
		if err != nil {
			return err
		}
		earlier, err := e.store.EarlierIssuer(e.ctx, e.policy, e.round.ID)
		if err != nil {
			return err
		}
		st := own.InheritIssuer(earlier)
		out := reportSettingsJSON{Round: e.round.Name, ReportSettings: st, Sections: st.Sections(),
			Inherited: st.Issuer != own.Issuer || st.Commissioner != own.Commissioner}
		if *asJSON {
			return printJSON(e.stdout, out)
		}
		w := e.stdout
		from := ""
		if out.Inherited {
			from = "（沿用上一轮）"
		}
		fmt.Fprintf(w, "评价轮次：%s\n评估机构：%s%s\n委托单位：%s\n报告日期：%s\n", e.round.Name, strOr(st.Issuer, "（未填）"), from,
			strOr(st.Commissioner, "（未填）"), strOr(narrative.DateText(st.Date), "（未设置）"))
		for _, p := range data.ReportParts {
			on := "发布"
			if !st.On(p) {
				on = "不发布"
			}
			fmt.Fprintf(w, "%s（%s）：%s\n", data.ReportPartNames[p], p, on)
		}
		return nil
	}
}

func reportSettingsSet(f *flags) action {
	issuer := f.String("issuer", "", "评估机构（落款署名）；空字符串清除")
	commissioner := f.String("commissioner", "", "委托单位；空字符串清除")
	date := f.String("date", "", "报告日期（YYYY-MM-DD，也可 2026年11月20日）；空字符串清除")
	sections := f.String("sections", "", "发布哪些可选部分，逗号分隔："+partList()+"；未列出的不发布；空字符串表示都不发布")
	return func(e *env) error {
		st, _, err := e.store.ReportSettings(e.ctx, e.round.ID)
		if err != nil {
			return err
		}
		if f.given("issuer") {
			st.Issuer = *issuer
		}
		if f.given("commissioner") {
			st.Commissioner = *commissioner
		}
		if f.given("date") {
			st.Date = *date
		}
		if f.given("sections") {
			on := map[string]bool{}
			for _, s := range strings.FieldsFunc(*sections, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
				p, err := data.ParseReportPart(s)
				if err != nil {
					return err
				}
				on[p] = true
			}
			st.Off = nil
			for _, p := range data.ReportParts {
				if !on[p] {
					st.Off = append(st.Off, p)
				}
			}
		}
		_, err = e.store.SetReportSettings(e.ctx, e.round.ID, st)
		return err
	}
}

// partList names the optional parts for --help.
func partList() string {
	s := make([]string, len(data.ReportParts))
	for i, p := range data.ReportParts {
		s[i] = p + "（" + data.ReportPartNames[p] + "）"
	}
	return strings.Join(s, "、")
}

func strOr(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}
