package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// policyDetail is the right pane: the selected policy's header and its registered tabs.
type policyDetail struct {
	u       *UI
	content *fyne.Container
	tabs    *container.AppTabs
	policy  data.Policy
	lastTab string // title of the tab the user was on, kept across policies
}

func newPolicyDetail(u *UI) *policyDetail {
	return &policyDetail{u: u, content: container.NewStack()}
}

// show loads policy id and builds its page; 0 shows what to do next.
func (d *policyDetail) show(id int64) {
	if id == 0 {
		d.policy = data.Policy{}
		d.tabs = nil
		msg := widget.NewLabel(lang.L("Select a policy on the left, or click “New policy” to add one."))
		msg.Wrapping = fyne.TextWrapWord
		msg.Alignment = fyne.TextAlignCenter
		d.content.Objects = []fyne.CanvasObject{container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 80), msg))}
		d.content.Refresh()
		return
	}
	load(d.u, func(ctx context.Context, s *store.Store) (data.Policy, error) {
		return s.Policy(ctx, id)
	}, func(p data.Policy) {
		if d.u.policyID != p.ID { // the user moved on meanwhile
			return
		}
		d.policy = p
		d.build()
	})
}

func (d *policyDetail) build() {
	p := d.policy
	title := widget.NewLabel(p.Title)
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	title.Wrapping = fyne.TextWrapWord
	meta := []string{}
	if p.DocNo != "" {
		meta = append(meta, p.DocNo)
	}
	meta = append(meta, p.Dept, p.Category, lang.L("Stage: ")+stageLabel(p.Stage))
	if p.DraftDate != "" {
		meta = append(meta, fmt.Sprintf(lang.L("Drafting began %s"), p.DraftDate))
	}
	if p.Issued != "" {
		meta = append(meta, fmt.Sprintf(lang.L("Issued %s"), p.Issued))
	}
	sub := widget.NewLabel(strings.Join(meta, " · "))
	sub.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { d.u.showPolicyForm(&p) })
	del := widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), d.confirmDelete)
	del.Importance = widget.DangerImportance
	header := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(edit, del)), container.NewVBox(title, sub))

	d.tabs = container.NewAppTabs()
	built := map[*container.TabItem]bool{}
	var items []*container.TabItem
	var regs []PolicyTab
	for _, t := range registeredTabs() {
		items = append(items, container.NewTabItem(lang.L(t.Title), container.NewStack()))
		regs = append(regs, t)
	}
	buildTab := func(i int) {
		if i < 0 || built[items[i]] {
			return
		}
		built[items[i]] = true
		items[i].Content.(*fyne.Container).Objects = []fyne.CanvasObject{regs[i].Build(d.u, p.ID)}
		items[i].Content.Refresh()
	}
	d.tabs.SetItems(items)
	d.tabs.OnSelected = func(ti *container.TabItem) {
		d.lastTab = ti.Text
		for i := range items {
			if items[i] == ti {
				buildTab(i)
			}
		}
	}
	sel := 0
	for i, it := range items {
		if it.Text == d.lastTab {
			sel = i
		}
	}
	if len(items) > 0 {
		d.tabs.SelectIndex(sel)
		buildTab(sel) // SelectIndex does not fire OnSelected when the index is already current
	}
	d.content.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(header), nil, nil, nil, d.tabs)}
	d.content.Refresh()
}

func (d *policyDetail) confirmDelete() {
	p := d.policy
	dialog.ShowConfirm(lang.L("Delete policy"),
		fmt.Sprintf(lang.L("Delete “%s” and all its records (consultation, needs, 体验官, surveys, results)? This cannot be undone."), p.Title),
		func(ok bool) {
			if ok {
				d.u.deletePolicy(p.ID)
			}
		}, d.u.Win)
}

func (u *UI) deletePolicy(id int64) {
	if err := u.store.DeletePolicy(context.Background(), id); err != nil {
		u.ShowError(err)
		return
	}
	u.policyID = 0
	u.Refresh()
}
