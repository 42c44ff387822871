package app

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/score"
)

// findEntries lists the entries in o, through containers, scrolls, cards and forms, in layout order.
func findEntries(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			out = append(out, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		case *widget.Card:
			walk(x.Content)
		case *widget.Form:
			for _, it := range x.Items {
				walk(it.Widget)
			}
		}
	}
	walk(o)
	return out
}

// showSchemeTab selects policy id and its 评价方案 tab, and returns the tab's scheme-name entry.
func showSchemeTab(t *testing.T, u *UI, id int64) *widget.Entry {
	t.Helper()
	u.Refresh()
	u.selectPolicy(id)
	if u.detail.tabs == nil || u.detail.policy.ID != id {
		t.Fatalf("policy %d not shown", id)
	}
	for _, it := range u.detail.tabs.Items {
		if it.Text == "评价方案" {
			u.detail.tabs.Select(it)
			if es := findEntries(it.Content); len(es) > 0 {
				return es[0]
			}
			t.Fatal("the scheme tab has no entry")
		}
	}
	t.Fatal("no 评价方案 tab")
	return nil
}

// editScheme types a new scheme name on policy id's 评价方案 tab.
func editScheme(t *testing.T, u *UI, id int64, name string) {
	t.Helper()
	e := showSchemeTab(t, u, id)
	e.SetText("")
	test.Type(e, name)
	if len(u.unsavedEdits(false)) != 1 {
		t.Fatalf("typing in the scheme editor registered %d unsaved edits, want 1", len(u.unsavedEdits(false)))
	}
}

func storedSchemeName(t *testing.T, u *UI, id int64) string {
	t.Helper()
	sc, _, err := score.SchemeOf(context.Background(), u.store, id)
	if err != nil {
		t.Fatal(err)
	}
	return sc.Name
}

// askShown checks the 保存/不保存/取消 question is up and names the edit.
func askShown(t *testing.T, u *UI, want string) *unsavedAsk {
	t.Helper()
	a := u.pending.ask
	if a == nil {
		t.Fatal("no question about the unsaved edit")
	}
	if got := strings.Join(a.items, "|"); !strings.Contains(got, want) {
		t.Errorf("the question lists %q, want %q", got, want)
	}
	if a.save.Text != "保存" || a.discard.Text != "不保存" || a.cancel.Text != "取消" {
		t.Errorf("buttons %q %q %q, want 保存 不保存 取消", a.save.Text, a.discard.Text, a.cancel.Text)
	}
	if txt := overlayText(u); !strings.Contains(txt, "切换到其他政策前是否保存") && !strings.Contains(txt, "退出前是否保存") && !strings.Contains(txt, "打开其他工作区前是否保存") {
		t.Errorf("the dialog does not say what is about to happen: %q", overlayText(u))
	}
	return a
}

// newClosingTestUI is newTestUI on a window without the test driver's cleanup, which would close it a
// second time (the driver panics): for tests that close the window.
func newClosingTestUI(t *testing.T) (u *UI, closed *bool) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	u, err := newUI(a, w, filepath.Join(t.TempDir(), "test.gpw"), true)
	if err != nil {
		t.Fatal(err)
	}
	closed = new(bool)
	w.SetOnClosed(func() { *closed = true })
	t.Cleanup(func() {
		if !*closed {
			w.Close()
		}
		u.Close()
	})
	return u, closed
}

