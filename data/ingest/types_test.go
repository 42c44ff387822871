package ingest

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// importWith imports a testdata file with options into a round named after the file (plus suffix).
func importWith(t *testing.T, s *store.Store, pid int64, name string, opt Options) (Summary, *data.SurveyData) {
	t.Helper()
	opt.PolicyID, opt.Path = pid, filepath.Join("testdata", name)
	if opt.Round == "" {
		opt.Round = name
	}
	sum, err := Import(context.Background(), s, opt, nil)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	d, err := s.SurveyData(context.Background(), sum.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	return sum, d
}

func warned(ws []string, parts ...string) bool {
	for _, w := range ws {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(w, p)
		}
		if ok {
			return true
		}
	}
	return false
}

// A matrix whose rows are suggestions ("改进建议") answered on a 4-point scale of its own is a matrix:
// 260 answers in 4 values; the header keyword only decides when the data does not.
func TestTypesDataBeatsHeaderHint(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "wjx_matrix_hint.csv", Options{})
	for _, k := range []string{"Q2.1", "Q2.2", "Q2.3"} {
		q := questionOf(t, d, k)
		opts := append([]string(nil), q.Options...)
		sort.Strings(opts)
		if q.Type != data.QMatrix || strings.Join(opts, ",") != "不太赞成,不赞成,基本赞成,赞成" {
			t.Errorf("%s: type %s, options %q; want matrix of the 4 agreement options", k, q.Type, q.Options)
		}
	}
	if q := questionOf(t, d, "Q3"); q.Type != data.QOpenText {
		t.Errorf("Q3 (real suggestions): type %s, want text", q.Type)
	}
	// 无 from most, 16 suggestions given once each: few distinct texts, but not a choice.
	if q := questionOf(t, d, "Q4"); q.Type != data.QOpenText {
		t.Errorf("Q4 (无 or a suggestion of one's own): type %s, options %d; want text", q.Type, len(q.Options))
	}
	if !warned(sum.Warnings, "Q2.1", "选择题") {
		t.Errorf("no warning that the data overrode the header's hint: %q", sum.Warnings)
	}
}

// Single-choice options written as long sentences (over 30 characters) are still options.
func TestTypesLongOptions(t *testing.T) {
	s, pid := newStore(t)
	_, d := importWith(t, s, pid, "wjx_long_options.xlsx", Options{})
	if q := questionOf(t, d, "Q2"); q.Type != data.QSingle || len(q.Options) != 5 {
		t.Errorf("Q2: type %s, %d options; want single with 5", q.Type, len(q.Options))
	}
	if q := questionOf(t, d, "Q3"); q.Type != data.QOpenText {
		t.Errorf("Q3: type %s, want text", q.Type)
	}
}

// 腾讯文档 collection forms join a multi-select's options with ", " (sometimes "，").
func TestTypesCommaJoinedMulti(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "txdocs_multi.csv", Options{})
	i, ok := data.FindQuestion(d.Questions, "您办理业务时使用过哪些渠道")
	if !ok {
		t.Fatalf("no channel question in %v", keys(d))
	}
	q := d.Questions[i]
	if q.Type != data.QMulti || len(q.Options) != 6 {
		t.Fatalf("channels (%s): type %s, options %q; want multi of 6 (warnings %q)", sum.Format, q.Type, q.Options, sum.Warnings)
	}
	for r, resp := range d.Responses {
		if a := resp.Answers[i]; strings.Contains(a, ",") || strings.Contains(a, "，") {
			t.Fatalf("response %d: answer %q not split", r, a)
		}
	}
	if a := d.Responses[7].Answers[i]; !strings.Contains(a, data.MultiSep) && strings.Count(a, "") < 3 {
		t.Logf("row 8 (joined by ，): %q", a)
	}
	if j, _ := data.FindQuestion(d.Questions, "您对我们的工作有什么建议"); d.Questions[j].Type != data.QOpenText {
		t.Errorf("suggestions: type %s, want text", d.Questions[j].Type)
	}
}

// LimeSurvey writes "N/A" for a question left unanswered: missing, never an option.
func TestTypesLimeNA(t *testing.T) {
	s, pid := newStore(t)
	_, d := importWith(t, s, pid, "limesurvey_incomplete.csv", Options{})
	q := questionOf(t, d, "Q1")
	if strings.Join(q.Options, ",") != "满意,一般,不满意" {
		t.Errorf("Q1 options %q, want 满意,一般,不满意 (N/A is no answer)", q.Options)
	}
	if a := answer(t, d, 0, "Q1"); a != "" {
		t.Errorf("row 1 Q1 = %q, want missing", a)
	}
}

