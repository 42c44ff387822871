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
)

// surveyWizard imports one survey export: choose the file, check the detected layout (changeable), pick
// or name the round, look at the parsed questions and warnings, then import with progress and cancel.
type surveyWizard struct {
	u        *UI
	policyID int64
	onDone   func(ingest.Summary)

	path      string
	fileLabel *widget.Label
	format    *widget.Select
	round     *widget.SelectEntry
	info      *widget.Label
	warnings  *widget.Label
	qtable    *widget.Table
	status    *widget.Label
	importBtn *widget.Button
	content   fyne.CanvasObject
	dlg       dialog.Dialog

	preview *ingest.PreviewResult
	summary *ingest.Summary // set after a successful import
}

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
	case ingest.LimeSurvey:
		return lang.L("LimeSurvey")
	case ingest.Generic:
		return lang.L("Any sheet (first row is the header)")
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
	w := &surveyWizard{u: u, policyID: policyID, onDone: onDone}
	w.fileLabel = widget.NewLabel(lang.L("No file chosen. Choose a .xlsx or .csv export, or drop it on the window."))
	w.fileLabel.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButtonWithIcon(lang.L("Choose file…"), theme.FolderOpenIcon(), w.onChoose)
	labels := make([]string, len(formatChoices))
	for i, f := range formatChoices {
		labels[i] = formatLabel(f)
	}
	w.format = widget.NewSelect(labels, func(string) { w.runPreview() })
	w.format.SetSelectedIndex(0)
	w.round = widget.NewSelectEntry(nil)
	w.round.SetPlaceHolder(lang.L("Round name, e.g. 2026年度"))
	w.info = widget.NewLabel("")
	w.info.Wrapping = fyne.TextWrapWord
	w.warnings = widget.NewLabel("")
	w.warnings.Wrapping = fyne.TextWrapWord
	w.warnings.Importance = widget.WarningImportance
	w.status = widget.NewLabel("")
	w.qtable = widget.NewTableWithHeaders(w.qtableSize, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
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
	for c, width := range []float32{80, 300, 110, 400} {
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
		widget.NewFormItem(lang.L("Round"), w.round),
	)
	top := container.NewVBox(form, w.info, w.warnings)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(closeBtn, w.importBtn), w.status)
	w.content = container.NewBorder(top, bottom, nil, nil, w.qtable)
	w.loadRounds(round)
	return w
}

// wizardColumns head the preview table.
var wizardColumns = []string{"Question", "Text", "Type", "Sample answers"}

// loadRounds offers the policy's rounds; the default is the given one, else the latest, else 默认.
func (w *surveyWizard) loadRounds(round string) {
	policyID := w.policyID
	load(w.u, func(ctx context.Context, s *data.Store) ([]data.Round, error) {
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

// runPreview parses the start of the file off the UI goroutine and shows its questions.
func (w *surveyWizard) runPreview() {
	if w.path == "" {
		return
	}
	path, format := w.path, w.selectedFormat()
	w.importBtn.Disable()
	w.info.SetText(lang.L("Reading the file…"))
	w.warnings.SetText("")
	load(w.u, func(ctx context.Context, _ *data.Store) (*ingest.PreviewResult, error) {
		p, err := ingest.Preview(path, format)
		if err != nil {
			// Show the problem in the wizard (not as a failure of the app): the user picks another file.
			return &ingest.PreviewResult{File: path, Warnings: []string{err.Error()}}, nil
		}
		return &p, nil
	}, w.applyPreview)
}

func (w *surveyWizard) applyPreview(p *ingest.PreviewResult) {
	w.preview = p
	if p.Format == "" { // the file could not be read
		w.info.SetText(lang.L("This file cannot be imported:"))
		w.warnings.SetText(strings.Join(p.Warnings, "\n"))
		w.qtable.Refresh()
		return
	}
	rows := fmt.Sprintf(lang.L("%d responses"), p.Rows)
	if !p.Complete {
		rows = fmt.Sprintf(lang.L("first %d responses read"), p.Rows)
	}
	w.info.SetText(fmt.Sprintf(lang.L("Layout: %s (detected: %s). %s, %d questions. Check the question types below, then import."),
		formatLabel(p.Format), formatLabel(p.Detected), rows, len(p.Questions)))
	if meta := metaSummary(p.Meta); meta != "" {
		w.info.SetText(w.info.Text + "\n" + meta)
	}
	if len(p.Warnings) > 0 {
		w.warnings.SetText(lang.L("Warnings: ") + strings.Join(p.Warnings, "；"))
	} else {
		w.warnings.SetText("")
	}
	w.qtable.Refresh()
	if p.Rows > 0 {
		w.importBtn.Enable()
	}
}

func (w *surveyWizard) qtableSize() (int, int) {
	if w.preview == nil {
		return 0, len(wizardColumns)
	}
	return len(w.preview.Questions), len(wizardColumns)
}

func (w *surveyWizard) updateQCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if w.preview == nil || id.Row >= len(w.preview.Questions) {
		l.SetText("")
		return
	}
	q := w.preview.Questions[id.Row]
	switch id.Col {
	case 0:
		l.SetText(q.Key)
	case 1:
		l.SetText(oneLineText(q.Text, 120))
	case 2:
		l.SetText(questionTypeName(q.Type))
	default:
		l.SetText(oneLineText(strings.Join(q.Samples, " | "), 200))
	}
}

// onImport imports the whole file behind the progress dialog, whose status line shows rows read and rows/s.
func (w *surveyWizard) onImport() {
	opt := ingest.Options{PolicyID: w.policyID, Round: strings.TrimSpace(w.round.Text), Format: w.selectedFormat(), Path: w.path}
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
	if len(s.Warnings) > 0 {
		msg += "\n" + lang.L("Warnings: ") + strings.Join(s.Warnings, "；")
	}
	w.status.SetText(msg)
	if w.dlg != nil {
		w.dlg.Hide()
		lbl := widget.NewLabel(msg)
		lbl.Wrapping = fyne.TextWrapWord
		dialog.NewCustom(lang.L("Survey imported"), lang.L("Close"), container.NewGridWrap(fyne.NewSize(460, 120), lbl), w.u.Win).Show()
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
