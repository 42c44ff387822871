package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Two columns stand side by side where both fit, one under the other where they do not, and the
// minimum width never exceeds the widest column's (the window can shrink to a 1024 px screen).
func TestColumnsStackWhenNarrow(t *testing.T) {
	a, b := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
	a.SetMinSize(fyne.NewSize(450, 300))
	b.SetMinSize(fyne.NewSize(400, 200))
	c := newColumns(a, b)
	if w := c.MinSize().Width; w != 450 {
		t.Fatalf("minimum width %.0f, want the widest column's 450", w)
	}
	c.Resize(fyne.NewSize(1000, 300))
	if a.Position().Y != b.Position().Y || b.Position().X < 450 || a.Size().Width < 450 {
		t.Fatalf("wide: a at %v %v, b at %v", a.Position(), a.Size(), b.Position())
	}
	c.Resize(fyne.NewSize(658, 300))
	if b.Position().Y < 300 || b.Position().X != 0 || b.Size().Width != 658 || a.Size().Width != 658 {
		t.Fatalf("narrow: a %v %v, b at %v %v", a.Position(), a.Size(), b.Position(), b.Size())
	}
	if h := c.MinSize().Height; h < 500 {
		t.Fatalf("stacked minimum height %.0f, want both columns' (≥ 500)", h)
	}
}
