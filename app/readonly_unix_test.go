//go:build unix

package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/unprivileged"
)

// A read-only workspace opens read-only: the title and a banner say so, everything reads, a change is
// refused in Chinese.
func TestReadOnlyWindow(t *testing.T) {
	parent, scratch := unprivileged.Rerun(t)
	if parent {
		return
	}
	ctx := context.Background()
	path := filepath.Join(scratch, "ws.gpw")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPolicy(ctx, data.Policy{Title: "只读政策", Dept: "d", Category: "其他"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o444)
	os.Chmod(scratch, 0o555)
	defer os.Chmod(scratch, 0o755)

	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	u, err := newUI(a, w, path, true)
	if err != nil {
		t.Fatalf("read-only workspace refused: %v", err)
	}
	defer u.Close()
	if !strings.Contains(w.Title(), "（只读）") || u.readOnlyBanner == nil || !strings.Contains(u.readOnlyBanner.Text, "只读") {
		t.Errorf("title %q, banner %v", w.Title(), u.readOnlyBanner)
	}
	if len(u.list.items) != 1 {
		t.Errorf("policy list has %d items", len(u.list.items))
	}
	_, err = u.store.AddPolicy(ctx, data.Policy{Title: "新", Dept: "d", Category: "其他"})
	u.ShowError(err)
	if !strings.Contains(u.lastError, "只读") || strings.Contains(u.lastError, "内部错误") {
		t.Errorf("a change shows %q", u.lastError)
	}
}
