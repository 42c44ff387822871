package app

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"sort"
	"strconv"
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
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 40, Title: "Scheme", Build: buildScheme})
}

// schemeTab edits a policy's evaluation scheme (评价方案). It works on a copy; 保存 validates and stores it
// with score.SetScheme, the same call as `gongping scheme set`.
type schemeTab struct {
	u        *UI
	policyID int64
	sc       *score.Scheme
	set      bool            // the policy has a stored scheme
	qs       []data.Question // the latest round's questions, for the pickers
	dirty    bool

	status  *widget.Label
	issues  *widget.Button // beside the status: how many indicators have no question, how many questions count twice; goes to the first
	body    *fyne.Container
	scroll  *container.Scroll // the editing area: all the tab's height below one row of buttons
	files   fyne.CanvasObject // 导入 导出 默认方案 方案历史, atop the editing area
	loading fyne.CanvasObject // 正在载入 and a spinner, in the status's place while the editor is laid out
	spin    *widget.ProgressBarInfinite
	content fyne.CanvasObject
	builds  int // the latest layout; the parts of a progressive one that is no longer it stop
	// later runs the next part of a progressive layout after a frame is drawn (nil: in 20 ms, on the UI
	// goroutine; tests step it themselves)
	later func(func())

	// normalised weight labels by group ("dimensions", "sources", "ind:<key>"), refreshed as weights change
	norms map[string][]*widget.Label
	// each indicator's question button and the warning under it (score.SchemeIssues.Notes)
	qbtns map[score.IndicatorAt]*widget.Button
	notes map[score.IndicatorAt]*widget.Label
}

type schemeData struct {
	sc  *score.Scheme
	set bool
	qs  []data.Question
}

func buildScheme(u *UI, policyID int64) fyne.CanvasObject {
	return newSchemeTab(u, policyID).content
}

func newSchemeTab(u *UI, policyID int64) *schemeTab {
	t := &schemeTab{u: u, policyID: policyID, body: container.NewVBox(), status: widget.NewLabel("")}
	t.status.Wrapping = fyne.TextWrapWord
	t.issues = widget.NewButtonWithIcon("", theme.WarningIcon(), t.showFirstIssue)
	t.issues.Importance = widget.WarningImportance
	t.issues.Hide()
	save := widget.NewButtonWithIcon(lang.L("Save scheme"), theme.DocumentSaveIcon(), t.save)
	save.Importance = widget.HighImportance
	suggest := widget.NewButtonWithIcon(lang.L("Match questions by text"), theme.SearchIcon(), t.suggest)
	imp := widget.NewButtonWithIcon(lang.L("Import…"), theme.FolderOpenIcon(), t.importFile)
	exp := widget.NewButtonWithIcon(lang.L("Export…"), theme.DownloadIcon(), t.exportFile)
	reset := widget.NewButtonWithIcon(lang.L("Default scheme"), theme.ContentUndoIcon(), func() {
		dialog.ShowConfirm(lang.L("Default scheme"), lang.L("Replace the scheme being edited with the default one?"), func(ok bool) {
			if ok {
				t.sc = score.DefaultScheme("")
				t.dirty = true
				t.rebuild()
			}
		}, t.u.Win)
	})
	history := widget.NewButtonWithIcon(lang.L("History…"), theme.HistoryIcon(), t.showHistory)
	values := widget.NewButtonWithIcon(lang.L("Answer values…"), theme.InfoIcon(), t.showMappings)
	// One row stays put (保存, the status); the file actions scroll with the scheme, so the editing area
	// has the tab's whole height but that row.
	t.spin = widget.NewProgressBarInfinite()
	t.loading = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Loading the scheme…")), nil,
		container.NewVBox(layout.NewSpacer(), t.spin, layout.NewSpacer()))
	bar := container.NewBorder(nil, nil, container.NewHBox(save, suggest, values), container.NewVBox(t.issues), container.NewStack(t.status, t.loading))
	t.files = container.NewHBox(imp, exp, reset, history)
	t.setLoading(true)
	t.scroll = container.NewVScroll(container.NewPadded(t.body))
	t.content = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, t.scroll)
	u.registerEdit(pendingEdit{key: "scheme/" + itoa(policyID), policy: policyID,
		what: func() string { return lang.L("Scheme") }, dirty: func() bool { return t.dirty }, save: t.saveThen, content: t.content})
	t.reload()
	return t
}

func (t *schemeTab) reload() {
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) (schemeData, error) {
		var d schemeData
		var err error
		d.sc, d.set, d.qs, err = score.SchemeToEdit(ctx, s, id)
		return d, err
	}, func(d schemeData) {
		t.sc, t.set, t.qs, t.dirty = d.sc, d.set, d.qs, false
		t.build(true)
	})
}

func (t *schemeTab) setStatus() {
	switch {
	case !t.set:
		t.status.SetText(lang.L("No scheme saved yet: this is the default scheme with questions matched by their text. Check it and press Save."))
		t.status.Importance = widget.WarningImportance
	case t.dirty:
		t.status.SetText(lang.L("Changed, not saved yet."))
		t.status.Importance = widget.WarningImportance
	default:
		t.status.SetText(lang.L("Saved."))
		t.status.Importance = widget.SuccessImportance
	}
	t.status.Refresh()
}

func (t *schemeTab) changed() {
	t.dirty = true
	t.setStatus()
	t.refreshIssues()
}

