package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
)

// Hold-out regressions: exports written independently of the package's own generator, each of which
// was once read wrongly. The files in testdata/holdout are small hand-written CSVs.
func TestHoldoutExports(t *testing.T) {
	cases := []struct {
		file   string
		format ingest.Format
		keys   string   // question keys and types in order
		check  []string // "key row answer": response row (0-based) answers question key with answer
	}{
		// 问卷星 code export with an open question: the open text must not make it a text export.
		{"wjx_code_opentext.csv", ingest.WJXCode, "Q1:single Q2:single Q3:multi Q4:text",
			[]string{"Q3 0 政府网站", "Q3 1 微信┋其他", "Q2 2 ", "Q4 1 "}},
		// Code export with 提交答卷时间 as its only meta column: still 问卷星, expanded groups kept whole.
		{"wjx_code_submit_only.csv", ingest.WJXCode, "Q1:single Q2:multi Q3:ranking Q4.1:matrix Q4.2:matrix Q5:single",
			[]string{"Q2 1 报纸", "Q3 3 加强宣传┋扩大范围┋简化流程", "Q1 2 "}},
		// Text export with 提交答卷时间 as its only meta column.
		{"wjx_text_submit_only.csv", ingest.WJXText, "Q1:single Q2:single Q3:multi Q3.other:text Q4:ranking Q5:rating Q6:text Q7:single Q8:single",
			[]string{"Q3 2 其他┋政府网站", "Q3.other 2 社区宣传栏"}},
		// Text export whose matrix holds scale numbers: stays a text export.
		{"wjx_text_matrix_scale.csv", ingest.WJXText, "Q1:single Q2.1:matrix Q2.2:matrix Q3:text",
			[]string{"Q2.2 0 5", "Q1 1 女"}},
		// An empty unnamed column (left over in the sheet) must not turn Q2 into matrix rows.
		{"wjx_blank_column.csv", ingest.WJXText, "Q1:single Q2:single",
			[]string{"Q2 0 好", "Q1 1 女"}},
		// Unnamed columns with content take no question number of the export's: they are Q0, Q0#2.
		{"wjx_unnamed_columns.csv", ingest.WJXText, "Q1:single Q0:single Q2:single Q0#2:single Q3.1:matrix Q3.2:matrix",
			[]string{"Q0 0 备注甲", "Q2 0 好", "Q0#2 1 备注乙", "Q3.2 1 满意"}},
		// LimeSurvey multiple choice exported with "convert Y to 1 / N to 0".
		{"lime_multi_10.csv", ingest.LimeSurvey, "Q1:multi Q2:single",
			[]string{"Q1 0 SQ001", "Q1 1 SQ002┋SQ003"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			ctx := context.Background()
			s, err := store.Open(filepath.Join(t.TempDir(), "w.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			pid, err := s.AddPolicy(ctx, data.Policy{Title: "测试政策", Dept: "测试局", Category: "其他"})
			if err != nil {
				t.Fatal(err)
			}
			sum, err := ingest.Import(ctx, s, ingest.Options{PolicyID: pid, Path: filepath.Join("testdata", "holdout", c.file)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Format != c.format {
				t.Errorf("format = %s, want %s", sum.Format, c.format)
			}
			r, err := s.ResolveRound(ctx, pid, "")
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.SurveyData(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, q := range d.Questions {
				keys = append(keys, q.Key+":"+string(q.Type))
			}
			if got := strings.Join(keys, " "); got != c.keys {
				t.Errorf("questions = %s, want %s", got, c.keys)
			}
			for _, ch := range c.check {
				f := strings.SplitN(ch, " ", 3)
				i, ok := data.FindQuestion(d.Questions, f[0])
				row := int(f[1][0] - '0')
				if !ok || row >= len(d.Responses) {
					t.Errorf("%s: no question %s or row %d", c.file, f[0], row)
					continue
				}
				if got := d.Responses[row].Answers[i]; got != f[2] {
					t.Errorf("%s row %d = %q, want %q", f[0], row, got, f[2])
				}
			}
		})
	}
}

// A 1904-system workbook (Mac Excel) whose submit time is a date serial without a date format.
func TestHoldout1904Serial(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pid, err := s.AddPolicy(ctx, data.Policy{Title: "测试政策", Dept: "测试局", Category: "其他"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: pid, Path: filepath.Join("testdata", "holdout", "wjx_1904_serial.xlsx")}, nil); err != nil {
		t.Fatal(err)
	}
	r, err := s.ResolveRound(ctx, pid, "")
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.SurveyData(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Responses) != 1 {
		t.Fatalf("%d responses, want 1", len(d.Responses))
	}
	// Serial 46086.4309… counts from 1904-01-01 here: 2030-03-06, not 2026-03-05.
	if got, want := d.Responses[0].Submitted.In(data.Beijing).Format(data.SurveyTimeLayout), "2030-03-06 10:20:30"; got != want {
		t.Errorf("submitted = %s, want %s", got, want)
	}
}
