package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// newColumns places objects side by side, each its minimum and an equal share of the rest, when the width allows each its
// minimum; otherwise one under the other, each the full width. 概览's two columns (the loop and checklist,
// the consultation and needs editors) needed 900 px in Chinese fonts: on a 1024 px screen, beside the policy
// list, they were cut on the right. Its minimum width is the widest object's, so it never holds the window
// wider; its height is that of the arrangement last laid out (side by side before the first layout).
func newColumns(objects ...fyne.CanvasObject) *fyne.Container {
	return fyne.NewContainerWithLayout(&columnsLayout{}, objects...)
}

type columnsLayout struct {
	stacked bool // the arrangement of the last layout
}

// fits tells whether width gives every visible object its minimum side by side.
func (l *columnsLayout) fits(objects []fyne.CanvasObject, width float32) bool {
	var need float32
	n := 0
	for _, o := range objects {
		if o.Visible() {
			need += o.MinSize().Width
			n++
		}
	}
	return need+float32(n-1)*theme.Padding() <= width
}

func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		w = max(w, s.Width)
		if l.stacked {
			h += s.Height
		} else {
			h = max(h, s.Height)
		}
		n++
	}
	if l.stacked && n > 1 {
		h += float32(n-1) * theme.Padding()
	}
	return fyne.NewSize(w, h)
}

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.stacked = !l.fits(objects, size.Width)
	var vis []fyne.CanvasObject
	for _, o := range objects {
		if o.Visible() {
			vis = append(vis, o)
		}
	}
	if len(vis) == 0 {
		return
	}
	pad := theme.Padding()
	if l.stacked {
		var y float32
		for _, o := range vis {
			h := o.MinSize().Height
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, h))
			y += h + pad
		}
		return
	}
	// Each column gets its minimum and an equal share of what is left.
	var need float32
	for _, o := range vis {
		need += o.MinSize().Width
	}
	extra := (size.Width - need - float32(len(vis)-1)*pad) / float32(len(vis))
	var x float32
	for _, o := range vis {
		w := o.MinSize().Width + extra
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}
