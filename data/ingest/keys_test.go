package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

// Issue 12, patterns 1, 2 and 4: question keys stay the export's numbers, system and personal columns
// are not questions, hand-made headers are found. Files from testdata/gen (writeKeyShapes).

func keysOf(d *data.SurveyData) string {
	var out []string
	for _, q := range d.Questions {
		out = append(out, q.Key+":"+string(q.Type))
	}
	return strings.Join(out, " ")
}

func hasWarning(ws []string, part string) bool {
	for _, w := range ws {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

func TestIssue12Keys(t *testing.T) {
	cases := []struct {
		file, format, keys string
		warnings           []string // parts of warnings that must be there
	}{
		// 姓名 and 联系电话 before the questions took Q1 and Q2 (the export's 1、您的年龄段 became Q1.2).
		{"wjx_name_first.csv", "wjx-text", "Q5:single Q1:single Q2:single Q3:multi Q4:text P1:meta P2:meta",
			[]string{"「所在街道」没有题号，编为 Q5", "「姓名」「联系电话」是个人信息"}},
		// "您的职业 [Other]" took number 3: questions 3–7 became Q4–Q8.
		{"limesurvey_other_text.csv", "limesurvey", "Q1:single Q2:single Q2.other:text Q3:single Q4:single Q5:single Q6:single Q7:text", nil},
		// "id. Response ID"… and timings were questions (and the header was taken from the first data row).
		{"limesurvey_codetext.csv", "limesurvey", "Q1:single Q2:single Q2.other:text Q3.1:matrix Q3.2:matrix Q4:text", nil},
		{"wjx_no_numbers.csv", "wjx-text", "Q1:single Q2:single Q3:multi Q4:single Q5:text", []string{"都没有题号", "Q1–Q5"}},
		// The 2016 matrix's bare row headers took numbers 3, 4, 5 (and pushed 3、 and 4、 into matrix rows).
		{"wjx_2016_matrix.csv", "wjx-text", "Q1:single Q2.1:matrix Q2.2:matrix Q2.3:matrix Q2.4:matrix Q3:single Q4:text",
			[]string{"第2题后的 3 列（服务态度、办事效率、窗口环境）没有题号，按第2题的子项读取为 Q2.2–Q2.4"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			s, pid := newStore(t)
			sum, d := importFile(t, s, pid, c.file, Auto)
			if string(sum.Format) != c.format {
				t.Errorf("format = %s, want %s", sum.Format, c.format)
			}
			if got := keysOf(d); got != c.keys {
				t.Errorf("keys = %s\nwant   %s", got, c.keys)
			}
			for _, w := range c.warnings {
				if !hasWarning(sum.Warnings, w) {
					t.Errorf("no warning %q in %q", w, sum.Warnings)
				}
			}
			for _, q := range d.Questions {
				if strings.Contains(q.Key, "#") && !hasWarning(sum.Warnings, q.Key) {
					t.Errorf("key %s made unique without a warning", q.Key)
				}
			}
		})
	}
}

func TestIssue12KeyAnswers(t *testing.T) {
	s, pid := newStore(t)
	_, d := importFile(t, s, pid, "wjx_2016_matrix.csv", Auto)
	if got := questionOf(t, d, "Q2.3").Text; got != "2、您对办事大厅以下方面的评价—办事效率" {
		t.Errorf("Q2.3 text = %q", got)
	}
	if got := answer(t, d, 0, "Q2.3"); got != "非常满意" { // row 1, column I
		t.Errorf("Q2.3 of response 1 = %q", got)
	}
	_, d = importFile(t, s, pid, "limesurvey_other_text.csv", Auto)
	if got := questionOf(t, d, "Q7").Text; got != "您的建议" {
		t.Errorf("Q7 = %q, want the export's 7th question 您的建议", got)
	}
	_, d = importFile(t, s, pid, "limesurvey_codetext.csv", Auto)
	if r := d.Responses[0]; r.Duration <= 0 || r.Submitted.IsZero() || r.IP == "" {
		t.Errorf("LimeSurvey metadata lost: %+v", r)
	}
}

// Same numbers on columns that are not rows of one matrix, and keys made unique: warned.
func TestIssue12SameNumberWarned(t *testing.T) {
	p := previewMem(t, Auto,
		[]string{"序号", "提交答卷时间", "1、您的性别", "2、您的年龄", "2、您的职业", "3、(网站)", "3、(APP)", "3、您常用的渠道"},
		[]string{"1", "2026-11-01 10:00:00", "男", "35", "教师", "1", "0", "网站"},
		[]string{"2", "2026-11-01 11:00:00", "女", "42", "医生", "0", "1", "APP"},
	)
	if !hasWarning(p.Warnings, "第2题有 2 列（「2、您的年龄」「2、您的职业」），按同一题的各行读取为 Q2.1–Q2.2") {
		t.Errorf("warnings = %q", p.Warnings)
	}
	for _, q := range p.Questions {
		if strings.Contains(q.Key, "#") && !hasWarning(p.Warnings, q.Key) {
			t.Errorf("key %s without a warning: %q", q.Key, p.Warnings)
		}
	}
}

// A bare column after a question that is no matrix stem is a column of its own, numbered after the
// export's numbers: question 2 keeps its key.
func TestIssue12BareColumnAfterPlainQuestion(t *testing.T) {
	p := previewMem(t, Auto,
		[]string{"序号", "提交答卷时间", "1、您的性别", "2、您对政策还有什么建议", "备注"},
		[]string{"1", "2026-11-01 10:00:00", "男", "希望简化流程", "电话回访"},
		[]string{"2", "2026-11-01 11:00:00", "女", "无", ""},
	)
	var got []string
	for _, q := range p.Questions {
		got = append(got, q.Key)
	}
	if strings.Join(got, " ") != "Q1 Q2 Q3" || !hasWarning(p.Warnings, "「备注」没有题号，编为 Q3") {
		t.Errorf("keys %v, warnings %q", got, p.Warnings)
	}
}

// A hand-made sheet with 开始时间/结束时间 is no 问卷网 export.
func TestIssue12TimesAloneAreNoWenjuan(t *testing.T) {
	p := previewMem(t, Auto,
		[]string{"开始时间", "结束时间", "您的身份", "您对窗口服务是否满意"},
		[]string{"2026-11-01 10:00:00", "2026-11-01 10:03:00", "企业", "满意"},
		[]string{"2026-11-01 11:00:00", "2026-11-01 11:02:00", "群众", "一般"},
	)
	if p.Format != Generic || len(p.Warnings) != 0 {
		t.Errorf("format %s, warnings %q", p.Format, p.Warnings)
	}
}

func TestIssue12SystemColumns(t *testing.T) {
	cases := []struct {
		file, format, keys string
		personal           int
		meta               map[string]string // header → use
	}{
		{"txdocs_form.csv", "txdocs", "Q1:single Q2:single Q3:single Q4:text P1:meta P2:meta", 2,
			map[string]string{"提交者（自动）": "respondent", "提交时间（自动）": "submitted", "姓名": "personal", "手机号码": "personal"}},
		{"wenjuan_gbk.csv", "wenjuan", "Q1:single Q2:multi Q3.1:matrix Q3.2:matrix Q4:text P1:meta P2:meta P3:meta P4:meta P5:meta P6:meta", 6,
			map[string]string{"答卷编号": "respondent", "答题时间": "submitted", "开始时间": "start", "答题时长": "duration", "IP地址": "ip",
				"昵称(微信)": "personal", "证件号": "personal", "邮件": "personal"}},
		{"limesurvey_codetext.csv", "limesurvey", "", 0,
			map[string]string{"id. Response ID": "respondent", "submitdate. Date submitted": "submitted", "startdate. Date started": "start",
				"ipaddr. IP address": "ip", "interviewtime. Total time": "duration", "groupTime12. Group time: 基本情况": "ignored",
				"ageTime. Question time: age": "ignored", "lastpage. Last page": "ignored", "refurl. Referrer URL": "source"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			p, err := Preview(filepath.Join("testdata", c.file), Auto)
			if err != nil {
				t.Fatal(err)
			}
			if string(p.Format) != c.format {
				t.Errorf("format = %s, want %s", p.Format, c.format)
			}
			use := map[string]string{}
			for _, m := range p.Meta {
				use[m.Header] = m.Use
			}
			for h, want := range c.meta {
				if use[h] != want {
					t.Errorf("%s: use %q, want %q (meta %v)", h, use[h], want, p.Meta)
				}
			}
			if c.keys == "" {
				return
			}
			s, pid := newStore(t)
			sum, d := importFile(t, s, pid, c.file, Auto)
			if got := keysOf(d); got != c.keys {
				t.Errorf("keys = %s\nwant   %s", got, c.keys)
			}
			if sum.Personal != c.personal || sum.Questions != strings.Count(c.keys, "Q") {
				t.Errorf("personal %d, questions %d", sum.Personal, sum.Questions)
			}
			if r := d.Responses[0]; r.Submitted.IsZero() || r.Respondent == "" {
				t.Errorf("metadata lost: %+v", r)
			}
		})
	}
}

func TestIssue12WenjuanPersonalKeptApart(t *testing.T) {
	s, pid := newStore(t)
	_, d := importFile(t, s, pid, "wenjuan_gbk.csv", Auto)
	if got := answer(t, d, 0, "证件号"); got != "110105198001011000" {
		t.Errorf("证件号 stored as %q", got)
	}
	if q := questionOf(t, d, "证件号"); q.Type != data.QMeta || strings.HasPrefix(q.Key, "Q") {
		t.Errorf("证件号 is question %s of type %s", q.Key, q.Type)
	}
	if got := answer(t, d, 0, "Q2"); got == "" {
		t.Errorf("Q2 multi-select of response 1 is empty")
	}
}

func TestIssue12HandMadeHeader(t *testing.T) {
	const keys = "Q1:single Q2.1:matrix Q2.2:matrix Q2.3:matrix Q3.1:matrix Q3.2:matrix Q4:single Q5:text"
	for _, c := range []struct {
		file    string
		row     int
		warning string
	}{
		{"handmade_satisfaction.xlsx", 2, "第2行和第3行是两行表头"},
		{"handmade_notitle.xlsx", 1, "第1行第A列的表头是数字 1，下方都是整数，按“序号”列读取"},
	} {
		t.Run(c.file, func(t *testing.T) {
			s, pid := newStore(t)
			sum, d := importFile(t, s, pid, c.file, Auto)
			if got := keysOf(d); got != keys {
				t.Errorf("keys = %s\nwant   %s", got, keys)
			}
			if sum.Rows != 14 || sum.HeaderRow != c.row || sum.HeaderRows != 2 || !hasWarning(sum.Warnings, c.warning) {
				t.Errorf("rows %d, header row %d (%d rows), warnings %q", sum.Rows, sum.HeaderRow, sum.HeaderRows, sum.Warnings)
			}
			if got := questionOf(t, d, "Q2.3").Text; got != "工作环境—食堂" {
				t.Errorf("Q2.3 = %q", got)
			}
			if got := questionOf(t, d, "Q4").Text; got != "总体满意度" {
				t.Errorf("Q4 = %q", got)
			}
			if d.Responses[13].Respondent != "14" {
				t.Errorf("序号 of the last row = %q", d.Responses[13].Respondent)
			}
		})
	}
}

func TestIssue12PickHeaderRow(t *testing.T) {
	path := filepath.Join("testdata", "handmade_satisfaction.xlsx")
	p, err := PreviewAt(path, Auto, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.HeaderRow != 2 || p.HeaderRows != 2 {
		t.Errorf("detected header row %d (%d rows)", p.HeaderRow, p.HeaderRows)
	}
	// The user picks row 3 (the sub-items) as the header: read as asked, so columns H and I have no header.
	if _, err = PreviewAt(path, Auto, 3); err == nil || !strings.Contains(err.Error(), "第4行第H列：该列没有表头") {
		t.Errorf("picked row 3: %v", err)
	}
	if _, err := PreviewAt(path, Auto, 99); err == nil || !strings.Contains(err.Error(), "第99行不能作表头") {
		t.Errorf("row 99: %v", err)
	}
	s, pid := newStore(t)
	if _, err := Import(context.Background(), s, Options{PolicyID: pid, Path: path, HeaderRow: 1}, nil); err == nil {
		t.Errorf("the title row as header imported without an error")
	}
}
