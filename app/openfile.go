package app

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/gongping/gongping/data"
)

// Opening a written file in the system's browser or file manager (在浏览器中打开, 打开文件夹). Fyne's
// OpenURL only starts the system's opener, so it reports nothing when there is no browser to open a page
// with (Linux: xdg-open then fails a moment later): the window said nothing and nothing opened.

// opener failures, told apart for the user.
var (
	errNoOpener  = errors.New("no opener")     // Linux: no xdg-open
	errNoBrowser = errors.New("no program")    // the opener found no program for the file
	errOpenFail  = errors.New("opener failed") // anything else
	openerWait   = 3 * time.Second             // an opener still running after this started the program
)

// openWithSystem opens path (a report page, a folder) the way a double-click would, off the UI
// goroutine; when that fails it says why and what to do instead.
func (u *UI) openWithSystem(path string) {
	done := func(err error) {
		if err != nil {
			u.ShowError(openRefusal(path, err))
		}
	}
	if u.inline {
		done(systemOpen(path))
		return
	}
	go func() {
		err := systemOpen(path)
		fyne.Do(func() { done(err) })
	}()
}

// openRefusal is the refusal the user reads when path could not be opened.
func openRefusal(path string, err error) error {
	var msg string
	switch {
	case errors.Is(err, os.ErrNotExist):
		msg = fmt.Sprintf(lang.L("The file %s is not there (moved, renamed or deleted?). Choose it again."), path)
	case errors.Is(err, errNoOpener):
		msg = fmt.Sprintf(lang.L("Cannot open %s: this computer has no xdg-open, the desktop's tool for opening files. Open it from the file manager with a double-click."), path)
	case errors.Is(err, errNoBrowser):
		msg = fmt.Sprintf(lang.L("Cannot open %s: the system has no default program (browser) for it. Choose a default browser in the system settings, or drag the file into a browser window."), path)
	default:
		msg = fmt.Sprintf(lang.L("Cannot open %s: the system could not start a program for it. Open it from the file manager with a double-click."), path)
	}
	return &data.InputError{Msg: msg, Err: err}
}

// systemOpen asks the system to open path and waits briefly for the opener's verdict.
func systemOpen(path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		return xdgOpen(path)
	}
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		return errors.Join(errOpenFail, err)
	}
	return nil
}

// xdgOpen runs xdg-open on path: its exit status 3 (no tool found) and 4 (the action failed) mean there
// was no program to open the file with; still running after openerWait, it started one (some desktops
// keep xdg-open waiting until the browser closes).
func xdgOpen(path string) error {
	bin, err := exec.LookPath("xdg-open")
	if err != nil {
		return errNoOpener
	}
	cmd := exec.Command(bin, path)
	if err := cmd.Start(); err != nil {
		return errors.Join(errOpenFail, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		var ee *exec.ExitError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &ee) && (ee.ExitCode() == 3 || ee.ExitCode() == 4):
			return errors.Join(errNoBrowser, err)
		case errors.As(err, &ee) && ee.ExitCode() == 2:
			return errors.Join(os.ErrNotExist, err)
		}
		return errors.Join(errOpenFail, err)
	case <-time.After(openerWait):
		return nil
	}
}
