package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

// Shared parts of the closed-loop screens (opinions, revisions): the decision editor and the character
// diff view. (The publications are on the 发布 tab, publications.go; the loop stages on the overview's
// timeline are data/stage's.)

// decisionNames are the decision values in the order the editor offers them.
var decisionNames = loop.Decisions

func todayDate() string { return time.Now().Format(data.DateLayout) }

// decisionEditor edits the decision of clusters and opinions, one or many (bulk), with reason templates.
type decisionEditor struct {
	u         *UI
	policyID  int64
	clusters  []int64
	opinions  []int64
	published bool // a target's decision is published: a change is an amendment

	decision *widget.RadioGroup
	template *widget.Select
	reason   *widget.Entry
	date     *widget.Entry
	amend    *widget.Check
	keep     *widget.Check
	note     *widget.Label
	dlg      dialog.Dialog
	onSaved  func()

	save, clear *widget.Button // disabled while the decision is being stored
}

// showDecisionEditor opens the editor for the targets; current is the decision they share (nil: none).
func showDecisionEditor(u *UI, policyID int64, clusters, opinions []int64, current, reason *string, published, concentrated bool, templates []loop.ReasonTemplate, onSaved func()) *decisionEditor {
	e := &decisionEditor{u: u, policyID: policyID, clusters: clusters, opinions: opinions, published: published, onSaved: onSaved}
	e.decision = widget.NewRadioGroup(decisionNames, nil)
	e.decision.Horizontal = true
	if current != nil {
		e.decision.SetSelected(*current)
	}
	e.reason = widget.NewMultiLineEntry()
	e.reason.SetPlaceHolder(lang.L("Reason (required for a concentrated cluster that is not fully adopted)"))
	e.reason.Wrapping = fyne.TextWrapWord
	e.reason.SetMinRowsVisible(4)
	if reason != nil {
		e.reason.SetText(*reason)
	}
	texts := make([]string, len(templates))
	for i, t := range templates {
		texts[i] = t.Text
	}
	e.template = widget.NewSelect(texts, func(s string) {
		if s != "" {
			e.reason.SetText(s)
		}
	})
	e.template.PlaceHolder = lang.L("Reason templates…")
	e.keep = widget.NewCheck(lang.L("Save this reason as a template"), nil)
	e.date = dateEntry(todayDate())
	e.amend = widget.NewCheck(lang.L("This corrects a published decision: record it as a new dated version"), nil)
	if !published {
		e.amend.Hide()
	}
	e.note = widget.NewLabel("")
	e.note.Wrapping = fyne.TextWrapWord
	n := len(clusters) + len(opinions)
	target := fmt.Sprintf(lang.L("%d clusters, %d opinions"), len(clusters), len(opinions))
	switch {
	case published:
		e.note.SetText(lang.L("The decision was published. It cannot be changed in place; a correction is a new dated version and the history keeps both."))
		e.note.Importance = widget.WarningImportance
	case concentrated:
		e.note.SetText(lang.L("A concentrated cluster (较为集中的意见) that is not fully adopted needs a reason; it will be published."))
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Applies to"), widget.NewLabel(target)),
		widget.NewFormItem(lang.L("Decision"), e.decision),
		widget.NewFormItem(lang.L("Template"), e.template),
		widget.NewFormItem(lang.L("Reason"), e.reason),
		widget.NewFormItem("", e.keep),
		widget.NewFormItem(lang.L("Date"), e.date),
	)
	clear := widget.NewButton(lang.L("Remove the decision"), e.onClear)
	if published || n == 0 {
		clear.Disable()
	}
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.ConfirmIcon(), e.onSave)
	save.Importance = widget.HighImportance
	e.save, e.clear = save, clear
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { e.dlg.Hide() })
	content := container.NewVBox(form, e.amend, e.note, container.NewHBox(clear, layout.NewSpacer(), cancel, save))
	// Without the dialog's own buttons, so that a refusal leaves the editor open with what was typed.
	e.dlg = dialog.NewCustomWithoutButtons(lang.L("Decision on opinions"), container.NewGridWrap(fyne.NewSize(640, 440), content), u.Win)
	e.dlg.Show()
	return e
}

// onSave records the decision off the UI goroutine (a bulk decision writes every opinion of its clusters);
// a refusal (no reason, published, …) is shown as it is and the editor stays open.
func (e *decisionEditor) onSave() {
	in := loop.DecideInput{Clusters: e.clusters, Opinions: e.opinions, Decision: e.decision.Selected, Reason: e.reason.Text,
		Date: e.date.Text, Amend: e.amend.Checked}
	if in.Decision == "" {
		e.u.ShowError(data.InputErrorf("%s", lang.L("Choose a decision: 采纳, 部分采纳, 未采纳 or 不予处理.")))
		return
	}
	policy, template := e.policyID, ""
	if e.keep.Checked && strings.TrimSpace(e.reason.Text) != "" {
		template = e.reason.Text
	}
	var templateErr error
	e.writing(func(ctx context.Context, s *store.Store) error {
		if err := loop.Decide(ctx, s, policy, in); err != nil {
			return err
		}
		if template != "" {
			_, templateErr = loop.AddReasonTemplate(ctx, s, template)
		}
		return nil
	}, func() {
		if templateErr != nil {
			e.u.ShowError(templateErr)
		}
	})
}

func (e *decisionEditor) onClear() {
	policy, clusters, opinions := e.policyID, e.clusters, e.opinions
	e.writing(func(ctx context.Context, s *store.Store) error {
		return loop.ClearDecision(ctx, s, policy, clusters, opinions)
	}, nil)
}

