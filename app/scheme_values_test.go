package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/score"
)

// 答案分值… lists what each scored question's answers get: the 4-point 满意 scale read from the question's
// own options (满意 is its top, 100), N分 answers on their inferred scale, and what was inferred.
func TestSchemeEditorShowsAnswerValues(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id := addPolicy(t, u, data.Policy{Title: "测试政策"})
	path := filepath.Join("..", "data", "score", "testdata", "likert_scales.csv")
	if _, err := ingest.Import(ctx, u.store, ingest.Options{PolicyID: id, Round: "2026年度", Path: path}, nil); err != nil {
		t.Fatal(err)
	}
	sc, err := score.ParseSchemeJSON([]byte(`{"dimensions": {"process": {"weight": 1, "indicators": [{"name": "窗口服务", "weight": 1, "questions": ["Q2", "Q5"]}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := score.SetScheme(ctx, u.store, id, sc); err != nil {
		t.Fatal(err)
	}
	tab := newSchemeTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	var values *widget.Button
	eachVisible(tab.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "答案分值…" {
			values = b
		}
	})
	if values == nil {
		t.Fatal("no 答案分值… button")
	}
	test.Tap(values)
	var texts []string
	eachVisible(u.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	all := strings.Join(texts, "\n")
	for _, want := range []string{"第2题“您对窗口办理服务的满意程度”", "满意 → 100.0 分", "不满意 → 0.0 分", "第5题", "5分 → 100.0 分"} {
		if !strings.Contains(all, want) {
			t.Errorf("answer values lack %q:\n%s", want, all)
		}
	}
}
