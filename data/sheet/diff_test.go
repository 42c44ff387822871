package sheet

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// result is everything a reader yields for a file.
type result struct {
	Rows     [][]string
	Nums     []int
	Err      string
	FellBack bool
}

func collect(r Reader, err error) result {
	if err != nil {
		return result{Err: err.Error()}
	}
	defer r.Close()
	var res result
	for r.Next() {
		res.Rows = append(res.Rows, append([]string(nil), r.Row()...))
		res.Nums = append(res.Nums, r.RowNum())
	}
	if err := r.Err(); err != nil {
		res.Err = err.Error()
	}
	if f, ok := r.(*fastReader); ok {
		res.FellBack = f.fallback != nil
	}
	return res
}

func readExcelize(path string, lim Limits) result {
	return collect(openXLSX(path, filepath.Base(path), lim.withDefaults()))
}

// readFast reads with the fast path only (FellBack says whether it handed over to excelize).
func readFast(path string, lim Limits) result {
	r, err := openFast(path, filepath.Base(path), lim.withDefaults())
	if r == nil && err == nil {
		return result{Err: "fast path declined the file", FellBack: true}
	}
	return collect(r, err)
}

// needsExcelize lists the test files the fast path must hand over, and why.
var needsExcelize = map[string]string{
	"raw_cdata_comment.xlsx": "CDATA and comments",
}

// stricter lists the broken files where the fast path reports an error and excelize reads on.
var stricter = map[string]string{
	"raw_sst_index.xlsx": "shared string index past the table: excelize reads an empty cell",
}

func TestFastMatchesExcelize(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.xlsx")
	if len(files) < 10 {
		t.Fatalf("only %d test files: run go test -run TestGenerate -update", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		if strings.HasPrefix(name, "broken_") || strings.HasPrefix(name, "ctrl_") { // ctrl_: TestMendedCells
			continue
		}
		t.Run(name, func(t *testing.T) {
			want, got := readExcelize(path, Limits{}), readFast(path, Limits{})
			if _, ok := stricter[name]; ok {
				if got.Err == "" || !reflect.DeepEqual(got.Rows, want.Rows[:len(got.Rows)]) {
					t.Errorf("want the rows before the error and an error\n got: %s\nwant: %s", dump(got), dump(want))
				}
				return
			}
			if _, ok := needsExcelize[name]; got.FellBack != ok {
				t.Errorf("fell back to excelize: %v, want %v", got.FellBack, ok)
			}
			got.FellBack = false
			if !reflect.DeepEqual(got, want) {
				t.Errorf("fast path differs from excelize\n got: %s\nwant: %s", dump(got), dump(want))
			}
		})
	}
}

// TestFastMatchesExcelizeTempFiles repeats the comparison with excelize reading sheets and shared
// strings from temp files, as it does for parts over 16 MiB.
func TestFastMatchesExcelizeTempFiles(t *testing.T) {
	defer func(v int64) { unzipXMLSizeLimit = v }(unzipXMLSizeLimit)
	unzipXMLSizeLimit = 64
	files, _ := filepath.Glob("testdata/*.xlsx")
	for _, path := range files {
		name := filepath.Base(path)
		if _, skip := stricter[name]; skip || strings.HasPrefix(name, "broken_") || strings.HasPrefix(name, "ctrl_") {
			continue
		}
		if want, got := readExcelize(path, Limits{}), readFast(path, Limits{}); !reflect.DeepEqual(got.Rows, want.Rows) || got.Err != want.Err {
			t.Errorf("%s: fast path differs from excelize (temp files)\n got: %s\nwant: %s", name, dump(got), dump(want))
		}
	}
}

func dump(r result) string {
	var b strings.Builder
	for i, row := range r.Rows {
		fmt.Fprintf(&b, "\n  %d: %q", r.Nums[i], row)
	}
	if r.Err != "" {
		fmt.Fprintf(&b, "\n  err: %s", r.Err)
	}
	return b.String()
}

func TestDumpFast(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("prints what the fast path reads; run with -v")
	}
	for _, n := range []string{"types.xlsx", "dates.xlsx", "raw_inline_noref.xlsx", "raw_prefixed_1904.xlsx", "rich_merged.xlsx", "stream.xlsx"} {
		t.Logf("%s:%s", n, dump(readFast("testdata/"+n, Limits{})))
	}
}
