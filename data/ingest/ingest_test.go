package ingest

//go:generate go run ./testdata/gen -dir testdata

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func newStore(t testing.TB) (*store.Store, int64) {
	t.Helper()
	s := storetest.MustOpen(t)
	return s, storetest.Policy(t, s, data.Policy{Title: "测试政策", Dept: "市发展改革委", Category: "营商环境"}).ID
}

// importFile imports a testdata file and loads the round back.
func importFile(t *testing.T, s *store.Store, pid int64, name string, format Format) (Summary, *data.SurveyData) {
	t.Helper()
	sum, err := Import(context.Background(), s, Options{PolicyID: pid, Round: name, Format: format, Path: filepath.Join("testdata", name)}, nil)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	d, err := s.SurveyData(context.Background(), sum.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Responses) != sum.Imported || sum.Imported != sum.Rows {
		t.Fatalf("%s: rows %d, imported %d, loaded %d", name, sum.Rows, sum.Imported, len(d.Responses))
	}
	return sum, d
}

// answer returns response r's answer to the question with key.
func answer(t *testing.T, d *data.SurveyData, r int, key string) string {
	t.Helper()
	i, ok := data.FindQuestion(d.Questions, key)
	if !ok {
		t.Fatalf("no question %s in %v", key, keys(d))
	}
	return d.Responses[r].Answers[i]
}

func questionOf(t *testing.T, d *data.SurveyData, key string) data.Question {
	t.Helper()
	i, ok := data.FindQuestion(d.Questions, key)
	if !ok {
		t.Fatalf("no question %s in %v", key, keys(d))
	}
	return d.Questions[i]
}

func keys(d *data.SurveyData) []string {
	var out []string
	for _, q := range d.Questions {
		out = append(out, q.Key+":"+string(q.Type))
	}
	return out
}

type check struct {
	resp int
	key  string
	want string
}

