package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/calendar"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/store"
)

// consultEditor edits the comment period and shows its working-day count live as the dates are typed.
type consultEditor struct {
	u        *UI
	policyID int64
	start    *widget.Entry
	end      *widget.Entry
	channel  *widget.Entry
	contact  *widget.Entry
	days     *widget.Label // "共 N 个工作日" or why it cannot be counted
	holidays *widget.Label // the statutory days off and make-up working days inside the period
	warn     *fyne.Container
	warnText *widget.Label
	dateWarn *widget.Label // the period against the policy's drafting and issue dates (saved all the same)
	save     *widget.Button
	content  fyne.CanvasObject
	saved    func()
	stored   data.Consultation // what the store held when the editor was built
	policy   data.Policy       // its dates, to compare the period with
}

// dirty reports whether the user typed something not saved yet.
func (e *consultEditor) dirty() bool {
	return e.start.Text != e.stored.Start || e.end.Text != e.stored.End ||
		e.channel.Text != e.stored.Channel || e.contact.Text != e.stored.Contact
}

func newConsultEditor(u *UI, policyID int64, c *data.Consultation, saved func()) *consultEditor {
	e := &consultEditor{u: u, policyID: policyID, saved: saved}
	e.start = dateEntry("")
	e.end = dateEntry("")
	e.channel = widget.NewEntry()
	e.channel.SetPlaceHolder(lang.L("e.g. 首都之窗 consultation column, e-mail, letters"))
	e.contact = widget.NewEntry()
	if c != nil {
		e.stored = *c
		e.start.SetText(c.Start)
		e.end.SetText(c.End)
		e.channel.SetText(c.Channel)
		e.contact.SetText(c.Contact)
	}
	e.days = widget.NewLabel("")
	e.days.Wrapping = fyne.TextWrapWord // a date's whole reason can be long
	e.holidays = widget.NewLabel("")
	e.holidays.Wrapping = fyne.TextWrapWord
	e.holidays.SizeName = theme.SizeNameCaptionText
	e.warnText = widget.NewLabel("")
	e.warnText.Importance = widget.WarningImportance
	e.warnText.Wrapping = fyne.TextWrapWord
	e.warn = container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, e.warnText)
	e.dateWarn = widget.NewLabel("")
	e.dateWarn.Importance = widget.WarningImportance
	e.dateWarn.Wrapping = fyne.TextWrapWord
	e.dateWarn.Hide()
	e.start.OnChanged = func(string) { e.update() }
	e.end.OnChanged = func(string) { e.update() }
	e.save = widget.NewButtonWithIcon(lang.L("Save consultation"), theme.DocumentSaveIcon(), e.onSave)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Start"), e.start),
		widget.NewFormItem(lang.L("End"), e.end),
		widget.NewFormItem(lang.L("Channel"), e.channel),
		widget.NewFormItem(lang.L("Contact"), e.contact),
	)
	e.content = container.NewVBox(form, e.days, e.holidays, e.warn, e.dateWarn, container.NewHBox(e.save))
	e.update()
	load(u, func(ctx context.Context, s *store.Store) (data.Policy, error) {
		return s.Policy(ctx, policyID)
	}, func(p data.Policy) {
		e.policy = p
		e.update()
	})
	return e
}

