package app

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// No edit is lost. A view holding edits not in the workspace yet (the scheme being edited, consultation
// dates typed, a policy form open) registers a pendingEdit. Before the window quits (文件→退出, Ctrl-Q, its
// close button), switches policy or workspace, changes language or restores a backup, leave asks
// 保存 / 不保存 / 取消 for those that are dirty: 保存 saves each in turn (an error stops there, is shown and
// the window stays as it was), 不保存 goes on, 取消 (or Esc) stays.

// pendingEdit is one view's unsaved work.
type pendingEdit struct {
	key    string // one per view ("scheme/3"): a view built again replaces its old registration
	policy int64  // the policy whose page holds it (it counts while that page is shown); 0 for none
	what   func() string
	dirty  func() bool
	// save stores the edit; done runs on the UI goroutine with the error (errSaveStopped when the user
	// stopped on one of the save's own questions, or the save has shown its error itself).
	save    func(done func(error))
	content fyne.CanvasObject // the view's content, when it is a tab (tabs with unsaved edits are kept)
}

var errSaveStopped = errors.New("save stopped")

// pendingEdits is the window's registry, in registration order.
type pendingEdits struct {
	list []pendingEdit
	ask  *unsavedAsk // the question on screen (tests)
}

// unsavedAsk is the 保存 / 不保存 / 取消 question.
type unsavedAsk struct {
	dialog                *dialog.CustomDialog
	items                 []string
	save, discard, cancel *widget.Button
}

// leaveAction is what the window is about to do, which would lose the edits.
type leaveAction int

const (
	leaveQuit leaveAction = iota
	leavePolicy
	leaveWorkspace
	leaveLanguage
	leaveRestore
)

func (a leaveAction) question() string {
	switch a {
	case leavePolicy:
		return lang.L("Save these changes before switching to another policy?")
	case leaveWorkspace:
		return lang.L("Save these changes before opening another workspace?")
	case leaveLanguage:
		return lang.L("Save these changes before switching the language?")
	case leaveRestore:
		return lang.L("Save these changes before restoring the backup?")
	}
	return lang.L("Save these changes before quitting?")
}

// registerEdit adds e, replacing the registration of the same key.
func (u *UI) registerEdit(e pendingEdit) {
	for i := range u.pending.list {
		if u.pending.list[i].key == e.key {
			u.pending.list[i] = e
			return
		}
	}
	u.pending.list = append(u.pending.list, e)
}

// forgetEdits drops the registrations of policy's views (0: all): their views are gone.
func (u *UI) forgetEdits(policy int64) {
	var keep []pendingEdit
	for _, e := range u.pending.list {
		if policy != 0 && e.policy != policy {
			keep = append(keep, e)
		}
	}
	u.pending.list = keep
}

// shownPolicy is the policy whose page is on the right, 0 for none.
func (u *UI) shownPolicy() int64 {
	if u.detail == nil || u.detail.tabs == nil {
		return 0
	}
	return u.detail.policy.ID
}

// unsavedEdits are the dirty edits of the views on screen: all, or only the policy page's.
func (u *UI) unsavedEdits(policyOnly bool) []pendingEdit {
	shown := u.shownPolicy()
	var out []pendingEdit
	for _, e := range u.pending.list {
		if e.policy != 0 && e.policy != shown { // its page was left or deleted
			continue
		}
		if policyOnly && e.policy == 0 {
			continue
		}
		if e.dirty() {
			out = append(out, e)
		}
	}
	return out
}

// viewHasUnsaved tells whether the view whose content is obj holds a dirty registered edit.
func (u *UI) viewHasUnsaved(obj fyne.CanvasObject) bool {
	for _, e := range u.unsavedEdits(false) {
		if e.content == obj {
			return true
		}
	}
	return false
}

// editLine is one line of the question: what, and the policy it belongs to.
func (u *UI) editLine(e pendingEdit) string {
	s := e.what()
	if e.policy != 0 && e.policy == u.shownPolicy() && u.detail.policy.Title != "" {
		s = fmt.Sprintf(lang.L("%s (%s)"), s, u.detail.policy.Title)
	}
	return s
}

// leave runs proceed once the unsaved edits it would lose are dealt with: at once when there are none;
// else after asking. stay (may be nil) runs when the user chose 取消, or a save stopped.
func (u *UI) leave(a leaveAction, proceed, stay func()) {
	edits := u.unsavedEdits(a == leavePolicy)
	if stay == nil {
		stay = func() {}
	}
	if len(edits) == 0 {
		proceed()
		return
	}
	ask := &unsavedAsk{}
	for _, e := range edits {
		ask.items = append(ask.items, u.editLine(e))
	}
	head := widget.NewLabel(a.question())
	head.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(head)
	for _, it := range ask.items {
		l := widget.NewLabel("·" + it)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Bold = true
		body.Add(l)
	}
	note := widget.NewLabel(lang.L("Don't save: the changes are lost."))
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	body.Add(note)
	width := canvas.NewRectangle(color.Transparent) // wrapped labels take the width they are given
	width.SetMinSize(fyne.NewSize(460, 0))
	done := func() {
		ask.dialog.Hide()
		u.pending.ask = nil
	}
	ask.cancel = widget.NewButton(lang.L("Cancel"), func() { done(); stay() })
	ask.discard = widget.NewButton(lang.L("Don't save"), func() { done(); proceed() })
	ask.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() {
		done()
		u.saveEdits(edits, func(err error) {
			if err != nil {
				if !errors.Is(err, errSaveStopped) {
					u.ShowError(err)
				}
				stay()
				return
			}
			proceed()
		})
	})
	ask.save.Importance = widget.HighImportance
	ask.dialog = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), container.NewStack(width, body), u.Win)
	ask.dialog.SetButtons([]fyne.CanvasObject{ask.cancel, ask.discard, ask.save})
	u.pending.ask = ask
	ask.dialog.Show()
}

