package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The window fits a 1024-pixel-wide screen (and 1366×768 at 125 %): toolbars wrap onto a second row
// instead of widening the window, and the policy pages sit in a horizontal scroller so that no tab can
// push the policy list aside (the split keeps its place whichever tab is open).

// newFlow is a toolbar whose buttons wrap onto further rows when the width runs out. Its minimum width
// is its widest button, so it never holds the window wide.
func newFlow(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flowLayout{}, objects...)
}

// flowLayout places objects left to right at their minimum size, starting a new row when the next one
// does not fit. MinSize cannot know the width it will get, so it answers for the width last laid out
// (one row before the first layout); Fyne lays the parent out again when that answer changes.
type flowLayout struct {
	width float32 // the width of the last layout, 0 before the first
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	_, h := l.rows(objects, l.width, nil)
	return fyne.NewSize(w, h)
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.rows(objects, size.Width, func(o fyne.CanvasObject, pos fyne.Position, s fyne.Size) {
		o.Move(pos)
		o.Resize(s)
	})
}

// rows lays objects out in rows no wider than width (no limit when width is 0), calling place for each,
// and returns the number of rows and their height. Each object takes the height of its row.
func (l *flowLayout) rows(objects []fyne.CanvasObject, width float32, place func(fyne.CanvasObject, fyne.Position, fyne.Size)) (int, float32) {
	pad := theme.Padding()
	type item struct {
		o fyne.CanvasObject
		s fyne.Size
	}
	var row []item
	var x, y, rowH float32
	n := 0
	flush := func() {
		if len(row) == 0 {
			return
		}
		if n > 0 {
			y += pad
		}
		if place != nil {
			var cx float32
			for _, it := range row {
				place(it.o, fyne.NewPos(cx, y), fyne.NewSize(it.s.Width, rowH))
				cx += it.s.Width + pad
			}
		}
		y += rowH
		n++
		row, x, rowH = row[:0], 0, 0
	}
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if len(row) > 0 && width > 0 && x+pad+s.Width > width {
			flush()
		}
		if len(row) > 0 {
			x += pad
		}
		x += s.Width
		rowH = max(rowH, s.Height)
		row = append(row, item{o, s})
	}
	flush()
	return n, y
}

// fitPage puts a policy page (one tab) in a scroller: a page wider than the room left beside the policy
// list scrolls sideways instead of pushing the split (which kept jumping between tabs) or holding the
// window wider than the screen, and a page taller than a 1366×768 screen at 125 % scrolls down. Each tab
// has its own (the tabs take the largest page's minimum), so only a page that does not fit scrolls; the
// scroller gives a page all its room when it fits, so the pages' own scrollers work as before.
func fitPage(page fyne.CanvasObject) fyne.CanvasObject {
	return container.NewScroll(page)
}