// refreshIssues shows the scheme's issues (score.SchemeIssues): a warning under each indicator whose
// questions another indicator counts too or that has none (its question button turns to a warning), and
// their count beside the status.
func (t *schemeTab) refreshIssues() {
	if t.sc == nil {
		return
	}
	is := t.sc.Issues(t.qs)
	for at, l := range t.notes {
		text := strings.Join(is.Notes(t.sc, at), "\n")
		if text == "" {
			l.Hide()
			continue
		}
		if l.Text != text {
			l.SetText(text)
		}
		l.Show()
	}
	for at, b := range t.qbtns {
		imp := widget.MediumImportance
		if d := t.sc.Dimensions.Get(at.Dimension); at.Index < len(d.Indicators) && len(d.Indicators[at.Index].Questions) == 0 {
			imp = widget.WarningImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	var parts []string
	if n := len(is.Empty); n > 0 {
		parts = append(parts, fmt.Sprintf(lang.L("%d indicators without questions"), n))
	}
	if n := len(is.Shared); n > 0 {
		parts = append(parts, fmt.Sprintf(lang.L("%d questions counted twice"), n))
	}
	if len(parts) == 0 {
		t.issues.Hide()
		return
	}
	t.issues.SetText(strings.Join(parts, lang.L("; ")))
	t.issues.Show()
}

// showFirstIssue scrolls the editor to the first indicator with a warning.
func (t *schemeTab) showFirstIssue() {
	d := fyne.CurrentApp().Driver()
	for _, k := range score.DimensionKeys {
		for i := range t.sc.Dimensions.Get(k).Indicators {
			if l := t.notes[score.IndicatorAt{Dimension: k, Index: i}]; l != nil && l.Visible() {
				y := d.AbsolutePositionForObject(l).Y - d.AbsolutePositionForObject(t.scroll.Content).Y
				t.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-3*l.MinSize().Height)))
				return
			}
		}
	}
}

// wheelPass lies over an entry and gives the mouse wheel to the editor's scroll. Fyne hands a wheel
// event to the deepest fyne.Scrollable under the pointer, and widget.Entry (2.7.1) draws its text inside a
// scroller of its own (entry.go: e.scroll, which scrolls both ways for one-line text), so over any text
// box the page stopped scrolling. The layer is no Tappable, Draggable, Hoverable or Focusable: clicks,
// selection, hover and the text cursor still reach the entry beneath it.
type wheelPass struct {
	widget.BaseWidget
	to *container.Scroll
}

func newWheelPass(to *container.Scroll) *wheelPass {
	w := &wheelPass{to: to}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) { w.to.Scrolled(ev) }

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// wheel puts e under a wheelPass to the editor's scroll.
func (t *schemeTab) wheel(e fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(e, newWheelPass(t.scroll))
}

// fitRows makes a multi-line entry as tall as its text (at least min rows): the page scrolls, not it.
func fitRows(e *widget.Entry, min int) {
	e.SetMinRowsVisible(max(min, strings.Count(e.Text, "\n")+2))
}

// parseSchemeNumber reads a weight entry; ok is false for text that is not a number.
func parseSchemeNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v, err == nil
}

