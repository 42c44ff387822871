package app

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// RunLong runs work off the UI goroutine behind a modal progress dialog with a 取消 button; 取消 cancels
// work's context. progress may be called from any goroutine (total ≤ 0 means unknown). onDone runs on the
// UI goroutine with work's error (context.Canceled after 取消); it may be nil.
func (u *UI) RunLong(title string, work func(ctx context.Context, progress func(done, total int)) error, onDone func(err error)) {
	u.RunLongStatus(title, func(ctx context.Context, progress func(done, total int), _ func(string)) error {
		return work(ctx, progress)
	}, onDone)
}

// RunLongStatus is RunLong for work that also reports a line of status text (e.g. "12,000 rows read,
// 35,000 rows/s"): status may be called from any goroutine, as often as it likes; the dialog shows the
// latest text in place of 正在处理… (until 取消 is pressed).
func (u *UI) RunLongStatus(title string, work func(ctx context.Context, progress func(done, total int), status func(text string)) error, onDone func(err error)) {
	ctx, cancel := context.WithCancel(context.Background())
	finish := func(err error) {
		cancel()
		if onDone != nil {
			onDone(err)
		}
	}
	if u.inline {
		finish(work(ctx, func(int, int) {}, func(string) {}))
		return
	}

	bar := widget.NewProgressBar()
	spin := widget.NewProgressBarInfinite()
	bar.Hide()
	status := widget.NewLabel(lang.L("Working…"))
	cancelBtn := widget.NewButton(lang.L("Cancel"), nil)
	content := container.NewVBox(status, container.NewStack(bar, spin), container.NewCenter(cancelBtn))
	d := dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(380, 110), content), u.Win)
	cancelled := false // UI goroutine only
	cancelBtn.OnTapped = func() {
		cancelBtn.Disable()
		cancelled = true
		status.SetText(lang.L("Cancelling…"))
		cancel() // last: the worker may finish (and touch the dialog) as soon as it sees this
	}
	u.longCancel, u.longStatus, u.longSpin = cancelBtn, status, spin
	d.Show()

	// Progress calls can be very frequent; forward at most 4 a second to the UI: each redraws the window,
	// which software-rendered desktops (VDI, no GPU driver) pay for in import speed.
	var mu sync.Mutex
	var last time.Time
	progress := func(done, total int) {
		mu.Lock()
		now := time.Now()
		if now.Sub(last) < 250*time.Millisecond && done != total {
			mu.Unlock()
			return
		}
		last = now
		mu.Unlock()
		fyne.Do(func() {
			if total <= 0 {
				return
			}
			// Stop before Hide: Hide clears the running flag, so a later Stop does nothing and the
			// animation went on redrawing the window 60 times a second for as long as the app ran.
			spin.Stop()
			spin.Hide()
			bar.Show()
			bar.Max = float64(total)
			bar.SetValue(float64(done))
		})
	}
	// Status texts are coalesced: at most one update waits for the UI goroutine, showing the latest text.
	var text string
	pending := false
	setStatus := func(s string) {
		mu.Lock()
		text = s
		if pending {
			mu.Unlock()
			return
		}
		pending = true
		mu.Unlock()
		fyne.Do(func() {
			mu.Lock()
			s := text
			pending = false
			mu.Unlock()
			if !cancelled {
				status.SetText(s)
			}
		})
	}
	go func() {
		err := work(ctx, progress, setStatus)
		fyne.Do(func() {
			spin.Stop()
			d.Hide()
			finish(err)
		})
	}()
}
