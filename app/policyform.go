package app

import (
	"context"
	"errors"
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

// policyForm edits a policy's fields; the store's validation decides, the form shows its message inline.
type policyForm struct {
	id       int64 // 0 for a new policy
	title    *widget.Entry
	docNo    *widget.Entry
	dept     *widget.SelectEntry // free text, with the workspace's departments to pick from
	category *widget.Select
	stage    *widget.Select
	draft    *widget.Entry
	issued   *widget.Entry
	officers *widget.Check
	errText  *widget.Label
	warn     *widget.Label // dates that disagree with the policy's other records (saved all the same)
	form     *widget.Form

	consult *data.Consultation // the policy's comment period and needs, to compare the dates typed with
	needs   []data.Need
	resized func() // the dialog fits a warning shown or hidden
}

func newPolicyForm(p data.Policy, depts []string) *policyForm {
	f := &policyForm{id: p.ID}
	f.title = widget.NewEntry()
	f.title.SetText(p.Title)
	f.title.SetPlaceHolder(lang.L("Full title of the policy document"))
	f.docNo = widget.NewEntry()
	f.docNo.SetText(p.DocNo)
	f.docNo.SetPlaceHolder(lang.L("e.g. 京政办发〔2026〕12号"))
	f.dept = widget.NewSelectEntry(depts)
	f.dept.SetText(p.Dept)
	f.category = widget.NewSelect(data.Categories, nil)
	f.category.PlaceHolder = lang.L("(choose a category)")
	if p.Category != "" {
		f.category.SetSelected(p.Category)
	}
	var stages []string
	for _, s := range data.Stages {
		stages = append(stages, stageLabel(s))
	}
	f.stage = widget.NewSelect(stages, nil)
	f.stage.SetSelectedIndex(0)
	for i, s := range data.Stages {
		if s == p.Stage {
			f.stage.SetSelectedIndex(i)
		}
	}
	f.draft = dateEntry(p.DraftDate)
	f.issued = dateEntry(p.Issued)
	f.officers = widget.NewCheck(lang.L("This policy appoints 政策体验官"), nil)
	f.officers.SetChecked(p.UsesOfficers)
	f.errText = widget.NewLabel("")
	f.errText.Wrapping = fyne.TextWrapWord
	f.errText.Importance = widget.DangerImportance
	f.errText.Hide()
	f.warn = widget.NewLabel("")
	f.warn.Wrapping = fyne.TextWrapWord
	f.warn.Importance = widget.WarningImportance
	f.warn.Hide()
	f.draft.OnChanged = func(string) { f.showDateWarnings() }
	f.issued.OnChanged = func(string) { f.showDateWarnings() }
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Title"), f.title),
		widget.NewFormItem(lang.L("Document number"), f.docNo),
		widget.NewFormItem(lang.L("Department"), f.dept),
		widget.NewFormItem(lang.L("Category"), f.category),
		widget.NewFormItem(lang.L("Stage"), f.stage),
		widget.NewFormItem(lang.L("Drafting began"), f.draft),
		widget.NewFormItem(lang.L("Issue date"), f.issued),
		widget.NewFormItem("", f.officers),
	)
	return f
}

// loadDateFacts reads, off the UI goroutine, the comment period and needs of the policy being edited, to
// warn while its dates are typed (a new policy has none).
func (f *policyForm) loadDateFacts(u *UI) {
	if f.id == 0 {
		return
	}
	type facts struct {
		c     *data.Consultation
		needs []data.Need
	}
	id := f.id
	load(u, func(ctx context.Context, s *store.Store) (facts, error) {
		var fs facts
		c, err := s.Consultation(ctx, id)
		switch {
		case err == nil:
			fs.c = &c
		case !errors.Is(err, data.ErrNotFound):
			return fs, err
		}
		fs.needs, err = s.Needs(ctx, id)
		return fs, err
	}, func(fs facts) {
		f.consult, f.needs = fs.c, fs.needs
		f.showDateWarnings()
	})
}