func TestLayouts(t *testing.T) {
	s, pid := newStore(t)
	wjxText := []check{
		{0, "Q1", "满意"}, {0, "Q2", "材料多┋跑腿多"}, {0, "Q3", "网站┋APP┋窗口"}, {1, "Q2", "其他"},
		{1, "Q2.other", "窗口太少"}, {2, "Q2", "材料多┋其他┋系统卡"}, {2, "Q2.other", "排队久"},
		{1, "Q5", ""}, {2, "Q3", ""}, {3, "Q1", ""}, {2, "Q5", "有问题请联系13812345678"},
		{0, "1、您对政务服务办事效率是否满意", "满意"},
	}
	cases := []struct {
		file      string
		format    Format
		questions int
		types     map[string]data.QuestionType
		options   map[string]string
		answers   []check
		duration  []float64
		ip, resp  string
		submitted string
	}{
		{file: "wjx_text.xlsx", format: WJXText, questions: 6,
			types:   map[string]data.QuestionType{"Q1": data.QSingle, "Q2": data.QMulti, "Q3": data.QRanking, "Q4": data.QFill, "Q5": data.QOpenText, "Q2.other": data.QOpenText},
			options: map[string]string{"Q1": "非常满意,满意,一般,不满意", "Q2": "材料多,跑腿多,其他,系统卡"},
			answers: wjxText, duration: []float64{123, 123, 45, 60, 300}, ip: "112.10.1.1", resp: "1", submitted: "2026-11-02 10:11:12"},
		{file: "wjx_text.csv", format: WJXText, questions: 6, answers: wjxText},
		{file: "wjx_text_gbk.csv", format: WJXText, questions: 6, answers: wjxText},
		{file: "wjx_text_bom.csv", format: WJXText, questions: 6, answers: wjxText, ip: "112.10.1.1", resp: "1"},
		{file: "wjx_code.xlsx", format: WJXCode, questions: 7,
			types:   map[string]data.QuestionType{"Q1": data.QSingle, "Q2": data.QMulti, "Q3.1": data.QMatrix, "Q3.2": data.QMatrix, "Q4": data.QRanking, "Q5": data.QMulti, "Q6": data.QOpenText},
			options: map[string]string{"Q1": "1,2,3", "Q2": "材料多,跑腿多,系统卡", "Q4": "网站,APP,窗口"},
			answers: []check{{0, "Q1", "2"}, {2, "Q1", ""}, {0, "Q2", "材料多┋系统卡"}, {2, "Q2", ""}, {3, "Q2", "材料多┋跑腿多"},
				{0, "Q3.1", "4"}, {1, "3、(服务态度)", "3"}, {0, "Q4", "网站┋APP┋窗口"}, {1, "Q4", "APP┋网站"},
				{0, "Q5", "政策宣传"}, {2, "Q5", "政策宣传┋执法监管"}, {1, "Q6", ""}},
			duration: []float64{80, 95, 60, 70}, ip: "10.0.0.1", submitted: "2026-11-02 10:11:12"},
		{file: "wjx_code.csv", format: WJXCode, questions: 7, answers: []check{{0, "Q2", "材料多┋系统卡"}}},
		{file: "tencent.csv", format: Tencent, questions: 6,
			types:   map[string]data.QuestionType{"Q1": data.QSingle, "Q2": data.QMulti, "Q3.1": data.QMatrix, "Q3.2": data.QMatrix, "Q4.fill1": data.QFill, "Q5": data.QMulti},
			options: map[string]string{"Q2": "政务网站,手机APP,线下窗口"},
			answers: []check{{0, "Q2", "政务网站┋线下窗口"}, {1, "Q2", "手机APP"}, {0, "3.请评价:服务态度", "非常满意"}, {2, "Q4.fill1", "希望延长办公时间"},
				{0, "2.您常用的办事渠道", "政务网站┋线下窗口"},
				{0, "Q5", "减税降费"}, {1, "Q5", ""}, {2, "Q5", "减税降费┋融资支持"}},
			duration: []float64{118, 60, 330}, ip: "1.1.1.1", resp: "1001", submitted: "2021-02-02 20:26:58"},
		{file: "tencent_trailing.csv", format: Tencent, questions: 6, answers: []check{{1, "Q2", "手机APP"}}},
		{file: "jinshuju.xlsx", format: Jinshuju, questions: 4,
			types:    map[string]data.QuestionType{"Q1": data.QSingle, "Q2": data.QSingle, "Q3": data.QOpenText, "Q4": data.QMulti},
			options:  map[string]string{"Q4": "政务网站,手机APP,线下窗口"},
			answers:  []check{{0, "Q1", "企业"}, {2, "您对营商环境总体评价", "非常满意"}, {0, "Q4", "政务网站┋手机APP"}, {1, "Q4", "线下窗口"}},
			duration: []float64{90, 45, 180}, ip: "2.2.2.1", resp: "张三", submitted: "2026-10-01 09:00:00"},
		{file: "limesurvey.csv", format: LimeSurvey, questions: 6,
			types:    map[string]data.QuestionType{"Q1": data.QSingle, "Q2": data.QMulti, "Q2.other": data.QOpenText, "Q3.1": data.QMatrix, "Q3.2": data.QMatrix},
			answers:  []check{{0, "Q2", "SQ001┋SQ003"}, {1, "Q2", "SQ002┋其他"}, {1, "Q2.other", "政策解读"}, {0, "Q3[SQ002]", "A3"}},
			duration: []float64{300, 120, 600}, ip: "3.3.3.1", resp: "tokA", submitted: "2026-09-01 10:05:00"},
		{file: "limesurvey_text.csv", format: LimeSurvey, questions: 4,
			types:    map[string]data.QuestionType{"Q1": data.QSingle, "Q2": data.QMulti, "Q2.other": data.QOpenText},
			options:  map[string]string{"Q2": "政务网站,手机APP,其他"},
			answers:  []check{{0, "Q2", "政务网站"}, {1, "Q2", "手机APP┋其他"}, {1, "Q2.other", "自助终端"}, {2, "Q3", ""}, {1, "您的建议", "多设窗口"}},
			duration: []float64{300, 300, 300}, ip: "4.4.4.1", resp: "1", submitted: "2026-09-01 10:05:00"},
		{file: "generic.xlsx", format: Generic, questions: 4,
			types:   map[string]data.QuestionType{"Q1": data.QSingle, "Q3": data.QMulti, "Q4": data.QOpenText},
			answers: []check{{0, "Q3", "A┋B"}, {2, "备注意见", "希望窗口延长服务时间"}}, submitted: "2026-08-01 09:00:00"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			sum, d := importFile(t, s, pid, c.file, Auto)
			if sum.Format != c.format {
				t.Errorf("format = %s, want %s", sum.Format, c.format)
			}
			if sum.Questions+sum.OtherTexts != c.questions || len(d.Questions) != c.questions {
				t.Errorf("questions = %d (%v), want %d", sum.Questions, keys(d), c.questions)
			}
			for k, want := range c.types {
				if got := questionOf(t, d, k).Type; got != want {
					t.Errorf("%s type = %s, want %s", k, got, want)
				}
			}
			for k, want := range c.options {
				if got := strings.Join(questionOf(t, d, k).Options, ","); got != want {
					t.Errorf("%s options = %s, want %s", k, got, want)
				}
			}
			for _, a := range c.answers {
				if got := answer(t, d, a.resp, a.key); got != a.want {
					t.Errorf("response %d %s = %q, want %q", a.resp, a.key, got, a.want)
				}
			}
			for i, want := range c.duration {
				if got := d.Responses[i].Duration; got != want {
					t.Errorf("response %d duration = %v, want %v", i, got, want)
				}
			}
			r0 := d.Responses[0]
			if c.ip != "" && r0.IP != c.ip {
				t.Errorf("IP = %q, want %q", r0.IP, c.ip)
			}
			if c.resp != "" && r0.Respondent != c.resp {
				t.Errorf("respondent = %q, want %q", r0.Respondent, c.resp)
			}
			if c.submitted != "" && r0.Submitted.Format(data.SurveyTimeLayout) != c.submitted {
				t.Errorf("submitted = %v, want %s", r0.Submitted, c.submitted)
			}
		})
	}
}