// The user's choice of type is honoured, a contradiction warned about, and the choice kept for the next
// file of the same round.
func TestTypesChosenAndKept(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "wjx_text.csv", Options{Round: "2026年度", Types: map[string]data.QuestionType{"Q4": data.QSingle, "Q1": data.QOpenText}})
	if q := questionOf(t, d, "Q4"); q.Type != data.QSingle || len(q.Options) != 5 {
		t.Errorf("Q4: type %s, options %q; want single as chosen", q.Type, q.Options)
	}
	if q := questionOf(t, d, "Q1"); q.Type != data.QOpenText || len(q.Options) != 0 {
		t.Errorf("Q1: type %s, options %q; want text as chosen", q.Type, q.Options)
	}
	if !warned(sum.Warnings, "Q4", "单选题") {
		t.Errorf("no warning that Q4's numbers look like a fill-in: %q", sum.Warnings)
	}
	got, err := s.SurveyTypeChoices(context.Background(), sum.RoundID)
	if err != nil || got["Q4"] != data.QSingle || got["Q1"] != data.QOpenText {
		t.Fatalf("stored choices %v, %v", got, err)
	}
	// The later export of the same survey, into the same round, with no choice given: the kept one applies.
	sum2, d2 := importWith(t, s, pid, "wjx_text_later.csv", Options{Round: "2026年度"})
	if q := questionOf(t, d2, "Q4"); q.Type != data.QSingle {
		t.Errorf("second file Q4: type %s, want the kept single", q.Type)
	}
	if !warned(sum2.Warnings, "Q4", "沿用") {
		t.Errorf("second file: no warning naming the kept choice: %q", sum2.Warnings)
	}
	// A key the file does not have is refused, naming it.
	_, err = Import(context.Background(), s, Options{PolicyID: pid, Round: "另一轮", Path: filepath.Join("testdata", "wjx_text.csv"),
		Types: map[string]data.QuestionType{"Q9": data.QSingle}}, nil)
	if err == nil || !strings.Contains(err.Error(), "Q9") {
		t.Errorf("unknown key: err %v", err)
	}
}

// LimeSurvey rows with an empty submitdate never reached the end: stored, flagged, counted.
func TestIncompleteLimeSurvey(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "limesurvey_incomplete.csv", Options{})
	if sum.Imported != 40 || sum.Incomplete != 20 {
		t.Fatalf("imported %d, incomplete %d; want 40 stored, 20 incomplete", sum.Imported, sum.Incomplete)
	}
	n := 0
	for _, r := range d.Responses {
		if r.Incomplete {
			n++
		}
	}
	if n != 20 || !d.Responses[0].Incomplete || d.Responses[1].Incomplete {
		t.Errorf("%d responses flagged (first %v, second %v); want the 20 odd rows", n, d.Responses[0].Incomplete, d.Responses[1].Incomplete)
	}
	if !warned(sum.Warnings, "20 份", "未完成") {
		t.Errorf("no warning counting the incomplete responses: %q", sum.Warnings)
	}
}

// 问卷网's 答卷状态 column marks the responses left unfinished.
func TestIncompleteStatusColumn(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "wenjuan_status.csv", Options{})
	if sum.Incomplete != 6 {
		t.Fatalf("incomplete %d, want 6 (warnings %q)", sum.Incomplete, sum.Warnings)
	}
	if !d.Responses[2].Incomplete || d.Responses[0].Incomplete {
		t.Errorf("row 3 flagged %v, row 1 flagged %v", d.Responses[2].Incomplete, d.Responses[0].Incomplete)
	}
	for _, q := range d.Questions { // the state column is metadata, not a question
		if strings.Contains(q.Text, "状态") {
			t.Errorf("the completion-state column was imported as question %s %q", q.Key, q.Text)
		}
	}
}

