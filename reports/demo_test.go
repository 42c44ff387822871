package reports

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/store/storetest"
)

// TestDemoReport writes the bundled sample policy's report (what `gongping demo --report` publishes)
// and checks it is complete and safe: every section filled, every chart there, no personal data.
func TestDemoReport(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	ids, err := demo.Run(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	hp, xp, err := Write(ctx, s, ids[0], "", t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(hp)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	checkHTMLSafe(t, page)
	// Every chart is there, as a static drawing under its caption.
	for _, c := range []string{"各维度得分", "主要问题提及率", "重要性—表现分析", "执行过程各指标得分", "细则标准各指标得分", "取得成效各指标得分", "改进需求占比"} {
		found := false
		for _, f := range strings.Split(page, "<figure")[1:] {
			f, _, _ = strings.Cut(f, "</figure>")
			cap := regexp.MustCompile(`<figcaption>图\d+　` + c + `</figcaption>`)
			found = found || (cap.MatchString(f) && strings.Contains(f, "<svg") && strings.Contains(f, "</svg>"))
		}
		if !found {
			t.Errorf("demo report lacks the chart %s", c)
		}
	}
	if n := strings.Count(page, "<svg"); n != 7 {
		t.Errorf("demo report has %d charts, want 7", n)
	}
	// The sample fills every section: no section says it has nothing.
	for _, empty := range []string{"尚无", "尚未能计算", "未形成", "未发现突出问题"} {
		if strings.Contains(page, empty) {
			t.Errorf("demo report says %q; the sample should fill every section", empty)
		}
	}
	for _, o := range []string{"王建国", "李秀英"} { // the sample's 体验官 and respondents
		if strings.Contains(page, o) {
			t.Errorf("demo report publishes the name %s", o)
		}
	}
	if m := regexp.MustCompile(`(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)`).FindString(page); m != "" {
		t.Errorf("demo report publishes a mobile number %q", m)
	}
	cells := strings.Join(checkXLSXSafe(t, xp), "\n")
	if m := regexp.MustCompile(`(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)`).FindString(cells); m != "" {
		t.Errorf("demo workbook publishes a mobile number %q", m)
	}
}
