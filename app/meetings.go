package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/store"
)

// meetingsPage is the workspace-wide list of executive meetings attended by public representatives.
type meetingsPage struct {
	u        *UI
	rows     *fyne.Container
	date     *widget.Entry
	title    *widget.Entry
	reps     *widget.Entry
	add      *widget.Button
	content  fyne.CanvasObject
	meetings []data.Meeting
	years    []check.MeetingsYear
}

func newMeetingsPage(u *UI) *meetingsPage {
	m := &meetingsPage{u: u, rows: container.NewVBox()}
	m.date = dateEntry("")
	m.title = widget.NewEntry()
	m.title.SetPlaceHolder(lang.L("Meeting, e.g. 市政府第58次常务会议"))
	m.reps = widget.NewEntry()
	m.reps.SetPlaceHolder(lang.L("Public representatives"))
	m.add = widget.NewButtonWithIcon(lang.L("Add meeting"), theme.ContentAddIcon(), m.onAdd)
	intro := widget.NewLabel(fmt.Sprintf(lang.L("Each year at least %d executive meetings should have at least %d public representatives attending. Meetings belong to the whole workspace."), check.MinMeetings, check.MinMeetingReps))
	intro.Wrapping = fyne.TextWrapWord
	form := container.NewBorder(nil, nil, nil, m.add, container.NewGridWithColumns(3, m.date, m.title, m.reps))
	m.content = container.NewPadded(container.NewBorder(container.NewVBox(intro, form, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(m.rows)))
	return m
}

func (m *meetingsPage) reload() {
	load(m.u, func(ctx context.Context, s *store.Store) ([]data.Meeting, error) {
		return s.Meetings(ctx, 0)
	}, m.apply)
}

func (m *meetingsPage) apply(ms []data.Meeting) {
	m.meetings = ms
	m.years = check.MeetingsByYear(ms)
	m.rows.RemoveAll()
	if len(ms) == 0 {
		m.rows.Add(widget.NewLabel(lang.L("No meetings recorded. Enter the date, the meeting and the number of public representatives above, then press Add meeting.")))
		return
	}
	i := 0
	for _, y := range m.years {
		icon := theme.NewSuccessThemedResource(theme.ConfirmIcon())
		verdict := lang.L("requirement met")
		if !y.Met() {
			icon = theme.NewWarningThemedResource(theme.WarningIcon())
			verdict = lang.L("requirement not met yet")
		}
		head := widget.NewLabel(fmt.Sprintf(lang.L("%s: %d meetings, %d with at least %d representatives — %s"), y.Year, y.Meetings, y.Qualified, check.MinMeetingReps, verdict))
		head.TextStyle.Bold = true
		m.rows.Add(container.NewHBox(widget.NewIcon(icon), head))
		for ; i < len(ms) && strings.HasPrefix(ms[i].Date, y.Year); i++ {
			mt := ms[i]
			var del *widget.Button
			del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
				m.u.confirm(lang.L("Delete"), fmt.Sprintf(lang.L("Delete the meeting of %s?"), mt.Date), lang.L("Delete"), func() { m.delete(mt.ID, del) })
			})
			text := fmt.Sprintf("%s  %s  ", mt.Date, mt.Title) + fmt.Sprintf(lang.L("%d representatives"), mt.Reps)
			m.rows.Add(container.NewBorder(nil, nil, nil, del, container.NewPadded(widget.NewLabel(text))))
		}
	}
}

// onAdd stores the meeting typed off the UI goroutine, 添加会议 disabled meanwhile; a refusal is shown and
// what was typed stays.
func (m *meetingsPage) onAdd() {
	reps, err := strconv.Atoi(strings.TrimSpace(m.reps.Text))
	if err != nil {
		m.u.ShowError(data.InputErrorf(lang.L("The number of public representatives must be a whole number, not %q."), m.reps.Text))
		return
	}
	mt := data.Meeting{Date: m.date.Text, Title: m.title.Text, Reps: reps}
	m.u.writeFrom([]*widget.Button{m.add}, func(ctx context.Context, s *store.Store) error {
		_, err := s.AddMeeting(ctx, mt)
		return err
	}, func(err error) {
		if err != nil {
			m.u.ShowError(err) // what was typed stays
			return
		}
		m.date.SetText("")
		m.title.SetText("")
		m.reps.SetText("")
		m.u.Refresh() // the checklist's meetings rule changes too
	})
}

// delete removes a meeting off the UI goroutine; btn (its row's delete button, may be nil) is disabled
// meanwhile.
func (m *meetingsPage) delete(id int64, btn *widget.Button) {
	m.u.writeFrom([]*widget.Button{btn}, func(ctx context.Context, s *store.Store) error {
		return s.DeleteMeeting(ctx, id)
	}, func(err error) {
		if err != nil {
			m.u.ShowError(err)
			return
		}
		m.u.Refresh()
	})
}
