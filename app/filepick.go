package app

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// The file dialogs. Where the system has its own (Windows: the Explorer dialog, with 快速访问, the user's
// own folder names and network drives) GongPing uses it; elsewhere Fyne's. Every dialog hands back a
// path; a cancelled one does nothing.

// systemDialogs is the system's file dialogs (set on Windows by filepick_windows.go). Each call blocks
// until the user answers and returns errPickCancelled when they cancel.
var systemDialogs interface {
	open(title string, exts []string, dir string) (string, error)
	save(title, name string, exts []string, dir string) (string, error)
	folder(title, dir string) (string, error)
}

var errPickCancelled = errors.New("cancelled")

// withSystemDialog runs ask (a system dialog) off the UI goroutine, with the window covered meanwhile so
// it cannot be used behind the dialog, and hands a chosen path to onPath on the UI goroutine.
func (u *UI) withSystemDialog(ask func() (string, error), onPath func(path string)) {
	cover := dialog.NewCustomWithoutButtons(lang.L("Choose a file"),
		widget.NewLabel(lang.L("Choose in the system's file window that has opened.")), u.Win)
	cover.Show()
	go func() {
		runtime.LockOSThread() // the dialog's message loop stays on the thread that opened it
		defer runtime.UnlockOSThread()
		path, err := ask()
		fyne.Do(func() {
			cover.Hide()
			switch {
			case errors.Is(err, errPickCancelled):
			case err != nil:
				u.ShowError(err)
			case path != "":
				onPath(path)
			}
		})
	}()
}

// pickFile asks for a file to import with one of exts, starting in dir when it is set, and hands its
// path to onPath; a cancelled dialog does nothing, a failed one shows the error.
func (u *UI) pickFile(exts []string, dir string, onPath func(path string)) {
	if systemDialogs != nil {
		u.withSystemDialog(func() (string, error) { return systemDialogs.open(lang.L("Open"), exts, dir) }, onPath)
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		path, err := uriPath(r.URI())
		if err != nil {
			u.ShowError(err)
			return
		}
		onPath(path)
	}, u.Win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	setDialogLocation(d, dir)
	d.SetTitleText(lang.L("Open a file")) // Fyne's own reads 打开 文件
	d.Resize(u.dialogSize())
	d.Show()
	translateFileDialog(u.Win)
}

// pickFolder asks for a folder, starting in dir (or the nearest folder above it that exists).
func (u *UI) pickFolder(dir string, onPath func(path string)) {
	if systemDialogs != nil {
		u.withSystemDialog(func() (string, error) { return systemDialogs.folder(lang.L("Choose folder…"), dir) }, onPath)
		return
	}
	fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		onPath(l.Path())
	}, u.Win)
	setDialogLocation(fd, dir)
	fd.SetTitleText(lang.L("Choose a folder"))
	fd.Resize(u.dialogSize())
	fd.Show()
	translateFileDialog(u.Win)
}

// setDialogLocation starts a Fyne dialog in dir, or in the nearest folder above it that exists.
func setDialogLocation(d interface{ SetLocation(fyne.ListableURI) }, dir string) {
	for dir != "" && dir != "." && dir != filepath.Dir(dir) {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
			return
		}
		dir = filepath.Dir(dir)
	}
}

// askSavePath asks where to write a new file named name (its extension is the one kept when the user
// types none), starting in dir. The system's save dialog asks before replacing a file. Elsewhere it is a
// path entry with a folder browser: Fyne's save dialog is not used because it truncates the chosen file
// before we see the path, which would destroy the open workspace if the user picked it.
func (u *UI) askSavePath(title, name, dir string, then func(path string)) {
	ext := filepath.Ext(name)
	withExt := func(p string) string {
		if filepath.Ext(p) == "" {
			return p + ext
		}
		return p
	}
	if systemDialogs != nil {
		u.withSystemDialog(func() (string, error) {
			return systemDialogs.save(title, name, []string{ext}, dir)
		}, func(p string) { then(withExt(p)) })
		return
	}
	entry := widget.NewEntry()
	entry.SetText(filepath.Join(dir, name))
	browse := widget.NewButton(lang.L("Choose folder…"), func() {
		u.pickFolder(filepath.Dir(entry.Text), func(folder string) {
			entry.SetText(filepath.Join(folder, filepath.Base(entry.Text)))
		})
	})
	content := container.NewBorder(nil, nil, nil, browse, entry)
	d := dialog.NewCustomConfirm(title, lang.L("Save"), lang.L("Cancel"), container.NewGridWrap(fyne.NewSize(560, entry.MinSize().Height), content), func(ok bool) {
		if ok && strings.TrimSpace(entry.Text) != "" {
			then(withExt(strings.TrimSpace(entry.Text)))
		}
	}, u.Win)
	d.Show()
}

func (u *UI) dialogSize() fyne.Size {
	s := u.Win.Canvas().Size()
	return fyne.NewSize(max(600, s.Width*0.8), max(420, s.Height*0.8))
}

// workspaceDir is the folder of the open workspace, where new files are offered first.
func (u *UI) workspaceDir() string {
	if u.store == nil {
		return ""
	}
	return filepath.Dir(u.store.Path)
}
