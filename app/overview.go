package app

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/stage"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 10, Title: "Overview", Build: buildOverview})
}

// overviewData is everything the overview shows, loaded in one go off the UI goroutine.
type overviewData struct {
	Policy  data.Policy
	Stages  []stage.Step // the loop timeline (data/stage): each step's state, reason and the current one
	Checks  check.Result
	Consult *data.Consultation
	Needs   []data.Need
}

// loadOverview reads the policy's loop from the store; today decides planned/active/done.
func loadOverview(ctx context.Context, s *store.Store, id int64, today string) (overviewData, error) {
	var o overviewData
	var err error
	if o.Policy, err = s.Policy(ctx, id); err != nil {
		return o, err
	}
	if o.Needs, err = s.Needs(ctx, id); err != nil {
		return o, err
	}
	c, err := s.Consultation(ctx, id)
	switch {
	case err == nil:
		o.Consult = &c
	case !errors.Is(err, data.ErrNotFound):
		return o, err
	}
	if o.Checks, err = check.Run(ctx, s, id); err != nil {
		return o, err
	}
	o.Stages, err = stage.Timeline(ctx, s, id, today)
	return o, err
}

// overviewTab is the 概览 tab: loop timeline, checklist, consultation editor and needs collection.
type overviewTab struct {
	u        *UI
	policyID int64
	content  *fyne.Container
	scroll   *container.Scroll // kept across reloads: its position stays
	data     overviewData
	consult  *consultEditor
	needs    *needsEditor
	loads    int // reloads started; a late result of an earlier one is dropped
}

func buildOverview(u *UI, policyID int64) fyne.CanvasObject {
	return newOverviewTab(u, policyID).content
}

func newOverviewTab(u *UI, policyID int64) *overviewTab {
	t := &overviewTab{u: u, policyID: policyID, content: container.NewStack(loadingView())}
	u.live(t.content, t.reload)
	t.reload()
	return t
}

func (t *overviewTab) reload() {
	t.loads++
	seq := t.loads
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) (overviewData, error) {
		return loadOverview(ctx, s, id, time.Now().Format(data.DateLayout))
	}, func(o overviewData) {
		if seq == t.loads {
			t.apply(o)
		}
	})
}

// apply shows o. The editors stay as they are when what they edit did not change (the field the user is
// in keeps its focus); the consultation editor also while it holds dates not saved yet, and what is typed
// for a new need is carried over.
func (t *overviewTab) apply(o overviewData) {
	old := t.data
	t.data = o
	if t.consult == nil || !t.consult.dirty() && !sameConsultation(t.consult.stored, o.Consult) {
		t.consult = newConsultEditor(t.u, o.Policy.ID, o.Consult, t.reload)
	}
	if t.needs == nil || !reflect.DeepEqual(old.Needs, o.Needs) {
		prev := t.needs
		t.needs = newNeedsEditor(t.u, o.Policy.ID, o.Needs, t.needSaved)
		if prev != nil {
			t.needs.date.SetText(prev.date.Text)
			t.needs.channel.SetText(prev.channel.Text)
			t.needs.count.SetText(prev.count.Text)
			t.needs.desc.SetText(prev.desc.Text)
		}
	}
	t.u.watchOverview(t.consult, t.needs) // asked about before they would be lost (unsaved.go)
	left := container.NewVBox(
		widget.NewCard(lang.L("Closed loop"), "", timelineView(o.Stages)),
		widget.NewCard(lang.L("Statutory checklist"), "", checklistView(o.Checks)),
	)
	right := container.NewVBox(
		widget.NewCard(lang.L("Public consultation"), "", t.consult.content),
		widget.NewCard(lang.L("Needs collection"), "", t.needs.content),
	)
	grid := newColumns(left, right) // stacked when a 1024 px screen has no room for both
	if t.scroll == nil {
		t.scroll = container.NewVScroll(grid)
		t.content.Objects = []fyne.CanvasObject{t.scroll}
		t.content.Refresh()
		return
	}
	// The new content takes the old one's size first: the scroll keeps its offset only within its content.
	grid.Resize(fyne.NewSize(t.scroll.Content.Size().Width, grid.MinSize().Height))
	t.scroll.Content = grid
	t.scroll.Refresh()
}

