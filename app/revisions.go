package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 60, Title: "Revisions", Build: buildRevisions})
}

// revisionsTab is the policy's revision record: the records on the left, the selected one on the right
// with its character diff and its history; new records, new versions and withdrawal, each dated. They
// are published with the evaluation on the 发布 tab (publications.go).
type revisionsTab struct {
	u        *UI
	policyID int64

	summary  *widget.Label
	list     *widget.List
	detail   *widget.Label
	diff     *diffView
	diffBox  *container.Scroll
	history  *widget.Label
	edit     *widget.Button
	withdraw *widget.Button
	content  fyne.CanvasObject

	d        revisionsData
	selected int // index into d.revisions, -1 none
	loads    int // reloads started: only the last one's result is shown

	withdrawDate *widget.Entry // the date field of the last withdrawal dialog (tests)
}

type revisionsData struct {
	policy     data.Policy
	revisions  []loop.Revision
	histories  map[int64][]loop.Revision
	evaluation []loop.Publication
}

func buildRevisions(u *UI, policyID int64) fyne.CanvasObject {
	t := newRevisionsTab(u, policyID)
	u.live(t.content, t.reload) // a change reloads the list in place: its scroll and selection stay
	return t.content
}

func newRevisionsTab(u *UI, policyID int64) *revisionsTab {
	t := &revisionsTab{u: u, policyID: policyID, selected: -1}
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	toolbar := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("New revision record…"), theme.ContentAddIcon(), func() { t.showEditor(nil) }),
	)
	t.list = widget.NewList(func() int { return len(t.d.revisions) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(t.d.revisions) {
			o.(*widget.Label).SetText(revisionTitle(t.d.revisions[i]))
		}
	})
	t.list.OnSelected = func(i widget.ListItemID) { t.show(i) }
	t.detail = widget.NewLabel("")
	t.detail.Wrapping = fyne.TextWrapWord
	t.diff = newDiffView(nil)
	t.diffBox = container.NewVScroll(container.NewPadded(t.diff))
	t.diffBox.SetMinSize(fyne.NewSize(200, 140))
	t.diff.OnHeightChanged = t.diffBox.Refresh
	t.history = widget.NewLabel("")
	t.history.Wrapping = fyne.TextWrapWord
	t.edit = widget.NewButton(lang.L("New version…"), func() {
		if t.selected >= 0 {
			r := t.d.revisions[t.selected]
			t.showEditor(&r)
		}
	})
	t.withdraw = widget.NewButton(lang.L("Withdraw"), func() { t.onWithdraw() })
	legend := widget.NewLabel(lang.L("Deleted text is struck through, inserted text is underlined."))
	right := container.NewBorder(container.NewVBox(t.detail, legend), container.NewHBox(t.edit, t.withdraw), nil, nil,
		container.NewVSplit(t.diffBox, container.NewVScroll(t.history)))
	split := container.NewHSplit(t.list, right)
	split.Offset = 0.32
	t.content = container.NewBorder(container.NewVBox(t.summary, toolbar), nil, nil, nil, split)
	t.reload()
	return t
}

func revisionTitle(r loop.Revision) string {
	state := ""
	switch {
	case r.Withdrawn:
		state = " · " + lang.L("withdrawn")
	case r.Publication != nil:
		state = " · " + lang.L("published")
	}
	return fmt.Sprintf(lang.L("Record %d, version %d, %s %s%s"), r.Record, r.Version, r.Date, r.Clause, state)
}

func (t *revisionsTab) reload() {
	t.loads++
	id, seq := t.policyID, t.loads
	load(t.u, func(ctx context.Context, s *store.Store) (revisionsData, error) {
		d := revisionsData{histories: map[int64][]loop.Revision{}}
		var err error
		if d.policy, err = s.Policy(ctx, id); err != nil {
			return d, err
		}
		if d.revisions, err = loop.Revisions(ctx, s, id); err != nil {
			return d, err
		}
		for _, r := range d.revisions {
			if d.histories[r.Record], err = loop.RevisionHistory(ctx, s, id, r.Record); err != nil {
				return d, err
			}
		}
		d.evaluation, err = loop.Publications(ctx, s, id, loop.WhatEvaluation)
		return d, err
	}, func(d revisionsData) {
		if seq == t.loads {
			t.apply(d)
		}
	})
}

func (t *revisionsTab) apply(d revisionsData) {
	t.d = d // records come in their numbers' order: the one selected keeps its place
	text := fmt.Sprintf(lang.L("%d revision records."), len(d.revisions))
	if len(d.revisions) == 0 {
		text = lang.L("No revision records yet. Record each change to a clause: the text before and after, the reason, and the opinions and evaluation findings it answers.")
	}
	if n := len(d.evaluation); n > 0 {
		text += " " + fmt.Sprintf(lang.L("The revision records are published with the evaluation, on the Publish tab; last on %s (version %d)."), d.evaluation[n-1].Date, d.evaluation[n-1].Version)
	} else {
		text += " " + lang.L("The revision records are published with the evaluation, on the Publish tab.")
	}
	t.summary.SetText(text)
	t.list.Refresh()
	if t.selected >= len(d.revisions) {
		t.selected = -1
	}
	if t.selected < 0 && len(d.revisions) > 0 {
		t.list.Select(0)
	}
	t.show(t.selected)
}

