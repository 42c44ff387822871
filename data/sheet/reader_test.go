package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

func readAll(t *testing.T, path string, lim Limits) result {
	t.Helper()
	return collect(Open(path, lim))
}

func TestCSVFiles(t *testing.T) {
	tests := []struct {
		file string
		rows [][]string
		nums []int
	}{
		{"bom.csv", [][]string{{"序号", "1、题目"}, {"1", "含,逗号"}, {"2", "多\n行"}}, []int{1, 2, 3}},
		{"gbk.csv", [][]string{{"序号", "提交答卷时间", "1、您的性别"}, {"1", "2026/3/5 9:07:01", "男"}, {"2", "2026/3/5 9:08:01", "女"}}, []int{1, 2, 3}},
		{"tencent.csv", [][]string{{"编号", "开始答题时间", "1.您的性别"}, {"1", "02-Feb-2021 20:26:58", "男"}, {"2", "02-Feb-2021 20:27:58", "女"}}, []int{1, 2, 3}},
		{"title_row.csv", [][]string{{"某市调查问卷导出"}, {"序号", "1、题目"}, {"1", "A"}}, []int{1, 3, 4}},
		{"unicode_text.txt", [][]string{{"id", "submitdate", "Q1[SQ001]"}, {"1", "2026-03-05 09:07:01", "是"}}, []int{1, 2}},
	}
	for _, tt := range tests {
		got := readAll(t, filepath.Join("testdata", tt.file), Limits{})
		want := result{Rows: tt.rows, Nums: tt.nums}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", tt.file, dump(got), dump(want))
		}
	}
}

func TestXLSXFiles(t *testing.T) {
	got := readAll(t, "testdata/survey.xlsx", Limits{})
	if got.Err != "" || len(got.Rows) != 42 {
		t.Fatalf("survey.xlsx: %d rows, err %q", len(got.Rows), got.Err)
	}
	if got.Nums[0] != 1 || got.Rows[0][0] != "某市政策落实情况满意度调查" || got.Nums[1] != 3 || got.Rows[1][1] != "提交答卷时间" {
		t.Errorf("title row and header: %q %q", got.Rows[0], got.Rows[1])
	}
	if got := readAll(t, "testdata/zero_rows.xlsx", Limits{}); got.Err != "" || len(got.Rows) != 0 {
		t.Errorf("zero_rows.xlsx: %s", dump(got))
	}
	if got := readAll(t, "testdata/second_sheet.xlsx", Limits{}); len(got.Rows) != 1 || got.Rows[0][0] != "first sheet" {
		t.Errorf("second_sheet.xlsx: %s", dump(got))
	}
	want := [][]string{{"编号", "开始答题时间", "1.您的性别", "2.满意度"}, {"1", "2021-02-02 20:26:02", "男", "2"}}
	if got := readAll(t, "testdata/stream.xlsx", Limits{}); !reflect.DeepEqual(got.Rows[:2], want) {
		t.Errorf("stream.xlsx: %q", got.Rows[:2])
	}
}

func TestLongCell(t *testing.T) {
	for _, f := range []string{"long_cell.xlsx", "long_cell.csv"} {
		got := readAll(t, filepath.Join("testdata", f), Limits{})
		if got.Err != "" || len(got.Rows) != 2 || utf8.RuneCountInString(got.Rows[1][1]) != 40000 {
			t.Errorf("%s: err %q, %d rows", f, got.Err, len(got.Rows))
		}
		got = readAll(t, filepath.Join("testdata", f), Limits{MaxCellBytes: 1000})
		if !strings.Contains(got.Err, "第2行第B列") || !strings.Contains(got.Err, "过长") {
			t.Errorf("%s over MaxCellBytes: %q", f, got.Err)
		}
	}
}

func TestLimits(t *testing.T) {
	for _, f := range []string{"testdata/survey.xlsx", "testdata/bom.csv"} {
		if got := readAll(t, f, Limits{MaxRows: 2}); !strings.Contains(got.Err, "第3行") || !strings.Contains(got.Err, "2 行") {
			t.Errorf("%s MaxRows: %q", f, got.Err)
		}
		if got := readAll(t, f, Limits{MaxCols: 1}); !strings.Contains(got.Err, "第B列") {
			t.Errorf("%s MaxCols: %q", f, got.Err)
		}
	}
}

