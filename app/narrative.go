package app

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/reports"
)

// The 报告文字 tab: what the team writes and chooses for a round's evaluation report. Three pages: each
// section's opening text (GongPing's draft, shown as it is, or the team's text in an editor with 保存 and
// 恢复为自动草稿), the report's settings (评估机构, 委托单位, 报告日期, the optional parts published), and
// the open answers the report quotes, each with 排除 / 恢复引用 and the automatic proposals marked. It is a
// tab of its own (between 修订 and 发布) rather than part of 发布, which is about publishing and writing
// the files; the report that 发布 writes reads all of this (reports.LoadOptions).

func init() {
	RegisterPolicyTab(PolicyTab{Order: 65, Title: "Report texts", Build: buildNarrative})
}

type narrativeTab struct {
	u        *UI
	policyID int64

	round   *widget.Select
	status  *widget.Label
	body    *fyne.Container // the pages, or a note while loading / without a round
	pages   *container.AppTabs
	content fyne.CanvasObject

	// 章节文字
	sections  map[narrative.Section]*sectionEditor
	accordion *widget.Accordion

	// 报告设置
	issuer, commissioner, date *widget.Entry
	parts                      map[string]*widget.Check
	settingsNote               *widget.Label
	settingsState              *widget.Label
	saveSettings               *widget.Button
	savedSettings              data.ReportSettings // the settings as the workspace has them (issuer inherited)
	settingsShown              bool                // the form holds settings loaded (until then it is not dirty)

	// 引用的意见
	quotes       []loop.Quote
	shown        []int // indexes into quotes the list shows
	quoteFilter  *widget.Select
	quoteSummary *widget.Label
	confirmAll   *widget.Button
	quoteList    *widget.List

	data     narrativeData
	loads    int  // reloads started; a late result of an earlier one is dropped
	applying bool // apply is selecting the round it loaded (no reload for that)
}

// sectionEditor is one section on the 章节文字 page.
type sectionEditor struct {
	t       *narrativeTab
	def     narrative.Def
	draft   string
	saved   *data.ReportText // the team's text, nil while the section uses the draft
	editing bool             // the editor is shown (the team's text, or the draft being rewritten)

	draftText *widget.Label
	entry     *widget.Entry
	state     *widget.Label
	edit      *widget.Button
	save      *widget.Button
	cancel    *widget.Button
	reset     *widget.Button
	box       *fyne.Container
	item      *widget.AccordionItem
}

type narrativeData struct {
	rounds []data.Round
	n      reports.Narrative
	ok     bool // the policy has a round
}

func buildNarrative(u *UI, policyID int64) fyne.CanvasObject {
	return newNarrativeTab(u, policyID).content
}

func newNarrativeTab(u *UI, policyID int64) *narrativeTab {
	t := &narrativeTab{u: u, policyID: policyID, sections: map[narrative.Section]*sectionEditor{}, parts: map[string]*widget.Check{}}
	t.round = widget.NewSelect(nil, func(string) { t.onRoundChanged() })
	t.round.PlaceHolder = lang.L("(no round yet)")
	t.status = widget.NewLabel("")
	t.status.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(lang.L("Each section of the evaluation report opens with a text GongPing drafts from the numbers. Rewrite any of them here; your text is kept when the round is scored again, and is frozen when the evaluation is published. Choose who issues the report, its date, which optional parts are published and which open answers are quoted."))
	intro.Wrapping = fyne.TextWrapWord
	t.body = container.NewStack(widget.NewLabel(lang.L("Loading…")))
	t.buildSettings()
	t.buildQuotes()
	t.accordion = widget.NewAccordion()
	t.accordion.MultiOpen = true
	t.pages = container.NewAppTabs(
		container.NewTabItem(lang.L("Section texts"), container.NewVScroll(container.NewPadded(t.accordion))),
		container.NewTabItem(lang.L("Report settings"), container.NewVScroll(container.NewPadded(t.settingsPage()))),
		container.NewTabItem(lang.L("Quoted answers"), t.quotesPage()),
	)
	head := container.NewVBox(intro, widget.NewForm(widget.NewFormItem(lang.L("Evaluation round"), t.round)), t.status)
	t.content = container.NewBorder(container.NewPadded(head), nil, nil, nil, t.body)
	u.live(t.content, t.reload)
	u.registerEdit(pendingEdit{key: "narrative/" + itoa(policyID), policy: policyID,
		what: func() string { return lang.L("Report texts and settings") }, dirty: t.dirty, save: t.saveAll, content: t.content})
	t.reload()
	return t
}

