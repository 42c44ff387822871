package app

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/score"
)

var scoreTabSize = fyne.NewSize(1200, 800)

// A new policy's editor starts from the default scheme with the survey's questions matched by text;
// weights are shown normalised as they are typed; Save stores the scheme.
func TestSchemeEditor(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	ctx := context.Background()
	// Forget the stored scheme to see the editor's default.
	// (With a connection of the test's own: the window has no way to remove a scheme.)
	db, err := sql.Open("sqlite", "file:"+u.store.Path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `DELETE FROM schemes WHERE policy_id=?`, id); err != nil {
		t.Fatal(err)
	}
	tab := newSchemeTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	if tab.set || tab.dirty || !strings.Contains(tab.status.Text, "尚未保存评价方案") {
		t.Errorf("status = %q, want the not-saved-yet notice", tab.status.Text)
	}
	if tab.sc.Overall != "Q7" || len(tab.sc.Problems) != 1 {
		t.Errorf("suggested mapping not applied: overall %q problems %v", tab.sc.Overall, tab.sc.Problems)
	}
	// Dimension weights 1:1:1 → 33.3% each; typing 2 for 执行过程 → 50%, 25%, 25%.
	norms := tab.norms["dimensions"]
	if len(norms) != 3 || norms[0].Text != "= 33.3%" {
		t.Fatalf("dimension norms = %v", normTexts(norms))
	}
	entry := findWeightEntry(t, tab)
	entry.SetText("")
	test.Type(entry, "2")
	if got := normTexts(tab.norms["dimensions"]); got != "= 50.0%|= 25.0%|= 25.0%" {
		t.Errorf("after typing 2: %s", got)
	}
	if tab.sc.Dimensions.Process.Weight != 2 || !tab.dirty {
		t.Errorf("weight %v dirty %v", tab.sc.Dimensions.Process.Weight, tab.dirty)
	}

	// The fixture's numeric Q4 is declared 1–5 by the suggestion (options 2…5 and a label are not 1…n),
	// so give it its scale by hand, as a user would, then save.
	tab.sc.Questions["Q4"] = score.Scale{Points: 5, Best: 5}
	// The default scheme keeps indicators no question matched: saving says what scoring does with them
	// first, and stores nothing before the answer.
	tab.save()
	if txt := overlayText(u); !strings.Contains(txt, "未选题目：计分时没有得分，不计入维度得分") {
		t.Fatalf("save did not warn about the indicators without questions: %q", txt)
	}
	if _, set, _ := score.SchemeOf(ctx, u.store, id); set {
		t.Fatal("stored before the answer")
	}
	tapOverlay(t, u, "仍然保存")
	if u.lastError != "" {
		t.Fatalf("save: %s", u.lastError)
	}
	sc, set, err := score.SchemeOf(ctx, u.store, id)
	if err != nil || !set || sc.Dimensions.Process.Weight != 2 {
		t.Errorf("stored: set=%v err=%v weight=%v", set, err, sc.Dimensions.Process.Weight)
	}
	if !strings.Contains(tab.status.Text, "已保存") {
		t.Errorf("status after save = %q", tab.status.Text)
	}

	// A non-positive weight is refused with a message naming it, and nothing is stored.
	tab.sc.Dimensions.Standards.Weight = 0
	tab.save()
	tapOverlay(t, u, "仍然保存")
	if !strings.Contains(u.lastError, "细则标准") {
		t.Errorf("zero weight: last error %q", u.lastError)
	}
}

func TestSchemeEditorWithoutSurvey(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "没有问卷的政策"})
	tab := newSchemeTab(u, id)
	if len(tab.sc.Dimensions.Process.Indicators) == 0 || tab.sc.Sources != score.DefaultSources {
		t.Errorf("default scheme not shown: %s", tab.sc.JSON())
	}
}

func normTexts(ls []*widget.Label) string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Text)
	}
	return strings.Join(out, "|")
}

// findWeightEntry returns the entry of the first dimension weight (the first entry after the scheme name).
func findWeightEntry(t *testing.T, tab *schemeTab) *widget.Entry {
	t.Helper()
	var entries []*widget.Entry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			entries = append(entries, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *widget.Card:
			walk(x.Content)
		case *widget.Form:
			for _, it := range x.Items {
				walk(it.Widget)
			}
		}
	}
	walk(tab.body)
	if len(entries) < 2 {
		t.Fatal("no weight entry found")
	}
	return entries[1]
}

// The AHP form recomputes weights and CR as judgements change and warns at CR ≥ 0.1.
func TestAHPForm(t *testing.T) {
	f := newAHPForm([]string{"执行过程", "细则标准", "取得成效"})
	if len(f.weights) != 3 || f.cr != 0 || f.result.Importance != widget.SuccessImportance {
		t.Fatalf("all equal: weights %v cr %v", f.weights, f.cr)
	}
	// A > B (3), A < C (1/3), B > C (3): intransitive, CR ≥ 0.1.
	f.sels[0].SetSelected("3")
	f.sels[1].SetSelected("1/3")
	f.sels[2].SetSelected("3")
	if f.cr < 0.1 || f.result.Importance != widget.WarningImportance || !strings.Contains(f.result.Text, "一致性不足") {
		t.Errorf("inconsistent: cr %v, text %q", f.cr, f.result.Text)
	}
	// A = 3B = 9C, B = 3C: consistent, weights 9:3:1.
	f.sels[0].SetSelected("3")
	f.sels[1].SetSelected("9")
	f.sels[2].SetSelected("3")
	if f.cr > 1e-9 || f.weights[0] < f.weights[1] || f.weights[1] < f.weights[2] {
		t.Errorf("consistent: cr %v weights %v", f.cr, f.weights)
	}
}
