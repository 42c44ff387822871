package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/score"
)

// The results page shows a held-back indicator, its dimension and the composite with the reason, not a
// number (data/score/testdata/holdback.csv: 20% of 服务态度's answers unreadable).
func TestResultsHeldBack(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id := addPolicy(t, u, data.Policy{Title: "测试政策"})
	if _, err := ingest.Import(ctx, u.store, ingest.Options{PolicyID: id, Round: "2026年度",
		Path: filepath.Join("..", "data", "score", "testdata", "holdback.csv")}, nil); err != nil {
		t.Fatal(err)
	}
	sc := score.NewScheme()
	sc.Dimensions.Process.Indicators = []score.IndicatorSpec{
		{Name: "办理便捷", Weight: 1, Questions: []string{"Q1"}},
		{Name: "服务态度", Weight: 1, Questions: []string{"Q2"}},
	}
	sc.Dimensions.Results.Indicators = []score.IndicatorSpec{{Name: "实施效果", Weight: 1, Questions: []string{"Q4"}}}
	if err := score.SetScheme(ctx, u.store, id, sc); err != nil {
		t.Fatal(err)
	}
	tab := newResultsTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	if tab.res == nil {
		t.Fatalf("no result shown; last error %q", u.lastError)
	}
	if tab.compositeText != "—" {
		t.Errorf("composite shown %q, want —", tab.compositeText)
	}
	if !strings.HasPrefix(tab.cardTexts[0], "暂缓计分：指标“服务态度”暂缓计分") {
		t.Errorf("process card = %q", tab.cardTexts[0])
	}
	found := false
	for _, r := range tab.indicatorRows() {
		if r.name == "服务态度" {
			found = r.score == nil && strings.Contains(r.heldBack, "有 20% 的回答")
		}
	}
	if !found {
		t.Errorf("服务态度 row not held back: %+v", tab.indicatorRows())
	}
}