// reload reads the rounds and the chosen round's texts, drafts, settings and quotations, keeping what
// the user is editing.
func (t *narrativeTab) reload() {
	t.loads++
	seq, id, round := t.loads, t.policyID, t.round.Selected
	load(t.u, func(ctx context.Context, s *store.Store) (narrativeData, error) {
		var d narrativeData
		var err error
		if d.rounds, err = s.Rounds(ctx, id); err != nil || len(d.rounds) == 0 {
			return d, err
		}
		if !hasRound(d.rounds, round) {
			round = d.rounds[len(d.rounds)-1].Name
		}
		d.n, err = reports.LoadNarrative(ctx, s, id, round)
		d.ok = err == nil
		return d, err
	}, func(d narrativeData) {
		if seq == t.loads {
			t.apply(d)
		}
	})
}

func hasRound(rs []data.Round, name string) bool {
	for _, r := range rs {
		if r.Name == name {
			return true
		}
	}
	return false
}

func (t *narrativeTab) onRoundChanged() {
	if t.round.Selected != "" && t.round.Selected != t.data.n.Round.Name && !t.applying {
		if t.dirty() { // the edits belong to the round shown: switching loses them
			back := t.data.n.Round.Name
			d := dialog.NewConfirm(lang.L("Unsaved changes"), lang.L("The texts or settings of this round have changes not saved yet. Switch to the other round and lose them?"), func(ok bool) {
				if ok {
					t.discard()
					t.reload()
					return
				}
				t.round.SetSelected(back)
			}, t.u.Win)
			d.SetConfirmText(lang.L("Switch without saving"))
			d.SetDismissText(lang.L("Cancel"))
			d.Show()
			return
		}
		t.reload()
	}
}

func (t *narrativeTab) apply(d narrativeData) {
	t.data = d
	names := make([]string, len(d.rounds))
	for i, r := range d.rounds {
		names[i] = r.Name
	}
	t.round.Options = names
	if !d.ok {
		t.body.Objects = []fyne.CanvasObject{container.NewPadded(widget.NewLabel(lang.L("This policy has no evaluation round yet: import a survey first.")))}
		t.body.Refresh()
		return
	}
	t.applying = true
	t.round.SetSelected(d.n.Round.Name)
	t.applying = false
	t.applySections(d.n)
	t.applySettings(d.n.Choices.Settings)
	t.applyQuotes(d.n.Quotes)
	t.status.SetText(t.statusText())
	if len(t.body.Objects) != 1 || t.body.Objects[0] != t.pages {
		t.body.Objects = []fyne.CanvasObject{t.pages}
		t.body.Refresh()
	}
	t.setReadOnly(t.u.store.ReadOnly)
}

// statusText sums up the round: how many sections the team rewrote, how many answers are not quoted.
func (t *narrativeTab) statusText() string {
	edited := 0
	for _, e := range t.sections {
		if e.saved != nil {
			edited++
		}
	}
	out, pending := 0, 0
	for _, q := range t.quotes {
		if q.Excluded {
			out++
		}
		if q.Excluded && q.Choice == nil {
			pending++
		}
	}
	return fmt.Sprintf(lang.L("%d of %d sections rewritten by the team; %d of %d open answers not quoted (%d proposed automatically, not confirmed yet)."),
		edited, len(narrative.Sections), out, len(t.quotes), pending)
}

// ---- 章节文字 ----