func TestSummaryCountsColumnsNotOtherTexts(t *testing.T) {
	s, pid := newStore(t)
	sum, d := importFile(t, s, pid, "wjx_text.xlsx", Auto)
	if sum.Questions != 5 || sum.OtherTexts != 1 || len(d.Questions) != 6 {
		t.Errorf("questions %d, other texts %d, stored %d; want 5, 1, 6", sum.Questions, sum.OtherTexts, len(d.Questions))
	}
}

func TestFrequenciesCountPerOption(t *testing.T) {
	s, pid := newStore(t)
	sum, _ := importFile(t, s, pid, "wjx_text.xlsx", Auto)
	fs, err := s.QuestionFrequencies(context.Background(), sum.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	q2 := fs[1]
	if q2.Question.Key != "Q2" || q2.Answered != 5 {
		t.Fatalf("Q2 answered %d (%s)", q2.Answered, q2.Question.Key)
	}
	got := map[string]int{}
	for _, o := range q2.Options {
		got[o.Option] = o.Count
	}
	want := map[string]int{"材料多": 3, "跑腿多": 1, "其他": 2, "系统卡": 2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Q2 counts = %v, want %v", got, want)
	}
	if p := q2.Options[0].Percent; p != 60 {
		t.Errorf("材料多 percent = %v, want 60", p)
	}
}

// QuestionFrequencies reads the responses one at a time; it must count exactly what the loaded round's
// Frequencies count, for every format and with several files in one round.
func TestStreamedFrequenciesMatchLoaded(t *testing.T) {
	s, pid := newStore(t)
	ctx := context.Background()
	for _, name := range []string{"wjx_text.xlsx", "wjx_code.csv", "tencent.xlsx", "jinshuju.xlsx", "limesurvey.xlsx", "generic.xlsx"} {
		sum, err := Import(ctx, s, Options{PolicyID: pid, Round: name, Path: "testdata/" + name}, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name == "wjx_text.xlsx" { // a second file in the same round
			if _, err := Import(ctx, s, Options{PolicyID: pid, Round: name, Path: "testdata/wjx_text_later.csv"}, nil); err != nil {
				t.Fatal(err)
			}
		}
		fs, err := s.QuestionFrequencies(ctx, sum.RoundID)
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.SurveyData(ctx, sum.RoundID)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != len(d.Questions) || len(fs) == 0 {
			t.Fatalf("%s: %d frequencies for %d questions", name, len(fs), len(d.Questions))
		}
		for i := range d.Questions {
			if want := d.Frequencies(i); !reflect.DeepEqual(fs[i], want) {
				t.Errorf("%s %s:\n got %+v\nwant %+v", name, want.Question.Key, fs[i], want)
			}
		}
	}
}

func TestReimportRefused(t *testing.T) {
	s, pid := newStore(t)
	ctx := context.Background()
	opt := Options{PolicyID: pid, Round: "2026年度", Path: "testdata/wjx_text.xlsx"}
	first, err := Import(ctx, s, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Import(ctx, s, opt, nil)
	var ie *data.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "未重复导入") {
		t.Fatalf("second import: %v, want an InputError refusing it", err)
	}
	if n, _ := s.SurveyCount(ctx, first.RoundID); n != first.Imported {
		t.Errorf("responses after refused re-import = %d, want %d", n, first.Imported)
	}
	// Another round takes the same file; the default round is then the latest one.
	opt.Round = "2027年度"
	if _, err := Import(ctx, s, opt, nil); err != nil {
		t.Fatal(err)
	}
	opt.Round = ""
	opt.Path = "testdata/wjx_text_later.csv"
	sum, err := Import(ctx, s, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Round != "2027年度" {
		t.Errorf("default round = %q, want the latest (2027年度)", sum.Round)
	}
}

func TestDefaultRoundName(t *testing.T) {
	s, pid := newStore(t)
	sum, err := Import(context.Background(), s, Options{PolicyID: pid, Path: "testdata/generic.csv"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Round != data.DefaultRound {
		t.Errorf("round = %q, want %q", sum.Round, data.DefaultRound)
	}
}

// assertNothingStored checks that a failed import left no round, import or response behind.
func assertNothingStored(t *testing.T, s *store.Store, pid int64) {
	t.Helper()
	// Counted over the whole file, with a connection of its own (the store offers no such query).
	db, err := sql.Open("sqlite", "file:"+s.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	for _, table := range []string{"survey_imports", "survey_responses", "survey_questions"} {
		if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s has %d rows after a failed import", table, n)
		}
	}
	rs, err := s.Rounds(context.Background(), pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 0 {
		t.Errorf("rounds after a failed import: %v", rs)
	}
}

func TestBrokenFiles(t *testing.T) {
	cases := []struct{ file, want string }{
		{"extra_cell.csv", "第5行第M列"},
		{"truncated.xlsx", "truncated.xlsx"},
		{"not_a_sheet.xlsx", "不是有效的 xlsx"},
		{"empty.csv", "空"},
		{"header_only.csv", "没有答卷数据"},
		{"missing.csv", "无法打开"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			s, pid := newStore(t)
			_, err := Import(context.Background(), s, Options{PolicyID: pid, Round: "r", Path: filepath.Join("testdata", c.file)}, nil)
			var ie *data.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v (%T), want an InputError", err, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %q, want it to mention %q", err, c.want)
			}
			assertNothingStored(t, s, pid)
		})
	}
}

func TestLongCell(t *testing.T) {
	s, pid := newStore(t)
	_, d := importFile(t, s, pid, "long_cell.csv", Auto)
	got := answer(t, d, 1, "Q5")
	if n := len([]rune(got)); n != 40000 {
		t.Errorf("long answer has %d characters, want 40000", n)
	}
}

// writeRows writes a CSV of n 问卷星 rows; bad (1-based data row) gets a cell beyond the header (an
// unreadable duration would only be a warning: metadata cells are not held to the answers' rules).
func writeRows(t testing.TB, n, bad int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("序号,提交答卷时间,所用时间,来自IP,1、满意度,2、问题,3、建议\n")
	likert := []string{"非常满意", "满意", "一般", "不满意"}
	for i := 1; i <= n; i++ {
		dur := fmt.Sprintf("%d秒", 30+i%300)
		extra := ""
		if i == bad {
			extra = ",多出来的内容"
		}
		fmt.Fprintf(&b, "%d,2026-11-01 10:%02d:%02d,%s,10.0.%d.%d,%s,材料多┋跑腿多,建议%d%s\n", i, i%60, i%60, dur, i/256%256, i%256, likert[i%4], i, extra)
	}
	p := filepath.Join(t.TempDir(), "rows.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAllOrNothingOnBadRowMidway(t *testing.T) {
	s, pid := newStore(t)
	path := writeRows(t, 6000, 4000)
	_, err := Import(context.Background(), s, Options{PolicyID: pid, Round: "r", Path: path}, nil)
	if err == nil || !strings.Contains(err.Error(), "第4001行第H列") {
		t.Fatalf("err = %v, want one naming row 4001 column H", err)
	}
	assertNothingStored(t, s, pid)
}

func TestCancelLeavesNothing(t *testing.T) {
	s, pid := newStore(t)
	path := writeRows(t, 6000, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	_, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: path}, func(done, total int) {
		calls++
		if done >= 2000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls < 2 {
		t.Errorf("progress called %d times", calls)
	}
	assertNothingStored(t, s, pid)
}

func TestSecondFileSameRound(t *testing.T) {
	s, pid := newStore(t)
	ctx := context.Background()
	a, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text.xlsx"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The same questionnaire exported again a day later as CSV: the three new responses add up.
	if _, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text_later.csv"}, nil); err != nil {
		t.Fatal(err)
	}
	d, err := s.SurveyData(ctx, a.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Responses) != 8 || len(d.Questions) != 6 {
		t.Fatalf("responses %d questions %d, want 8 and 6", len(d.Responses), len(d.Questions))
	}
	if got := answer(t, d, 6, "Q2.other"); got != "窗口太少" {
		t.Errorf("second file's other text = %q", got)
	}
	// Another questionnaire in the same round is refused: its Q1 is a different question.
	_, err = Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/tencent.csv"}, nil)
	if err == nil || !strings.Contains(err.Error(), "不一致") {
		t.Fatalf("err = %v, want a mismatch error", err)
	}
}

// The same survey exported twice (xlsx, then CSV: other bytes, same responses) is not counted twice: a
// file whose responses the round all has is refused, one with some new responses adds only those.
func TestSameResponsesFromAnotherExport(t *testing.T) {
	s, pid := newStore(t)
	ctx := context.Background()
	a, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text.xlsx"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text.csv"}, nil)
	var ie *data.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "5 份答卷本轮次都已有") {
		t.Fatalf("same responses as CSV: err = %v, want them refused", err)
	}
	if n, _ := s.SurveyCount(ctx, a.RoundID); n != 5 {
		t.Errorf("after the refused file the round has %d responses, want 5", n)
	}
	later, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text_later.csv"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if later.Rows != 5 || later.Imported != 3 || later.Skipped != 2 || !strings.Contains(strings.Join(later.Warnings, "|"), "跳过 2 份") {
		t.Errorf("later export: rows %d imported %d warnings %q; want 5, 3 and a note of the 2 skipped", later.Rows, later.Imported, later.Warnings)
	}
	if n, _ := s.SurveyCount(ctx, a.RoundID); n != 8 {
		t.Errorf("round has %d responses, want 8", n)
	}
	// Another round is another evaluation: the same responses go in whole.
	if other, err := Import(ctx, s, Options{PolicyID: pid, Round: "r2", Path: "testdata/wjx_text.csv"}, nil); err != nil || other.Imported != 5 {
		t.Errorf("same file into another round: %+v, %v", other, err)
	}
}

