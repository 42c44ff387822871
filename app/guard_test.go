package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

func tapOverlay(t *testing.T, u *UI, text string) {
	t.Helper()
	b := overlayButton(u, text)
	if b == nil {
		t.Fatalf("no %q button on top", text)
	}
	test.Tap(b)
}

func overlayText(u *UI) string {
	var out []string
	for _, o := range overlayObjects(u) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// File → 自动备份 lists the backups; 恢复 replaces the workspace with one, keeping the current file first.
func TestBackupsFromTheFileMenu(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	addPolicy(t, u, data.Policy{Title: "备份前的政策"})
	if _, err := u.store.Backup(ctx, store.BackupPublish); err != nil {
		t.Fatal(err)
	}
	addPolicy(t, u, data.Policy{Title: "备份后的政策"})
	u.showBackups()
	if txt := overlayText(u); !strings.Contains(txt, "公开之前") || !strings.Contains(txt, "保留最近 5 个") {
		t.Fatalf("backups dialog shows %q", txt)
	}
	tapOverlay(t, u, "恢复")
	if !strings.Contains(overlayText(u), "当前工作区会先另存为一个备份") {
		t.Fatalf("no confirmation: %q", overlayText(u))
	}
	tapOverlay(t, u, "确定")
	if u.lastError != "" {
		t.Fatalf("restore: %s", u.lastError)
	}
	ps, err := u.store.ListPolicies(ctx, data.PolicyFilter{})
	if err != nil || len(ps) != 1 || ps[0].Title != "备份前的政策" || len(u.list.items) != 1 {
		t.Fatalf("after restore: %+v %v (list %d)", ps, err, len(u.list.items))
	}
	if !strings.Contains(overlayText(u), "恢复前的工作区已另存为") {
		t.Errorf("no report of the restore: %q", overlayText(u))
	}
	bs, _ := store.ListBackups(u.store.Path)
	if len(bs) != 2 || bs[0].Reason != store.BackupRestore {
		t.Errorf("backups after restore = %+v", bs)
	}
}

// Replacing a scheme that scored a published evaluation asks first; the history restores an earlier one.
func TestSchemeEditorAsksAndRestores(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	ids, err := demo.Run(ctx, u.store)
	if err != nil {
		t.Fatal(err)
	}
	id := ids[0]
	orig, _, _ := score.SchemeOf(ctx, u.store, id)
	tab := newSchemeTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	u.Win = w // dialogs of the tab show on its window
	tab.sc.Name = "修订后的方案"
	tab.changed()
	tab.save()
	if !strings.Contains(overlayText(u), "公开的评价报告") {
		t.Fatalf("save did not ask: %q", overlayText(u))
	}
	if sc, _, _ := score.SchemeOf(ctx, u.store, id); sc.Name != orig.Name {
		t.Fatal("stored before the answer")
	}
	tapOverlay(t, u, "确定")
	if sc, _, _ := score.SchemeOf(ctx, u.store, id); sc.Name != "修订后的方案" || u.lastError != "" {
		t.Fatalf("not stored: %q %s", sc.Name, u.lastError)
	}
	if !strings.Contains(tab.status.Text, "第 2 版") {
		t.Errorf("status = %q", tab.status.Text)
	}

	tab.showHistory()
	if txt := overlayText(u); !strings.Contains(txt, "第 1 版") || !strings.Contains(txt, "公开的评价报告") || !strings.Contains(txt, "当前方案") {
		t.Fatalf("history shows %q", txt)
	}
	tapOverlay(t, u, "恢复") // version 1 (the new one, version 2, is current); it scored nothing published: no question
	if u.lastError != "" {
		t.Fatal(u.lastError)
	}
	if sc, _, _ := score.SchemeOf(ctx, u.store, id); sc.Name != orig.Name || tab.sc.Name != orig.Name {
		t.Errorf("restored %q, editor %q, want %q", sc.Name, tab.sc.Name, orig.Name)
	}
	if h, _ := score.SchemeHistory(ctx, u.store, id); len(h) != 3 {
		t.Errorf("history has %d versions", len(h))
	}
}

// A damaged workspace's startup screen offers its backups; restoring one opens the window on it.
func TestStartupScreenRestoresDamagedWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 700))
	path := filepath.Join(t.TempDir(), "ws.gpw")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := demo.Run(ctx, s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	junk := bytes.Repeat([]byte{0xA5, 0, 0xFF, 0x13}, 65536/4)
	for p := 2; (p+1)*65536 < len(b); p += 3 {
		copy(b[p*65536:], junk)
	}
	os.WriteFile(path, b, 0o644)

	_, err = New(a, w, path)
	if err == nil {
		t.Fatal("opened a damaged workspace")
	}
	ShowStartupError(w, err)
	var restore *widget.Button
	var texts []string
	eachVisible(w.Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == "恢复" && restore == nil {
				restore = x
			}
		case *widget.Label:
			texts = append(texts, x.Text)
		}
	})
	if restore == nil || !strings.Contains(strings.Join(texts, "\n"), "已损坏") {
		t.Fatalf("startup screen: %q, restore button %v", texts, restore != nil)
	}
	test.Tap(restore)
	top := w.Canvas().Overlays().Top()
	var yes *widget.Button
	eachVisible(top, func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Button); ok && x.Text == "确定" {
			yes = x
		}
	})
	if yes == nil {
		t.Fatal("no confirmation")
	}
	inlineLoads = true
	defer func() { inlineLoads = false }()
	test.Tap(yes)
	if !strings.Contains(w.Title(), "ws.gpw") {
		t.Errorf("window not opened on the restored workspace: title %q", w.Title())
	}
	r, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatalf("restored workspace: %v", err)
	}
	r.Close()
}
