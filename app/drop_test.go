package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/score"
)

// copyAs copies a sample file to a temp file named name, so routing cannot lean on the file's name.
func copyAs(t *testing.T, src, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(src))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// overlayObjects lists every object in the window's top overlay (the dialog shown last), nil when none.
func overlayObjects(u *UI) []fyne.CanvasObject {
	top := u.Win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return out
}

func overlayHasText(u *UI, text string) bool {
	for _, o := range overlayObjects(u) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

func overlayButton(u *UI, text string) *widget.Button {
	for _, o := range overlayObjects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

func drop(u *UI, path string) {
	u.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
}

func countOpinions(t *testing.T, u *UI, id int64) int {
	t.Helper()
	ops, err := loop.Opinions(context.Background(), u.store, id)
	if err != nil {
		t.Fatal(err)
	}
	return len(ops)
}

// Dropped files go to the importer their header fits, whatever their name says.
func TestDropRoutesByContent(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "拖放测试"})
	u.selectPolicy(id)
	ctx := context.Background()

	// A 问卷星 export whose title mentions 评估 opens the survey wizard and imports nothing else.
	drop(u, copyAs(t, "../assets/sample/营商环境政策满意度调查_问卷星按选项文本.xlsx", "第三方评估问卷_意见.xlsx"))
	if !overlayHasText(u, lang.L("Import survey data")) {
		t.Error("survey export: the survey wizard is not shown")
	}
	if n := countOpinions(t, u, id); n != 0 || u.lastError != "" {
		t.Errorf("survey export: %d opinions imported, error %q", n, u.lastError)
	}

	// A consultation export named like a survey is imported as opinions.
	drop(u, copyAs(t, "../assets/sample/opinions/opinions.xlsx", "评估问卷.xlsx"))
	if n := countOpinions(t, u, id); n == 0 || u.lastError != "" {
		t.Fatalf("opinions export: %d opinions imported, error %q", n, u.lastError)
	}

	// Score sheets named like opinions go to the assessment and 体验官 importers.
	drop(u, copyAs(t, "../assets/sample/第三方评估打分表.xlsx", "意见汇总.xlsx"))
	drop(u, copyAs(t, "../assets/sample/政策体验官反馈表.xlsx", "问卷.csv.xlsx"))
	if u.lastError != "" {
		t.Fatalf("score sheets: %q", u.lastError)
	}
	res, err := score.Score(ctx, u.store, id, "")
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Dimensions[0]; d.Assessment == nil || d.Officers == nil {
		t.Errorf("after dropping the score sheets: assessment %v, officers %v", d.Assessment, d.Officers)
	}
}

// A file whose header fits no importer makes the user choose; the choice runs that importer.
func TestDropAsksWhenUnsure(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "拖放测试"})
	u.selectPolicy(id)
	drop(u, "../data/ingest/testdata/generic.csv") // a plain sheet: no known layout, no 意见内容 or score columns
	b := overlayButton(u, lang.L("Opinions export"))
	if b == nil {
		t.Fatal("no choice dialog for a sheet that fits no importer")
	}
	for _, k := range dropKinds {
		if overlayButton(u, lang.L(k.label)) == nil {
			t.Errorf("choice %q missing", k.label)
		}
	}
	test.Tap(b)
	if n := countOpinions(t, u, id); n == 0 || u.lastError != "" {
		t.Errorf("chosen as opinions: %d imported, error %q", n, u.lastError)
	}
}

func TestDropNotTaken(t *testing.T) {
	u := newTestUI(t)
	if dropSheet(u, 0, "../assets/sample/第三方评估打分表.xlsx") {
		t.Error("a drop with no policy selected was taken")
	}
	if dropSheet(u, 1, "/tmp/评估.pdf") {
		t.Error("a PDF was taken")
	}
}

// Which importer a file fits is data/importer's (TestFits, BenchmarkFits there); the tests above drive the
// window's routing.