func (t *narrativeTab) applySections(n reports.Narrative) {
	first := len(t.accordion.Items) == 0
	for _, def := range narrative.Sections {
		e := t.sections[def.Key]
		if e == nil {
			e = t.newSectionEditor(def)
			t.sections[def.Key] = e
			t.accordion.Append(e.item)
		}
		var saved *data.ReportText
		if st, ok := n.Texts[def.Key]; ok {
			saved = &st
		}
		e.update(n.Drafts[def.Key], saved)
	}
	if first && len(t.accordion.Items) > 0 {
		t.accordion.Open(0)
	}
	t.accordion.Refresh()
}

func (t *narrativeTab) newSectionEditor(def narrative.Def) *sectionEditor {
	e := &sectionEditor{t: t, def: def}
	e.draftText = widget.NewLabel("")
	e.draftText.Wrapping = fyne.TextWrapWord
	e.entry = widget.NewMultiLineEntry()
	e.entry.Wrapping = fyne.TextWrapWord
	e.entry.SetMinRowsVisible(6)
	e.entry.OnChanged = func(string) { e.showState() }
	e.state = widget.NewLabel("")
	e.state.SizeName = theme.SizeNameCaptionText
	e.edit = widget.NewButtonWithIcon(lang.L("Rewrite"), theme.DocumentCreateIcon(), e.onEdit)
	e.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() { e.onSave(nil) })
	e.save.Importance = widget.HighImportance
	e.cancel = widget.NewButton(lang.L("Cancel"), e.onCancel)
	e.reset = widget.NewButtonWithIcon(lang.L("Restore the automatic draft"), theme.ContentUndoIcon(), e.onReset)
	e.box = container.NewVBox()
	e.item = widget.NewAccordionItem(def.Title, e.box)
	return e
}

// base is the text the editor started from: the team's, else the draft.
func (e *sectionEditor) base() string {
	if e.saved != nil {
		return e.saved.Text
	}
	return e.draft
}

func (e *sectionEditor) dirty() bool { return e.editing && e.entry.Text != e.base() }

// update shows the section's draft and the team's text as the workspace now has them; an editor with
// changes not saved keeps them.
func (e *sectionEditor) update(draft string, saved *data.ReportText) {
	keep := e.dirty()
	e.draft, e.saved = draft, saved
	switch {
	case keep:
	case saved != nil:
		e.editing = true
		e.entry.SetText(saved.Text)
	default:
		e.editing = false
	}
	e.layout()
}

func (e *sectionEditor) layout() {
	e.draftText.SetText(e.draft)
	if e.draft == "" {
		e.draftText.SetText(lang.L("(GongPing has no draft for this section: the report prints its tables only, unless you write a text.)"))
	}
	var objs []fyne.CanvasObject
	if e.editing {
		buttons := container.NewHBox(e.save)
		if e.saved != nil {
			buttons.Add(e.reset)
		} else {
			buttons.Add(e.cancel)
		}
		objs = []fyne.CanvasObject{e.entry, container.NewBorder(nil, nil, nil, buttons, e.state)}
	} else {
		objs = []fyne.CanvasObject{widget.NewCard("", "", e.draftText), container.NewBorder(nil, nil, nil, e.edit, e.state)}
	}
	e.box.Objects = objs
	e.box.Refresh()
	e.showState()
}

// showState says which text the report uses, and whether there are changes not saved.
func (e *sectionEditor) showState() {
	title := e.def.Title
	switch {
	case e.dirty():
		e.state.SetText(lang.L("Changed, not saved yet."))
		e.state.Importance = widget.WarningImportance
		title += "　" + lang.L("(not saved)")
	case e.saved != nil:
		e.state.SetText(fmt.Sprintf(lang.L("The team's text (saved %s); the report prints it instead of the draft."), localTime(e.saved.Updated)))
		e.state.Importance = widget.SuccessImportance
		title += "　" + lang.L("(team's text)")
	default:
		e.state.SetText(lang.L("Automatic draft from the numbers; it changes when the data does."))
		e.state.Importance = widget.MediumImportance
	}
	if e.def.Optional && !e.t.savedSettings.On(string(e.def.Key)) {
		title += "　" + lang.L("(not published)")
	}
	e.state.Refresh()
	if e.item.Title != title {
		e.item.Title = title
		e.t.accordion.Refresh()
	}
	e.save.Disable()
	if e.dirty() || (e.editing && e.saved == nil) {
		e.save.Enable()
	}
	if e.t.u.store != nil && e.t.u.store.ReadOnly {
		e.save.Disable()
	}
}

