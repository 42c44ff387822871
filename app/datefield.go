package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
)

// dateEntry is every date field of the window: typed in any spelling data.ParseDate reads (2026-03-01,
// 2026/3/1, 2026.3.1, 2026年3月1日), or picked from the calendar its button opens, which writes
// YYYY-MM-DD. "" is allowed (the form says whether the date is required).
//
// Fyne's widget.DateEntry (2.6+) is not used: in 2.7.1 it writes and reads dates in the layout of the
// system's region (widget/locale.go: 02/01/2006 for zh-CN, day first, the default), replaces any
// Validator with a time.Parse of that layout when it is drawn, and its calendar's month title is
// time.Format("January 2006") — English whatever the language — and always opens on this month.
func dateEntry(v string) *widget.Entry {
	e := widget.NewEntry()
	// Before anything that draws the entry: its renderer takes the ActionItem when it is made.
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { showDatePicker(e) })
	pick.Importance = widget.LowImportance
	e.ActionItem = pick
	// The form shows a validator's error on one line under the field: a short one, the full reason
	// (data.ParseDate's) comes with the save.
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := data.ParseDate(s); err != nil {
			return errors.New(lang.L("Not a date, e.g. 2026-03-01"))
		}
		return nil
	}
	e.SetPlaceHolder(lang.L("e.g. 2026-03-01"))
	e.SetText(v)
	return e
}

// datePicker is the calendar that drops down from a date field: a month of day buttons, weeks from
// Monday as Chinese calendars print them, with month and year steps, 今天 and 清除.
type datePicker struct {
	entry    *widget.Entry
	month    time.Time  // the first of the month shown
	selected *time.Time // the field's date, when it reads
	today    time.Time
	title    *widget.Label
	days     *fyne.Container

	prevYear, prevMonth, nextMonth, nextYear *widget.Button
	todayBtn, clearBtn                       *widget.Button
	content                                  fyne.CanvasObject
	popUp                                    *widget.PopUp
}

// showDatePicker opens the calendar under e, on the month of e's date (this month when it has none).
func showDatePicker(e *widget.Entry) *datePicker {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return nil
	}
	p := newDatePicker(e, time.Now())
	p.popUp = widget.NewPopUp(p.content, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(fyne.NewPos(0, e.Size().Height))
	p.popUp.ShowAtPosition(pos)
	return p
}

func newDatePicker(e *widget.Entry, now time.Time) *datePicker {
	p := &datePicker{entry: e}
	shown := now
	if t, err := data.ParseDate(e.Text); err == nil {
		p.selected, shown = &t, t
	}
	p.month = time.Date(shown.Year(), shown.Month(), 1, 0, 0, 0, 0, time.UTC)
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	step := func(icon fyne.Resource, years, months int) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, func() { p.show(p.month.AddDate(years, months, 0)) })
		b.Importance = widget.LowImportance
		return b
	}
	p.prevYear, p.prevMonth = step(theme.MediaFastRewindIcon(), -1, 0), step(theme.NavigateBackIcon(), 0, -1)
	p.nextMonth, p.nextYear = step(theme.NavigateNextIcon(), 0, 1), step(theme.MediaFastForwardIcon(), 1, 0)
	nav := container.NewBorder(nil, nil, container.NewHBox(p.prevYear, p.prevMonth), container.NewHBox(p.nextMonth, p.nextYear), p.title)
	p.days = container.NewGridWithColumns(7)
	p.todayBtn = widget.NewButton(lang.L("Today"), func() { p.pick(now) })
	p.clearBtn = widget.NewButton(lang.L("Clear"), func() {
		p.entry.SetText("")
		p.hide()
	})
	p.content = container.NewBorder(nav, container.NewHBox(p.todayBtn, layout.NewSpacer(), p.clearBtn), nil, nil, p.days)
	p.today = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	p.show(p.month)
	return p
}

// weekdays are the column heads, Monday first.
func weekdays() []string {
	return []string{lang.L("Mon"), lang.L("Tue"), lang.L("Wed"), lang.L("Thu"), lang.L("Fri"), lang.L("Sat"), lang.L("Sun")}
}

// show draws month m (its first day).
func (p *datePicker) show(m time.Time) {
	p.month = m
	p.title.SetText(fmt.Sprintf(lang.L("%d-%02d (calendar month)"), m.Year(), int(m.Month())))
	objs := make([]fyne.CanvasObject, 0, 7*7)
	for _, w := range weekdays() {
		objs = append(objs, widget.NewLabelWithStyle(w, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	lead := (int(m.Weekday()) + 6) % 7 // days before the 1st in a week from Monday
	for range lead {
		objs = append(objs, layout.NewSpacer())
	}
	for d := m; d.Month() == m.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { p.pick(day) })
		switch {
		case p.selected != nil && day.Equal(*p.selected):
			b.Importance = widget.HighImportance
		case day.Equal(p.today):
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		objs = append(objs, b)
	}
	p.days.Objects = objs
	p.days.Refresh()
	if p.popUp != nil {
		p.popUp.Resize(p.popUp.MinSize())
	}
}

// pick writes day into the field (its OnChanged runs) and closes the calendar.
func (p *datePicker) pick(day time.Time) {
	p.entry.SetText(day.Format(data.DateLayout))
	p.hide()
}

func (p *datePicker) hide() {
	if p.popUp != nil {
		p.popUp.Hide()
	}
}
