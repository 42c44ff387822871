package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// addEscape makes Esc dismiss the dialog on top as its own 取消/关闭/否 button would (or its only button,
// as in a message): the dialog's callbacks run as usual, and a long task's 取消 cancels it.
func (u *UI) addEscape() {
	u.Win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			u.dismissTop()
		}
	})
}

// dismissTop taps the dismissing button of the top dialog; false when there is none to tap.
func (u *UI) dismissTop() bool {
	top := u.Win.Canvas().Overlays().Top()
	if top == nil || !top.Visible() {
		return false
	}
	dismiss := map[string]bool{lang.L("Cancel"): true, lang.L("Close"): true, lang.L("No"): true}
	var all, dismissing []*widget.Button
	eachVisible(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && !b.Disabled() {
			all = append(all, b)
			if dismiss[b.Text] {
				dismissing = append(dismissing, b)
			}
		}
	})
	var b *widget.Button
	switch {
	case len(dismissing) > 0:
		b = dismissing[len(dismissing)-1] // a dialog's own buttons come last
	case len(all) == 1:
		b = all[0]
	default:
		return false
	}
	b.Tapped(&fyne.PointEvent{})
	return true
}

// eachVisible calls fn on o and the visible objects inside it, through the containers dialogs are built of.
func eachVisible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			eachVisible(k, fn)
		}
	case *widget.PopUp:
		eachVisible(c.Content, fn)
	case *container.Scroll:
		eachVisible(c.Content, fn)
	case *container.Split:
		eachVisible(c.Leading, fn)
		eachVisible(c.Trailing, fn)
	case *widget.Form:
		for _, it := range c.Items {
			eachVisible(it.Widget, fn)
		}
	case *container.AppTabs:
		if t := c.Selected(); t != nil {
			eachVisible(t.Content, fn)
		}
	}
}