// needSaved follows an added or deleted need: the new-need form is emptied, then the tab reloads.
func (t *overviewTab) needSaved() {
	for _, e := range []*widget.Entry{t.needs.channel, t.needs.count, t.needs.desc} {
		e.SetText("")
	}
	t.needs.date.SetText("")
	t.reload()
}

// sameConsultation tells whether the editor's stored consultation is c (nil: none recorded).
func sameConsultation(stored data.Consultation, c *data.Consultation) bool {
	if c == nil {
		return stored == data.Consultation{}
	}
	return stored == *c
}

// loadingView is what a tab shows until its data arrives.
func loadingView() fyne.CanvasObject {
	return container.NewCenter(widget.NewLabel(lang.L("Loading…")))
}

// stateIcon is a step's icon; only the current step's is in the primary colour, so that one step reads as
// the one the policy is in.
func stateIcon(s stage.State, current bool) fyne.Resource {
	var r fyne.Resource
	switch s {
	case stage.Done:
		r = theme.ConfirmIcon()
	case stage.Active:
		r = theme.MediaPlayIcon()
	case stage.Planned:
		r = theme.HistoryIcon()
	default:
		r = theme.RadioButtonIcon()
	}
	switch {
	case current:
		return theme.NewPrimaryThemedResource(r)
	case s == stage.Done:
		return theme.NewSuccessThemedResource(r)
	case s == stage.NoRecord:
		return theme.NewDisabledResource(r)
	}
	return r
}

func stateLabel(s stage.State) string {
	switch s {
	case stage.Done:
		return lang.L("Done")
	case stage.Active:
		return lang.L("In progress")
	case stage.Planned:
		return lang.L("Planned")
	}
	return lang.L("No record yet")
}

// timelineView shows the steps as data/stage judged them; the reasons are its Chinese texts.
func timelineView(stages []stage.Step) fyne.CanvasObject {
	box := container.NewVBox()
	for i, s := range stages {
		name := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, stageLabel(s.Stage)))
		name.TextStyle.Bold = true
		head := container.NewHBox(widget.NewIcon(stateIcon(s.State, s.Current)), name, widget.NewLabel(stateLabel(s.State)))
		if s.Current {
			cur := widget.NewLabel(lang.L("← current stage"))
			cur.Importance = widget.HighImportance
			head.Add(cur)
		}
		if s.Reason == "" {
			box.Add(head)
			continue
		}
		detail := widget.NewLabel(s.Reason)
		detail.Wrapping = fyne.TextWrapWord
		detail.SizeName = theme.SizeNameCaptionText
		box.Add(container.NewVBox(head, container.NewPadded(detail)))
	}
	return box
}

// checkKeys are the lang keys of the checklist rules (the check package names them in Chinese).
var checkKeys = map[string]string{
	"demand_collection":    "Needs collected before drafting",
	"comment_period":       "Comment period of at least 5 working days",
	"feedback_on_issue":    "Adoption feedback published when the policy is issued",
	"unadopted_reasons":    "Reasons given for concentrated opinions not adopted",
	"meetings":             "At least 2 executive meetings a year with 5+ public representatives",
	"officers":             "At least 5 政策体验官",
	"evaluation_published": "Evaluation report and revisions published after implementation",
}

func checkIcon(ok *bool) (fyne.Resource, string) {
	switch {
	case ok == nil:
		return theme.NewDisabledResource(theme.QuestionIcon()), lang.L("Not yet")
	case *ok:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon()), lang.L("Pass")
	}
	return theme.NewErrorThemedResource(theme.CancelIcon()), lang.L("Fail")
}

func checklistView(r check.Result) fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range r.Checks {
		icon, verdict := checkIcon(c.OK)
		name := c.Name
		if k, ok := checkKeys[c.Rule]; ok {
			name = lang.L(k)
		}
		title := widget.NewLabel(name)
		title.TextStyle.Bold = true
		title.Wrapping = fyne.TextWrapWord
		v := widget.NewLabel(verdict)
		if c.OK != nil && !*c.OK {
			v.Importance = widget.DangerImportance
		}
		detail := widget.NewLabel(c.Detail)
		detail.Wrapping = fyne.TextWrapWord
		detail.SizeName = theme.SizeNameCaptionText
		box.Add(container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(icon), v), nil, container.NewVBox(title, detail)))
	}
	return box
}
