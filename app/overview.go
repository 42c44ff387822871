package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/calendar"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 10, Title: "Overview", Build: buildOverview})
}

// StageState is how far a loop stage has got, as the store shows it.
type StageState int

// Stage states, from nothing recorded to done.
const (
	StageNoRecord StageState = iota // 尚无记录
	StagePlanned                    // dates set in the future
	StageActive                     // under way
	StageDone                       // finished
)

// StageStatusFunc reports a loop stage's state and a one-line detail from the store. It runs off the UI
// goroutine. Returning StageNoRecord lets the next source (or the built-in rule) speak.
type StageStatusFunc func(ctx context.Context, s *store.Store, policyID int64) (StageState, string, error)

var (
	stageMu      sync.Mutex
	stageSources = map[data.Stage][]StageStatusFunc{}
)

// RegisterStageStatus lets a later capability (opinions, revisions, publication…) report the real state
// of a stage on the overview's timeline. The first registered source with a record decides the state;
// its detail is shown after the foundation's own (dates, counts).
func RegisterStageStatus(stage data.Stage, f StageStatusFunc) {
	stageMu.Lock()
	defer stageMu.Unlock()
	stageSources[stage] = append(stageSources[stage], f)
}

// stageStatus is one step of the loop as the overview shows it.
type stageStatus struct {
	Stage   data.Stage
	State   StageState
	Detail  string
	Current bool // the stage the policy is marked as being in
}

// overviewData is everything the overview shows, loaded in one go off the UI goroutine.
type overviewData struct {
	Policy  data.Policy
	Stages  []stageStatus
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
	rounds, err := s.Rounds(ctx, id)
	if err != nil {
		return o, err
	}
	officers, err := s.Officers(ctx, id)
	if err != nil {
		return o, err
	}
	for _, st := range data.Stages {
		ss := stageStatus{Stage: st, Current: st == o.Policy.Stage}
		state, detail, err := registeredStageStatus(ctx, s, id, st)
		if err != nil {
			return o, err
		}
		// The foundation's own facts (dates, counts) stay; a registered source adds its own and, when it
		// has a record, decides the state.
		ss.State, ss.Detail = builtinStageStatus(st, &o, rounds, len(officers), today)
		if state != StageNoRecord {
			ss.State = state
		}
		if detail != "" && ss.Detail != "" {
			ss.Detail += lang.L("; ") + detail
		} else if detail != "" {
			ss.Detail = detail
		}
		o.Stages = append(o.Stages, ss)
	}
	return o, nil
}

func registeredStageStatus(ctx context.Context, s *store.Store, id int64, st data.Stage) (StageState, string, error) {
	stageMu.Lock()
	fs := append([]StageStatusFunc(nil), stageSources[st]...)
	stageMu.Unlock()
	for _, f := range fs {
		state, detail, err := f(ctx, s, id)
		if err != nil || state != StageNoRecord {
			return state, detail, err
		}
	}
	return StageNoRecord, "", nil
}

// builtinStageStatus judges the stages whose data the foundation stores; the others say 尚无记录.
func builtinStageStatus(st data.Stage, o *overviewData, rounds []data.Round, officers int, today string) (StageState, string) {
	const noRecord = "" // the state label already says 尚无记录
	switch st {
	case data.StageNeeds:
		if len(o.Needs) == 0 {
			return StageNoRecord, noRecord
		}
		total := 0
		for _, n := range o.Needs {
			total += n.Count
		}
		return StageDone, fmt.Sprintf(lang.L("%d activities, %d needs collected (%s to %s)"),
			len(o.Needs), total, o.Needs[0].Date, o.Needs[len(o.Needs)-1].Date)
	case data.StageConsultation:
		c := o.Consult
		if c == nil {
			return StageNoRecord, noRecord
		}
		period := c.Start + " – " + c.End
		if n, err := check.Count(c.Start, c.End); err == nil && len(n.Uncovered) == 0 {
			period += fmt.Sprintf(lang.L(", %d working days"), n.Days)
		} else if err == nil { // a Monday–Friday guess is not shown as a count (the consultation editor says why)
			period += fmt.Sprintf(lang.L(", about %d working days (holidays of %s not known)"), n.Days, calendar.YearsText(n.Uncovered, lang.L(", ")))
		}
		switch {
		case today < c.Start:
			return StagePlanned, lang.L("Planned: ") + period
		case today <= c.End:
			return StageActive, lang.L("Open now: ") + period
		}
		return StageDone, period
	case data.StageImplement:
		p := o.Policy
		if p.Issued == "" {
			return StageNoRecord, lang.L("Not issued yet")
		}
		detail := fmt.Sprintf(lang.L("Issued %s"), p.Issued)
		if p.UsesOfficers {
			detail += fmt.Sprintf(lang.L("; %d 体验官 on the roster"), officers)
		}
		if today < p.Issued {
			return StagePlanned, detail
		}
		return StageActive, detail
	case data.StageEvaluation:
		if len(rounds) == 0 {
			return StageNoRecord, noRecord
		}
		names := make([]string, len(rounds))
		for i, r := range rounds {
			names[i] = r.Name
		}
		return StageActive, lang.L("Evaluation rounds: ") + strings.Join(names, "、")
	}
	return StageNoRecord, noRecord
}

