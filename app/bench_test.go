package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/store"
)

// BenchmarkOpenDemo measures what the app does between launch and a usable window on the demo workspace:
// open the workspace, build the window, list the policies, show the sample policy's overview. (The real
// window's time to map under Xvfb is measured separately; see the report.)
func BenchmarkOpenDemo(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo.gpw")
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ids, err := demo.Run(context.Background(), s)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	for b.Loop() {
		w := test.NewWindow(widget.NewLabel(""))
		u, err := newUI(a, w, path, true)
		if err != nil {
			b.Fatal(err)
		}
		u.selectPolicy(ids[0])
		if len(u.list.items) == 0 || u.detail.tabs == nil {
			b.Fatal("window not filled")
		}
		u.Close()
		w.Close()
	}
}
