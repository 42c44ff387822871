package reports

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store/storetest"
)

// A held-back indicator (data/score/testdata/holdback.csv: 20% of 服务态度's answers unreadable) shows its
// reason in the report instead of a number, and so do its dimension and the composite; no grade, no
// question keys in the reasons.
func TestReportHeldBack(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	id := storetest.Policy(t, s, data.Policy{Title: "关于优化营商环境的若干措施", Dept: "市发展改革委", Category: "营商环境"}).ID
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: id, Round: "2026年度",
		Path: filepath.Join("..", "data", "score", "testdata", "holdback.csv")}, nil); err != nil {
		t.Fatal(err)
	}
	sc := score.NewScheme()
	sc.Dimensions.Process.Indicators = []score.IndicatorSpec{
		{Name: "办理便捷", Weight: 1, Questions: []string{"Q1"}},
		{Name: "服务态度", Weight: 1, Questions: []string{"Q2"}},
		{Name: "办事效率", Weight: 1, Questions: []string{"Q3"}},
	}
	sc.Dimensions.Results.Indicators = []score.IndicatorSpec{{Name: "实施效果", Weight: 1, Questions: []string{"Q4"}}}
	if err := score.SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	hp, _, err := Write(ctx, s, id, "", t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(hp)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		"综合得分暂缓给出：执行过程维度暂缓计分",
		"执行过程维度暂缓计分：指标“服务态度”暂缓计分",
		"指标“服务态度”暂缓计分：有 20% 的回答（2/10）无法识别（如“挺好的”）",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if m := regexp.MustCompile(`综合得分\d|<td>\d+\.\d（[优良中差]）`).FindString(page); m != "" {
		t.Errorf("report shows a composite score or grade: %q", m)
	}
	if !strings.Contains(page, "<td>综合得分</td>") || !regexp.MustCompile(`<td>综合得分</td>(<td[^>]*>[^<]*</td>){1}<td[^>]*>暂缓计分</td>`).MatchString(page) {
		t.Error("the dimension table does not hold the composite back")
	}
	// The reasons and warnings name questions by number and text, never by key.
	for _, m := range regexp.MustCompile(`暂缓计分[^<]*`).FindAllString(page, -1) {
		if regexp.MustCompile(`Q\d`).MatchString(m) {
			t.Errorf("question key in %q", m)
		}
	}
}
