package sheet

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// Files from a black-box tester (testdata/bug*): broken files that were read in part, or wrongly, without
// an error. Both xlsx paths must refuse them with an error that says what is wrong.
func TestHoldoutBrokenXLSX(t *testing.T) {
	cases := []struct{ file, want string }{
		{"broken_bug6_truncated_mid_row.xlsx", "工作表内容不完整"},
		{"broken_bug6b_truncated_at_row.xlsx", "工作表内容不完整"},
		{"broken_bug6c_mismatched_tags.xlsx", "工作表内容不完整"},
	}
	for _, c := range cases {
		path := filepath.Join("testdata", c.file)
		for name, read := range map[string]func(string, Limits) result{"fast": readFast, "excelize": readExcelize} {
			res := read(path, Limits{})
			if !strings.Contains(res.Err, c.want) {
				t.Errorf("%s (%s): err %q, want it to contain %q (rows %v)", c.file, name, res.Err, c.want, res.Nums)
			}
		}
		res := collect(Open(path, Limits{}))
		if !strings.Contains(res.Err, c.want) {
			t.Errorf("%s (Open): err %q, want %q", c.file, res.Err, c.want)
		}
	}
}

// bug7: <c t="s"><v>abc</v></c> read as shared string 0 (the header) without a word. The fast path names
// the cell; excelize alone still reads string 0 (documented in the package comment).
func TestHoldoutSharedIndexNotNumber(t *testing.T) {
	res := collect(Open(filepath.Join("testdata", "broken_bug7_sst_index_not_a_number.xlsx"), Limits{}))
	if !strings.Contains(res.Err, "共享文本编号") || !strings.Contains(res.Err, "列") {
		t.Fatalf("err %q, want the cell named and the index refused (rows %v)", res.Err, res.Rows)
	}
	t.Log(res.Err)
}

// bug4: a shared string of hundreds of MB (a few hundred KB zipped) was read whole (GBs of memory, by
// excelize after the fast path gave up) before the cell limit fired. The fast path now stops at a bound
// and refuses the file itself, in plain text and in rich text runs, and for an inline cell names it.
func TestHoldoutHugeString(t *testing.T) {
	lim := Limits{MaxCellBytes: 1 << 10} // bound: 8 KiB + 1 MiB of one text
	huge := strings.Repeat("x", 4<<20)
	runs := strings.Repeat("<r><t>"+strings.Repeat("y", 1000)+"</t></r>", 4000)
	dir := t.TempDir()
	cases := []struct{ name, sst, sheet, want string }{
		{"plain", `<si><t>` + huge + `</t></si>`, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, "共享文本中有一段内容超过"},
		{"runs", `<si>` + runs + `</si>`, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, "共享文本中有一段内容超过"},
		{"inline", `<si><t>a</t></si>`, `<row r="3"><c r="B3" t="inlineStr"><is><t>` + huge + `</t></is></c></row>`, "第3行第B列：单元格内容过长"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name+".xlsx")
		data := rawXLSX(map[string]string{"xl/sharedStrings.xml": sstXML(c.sst), "xl/worksheets/sheet1.xml": sheetXML(c.sheet)})
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res := readFast(path, lim)
		if res.FellBack || !strings.Contains(res.Err, c.want) {
			t.Errorf("%s: fell back %v, err %q, want %q", c.name, res.FellBack, res.Err, c.want)
		}
	}
}

// bug3: a UTF-8 CSV with one damaged byte sequence was decoded whole as GB18030 (mojibake, no error).
// It is read as UTF-8 and the damaged cell named; a GBK export is still read as GBK.
func TestHoldoutUTF8OneBadByte(t *testing.T) {
	res := collect(Open(filepath.Join("testdata", "broken_bug3_utf8_one_bad_byte.csv"), Limits{}))
	if !strings.Contains(res.Err, "列：含有无法识别的字符") || len(res.Rows) == 0 || res.Rows[0][0] != "序号" {
		t.Fatalf("err %q, rows %q", res.Err, res.Rows)
	}
	t.Log(res.Err)
	gbk := collect(Open(filepath.Join("testdata", "gbk.csv"), Limits{}))
	if gbk.Err != "" || len(gbk.Rows) == 0 || !utf8.ValidString(strings.Join(gbk.Rows[0], "")) {
		t.Fatalf("gbk.csv: %s", dump(gbk))
	}
}