// Switching policy with the scheme edited asks; 取消 stays with the edit, 不保存 drops it, 保存 stores it.
func TestUnsavedSchemeOnPolicySwitch(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	other := addPolicy(t, u, data.Policy{Title: "另一项政策"})
	orig := storedSchemeName(t, u, id)

	editScheme(t, u, id, "改过的方案")
	u.selectPolicy(other)
	a := askShown(t, u, "评价方案（测试政策）")
	test.Tap(a.cancel)
	if u.policyID != id || u.detail.policy.ID != id || len(u.unsavedEdits(false)) != 1 {
		t.Fatalf("取消: policy %d shown %d, %d unsaved edits; want policy %d still shown with its edit", u.policyID, u.detail.policy.ID, len(u.unsavedEdits(false)), id)
	}
	if storedSchemeName(t, u, id) != orig {
		t.Error("取消 stored the scheme")
	}

	// Esc is 取消 too.
	u.selectPolicy(other)
	askShown(t, u, "评价方案")
	if !u.dismissTop() || u.policyID != id || u.pending.ask != nil {
		t.Errorf("Esc: policy %d, question still up %v", u.policyID, u.pending.ask != nil)
	}

	u.selectPolicy(other)
	test.Tap(askShown(t, u, "评价方案").discard)
	if u.policyID != other || u.detail.policy.ID != other {
		t.Fatalf("不保存: shown %d, want %d", u.detail.policy.ID, other)
	}
	if storedSchemeName(t, u, id) != orig {
		t.Error("不保存 stored the scheme")
	}
	if n := len(u.unsavedEdits(false)); n != 0 {
		t.Errorf("after 不保存 %d unsaved edits remain", n)
	}

	editScheme(t, u, id, "改过的方案")
	u.selectPolicy(other)
	test.Tap(askShown(t, u, "评价方案").save)
	if u.lastError != "" {
		t.Fatal(u.lastError)
	}
	if got := storedSchemeName(t, u, id); got != "改过的方案" {
		t.Errorf("保存 stored %q", got)
	}
	if u.policyID != other || u.detail.policy.ID != other {
		t.Errorf("保存 did not go on to policy %d (shown %d)", other, u.detail.policy.ID)
	}

	// Nothing unsaved: the switch asks nothing.
	u.selectPolicy(id)
	if u.pending.ask != nil || u.policyID != id {
		t.Error("a switch with nothing unsaved asked")
	}
}

// A save that fails keeps the window where it was and shows why.
func TestUnsavedSaveErrorStays(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	other := addPolicy(t, u, data.Policy{Title: "另一项政策"})
	showSchemeTab(t, u, id)
	es := findEntries(u.detail.tabs.Selected().Content)
	es[1].SetText("0") // the first dimension weight
	u.selectPolicy(other)
	test.Tap(askShown(t, u, "评价方案").save)
	if !strings.Contains(u.lastError, "权重") {
		t.Errorf("error shown %q, want the weight's", u.lastError)
	}
	if u.policyID != id || u.detail.policy.ID != id || len(u.unsavedEdits(false)) != 1 {
		t.Errorf("after a failed save: policy %d, %d unsaved edits; want %d still shown, edit kept", u.policyID, len(u.unsavedEdits(false)), id)
	}
}

// The window's close button, 文件→退出 and Ctrl-Q ask the same question: 取消 keeps the window open,
// 不保存 closes it, 保存 stores the scheme and closes it.
func TestUnsavedOnClose(t *testing.T) {
	quitters := map[string]func(u *UI){
		"close button": func(u *UI) { u.quit() }, // what SetCloseIntercept installs (checked below)
		"文件→退出": func(u *UI) {
			items := u.Win.MainMenu().Items[0].Items
			last := items[len(items)-1]
			if last.Label != "退出" || !last.IsQuit || last.Shortcut != shortcutQuit {
				t.Fatalf("the File menu ends with %q (quit %v)", last.Label, last.IsQuit)
			}
			last.Action()
		},
		"Ctrl-Q": func(u *UI) { u.Win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutQuit) },
	}
	for name, quit := range quitters {
		t.Run(name, func(t *testing.T) {
			u, closed := newClosingTestUI(t)
			if f := reflect.ValueOf(u.Win).Elem().FieldByName("onCloseIntercepted"); !f.IsValid() || f.IsNil() {
				t.Fatal("the window's close button is not intercepted")
			}
			id := scoredWorkspace(t, u)
			orig := storedSchemeName(t, u, id)
			editScheme(t, u, id, "关闭前改的方案")

			quit(u)
			test.Tap(askShown(t, u, "评价方案（测试政策）").cancel)
			if *closed || storedSchemeName(t, u, id) != orig {
				t.Fatalf("取消: closed %v, stored %q", *closed, storedSchemeName(t, u, id))
			}

			quit(u)
			test.Tap(askShown(t, u, "评价方案").save)
			if !*closed || storedSchemeName(t, u, id) != "关闭前改的方案" {
				t.Fatalf("保存: closed %v, stored %q", *closed, storedSchemeName(t, u, id))
			}
		})
	}

	u, closed := newClosingTestUI(t)
	id := scoredWorkspace(t, u)
	orig := storedSchemeName(t, u, id)
	editScheme(t, u, id, "不要的方案")
	u.quit()
	test.Tap(askShown(t, u, "评价方案").discard)
	if !*closed || storedSchemeName(t, u, id) != orig {
		t.Errorf("不保存: closed %v, stored %q", *closed, storedSchemeName(t, u, id))
	}

	// Nothing unsaved: it closes without a word.
	u2, closed2 := newClosingTestUI(t)
	u2.quit()
	if !*closed2 || u2.pending.ask != nil {
		t.Error("quitting with nothing unsaved asked or did not close")
	}
}