func TestFormatOverride(t *testing.T) {
	s, pid := newStore(t)
	sum, err := Import(context.Background(), s, Options{PolicyID: pid, Round: "r", Format: Generic, Path: "testdata/wjx_text.xlsx"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Format != Generic || len(sum.Warnings) < 2 || !strings.Contains(strings.Join(sum.Warnings, "|"), "自动识别") {
		t.Errorf("summary = %+v", sum)
	}
	if _, err := ParseFormat("sojump"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestPreview(t *testing.T) {
	p, err := Preview("testdata/wjx_code.xlsx", Auto)
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != WJXCode || p.Detected != WJXCode || p.Rows != 4 || !p.Complete || len(p.Questions) != 7 {
		t.Fatalf("preview = %+v", p)
	}
	q := p.Questions[1]
	if q.Key != "Q2" || q.Type != data.QMulti || len(q.Samples) == 0 || q.Samples[0] != "材料多┋系统卡" {
		t.Errorf("Q2 preview = %+v", q)
	}
	if fmt.Sprint(p.Meta) != "[{序号 respondent} {提交答卷时间 submitted} {所用时间 duration} {来自IP ip}]" {
		t.Errorf("meta = %v", p.Meta)
	}
	if _, err := Preview("testdata/truncated.xlsx", Auto); err == nil {
		t.Error("preview of a truncated file succeeded")
	}
}

func TestValues(t *testing.T) {
	for in, want := range map[string]float64{"123秒": 123, "2分3秒": 123, "1小时2分3秒": 3723, "95": 95, "00:02:03": 123, "3分": 180, "12.5": 12.5, "95s": 95, "1时2分3秒": 3723, "3分钟": 180, "2分 3秒": 123, "1.5秒": 1.5} {
		if got, ok := parseDuration(in); !ok || got != want {
			t.Errorf("parseDuration(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"很久", "-5", "1e400", "秒", "3秒2分", "2分3", ""} {
		if _, ok := parseDuration(in); ok {
			t.Errorf("parseDuration(%q) accepted", in)
		}
	}
	for in, want := range map[string]string{
		"02-Feb-2021 20:26:58": "2021-02-02 20:26:58", "2021/2/2 8:05:09": "2021-02-02 08:05:09",
		"2021年2月2日 20:26": "2021-02-02 20:26:00", "44229.5": "2021-02-02 12:00:00", "2021-02-02T20:26:58": "2021-02-02 20:26:58",
	} {
		got, ok := parseTime(in)
		if !ok || got.Format(data.SurveyTimeLayout) != want {
			t.Errorf("parseTime(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	if a, o := splitOther("A┋其他〖自己填〗┋B〖x〗"); a != "A┋其他┋B" || o != "自己填；x" {
		t.Errorf("splitOther = %q, %q", a, o)
	}
	if got := orderOptions([]string{"一般", "不了解", "非常满意", "满意"}); strings.Join(got, ",") != "非常满意,满意,一般,不了解" {
		t.Errorf("orderOptions = %v", got)
	}
}

func TestFindHeaderAndDetect(t *testing.T) {
	rows := [][]string{{"某某调查"}, {"", "导出时间：2026-11-01"}, {"序号", "提交答卷时间", "1、问题"}, {"1", "2026-11-01", "是"}}
	if h := findHeader(rows); h != 2 {
		t.Errorf("header row = %d, want 2", h)
	}
	if f := detectFormat(rows[2], rows[3:]); f != WJXText {
		t.Errorf("format = %s", f)
	}
	hand := [][]string{{"调查结果", "2026年"}, {"受访者类型", "办事便捷度", "多选问题", "备注"}, {"企业", "满意", "A", "无"}}
	if h := findHeader(hand); h != 1 {
		t.Errorf("hand-made sheet: header row = %d, want 1", h)
	}
	if f := detectFormat([]string{"姓名", "意见"}, nil); f != Generic {
		t.Errorf("format = %s, want generic", f)
	}
}

func TestDeleteImport(t *testing.T) {
	s, pid := newStore(t)
	ctx := context.Background()
	a, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text.xlsx"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text_later.csv"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSurveyImport(ctx, pid+1, a.ImportID); err == nil {
		t.Error("another policy's import deleted")
	}
	if err := s.DeleteSurveyImport(ctx, pid, a.ImportID); err != nil {
		t.Fatal(err)
	}
	d, err := s.SurveyData(ctx, b.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Responses) != 3 || len(d.Questions) != 6 {
		t.Errorf("after delete: %d responses, %d questions", len(d.Responses), len(d.Questions))
	}
	// The deleted file can be imported again.
	if _, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: "testdata/wjx_text.xlsx"}, nil); err != nil {
		t.Fatal(err)
	}
}

// TestCancelFromAnotherGoroutine cancels while rows are being stored, as the GUI's 取消 button does.
func TestCancelFromAnotherGoroutine(t *testing.T) {
	s, pid := newStore(t)
	path := writeRows(t, 20000, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	_, err := Import(ctx, s, Options{PolicyID: pid, Round: "r", Path: path}, func(done, total int) {
		once.Do(func() { go func() { time.Sleep(5 * time.Millisecond); cancel() }() })
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	assertNothingStored(t, s, pid)
}

// TestWideFile imports a sheet of 3,000 columns of distinct values: bounded statistics, one question each.
func TestWideFile(t *testing.T) {
	var b strings.Builder
	const cols, rows = 3000, 40
	for c := 0; c < cols; c++ {
		if c > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "问题%d", c)
	}
	b.WriteByte('\n')
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "值%d-%d", r, c)
		}
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "wide.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, pid := newStore(t)
	sum, err := Import(context.Background(), s, Options{PolicyID: pid, Round: "r", Path: p}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Questions != cols || sum.Rows != rows {
		t.Errorf("summary = %+v", sum)
	}
	d, err := s.SurveyData(context.Background(), sum.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Responses[rows-1].Answers[cols-1]; got != fmt.Sprintf("值%d-%d", rows-1, cols-1) {
		t.Errorf("last cell = %q", got)
	}
}

// previewMem parses rows in memory as Preview would parse a file.
func previewMem(t *testing.T, format Format, rows ...[]string) PreviewResult {
	t.Helper()
	s, err := startSession(&rowsReader{rows: rows}, "mem.csv", format)
	if err != nil {
		t.Fatal(err)
	}
	p, err := preview(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSameNumberColumnsAreRows(t *testing.T) {
	p := previewMem(t, Auto,
		[]string{"序号", "提交答卷时间", "1、性别", "2、请评价—服务态度", "2、请评价—办事效率"},
		[]string{"1", "2026-11-01 10:00:00", "男", "满意", "一般"},
		[]string{"2", "2026-11-01 11:00:00", "女", "非常满意", "满意"},
	)
	var got []string
	for _, q := range p.Questions {
		got = append(got, q.Key+":"+string(q.Type))
	}
	if strings.Join(got, " ") != "Q1:single Q2.1:matrix Q2.2:matrix" {
		t.Errorf("questions = %v", got)
	}
}

func TestRepeatedHeaderAndExcelErrors(t *testing.T) {
	header := []string{"序号", "提交答卷时间", "1、满意度"}
	p := previewMem(t, Auto, header,
		[]string{"1", "2026-11-01 10:00:00", "满意"},
		header,
		[]string{"2", "2026-11-01 11:00:00", "#N/A"},
	)
	if p.Rows != 2 || strings.Join(p.Warnings, "|") != "第3行与表头相同（可能是两次导出拼接而成），已跳过|1 个单元格是 Excel 错误值（如 #N/A），按未作答处理" {
		t.Errorf("rows %d, warnings %q", p.Rows, p.Warnings)
	}
	if opts := strings.Join(p.Questions[0].Options, ","); opts != "满意" {
		t.Errorf("options = %s", opts)
	}
}