func (e *sectionEditor) onEdit() {
	e.editing = true
	e.entry.SetText(e.draft)
	e.layout()
	e.t.u.Win.Canvas().Focus(e.entry)
}

func (e *sectionEditor) onCancel() {
	e.editing = false
	e.layout()
}

// onSave stores the editor's text as the team's; done (may be nil) gets the error, shown already.
func (e *sectionEditor) onSave(done func(error)) {
	round, key, text := e.t.data.n.Round.ID, string(e.def.Key), e.entry.Text
	e.t.u.write(func(ctx context.Context, s *store.Store) error {
		return s.SetReportText(ctx, round, key, text)
	}, func(err error) {
		if err != nil {
			e.t.u.ShowError(err)
		} else if e.entry.Text == text {
			e.saved = &data.ReportText{Section: key, Text: text, Updated: time.Now().UTC().Format(time.RFC3339)}
			e.layout()
			e.t.status.SetText(e.t.statusText())
		}
		if done != nil {
			done(stopped(err))
		}
	})
}

func (e *sectionEditor) onReset() {
	d := dialog.NewConfirm(lang.L("Restore the automatic draft"), fmt.Sprintf(lang.L("Delete the team's text of %s? The report then prints GongPing's draft, written from the numbers."), e.def.Title), func(ok bool) {
		if !ok {
			return
		}
		round, key := e.t.data.n.Round.ID, string(e.def.Key)
		e.t.u.write(func(ctx context.Context, s *store.Store) error {
			_, err := s.ResetReportText(ctx, round, key)
			return err
		}, func(err error) {
			if err != nil {
				e.t.u.ShowError(err)
				return
			}
			e.saved, e.editing = nil, false
			e.layout()
			e.t.status.SetText(e.t.statusText())
		})
	}, e.t.u.Win)
	d.SetConfirmText(lang.L("Restore the automatic draft"))
	d.SetDismissText(lang.L("Cancel"))
	d.Show()
}

// ---- 报告设置 ----

func (t *narrativeTab) buildSettings() {
	t.issuer = widget.NewEntry()
	t.issuer.SetPlaceHolder(lang.L("e.g. the third-party agency that made the evaluation"))
	t.commissioner = widget.NewEntry()
	t.commissioner.SetPlaceHolder(lang.L("e.g. the department that commissioned it"))
	t.date = dateEntry("")
	for _, e := range []*widget.Entry{t.issuer, t.commissioner, t.date} {
		e.OnChanged = func(string) { t.showSettingsState() }
	}
	for _, p := range data.ReportParts {
		t.parts[p] = widget.NewCheck(data.ReportPartNames[p], func(bool) { t.showSettingsState() })
	}
	t.settingsNote = widget.NewLabel("")
	t.settingsNote.Wrapping = fyne.TextWrapWord
	t.settingsNote.SizeName = theme.SizeNameCaptionText
	t.settingsState = widget.NewLabel("")
	t.saveSettings = widget.NewButtonWithIcon(lang.L("Save settings"), theme.DocumentSaveIcon(), func() { t.onSaveSettings(nil) })
	t.saveSettings.Importance = widget.HighImportance
}

func (t *narrativeTab) settingsPage() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Evaluation agency"), t.issuer),
		widget.NewFormItem(lang.L("Commissioned by"), t.commissioner),
		widget.NewFormItem(lang.L("Report date"), t.date),
	)
	form.Items[2].HintText = lang.L("The date the report bears (成文日期). Empty: the day the evaluation was published, or the day the report is written while it is not.")
	checks := container.NewVBox()
	for _, p := range data.ReportParts {
		checks.Add(t.parts[p])
	}
	partsCard := widget.NewCard(lang.L("Optional parts published"), lang.L("The other sections are always in the report."), checks)
	return container.NewVBox(form, t.settingsNote, partsCard, container.NewBorder(nil, nil, t.saveSettings, nil, t.settingsState))
}

