package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
)

// surveyWizard imports one survey export: choose the file, check the detected layout and header row
// (both changeable), pick or name the round, look at every column (header → key → type, or what a
// metadata or personal column is used for) and the warnings, choose another type where the guess is
// wrong, then import with progress and cancel; every warning of the import is shown after.
type surveyWizard struct {
	u        *UI
	policyID int64
	onDone   func(ingest.Summary)

	path      string
	fileLabel *widget.Label
	format    *widget.Select
	headerRow *widget.Select // 自动识别, 第1行, 第2行…
	round     *widget.SelectEntry
	info      *widget.Label
	warnings  *widget.Label
	qtable    *widget.Table
	status    *widget.Label
	importBtn *widget.Button
	content   fyne.CanvasObject
	dlg       dialog.Dialog

	preview *ingest.PreviewResult
	rows    []wizardRow                  // the table: questions, then metadata and personal columns
	types   map[string]data.QuestionType // types the user chose, by question key (ingest.Options.Types)
	kept    map[string]data.QuestionType // types chosen for earlier files of the round (the import applies them too)
	summary *ingest.Summary              // set after a successful import
}

// wizardRow is one line of the preview table.
type wizardRow struct {
	header, key, samples string
	qtype                data.QuestionType // "" for a metadata column
	use                  string            // what a metadata or personal column is used for (shown instead of a type)
}

// headerRowChoices is how many rows the wizard offers as the header (the importer looks at the first 30).
const headerRowChoices = 30

// prefSurveyDir remembers the folder of the last survey file chosen.
const prefSurveyDir = "survey.lastDir"

// formatChoices are the layouts offered, auto first.
var formatChoices = append([]ingest.Format{ingest.Auto}, ingest.Formats...)

func formatLabel(f ingest.Format) string {
	switch f {
	case ingest.Auto:
		return lang.L("Detect automatically")
	case ingest.WJXText:
		return lang.L("Wenjuanxing (option texts)")
	case ingest.WJXCode:
		return lang.L("Wenjuanxing (option numbers)")
	case ingest.Tencent:
		return lang.L("Tencent Survey")
	case ingest.Jinshuju:
		return lang.L("Jinshuju")
	case ingest.Wenjuan:
		return lang.L("Wenjuan.com")
	case ingest.TxDocs:
		return lang.L("Tencent Docs / Kingsoft Docs collection form")
	case ingest.LimeSurvey:
		return lang.L("LimeSurvey")
	case ingest.Generic:
		return lang.L("Any sheet (header found below title rows)")
	}
	return string(f)
}

// showSurveyWizard opens the wizard; path may be "" (the user chooses) and round "" (the latest round).
func showSurveyWizard(u *UI, policyID int64, path, round string, onDone func(ingest.Summary)) *surveyWizard {
	w := newSurveyWizard(u, policyID, round, onDone)
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("Import survey data"), w.content, u.Win)
	w.dlg.Resize(fyne.NewSize(min(u.Win.Canvas().Size().Width-40, 1000), min(u.Win.Canvas().Size().Height-40, 680)))
	w.dlg.Show()
	if path != "" {
		w.setPath(path)
	}
	return w
}

func newSurveyWizard(u *UI, policyID int64, round string, onDone func(ingest.Summary)) *surveyWizard {
	w := &surveyWizard{u: u, policyID: policyID, onDone: onDone, types: map[string]data.QuestionType{}}
	w.fileLabel = widget.NewLabel(lang.L("No file chosen. Choose an .xlsx, .xls or .csv export, or drop it on the window."))
	w.fileLabel.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButtonWithIcon(lang.L("Choose file…"), theme.FolderOpenIcon(), w.onChoose)
	labels := make([]string, len(formatChoices))
	for i, f := range formatChoices {
		labels[i] = formatLabel(f)
	}
	w.format = widget.NewSelect(labels, func(string) { w.runPreview() })
	w.format.SetSelectedIndex(0)
	rowLabels := []string{lang.L("Detect automatically")}
	for r := 1; r <= headerRowChoices; r++ {
		rowLabels = append(rowLabels, fmt.Sprintf(lang.L("Row %d"), r))
	}
	w.headerRow = widget.NewSelect(rowLabels, func(string) { w.runPreview() })
	w.headerRow.SetSelectedIndex(0)
	w.round = widget.NewSelectEntry(nil)
	w.round.SetPlaceHolder(lang.L("Round name, e.g. 2026年度"))
	w.round.OnChanged = func(string) { w.loadKept() }
	w.info = widget.NewLabel("")
	w.info.Wrapping = fyne.TextWrapWord
	w.warnings = widget.NewLabel("")
	w.warnings.Wrapping = fyne.TextWrapWord
	w.warnings.Importance = widget.WarningImportance
	w.status = widget.NewLabel("")
	w.qtable = widget.NewTableWithHeaders(w.qtableSize, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		sel := widget.NewSelect(typeChoiceNames(), nil)
		sel.Hide()
		return container.NewStack(l, sel)
	}, w.updateQCell)
	w.qtable.ShowHeaderColumn = false
	w.qtable.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}
	w.qtable.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(wizardColumns) {
			o.(*widget.Label).SetText(lang.L(wizardColumns[id.Col]))
		}
	}
	for c, width := range []float32{300, 80, 190, 330} {
		w.qtable.SetColumnWidth(c, width)
	}
	w.importBtn = widget.NewButtonWithIcon(lang.L("Import"), theme.ConfirmIcon(), w.onImport)
	w.importBtn.Importance = widget.HighImportance
	w.importBtn.Disable()
	closeBtn := widget.NewButton(lang.L("Close"), func() {
		if w.dlg != nil {
			w.dlg.Hide()
		}
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("File"), container.NewBorder(nil, nil, nil, choose, w.fileLabel)),
		widget.NewFormItem(lang.L("Layout"), w.format),
		widget.NewFormItem(lang.L("Header row"), w.headerRow),
		widget.NewFormItem(lang.L("Round"), w.round),
	)
	top := container.NewVBox(form, w.info, w.warnings)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(closeBtn, w.importBtn), w.status)
	w.content = container.NewBorder(top, bottom, nil, nil, w.qtable)
	w.loadRounds(round)
	return w
}

