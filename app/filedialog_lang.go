package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// translateFileDialog puts the sidebar of the Fyne file dialog shown last into the window's language:
// Fyne 2.7.1 writes its places (Home, Computer, Desktop, Documents, Downloads, Music, Pictures, Videos,
// App Files) as they are, untranslated, in a list of icon + label rows. Their texts are keys of
// fyne.<lang>.json; each row is translated whenever the list draws it.
func translateFileDialog(w fyne.Window) {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	for _, l := range placeLists(top) {
		update := l.UpdateItem
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			if lbl := placeLabel(item); lbl != nil {
				lbl.SetText(lang.L(lbl.Text))
			}
		}
		l.Refresh()
	}
}

// placeLists finds the lists under o whose rows are a place: an icon and a label (the file list's rows
// are items of their own). The file dialog is a pop-up holding containers, a split and scrollers.
func placeLists(o fyne.CanvasObject) []*widget.List {
	var out []*widget.List
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.List:
			if x.CreateItem != nil && x.UpdateItem != nil && placeLabel(x.CreateItem()) != nil {
				out = append(out, x)
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		case *container.Split:
			walk(x.Leading)
			walk(x.Trailing)
		case *widget.PopUp: // the dialog
			walk(x.Content)
		}
	}
	walk(o)
	return out
}

// placeLabel is the label of a place row (a box of an icon and a label), nil for anything else.
func placeLabel(item fyne.CanvasObject) *widget.Label {
	c, ok := item.(*fyne.Container)
	if !ok || len(c.Objects) != 2 {
		return nil
	}
	icon, ok := c.Objects[0].(*fyne.Container)
	if !ok || len(icon.Objects) != 1 {
		return nil
	}
	if _, ok := icon.Objects[0].(*widget.Icon); !ok {
		return nil
	}
	l, _ := c.Objects[1].(*widget.Label)
	return l
}
