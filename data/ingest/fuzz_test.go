package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"

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

// FuzzImportCSV imports arbitrary bytes as a .csv into a real workspace: an InputError or a stored
// round that loads back whole, never a panic or an internal error. Seeds: the CSV samples in testdata.
func FuzzImportCSV(f *testing.F) {
	for _, name := range []string{"wjx_text.csv", "wjx_code.csv", "tencent_trailing.csv", "jinshuju.csv", "limesurvey.csv", "generic.csv", "wjx_text_gbk.csv", "bad_row.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	s, pid := newStore(f)
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, b []byte) {
		n++
		path := filepath.Join(dir, fmt.Sprintf("f%d.csv", n))
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(path)
		sum, err := Import(context.Background(), s, Options{PolicyID: pid, Round: fmt.Sprint("r", n), Path: path}, nil)
		if err != nil {
			var ie *data.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("not an InputError: %v", err)
			}
			return
		}
		d, err := s.SurveyData(context.Background(), sum.RoundID)
		if err != nil || len(d.Responses) != sum.Imported {
			t.Fatalf("load back: %v (%d of %d)", err, len(d.Responses), sum.Imported)
		}
	})
}