func schemeNum(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// weightEntry is an entry bound to *w that re-normalises its group on every change.
func (t *schemeTab) weightEntry(w *float64, group string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(schemeNum(*w))
	e.OnChanged = func(s string) {
		if v, ok := parseSchemeNumber(s); ok {
			*w = v
		}
		t.changed()
		t.renormalise(group)
	}
	return e
}

// groupWeights returns the current weights of a group.
func (t *schemeTab) groupWeights(group string) []float64 {
	switch {
	case group == "dimensions":
		var ws []float64
		for _, k := range score.DimensionKeys {
			ws = append(ws, t.sc.Dimensions.Get(k).Weight)
		}
		return ws
	case group == "sources":
		return []float64{t.sc.Sources.Survey, t.sc.Sources.Assessment, t.sc.Sources.Officers}
	case strings.HasPrefix(group, "ind:"):
		var ws []float64
		for _, ind := range t.sc.Dimensions.Get(strings.TrimPrefix(group, "ind:")).Indicators {
			ws = append(ws, ind.Weight)
		}
		return ws
	}
	return nil
}

func (t *schemeTab) renormalise(group string) {
	ns := score.Normalise(t.groupWeights(group))
	for i, l := range t.norms[group] {
		if i < len(ns) {
			l.SetText(fmt.Sprintf("= %.1f%%", ns[i]*100))
		}
	}
}

func (t *schemeTab) normLabel(group string) *widget.Label {
	l := widget.NewLabel("")
	t.norms[group] = append(t.norms[group], l)
	return l
}

// questionLabel shows references as "Q3 办理便捷程度、Q4 …".
func (t *schemeTab) questionLabel(refs []string) string {
	if len(refs) == 0 {
		return lang.L("(no question)")
	}
	var parts []string
	for _, r := range refs {
		if i, ok := data.FindQuestion(t.qs, r); ok {
			parts = append(parts, t.qs[i].Key+" "+chartLabel(t.qs[i].Text))
		} else {
			parts = append(parts, r)
		}
	}
	return strings.Join(parts, "、")
}

// pickQuestions lets the user choose questions of the round (or type references when the round has no
// survey yet) and calls done with the keys.
func (t *schemeTab) pickQuestions(title string, current []string, done func([]string)) {
	if len(t.qs) == 0 {
		e := widget.NewEntry()
		e.SetText(strings.Join(current, "；"))
		e.SetPlaceHolder("Q3；Q4")
		dialog.ShowForm(title, lang.L("OK"), lang.L("Cancel"), []*widget.FormItem{
			widget.NewFormItem(lang.L("Questions"), e),
		}, func(ok bool) {
			if ok {
				var refs []string
				for _, p := range strings.FieldsFunc(e.Text, func(r rune) bool { return r == '；' || r == ';' || r == ',' || r == '，' || r == '、' }) {
					if p = strings.TrimSpace(p); p != "" {
						refs = append(refs, p)
					}
				}
				done(refs)
			}
		}, t.u.Win)
		return
	}
	opts := make([]string, len(t.qs))
	keyOf := map[string]string{}
	for i, q := range t.qs {
		opts[i] = q.Key + " " + chartLabel(q.Text)
		keyOf[opts[i]] = q.Key
	}
	cg := widget.NewCheckGroup(opts, nil)
	var sel []string
	for _, r := range current {
		if i, ok := data.FindQuestion(t.qs, r); ok {
			sel = append(sel, opts[i])
		}
	}
	cg.SetSelected(sel)
	scroll := container.NewVScroll(cg)
	scroll.SetMinSize(fyne.NewSize(460, 380))
	dialog.ShowCustomConfirm(title, lang.L("OK"), lang.L("Cancel"), scroll, func(ok bool) {
		if !ok {
			return
		}
		var keys []string
		for _, o := range opts { // questionnaire order
			for _, s := range cg.Selected {
				if s == o {
					keys = append(keys, keyOf[o])
				}
			}
		}
		done(keys)
	}, t.u.Win)
}

// rebuild lays the editor out from t.sc at once (after an action that changes its shape).
func (t *schemeTab) rebuild() { t.build(false) }

// build lays the editor out from t.sc. Progressive (the tab's first load) it adds a part at a time, letting
// the window draw in between: its few hundred widgets take the UI goroutine most of a second, which left
// the tab blank; now the editor appears from the top while the spinner below the parts laid out turns.
func (t *schemeTab) build(progressive bool) {
	t.builds++
	n := t.builds
	t.norms = map[string][]*widget.Label{}
	t.qbtns = map[score.IndicatorAt]*widget.Button{}
	t.notes = map[score.IndicatorAt]*widget.Label{}
	t.setStatus()
	parts := t.parts()
	finish := func() {
		t.setLoading(false)
		for _, g := range []string{"dimensions", "sources", "ind:process", "ind:standards", "ind:results"} {
			t.renormalise(g)
		}
		t.refreshIssues()
	}
	later := t.later
	if later == nil {
		later = func(f func()) { time.AfterFunc(20*time.Millisecond, func() { fyne.Do(f) }) }
	}
	if !progressive || t.u.inline && t.later == nil {
		objs := []fyne.CanvasObject{t.files}
		for _, p := range parts {
			objs = append(objs, p())
		}
		t.body.Objects = objs
		t.body.Refresh()
		finish()
		return
	}
	t.body.Objects = []fyne.CanvasObject{t.files}
	t.body.Refresh()
	t.setLoading(true)
	// Three steps, each after a frame: the spinner, then the top of the editor (name, weights, 执行过程)
	// as soon as it is laid out, then the rest. More steps cost more than they show: each re-lays out all
	// that is there, and a software-rendered desktop pays for every frame.
	chunks := [][]func() fyne.CanvasObject{parts[:3], parts[3:]}
	var step func(i int)
	step = func(i int) {
		if n != t.builds { // laid out again meanwhile
			return
		}
		for _, p := range chunks[i] {
			t.body.Objects = append(t.body.Objects, p())
		}
		t.body.Refresh()
		if i == len(chunks)-1 {
			finish()
			return
		}
		for _, g := range []string{"dimensions", "ind:process"} {
			t.renormalise(g)
		}
		later(func() { step(i + 1) })
	}
	later(func() { step(0) }) // the spinner is drawn first
}

// setLoading shows 正在载入 and the spinner in the status's place, or the status again.
func (t *schemeTab) setLoading(on bool) {
	if on {
		t.status.Hide()
		t.loading.Show()
		t.spin.Start()
		return
	}
	t.spin.Stop() // before Hide: Hide clears the running flag and the animation would go on
	t.loading.Hide()
	t.status.Show()
}

// parts are the editor's parts from the top, each built when called.
func (t *schemeTab) parts() []func() fyne.CanvasObject {
	parts := []func() fyne.CanvasObject{t.nameForm, t.dimensionWeightsCard}
	for _, k := range score.DimensionKeys {
		k := k
		parts = append(parts, func() fyne.CanvasObject { return t.dimensionCard(k) })
	}
	return append(parts, t.questionsCard, t.scalesCard, t.sourcesCard, t.screeningCard, t.labelsCard)
}

func (t *schemeTab) nameForm() fyne.CanvasObject {
	name := widget.NewEntry()
	name.SetText(t.sc.Name)
	name.OnChanged = func(s string) { t.sc.Name = s; t.changed() }
	return widget.NewForm(widget.NewFormItem(lang.L("Scheme name"), t.wheel(name)))
}

func (t *schemeTab) dimensionWeightsCard() fyne.CanvasObject {
	var dimRows []fyne.CanvasObject
	for _, k := range score.DimensionKeys {
		d := t.sc.Dimensions.Get(k)
		dimRows = append(dimRows, widget.NewLabel(t.sc.DimensionName(k)), t.wheel(t.weightEntry(&d.Weight, "dimensions")), t.normLabel("dimensions"))
	}
	ahpDims := widget.NewButton(lang.L("AHP pairwise comparison…"), func() {
		var names []string
		for _, k := range score.DimensionKeys {
			names = append(names, t.sc.DimensionName(k))
		}
		t.showAHP(names, func(ws []float64) {
			for i, k := range score.DimensionKeys {
				t.sc.Dimensions.Get(k).Weight = ws[i]
			}
			t.changed()
			t.rebuild()
		})
	})
	return widget.NewCard(lang.L("Dimension weights"), lang.L("Weights are shown normalised to 100%"),
		container.NewVBox(container.NewGridWithColumns(3, dimRows...), ahpDims))
}

// questionsCard holds the problem, direction and overall questions.
func (t *schemeTab) questionsCard() fyne.CanvasObject {
	probs := widget.NewButton(t.questionLabel(t.sc.Problems), nil)
	probs.OnTapped = func() {
		t.pickQuestions(lang.L("Problem questions"), t.sc.Problems, func(keys []string) {
			t.sc.Problems = keys
			probs.SetText(t.questionLabel(keys))
			t.changed()
		})
	}
	dirs := widget.NewButton(t.questionLabel(t.sc.Directions), nil)
	dirs.OnTapped = func() {
		t.pickQuestions(lang.L("Direction questions"), t.sc.Directions, func(keys []string) {
			t.sc.Directions = keys
			dirs.SetText(t.questionLabel(keys))
			t.changed()
		})
	}
	overallOpts := []string{lang.L("(none)")}
	for _, q := range t.qs {
		overallOpts = append(overallOpts, q.Key+" "+chartLabel(q.Text))
	}
	overall := widget.NewSelect(overallOpts, nil)
	if i, ok := data.FindQuestion(t.qs, t.sc.Overall); ok {
		overall.SetSelectedIndex(i + 1)
	} else {
		overall.SetSelectedIndex(0)
	}
	overall.OnChanged = func(string) {
		if i := overall.SelectedIndex(); i > 0 {
			t.sc.Overall = t.qs[i-1].Key
		} else {
			t.sc.Overall = ""
		}
		t.changed()
	}
	return widget.NewCard(lang.L("Problems, directions and overall satisfaction"), "", widget.NewForm(
		widget.NewFormItem(lang.L("Problem questions"), probs),
		widget.NewFormItem(lang.L("Direction questions"), dirs),
		widget.NewFormItem(lang.L("Overall satisfaction (for IPA)"), overall),
	))
}

func (t *schemeTab) dimensionCard(k string) fyne.CanvasObject {
	d := t.sc.Dimensions.Get(k)
	group := "ind:" + k
	rows := container.NewVBox()
	for i := range d.Indicators {
		i := i
		ind := &d.Indicators[i]
		name := widget.NewEntry()
		name.SetText(ind.Name)
		name.OnChanged = func(s string) { ind.Name = s; t.changed() }
		qs := widget.NewButton(t.questionLabel(ind.Questions), nil)
		qs.OnTapped = func() {
			t.pickQuestions(fmt.Sprintf(lang.L("Questions of %s"), ind.Name), ind.Questions, func(keys []string) {
				ind.Questions = keys
				qs.SetText(t.questionLabel(keys))
				t.changed()
			})
		}
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			d.Indicators = append(d.Indicators[:i:i], d.Indicators[i+1:]...)
			t.changed()
			t.rebuild()
		})
		w := t.weightEntry(&ind.Weight, group)
		left := container.NewHBox(fixedWidth(t.wheel(name), 220), fixedWidth(t.wheel(w), 80), fixedWidth(t.normLabel(group), 80))
		at := score.IndicatorAt{Dimension: k, Index: i}
		note := widget.NewLabel("")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		note.Hide()
		t.qbtns[at], t.notes[at] = qs, note
		rows.Add(container.NewVBox(container.NewBorder(nil, nil, left, del, qs), note))
	}
	add := widget.NewButtonWithIcon(lang.L("Add indicator"), theme.ContentAddIcon(), func() {
		d.Indicators = append(d.Indicators, score.IndicatorSpec{Name: fmt.Sprintf(lang.L("Indicator %d"), len(d.Indicators)+1), Weight: 1, Questions: []string{}})
		t.changed()
		t.rebuild()
	})
	ahp := widget.NewButton(lang.L("AHP…"), func() {
		var names []string
		for _, ind := range d.Indicators {
			names = append(names, ind.Name)
		}
		if len(names) < 2 {
			t.u.showInfo(lang.L("AHP"), lang.L("AHP needs at least two indicators."))
			return
		}
		t.showAHP(names, func(ws []float64) {
			for i := range d.Indicators {
				d.Indicators[i].Weight = ws[i]
			}
			t.changed()
			t.rebuild()
		})
	})
	entropy := widget.NewButton(lang.L("Entropy weights from the data"), func() { t.entropy(k) })
	dimName := widget.NewEntry()
	dimName.SetText(t.sc.DimensionName(k))
	dimName.OnChanged = func(s string) {
		if s == score.DimensionNames[k] {
			s = ""
		}
		d.Name = s
		t.changed()
	}
	head := widget.NewForm(widget.NewFormItem(lang.L("Dimension name"), t.wheel(dimName)))
	return widget.NewCard(t.sc.DimensionName(k), lang.L("Indicators: name, weight, normalised weight, questions"),
		container.NewVBox(head, rows, container.NewHBox(add, ahp, entropy)))
}