// overviewTab is the 概览 tab: loop timeline, checklist, consultation editor and needs collection.
type overviewTab struct {
	u        *UI
	policyID int64
	content  *fyne.Container
	data     overviewData
	consult  *consultEditor
	needs    *needsEditor
}

func buildOverview(u *UI, policyID int64) fyne.CanvasObject {
	t := &overviewTab{u: u, policyID: policyID, content: container.NewStack(loadingView())}
	t.reload()
	return t.content
}

func (t *overviewTab) reload() {
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) (overviewData, error) {
		return loadOverview(ctx, s, id, time.Now().Format(data.DateLayout))
	}, t.apply)
}

func (t *overviewTab) apply(o overviewData) {
	t.data = o
	// Keep unsaved consultation dates when something else on the tab (a need added) reloads it.
	if t.consult == nil || !t.consult.dirty() {
		t.consult = newConsultEditor(t.u, o.Policy.ID, o.Consult, t.reload)
	}
	t.needs = newNeedsEditor(t.u, o.Policy.ID, o.Needs, t.reload)
	left := container.NewVBox(
		widget.NewCard(lang.L("Closed loop"), "", timelineView(o.Stages)),
		widget.NewCard(lang.L("Statutory checklist"), "", checklistView(o.Checks)),
	)
	right := container.NewVBox(
		widget.NewCard(lang.L("Public consultation"), "", t.consult.content),
		widget.NewCard(lang.L("Needs collection"), "", t.needs.content),
	)
	t.content.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewGridWithColumns(2, left, right))}
	t.content.Refresh()
}

// loadingView is what a tab shows until its data arrives.
func loadingView() fyne.CanvasObject {
	return container.NewCenter(widget.NewLabel(lang.L("Loading…")))
}

func stateIcon(s StageState) fyne.Resource {
	switch s {
	case StageDone:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case StageActive:
		return theme.NewPrimaryThemedResource(theme.MediaPlayIcon())
	case StagePlanned:
		return theme.HistoryIcon()
	}
	return theme.NewDisabledResource(theme.RadioButtonIcon())
}

func stateLabel(s StageState) string {
	switch s {
	case StageDone:
		return lang.L("Done")
	case StageActive:
		return lang.L("In progress")
	case StagePlanned:
		return lang.L("Planned")
	}
	return lang.L("No record yet")
}

func timelineView(stages []stageStatus) fyne.CanvasObject {
	box := container.NewVBox()
	for i, s := range stages {
		name := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, stageLabel(s.Stage)))
		name.TextStyle.Bold = true
		head := container.NewHBox(widget.NewIcon(stateIcon(s.State)), name, widget.NewLabel(stateLabel(s.State)))
		if s.Current {
			cur := widget.NewLabel(lang.L("← current stage"))
			cur.Importance = widget.HighImportance
			head.Add(cur)
		}
		if s.Detail == "" {
			box.Add(head)
			continue
		}
		detail := widget.NewLabel(s.Detail)
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
