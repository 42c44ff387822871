package data

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// What the team writes and chooses for a round's evaluation report (评价报告): the opening text of each
// section as the team edited it (ReportText), the report's settings (ReportSettings: issuer, commissioner,
// date, the optional parts left out) and the open answers not to be quoted (QuoteChoice). They belong to
// one round, as the report does; scoring never writes them, so re-scoring keeps them. An evaluation
// publication freezes them (ReportChoices in EvaluationSnapshot).

// Optional parts of the evaluation report the team can leave out: their keys are the report's section
// keys (data/narrative's optional sections; reports tests that the two lists agree).
const (
	PartGroups  = "groups"  // 不同群体评价: scores by respondent group
	PartMethods = "methods" // 评价方法 (附件): scale, weights, formulas, screening
	PartQuotes  = "quotes"  // 群众意见摘编 (附件): the quoted open answers
	PartChecks  = "checks"  // 公众参与法定要求自查情况 (附件): the statutory self-check
)

// ReportParts lists the optional parts in the order the report has them.
var ReportParts = []string{PartGroups, PartMethods, PartQuotes, PartChecks}

// ReportPartNames gives each optional part its Chinese name, the heading the report gives it.
var ReportPartNames = map[string]string{
	PartGroups:  "不同群体评价",
	PartMethods: "评价方法",
	PartQuotes:  "群众意见摘编",
	PartChecks:  "公众参与法定要求自查情况",
}

// ParseReportPart reads a part by key (self_check) or Chinese name (法定程序自查).
func ParseReportPart(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, p := range ReportParts {
		if strings.EqualFold(s, p) || s == ReportPartNames[p] {
			return p, nil
		}
	}
	names := make([]string, len(ReportParts))
	for i, p := range ReportParts {
		names[i] = p + "（" + ReportPartNames[p] + "）"
	}
	return "", InputErrorf("未知的报告部分 %q，可选：%s", s, strings.Join(names, "、"))
}

// Limits of what the team types (the store's CHECKs say the same).
const (
	MaxReportText   = 20000 // characters of one section's text
	MaxIssuerLength = 200   // characters of 评估机构 or 委托单位
)

// ReportSettings are the settings of one round's evaluation report (报告设置). They are per round, as the
// report is: the agency is engaged for one evaluation campaign, the date is one report's, and which parts
// are worth publishing (group breakdowns) depends on that round's data. A round that never had them set
// takes the issuer and commissioner of the policy's latest earlier round that had (InheritIssuer).
type ReportSettings struct {
	Issuer       string   `json:"issuer"`       // 评估机构, the body that made the evaluation (落款)
	Commissioner string   `json:"commissioner"` // 委托单位, the body that commissioned it
	Date         string   `json:"date"`         // 报告日期 (DateLayout); "" while the team has not set one
	Off          []string `json:"off"`          // optional parts left out (ReportParts), in their order
}

// On tells whether the optional part is in the report (every part is, unless left out).
func (s ReportSettings) On(part string) bool { return !slices.Contains(s.Off, part) }

// Sections gives every optional part with whether it is in the report.
func (s ReportSettings) Sections() map[string]bool {
	out := make(map[string]bool, len(ReportParts))
	for _, p := range ReportParts {
		out[p] = s.On(p)
	}
	return out
}

// Normalize checks the settings and returns them as stored: texts trimmed, the date in DateLayout (any
// date ParseDate reads), the parts left out known, once each, in ReportParts order.
func (s ReportSettings) Normalize() (ReportSettings, error) {
	out := ReportSettings{Issuer: strings.TrimSpace(s.Issuer), Commissioner: strings.TrimSpace(s.Commissioner), Off: []string{}}
	for _, f := range []struct{ name, v string }{{"评估机构", out.Issuer}, {"委托单位", out.Commissioner}} {
		if n := utf8.RuneCountInString(f.v); n > MaxIssuerLength {
			return s, InputErrorf("%s过长（%d 字，最多 %d 字）", f.name, n, MaxIssuerLength)
		}
	}
	d, err := NormalizeDate(s.Date)
	if err != nil {
		return s, &InputError{Msg: "报告日期：" + err.Error(), Err: err}
	}
	out.Date = d
	for _, p := range s.Off {
		k, err := ParseReportPart(p)
		if err != nil {
			return s, err
		}
		if !slices.Contains(out.Off, k) {
			out.Off = append(out.Off, k)
		}
	}
	slices.SortFunc(out.Off, func(a, b string) int { return slices.Index(ReportParts, a) - slices.Index(ReportParts, b) })
	return out, nil
}