func (t *schemeTab) scalesCard() fyne.CanvasObject {
	box := container.NewVBox()
	for _, ref := range sortedScaleRefs(t.sc.Questions) {
		ref := ref
		sc := t.sc.Questions[ref]
		pts := widget.NewEntry()
		pts.SetText(strconv.Itoa(sc.Points))
		best := widget.NewSelect([]string{lang.L("1 is best"), lang.L("the highest is best")}, nil)
		if sc.Best == 1 {
			best.SetSelectedIndex(0)
		} else {
			best.SetSelectedIndex(1)
		}
		update := func() {
			p, err := strconv.Atoi(strings.TrimSpace(pts.Text))
			if err != nil {
				return
			}
			b := p
			if best.SelectedIndex() == 0 {
				b = 1
			}
			t.sc.Questions[ref] = score.Scale{Points: p, Best: b}
			t.changed()
		}
		pts.OnChanged = func(string) { update() }
		best.OnChanged = func(string) { update() }
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			delete(t.sc.Questions, ref)
			t.changed()
			t.rebuild()
		})
		box.Add(container.NewBorder(nil, nil, widget.NewLabel(t.questionLabel([]string{ref})), del,
			container.NewGridWithColumns(3, widget.NewLabel(lang.L("points")), t.wheel(pts), best)))
	}
	add := widget.NewButtonWithIcon(lang.L("Declare a numeric scale…"), theme.ContentAddIcon(), func() {
		t.pickQuestions(lang.L("Numeric questions"), nil, func(keys []string) {
			for _, k := range keys {
				if _, has := t.sc.Questions[k]; !has {
					t.sc.Questions[k] = score.Scale{Points: 5, Best: 5}
				}
			}
			t.changed()
			t.rebuild()
		})
	})
	return widget.NewCard(lang.L("Numeric answers"), lang.L("A question answered with numbers needs its number of points and which end is best: value = (points − |answer − best| − 1)/(points − 1) × 100"),
		container.NewVBox(box, add))
}

