package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/demo"
)

// demoUI is a window on a workspace holding the sample evaluation, with its policy selected.
func demoUI(t *testing.T) (*UI, int64) {
	t.Helper()
	u := newTestUI(t)
	ids, err := demo.Run(context.Background(), u.store)
	if err != nil {
		t.Fatal(err)
	}
	u.Refresh()
	u.list.list.Select(0)
	if u.policyID != ids[0] || u.detail.tabs == nil {
		t.Fatalf("demo policy not shown: policyID=%d", u.policyID)
	}
	return u, ids[0]
}

// The window fits a 1024×768 screen whichever tab was opened (opening 意见 used to hold it at 1122 px),
// and the policy list keeps its width from tab to tab (it jumped between 165, 290 and 360 px).
func TestWindowFitsA1024Screen(t *testing.T) {
	u, _ := demoUI(t)
	u.Win.Resize(fyne.NewSize(1024, 768))
	listW := float32(-1)
	for i, it := range u.detail.tabs.Items {
		u.detail.tabs.SelectIndex(i)
		min := u.Win.Content().MinSize()
		scroll := it.Content.(*fyne.Container).Objects[0].(*container.Scroll) // fitPage
		page, room := scroll.Content.MinSize(), scroll.Size().Width
		t.Logf("%s: window minimum %.0f×%.0f; page %.0f×%.0f, room beside the list %.0f", it.Text, min.Width, min.Height, page.Width, page.Height, room)
		if min.Width > 1024 {
			t.Errorf("after opening %s the window cannot be narrower than %.0f px (want ≤ 1024)", it.Text, min.Width)
		}
		// Without the scroller around the pages the window would need the list's minimum beside the page.
		if need := u.list.content.MinSize().Width + 4*theme.Padding() + page.Width; need > 1024 {
			t.Errorf("%s is %.0f px wide: with the policy list the window needs %.0f px (want ≤ 1024)", it.Text, page.Width, need)
		}
		if page.Width > room {
			t.Errorf("%s scrolls sideways at 1024 px by %.0f px", it.Text, page.Width-room)
		}
		// 1366×768 at 125 %: 614 px of height for the menu, the page and the title bar's share.
		if min.Height > 560 {
			t.Errorf("after opening %s the window cannot be lower than %.0f px (want ≤ 560)", it.Text, min.Height)
		}
		w := u.list.content.Size().Width
		if listW >= 0 && w != listW {
			t.Errorf("the policy list is %.0f px wide on %s, %.0f px on the tab before", w, it.Text, listW)
		}
		listW = w
	}
	if listW < 250 {
		t.Errorf("the policy list is %.0f px wide at 1024 px, want ≥ 250 (titles cut)", listW)
	}
}

// A flow toolbar is as narrow as its widest button and wraps onto rows.
func TestFlowWraps(t *testing.T) {
	var bs []fyne.CanvasObject
	for _, s := range []string{"导入意见…", "采用问卷开放题回答", "添加意见…", "导入记录…", "重新分组"} {
		bs = append(bs, widget.NewButton(s, nil))
	}
	f := newFlow(bs...)
	one := container.NewHBox(bs...).MinSize()
	if f.MinSize().Width >= one.Width/2 || f.MinSize().Height != one.Height {
		t.Fatalf("flow min %v, one row %v: want the widest button's width and one row before layout", f.MinSize(), one)
	}
	f.Resize(fyne.NewSize(one.Width*0.6, 200))
	if h := f.MinSize().Height; h < 2*one.Height {
		t.Errorf("at 60%% of one row's width the flow is %.0f high, want two rows or more", h)
	}
	for _, b := range bs {
		if b.Position().X+b.Size().Width > one.Width*0.6+0.5 {
			t.Errorf("button %q ends at %.0f, beyond the width %.0f", b.(*widget.Button).Text, b.Position().X+b.Size().Width, one.Width*0.6)
		}
	}
	f.Resize(fyne.NewSize(one.Width+10, 200))
	if h := f.MinSize().Height; h != one.Height {
		t.Errorf("wide enough for one row, the flow is %.0f high, want %.0f", h, one.Height)
	}
}
