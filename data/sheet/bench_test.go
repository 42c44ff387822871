package sheet

// Benchmarks on a 100,000-row × 59-column survey export with shared strings, as Excel, WPS and LibreOffice
// save it. excelize's StreamWriter only writes inline strings, so benchFile writes the package directly.
// The file is cached in os.TempDir(). Run:
//
//	go test ./data/sheet -run '^$' -bench . -benchtime 1x -benchmem
//
// SHEET_BENCH_XLSX=/path/to/export.xlsx measures a real export instead (its first sheet must be
// xl/worksheets/sheet1.xml for BenchmarkFloor; the row count is not checked then).

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const benchRows, benchCols = 100_000, 59

var benchOnce sync.Once
var benchXLSX, benchCSV string

// benchFiles returns the cached benchmark files, writing them on first use.
func benchFiles(b *testing.B) (string, string) {
	benchOnce.Do(func() {
		dir := os.TempDir()
		if p := os.Getenv("SHEET_BENCH_XLSX"); p != "" {
			benchXLSX, benchCSV = p, ""
			return
		}
		benchXLSX = filepath.Join(dir, fmt.Sprintf("gongping-bench-%dx%d-v1.xlsx", benchRows, benchCols))
		benchCSV = strings.TrimSuffix(benchXLSX, ".xlsx") + ".csv"
		if _, err := os.Stat(benchCSV); err == nil {
			return
		}
		if err := writeBenchFiles(benchXLSX, benchCSV); err != nil {
			b.Fatal(err)
		}
	})
	return benchXLSX, benchCSV
}

// benchRow fills the cells of survey row i (i = 0 is the header).
func benchRow(rng *rand.Rand, i int, cells []string) {
	if i == 0 {
		copy(cells, []string{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"})
		for q := 6; q < benchCols; q++ {
			cells[q] = fmt.Sprintf("%d、关于政策落实情况的第%d个问题（单选）", q-5, q-5)
		}
		return
	}
	opts := []string{"非常满意", "比较满意", "一般", "不太满意", "非常不满意", "(跳过)"}
	cells[0] = fmt.Sprint(i)
	cells[1] = fmt.Sprintf("2026/3/%d %d:%02d:%02d", i%28+1, i%24, i%60, (i*7)%60)
	cells[2] = fmt.Sprintf("%d秒", 30+rng.IntN(900))
	cells[3] = "手机提交"
	cells[4] = "微信"
	cells[5] = fmt.Sprintf("10.%d.%d.%d(北京-北京)", rng.IntN(256), rng.IntN(256), rng.IntN(256))
	for q := 6; q < benchCols; q++ {
		switch {
		case q%10 == 9: // multi-select
			cells[q] = opts[rng.IntN(3)] + "┋" + opts[3+rng.IntN(2)]
		case q%10 == 8: // rating: a number
			cells[q] = fmt.Sprint(rng.IntN(11))
		case q == benchCols-1: // open text, mostly unique
			cells[q] = fmt.Sprintf("希望加强第%d项措施的宣传和落实，第%d号意见", rng.IntN(50), i)
		default:
			cells[q] = opts[rng.IntN(len(opts))]
		}
	}
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != "" && len(s) < 10
}

func writeBenchFiles(xlsxPath, csvPath string) error {
	rng := rand.New(rand.NewPCG(1, 2))
	sstIndex := map[string]int{}
	var sst []string
	var sheet bytes.Buffer
	cf, err := os.Create(csvPath)
	if err != nil {
		return err
	}
	defer cf.Close()
	cw := csv.NewWriter(bufio.NewWriter(cf))
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:BG100001"/><sheetData>`)
	cells := make([]string, benchCols)
	for i := 0; i <= benchRows; i++ {
		benchRow(rng, i, cells)
		cw.Write(cells)
		fmt.Fprintf(&sheet, `<row r="%d" spans="1:%d">`, i+1, benchCols)
		for c, v := range cells {
			ref := colName(c+1) + fmt.Sprint(i+1)
			if isDigits(v) {
				fmt.Fprintf(&sheet, `<c r="%s" s="0" t="n"><v>%s</v></c>`, ref, v)
				continue
			}
			idx, ok := sstIndex[v]
			if !ok {
				idx = len(sst)
				sstIndex[v] = idx
				sst = append(sst, v)
			}
			fmt.Fprintf(&sheet, `<c r="%s" s="0" t="s"><v>%d</v></c>`, ref, idx)
		}
		sheet.WriteString("</row>")
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	var sstXML bytes.Buffer
	fmt.Fprintf(&sstXML, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(sst), len(sst))
	for _, s := range sst {
		sstXML.WriteString("<si><t xml:space=\"preserve\">")
		xmlEscape(&sstXML, s)
		sstXML.WriteString("</t></si>")
	}
	sstXML.WriteString("</sst>")
	pkg := rawXLSX(map[string]string{"xl/sharedStrings.xml": sstXML.String(), "xl/worksheets/sheet1.xml": sheet.String()})
	tmp := xlsxPath + ".tmp"
	if err := os.WriteFile(tmp, pkg, 0o644); err != nil {
		return err
	}
	if err := cf.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, xlsxPath)
}

func xmlEscape(w *bytes.Buffer, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	r.WriteString(w, s)
}

func benchRead(b *testing.B, open func() (Reader, error)) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := open()
		if err != nil {
			b.Fatal(err)
		}
		n, cells := 0, 0
		for r.Next() {
			n++
			cells += len(r.Row())
		}
		if err := r.Err(); err != nil {
			b.Fatal(err)
		}
		r.Close()
		if n != benchRows+1 && os.Getenv("SHEET_BENCH_XLSX") == "" {
			b.Fatalf("read %d rows, want %d", n, benchRows+1)
		}
		if f, ok := r.(*fastReader); ok && f.fallback != nil {
			b.Fatal("fast path fell back to excelize")
		}
	}
}

func sheetSize(b *testing.B, path string) int64 {
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	var n int64
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" || f.Name == "xl/sharedStrings.xml" {
			n += int64(f.UncompressedSize64)
		}
	}
	return n
}

// BenchmarkFloor is what no reader can beat: inflate the sheet and shared strings and look at every byte.
func BenchmarkFloor(b *testing.B) {
	path, _ := benchFiles(b)
	b.SetBytes(sheetSize(b, path))
	for b.Loop() {
		if _, err := ScanFloor(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFast(b *testing.B) {
	path, _ := benchFiles(b)
	b.SetBytes(sheetSize(b, path))
	benchRead(b, func() (Reader, error) { return Open(path, Limits{}) })
}

func BenchmarkExcelize(b *testing.B) {
	path, _ := benchFiles(b)
	b.SetBytes(sheetSize(b, path))
	benchRead(b, func() (Reader, error) { return openXLSX(path, "bench.xlsx", Limits{}.withDefaults()) })
}

func BenchmarkCSV(b *testing.B) {
	_, path := benchFiles(b)
	if path == "" {
		b.Skip("SHEET_BENCH_XLSX is set")
	}
	if st, err := os.Stat(path); err == nil {
		b.SetBytes(st.Size())
	}
	benchRead(b, func() (Reader, error) { return Open(path, Limits{}) })
}