// show fills the right side with revision i (-1: nothing selected).
func (t *revisionsTab) show(i int) {
	t.selected = i
	if i < 0 || i >= len(t.d.revisions) {
		t.detail.SetText(lang.L("Select a revision record."))
		t.diff.SetOps(nil)
		t.history.SetText("")
		t.edit.Disable()
		t.withdraw.Disable()
		return
	}
	r := t.d.revisions[i]
	lines := []string{
		fmt.Sprintf("%s：%s　%s：%s", lang.L("Clause"), r.Clause, lang.L("Date"), r.Date),
		fmt.Sprintf("%s：%s", lang.L("Reason"), r.Reason),
	}
	if len(r.Findings) > 0 {
		lines = append(lines, fmt.Sprintf("%s：%s", lang.L("Evaluation findings"), strings.Join(r.Findings, "；")))
	}
	if len(r.Clusters) > 0 {
		lines = append(lines, fmt.Sprintf("%s：%s", lang.L("Answers opinion clusters"), joinIDs(r.Clusters)))
	}
	if len(r.Opinions) > 0 {
		lines = append(lines, fmt.Sprintf("%s：%s", lang.L("Answers opinions"), joinIDs(r.Opinions)))
	}
	t.detail.SetText(strings.Join(lines, "\n"))
	t.diff.SetOps(r.Diff)
	var h strings.Builder
	h.WriteString(lang.L("History (every version is kept):") + "\n")
	for _, v := range t.d.histories[r.Record] {
		fmt.Fprintf(&h, "%s\n  %s → %s\n", revisionTitle(v), flatText(v.Before), flatText(v.After))
	}
	t.history.SetText(h.String())
	t.edit.Enable()
	if r.Withdrawn {
		t.withdraw.Disable()
	} else {
		t.withdraw.Enable()
	}
}

// revisionEditor is the dialog that adds a revision record or a new version of one.
type revisionEditor struct {
	t        *revisionsTab
	r        *loop.Revision // nil: a new record
	clause   *widget.Entry
	before   *widget.Entry
	after    *widget.Entry
	reason   *widget.Entry
	findings *widget.Entry
	opinions *widget.Entry
	date     *widget.Entry
	clusters *clusterChecks
	dlg      *dialog.CustomDialog
	saveBtn  *widget.Button // disabled while the record is being stored
}

// showEditor opens the revision editor: a new record (r nil) or a new version of r. The diff below the
// texts follows every keystroke.
func (t *revisionsTab) showEditor(r *loop.Revision) *revisionEditor {
	e := &revisionEditor{t: t, r: r, clause: widget.NewEntry(), date: dateEntry(todayDate()), opinions: widget.NewEntry(),
		before: widget.NewMultiLineEntry(), after: widget.NewMultiLineEntry(), reason: widget.NewMultiLineEntry(),
		findings: widget.NewMultiLineEntry()}
	var ticked []int64
	if r != nil {
		ticked = r.Clusters
	}
	e.clusters = newClusterChecks(t.u, t.policyID, ticked)
	for _, m := range []*widget.Entry{e.before, e.after, e.reason, e.findings} {
		m.Wrapping = fyne.TextWrapWord
		m.SetMinRowsVisible(3)
	}
	e.clause.SetPlaceHolder(lang.L("e.g. 第五条"))
	e.findings.SetPlaceHolder(lang.L("One finding per line (problems, improvement directions)"))
	e.opinions.SetPlaceHolder(lang.L("Opinion numbers, e.g. 12, 40"))
	title := lang.L("New revision record…")
	if r != nil {
		title = fmt.Sprintf(lang.L("Revision record %d: new version"), r.Record)
		e.clause.SetText(r.Clause)
		e.before.SetText(r.Before)
		e.after.SetText(r.After)
		e.reason.SetText(r.Reason)
		e.findings.SetText(strings.Join(r.Findings, "\n"))
		e.opinions.SetText(joinIDs(r.Opinions))
	}
	preview := newDiffView(loop.Diff(e.before.Text, e.after.Text))
	previewBox := container.NewVScroll(preview)
	previewBox.SetMinSize(fyne.NewSize(200, 80))
	preview.OnHeightChanged = previewBox.Refresh
	update := func(string) { preview.SetOps(loop.Diff(e.before.Text, e.after.Text)) }
	e.before.OnChanged, e.after.OnChanged = update, update
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Clause"), e.clause),
		widget.NewFormItem(lang.L("Date of the change"), e.date),
		widget.NewFormItem(lang.L("Before"), e.before),
		widget.NewFormItem(lang.L("After"), e.after),
		widget.NewFormItem(lang.L("Changes"), previewBox),
		widget.NewFormItem(lang.L("Reason"), e.reason),
		widget.NewFormItem(lang.L("Evaluation findings"), e.findings),
		widget.NewFormItem(lang.L("Clusters"), e.clusters.content),
		widget.NewFormItem(lang.L("Opinions"), e.opinions),
	)
	// Without the dialog's own buttons, so that it stays open, 保存 disabled, while the record is stored,
	// and a refusal leaves it open with what was typed.
	e.dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(760, 640), container.NewVScroll(form)), t.u.Win)
	e.saveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.ConfirmIcon(), e.save)
	e.saveBtn.Importance = widget.HighImportance
	e.dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), e.dlg.Hide), e.saveBtn})
	e.dlg.Show()
	return e
}

