package sheet

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The .xls files in testdata/xls are made by `go run ./testdata/xls/gen` (LibreOffice saves them).

func xlsFile(name string) string { return filepath.Join("testdata", "xls", name) }

// TestXLSMatchesLibreOfficeXLSX: the 问卷星 text export as LibreOffice saves it as .xls reads exactly as
// the .xlsx LibreOffice converts that .xls to, row for row and cell for cell.
func TestXLSMatchesLibreOfficeXLSX(t *testing.T) {
	got := readAll(t, xlsFile("wjx_text.xls"), Limits{})
	want := readAll(t, xlsFile("wjx_text_lo.xlsx"), Limits{})
	if got.Err != "" || want.Err != "" {
		t.Fatalf("errors: xls %q, xlsx %q", got.Err, want.Err)
	}
	if len(got.Rows) != 301 || !reflect.DeepEqual(got.Nums, want.Nums) {
		t.Fatalf("xls: %d rows, xlsx: %d rows; numbers equal: %v", len(got.Rows), len(want.Rows), reflect.DeepEqual(got.Nums, want.Nums))
	}
	for i := range want.Rows {
		if !reflect.DeepEqual(got.Rows[i], want.Rows[i]) {
			t.Errorf("row %d:\n xls  %q\n xlsx %q", got.Nums[i], got.Rows[i], want.Rows[i])
		}
	}
	// Equal cell keys (shared string indexes) mean equal texts.
	r, err := Open(xlsFile("wjx_text.xls"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[int32]string{}
	for r.Next() {
		keys := CellKeys(r)
		if len(keys) != len(r.Row()) {
			t.Fatalf("row %d: %d keys for %d cells", r.RowNum(), len(keys), len(r.Row()))
		}
		for i, k := range keys {
			if was, ok := byKey[k]; k >= 0 && ok && was != r.Row()[i] {
				t.Fatalf("key %d is %q and %q", k, was, r.Row()[i])
			}
			byKey[k] = r.Row()[i]
		}
	}
	r.Close()
	if len(byKey) < 256 {
		t.Errorf("%d distinct shared strings, want more than 255 (the table needs CONTINUE records)", len(byKey))
	}
	// What the cells are, not only that both readers agree.
	head := []string{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
		"1、您的性别", "2、您对政务服务的总体满意度", "3、您办理过哪些业务（多选）", "4、您对本政策的意见建议", "5、您的家庭月收入（万元）"}
	checks := []struct {
		row  int // index into rows
		want []string
	}{
		{0, head},
		{1, []string{"1", "2026-11-02 09:06:37", "67秒", "微信", "直接访问", "112.10.0.1(北京-海淀)", "女", "一般", "不动产登记", "窗口工作人员态度很好，点赞（第1位受访者）", "0.8"}},
		{3, []string{"3", "2026-11-02 09:19:51", "81秒", "手机提交", "直接访问", "112.10.0.3(河北-廊坊)", "女", "满意", "公积金提取┋户籍办理", "建议延长周末办公时间（第3位受访者）", "3"}},
		{5, []string{"5", "2026-11-02 09:33:05", "95秒", "链接", "直接访问", "112.10.0.5(北京-朝阳)", "女", "非常满意", "户籍办理", "", "0.1"}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(got.Rows[c.row], c.want) {
			t.Errorf("row %d:\n got %q\nwant %q", got.Nums[c.row], got.Rows[c.row], c.want)
		}
	}
	if long := got.Rows[7][9]; utf8.RuneCountInString(long) != 5250 || !strings.HasPrefix(long, "对营商环境政策的详细意见") {
		t.Errorf("row 8's 5,250-character opinion: %d characters", utf8.RuneCountInString(long))
	}
	if r := got.Rows[13]; len(r) != 10 { // answer 13 left the last (number) question empty: trimmed
		t.Errorf("row 14: %d cells %q", len(r), r)
	}
}

// TestXLSInsideIsText: 问卷星 .xls downloads that are an HTML table or GBK tab-separated text.
func TestXLSInsideIsText(t *testing.T) {
	html := readAll(t, xlsFile("wjx_html.xls"), Limits{})
	wantHTML := [][]string{
		{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、您的性别", "2、您对政务服务的总体满意度", "3、您办理过哪些业务（多选）", "4、您对本政策的意见建议"},
		{"1", "2026/11/2 10:11:12", "123秒", "微信", "112.10.1.1(北京-朝阳)", "男", "满意", "企业开办┋社保办理", "流程<简化>&提速\n第二行意见"},
		{"2", "2026/11/2 10:15:40", "2分3秒", "手机提交", "112.10.1.2(北京-海淀)", "女", "非常满意", "其他〖跨区通办〗"},
		{"3", "2026/11/2 10:20:05", "45秒", "链接", "112.10.1.3", "（未作答）", "", "税务申报", "希望 多开窗口"},
	}
	if html.Err != "" || !reflect.DeepEqual(html.Rows, wantHTML) || !reflect.DeepEqual(html.Nums, []int{1, 2, 3, 4}) {
		t.Errorf("wjx_html.xls:\n got %s\nwant %q", dump(html), wantHTML)
	}
	if gbk := readAll(t, xlsFile("wjx_html_gbk.xls"), Limits{}); gbk.Err != "" || !reflect.DeepEqual(gbk.Rows, wantHTML) {
		t.Errorf("wjx_html_gbk.xls (GBK, no charset named):\n got %s", dump(gbk))
	}
	tsv := readAll(t, xlsFile("wjx_tsv.xls"), Limits{})
	if tsv.Err != "" || len(tsv.Rows) != 4 || tsv.Rows[1][7] != "企业开办┋社保办理" || tsv.Rows[0][5] != "1、您的性别" || len(tsv.Rows[2]) != 8 {
		t.Errorf("wjx_tsv.xls: %s", dump(tsv))
	}
}

// TestXLSRefused: cut, password-protected and encrypted files are refused whole, with what to do.
func TestXLSRefused(t *testing.T) {
	tests := []struct{ file, want string }{
		{"broken_truncated.xls", "文件「broken_truncated.xls」：文件已损坏或不完整"},
		{"password_filepass.xls", "加了密码"},
		{"password_ooxml.xls", "加了密码"},
	}
	for _, tt := range tests {
		got := readAll(t, xlsFile(tt.file), Limits{})
		if !strings.Contains(got.Err, tt.want) || strings.Contains(got.Err, "旧版") || len(got.Rows) != 0 {
			t.Errorf("%s: %d rows, err %q; want %q", tt.file, len(got.Rows), got.Err, tt.want)
		}
	}
	// Every cut of the file is refused, or (cut in the unused tail of the container) read whole.
	data, err := os.ReadFile(xlsFile("wjx_text.xls"))
	if err != nil {
		t.Fatal(err)
	}
	full := readAll(t, xlsFile("wjx_text.xls"), Limits{})
	for cut := 512; cut < len(data); cut += 4093 {
		path := filepath.Join(t.TempDir(), "cut.xls")
		if err := os.WriteFile(path, data[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		got := readAll(t, path, Limits{})
		if got.Err == "" && !reflect.DeepEqual(got.Rows, full.Rows) {
			t.Fatalf("cut at %d: %d rows read without an error", cut, len(got.Rows))
		}
	}
}

// TestXLSLimits: the same bounds as xlsx, named by row and column.
func TestXLSLimits(t *testing.T) {
	tests := []struct {
		lim  Limits
		want string
	}{
		{Limits{MaxRows: 100}, "第101行：超过 100 行的上限"},
		{Limits{MaxCols: 5}, "第1行第F列：超过 5 列的上限"},
		{Limits{MaxCellBytes: 10000}, "第8行第J列：单元格内容过长（15750 字节，上限 10000）"},
		{Limits{MaxSharedBytes: 20000}, "超过 0 MiB 的上限"},
	}
	for _, tt := range tests {
		got := readAll(t, xlsFile("wjx_text.xls"), tt.lim)
		if !strings.Contains(got.Err, tt.want) {
			t.Errorf("%+v: err %q, want %q", tt.lim, got.Err, tt.want)
		}
	}
}

// FuzzXLS feeds arbitrary bytes as an .xls: never a panic, every error an *Error, rows as Reader promises.
// (Seeded with small files: the fuzzer minimises every new input, which takes minutes on a 100 KB one.)
func FuzzXLS(f *testing.F) {
	for _, name := range []string{"wjx_small.xls", "wjx_html.xls", "wjx_tsv.xls"} {
		if b, err := os.ReadFile(xlsFile(name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.xls")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		checkReader(t, path, Limits{MaxRows: 1000, MaxCols: 200, MaxCellBytes: 1 << 16})
	})
}
