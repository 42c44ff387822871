package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/score"
)

// The mouse wheel over a text box scrolls the editor (Fyne gives it to the entry's own scroller).
func TestSchemeWheelOverEntries(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	tab := newSchemeTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(fyne.NewSize(1000, 600))
	d := fyne.CurrentApp().Driver()
	es := findEntries(tab.body)
	if len(es) < 3 {
		t.Fatal("no entries")
	}
	for i, e := range []*widget.Entry{es[0], es[1], es[len(es)-1]} { // the name, a weight, a multi-line entry
		tab.scroll.ScrollToOffset(fyne.NewPos(0, 0))
		tab.scroll.ScrollToOffset(fyne.NewPos(0, d.AbsolutePositionForObject(e).Y-100)) // entry on screen
		before := tab.scroll.Offset.Y
		pos := d.AbsolutePositionForObject(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
		dy := float32(-60) // down the page
		if before > 0 {
			dy = 60 // the last entry: at the end already, so up
		}
		test.Scroll(w.Canvas(), pos, 0, dy)
		if moved := tab.scroll.Offset.Y - before; moved == 0 || (moved > 0) != (dy < 0) {
			t.Errorf("entry %d (%q): the wheel over it left the editor at %v (was %v)", i, e.Text, tab.scroll.Offset.Y, before)
		}
	}
}

// The editing area has the tab's height but one row of buttons and the status.
func TestSchemeEditingAreaHeight(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	tab := newSchemeTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(fyne.NewSize(1000, 600))
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(tab.scroll).Y
	if top > 64 {
		t.Errorf("the editing area starts %v px down the tab, want one row of buttons (≤ 64)", top)
	}
	if h := tab.scroll.Size().Height; h < 600-64-2*theme.Padding() {
		t.Errorf("the editing area is %v px high in a 600 px tab", h)
	}
	// The file actions scroll with the scheme.
	var found bool
	for _, o := range tab.body.Objects {
		if o == tab.files {
			found = true
		}
	}
	if !found {
		t.Error("导入/导出/默认方案/方案历史 are not atop the editing area")
	}
}

// A question used by two indicators is flagged beside both, counted in the status line and said before
// saving; an indicator without questions shows as a warning, is counted, and saving says what scoring does.
func TestSchemeIssuesShown(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	ctx := context.Background()
	sc, err := score.ParseSchemeJSON([]byte(`{"name":"有问题的方案","questions":{"Q4":{"points":5,"best":5}},
 "dimensions":{"process":{"indicators":[{"name":"便捷","questions":["Q2","Q3"]},{"name":"态度","questions":["Q3"]},{"name":"宣传","questions":[]}]},
               "standards":{"indicators":[{"name":"知晓","questions":["Q4"]}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := score.SetScheme(ctx, u.store, id, sc); err != nil {
		t.Fatal(err)
	}
	tab := newSchemeTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	at := func(i int) score.IndicatorAt { return score.IndicatorAt{Dimension: "process", Index: i} }
	for i, want := range []string{"Q3 也用于“执行过程”的“态度”", "Q3 也用于“执行过程”的“便捷”", "未选题目：计分时本指标没有得分"} {
		n := tab.notes[at(i)]
		if n == nil || !n.Visible() || !strings.Contains(n.Text, want) || n.Importance != widget.WarningImportance {
			t.Errorf("indicator %d: note %+v, want a visible warning %q", i, n, want)
		}
	}
	if n := tab.notes[score.IndicatorAt{Dimension: "standards", Index: 0}]; n.Visible() {
		t.Errorf("a clean indicator shows %q", n.Text)
	}
	if b := tab.qbtns[at(2)]; b.Text != "（未选题目）" || b.Importance != widget.WarningImportance {
		t.Errorf("empty indicator's button %q importance %v, want a warning", b.Text, b.Importance)
	}
	if b := tab.qbtns[at(0)]; b.Importance == widget.WarningImportance {
		t.Error("an indicator with questions shows as a warning")
	}
	if !tab.issues.Visible() || tab.issues.Text != "1 个指标未选题目；1 道题重复计算" || tab.issues.Importance != widget.WarningImportance {
		t.Errorf("status line counts %q (visible %v)", tab.issues.Text, tab.issues.Visible())
	}
	// The count goes to the first indicator flagged.
	tab.scroll.ScrollToOffset(fyne.NewPos(0, 0))
	test.Tap(tab.issues)
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(tab.notes[at(0)]).Y - d.AbsolutePositionForObject(tab.scroll).Y
	if tab.scroll.Offset.Y == 0 || y < 0 || y > tab.scroll.Size().Height {
		t.Errorf("after tapping the count the first warning is %v px into a %v px editing area (offset %v)", y, tab.scroll.Size().Height, tab.scroll.Offset.Y)
	}

	// Saving says what scoring will do; 取消 stores nothing.
	tab.sc.Name = "改名"
	tab.changed()
	tab.save()
	txt := overlayText(u)
	for _, want := range []string{"题目 Q3 同时用于指标“执行过程”的“便捷”和“执行过程”的“态度”：它在该维度得分中被计算 2 次",
		"“执行过程”的指标“宣传”未选题目：计分时没有得分"} {
		if !strings.Contains(txt, want) {
			t.Errorf("save warning lacks %q:\n%s", want, txt)
		}
	}
	tapOverlay(t, u, "取消")
	if got, _, _ := score.SchemeOf(ctx, u.store, id); got.Name != "有问题的方案" || !tab.dirty {
		t.Fatalf("取消 stored %q (dirty %v)", got.Name, tab.dirty)
	}

	// Fixing them clears the notes and the count as it happens.
	tab.sc.Dimensions.Process.Indicators[1].Questions = []string{"Q5"}
	tab.sc.Dimensions.Process.Indicators[2].Questions = []string{"Q6"}
	tab.changed()
	if tab.notes[at(0)].Visible() || tab.notes[at(2)].Visible() || tab.issues.Visible() || tab.qbtns[at(2)].Importance == widget.WarningImportance {
		t.Errorf("after fixing: notes %q %q, count %q", tab.notes[at(0)].Text, tab.notes[at(2)].Text, tab.issues.Text)
	}
	tab.sc.Dimensions.Process.Indicators[1].Questions = []string{"Q3"}
	tab.sc.Dimensions.Process.Indicators[2].Questions = []string{"Q7"}
	tab.changed()
	tab.save()
	tapOverlay(t, u, "仍然保存")
	if got, _, _ := score.SchemeOf(ctx, u.store, id); got.Name != "改名" || u.lastError != "" {
		t.Errorf("仍然保存 stored %q (%s)", got.Name, u.lastError)
	}
}

// While the editor is laid out, 正在载入 and a spinner show in the status's place; the top of the editor
// comes first, the rest after a frame; then the status is back.
func TestSchemeLoadingSpinner(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	tab := newSchemeTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	if tab.loading.Visible() || tab.spin.Running() || !tab.status.Visible() {
		t.Fatal("loaded (inline), yet the spinner shows")
	}
	var queue []func()
	tab.later = func(f func()) { queue = append(queue, f) }
	loading := func(step string, want bool) {
		t.Helper()
		if tab.loading.Visible() != want || tab.spin.Running() != want || tab.status.Visible() == want {
			t.Errorf("%s: loading shown %v, spinning %v, status shown %v; want loading %v", step, tab.loading.Visible(), tab.spin.Running(), tab.status.Visible(), want)
		}
	}
	tab.build(true)
	loading("before the first step", true)
	if objs := tab.body.Objects; len(objs) != 1 {
		t.Fatalf("before the first step: %d objects, want the files row", len(objs))
	}
	queue[0]()
	queue = queue[1:]
	loading("first step", true)
	if objs := tab.body.Objects; len(objs) != 4 {
		t.Fatalf("first step: %d objects (want the files row, name, weights, 执行过程)", len(objs))
	}
	if got := normTexts(tab.norms["ind:process"]); got != "= 66.7%|= 33.3%" {
		t.Errorf("执行过程's norms while the rest is laid out: %s", got)
	}
	steps := 1
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		f()
		steps++
	}
	if steps != 2 || len(tab.body.Objects) != 1+len(tab.parts()) {
		t.Errorf("%d steps, %d objects for %d parts", steps, len(tab.body.Objects), len(tab.parts()))
	}
	loading("laid out", false)
	if got := normTexts(tab.norms["dimensions"]); got != "= 33.3%|= 33.3%|= 33.3%" {
		t.Errorf("dimension norms after a progressive layout: %s", got)
	}

	// A layout started meanwhile wins: the old one's next steps do nothing.
	tab.build(true)
	old := queue
	queue = nil
	tab.rebuild()
	for _, f := range old {
		f()
	}
	loading("after a stale step", false)
	if len(tab.body.Objects) != 1+len(tab.parts()) {
		t.Errorf("a stale step added parts: %d objects", len(tab.body.Objects))
	}
}

// 方案历史 gives each version's time in the computer's time zone (stored in UTC).
func TestSchemeHistoryLocalTime(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	h, err := score.SchemeHistory(context.Background(), u.store, id)
	if err != nil || len(h) == 0 {
		t.Fatal(h, err)
	}
	at, err := time.Parse(time.RFC3339, h[0].SavedAt)
	if err != nil {
		t.Fatal(err)
	}
	beijing := time.FixedZone("北京时间", 8*3600)
	displayZone = func() *time.Location { return beijing }
	defer func() { displayZone = func() *time.Location { return time.Local } }()
	tab := newSchemeTab(u, id)
	tab.showHistory()
	want := at.In(beijing).Format("2006-01-02 15:04:05")
	if txt := overlayText(u); !strings.Contains(txt, want) || strings.Contains(txt, "UTC") {
		t.Errorf("history shows %q, want the local time %s", txt, want)
	}
}