// wizardColumns head the preview table.
var wizardColumns = []string{"Header", "Key", "Type or use", "Sample answers"}

// typeChoiceNames are the names of the types a user may choose, in data.QuestionTypes order.
func typeChoiceNames() []string {
	names := make([]string, len(data.QuestionTypes))
	for i, t := range data.QuestionTypes {
		names[i] = questionTypeName(t)
	}
	return names
}

// loadRounds offers the policy's rounds; the default is the given one, else the latest, else 默认.
func (w *surveyWizard) loadRounds(round string) {
	policyID := w.policyID
	load(w.u, func(ctx context.Context, s *store.Store) ([]data.Round, error) {
		return s.Rounds(ctx, policyID)
	}, func(rs []data.Round) {
		names := make([]string, len(rs))
		for i, r := range rs {
			names[i] = r.Name
		}
		w.round.SetOptions(names)
		switch {
		case round != "":
			w.round.SetText(round)
		case len(rs) > 0:
			w.round.SetText(rs[len(rs)-1].Name)
		default:
			w.round.SetText(data.DefaultRound)
		}
	})
}

// loadKept reads the types chosen for earlier files of the round, which the import applies unless the
// user chooses again: the table shows them.
func (w *surveyWizard) loadKept() {
	policyID, round := w.policyID, strings.TrimSpace(w.round.Text)
	load(w.u, func(ctx context.Context, s *store.Store) (map[string]data.QuestionType, error) {
		r, err := s.ResolveRound(ctx, policyID, round)
		if err != nil || r.ID == 0 {
			return nil, nil // a new round: nothing chosen yet
		}
		return s.SurveyTypeChoices(ctx, r.ID)
	}, func(kept map[string]data.QuestionType) {
		w.kept = kept
		w.qtable.Refresh()
	})
}

func (w *surveyWizard) onChoose() {
	w.u.pickFile(surveyFileExts, w.u.App.Preferences().String(prefSurveyDir), func(path string) {
		w.u.App.Preferences().SetString(prefSurveyDir, filepath.Dir(path))
		w.setPath(path)
	})
}

// setPath takes a file and previews it.
func (w *surveyWizard) setPath(path string) {
	w.path = path
	w.fileLabel.SetText(path)
	w.runPreview()
}

func (w *surveyWizard) selectedFormat() ingest.Format {
	if i := w.format.SelectedIndex(); i >= 0 && i < len(formatChoices) {
		return formatChoices[i]
	}
	return ingest.Auto
}

// selectedHeaderRow is the header row the user picked (1-based; 0 = detect).
func (w *surveyWizard) selectedHeaderRow() int {
	return max(w.headerRow.SelectedIndex(), 0)
}

// runPreview parses the start of the file off the UI goroutine and shows its questions.
func (w *surveyWizard) runPreview() {
	if w.path == "" || w.headerRow == nil {
		return
	}
	path, format, headerRow := w.path, w.selectedFormat(), w.selectedHeaderRow()
	w.importBtn.Disable()
	w.info.SetText(lang.L("Reading the file…"))
	w.warnings.SetText("")
	load(w.u, func(ctx context.Context, _ *store.Store) (*ingest.PreviewResult, error) {
		p, err := ingest.PreviewAt(path, format, headerRow)
		if err != nil {
			// Show the problem in the wizard (not as a failure of the app): the user picks another file.
			return &ingest.PreviewResult{File: path, Warnings: []string{err.Error()}}, nil
		}
		return &p, nil
	}, w.applyPreview)
}

