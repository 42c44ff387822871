package app

import (
	"context"

	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/store"
)

// writeFrom is u.write for a write a button started: the buttons (nil ones skipped) are disabled while
// work runs off the UI goroutine, so that it is not started twice, and those it disabled are enabled again
// before done runs on the UI goroutine with work's error (done nil: the error is shown). A view whose write
// can also be started otherwise (Enter in an entry, the unsaved-edits question's 保存) checks first that
// its button is not disabled.
func (u *UI) writeFrom(buttons []*widget.Button, work func(ctx context.Context, s *store.Store) error, done func(err error)) {
	var disabled []*widget.Button
	for _, b := range buttons {
		if b != nil && !b.Disabled() {
			b.Disable()
			disabled = append(disabled, b)
		}
	}
	gate := writeGate
	u.write(func(ctx context.Context, s *store.Store) error {
		if gate != nil {
			gate()
		}
		return work(ctx, s)
	}, func(err error) {
		for _, b := range disabled {
			b.Enable()
		}
		if done != nil {
			done(err)
		} else {
			u.ShowError(err)
		}
		if writeEnded != nil {
			writeEnded()
		}
	})
}

// Tests: writeGate, when set, runs before the work of each write started by writeFrom, off the UI
// goroutine (to hold the write there); writeEnded, when set, runs once its done has.
var writeGate, writeEnded func()
