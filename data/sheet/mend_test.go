package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// Cells with characters XML does not allow (issue 11): the fast path reads every row, the characters
// dropped, and lists the cells; excelize's reader refuses the file instead of stopping at the first one.
func TestMendedCells(t *testing.T) {
	survey := []Repair{{501, "G"}, {502, "G"}, {640, "G"}, {777, "G"}, {1001, "G"}}
	for _, tc := range []struct {
		file    string
		rows    int
		repairs []Repair
		row     int
		want    string // column G (or the last) of row
	}{
		{"ctrl_survey_sst.xlsx", 1001, survey, 501, "希望第5项措施尽快落地"},
		{"ctrl_survey_inline.xlsx", 1001, survey, 777, "希望第1项措施尽快落\uFFFD\uFFFD地"},
		{"ctrl_opinions.xlsx", 60, []Repair{{40, "C"}}, 40, "建议第5条延长申报期限，方便企业办理。"},
		{"ctrl_assessment.xlsx", 9, []Repair{{5, "E"}}, 5, "部分窗口材料要求不一致"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			r, err := Open(path, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			n, got := 0, ""
			for r.Next() {
				n++
				if r.RowNum() == tc.row {
					row := r.Row()
					got = row[len(row)-1]
					if tc.file == "ctrl_opinions.xlsx" {
						got = row[2]
					}
				}
			}
			if r.Err() != nil || n != tc.rows {
				t.Fatalf("read %d rows, err %v; want %d rows and no error", n, r.Err(), tc.rows)
			}
			if got != tc.want {
				t.Errorf("row %d = %q, want %q", tc.row, got, tc.want)
			}
			first, total := Repairs(r)
			if !reflect.DeepEqual(first, tc.repairs) || total != len(tc.repairs) {
				t.Errorf("repairs = %v (%d), want %v", first, total, tc.repairs)
			}
			if w := RepairWarnings(r); len(w) != len(tc.repairs) || !strings.Contains(w[0], fmt.Sprintf("第%d行第%s列", tc.repairs[0].Row, tc.repairs[0].Col)) {
				t.Errorf("warnings = %q", w)
			}
			if ex := readExcelize(path, Limits{}); ex.Err == "" {
				t.Errorf("excelize path read %d rows without an error: it must refuse, not import a part", len(ex.Rows))
			}
		})
	}
}

// A file the fast path hands to excelize (a comment in its XML) with a control character further on:
// refused, naming the cell, never read up to it.
func TestExcelizePathRefusesBadText(t *testing.T) {
	for _, file := range []string{"ctrl_comment.xlsx", "ctrl_comment_last.xlsx"} {
		res := collect(Open(filepath.Join("testdata", file), Limits{}))
		if !res.FellBack && !strings.Contains(res.Err, "第") {
			t.Errorf("%s: did not take the excelize path", file)
		}
		if !strings.Contains(res.Err, "第30行第B列") || !strings.Contains(res.Err, "控制字符") {
			t.Errorf("%s: err = %q, want one naming row 30 column B", file, res.Err)
		}
	}
}

// A shared-strings zip bomb (issue 11: 1.9 MB zipped, 1.9 GB of texts drove an import to 5.1 GB): refused
// once the table passes MaxSharedBytes, having taken about that much memory, never the whole of it.
func TestSharedStringsBomb(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		count int
	}{
		{"long texts", strings.Repeat("A", 1<<20-64), 200},                       // 200 MiB of texts
		{"short texts", "AAAAAAAA", 160 << 20 / len("<si><t>AAAAAAAA</t></si>")}, // 6.7 million texts
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sst strings.Builder
			sst.WriteString(`<si><t>序号</t></si>`)
			si := "<si><t>" + tc.text + "</t></si>"
			for range tc.count {
				sst.WriteString(si)
			}
			path := filepath.Join(t.TempDir(), "bomb.xlsx")
			if err := os.WriteFile(path, rawXLSX(map[string]string{
				"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`),
				"xl/sharedStrings.xml":     sstXML(sst.String()),
			}), 0o644); err != nil {
				t.Fatal(err)
			}
			sst.Reset()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			res := collect(Open(path, Limits{}))
			runtime.ReadMemStats(&after)
			if !strings.Contains(res.Err, "128 MiB") || len(res.Rows) > 0 {
				t.Errorf("rows %d, err %q; want no rows and the 128 MiB limit named", len(res.Rows), res.Err)
			}
			if mib := (after.TotalAlloc - before.TotalAlloc) >> 20; mib > 250 {
				t.Errorf("reading the bomb allocated %d MiB, want about the 128 MiB limit", mib)
			}
		})
	}
}

// Files whose cells a reader would put in the wrong column, and a real .ods: each refused with a Chinese
// message naming the cell (issue 11; before, the cells out of order were read into the wrong columns,
// XFE1 gave excelize's English and the .ods "文件已损坏…（EOF）").
func TestRefusedShapes(t *testing.T) {
	for file, want := range map[string]string{
		"broken_cells_out_of_order.xlsx": "第2行第A列：这个单元格排在第C列之后",
		"broken_cell_repeated.xlsx":      "第1行第A列：这个单元格排在第A列之后",
		"broken_col_past_xfd.xlsx":       "第1行：有单元格超出第16384列",
		"survey.ods":                     "这是 .ods 表格",
	} {
		for _, read := range []func(string, Limits) result{
			func(p string, l Limits) result { return collect(Open(p, l)) },
			readExcelize,
		} {
			res := read(filepath.Join("testdata", file), Limits{})
			if file == "survey.ods" && strings.Contains(res.Err, "EOF") {
				continue // excelize alone is never given an .ods: Open says what it is first
			}
			if !strings.Contains(res.Err, want) {
				t.Errorf("%s: rows %q, err %q; want an error with %q", file, res.Rows, res.Err, want)
			}
		}
	}
}

// An answer repeated in a column is matched on its raw XML only where that XML is the text itself: a bare
// "a&b" after "a&amp;b" (the same text) is still XML that needs mending, and says so.
func TestRawMatchStillMends(t *testing.T) {
	var rows strings.Builder
	for r := 1; r <= 20; r++ {
		v := "a&amp;b"
		if r == 15 {
			v = "a&b"
		}
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, v)
	}
	path := filepath.Join(t.TempDir(), "raw.xlsx")
	if err := os.WriteFile(path, rawXLSX(map[string]string{"xl/worksheets/sheet1.xml": sheetXML(rows.String())}), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for r.Next() {
		if r.Row()[0] != "a&b" {
			t.Fatalf("row %d: %q", r.RowNum(), r.Row()[0])
		}
	}
	if first, total := Repairs(r); total != 1 || first[0] != (Repair{15, "A"}) {
		t.Errorf("repairs %v (%d), want row 15 column A", first, total)
	}
}

// A file that starts as a zip but is not one (cut while downloading): a Chinese message, no "zip: not a
// valid zip file" in the window (issue 15).
func TestBrokenZipMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "问卷.xlsx")
	if err := os.WriteFile(path, []byte("PK\x03\x04 cut off here"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := collect(Open(path, Limits{}))
	if !strings.Contains(res.Err, "压缩包无法解开") || strings.Contains(res.Err, "zip:") {
		t.Errorf("err = %q", res.Err)
	}
}