// showDateWarnings shows what data.PolicyDateWarnings finds in the dates typed; the policy saves anyway.
func (f *policyForm) showDateWarnings() {
	ws := data.PolicyDateWarnings(f.value(), f.consult, f.needs)
	if len(ws) == 0 {
		if f.warn.Visible() {
			f.warn.Hide()
			if f.resized != nil {
				f.resized()
			}
		}
		return
	}
	f.warn.SetText(strings.Join(ws, "\n"))
	f.warn.Show()
	if f.resized != nil {
		f.resized()
	}
}

// value is the policy the form describes.
func (f *policyForm) value() data.Policy {
	p := data.Policy{
		ID: f.id, Title: f.title.Text, DocNo: f.docNo.Text, Dept: f.dept.Text, Category: f.category.Selected,
		DraftDate: f.draft.Text, Issued: f.issued.Text, UsesOfficers: f.officers.Checked,
	}
	if i := f.stage.SelectedIndex(); i >= 0 {
		p.Stage = data.Stages[i]
	}
	return p
}

// save validates the policy, then stores it off the UI goroutine with btn (may be nil) disabled meanwhile;
// done gets its id, or the error, whose message the form shows (it keeps what was typed). Nothing is
// started while btn is disabled (a save under way).
func (f *policyForm) save(u *UI, btn *widget.Button, done func(id int64, err error)) {
	if btn != nil && btn.Disabled() {
		return
	}
	p := f.value()
	if err := p.Validate(); err != nil {
		f.refused(err)
		done(0, err)
		return
	}
	u.writeFrom([]*widget.Button{btn}, func(ctx context.Context, s *store.Store) error {
		var err error
		if p.ID == 0 {
			p.ID, err = s.AddPolicy(ctx, p)
		} else {
			err = s.UpdatePolicy(ctx, p)
		}
		return err
	}, func(err error) {
		if err != nil {
			f.refused(err)
			done(0, err)
			return
		}
		f.errText.Hide()
		done(p.ID, nil)
	})
}

// refused shows why the policy was not stored, in the form.
func (f *policyForm) refused(err error) {
	f.errText.SetText(err.Error())
	f.errText.Show()
}

// showPolicyForm opens the new (p == nil) or edit policy dialog.
func (u *UI) showPolicyForm(p *data.Policy) {
	title := lang.L("New policy")
	var start data.Policy
	if p != nil {
		start = *p
		title = lang.L("Edit policy")
	}
	f := newPolicyForm(start, nil)
	load(u, func(ctx context.Context, s *store.Store) ([]string, error) {
		return s.Departments(ctx)
	}, f.dept.SetOptions) // the workspace's departments to pick from, once read
	var d *dialog.CustomDialog
	var saveBtn *widget.Button
	saveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.ConfirmIcon(), func() {
		f.save(u, saveBtn, func(id int64, err error) {
			if err != nil {
				var ie *data.InputError
				if !errors.As(err, &ie) { // input errors are shown inline
					u.ShowError(err)
				}
				return
			}
			d.Hide()
			u.showPolicy(id) // a new policy: after asking about the current page's unsaved edits
		})
	})
	saveBtn.Importance = widget.HighImportance
	cancelBtn := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	body := container.NewVBox(f.form, f.errText, f.warn)
	d = dialog.NewCustomWithoutButtons(title, body, u.Win)
	d.SetButtons([]fyne.CanvasObject{cancelBtn, saveBtn})
	f.resized = func() { d.Resize(fyne.NewSize(620, body.MinSize().Height+140)) }
	f.resized()
	d.Show()
	f.loadDateFacts(u)
	u.watchPolicyForm(f, d, saveBtn) // quitting with the form open asks first (unsaved.go)
	u.Win.Canvas().Focus(f.title)
}
