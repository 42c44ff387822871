package sheet

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// FuzzFastVsExcelize writes a random sheet with excelize (texts taken from the fuzz input) and checks
// that the fast path reads exactly what excelize reads.
func FuzzFastVsExcelize(f *testing.F) {
	f.Add([]byte("满意┋一般"), uint8(10))
	f.Add([]byte("a&b<c>\"d' _x000D_ \r\n\t"), uint8(40))
	f.Add([]byte("123"), uint8(3))
	f.Fuzz(func(t *testing.T, text []byte, n uint8) {
		path := filepath.Join(t.TempDir(), "f.xlsx")
		if err := writeRandomSheet(path, text, int(n)); err != nil {
			t.Skip(err)
		}
		want, got := readExcelize(path, Limits{}), readFast(path, Limits{})
		got.FellBack = false
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("fast path differs from excelize\n got: %s\nwant: %s", dump(got), dump(want))
		}
	})
}

// FuzzFastVsExcelizeStream is FuzzFastVsExcelize for sheets written by excelize's StreamWriter, whose text
// cells are inline strings: rows of texts from the fuzz input, numbers, booleans and gaps.
func FuzzFastVsExcelizeStream(f *testing.F) {
	f.Add([]byte("满意 一般 不满意"), uint8(30))
	f.Add([]byte("a&b<c>\"d' _x000D_ _x0031_ \r\n\t"), uint8(12))
	f.Fuzz(func(t *testing.T, text []byte, n uint8) {
		h := fnv.New64a()
		h.Write(text)
		rng := rand.New(rand.NewPCG(h.Sum64(), uint64(n)))
		pieces := strings.Fields(string(text))
		if len(pieces) == 0 {
			pieces = []string{string(text)}
		}
		x := excelize.NewFile()
		defer x.Close()
		sw, err := x.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= int(n)%40+1; r++ {
			row := make([]any, 1+rng.IntN(6))
			for i := range row {
				switch rng.IntN(5) {
				case 0, 1:
					row[i] = pieces[rng.IntN(len(pieces))]
				case 2:
					row[i] = rng.IntN(100)
				case 3:
					row[i] = rng.IntN(2) == 0
				} // 4: a gap
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, row); err != nil {
				t.Skip(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Skip(err)
		}
		path := filepath.Join(t.TempDir(), "s.xlsx")
		if err := x.SaveAs(path); err != nil {
			t.Skip(err)
		}
		want, got := readExcelize(path, Limits{}), readFast(path, Limits{})
		got.FellBack = false
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("fast path differs from excelize\n got: %s\nwant: %s", dump(got), dump(want))
		}
	})
}

// writeRandomSheet writes n random cells: texts, rich text, numbers, booleans, dates and times with
// date styles, formulas, numbers as text, merged cells, gaps.
func writeRandomSheet(path string, text []byte, n int) error {
	h := fnv.New64a()
	h.Write(text)
	rng := rand.New(rand.NewPCG(h.Sum64(), uint64(n)))
	s := string(text)
	pieces := strings.Fields(s)
	if len(pieces) == 0 {
		pieces = []string{s}
	}
	f := excelize.NewFile()
	defer f.Close()
	var styles []int
	for _, nf := range []int{0, 1, 2, 14, 15, 20, 21, 22, 45, 46, 49, 31, 57} {
		id, _ := f.NewStyle(&excelize.Style{NumFmt: nf})
		styles = append(styles, id)
	}
	for _, code := range []string{"yyyy-mm-dd hh:mm:ss", "0.00%", `yyyy"年"m"月"d"日"`, "h:mm;@", "[h]:mm:ss", "mm:ss.0", "General"} {
		id, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		styles = append(styles, id)
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1+rng.IntN(12), 1+rng.IntN(20))
		piece := pieces[rng.IntN(len(pieces))]
		var err error
		switch rng.IntN(11) {
		case 0:
			err = f.SetCellValue("Sheet1", cell, s)
		case 1:
			err = f.SetCellValue("Sheet1", cell, piece)
		case 2:
			err = f.SetCellValue("Sheet1", cell, rng.NormFloat64()*1e6)
		case 3:
			err = f.SetCellValue("Sheet1", cell, rng.IntN(1000)-100)
		case 4:
			err = f.SetCellValue("Sheet1", cell, rng.IntN(2) == 0)
		case 5:
			err = f.SetCellValue("Sheet1", cell, time.Date(1900+rng.IntN(200), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC))
		case 6:
			err = f.SetCellFormula("Sheet1", cell, "SUM(A1:B2)")
		case 7:
			err = f.SetCellRichText("Sheet1", cell, []excelize.RichTextRun{{Text: piece, Font: &excelize.Font{Bold: true}}, {Text: s}})
		case 8:
			err = f.SetCellValue("Sheet1", cell, fmt.Sprint(rng.Float64()*50000))
		case 9:
			err = f.SetCellValue("Sheet1", cell, rng.Float64()*3)
		case 10:
			end, _ := excelize.CoordinatesToCellName(13, 21)
			err = f.MergeCell("Sheet1", cell, end)
		}
		if err != nil {
			return err
		}
		if rng.IntN(2) == 0 {
			if err := f.SetCellStyle("Sheet1", cell, cell, styles[rng.IntN(len(styles))]); err != nil {
				return err
			}
		}
	}
	return f.SaveAs(path)
}