// bug15: a UTF-8 header and a row of stray 0x80/0xFF bytes (valid in neither UTF-8 nor GB18030) was
// decoded whole as GB18030 with no error; it is read as UTF-8 and the broken cell named.
func TestHoldoutStrayBytes(t *testing.T) {
	res := collect(Open(filepath.Join("testdata", "broken_bug15_stray_bytes.csv"), Limits{}))
	if !strings.Contains(res.Err, "含有无法识别的字符") || len(res.Rows) == 0 || res.Rows[0][0] != "1、性别" {
		t.Fatalf("err %q, rows %q", res.Err, res.Rows)
	}
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"abc", true}, {"\xc4\xe3\xba\xc3", true}, {"\x81\x30\x81\x30", true}, {"\xc4", true},
		{"\x80\x80", false}, {"\xff\xfe", false}, {"\x81\x30\x20\x30", false}, {"\xc4\x20", false},
	} {
		if got := looksGB18030([]byte(c.in)); got != c.want {
			t.Errorf("looksGB18030(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// bug11 (CR-only line ends read as one header line) and bug12 (';'-separated read as one column).
func TestHoldoutCSVShapes(t *testing.T) {
	for _, f := range []string{"cr_only.csv", "semicolon.csv"} {
		res := collect(Open(filepath.Join("testdata", f), Limits{}))
		if res.Err != "" || len(res.Rows) != 3 || len(res.Rows[0]) != 5 || res.Rows[0][1] != "提交答卷时间" ||
			res.Rows[2][4] != "女" || !reflect.DeepEqual(res.Nums, []int{1, 2, 3}) {
			t.Errorf("%s: %s", f, dump(res))
		}
	}
	// A separator inside quotes does not count.
	if got := sniffComma([]byte(`"a;b;c;d",x,y` + "\n1;2")); got != ',' {
		t.Errorf("sniffComma: %q", got)
	}
}

// bug8: a row numbered before the one read last (r=5 then r=2) was dropped by excelize without a word.
func TestHoldoutRowsOutOfOrder(t *testing.T) {
	res := collect(Open(filepath.Join("testdata", "broken_bug8_rows_out_of_order.xlsx"), Limits{}))
	if !strings.Contains(res.Err, "行的顺序错乱") {
		t.Fatalf("%s", dump(res))
	}
	t.Log(res.Err)
}

// bug10: a 1904 workbook's unstyled serial was converted with the 1900 base by the caller, who could not
// know the date system: Date1904 tells it, on both xlsx paths.
func TestHoldoutDate1904(t *testing.T) {
	for _, c := range []struct {
		file string
		want bool
	}{{"date1904_unstyled.xlsx", true}, {"survey.xlsx", false}} {
		path := filepath.Join("testdata", c.file)
		r, err := Open(path, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := Date1904(r); got != c.want {
			t.Errorf("%s: Date1904 %v", c.file, got)
		}
		r.Close()
		x, err := openXLSX(path, c.file, Limits{}.withDefaults())
		if err != nil {
			t.Fatal(err)
		}
		if got := Date1904(x); got != c.want {
			t.Errorf("%s (excelize): Date1904 %v", c.file, got)
		}
		x.Close()
	}
	if r, _ := OpenCSV(strings.NewReader("a\n1\n"), Limits{}); Date1904(r) {
		t.Error("CSV: Date1904")
	}
}

// bug13: the answers on the 2nd sheet behind a 说明 sheet of one cell: the 1st sheet was read ("只有表头").
// The first sheet that holds data is read, and its errors name it.
func TestHoldoutDataOnSecondSheet(t *testing.T) {
	path := filepath.Join("testdata", "notes_first_sheet.xlsx")
	res := collect(Open(path, Limits{}))
	if res.Err != "" || len(res.Rows) != 2 || res.Rows[0][0] != "序号" || res.Rows[1][4] != "无" {
		t.Fatalf("%s", dump(res))
	}
	res = collect(Open(path, Limits{MaxCols: 4}))
	if !strings.Contains(res.Err, "工作表「答卷数据」第1行") {
		t.Errorf("error does not name the sheet: %q", res.Err)
	}
	// A workbook whose only data is on its first sheet reads that sheet, with no sheet in errors.
	res = collect(Open(filepath.Join("testdata", "survey.xlsx"), Limits{MaxCols: 2}))
	if res.Err == "" || strings.Contains(res.Err, "工作表") {
		t.Errorf("survey.xlsx: %q", res.Err)
	}
}

// The excelize path catches rows out of order too (after the fact: excelize drops one).
func TestHoldoutRowsOutOfOrderExcelize(t *testing.T) {
	res := readExcelize(filepath.Join("testdata", "broken_bug8_rows_out_of_order.xlsx"), Limits{})
	if !strings.Contains(res.Err, "第2行：这一行排在第5行之后") {
		t.Fatalf("%s", dump(res))
	}
}

// The excelize path refuses a shared string index that is not a number too (after the fact).
func TestHoldoutSharedIndexNotNumberExcelize(t *testing.T) {
	res := readExcelize(filepath.Join("testdata", "broken_bug7_sst_index_not_a_number.xlsx"), Limits{})
	if !strings.Contains(res.Err, "第2行第C列：共享文本编号「abc」不是数字") {
		t.Fatalf("%s", dump(res))
	}
}
