package assess

import (
	"path/filepath"
	"testing"
)

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		file                 string
		assessment, officers bool
	}{
		{"testdata/merged.xlsx", true, false},
		{"testdata/plain.csv", true, false},
		{"testdata/badscore.xlsx", true, false},
		{"testdata/points.xlsx", true, false},
		{"testdata/districts.xlsx", true, false},
		{"testdata/subtotals.xlsx", true, false},
		{"testdata/rubric.xlsx", false, false},
		{"testdata/experts.xlsx", true, false},
		{"testdata/quarters.csv", true, false},
		{"testdata/sections.xlsx", true, false},
		{"testdata/officers5.xlsx", false, true},
		{"testdata/officers100.csv", false, true},
		{"../../assets/sample/第三方评估打分表.xlsx", true, false},
		{"../../assets/sample/政策体验官反馈表.xlsx", false, true},
		{"../../assets/sample/营商环境政策满意度调查_问卷星按选项文本.xlsx", false, false},
		{"../../assets/sample/opinions/opinions.xlsx", false, false},
		{"../ingest/testdata/wjx_text.xlsx", false, false},
		{"testdata/missing.xlsx", false, false},
	} {
		a, o := Sniff(filepath.FromSlash(c.file))
		if a != c.assessment || o != c.officers {
			t.Errorf("%s: assessment %v officers %v, want %v %v", c.file, a, o, c.assessment, c.officers)
		}
	}
}
