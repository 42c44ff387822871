package loop

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gongping/gongping/assets/sample/opinions"
	"github.com/gongping/gongping/data/store"
)

// importSample imports the bundled sample consultation export into a fresh policy issued 2026-04-15.
func importSample(t testing.TB) (*store.Store, int64, ImportSummary) {
	t.Helper()
	s, pid := newPolicy(t, "2026-04-15")
	path := filepath.Join(t.TempDir(), "opinions.xlsx")
	if err := os.WriteFile(path, opinions.XLSX, 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportFile(context.Background(), s, pid, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, pid, sum
}

// The sample holds six mass comments (26, 14, 9, 7, 6 and 5 copies with small edits or paraphrased) and
// distinct points only otherwise.
func TestSampleClusters(t *testing.T) {
	s, pid, sum := importSample(t)
	if sum.Rows != 148 || sum.Imported != 148 || sum.Concentrated != 6 || len(sum.Warnings) != 0 {
		t.Errorf("summary %+v", sum)
	}
	cs, err := Clusters(context.Background(), s, pid)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, c := range cs {
		if c.Size > 1 {
			sizes = append(sizes, c.Size)
		}
		if c.Concentrated != (c.Size >= 5) {
			t.Errorf("cluster %d: size %d concentrated %v", c.ID, c.Size, c.Concentrated)
		}
	}
	if want := []int{26, 14, 9, 7, 6, 5}; !reflect.DeepEqual(sizes, want) {
		t.Errorf("clusters larger than one: %v, want %v", sizes, want)
	}
	if !reflect.DeepEqual(cs[0].Clauses, []string{"第五条"}) {
		t.Errorf("largest cluster clauses %q", cs[0].Clauses)
	}
}
