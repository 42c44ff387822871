package reports

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/gongping/gongping/assets/echarts"
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
	for _, id := range []string{"chart-radar", "chart-dim-0", "chart-dim-1", "chart-dim-2", "chart-problems", "chart-directions", "chart-ipa"} {
		if !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("demo report lacks %s", id)
		}
	}
	if n := strings.Count(page, `class="none"`); n > 0 {
		t.Errorf("demo report has %d empty sections; the sample should fill every one", n)
	}
	for _, o := range []string{"王建国", "李秀英"} { // the sample's 体验官 and respondents
		if strings.Contains(page, o) {
			t.Errorf("demo report publishes the name %s", o)
		}
	}
	rest := strings.Replace(page, echarts.MinJS, "", 1)
	if m := regexp.MustCompile(`(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)`).FindString(rest); m != "" {
		t.Errorf("demo report publishes a mobile number %q", m)
	}
	cells := strings.Join(checkXLSXSafe(t, xp), "\n")
	if m := regexp.MustCompile(`(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)`).FindString(cells); m != "" {
		t.Errorf("demo workbook publishes a mobile number %q", m)
	}
}