// fixedWidth gives o a fixed width (its own height).
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

func sortedScaleRefs(m map[string]score.Scale) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (t *schemeTab) sourcesCard() fyne.CanvasObject {
	s := &t.sc.Sources
	grid := container.NewGridWithColumns(3,
		widget.NewLabel(lang.L("Survey")), t.wheel(t.weightEntry(&s.Survey, "sources")), t.normLabel("sources"),
		widget.NewLabel(lang.L("Third-party assessment")), t.wheel(t.weightEntry(&s.Assessment, "sources")), t.normLabel("sources"),
		widget.NewLabel(lang.L("体验官")), t.wheel(t.weightEntry(&s.Officers, "sources")), t.normLabel("sources"))
	return widget.NewCard(lang.L("Source weights"), lang.L("A dimension's score combines the sources that have data, by these weights"), grid)
}

func (t *schemeTab) screeningCard() fyne.CanvasObject {
	sc := &t.sc.Screening
	speed := widget.NewEntry()
	speed.SetText(schemeNum(sc.Speeders))
	speedOn := widget.NewCheck(lang.L("Exclude speeders: duration below this share of the median"), nil)
	speedOn.SetChecked(sc.Speeders > 0)
	speed.OnChanged = func(s string) {
		if v, ok := parseSchemeNumber(s); ok {
			sc.Speeders = v
			speedOn.SetChecked(v > 0)
		}
		t.changed()
	}
	speedOn.OnChanged = func(on bool) {
		switch {
		case !on && sc.Speeders > 0:
			speed.SetText("0")
		case on && sc.Speeders == 0:
			speed.SetText(schemeNum(score.DefaultScreening.Speeders))
		}
	}
	sl := widget.NewEntry()
	sl.SetText(strconv.Itoa(sc.StraightlineMinItems))
	slOn := widget.NewCheck(lang.L("Exclude straight-liners: at least this many indicator questions, all the same option"), nil)
	slOn.SetChecked(sc.StraightlineMinItems > 0)
	sl.OnChanged = func(s string) {
		if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			sc.StraightlineMinItems = v
			slOn.SetChecked(v > 0)
		}
		t.changed()
	}
	slOn.OnChanged = func(on bool) {
		switch {
		case !on && sc.StraightlineMinItems > 0:
			sl.SetText("0")
		case on && sc.StraightlineMinItems == 0:
			sl.SetText(strconv.Itoa(score.DefaultScreening.StraightlineMinItems))
		}
	}
	dup := widget.NewCheck(lang.L("Exclude duplicates: same IP or respondent and identical answers as an earlier response"), nil)
	dup.SetChecked(sc.Duplicates)
	dup.OnChanged = func(on bool) {
		sc.Duplicates = on
		t.changed()
	}
	return widget.NewCard(lang.L("Screening"), lang.L("Excluded responses stay stored and can be restored on the Results page"),
		container.NewVBox(container.NewBorder(nil, nil, speedOn, nil, t.wheel(speed)), container.NewBorder(nil, nil, slOn, nil, t.wheel(sl)), dup))
}