func (w *surveyWizard) applyPreview(p *ingest.PreviewResult) {
	w.preview = p
	w.rows = previewRows(p)
	if p.Format == "" { // the file could not be read
		w.info.SetText(lang.L("This file cannot be imported:"))
		w.warnings.SetText(strings.Join(p.Warnings, "\n"))
		w.qtable.Refresh()
		w.content.Refresh()
		return
	}
	rows := fmt.Sprintf(lang.L("%d responses"), p.Rows)
	if !p.Complete {
		rows = fmt.Sprintf(lang.L("first %d responses read"), p.Rows)
	}
	w.info.SetText(fmt.Sprintf(lang.L("Layout: %s (detected: %s). %s, %d questions. Check the question types below, then import."),
		formatLabel(p.Format), formatLabel(p.Detected), rows, len(p.Questions)))
	if p.HeaderRows > 1 {
		w.info.SetText(w.info.Text + "\n" + fmt.Sprintf(lang.L("Header: rows %d–%d (two header rows, joined as question—sub-item)."), p.HeaderRow, p.HeaderRow+p.HeaderRows-1))
	} else {
		w.info.SetText(w.info.Text + "\n" + fmt.Sprintf(lang.L("Header: row %d."), p.HeaderRow))
	}
	if meta := metaSummary(p.Meta); meta != "" {
		w.info.SetText(w.info.Text + "\n" + meta)
	}
	if len(p.Warnings) > 0 {
		w.warnings.SetText(lang.L("Warnings: ") + "\n· " + strings.Join(p.Warnings, "\n· "))
	} else {
		w.warnings.SetText("")
	}
	w.qtable.Refresh()
	w.content.Refresh() // the texts above the table grew: lay the wizard out again (they overlapped the table)
	if p.Rows > 0 {
		w.importBtn.Enable()
	}
}

func (w *surveyWizard) qtableSize() (int, int) {
	return len(w.rows), len(wizardColumns)
}

// previewRows are the table's lines: every question (header, key, type, samples), then every column
// that is not one (metadata used for screening, personal data stored apart, columns left out).
func previewRows(p *ingest.PreviewResult) []wizardRow {
	var rows []wizardRow
	personal := map[string]bool{}
	for _, q := range p.Questions {
		if q.Type == data.QMeta {
			personal[q.Text] = true
			rows = append(rows, wizardRow{header: q.Text, key: q.Key, use: lang.L("personal data: stored apart, never scored or published"),
				samples: strings.Join(q.Samples, " | ")})
			continue
		}
		rows = append(rows, wizardRow{header: q.Text, key: q.Key, qtype: q.Type, samples: strings.Join(q.Samples, " | ")})
	}
	for _, m := range p.Meta {
		if m.Use == "personal" && personal[m.Header] {
			continue
		}
		rows = append(rows, wizardRow{header: m.Header, key: "—", use: metaUse(m.Use)})
	}
	return rows
}

// metaUse says what a metadata column is used for.
func metaUse(use string) string {
	switch use {
	case "submitted":
		return lang.L("metadata: submit time (screening)")
	case "start":
		return lang.L("metadata: start time (screening)")
	case "duration":
		return lang.L("metadata: duration (screening)")
	case "ip":
		return lang.L("metadata: IP (duplicates)")
	case "respondent":
		return lang.L("metadata: respondent id (duplicates)")
	case "source":
		return lang.L("metadata: channel")
	case "personal":
		return lang.L("personal data: stored apart, never scored or published")
	}
	return lang.L("not a question (left out)")
}

func (w *surveyWizard) updateQCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	l, sel := stack.Objects[0].(*widget.Label), stack.Objects[1].(*widget.Select)
	sel.OnChanged = nil
	sel.Hide()
	l.Show()
	if id.Row >= len(w.rows) {
		l.SetText("")
		return
	}
	r := w.rows[id.Row]
	switch id.Col {
	case 0:
		l.SetText(oneLineText(r.header, 120))
	case 1:
		l.SetText(r.key)
	case 2:
		if r.qtype == "" {
			l.SetText(r.use)
			return
		}
		t := w.baseType(r)
		if chosen, ok := w.types[r.key]; ok {
			t = chosen
		}
		l.Hide()
		sel.Show()
		sel.SetSelected(questionTypeName(t))
		row := id.Row
		sel.OnChanged = func(name string) { w.chooseType(row, name) }
	default:
		l.SetText(oneLineText(r.samples, 200))
	}
}

// baseType is a question's type unless the user chooses again: kept from an earlier file of the round,
// else the guess.
func (w *surveyWizard) baseType(r wizardRow) data.QuestionType {
	if t, ok := w.kept[r.key]; ok {
		return t
	}
	return r.qtype
}