// saveEdits saves es in turn; done gets the first error.
func (u *UI) saveEdits(es []pendingEdit, done func(error)) {
	if len(es) == 0 {
		done(nil)
		return
	}
	es[0].save(func(err error) {
		if err != nil {
			done(err)
			return
		}
		u.saveEdits(es[1:], done)
	})
}

// quit closes the window (and ends the app) once unsaved edits are dealt with: the close button's
// intercept, 文件→退出 and Ctrl-Q.
func (u *UI) quit() {
	u.leave(leaveQuit, u.Win.Close, nil)
}

var shortcutQuit = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}

// quitItem is 文件→退出 (Fyne's own would close the window without asking on some drivers).
func (u *UI) quitItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Quit"), u.quit)
	it.IsQuit = true
	it.Shortcut = shortcutQuit
	return it
}

// leavePolicyThen runs proceed (which shows another policy) once the page's unsaved edits are dealt
// with; on 取消 the list shows the current policy selected again.
func (u *UI) leavePolicyThen(proceed func()) {
	from := u.policyID
	u.leave(leavePolicy, func() {
		u.forgetEdits(from)
		proceed()
	}, u.reselectPolicy)
}

// reselectPolicy selects the current policy in the list again (after a 取消).
func (u *UI) reselectPolicy() {
	if u.list == nil {
		return
	}
	for i, p := range u.list.items {
		if p.ID == u.policyID {
			u.list.list.Select(i)
			return
		}
	}
	u.list.list.UnselectAll()
}

// awaitSave adapts a view's own save, which shows its errors itself and may finish off the UI goroutine
// (u.write), to a pendingEdit's save: done(nil) once saved() reports it saved, errSaveStopped once
// failed() does or an error was shown (or after a minute without either).
func (u *UI) awaitSave(save func(), saved, failed func() bool) func(func(error)) {
	return func(done func(error)) {
		const mark = "\x00saving"
		before := u.lastError
		u.lastError = mark
		save()
		var wait func(tries int)
		wait = func(tries int) {
			switch {
			case u.lastError != mark || failed():
				done(errSaveStopped)
			case saved():
				u.lastError = before
				done(nil)
			case tries == 0 || u.inline:
				u.lastError = before
				done(errSaveStopped)
			default:
				time.AfterFunc(100*time.Millisecond, func() { fyne.Do(func() { wait(tries - 1) }) })
			}
		}
		wait(600)
	}
}

// onSaved wraps a view's saved callback (called when its save succeeded) so that it also sets *flag.
func onSaved(cb *func(), flag *bool) {
	orig := *cb
	*cb = func() {
		*flag = true
		if orig != nil {
			orig()
		}
	}
}

// watchOverview registers the 概览 tab's editors: the consultation period and a needs collection typed
// but not added yet.
func (u *UI) watchOverview(c *consultEditor, n *needsEditor) {
	if c != nil {
		u.registerEdit(pendingEdit{key: "consult/" + itoa(c.policyID), policy: c.policyID,
			what:  func() string { return lang.L("Consultation period (Overview)") },
			dirty: c.dirty, save: func(done func(error)) {
				ok := false
				onSaved(&c.saved, &ok)
				u.awaitSave(c.onSave, func() bool { return ok }, func() bool { return false })(done)
			}})
	}
	if n != nil {
		u.registerEdit(pendingEdit{key: "needs/" + itoa(n.policyID), policy: n.policyID,
			what: func() string { return lang.L("Needs collection not added yet (Overview)") },
			dirty: func() bool {
				for _, e := range []*widget.Entry{n.date, n.channel, n.count, n.desc} {
					if strings.TrimSpace(e.Text) != "" {
						return true
					}
				}
				return false
			},
			save: func(done func(error)) {
				ok := false
				onSaved(&n.saved, &ok)
				u.awaitSave(n.onAdd, func() bool { return ok }, func() bool { return false })(done)
			}})
	}
}

// watchPolicyForm registers the open policy form (新建政策/编辑政策) while its dialog is up; saving taps its
// 保存 (an input error stays shown in the form).
func (u *UI) watchPolicyForm(f *policyForm, d *dialog.CustomDialog, save *widget.Button) {
	start := f.value()
	key := "policyform"
	closed := false
	u.registerEdit(pendingEdit{key: key,
		what: func() string {
			if strings.TrimSpace(f.title.Text) == "" {
				return lang.L("Policy details being edited")
			}
			return fmt.Sprintf(lang.L("%s (%s)"), lang.L("Policy details being edited"), f.title.Text)
		},
		dirty: func() bool { return f.value() != start },
		save: func(done func(error)) {
			f.errText.Hide()
			u.awaitSave(save.OnTapped, func() bool { return closed }, f.errText.Visible)(done) // refused: the form says why
		}})
	d.SetOnClosed(func() {
		closed = true
		var keep []pendingEdit
		for _, e := range u.pending.list {
			if e.key != key {
				keep = append(keep, e)
			}
		}
		u.pending.list = keep
	})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// showPolicy shows policy id after a change made it the one to show (a new policy saved, the sample
// loaded): another policy than the current one only once the page's unsaved edits are dealt with.
func (u *UI) showPolicy(id int64) {
	if id == u.policyID {
		u.Refresh()
		return
	}
	u.leavePolicyThen(func() {
		u.policyID = id
		u.Refresh()
	})
}