func (t *schemeTab) labelsCard() fyne.CanvasObject {
	labels := widget.NewMultiLineEntry()
	var lines []string
	for _, l := range sortedLabelRefs(t.sc.Likert.Labels) {
		lines = append(lines, fmt.Sprintf("%s=%s", l, schemeNum(t.sc.Likert.Labels[l])))
	}
	labels.SetText(strings.Join(lines, "\n"))
	labels.SetPlaceHolder("还可以=60")
	fitRows(labels, 3)
	labels.OnChanged = func(s string) {
		fitRows(labels, 3)
		m := map[string]float64{}
		for _, ln := range strings.Split(s, "\n") {
			k, v, ok := strings.Cut(ln, "=")
			if !ok {
				continue
			}
			if x, ok := parseSchemeNumber(v); ok && strings.TrimSpace(k) != "" {
				m[strings.TrimSpace(k)] = x
			}
		}
		t.sc.Likert.Labels = m
		t.changed()
	}
	missing := widget.NewMultiLineEntry()
	missing.SetText(strings.Join(t.sc.Likert.Missing, "\n"))
	fitRows(missing, 3)
	missing.OnChanged = func(s string) {
		fitRows(missing, 3)
		var ms []string
		for _, ln := range strings.Split(s, "\n") {
			if ln = strings.TrimSpace(ln); ln != "" {
				ms = append(ms, ln)
			}
		}
		t.sc.Likert.Missing = ms
		t.changed()
	}
	info := widget.NewLabel(lang.L("Common scales are known (满意, 同意, 好/差, 重要 and 频率, with 4, 5 or 7 points): each question's scale is read from its own options, top 100 and bottom 0; answers such as 4分 by their points. Labels given here always win. 答案分值… shows what each question's answers get."))
	info.Wrapping = fyne.TextWrapWord
	return widget.NewCard(lang.L("Answer labels"), "", container.NewVBox(info, widget.NewForm(
		widget.NewFormItem(lang.L("More labels (label=value, one a line)"), t.wheel(labels)),
		widget.NewFormItem(lang.L("Labels counted as missing (one a line)"), t.wheel(missing)))))
}

func sortedLabelRefs(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// save validates and stores the scheme off the UI goroutine (保存方案).
func (t *schemeTab) save() { t.saveThen(func(error) {}) }

// saveThen saves as 保存方案 does and calls done with the outcome: errSaveStopped when the user stopped on
// one of its questions or its error was shown. It asks first when the scheme has issues (what scoring
// will do with them), and when the scheme it replaces produced published scores.
func (t *schemeTab) saveThen(done func(error)) {
	id := t.policyID
	stop := func() { done(errSaveStopped) }
	t.confirmIssues(func() {
		t.askIfPublished(lang.L("Replace the scheme?"), func() {
			sc := t.sc.Clone()
			t.store(lang.L("Saving the scheme…"), func(ctx context.Context, s *store.Store) (score.SchemeChange, error) {
				return score.SaveScheme(ctx, s, id, sc, lang.L("scheme editor"))
			}, nil, done)
		}, stop)
	}, stop)
}

// confirmIssues runs then at once when the scheme has no issues; else after saying what scoring will do
// with them (仍然保存), or stop (取消). A question counted twice and an indicator without questions are
// scored as the method says (score.SchemeIssues), so they are warnings the user may save over, not
// errors.
func (t *schemeTab) confirmIssues(then, stop func()) {
	ws := t.sc.Issues(t.qs).Warnings(t.sc)
	if len(ws) == 0 {
		then()
		return
	}
	box := container.NewVBox(widget.NewLabel(lang.L("When the scores are computed:")))
	for _, w := range ws {
		l := widget.NewLabel("·" + w)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(520, 240))
	d := dialog.NewCustomConfirm(lang.L("Save the scheme as it is?"), lang.L("Save anyway"), lang.L("Cancel"), scroll, func(ok bool) {
		if ok {
			then()
		} else {
			stop()
		}
	}, t.u.Win)
	d.Show()
}

// askIfPublished runs then, after asking when the policy's current scheme produced the scores of a
// published evaluation (what was published stays frozen; later scores would differ from it); stop (may be
// nil) runs when the user says no.
func (t *schemeTab) askIfPublished(title string, then, stop func()) {
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) ([]score.PublishedUse, error) {
		return score.SchemePublished(ctx, s, id)
	}, func(uses []score.PublishedUse) {
		if len(uses) == 0 {
			then()
			return
		}
		last := uses[len(uses)-1]
		dialog.ShowConfirm(title, fmt.Sprintf(lang.L("The current scheme produced the scores of the evaluation published on %s (version %d). What was published stays as it was, but scores from now on will use the new scheme, and will differ from the published ones. The current scheme stays in the scheme history. Replace it?"),
			last.Date, last.Version), func(ok bool) {
			switch {
			case ok:
				then()
			case stop != nil:
				stop()
			}
		}, t.u.Win)
	})
}

// store runs a scheme change off the UI goroutine and shows what it did; then (may be nil) runs after it
// succeeded; done (may be nil) gets nil, or errSaveStopped after the error was shown.
func (t *schemeTab) store(title string, change func(ctx context.Context, s *store.Store) (score.SchemeChange, error), then func(), done func(error)) {
	s := t.u.Store()
	var ch score.SchemeChange
	t.u.RunLong(title, func(ctx context.Context, _ func(int, int)) error {
		var err error
		ch, err = change(ctx, s)
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			if done != nil {
				done(errSaveStopped)
			}
			return
		}
		if then != nil {
			then()
		}
		t.set, t.dirty = true, false
		t.setStatus()
		if ch.Version > 0 {
			t.status.SetText(fmt.Sprintf(lang.L("Saved as version %d."), ch.Version))
		}
		if done != nil {
			done(nil)
		}
	})
}