// save stores the record off the UI goroutine, 保存 disabled meanwhile; on a mistake the editor stays with
// everything typed, and says what is wrong; once stored it closes.
func (e *revisionEditor) save() {
	op, err := idsOf(e.opinions.Text)
	if err != nil {
		e.t.u.ShowError(err)
		return
	}
	in := loop.RevisionInput{Clause: e.clause.Text, Before: e.before.Text, After: e.after.Text, Reason: e.reason.Text,
		Findings: strings.Split(e.findings.Text, "\n"), Clusters: e.clusters.selected(), Opinions: op, Date: e.date.Text}
	t, r := e.t, e.r
	policy := t.policyID
	t.u.writeFrom([]*widget.Button{e.saveBtn}, func(ctx context.Context, s *store.Store) error {
		var err error
		if r == nil {
			_, err = loop.AddRevision(ctx, s, policy, in)
		} else {
			_, err = loop.EditRevision(ctx, s, policy, r.Record, in)
		}
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err) // the editor stays, with what was typed
			return
		}
		e.dlg.Hide()
		t.reload()
	})
}

// clusterChecks lists the policy's opinion clusters to tick, each with its number and representative text.
type clusterChecks struct {
	content fyne.CanvasObject
	group   *widget.CheckGroup
	ids     map[string]int64 // option text → cluster id
}

// newClusterChecks lists the policy's clusters, read off the UI goroutine, those of ticked ticked.
func newClusterChecks(u *UI, policyID int64, ticked []int64) *clusterChecks {
	c := &clusterChecks{ids: map[string]int64{}, group: widget.NewCheckGroup(nil, nil)}
	box := container.NewStack(widget.NewLabel(lang.L("Loading…")))
	c.content = box
	load(u, func(ctx context.Context, s *store.Store) ([]loop.Cluster, error) {
		return loop.Clusters(ctx, s, policyID)
	}, func(cs []loop.Cluster) {
		var opts []string
		for _, cl := range cs {
			o := fmt.Sprintf(lang.L("Cluster %d (%d opinions): %s"), cl.ID, cl.Size, oneLineText(cl.Representative, 22))
			c.ids[o] = cl.ID
			opts = append(opts, o)
		}
		c.group.Options = opts
		c.set(ticked)
		var shown fyne.CanvasObject = c.group
		if len(opts) == 0 {
			shown = widget.NewLabel(lang.L("No opinion clusters yet (see the Opinions page)."))
		}
		box.Objects = []fyne.CanvasObject{shown}
		box.Refresh()
	})
	return c
}

func (c *clusterChecks) set(ids []int64) {
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var sel []string
	for _, o := range c.group.Options {
		if want[c.ids[o]] {
			sel = append(sel, o)
		}
	}
	c.group.SetSelected(sel)
}

func (c *clusterChecks) selected() []int64 {
	var ids []int64
	for _, o := range c.group.Options { // in the list's order
		if slices.Contains(c.group.Selected, o) {
			ids = append(ids, c.ids[o])
		}
	}
	return ids
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, ", ")
}

// onWithdraw asks for the date of the withdrawal (today unless told) and records it as a new version, off
// the UI goroutine: the dialog stays, its 撤回 disabled, until it is stored; a refusal keeps it with the
// date typed. It returns the dialog's 撤回 button.
func (t *revisionsTab) onWithdraw() *widget.Button {
	if t.selected < 0 {
		return nil
	}
	r := t.d.revisions[t.selected]
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Withdraw revision record %d? A withdrawn version is added; the earlier versions stay."), r.Record))
	msg.Wrapping = fyne.TextWrapWord
	date := dateEntry(todayDate())
	body := container.NewVBox(msg, widget.NewForm(widget.NewFormItem(lang.L("Date of the withdrawal"), date)))
	d := dialog.NewCustomWithoutButtons(lang.L("Withdraw"), container.NewGridWrap(fyne.NewSize(460, 130), body), t.u.Win)
	var ok *widget.Button
	ok = widget.NewButtonWithIcon(lang.L("Withdraw"), theme.ConfirmIcon(), func() {
		policy, when := t.policyID, date.Text
		t.u.writeFrom([]*widget.Button{ok}, func(ctx context.Context, s *store.Store) error {
			_, err := loop.WithdrawRevision(ctx, s, policy, r.Record, when)
			return err
		}, func(err error) {
			if err != nil {
				t.u.ShowError(err) // the date typed stays, with what is wrong
				return
			}
			d.Hide()
			t.reload()
		})
	})
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.Hide), ok})
	t.withdrawDate = date
	d.Show()
	return ok
}