// update recounts the working days of the typed period; it runs on every keystroke.
func (e *consultEditor) update() {
	e.warn.Hide()
	e.dateWarn.Hide()
	e.holidays.SetText("")
	e.holidays.Hide()
	e.days.TextStyle.Bold = false
	if strings.TrimSpace(e.start.Text) == "" || strings.TrimSpace(e.end.Text) == "" {
		e.days.SetText(lang.L("Enter the start and end dates (YYYY-MM-DD) to count the working days."))
		return
	}
	start, err := data.ParseDate(e.start.Text)
	if err == nil {
		var end time.Time
		if end, err = data.ParseDate(e.end.Text); err == nil && end.Before(start) {
			e.days.SetText(lang.L("The end date is before the start date."))
			return
		}
	}
	if err != nil {
		e.days.SetText(err.Error())
		return
	}
	if ws := data.ConsultationDateWarnings(e.policy, data.Consultation{Start: e.start.Text, End: e.end.Text}); len(ws) > 0 {
		e.dateWarn.SetText(strings.Join(ws, "\n"))
		e.dateWarn.Show()
	}
	n, err := check.Count(e.start.Text, e.end.Text)
	if err != nil {
		e.days.SetText(err.Error())
		return
	}
	e.days.TextStyle.Bold = true
	e.days.SetText(fmt.Sprintf(lang.L("%d statutory working days"), n.Days))
	if note := holidayNote(e.start.Text, e.end.Text); note != "" {
		e.holidays.SetText(note)
		e.holidays.Show()
	}
	if first, last := calendar.BuiltinYears(); len(n.Uncovered) > 0 { // a guessed count: say so, not "fewer than 5"
		e.warnText.SetText(fmt.Sprintf(lang.L("The holiday arrangements of %s are not in the built-in data (%d–%d): counted Monday to Friday. Add that year's State Council holiday notice, with its days of 29–31 December of the year before, to %s."), calendar.YearsText(n.Uncovered, lang.L(", ")), first, last, calendar.OverridePath()))
		e.warn.Show()
	} else if n.Days < check.MinCommentDays {
		e.warnText.SetText(fmt.Sprintf(lang.L("Fewer than %d working days: the measures require a comment period of at least %d working days."), check.MinCommentDays, check.MinCommentDays))
		e.warn.Show()
	}
}

// onSave stores the period off the UI goroutine, 保存 disabled meanwhile; a refusal is shown and what was
// typed stays. saved runs once it is stored (the unsaved-edits question waits for it).
func (e *consultEditor) onSave() {
	if e.save.Disabled() { // being saved: its end calls saved
		return
	}
	c := data.Consultation{PolicyID: e.policyID, Start: e.start.Text, End: e.end.Text, Channel: e.channel.Text, Contact: e.contact.Text}
	e.u.writeFrom([]*widget.Button{e.save}, func(ctx context.Context, s *store.Store) error {
		return s.SetConsultation(ctx, c)
	}, func(err error) {
		if err != nil {
			e.u.ShowError(err)
			return
		}
		e.stored = c // saved: the reload may replace this editor
		e.saved()
	})
}

// needsEditor lists the needs-collection activities and adds new ones.
type needsEditor struct {
	u        *UI
	policyID int64
	rows     *fyne.Container
	date     *widget.Entry
	channel  *widget.Entry
	count    *widget.Entry
	desc     *widget.Entry
	add      *widget.Button
	dateWarn *widget.Label // needs collected after drafting began (saved all the same)
	content  fyne.CanvasObject
	saved    func()
}