// settingsValue is what the form holds.
func (t *narrativeTab) settingsValue() data.ReportSettings {
	st := data.ReportSettings{Issuer: strings.TrimSpace(t.issuer.Text), Commissioner: strings.TrimSpace(t.commissioner.Text),
		Date: strings.TrimSpace(t.date.Text), Off: []string{}}
	for _, p := range data.ReportParts {
		if !t.parts[p].Checked {
			st.Off = append(st.Off, p)
		}
	}
	if d, err := data.NormalizeDate(st.Date); err == nil {
		st.Date = d
	}
	return st
}

func (t *narrativeTab) settingsDirty() bool {
	if !t.data.ok || !t.settingsShown {
		return false
	}
	saved := t.savedSettings
	if saved.Off == nil {
		saved.Off = []string{}
	}
	return !reflect.DeepEqual(t.settingsValue(), saved)
}

func (t *narrativeTab) applySettings(st data.ReportSettings) {
	keep := t.settingsDirty()
	t.savedSettings = st
	if !keep {
		t.fillSettings(st)
	}
	t.settingsShown = true
	own := t.data.n.OwnSettings
	t.settingsNote.Hide()
	if (st.Issuer != "" && own.Issuer == "") || (st.Commissioner != "" && own.Commissioner == "") {
		t.settingsNote.SetText(lang.L("Taken from the policy's earlier round: save to keep them for this round, or change them."))
		t.settingsNote.Show()
	}
	t.showSettingsState()
}

// fillSettings puts st into the form.
func (t *narrativeTab) fillSettings(st data.ReportSettings) {
	t.issuer.SetText(st.Issuer)
	t.commissioner.SetText(st.Commissioner)
	t.date.SetText(st.Date)
	for _, p := range data.ReportParts {
		t.parts[p].SetChecked(st.On(p))
	}
}

func (t *narrativeTab) showSettingsState() {
	switch {
	case t.date.Validate() != nil:
		t.settingsState.SetText(lang.L("The report date cannot be read: type it as 2026-11-20 or 2026年11月20日."))
		t.settingsState.Importance = widget.DangerImportance
	case t.settingsDirty():
		t.settingsState.SetText(lang.L("Changed, not saved yet."))
		t.settingsState.Importance = widget.WarningImportance
	default:
		t.settingsState.SetText("")
	}
	t.settingsState.Refresh()
	if t.settingsDirty() && !t.u.store.ReadOnly {
		t.saveSettings.Enable()
	} else {
		t.saveSettings.Disable()
	}
	for _, e := range t.sections {
		e.showState() // (不发布) follows the saved parts
	}
}

func (t *narrativeTab) onSaveSettings(done func(error)) {
	round, st := t.data.n.Round.ID, t.settingsValue()
	st.Date = strings.TrimSpace(t.date.Text)
	t.u.write(func(ctx context.Context, s *store.Store) error {
		var err error
		st, err = s.SetReportSettings(ctx, round, st)
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
		} else {
			t.savedSettings = st
			t.date.SetText(st.Date)
			t.settingsNote.Hide()
			t.showSettingsState()
		}
		if done != nil {
			done(stopped(err))
		}
	})
}

// ---- 引用的意见 ----

const (
	quotesAll = iota
	quotesQuoted
	quotesExcluded
	quotesProposed
)

func (t *narrativeTab) buildQuotes() {
	t.quoteFilter = widget.NewSelect([]string{lang.L("All open answers"), lang.L("Quoted"), lang.L("Not quoted"), lang.L("Proposed automatically")},
		func(string) { t.filterQuotes() })
	t.quoteSummary = widget.NewLabel("")
	t.quoteSummary.Wrapping = fyne.TextWrapWord
	t.confirmAll = widget.NewButtonWithIcon(lang.L("Confirm all proposals"), theme.ConfirmIcon(), t.onConfirmAll)
	t.quoteList = widget.NewList(func() int { return len(t.shown) }, t.newQuoteRow, t.updateQuoteRow)
	t.quoteFilter.SetSelectedIndex(quotesAll)
}

