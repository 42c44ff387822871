package importer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestFits(t *testing.T) {
	for _, c := range []struct {
		file string
		want []Kind
	}{
		{"../../assets/sample/营商环境政策满意度调查_问卷星按选项文本.xlsx", []Kind{Survey}},
		{"../ingest/testdata/tencent.xlsx", []Kind{Survey}},
		{"../ingest/testdata/jinshuju.csv", []Kind{Survey}},
		{"../ingest/testdata/limesurvey.xlsx", []Kind{Survey}},
		{"../../assets/sample/opinions/opinions.xlsx", []Kind{Opinions}},
		{"../../assets/sample/第三方评估打分表.xlsx", []Kind{Assessment}},
		{"../assess/testdata/plain.csv", []Kind{Assessment}}, // its 建议 column does not make it opinions
		{"../assess/testdata/officers100.csv", []Kind{Officers}},
		{"../ingest/testdata/generic.xlsx", nil},
		{"../ingest/testdata/not_a_sheet.xlsx", nil},
		{"../ingest/testdata/no_such_file.xlsx", nil},
	} {
		if got := Fits(filepath.FromSlash(c.file)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.file, got, c.want)
		}
	}
}

// BenchmarkFits measures reading a dropped file's header (off the UI goroutine) on a big export:
// GONGPING_SNIFF_FILE=/path/to/export.xlsx (the ingest benchmarks leave a 100k-row one in the temp dir).
func BenchmarkFits(b *testing.B) {
	p := os.Getenv("GONGPING_SNIFF_FILE")
	if p == "" {
		p = "../../assets/sample/营商环境政策满意度调查_问卷星按选项文本.xlsx"
	}
	for b.Loop() {
		if k := Fits(p); len(k) != 1 {
			b.Fatalf("%s: %v", p, k)
		}
	}
}
