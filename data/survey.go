package data

import (
	"strings"
	"time"
)

// This file is the contract between survey import (data/ingest, which owns and fills it in) and the
// scoring engine (data/score). Keep it small: types and the loader signatures both sides rely on.
//
// Question keys. A question is referred to by its key or by its exact header text (FindQuestion):
//   - "Q<n>": question n of the export (问卷星/腾讯问卷 number; LimeSurvey code "Q<n>" keeps n, other
//     LimeSurvey codes and unnumbered headers (金数据, generic) are numbered 1, 2, … in column order).
//   - "Q<n>.<k>": row k (1-based, export order) of matrix question n — 问卷星 "N、(行)" / "第N题(行)"
//     columns holding option numbers or texts, 腾讯问卷 "N.题目:行" columns holding option texts, several
//     "N、…" columns with one number — or sub-question k of a LimeSurvey array; each is its own question
//     of type QMatrix (QFill/QOpenText when its answers are free text) with its own options. A group of
//     expanded columns holding 0/1 (Y/N, non-empty = chosen) is instead one multi-select Q<n> whose
//     Options are the column labels; one holding ranks is one ranking Q<n>.
//   - "Q<n>.other": the free text typed into the "other" option of question n (问卷星 `选项〖文本〗`,
//     LimeSurvey `Q[other]`). The choice itself stays in Q<n> as the bare option ("其他"), so counts per
//     option are right and the text is kept for reading (and masking) as an open-text question.
//   - "Q<n>.fill<k>": blank k of question n (腾讯问卷 `N.题目_填空k`), type QFill.
//   - "Q<n>.comment": a LimeSurvey comment sub-column.
// A key that would repeat gets "#2", "#3"… appended.
//
// Answers. Multi-select and ranking answers join the chosen options with MultiSep, in the export's
// order (ranking: first place first), whatever the export used (┋, →, expanded 0/1 columns, ranks).
// Missing answers ((跳过), (空), −2/−3 in 问卷星 codes, blanks) are "". 问卷星 code exports give option
// numbers ("1", "2", …) as answers: their Options are those numbers.

// QuestionType is what kind of answer a question collects.
type QuestionType string

// Question types.
const (
	QSingle   QuestionType = "single"  // single choice
	QMulti    QuestionType = "multi"   // multi-select; answer = chosen option texts joined by MultiSep
	QRanking  QuestionType = "ranking" // ranking; answer = option texts in rank order joined by MultiSep
	QMatrix   QuestionType = "matrix"  // one row of a matrix question (its own question)
	QRating   QuestionType = "rating"  // numeric scale
	QFill     QuestionType = "fill"    // short fill-in
	QOpenText QuestionType = "text"    // open text
	QMeta     QuestionType = "meta"    // metadata column kept as a question (rare)
)

// MultiSep joins the chosen options of a multi-select or ranking answer.
const MultiSep = "┋"

// Question is one question of a survey round, in questionnaire order.
type Question struct {
	Key     string       `json:"key"`  // "Q3"; sub-questions as documented above
	Num     int          `json:"num"`  // number in the export
	Text    string       `json:"text"` // header text as exported
	Type    QuestionType `json:"type"`
	Options []string     `json:"options"` // discovered from the data, in first-seen or declared order
}

// Response is one respondent's submission. Answers[i] answers Questions[i]; "" is missing.
type Response struct {
	ID         int64     `json:"id"`
	Submitted  time.Time `json:"submitted"`  // zero when unknown
	Duration   float64   `json:"duration"`   // seconds; < 0 when unknown
	IP         string    `json:"ip"`         // personal data: never published unmasked
	Respondent string    `json:"respondent"` // respondent id or submitter name; personal data
	Source     string    `json:"source"`
	Answers    []string  `json:"answers"`
	// Incomplete: the platform marks the response as not finished (LimeSurvey's empty submitdate,
	// 问卷网 未完成…); screening excludes it as 未完成 unless restored by hand.
	Incomplete bool `json:"incomplete"`
}

// SurveyData is everything imported into one round, as the scoring engine reads it.
// Load it with Store.SurveyData (data/survey_store.go).
type SurveyData struct {
	Round     Round
	Questions []Question
	Responses []Response
}

// SurveyTimeLayout is how submit times are stored; exports carry Beijing wall-clock times.
const SurveyTimeLayout = "2006-01-02 15:04:05"

