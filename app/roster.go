package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 15, Title: "体验官 roster", Build: buildRoster})
}

// rosterTab is the policy's 政策体验官 roster: list, add, delete.
type rosterTab struct {
	u        *UI
	policyID int64
	summary  *widget.Label
	rows     *fyne.Container
	name     *widget.Entry
	add      *widget.Button
	content  fyne.CanvasObject
	officers []data.Officer
	loads    int // reloads started: only the last one's result is shown
}

type rosterData struct {
	policy   data.Policy
	officers []data.Officer
}

func buildRoster(u *UI, policyID int64) fyne.CanvasObject {
	t := newRosterTab(u, policyID)
	content := container.NewPadded(t.content)
	u.live(content, t.reload) // a change reloads the rows in place: the scroll stays where it was
	return content
}

func newRosterTab(u *UI, policyID int64) *rosterTab {
	t := &rosterTab{u: u, policyID: policyID, rows: container.NewVBox()}
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.name = widget.NewEntry()
	t.name.SetPlaceHolder(lang.L("Name of the 体验官"))
	t.name.OnSubmitted = func(string) { t.onAdd() }
	t.add = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), t.onAdd)
	form := container.NewBorder(nil, nil, nil, t.add, t.name)
	t.content = container.NewBorder(container.NewVBox(t.summary, form, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(t.rows))
	t.reload()
	return t
}

func (t *rosterTab) reload() {
	t.loads++
	id, seq := t.policyID, t.loads
	load(t.u, func(ctx context.Context, s *store.Store) (rosterData, error) {
		var d rosterData
		var err error
		if d.policy, err = s.Policy(ctx, id); err != nil {
			return d, err
		}
		d.officers, err = s.Officers(ctx, id)
		return d, err
	}, func(d rosterData) {
		if seq == t.loads {
			t.apply(d)
		}
	})
}

func (t *rosterTab) apply(d rosterData) {
	t.officers = d.officers
	n := len(d.officers)
	switch {
	case !d.policy.UsesOfficers && n == 0:
		t.summary.SetText(lang.L("This policy does not appoint 政策体验官 (change it with Edit). You can still keep a roster here."))
		t.summary.Importance = widget.MediumImportance
	case n < check.MinOfficers:
		t.summary.SetText(fmt.Sprintf(lang.L("%d 体验官 on the roster; the measures ask for at least %d."), n, check.MinOfficers))
		t.summary.Importance = widget.WarningImportance
	default:
		t.summary.SetText(fmt.Sprintf(lang.L("%d 体验官 on the roster (at least %d required)."), n, check.MinOfficers))
		t.summary.Importance = widget.SuccessImportance
	}
	t.summary.Refresh()
	t.rows.RemoveAll()
	if n == 0 {
		t.rows.Add(widget.NewLabel(lang.L("The roster is empty. Type a name above and press Add.")))
	}
	for i, o := range d.officers {
		o := o
		var del *widget.Button
		del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			t.u.confirm(lang.L("Delete"), fmt.Sprintf(lang.L("Remove %s from the roster?"), o.Name), lang.L("Remove"), func() { t.delete(o.ID, del) })
		})
		t.rows.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(fmt.Sprintf("%d. %s", i+1, o.Name))))
	}
}

// onAdd stores the name typed off the UI goroutine, 添加 disabled meanwhile (Enter in the name does
// nothing then); a refusal is shown and the name stays.
func (t *rosterTab) onAdd() {
	if t.add.Disabled() {
		return
	}
	id, name := t.policyID, t.name.Text
	t.u.writeFrom([]*widget.Button{t.add}, func(ctx context.Context, s *store.Store) error {
		_, err := s.AddOfficer(ctx, id, name)
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		if t.name.Text == name { // not what was typed meanwhile
			t.name.SetText("")
		}
		t.reload()
	})
}

// delete removes a 体验官 off the UI goroutine; btn (its row's delete button, may be nil) is disabled
// meanwhile.
func (t *rosterTab) delete(id int64, btn *widget.Button) {
	t.u.writeFrom([]*widget.Button{btn}, func(ctx context.Context, s *store.Store) error {
		return s.DeleteOfficer(ctx, id)
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.reload()
	})
}