// The 概览 tab's consultation dates and a need typed and not saved are asked about too; 保存 stores them.
func TestUnsavedConsultation(t *testing.T) {
	u, closed := newClosingTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "征求意见的政策"})
	u.Refresh()
	u.selectPolicy(id)
	es := findEntries(u.detail.tabs.Selected().Content)
	if len(es) < 2 {
		t.Fatal("no consultation entries on 概览")
	}
	if len(es) < 7 {
		t.Fatalf("%d entries on 概览, want the consultation's 4 and a need's", len(es))
	}
	es[0].SetText("2026-02-12")
	es[1].SetText("2026-03-13")
	es[4].SetText("2025-12-01") // a need typed, not added
	es[5].SetText("企业座谈会")
	es[6].SetText("12")
	u.quit()
	a := askShown(t, u, "概览·征求意见期（征求意见的政策）")
	askShown(t, u, "概览·尚未添加的需求征集（征求意见的政策）")
	test.Tap(a.save)
	got, err := u.store.Consultation(context.Background(), id)
	if err != nil || got.Start != "2026-02-12" || got.End != "2026-03-13" {
		t.Errorf("stored %+v, %v", got, err)
	}
	if ns, _ := u.store.Needs(context.Background(), id); len(ns) != 1 || ns[0].Channel != "企业座谈会" || ns[0].Count != 12 {
		t.Errorf("needs stored: %+v", ns)
	}
	if !*closed {
		t.Error("the window stayed open after both saved")
	}
}

// Opening another workspace asks as well; 取消 keeps the current one.
func TestUnsavedOnOpenWorkspace(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	path := u.store.Path
	editScheme(t, u, id, "改过的方案")
	other := filepath.Join(t.TempDir(), "other.gpw")
	u.OpenWorkspace(other)
	test.Tap(askShown(t, u, "评价方案").cancel)
	if u.store.Path != path {
		t.Fatalf("取消 opened %s", u.store.Path)
	}
	u.OpenWorkspace(other)
	test.Tap(askShown(t, u, "评价方案").discard)
	if u.store.Path != other || len(u.pending.list) != 0 {
		t.Errorf("不保存: workspace %s, %d registrations left", u.store.Path, len(u.pending.list))
	}
}

// Quitting with the policy form open asks too; a refusal of the form keeps the window open with the
// form saying why; once it saves, the window closes.
func TestUnsavedPolicyForm(t *testing.T) {
	u, closed := newClosingTestUI(t)
	u.showPolicyForm(nil)
	var form *widget.Form
	for _, o := range overlayObjects(u) {
		if fm, ok := o.(*widget.Form); ok && form == nil {
			form = fm
		}
	}
	if form == nil {
		t.Fatal("no policy form")
	}
	test.Type(form.Items[0].Widget.(*widget.Entry), "关于退出前保存的政策")
	u.quit()
	test.Tap(askShown(t, u, "正在编辑的政策信息（关于退出前保存的政策）").save)
	if *closed {
		t.Fatal("the form's refusal closed the window")
	}
	if txt := overlayText(u); !strings.Contains(txt, "承办单位") {
		t.Errorf("the form does not say why it was refused: %q", txt)
	}
	if ps, _ := u.store.ListPolicies(context.Background(), data.PolicyFilter{}); len(ps) != 0 {
		t.Fatalf("stored %d policies", len(ps))
	}

	form.Items[2].Widget.(*widget.SelectEntry).SetText("市商务局")
	form.Items[3].Widget.(*widget.Select).SetSelectedIndex(0)
	u.quit()
	test.Tap(askShown(t, u, "正在编辑的政策信息").save)
	ps, _ := u.store.ListPolicies(context.Background(), data.PolicyFilter{})
	if !*closed || len(ps) != 1 || ps[0].Title != "关于退出前保存的政策" {
		t.Errorf("after a save that succeeds: closed %v, policies %+v", *closed, ps)
	}
}