// showHistory lists every scheme the policy has had; an earlier one can be restored (it becomes the newest
// version; nothing in the history changes).
// showMappings lists, for every question the scheme scores, the value each answer gets (labels, the
// scale inferred from the question's options, N分) and what was inferred: the scheme being edited, unsaved
// changes included.
func (t *schemeTab) showMappings() {
	if t.sc == nil {
		return
	}
	ms := score.SchemeMappings(t.sc, t.qs)
	if len(ms) == 0 {
		t.u.showInfo(lang.L("Answer values"), lang.L("No indicator has questions yet."))
		return
	}
	box := container.NewVBox()
	for _, m := range ms {
		title := widget.NewLabelWithStyle(m.Question, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		box.Add(title)
		var lines []string
		for _, a := range m.Answers {
			switch {
			case a.Value != nil:
				lines = append(lines, fmt.Sprintf(lang.L("%s → %s"), a.Answer, strconv.FormatFloat(*a.Value, 'f', 1, 64)))
			case a.Status == "missing":
				lines = append(lines, fmt.Sprintf(lang.L("%s → not counted (no opinion)"), a.Answer))
			default:
				lines = append(lines, fmt.Sprintf(lang.L("%s → not recognised: give it a value in the answer labels"), a.Answer))
			}
		}
		body := widget.NewLabel(strings.Join(lines, "\n"))
		body.Wrapping = fyne.TextWrapWord
		box.Add(body)
		for _, n := range m.Notes {
			note := widget.NewLabel(n)
			note.Wrapping = fyne.TextWrapWord
			note.Importance = widget.WarningImportance
			box.Add(note)
		}
		box.Add(widget.NewSeparator())
	}
	scroll := container.NewVScroll(box)
	d := dialog.NewCustom(lang.L("Answer values"), lang.L("Close"), scroll, t.u.Win)
	d.Resize(fyne.NewSize(min(t.u.Win.Canvas().Size().Width*0.9, 720), t.u.Win.Canvas().Size().Height*0.8))
	d.Show()
}

func (t *schemeTab) showHistory() {
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) ([]score.SchemeVersion, error) {
		return score.SchemeHistory(ctx, s, id)
	}, func(h []score.SchemeVersion) {
		rows := container.NewVBox()
		if len(h) == 0 {
			rows.Add(widget.NewLabel(lang.L("No scheme saved yet.")))
		}
		var d dialog.Dialog
		for i := len(h) - 1; i >= 0; i-- {
			v := h[i]
			saved := v.SavedAt // stored in UTC; shown in the computer's time zone
			if at, err := time.Parse(time.RFC3339, v.SavedAt); err == nil {
				saved = at.In(displayZone()).Format("2006-01-02 15:04:05")
			}
			text := fmt.Sprintf(lang.L("Version %d — %s — %s, %d indicators"), v.Version, saved, v.Name, v.Indicators)
			if v.Source != "" {
				text += fmt.Sprintf(lang.L(", from %s"), v.Source)
			}
			for _, p := range v.Published {
				text += "\n" + fmt.Sprintf(lang.L("Produced the scores of the evaluation published on %s (version %d)"), p.Date, p.Version)
			}
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			var right fyne.CanvasObject
			if v.Current {
				right = widget.NewLabel(lang.L("Current"))
			} else {
				right = widget.NewButtonWithIcon(lang.L("Restore"), theme.HistoryIcon(), func() {
					d.Hide()
					t.restore(v.Version)
				})
			}
			rows.Add(container.NewBorder(nil, nil, nil, right, l))
		}
		scroll := container.NewVScroll(rows)
		scroll.SetMinSize(fyne.NewSize(620, 320))
		d = dialog.NewCustom(lang.L("Scheme history"), lang.L("Close"), scroll, t.u.Win)
		d.Show()
	})
}

// restore makes version n the scheme again, after asking (the editor's unsaved changes are dropped).
func (t *schemeTab) restore(n int) {
	id := t.policyID
	do := func() {
		t.store(lang.L("Restoring the scheme…"), func(ctx context.Context, s *store.Store) (score.SchemeChange, error) {
			return score.RestoreScheme(ctx, s, id, n)
		}, t.reload, nil)
	}
	t.askIfPublished(lang.L("Restore this version?"), func() {
		if !t.dirty {
			do()
			return
		}
		dialog.ShowConfirm(lang.L("Restore this version?"), lang.L("The changes not saved yet in the editor will be lost. Restore this version?"), func(ok bool) {
			if ok {
				do()
			}
		}, t.u.Win)
	}, nil)
}

func (t *schemeTab) suggest() {
	sugs := score.Suggest(t.sc, t.qs)
	if len(sugs) == 0 {
		t.u.showInfo(lang.L("Match questions by text"), lang.L("No further question matched an indicator by its text."))
		return
	}
	t.sc.Apply(sugs, t.qs)
	t.changed()
	t.rebuild()
	t.u.showInfo(lang.L("Match questions by text"), fmt.Sprintf(lang.L("%d questions were placed. Check them, then Save."), len(sugs)))
}

func (t *schemeTab) importFile() {
	t.u.pickFile([]string{".json", ".xlsx"}, t.u.workspaceDir(), func(path string) {
		b, err := data.ReadFileLimited(path, 16<<20)
		if err != nil {
			t.u.ShowError(err)
			return
		}
		sc, err := score.ParseSchemeFile(b) // by content: xlsx, JSON; .xls, .ods, encrypted files refused
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.sc = sc
		t.changed()
		t.rebuild()
	})
}

