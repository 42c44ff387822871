package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestCellKeys: for every sample, equal keys always come with equal texts, there is one key per cell,
// and a shared-strings sheet read by the fast path numbers its shared cells; CSV numbers nothing.
func TestCellKeys(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("testdata: %v, %d files", err, len(files))
	}
	keyed := map[string]int{}
	for _, path := range files {
		r, err := Open(path, Limits{})
		if err != nil {
			continue
		}
		text := map[int32]string{}
		for r.Next() {
			row, keys := r.Row(), CellKeys(r)
			if keys == nil {
				continue
			}
			if len(keys) != len(row) {
				t.Fatalf("%s row %d: %d keys for %d cells", path, r.RowNum(), len(keys), len(row))
			}
			for i, k := range keys {
				if k < 0 {
					continue
				}
				keyed[filepath.Base(path)]++
				if prev, seen := text[k]; seen && prev != row[i] {
					t.Errorf("%s row %d col %d: key %d is %q here and %q before", path, r.RowNum(), i+1, k, row[i], prev)
				}
				text[k] = row[i]
			}
		}
		r.Close()
	}
	if keyed["survey.xlsx"] == 0 {
		t.Errorf("no shared string cell of survey.xlsx was numbered (%v)", keyed)
	}
	for name := range keyed {
		if filepath.Ext(name) != ".xlsx" {
			t.Errorf("%s: a %s file numbered its cells", name, filepath.Ext(name))
		}
	}
}

// TestEntityAttributes: cell attributes written with entities (t="&#115;" is t="s") read as excelize
// reads them, on the quick tag path and on the general one.
func TestEntityAttributes(t *testing.T) {
	dir := t.TempDir()
	for i, rows := range []string{
		`<row r="1"><c r="A1" t="&#115;"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>`,
		`<row r="1"><c r="&#65;1" t="s"><v>1</v></c></row>`,
		`<row r="1"><c s="&#49;" t="n"><v>3</v></c></row>`,
		`<row r="1"><c r='A1' t='&#115;'><v>1</v></c></row>`,
	} {
		path := filepath.Join(dir, fmt.Sprintf("e%d.xlsx", i))
		pkg := rawXLSX(map[string]string{
			"xl/worksheets/sheet1.xml": sheetXML(rows),
			"xl/sharedStrings.xml":     sstXML(`<si><t>零</t></si><si><t>一</t></si>`),
		})
		if err := os.WriteFile(path, pkg, 0o644); err != nil {
			t.Fatal(err)
		}
		want, got := readExcelize(path, Limits{}), readFast(path, Limits{})
		got.FellBack = false
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s\n got: %s\nwant: %s", rows, dump(got), dump(want))
		}
	}
}

// TestSharedStringShapes: shared strings in the shapes the quick path reads and around it (spaces kept,
// entities, _xHHHH_ escapes, empty texts, runs, white space between items, items cut by the read window)
// read as excelize reads them.
func TestSharedStringShapes(t *testing.T) {
	items := []string{`<si><t>满意</t></si>`, `<si><t xml:space="preserve">  两边有空格  </t></si>`, `<si><t>a&amp;b&#20013;</t></si>`,
		`<si><t>_x0041__x005F_x0042_</t></si>`, `<si><t></t></si>`, `<si><t/></si>`, `<si><r><t>一</t></r><r><t>二</t></r></si>`,
		"\n  <si><t>换\n行</t></si>", `<si><t xml:space="preserve">a</t><rPh sb="0" eb="1"><t>p</t></rPh></si>`, `<si><t>x</t>  </si>`}
	var sst strings.Builder
	var cells strings.Builder
	n := 0
	for sst.Len() < 3<<20 { // past the 256 KiB window several times
		sst.WriteString(items[n%len(items)])
		if n%997 == 0 {
			fmt.Fprintf(&sst, `<si><t>%s</t></si>`, strings.Repeat("长文本", 5000)) // 45 KB: often cut by the window
		} else {
			fmt.Fprintf(&sst, `<si><t>第%d条</t></si>`, n)
		}
		n += 2
	}
	for i := 0; i+1 < n; i += 7 {
		fmt.Fprintf(&cells, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c></row>`, i/7+1, i/7+1, i, i/7+1, i+1)
	}
	path := filepath.Join(t.TempDir(), "sst.xlsx")
	if err := os.WriteFile(path, rawXLSX(map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(cells.String()),
		"xl/sharedStrings.xml":     sstXML(sst.String()),
	}), 0o644); err != nil {
		t.Fatal(err)
	}
	want, got := readExcelize(path, Limits{}), readFast(path, Limits{})
	if got.FellBack {
		t.Errorf("the fast path handed the file to excelize")
	}
	got.FellBack = false
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got.Rows), len(want.Rows)) {
			if !reflect.DeepEqual(got.Rows[i], want.Rows[i]) {
				t.Fatalf("row %d: got %q, want %q", i+1, got.Rows[i], want.Rows[i])
			}
		}
		t.Fatalf("%d rows, err %q; want %d rows, err %q", len(got.Rows), got.Err, len(want.Rows), want.Err)
	}
}

// Inline-string cells get keys too where a column repeats its texts (options), none where nearly every
// text differs (comments), and the keys never mix up two texts, also beside a shared-strings table.
func TestInlineStringKeys(t *testing.T) {
	var rows strings.Builder
	// Repeated answers are matched on their raw XML when it needs no decoding; these need some, or are near misses.
	options := []string{"满意", "一般", "不满意", "a&amp;b", "_x0031_", "满意 ", "x&lt;y", "tab\there", "一般&#x4E00;"}
	for r := 1; r <= 600; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d" t="inlineStr"><is><t>意见%d</t></is></c><c r="C%d" t="s"><v>%d</v></c></row>`,
			r, r, options[r%len(options)], r, r, r, r%2)
	}
	path := filepath.Join(t.TempDir(), "inline.xlsx")
	pkg := rawXLSX(map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(rows.String()),
		"xl/sharedStrings.xml":     sstXML(`<si><t>满意</t></si><si><t>是</t></si>`),
	})
	if err := os.WriteFile(path, pkg, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	text := map[int32]string{}
	keyedA, keyedB := 0, 0
	for r.Next() {
		row, keys := r.Row(), CellKeys(r)
		for i, k := range keys {
			if k < 0 {
				continue
			}
			if prev, seen := text[k]; seen && prev != row[i] {
				t.Fatalf("row %d col %d: key %d is %q here and %q before", r.RowNum(), i+1, k, row[i], prev)
			}
			text[k] = row[i]
			switch i {
			case 0:
				keyedA++
			case 1:
				keyedB++
			}
		}
		if want := options[r.RowNum()%len(options)]; row[0] != strings.NewReplacer("&amp;", "&", "_x0031_", "1", "&lt;", "<", "&#x4E00;", "一").Replace(want) {
			t.Fatalf("row %d: %q", r.RowNum(), row[0])
		}
	}
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	if keyedA != 600 || keyedB == 0 || keyedB > 300 {
		t.Errorf("keyed cells: options %d of 600, comments %d (want some, then none once they prove distinct)", keyedA, keyedB)
	}
	if got := readFast(path, Limits{}); !reflect.DeepEqual(got, readExcelize(path, Limits{})) {
		t.Error("fast path differs from excelize")
	}
}