func (t *narrativeTab) quotesPage() fyne.CanvasObject {
	note := widget.NewLabel(lang.L("These are the open answers the report quotes, personal data already masked. Answers that look like tests, personal appeals or that still hold personal data are proposed for leaving out: they are left out unless you quote them again; confirm the proposals you agree with."))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(note, container.NewBorder(nil, nil, t.quoteFilter, t.confirmAll, t.quoteSummary))
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, t.quoteList)
}

// quoteRow is one line of the list: the state's icon, the answer, what it answers and why it is proposed,
// and the one button.
type quoteRow struct {
	icon   *widget.Icon
	text   *widget.Label
	detail *widget.Label
	button *widget.Button
}

func (t *narrativeTab) newQuoteRow() fyne.CanvasObject {
	r := &quoteRow{icon: widget.NewIcon(theme.ConfirmIcon()), text: widget.NewLabel(""), detail: widget.NewLabel(""), button: widget.NewButton(lang.L("Restore quoting"), nil)}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.detail.SizeName = theme.SizeNameCaptionText
	b := &quoteRowBox{box: container.NewBorder(nil, nil, r.icon, r.button, container.NewVBox(r.text, r.detail)), row: r}
	b.ExtendBaseWidget(b)
	return b
}

// quoteRowBox is a list row: a widget drawing its box, holding the row's widgets for updateQuoteRow.
type quoteRowBox struct {
	widget.BaseWidget
	box *fyne.Container
	row *quoteRow
}

func (b *quoteRowBox) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.box) }

func (t *narrativeTab) updateQuoteRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*quoteRowBox).row
	qi := t.shown[i]
	q := t.quotes[qi]
	r.text.SetText(q.Text)
	detail := fmt.Sprintf(lang.L("Response %d · %s"), q.Response, q.QuestionText)
	switch {
	case q.Excluded && q.Choice == nil:
		detail = fmt.Sprintf(lang.L("Proposed: %s (not confirmed) · %s"), q.Proposed, detail)
	case q.Excluded:
		detail = lang.L("Not quoted") + " · " + detail
	case q.Proposed != "":
		detail = fmt.Sprintf(lang.L("Quoted although proposed: %s · %s"), q.Proposed, detail)
	}
	r.detail.SetText(detail)
	r.text.Importance = widget.MediumImportance
	r.detail.Importance = widget.MediumImportance
	if q.Excluded {
		r.icon.SetResource(theme.NewDisabledResource(theme.VisibilityOffIcon()))
		r.text.Importance = widget.LowImportance
		r.button.SetText(lang.L("Restore quoting"))
		r.button.SetIcon(theme.VisibilityIcon())
		if q.Choice == nil {
			r.detail.Importance = widget.WarningImportance
		}
	} else {
		r.icon.SetResource(theme.VisibilityIcon())
		r.button.SetText(lang.L("Exclude from quoting"))
		r.button.SetIcon(theme.VisibilityOffIcon())
	}
	r.text.Refresh()
	r.detail.Refresh()
	r.button.OnTapped = func() { t.onToggleQuote(qi) }
	if t.u.store.ReadOnly {
		r.button.Disable()
	} else {
		r.button.Enable()
	}
}

func (t *narrativeTab) applyQuotes(qs []loop.Quote) {
	t.quotes = qs
	t.filterQuotes()
}

func (t *narrativeTab) filterQuotes() {
	t.shown = t.shown[:0]
	pending := 0
	for i, q := range t.quotes {
		if q.Excluded && q.Choice == nil {
			pending++
		}
		keep := true
		switch t.quoteFilter.SelectedIndex() {
		case quotesQuoted:
			keep = !q.Excluded
		case quotesExcluded:
			keep = q.Excluded
		case quotesProposed:
			keep = q.Proposed != ""
		}
		if keep {
			t.shown = append(t.shown, i)
		}
	}
	out := 0
	for _, q := range t.quotes {
		if q.Excluded {
			out++
		}
	}
	t.quoteSummary.SetText(fmt.Sprintf(lang.L("%d answers, %d not quoted"), len(t.quotes), out))
	if pending == 0 || t.u.store.ReadOnly {
		t.confirmAll.Disable()
	} else {
		t.confirmAll.Enable()
	}
	t.quoteList.Refresh()
}

