package ingest

import (
	"strings"
	"testing"

	"github.com/gongping/gongping/data/sheet"
)

// rowsReader serves rows from memory through the sheet.Reader interface.
type rowsReader struct {
	rows [][]string
	i    int
}

func (r *rowsReader) Next() bool    { r.i++; return r.i <= len(r.rows) }
func (r *rowsReader) Row() []string { return r.rows[r.i-1] }
func (r *rowsReader) RowNum() int   { return r.i }
func (r *rowsReader) Err() error    { return nil }
func (r *rowsReader) Close() error  { return nil }

var _ sheet.Reader = (*rowsReader)(nil)

// FuzzParseRows runs header detection, layout building, row parsing and the question model over
// arbitrary rows (lines split on newlines, cells on commas; the first byte picks a format). Nothing may
// panic, and every question's answer must assemble from any row. Seeds: testdata/fuzz/FuzzParseRows.
func FuzzParseRows(f *testing.F) {
	f.Add(uint8(0), "序号,提交答卷时间,所用时间,1、满意度,2、(A),2、(B)\n1,2026-11-01 10:00:00,2分3秒,满意,1,0\n")
	f.Fuzz(func(t *testing.T, fb uint8, text string) {
		if len(text) > 1<<16 {
			return
		}
		var rows [][]string
		for _, line := range strings.Split(text, "\n") {
			rows = append(rows, strings.Split(line, ","))
		}
		formats := append([]Format{Auto}, Formats...)
		format := formats[int(fb)%len(formats)]
		s, err := startSession(&rowsReader{rows: rows}, "fuzz.csv", format)
		if err != nil {
			return
		}
		res, err := preview(s)
		if err != nil {
			return
		}
		keys := map[string]bool{}
		for _, q := range res.Questions {
			if keys[q.Key] {
				t.Fatalf("duplicate key %s", q.Key)
			}
			keys[q.Key] = true
		}
	})
}
