package sheet

import (
	"path/filepath"
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