// Beijing is the time zone of survey submit times.
var Beijing = time.FixedZone("CST", 8*3600)

// FindQuestion finds a question by key ("Q3", case-insensitive "q3" too) or by its exact header text.
func FindQuestion(qs []Question, ref string) (int, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return -1, false
	}
	for i, q := range qs {
		if q.Key == ref {
			return i, true
		}
	}
	for i, q := range qs {
		if strings.EqualFold(q.Key, ref) {
			return i, true
		}
	}
	for i, q := range qs {
		if q.Text == ref || strings.TrimSpace(q.Text) == ref {
			return i, true
		}
	}
	return -1, false
}

// RefName is how a published text names a question a scheme refers to: "Q3" → "第3题", "Q5.2" → "第5题第2项",
// "Q7.other" → "第7题（其他）"; a reference by header text is the text. Published files never show keys.
func RefName(ref string) string {
	ref = strings.TrimSpace(ref)
	if len(ref) < 2 || (ref[0] != 'Q' && ref[0] != 'q') {
		return ref
	}
	num, sub, _ := strings.Cut(ref[1:], ".")
	if !allDigits(num) {
		return ref
	}
	name := "第" + num + "题"
	switch {
	case sub == "":
		return name
	case allDigits(sub):
		return name + "第" + sub + "项"
	case sub == "other":
		return name + "（其他）"
	case strings.HasPrefix(sub, "fill") || sub == "comment":
		return name + "（填写内容）"
	}
	return name + "（" + sub + "）"
}

// RefNames is RefName of each ref, joined by 、.
func RefNames(refs []string) string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = RefName(r)
	}
	return strings.Join(out, "、")
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// SplitAnswer returns the chosen options of an answer: one for a single choice, several for a
// multi-select or ranking, none when missing.
func SplitAnswer(a string) []string {
	if a == "" {
		return nil
	}
	if !strings.Contains(a, MultiSep) {
		return []string{a}
	}
	parts := strings.Split(a, MultiSep)
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// OptionCount is how often one option was chosen.
type OptionCount struct {
	Option  string  `json:"option"`
	Count   int     `json:"count"`
	Percent float64 `json:"percent"` // of respondents who answered the question, 0–100
}

// Frequencies counts one question's answers among the responses given: per option, never per
// combination of a multi-select. Options come in the question's order, then any others by count.
type Frequencies struct {
	Question  Question      `json:"question"`
	Answered  int           `json:"answered"`
	Responses int           `json:"responses"`
	Options   []OptionCount `json:"options"`
}

// Frequencies counts the answers to question i over every response.
func (d *SurveyData) Frequencies(i int) Frequencies {
	t := NewTally()
	for _, r := range d.Responses {
		if i < len(r.Answers) {
			t.Add(r.Answers[i])
		}
	}
	return t.Frequencies(d.Questions[i], len(d.Responses))
}

// Tally counts one question's answers a response at a time (NewTally, Add, Frequencies).
type Tally struct {
	answered int
	counts   map[string]int
}

// NewTally starts a count.
func NewTally() *Tally { return &Tally{counts: map[string]int{}} }

// Add counts one answer ("" = missing: not counted).
func (t *Tally) Add(answer string) {
	if answer == "" {
		return
	}
	t.answered++
	for _, o := range SplitAnswer(answer) {
		t.counts[o]++
	}
}

// Frequencies is the count of q's answers among responses: its options in order, then others by count.
func (t *Tally) Frequencies(q Question, responses int) Frequencies {
	f := Frequencies{Question: q, Responses: responses, Answered: t.answered}
	seen := map[string]bool{}
	for _, o := range q.Options {
		if !seen[o] {
			seen[o] = true
			f.Options = append(f.Options, OptionCount{Option: o, Count: t.counts[o]})
		}
	}
	var rest []OptionCount
	for o, c := range t.counts {
		if !seen[o] {
			rest = append(rest, OptionCount{Option: o, Count: c})
		}
	}
	sortCounts(rest)
	f.Options = append(f.Options, rest...)
	for k := range f.Options {
		if f.Answered > 0 {
			f.Options[k].Percent = 100 * float64(f.Options[k].Count) / float64(f.Answered)
		}
	}
	return f
}