// writing runs work off the UI goroutine with the editor's buttons disabled; a refusal is shown and the
// editor stays open, else it closes, then saved (may be nil) and onSaved run.
func (e *decisionEditor) writing(work func(ctx context.Context, s *store.Store) error, saved func()) {
	save, clear := e.save.Disabled(), e.clear.Disabled()
	e.save.Disable()
	e.clear.Disable()
	e.u.write(work, func(err error) {
		if !save {
			e.save.Enable()
		}
		if !clear {
			e.clear.Enable()
		}
		if err != nil {
			e.u.ShowError(err)
			return
		}
		e.dlg.Hide()
		if saved != nil {
			saved()
		}
		if e.onSaved != nil {
			e.onSaved()
		}
	})
}

// diffView shows a character diff: deletions struck through in the error colour, insertions underlined in
// the success colour, wrapped to its width. Fyne's RichText has no strikethrough, so it draws its own.
type diffView struct {
	widget.BaseWidget
	ops []loop.DiffOp
	// OnHeightChanged is called (on the UI goroutine) when wrapping changed the height it needs.
	OnHeightChanged func()
}

func newDiffView(ops []loop.DiffOp) *diffView {
	d := &diffView{ops: ops}
	d.ExtendBaseWidget(d)
	return d
}

// SetOps shows another diff.
func (d *diffView) SetOps(ops []loop.DiffOp) {
	d.ops = ops
	d.Refresh()
}

func (d *diffView) CreateRenderer() fyne.WidgetRenderer {
	return &diffRenderer{d: d}
}

type diffRenderer struct {
	d      *diffView
	objs   []fyne.CanvasObject
	width  float32
	height float32
}

// piece is a run of one op on one line.
type piece struct {
	op   string
	text string
	x, y float32
	w    float32
}

// lines wraps the ops to width and returns the pieces and the height they need.
func (r *diffRenderer) lines(width float32) ([]piece, float32) {
	size := theme.TextSize()
	lineH := fyne.MeasureText("国", size, fyne.TextStyle{}).Height
	var out []piece
	var x, y float32
	cur := piece{}
	flush := func() {
		if cur.text != "" {
			out = append(out, cur)
		}
		cur = piece{x: x, y: y}
	}
	widths := map[rune]float32{}
	for _, op := range r.d.ops {
		flush()
		cur.op = op.Op
		for _, ch := range op.Text {
			if ch == '\n' {
				flush()
				x, y = 0, y+lineH
				cur = piece{op: op.Op, x: x, y: y}
				continue
			}
			w, ok := widths[ch]
			if !ok {
				w = fyne.MeasureText(string(ch), size, fyne.TextStyle{Bold: op.Op == "+"}).Width
				widths[ch] = w
			}
			if width > 0 && x+w > width && x > 0 {
				flush()
				x, y = 0, y+lineH
				cur = piece{op: op.Op, x: x, y: y}
			}
			cur.text += string(ch)
			cur.w += w
			x += w
		}
	}
	flush()
	return out, y + lineH
}

func (r *diffRenderer) build(width float32) {
	pieces, h := r.lines(width)
	size := theme.TextSize()
	lineH := fyne.MeasureText("国", size, fyne.TextStyle{}).Height
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := fyne.CurrentApp().Settings().Theme()
	fg, del, ins := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameError, v), th.Color(theme.ColorNameSuccess, v)
	objs := make([]fyne.CanvasObject, 0, len(pieces)*2)
	for _, p := range pieces {
		var c color.Color = fg
		switch p.op {
		case "-":
			c = del
		case "+":
			c = ins
		}
		t := canvas.NewText(p.text, c)
		t.TextSize = size
		t.TextStyle.Bold = p.op == "+"
		t.Move(fyne.NewPos(p.x, p.y))
		t.Resize(fyne.NewSize(p.w, lineH))
		objs = append(objs, t)
		if p.op == "-" || p.op == "+" {
			ly := p.y + lineH/2
			if p.op == "+" {
				ly = p.y + lineH - 2
			}
			l := canvas.NewLine(c)
			l.StrokeWidth = 1.5
			l.Position1, l.Position2 = fyne.NewPos(p.x, ly), fyne.NewPos(p.x+p.w, ly)
			objs = append(objs, l)
		}
	}
	r.objs = objs
	changed := r.height != h
	r.width, r.height = width, h
	if changed && r.d.OnHeightChanged != nil {
		fyne.Do(r.d.OnHeightChanged)
	}
}

func (r *diffRenderer) Layout(size fyne.Size) {
	if size.Width != r.width || r.objs == nil {
		r.build(size.Width)
	}
}

func (r *diffRenderer) MinSize() fyne.Size {
	w := r.width
	if w <= 0 {
		w = 560
	}
	if r.objs == nil {
		_, h := r.lines(w)
		return fyne.NewSize(80, h)
	}
	return fyne.NewSize(80, r.height)
}

func (r *diffRenderer) Refresh() {
	w := r.d.Size().Width
	if w <= 0 {
		w = r.width
	}
	r.build(w)
	canvas.Refresh(r.d)
}

func (r *diffRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *diffRenderer) Destroy()                     {}

// idsOf reads "3, 5 8" into ids; the error names the bad part.
func idsOf(s string) ([]int64, error) {
	var out []int64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' || r == ';' || r == '；' }) {
		var id int64
		if _, err := fmt.Sscan(f, &id); err != nil || id <= 0 || fmt.Sprint(id) != f {
			return nil, data.InputErrorf(lang.L("%q is not a number; separate numbers with commas"), f)
		}
		out = append(out, id)
	}
	return out, nil
}