// A submit-time column the owner blanked as NULL: those cells are missing, one warning per column counts
// them; the answers are all imported.
func TestBadMetadataCells(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "wjx_null_times.csv", Options{})
	if sum.Imported != 80 {
		t.Fatalf("imported %d, want 80", sum.Imported)
	}
	for _, want := range []string{
		`提交答卷时间列有 37 个单元格无法识别（如 "NULL"），已按缺失处理`,
		`所用时间列有 4 个单元格无法识别（如 "NULL"），已按缺失处理`,
		`来自IP列有 4 个单元格无法识别（如 "NULL"），已按缺失处理`,
	} {
		if !warned(sum.Warnings, want) {
			t.Errorf("no warning %s in %q", want, sum.Warnings)
		}
	}
	r0, r1, r3, r9 := d.Responses[0], d.Responses[1], d.Responses[3], d.Responses[9]
	if !r0.Submitted.IsZero() || r1.Submitted.IsZero() || r0.Duration <= 0 {
		t.Errorf("row 1: submitted %v (want unknown), duration %v (kept); row 2 submitted %v", r0.Submitted, r0.Duration, r1.Submitted)
	}
	if r3.Duration != -1 || r9.IP != "" || r1.IP == "" {
		t.Errorf("NULL duration read as %v, NULL address as %q", r3.Duration, r9.IP)
	}
	if a := answer(t, d, 0, "Q1"); a == "" {
		t.Errorf("row 1's answer lost")
	}
	// A submit time that cannot be a date (month 13): missing too, named in the warning.
	sum, _ = importWith(t, s, pid, "bad_row.csv", Options{})
	if sum.Imported != 5 || !warned(sum.Warnings, `提交答卷时间列有 1 个单元格无法识别（如 "2026/13/01 10:00:00"），已按缺失处理`) {
		t.Errorf("bad_row.csv: imported %d, warnings %q", sum.Imported, sum.Warnings)
	}
}

// A choice may name the question by its header; it is kept under the question's key. A type that is
// none of the choosable ones is refused.
func TestTypesChosenByHeader(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "wjx_text.csv", Options{Types: map[string]data.QuestionType{"4、您的年龄": data.QSingle}})
	if q := questionOf(t, d, "Q4"); q.Type != data.QSingle {
		t.Errorf("Q4: type %s, want single", q.Type)
	}
	got, err := s.SurveyTypeChoices(context.Background(), sum.RoundID)
	if err != nil || len(got) != 1 || got["Q4"] != data.QSingle {
		t.Errorf("stored %v, %v; want Q4 single", got, err)
	}
	_, err = Import(context.Background(), s, Options{PolicyID: pid, Round: "r2", Path: filepath.Join("testdata", "wjx_text.csv"),
		Types: map[string]data.QuestionType{"Q4": data.QMeta}}, nil)
	if err == nil || !strings.Contains(err.Error(), "题型") {
		t.Errorf("meta as a chosen type: err %v", err)
	}
}

// An anonymous LimeSurvey survey without dates writes 1980-01-01 for every submitted response: submitted,
// time unknown, no warning; only the empty submitdates are incomplete.
func TestIncompleteLimeAnonymous(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importWith(t, s, pid, "limesurvey_anonymous.csv", Options{})
	if sum.Incomplete != 2 || !d.Responses[2].Incomplete || d.Responses[0].Incomplete || !d.Responses[0].Submitted.IsZero() {
		t.Errorf("incomplete %d (row 3 %v, row 1 %v, row 1 submitted %v); want rows 3 and 6 only", sum.Incomplete,
			d.Responses[2].Incomplete, d.Responses[0].Incomplete, d.Responses[0].Submitted)
	}
	if warned(sum.Warnings, "无法识别") {
		t.Errorf("1980-01-01 warned about: %q", sum.Warnings)
	}
}

// A list joined by "，" only is never guessed (it is also every sentence's comma) but is read as one when
// the user chooses multi-select for it.
func TestTypesWideCommaWhenChosen(t *testing.T) {
	s, pid := newStore(t)
	const q = "您近一年办理过哪些业务"
	sum, d := importWith(t, s, pid, "txdocs_wide.csv", Options{})
	i, ok := data.FindQuestion(d.Questions, q)
	if !ok || d.Questions[i].Type == data.QMulti {
		t.Fatalf("guessed without a choice: %v %+v", ok, d.Questions)
	}
	sum, d = importWith(t, s, pid, "txdocs_wide.csv", Options{Round: "选择多选", Types: map[string]data.QuestionType{q: data.QMulti}})
	i, _ = data.FindQuestion(d.Questions, q)
	if got := d.Questions[i]; got.Type != data.QMulti || len(got.Options) != 6 {
		t.Fatalf("chosen multi: type %s, options %q (warnings %q)", got.Type, got.Options, sum.Warnings)
	}
	for r, resp := range d.Responses {
		if strings.Contains(resp.Answers[i], "，") {
			t.Fatalf("response %d: %q not split", r, resp.Answers[i])
		}
	}
}
