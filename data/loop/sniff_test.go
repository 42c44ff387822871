package loop

import (
	"path/filepath"
	"testing"
)

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		file string
		want bool
	}{
		{"../../assets/sample/opinions/opinions.xlsx", true},
		{"../../assets/sample/营商环境政策满意度调查_问卷星按选项文本.xlsx", false},
		{"../../assets/sample/第三方评估打分表.xlsx", false},
		{"../ingest/testdata/wjx_text.xlsx", false}, // "5、您对政策还有什么意见建议" is a question
		{"../ingest/testdata/jinshuju.xlsx", false}, // "您的建议"
		{"../assess/testdata/missing.xlsx", false},
	} {
		if got := Sniff(filepath.FromSlash(c.file)); got != c.want {
			t.Errorf("%s: %v, want %v", c.file, got, c.want)
		}
	}
}