func (t *schemeTab) exportFile() {
	t.u.askSavePath(lang.L("Export…"), lang.L("scheme")+".xlsx", t.u.workspaceDir(), func(path string) {
		err := data.WriteFileAtomic(path, func(w io.Writer) error {
			if strings.EqualFold(filepath.Ext(path), ".json") {
				_, err := w.Write(t.sc.JSON())
				return err
			}
			return t.sc.WriteXLSX(w)
		})
		if err != nil {
			t.u.ShowError(err)
		}
	})
}

// entropy sets dimension k's indicator weights by the entropy method over the latest round's data.
func (t *schemeTab) entropy(k string) {
	sc, id, s := t.sc.Clone(), t.policyID, t.u.Store()
	var ws map[string][]float64
	t.u.RunLong(lang.L("Entropy weights…"), func(ctx context.Context, _ func(int, int)) error {
		in, err := score.LoadInput(ctx, s, id, "")
		if err != nil {
			return err
		}
		in.Scheme = sc
		ws, err = score.EntropyWeights(ctx, in)
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		w := ws[k]
		d := t.sc.Dimensions.Get(k)
		if w == nil || len(w) != len(d.Indicators) {
			t.u.showInfo(lang.L("Entropy weights from the data"), lang.L("Not enough data: the entropy method needs at least two indicators and two respondents who answered all of them."))
			return
		}
		for i := range d.Indicators {
			d.Indicators[i].Weight = w[i]
		}
		t.changed()
		t.rebuild()
	})
}

// saatyScale is the 1–9 scale offered for each pair, from "A extremely more important" to the reverse.
var saatyScale = []struct {
	v    float64
	text string
}{{9, "9"}, {7, "7"}, {5, "5"}, {3, "3"}, {1, "1"}, {1.0 / 3, "1/3"}, {1.0 / 5, "1/5"}, {1.0 / 7, "1/7"}, {1.0 / 9, "1/9"}}

// ahpForm is the pairwise-comparison form: one selector per pair on Saaty's scale, and the weights and the
// consistency ratio recomputed live.
type ahpForm struct {
	names   []string
	judg    []float64
	sels    []*widget.Select
	result  *widget.Label
	weights []float64
	cr      float64
	content fyne.CanvasObject
}

func newAHPForm(names []string) *ahpForm {
	n := len(names)
	f := &ahpForm{names: names, judg: make([]float64, n*(n-1)/2), result: widget.NewLabel("")}
	f.result.Wrapping = fyne.TextWrapWord
	opts := make([]string, len(saatyScale))
	for i, s := range saatyScale {
		opts[i] = s.text
	}
	grid := container.NewVBox()
	k := 0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			idx := k
			f.judg[idx] = 1
			sel := widget.NewSelect(opts, nil)
			sel.SetSelected("1")
			sel.OnChanged = func(s string) {
				for _, o := range saatyScale {
					if o.text == s {
						f.judg[idx] = o.v
					}
				}
				f.recompute()
			}
			f.sels = append(f.sels, sel)
			grid.Add(container.NewBorder(nil, nil, widget.NewLabel(chartLabel(names[i])), widget.NewLabel(chartLabel(names[j])), sel))
			k++
		}
	}
	f.recompute()
	help := widget.NewLabel(lang.L("For each pair: 1 equally important; 3, 5, 7, 9 the left one is moderately, strongly, very strongly, extremely more important; 1/3 … 1/9 the right one is."))
	help.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(480, 260))
	f.content = container.NewBorder(help, f.result, nil, nil, scroll)
	return f
}

func (f *ahpForm) recompute() {
	a, err := score.PairwiseMatrix(len(f.names), f.judg)
	if err == nil {
		var r score.AHPResult
		if r, err = score.AHP(a); err == nil {
			f.weights, f.cr = r.Weights, r.CR
			var parts []string
			for i, w := range r.Weights {
				parts = append(parts, fmt.Sprintf("%s %.1f%%", f.names[i], w*100))
			}
			txt := strings.Join(parts, "，") + "\n" + fmt.Sprintf(lang.L("λmax = %.4f, CR = %.4f"), r.LambdaMax, r.CR)
			f.result.Importance = widget.SuccessImportance
			if !r.Consistent {
				txt += "\n" + lang.L("CR ≥ 0.1: the judgements are inconsistent; please revise them.")
				f.result.Importance = widget.WarningImportance
			}
			f.result.SetText(txt)
			return
		}
	}
	f.weights = nil
	f.result.SetText(err.Error())
}

// showAHP asks for pairwise judgements of names and calls apply with the weights when the user accepts.
func (t *schemeTab) showAHP(names []string, apply func([]float64)) {
	if len(names) > score.MaxAHP {
		t.u.ShowError(data.InputErrorf("AHP 最多比较 %d 项", score.MaxAHP))
		return
	}
	f := newAHPForm(names)
	dialog.ShowCustomConfirm(lang.L("AHP pairwise comparison"), lang.L("Use these weights"), lang.L("Cancel"), f.content, func(ok bool) {
		if ok && f.weights != nil {
			apply(f.weights)
		}
	}, t.u.Win)
}

// displayZone is the time zone times are shown in: the computer's. Tests set their own here rather than
// assign time.Local, which goroutines of the test binary read meanwhile (under -race it crashed the binary).
var displayZone = func() *time.Location { return time.Local }