func newNeedsEditor(u *UI, policyID int64, needs []data.Need, saved func()) *needsEditor {
	e := &needsEditor{u: u, policyID: policyID, saved: saved, rows: container.NewVBox()}
	if len(needs) == 0 {
		empty := widget.NewLabel(lang.L("No needs collection recorded. Record each activity held before drafting (date, channel, number of needs) below."))
		empty.Wrapping = fyne.TextWrapWord
		e.rows.Add(empty)
	}
	for _, n := range needs {
		n := n
		text := fmt.Sprintf("%s  %s  ", n.Date, n.Channel) + fmt.Sprintf(lang.L("%d needs"), n.Count)
		if n.Description != "" {
			text += "\n" + n.Description
		}
		lbl := widget.NewLabel(text)
		lbl.Wrapping = fyne.TextWrapWord
		var del *widget.Button
		del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			dialog.ShowConfirm(lang.L("Delete"), fmt.Sprintf(lang.L("Delete the needs collection of %s?"), n.Date), func(ok bool) {
				if ok {
					e.delete(n.ID, del)
				}
			}, u.Win)
		})
		e.rows.Add(container.NewBorder(nil, nil, nil, del, lbl))
	}
	e.date = dateEntry("")
	e.channel = widget.NewEntry()
	e.channel.SetPlaceHolder(lang.L("Channel, e.g. 企业座谈会"))
	e.count = widget.NewEntry()
	e.count.SetPlaceHolder(lang.L("Needs collected"))
	e.desc = widget.NewEntry()
	e.desc.SetPlaceHolder(lang.L("What was asked and of whom"))
	e.add = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), e.onAdd)
	form := container.NewVBox(container.NewGridWithColumns(3, e.date, e.channel, e.count), e.desc, container.NewHBox(e.add))
	e.dateWarn = widget.NewLabel("")
	e.dateWarn.Importance = widget.WarningImportance
	e.dateWarn.Wrapping = fyne.TextWrapWord
	e.dateWarn.Hide()
	e.content = container.NewVBox(e.rows, e.dateWarn, widget.NewSeparator(), form)
	if len(needs) > 0 {
		load(u, func(ctx context.Context, s *store.Store) (data.Policy, error) {
			return s.Policy(ctx, policyID)
		}, func(p data.Policy) {
			var ws []string
			for _, n := range needs {
				ws = append(ws, data.NeedDateWarnings(p, n)...)
			}
			if len(ws) > 0 {
				e.dateWarn.SetText(strings.Join(ws, "\n"))
				e.dateWarn.Show()
			}
		})
	}
	return e
}

// onAdd stores the need typed off the UI goroutine, 添加 disabled meanwhile; a refusal is shown and what
// was typed stays.
func (e *needsEditor) onAdd() {
	if e.add.Disabled() { // being added: its end calls saved
		return
	}
	n := data.Need{PolicyID: e.policyID, Date: e.date.Text, Channel: e.channel.Text, Description: e.desc.Text}
	if c := strings.TrimSpace(e.count.Text); c != "" {
		v, err := strconv.Atoi(c)
		if err != nil {
			e.u.ShowError(data.InputErrorf(lang.L("The number of needs must be a whole number, not %q."), c))
			return
		}
		n.Count = v
	}
	e.u.writeFrom([]*widget.Button{e.add}, func(ctx context.Context, s *store.Store) error {
		_, err := s.AddNeed(ctx, n)
		return err
	}, func(err error) {
		if err != nil {
			e.u.ShowError(err)
			return
		}
		e.saved()
	})
}

// delete removes a needs collection off the UI goroutine; btn (its row's delete button, may be nil) is
// disabled meanwhile.
func (e *needsEditor) delete(id int64, btn *widget.Button) {
	e.u.writeFrom([]*widget.Button{btn}, func(ctx context.Context, s *store.Store) error {
		return s.DeleteNeed(ctx, id)
	}, func(err error) {
		if err != nil {
			e.u.ShowError(err)
			return
		}
		e.saved()
	})
}

// holidayNote writes what makes the count differ from Monday–Friday (calendar.Exceptions): weekdays that
// are statutory days off, by holiday, and weekend days that are make-up working days. "" when nothing does,
// the range is long or the dates do not read.
func holidayNote(from, to string) string {
	f, err1 := data.ParseDate(from)
	t, err2 := data.ParseDate(to)
	cal, err3 := calendar.Default()
	if err1 != nil || err2 != nil || err3 != nil {
		return ""
	}
	ex := cal.Exceptions(f, t)
	var parts []string
	for _, o := range ex.Off {
		name := o.Name
		if name == "" {
			name = lang.L("adjusted day off")
		}
		parts = append(parts, fmt.Sprintf(lang.L("%s: %d weekdays off"), name, o.Days))
	}
	if len(ex.Makeup) > 0 {
		days := make([]string, len(ex.Makeup))
		for i, d := range ex.Makeup {
			days[i] = d.Format(data.DateLayout)
		}
		parts = append(parts, lang.L("make-up working days: ")+strings.Join(days, lang.L(", ")))
	}
	return strings.Join(parts, lang.L("; "))
}
