package app

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/gongping/gongping/data"
)

func pressEscape(u *UI) { u.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

// Esc answers the top dialog as its 否/取消/关闭 button would, callbacks included.
func TestEscapeDismissesTheTopDialog(t *testing.T) {
	u := newTestUI(t)
	pressEscape(u) // nothing open: nothing happens

	answered := make(chan bool, 1)
	dialog.ShowConfirm("删除", "删除该记录？", func(ok bool) { answered <- ok }, u.Win)
	pressEscape(u)
	select {
	case ok := <-answered:
		if ok {
			t.Error("Esc confirmed the dialog")
		}
	default:
		t.Fatal("Esc did not answer the confirmation")
	}
	if top := u.Win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("the confirmation is still open")
	}

	u.ShowError(data.InputErrorf("文件有误"))
	pressEscape(u)
	if top := u.Win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("the error dialog is still open")
	}
}

// Esc on a long task's progress dialog is its 取消.
func TestEscapeCancelsLongWork(t *testing.T) {
	u := newTestUI(t)
	u.inline = false
	started, done := make(chan struct{}), make(chan error, 1)
	u.RunLong("测试", func(ctx context.Context, progress func(done, total int)) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { done <- err })
	<-started
	pressEscape(u)
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("work ended with %v, want it cancelled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Esc did not cancel the work")
	}
}