// InheritIssuer fills an empty issuer or commissioner from earlier (the settings of the policy's latest
// earlier round that has them): the team names its agency once, not every round.
func (s ReportSettings) InheritIssuer(earlier ReportSettings) ReportSettings {
	if s.Issuer == "" {
		s.Issuer = earlier.Issuer
	}
	if s.Commissioner == "" {
		s.Commissioner = earlier.Commissioner
	}
	return s
}

// ReportText is the team's text of one section of a round's report, in place of the draft GongPing writes
// from the numbers. Section is the section's key (the report's narrative sections name them).
type ReportText struct {
	Section string `json:"section"`
	Text    string `json:"text"`
	Updated string `json:"updated"` // when it was saved (UTC, RFC 3339)
}

// CheckReportText checks a section key and its text before they are stored. A blank text is refused: the
// report prints the draft for it, so storing one would only hide that the draft is printed.
func CheckReportText(section, text string) error {
	if s := strings.TrimSpace(section); s == "" || utf8.RuneCountInString(s) > 40 || s != section {
		return InputErrorf("报告章节 %q 不正确", section)
	}
	if strings.TrimSpace(text) == "" { // the report prints the draft for a blank text: say so instead
		return InputErrorf("章节文字为空：要改用自动草稿，请选“恢复为自动草稿”")
	}
	if !utf8.ValidString(text) {
		return InputErrorf("报告文字不是有效的 UTF-8 文本")
	}
	if n := utf8.RuneCountInString(text); n > MaxReportText {
		return InputErrorf("报告文字过长（%d 字，一节最多 %d 字）", n, MaxReportText)
	}
	return nil
}

// AnswerRef names one open answer: a response of a round and a question's key (Q7, Q7.other).
type AnswerRef struct {
	Response int64  `json:"response"`
	Question string `json:"question"`
}

func (a AnswerRef) String() string { return fmt.Sprintf("%d/%s", a.Response, a.Question) }

// QuoteChoice is the team's choice about quoting one open answer in the report: Excluded (不引用) or,
// against the automatic proposal, quoted after all.
type QuoteChoice struct {
	AnswerRef
	Excluded bool   `json:"excluded"`
	At       string `json:"at"` // when it was chosen (UTC, RFC 3339)
}

// ExcludedQuote is an open answer the report does not quote, as frozen in a publication: by the team's
// choice, or by the automatic proposal the team left standing (Reason says which rule proposed it).
type ExcludedQuote struct {
	AnswerRef
	Reason string `json:"reason,omitempty"` // the proposal's reason; "" when the team excluded it by hand
}

// ReportChoices is everything the team wrote and chose for one round's report, as one value: what
// reports reads to fill its options, and what an evaluation publication freezes so that the published
// report can be made again.
type ReportChoices struct {
	Round    string            `json:"round"`    // the round's name
	Texts    map[string]string `json:"texts"`    // section key → the team's text; a section not here is drafted
	Settings ReportSettings    `json:"settings"` // issuer already inherited
	Excluded []ExcludedQuote   `json:"excluded"` // the open answers not quoted, by response then question
}

// ExcludedSet is the excluded answers as a set.
func (c ReportChoices) ExcludedSet() map[AnswerRef]bool {
	out := make(map[AnswerRef]bool, len(c.Excluded))
	for _, e := range c.Excluded {
		out[e.AnswerRef] = true
	}
	return out
}