// chooseType records the type the user chose for the question of table row row (by its name).
func (w *surveyWizard) chooseType(row int, name string) {
	if row >= len(w.rows) || w.rows[row].qtype == "" {
		return
	}
	r := w.rows[row]
	for _, t := range data.QuestionTypes {
		if questionTypeName(t) != name {
			continue
		}
		if t == w.baseType(r) {
			delete(w.types, r.key)
		} else {
			w.types[r.key] = t
		}
	}
}

// onImport imports the whole file behind the progress dialog, whose status line shows rows read and rows/s.
func (w *surveyWizard) onImport() {
	opt := ingest.Options{PolicyID: w.policyID, Round: strings.TrimSpace(w.round.Text), Format: w.selectedFormat(), Path: w.path,
		HeaderRow: w.selectedHeaderRow()}
	if len(w.types) > 0 {
		opt.Types = make(map[string]data.QuestionType, len(w.types))
		for k, t := range w.types {
			opt.Types[k] = t
		}
	}
	w.importBtn.Disable()
	if w.dlg != nil {
		// Only the progress dialog stays on screen: every progress update redraws the whole window, and the
		// preview table under it made each redraw dearer (a 100k import 0.85 → 0.7 s without a GPU).
		w.dlg.Hide()
	}
	start := time.Now()
	var mu sync.Mutex
	var shown time.Time
	w.u.RunLongStatus(lang.L("Importing survey data"), func(ctx context.Context, progress func(done, total int), status func(string)) error {
		sum, err := ingest.Import(ctx, w.u.Store(), opt, func(done, total int) {
			progress(done, total)
			mu.Lock()
			defer mu.Unlock()
			if done == 0 || time.Since(shown) < 200*time.Millisecond {
				return // "0 rows read" says less than 正在处理…
			}
			shown = time.Now()
			rate := float64(done) / max(time.Since(start).Seconds(), 0.001)
			status(fmt.Sprintf(lang.L("%d rows read, %.0f rows/s"), done, rate))
		})
		if err == nil {
			w.summary = &sum
		}
		return err
	}, w.finish)
}

// finish shows the outcome: an error (nothing was stored) or the import summary.
func (w *surveyWizard) finish(err error) {
	if err != nil {
		w.status.SetText(lang.L("Nothing was imported."))
		w.importBtn.Enable()
		if w.dlg != nil {
			w.dlg.Show() // back to the file and its preview, to choose again
		}
		w.u.ShowError(err)
		return
	}
	s := w.summary
	rate := float64(s.Imported) / max(s.Seconds, 0.001)
	msg := fmt.Sprintf(lang.L("Imported %d responses (%d rows) and %d questions into round %s in %.2f s (%.0f rows/s)."),
		s.Imported, s.Rows, s.Questions, s.Round, s.Seconds, rate)
	if s.Personal > 0 {
		msg += "\n" + fmt.Sprintf(lang.L("%d columns of personal data stored apart (never scored or published)."), s.Personal)
	}
	if len(s.Warnings) > 0 {
		msg += "\n" + fmt.Sprintf(lang.L("%d warnings:"), len(s.Warnings)) + "\n· " + strings.Join(s.Warnings, "\n· ")
	}
	w.status.SetText(msg)
	if w.dlg != nil {
		w.dlg.Hide()
		lbl := widget.NewLabel(msg)
		lbl.Wrapping = fyne.TextWrapWord
		// Every warning stays readable, however many: the text scrolls.
		scroll := container.NewVScroll(lbl)
		scroll.SetMinSize(fyne.NewSize(560, 260))
		dialog.NewCustom(lang.L("Survey imported"), lang.L("Close"), scroll, w.u.Win).Show()
	}
	if w.onDone != nil {
		w.onDone(*s)
	}
}

// metaSummary says which columns were read as metadata, so the user can check nothing was missed.
func metaSummary(cols []ingest.MetaColumn) string {
	var used, ignored []string
	for _, c := range cols {
		switch c.Use {
		case "submitted":
			used = append(used, c.Header+" → "+lang.L("submit time"))
		case "start":
			used = append(used, c.Header+" → "+lang.L("start time"))
		case "duration":
			used = append(used, c.Header+" → "+lang.L("duration"))
		case "ip":
			used = append(used, c.Header+" → IP")
		case "respondent":
			used = append(used, c.Header+" → "+lang.L("respondent id"))
		case "source":
			used = append(used, c.Header+" → "+lang.L("channel"))
		default:
			ignored = append(ignored, c.Header)
		}
	}
	out := ""
	if len(used) > 0 {
		out = lang.L("Metadata: ") + strings.Join(used, "，")
	}
	if len(ignored) > 0 {
		if out != "" {
			out += "；"
		}
		out += lang.L("not questions: ") + strings.Join(ignored, "、")
	}
	return out
}