// onToggleQuote is the row's one click: 排除 a quoted answer, 恢复引用 one left out.
func (t *narrativeTab) onToggleQuote(i int) {
	q := t.quotes[i]
	exclude := !q.Excluded
	id, round := t.policyID, t.data.n.Round.Name
	t.u.write(func(ctx context.Context, s *store.Store) error {
		return loop.SetQuote(ctx, s, id, round, q.AnswerRef, &exclude)
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		if i < len(t.quotes) && t.quotes[i].AnswerRef == q.AnswerRef {
			t.quotes[i].Choice, t.quotes[i].Excluded = &exclude, exclude
		}
		t.filterQuotes()
		t.status.SetText(t.statusText())
	})
}

// onConfirmAll confirms every proposal not decided yet: those answers stay out, now by the team's choice.
func (t *narrativeTab) onConfirmAll() {
	var refs []data.AnswerRef
	for _, q := range t.quotes {
		if q.Excluded && q.Choice == nil {
			refs = append(refs, q.AnswerRef)
		}
	}
	if len(refs) == 0 {
		return
	}
	round := t.data.n.Round.ID
	t.u.write(func(ctx context.Context, s *store.Store) error {
		return s.SetQuoteChoices(ctx, round, refs, true)
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		yes := true
		for i := range t.quotes {
			if t.quotes[i].Excluded && t.quotes[i].Choice == nil {
				t.quotes[i].Choice = &yes
			}
		}
		t.filterQuotes()
		t.status.SetText(t.statusText())
	})
}

// ---- unsaved edits ----

// dirty tells whether a section's text or the settings hold changes not saved.
func (t *narrativeTab) dirty() bool {
	for _, e := range t.sections {
		if e.dirty() {
			return true
		}
	}
	return t.settingsDirty()
}

// saveAll saves every changed section and the settings, in turn; done gets the first error.
func (t *narrativeTab) saveAll(done func(error)) {
	var steps []func(func(error))
	for _, def := range narrative.Sections {
		if e := t.sections[def.Key]; e != nil && e.dirty() {
			steps = append(steps, e.onSave)
		}
	}
	if t.settingsDirty() {
		steps = append(steps, t.onSaveSettings)
	}
	var run func(i int)
	run = func(i int) {
		if i == len(steps) {
			done(nil)
			return
		}
		steps[i](func(err error) {
			if err != nil {
				done(err)
				return
			}
			run(i + 1)
		})
	}
	run(0)
}

// discard drops the changes not saved (the user chose 不保存).
func (t *narrativeTab) discard() {
	for _, e := range t.sections {
		if e.dirty() {
			e.editing = e.saved != nil
			e.entry.SetText(e.base())
			e.layout()
		}
	}
	if t.settingsDirty() {
		t.fillSettings(t.savedSettings)
	}
}

func (t *narrativeTab) setReadOnly(ro bool) {
	for _, e := range t.sections {
		for _, b := range []*widget.Button{e.edit, e.reset} {
			if ro {
				b.Disable()
			} else {
				b.Enable()
			}
		}
	}
	if ro {
		t.saveSettings.Disable()
	}
}

// stopped turns an error a save has shown into errSaveStopped (the unsaved-edits question then stays).
func stopped(err error) error {
	if err != nil {
		return errSaveStopped
	}
	return nil
}

// localTime shows a stored UTC time (RFC 3339) in the computer's time zone, to the minute.
func localTime(at string) string {
	if t, err := time.Parse(time.RFC3339, at); err == nil {
		return t.Local().Format("2006-01-02 15:04")
	}
	return at
}