// FuzzXLSX feeds arbitrary bytes as an .xlsx: the reader must never panic, and must say what is wrong.
func FuzzXLSX(f *testing.F) {
	for _, name := range []string{"raw_inline_noref.xlsx", "raw_prefixed_1904.xlsx"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		checkReader(t, path, Limits{MaxRows: 1000, MaxCols: 200, MaxCellBytes: 1 << 16, MaxUnzipBytes: 8 << 20})
	})
}

// FuzzCSV feeds arbitrary bytes as a .csv.
func FuzzCSV(f *testing.F) {
	for _, name := range []string{"bom.csv", "gbk.csv", "tencent.csv", "broken_quote.csv", "unicode_text.txt"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		checkReader(t, path, Limits{MaxRows: 1000, MaxCols: 200, MaxCellBytes: 1 << 16})
		// OpenCSV on the stream reads the same rows as Open on the file.
		if !bytes.HasPrefix(data, []byte("PK\x03\x04")) && !bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			lim := Limits{MaxRows: 1000, MaxCols: 200, MaxCellBytes: 1 << 16}
			a, b := collect(Open(path, lim)), collect(OpenCSV(bytes.NewReader(data), lim))
			if !reflect.DeepEqual(a.Rows, b.Rows) || !reflect.DeepEqual(a.Nums, b.Nums) {
				t.Fatalf("Open and OpenCSV differ:\n%s\n%s", dump(a), dump(b))
			}
		}
	})
}

// checkReader reads path and checks the promises of Reader on whatever it yields.
func checkReader(t *testing.T, path string, lim Limits) {
	r, err := Open(path, lim)
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("Open error is %T, want *sheet.Error: %v", err, err)
		}
		return
	}
	defer r.Close()
	last := 0
	for r.Next() {
		row := r.Row()
		if len(row) == 0 || row[len(row)-1] == "" {
			t.Fatalf("row %d: empty or not trimmed: %q", r.RowNum(), row)
		}
		if r.RowNum() <= last || r.RowNum() > lim.MaxRows || len(row) > lim.MaxCols {
			t.Fatalf("row %d after %d, %d cells", r.RowNum(), last, len(row))
		}
		for _, c := range row {
			if len(c) > lim.MaxCellBytes || !utf8.ValidString(c) {
				t.Fatalf("row %d: bad cell of %d bytes", r.RowNum(), len(c))
			}
		}
		last = r.RowNum()
	}
	if err := r.Err(); err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("Err is %T, want *sheet.Error: %v", err, err)
		}
	}
}
