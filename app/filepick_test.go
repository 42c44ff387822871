package app

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/assets"
)

// fakeSystem stands in for the operating system's file dialogs (the Windows ones cannot run here): it
// answers each question with the path or error it was given and records the question.
type fakeSystem struct {
	path  string
	err   error
	asked []string
}

func (f *fakeSystem) open(title string, exts []string, dir string) (string, error) {
	f.asked = append(f.asked, "open "+dir)
	return f.path, f.err
}
func (f *fakeSystem) save(title, name string, exts []string, dir string) (string, error) {
	f.asked = append(f.asked, "save "+name+" "+dir)
	return f.path, f.err
}
func (f *fakeSystem) folder(title, dir string) (string, error) {
	f.asked = append(f.asked, "folder "+dir)
	return f.path, f.err
}

// waitFor polls until cond holds on the UI goroutine's results (the system dialog answers off it).
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 200 && !cond(); i++ {
		time.Sleep(5 * time.Millisecond)
	}
	if !cond() {
		t.Fatal("timed out")
	}
}

func TestSystemFileDialogs(t *testing.T) {
	skipUnderRace(t) // the system dialog answers off the UI goroutine
	u := newTestUI(t)
	f := &fakeSystem{path: filepath.Join(t.TempDir(), "问卷.xlsx")}
	systemDialogs = f
	t.Cleanup(func() { systemDialogs = nil })

	var got string
	u.pickFile([]string{".xlsx"}, "D:\\评价", func(p string) { got = p })
	waitFor(t, func() bool { return got != "" })
	if got != f.path || f.asked[0] != "open D:\\评价" {
		t.Fatalf("open: got %q, asked %v", got, f.asked)
	}
	// The window was covered while the system dialog was open, and is uncovered after.
	waitFor(t, func() bool { return len(u.Win.Canvas().Overlays().List()) == 0 })

	// A name typed without an extension gets the offered file's.
	f.path = filepath.Join(t.TempDir(), "副本")
	got = ""
	u.askSavePath("保存副本", "工作区-副本.gpw", "", func(p string) { got = p })
	waitFor(t, func() bool { return got != "" })
	if got != f.path+".gpw" {
		t.Fatalf("save: got %q", got)
	}

	// Cancelling says nothing: no error dialog, no callback.
	f.err, got = errPickCancelled, ""
	u.pickFolder("", func(p string) { got = p })
	waitFor(t, func() bool { return len(f.asked) == 3 && len(u.Win.Canvas().Overlays().List()) == 0 })
	if got != "" {
		t.Fatalf("cancel called back with %q", got)
	}
	// A failing dialog is shown as an error.
	f.err = errors.New("对话框出错")
	u.pickFolder("", func(string) { t.Fatal("called back on error") })
	waitFor(t, func() bool { return len(f.asked) == 4 && len(u.Win.Canvas().Overlays().List()) == 1 })
}

// Without system dialogs (Linux), the save path is typed into an entry prefilled in the given folder.
func TestFyneSavePath(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	var got string
	u.askSavePath("新建工作区", "workspace.gpw", dir, func(p string) { got = p })
	var e *widget.Entry
	var save *widget.Button
	for _, o := range overlayObjects(u) {
		switch x := o.(type) {
		case *widget.Entry:
			e = x
		case *widget.Button:
			if x.Text == "保存" {
				save = x
			}
		}
	}
	if e == nil || save == nil || e.Text != filepath.Join(dir, "workspace.gpw") {
		t.Fatalf("entry %v, button %v", e, save)
	}
	e.SetText(filepath.Join(dir, "第二轮"))
	test.Tap(save)
	if got != filepath.Join(dir, "第二轮.gpw") {
		t.Fatalf("got %q", got)
	}
}

func TestNoCJKNoticeShows(t *testing.T) {
	u := newTestUI(t)
	showNoCJK(u.Win)
	if u.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("no notice")
	}
	if len(assets.NoCJKPNG) < 1000 {
		t.Fatal("notice picture missing")
	}
	if !HasCJKFont() && testing.Verbose() {
		t.Log("this machine has no CJK font")
	}
}
