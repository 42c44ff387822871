package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// policyList is the left pane: filters, title search, the policies and 新建政策.
type policyList struct {
	u        *UI
	category *widget.Select
	dept     *widget.Select
	stage    *widget.Select
	search   *widget.Entry
	list     *widget.List
	empty    *widget.Label
	demoBtn  *widget.Button // offered while the workspace has no policy
	newBtn   *widget.Button
	content  fyne.CanvasObject

	items []data.Policy
	depts []string
	seq   int   // the latest reload; older results arriving late are dropped
	shown int64 // the policy selected when the list was last shown
}

// stageKeys are the lang keys of the loop stages, in loop order.
var stageKeys = map[data.Stage]string{
	data.StageNeeds:        "Needs collection",
	data.StageConsultation: "Public consultation",
	data.StageFeedback:     "Adoption feedback",
	data.StageImplement:    "Implementation",
	data.StageEvaluation:   "Evaluation",
	data.StageRevision:     "Revision",
	data.StagePublished:    "Publication",
}

func stageLabel(s data.Stage) string {
	if k, ok := stageKeys[s]; ok {
		return lang.L(k)
	}
	return string(s)
}

func newPolicyList(u *UI) *policyList {
	pl := &policyList{u: u}
	pl.category = widget.NewSelect(append([]string{lang.L("All categories")}, data.Categories...), func(string) { pl.reload() })
	pl.category.SetSelectedIndex(0)
	pl.dept = widget.NewSelect([]string{lang.L("All departments")}, func(string) { pl.reload() })
	pl.dept.SetSelectedIndex(0)
	stages := []string{lang.L("All stages")}
	for _, s := range data.Stages {
		stages = append(stages, stageLabel(s))
	}
	pl.stage = widget.NewSelect(stages, func(string) { pl.reload() })
	pl.stage.SetSelectedIndex(0)
	pl.search = widget.NewEntry()
	pl.search.SetPlaceHolder(lang.L("Search titles"))
	pl.search.OnChanged = func(string) { pl.reload() }

	pl.list = widget.NewList(
		func() int { return len(pl.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(title, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(pl.items) {
				return
			}
			p := pl.items[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(p.Title)
			box.Objects[1].(*widget.Label).SetText(p.Dept + " · " + p.Category + " · " + stageLabel(p.Stage))
		},
	)
	pl.list.OnSelected = func(i widget.ListItemID) {
		if i < len(pl.items) && pl.items[i].ID != u.policyID {
			u.selectPolicy(pl.items[i].ID)
		}
	}
	pl.empty = widget.NewLabel("")
	pl.empty.Wrapping = fyne.TextWrapWord
	pl.empty.Hide()
	pl.demoBtn = widget.NewButton(lang.L("Load the sample policy"), u.loadDemo)
	pl.demoBtn.Hide()
	pl.newBtn = widget.NewButtonWithIcon(lang.L("New policy"), theme.ContentAddIcon(), func() { u.showPolicyForm(nil) })
	pl.newBtn.Importance = widget.HighImportance

	filters := container.NewVBox(pl.search, container.NewGridWithColumns(1, pl.category, pl.dept, pl.stage))
	pl.content = container.NewBorder(filters, pl.newBtn, nil, nil, container.NewStack(pl.list, container.NewVBox(container.NewPadded(pl.empty), container.NewCenter(pl.demoBtn))))
	return pl
}

// filter is the filter the widgets describe.
func (pl *policyList) filter() data.PolicyFilter {
	f := data.PolicyFilter{Search: pl.search.Text}
	if i := pl.category.SelectedIndex(); i > 0 {
		f.Category = data.Categories[i-1]
	}
	if i := pl.dept.SelectedIndex(); i > 0 && i-1 < len(pl.depts) {
		f.Dept = pl.depts[i-1]
	}
	if i := pl.stage.SelectedIndex(); i > 0 {
		f.Stage = data.Stages[i-1]
	}
	return f
}

type policyListData struct {
	items []data.Policy
	depts []string
	total int // policies in the workspace, to tell "none yet" from "none match"
}

// reload fetches the policies that match the filters and shows them.
func (pl *policyList) reload() {
	if pl.list == nil { // Select callbacks fire while the widgets are being built
		return
	}
	f := pl.filter()
	pl.seq++
	seq := pl.seq
	load(pl.u, func(ctx context.Context, s *store.Store) (policyListData, error) {
		var d policyListData
		var err error
		if d.items, err = s.ListPolicies(ctx, f); err != nil {
			return d, err
		}
		if d.depts, err = s.Departments(ctx); err != nil {
			return d, err
		}
		all := d.items
		if f != (data.PolicyFilter{}) {
			if all, err = s.ListPolicies(ctx, data.PolicyFilter{}); err != nil {
				return d, err
			}
		}
		d.total = len(all)
		return d, nil
	}, func(d policyListData) {
		if seq == pl.seq {
			pl.apply(d)
		}
	})
}

// apply shows d. With the same policy selected as before (a change of the workspace reloaded the list) the
// list stays where the user scrolled it; a newly selected policy is scrolled to.
func (pl *policyList) apply(d policyListData) {
	keep := len(pl.items) > 0 && pl.shown == pl.u.policyID
	off := pl.list.GetScrollOffset()
	pl.items = d.items
	pl.shown = pl.u.policyID
	pl.setDepts(d.depts)
	pl.list.UnselectAll()
	pl.list.Refresh()
	for i, p := range pl.items {
		if p.ID == pl.u.policyID {
			pl.list.Select(i)
		}
	}
	if keep {
		pl.list.ScrollToOffset(off)
	}
	switch {
	case d.total == 0:
		pl.empty.SetText(lang.L("No policies yet. Click “New policy” below to add the first one, or load the sample policy to see a complete closed loop."))
		pl.empty.Show()
		pl.demoBtn.Show()
	case len(pl.items) == 0:
		pl.demoBtn.Hide()
		pl.empty.SetText(lang.L("No policy matches these filters. Clear the search or choose “All”."))
		pl.empty.Show()
	default:
		pl.empty.Hide()
		pl.demoBtn.Hide()
	}
}

// setDepts refreshes the department filter's options, keeping the selection.
func (pl *policyList) setDepts(depts []string) {
	if equalStrings(depts, pl.depts) {
		return
	}
	cur := ""
	if i := pl.dept.SelectedIndex(); i > 0 && i-1 < len(pl.depts) {
		cur = pl.depts[i-1]
	}
	pl.depts = depts
	pl.dept.Options = append([]string{lang.L("All departments")}, depts...)
	idx := 0
	for i, d := range depts {
		if d == cur {
			idx = i + 1
		}
	}
	onChanged := pl.dept.OnChanged
	pl.dept.OnChanged = nil // no reload loop while we restore the selection
	pl.dept.SetSelectedIndex(idx)
	pl.dept.OnChanged = onChanged
	pl.dept.Refresh()
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
