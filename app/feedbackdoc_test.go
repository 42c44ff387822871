package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/loop"
)

// buttonNamed finds the button with this text anywhere under o.
func buttonNamed(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := buttonNamed(c, text); b != nil {
				return b
			}
		}
		return nil
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if b := buttonNamed(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// The 发布 tab's adoption-feedback card has 生成采纳情况说明: before the feedback is published it
// writes a draft from the decisions as they stand, and says so.
func TestNoticeButtonDraft(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	if _, err := loop.AddOpinion(context.Background(), u.store, id, data.Opinion{Content: "建议延长申报期限。", Submitter: "张伟"}); err != nil {
		t.Fatal(err)
	}
	p := newPublishTab(u, id)
	b := buttonNamed(p.content, "生成采纳情况说明")
	if b == nil {
		t.Fatal("the 发布 tab has no 生成采纳情况说明 button")
	}
	dir := filepath.Join(t.TempDir(), "out")
	p.folder.SetText(dir)
	test.Tap(b)
	if u.lastError != "" {
		t.Fatalf("error: %s", u.lastError)
	}
	for _, n := range []string{"采纳情况说明.html", "采纳情况说明.docx"} {
		if fi, err := os.Stat(filepath.Join(dir, n)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", n, err)
		}
	}
	n := noticeOf(t, p)
	if !strings.Contains(n.result.Text, "已生成草稿") || !strings.Contains(n.result.Text, "采纳情况尚未公开") ||
		!strings.Contains(n.result.Text, filepath.Join(dir, "采纳情况说明.docx")) || !n.openHTML.Visible() || !n.openDir.Visible() || b.Disabled() {
		t.Errorf("result %q, open buttons %v %v, button disabled %v", n.result.Text, n.openHTML.Visible(), n.openDir.Visible(), b.Disabled())
	}

	// No folder: the user is told to choose one, nothing is written.
	p.folder.SetText(" ")
	test.Tap(b)
	if !strings.Contains(u.lastError, "请选择保存报告的文件夹") {
		t.Errorf("no folder: error %q", u.lastError)
	}
}

// After the feedback is published, the notice is the published one, dated by the publication.
func TestNoticeButtonPublished(t *testing.T) {
	u := newTestUI(t)
	ids, err := demo.Run(context.Background(), u.store)
	if err != nil {
		t.Fatal(err)
	}
	p := newPublishTab(u, ids[0])
	p.folder.SetText(t.TempDir())
	test.Tap(buttonNamed(p.content, "生成采纳情况说明"))
	if u.lastError != "" {
		t.Fatalf("error: %s", u.lastError)
	}
	n := noticeOf(t, p)
	for _, want := range []string{"已按 2026年4月15日 公开的采纳情况（第 1 版）生成说明", "另有 3 条修订记录晚于该次公开"} {
		if !strings.Contains(n.result.Text, want) {
			t.Errorf("result %q lacks %q", n.result.Text, want)
		}
	}
}

// noticeOf finds the notice section under the tab (laid out by newNoticeSection: separator, hint,
// the button's row, the result, the open buttons' row) and returns its parts.
func noticeOf(t *testing.T, p *publishTab) *noticeSection {
	t.Helper()
	b := buttonNamed(p.content, "生成采纳情况说明")
	var found *noticeSection
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			if len(c.Objects) == 5 {
				if row, ok := c.Objects[2].(*fyne.Container); ok && len(row.Objects) == 1 && row.Objects[0] == b {
					opens := c.Objects[4].(*fyne.Container).Objects
					found = &noticeSection{generate: b, result: c.Objects[3].(*widget.Label),
						openHTML: opens[0].(*widget.Button), openDir: opens[1].(*widget.Button)}
					return
				}
			}
			for _, x := range c.Objects {
				walk(x)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, x := range test.WidgetRenderer(w).Objects() {
				walk(x)
			}
		}
	}
	walk(p.content)
	if found == nil {
		t.Fatal("no notice section in the tab")
	}
	return found
}
