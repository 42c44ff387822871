package app

import (
	"context"
	"errors"
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

// policyDetail is the right pane: the selected policy's header and its registered tabs. Tabs are built
// when first shown; when the workspace changes (refresh) the shown one reloads and the others when next
// shown.
type policyDetail struct {
	u       *UI
	content *fyne.Container
	header  *fyne.Container
	tabs    *container.AppTabs
	policy  data.Policy
	lastTab string // title of the tab the user was on, kept across policies

	items []*container.TabItem
	regs  []PolicyTab
	built map[*container.TabItem]fyne.CanvasObject // what each built tab's Build returned
	stale map[*container.TabItem]bool              // the workspace changed since the tab last loaded
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

// refresh follows a change of the workspace: the header shows the policy as it is now, the shown tab
// reloads (the others when next shown); a policy deleted meanwhile (by a command, say) leaves the pane.
// external says the change came from outside this window: a tab that cannot reload itself is then built
// again even while shown (unless it holds unsaved edits).
func (d *policyDetail) refresh(external bool) {
	id := d.u.policyID
	if id == 0 || id != d.policy.ID || d.tabs == nil {
		d.show(id)
		return
	}
	type found struct {
		p  data.Policy
		ok bool
	}
	load(d.u, func(ctx context.Context, s *store.Store) (found, error) {
		p, err := s.Policy(ctx, id)
		if errors.Is(err, data.ErrNotFound) {
			return found{}, nil
		}
		return found{p, err == nil}, err
	}, func(f found) {
		if d.u.policyID != id || d.policy.ID != id || d.tabs == nil { // moved on meanwhile
			return
		}
		if !f.ok {
			d.u.policyID = 0
			d.show(0)
			return
		}
		if f.p != d.policy {
			d.policy = f.p
			d.header.Objects = []fyne.CanvasObject{d.headerView(f.p)}
			d.header.Refresh()
		}
		for _, it := range d.items {
			if _, ok := d.built[it]; ok {
				d.stale[it] = true
			}
		}
		if i := d.tabs.SelectedIndex(); i >= 0 {
			d.freshen(i, external)
		}
	})
}

// headerView is the policy's title, its facts and the 编辑/删除 buttons.
func (d *policyDetail) headerView(p data.Policy) fyne.CanvasObject {
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
	return container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(edit, del)), container.NewVBox(title, sub))
}

func (d *policyDetail) build() {
	p := d.policy
	d.header = container.NewStack(d.headerView(p))
	d.tabs = container.NewAppTabs()
	d.items, d.regs = nil, nil
	d.built, d.stale = map[*container.TabItem]fyne.CanvasObject{}, map[*container.TabItem]bool{}
	d.u.liveViews = nil // the previous page's tabs are gone
	for _, t := range registeredTabs() {
		d.items = append(d.items, container.NewTabItem(lang.L(t.Title), container.NewStack()))
		d.regs = append(d.regs, t)
	}
	d.tabs.SetItems(d.items)
	d.tabs.OnSelected = func(ti *container.TabItem) {
		d.lastTab = ti.Text
		for i := range d.items {
			if d.items[i] == ti {
				d.showTab(i)
			}
		}
	}
	sel := 0
	for i, it := range d.items {
		if it.Text == d.lastTab {
			sel = i
		}
	}
	if len(d.items) > 0 {
		d.tabs.SelectIndex(sel)
		d.showTab(sel) // SelectIndex does not fire OnSelected when the index is already current
	}
	d.content.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(d.header), nil, nil, nil, d.tabs)}
	d.content.Refresh()
}

// showTab builds tab i when it is first shown, and brings it up to date when the workspace changed since.
func (d *policyDetail) showTab(i int) {
	if _, ok := d.built[d.items[i]]; !ok {
		d.buildTab(i)
		return
	}
	d.freshen(i, true)
}

func (d *policyDetail) buildTab(i int) {
	it := d.items[i]
	if old, ok := d.built[it]; ok {
		delete(d.u.liveViews, old)
	}
	obj := d.regs[i].Build(d.u, d.policy.ID)
	d.built[it] = obj
	delete(d.stale, it)
	it.Content.(*fyne.Container).Objects = []fyne.CanvasObject{fitPage(obj)} // scrolls when wider than the room
	it.Content.Refresh()
}

// freshen brings stale tab i up to date: it reloads itself when it names how (u.live); otherwise it is
// built again, unless it holds unsaved edits, or is on screen and the change is this window's own (the
// screen that wrote reloads itself, keeping its selection).
func (d *policyDetail) freshen(i int, external bool) {
	it := d.items[i]
	obj, ok := d.built[it]
	if !ok || !d.stale[it] {
		return
	}
	if reload, ok := d.u.liveViews[obj]; ok {
		delete(d.stale, it)
		reload()
		return
	}
	if !external || d.u.viewHasUnsaved(obj) {
		return
	}
	d.buildTab(i)
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

// deletePolicy deletes off the UI goroutine: a policy with large survey rounds takes a while.
func (u *UI) deletePolicy(id int64) {
	s := u.store
	u.RunLong(lang.L("Deleting the policy…"), func(ctx context.Context, _ func(int, int)) error {
		return s.DeletePolicy(ctx, id)
	}, func(err error) {
		if err != nil {
			u.ShowError(err)
			return
		}
		if s != u.store {
			return
		}
		if u.policyID == id {
			u.policyID = 0
		}
		u.Refresh()
	})
}