func TestBrokenFiles(t *testing.T) {
	tests := []struct {
		file, want string
		lim        Limits
	}{
		{"broken_truncated.xlsx", "损坏", Limits{}},
		{"broken_png.xlsx", "不是有效的 xlsx", Limits{}},
		{"broken_png.csv", "二进制", Limits{}},
		{"broken_empty.xlsx", "空", Limits{}},
		{"broken_empty.csv", "空", Limits{}},
		{"broken_quote.csv", "第3行：双引号不配对", Limits{}},
		{"broken_bomb.xlsx", "解压后超过 10 MiB", Limits{MaxUnzipBytes: 10 << 20}},
		{"raw_sst_index.xlsx", "第2行", Limits{}},
	}
	for _, tt := range tests {
		got := readAll(t, filepath.Join("testdata", tt.file), tt.lim)
		if !strings.Contains(got.Err, tt.want) || !strings.Contains(got.Err, tt.file) {
			t.Errorf("%s: error %q, want it to name the file and say %q", tt.file, got.Err, tt.want)
		}
	}
	// The zip bomb within the default limit reads fine (the limit is what stops it).
	if got := readAll(t, "testdata/broken_bomb.xlsx", Limits{}); got.Err != "" || len(got.Rows) != 1 {
		t.Errorf("bomb under the default limit: %s", dump(got))
	}
	// The excelize path enforces the same limit.
	got := readExcelize("testdata/broken_bomb.xlsx", Limits{MaxUnzipBytes: 10 << 20})
	if !strings.Contains(got.Err, "解压后超过") {
		t.Errorf("excelize path, bomb: %q", got.Err)
	}
	var e *Error
	if _, err := Open("testdata/broken_png.xlsx", Limits{}); !errors.As(err, &e) || e.File != "broken_png.xlsx" {
		t.Errorf("want a *sheet.Error naming the file, got %#v", err)
	}
}

func TestDates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"序号", "提交答卷时间", "分数", "bool"})
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 22})
	clock, _ := f.NewStyle(&excelize.Style{NumFmt: 21})
	f.SetSheetRow("Sheet1", "A3", &[]any{1, 46086.380219907405, 3.5, true, 0.5, "45000"})
	f.SetCellStyle("Sheet1", "B3", "B3", date)
	f.SetCellStyle("Sheet1", "E3", "F3", clock)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"序号", "提交答卷时间", "分数", "bool"}, {"1", "2026-03-05 09:07:31", "3.5", "1", "12:00:00", "45000"}}
	for name, res := range map[string]result{"fast": readFast(path, Limits{}), "excelize": readExcelize(path, Limits{})} {
		if !reflect.DeepEqual(res.Rows, want) || !reflect.DeepEqual(res.Nums, []int{1, 3}) {
			t.Errorf("%s: got %s", name, dump(res))
		}
	}
}

func TestProgressAndCleanup(t *testing.T) {
	for _, f := range []string{"testdata/survey.xlsx", "testdata/gbk.csv"} {
		r, err := Open(f, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
		}
		if done, total := Progress(r); total <= 0 || done != total {
			t.Errorf("%s: progress %d/%d at the end", f, done, total)
		}
		r.Close()
		if err := r.Close(); err != nil {
			t.Errorf("%s: second Close: %v", f, err)
		}
	}
	x, err := openXLSX("testdata/survey.xlsx", "survey.xlsx", Limits{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	dir := x.(*excelizeReader).tmpDir
	x.Next()
	x.Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("temp dir %s left behind", dir)
	}
}

func TestCloseEarly(t *testing.T) {
	// Closing before the end must stop the goroutines and say the read did not finish.
	for _, f := range []string{"testdata/survey.xlsx", "testdata/bom.csv", "testdata/raw_cdata_comment.xlsx"} {
		r, err := Open(f, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		r.Next()
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		if r.Next() || r.Err() == nil {
			t.Errorf("%s: Next after Close, or no error", f)
		}
	}
}
