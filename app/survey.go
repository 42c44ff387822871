package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 30, Title: "Survey data", Build: buildSurveyTab})
}

// surveyFileExts are the files the survey wizard takes.
var surveyFileExts = []string{".xlsx", ".xlsm", ".xls", ".csv", ".txt"}

func isSurveyFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range surveyFileExts {
		if ext == e {
			return true
		}
	}
	return false
}

// surveyTab is a policy's 问卷数据 page: the rounds, the import wizard, the responses of the chosen round
// in a virtualised table, per-question frequencies and the list of imported files.
type surveyTab struct {
	u        *UI
	policyID int64

	round     *widget.Select
	summary   *widget.Label
	importBtn *widget.Button
	table     *widget.Table
	qlist     *widget.List
	freqTitle *widget.Label
	freqRows  *fyne.Container
	imports   *fyne.Container
	content   fyne.CanvasObject

	rounds    []data.Round
	roundID   int64 // shown round, 0 when none
	questions []data.Question
	count     int // responses in the round
	freqs     []data.Frequencies
	files     []data.SurveyImport
	freqQ     int // question whose frequencies are shown

	// Responses are loaded in pages as the table scrolls to them: a 100k-row round never sits in
	// the window whole. pages holds the loaded ones (a few at a time), loading the ones asked for.
	pages   map[int]*data.SurveyData
	loading map[int]bool
	order   []int // loaded pages, oldest first
	gen     int   // bumped on every reload, so late page loads are dropped

	loads int  // reloads started; a late result of an earlier one is dropped
	keep  bool // the reload follows a change of the workspace: keep the scroll position and question shown
}

// surveyPageSize is how many responses one page load brings; maxPages how many stay loaded.
// Variables so tests can make them small.
var (
	surveyPageSize = 500
	maxPages       = 40
)

// surveyView is what one load fetches: everything but the responses themselves.
type surveyView struct {
	rounds    []data.Round
	roundID   int64
	questions []data.Question
	count     int
	freqs     []data.Frequencies
	files     []data.SurveyImport
}

func buildSurveyTab(u *UI, policyID int64) fyne.CanvasObject {
	return newSurveyTab(u, policyID).content
}

// metaColumns are the response columns shown before the questions.
var metaColumns = []string{"Response no.", "Submitted", "Duration (s)", "IP", "Channel"}

func newSurveyTab(u *UI, policyID int64) *surveyTab {
	t := &surveyTab{u: u, policyID: policyID, freqQ: -1}
	t.round = widget.NewSelect(nil, t.onRoundChanged)
	t.round.PlaceHolder = lang.L("No round yet")
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.importBtn = widget.NewButtonWithIcon(lang.L("Import survey file…"), theme.UploadIcon(), t.onImport)
	t.importBtn.Importance = widget.HighImportance

	t.table = widget.NewTableWithHeaders(t.tableSize, func() fyne.CanvasObject { return newCellLabel(false) }, t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject { return newCellLabel(true) }
	t.table.UpdateHeader = t.updateHeader

	t.qlist = widget.NewList(t.questionCount, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, t.updateQuestion)
	t.qlist.OnSelected = func(id widget.ListItemID) { t.showFrequencies(id) }
	t.freqTitle = widget.NewLabel(lang.L("Choose a question on the left to see how often each option was chosen."))
	t.freqTitle.Wrapping = fyne.TextWrapWord
	t.freqRows = container.NewVBox()
	freq := container.NewHSplit(t.qlist, container.NewBorder(t.freqTitle, nil, nil, nil, container.NewVScroll(t.freqRows)))
	freq.Offset = 0.35

	t.imports = container.NewVBox()
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Responses"), t.table),
		container.NewTabItem(lang.L("Frequencies"), freq),
		container.NewTabItem(lang.L("Imported files"), container.NewVScroll(t.imports)),
	)
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Round")), t.round), t.importBtn, t.summary)
	t.content = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, tabs)
	u.live(t.content, t.refresh)
	t.reload(0)
	return t
}

// refresh follows a change of the workspace: the rounds and the shown round's data as they are now, the
// table where it was scrolled to and the question whose frequencies are shown still shown.
func (t *surveyTab) refresh() {
	t.keep = true
	t.reload(t.roundID)
}

// reload fetches the rounds and the data of round roundID (0: the latest round).
func (t *surveyTab) reload(roundID int64) {
	policyID := t.policyID
	t.loads++
	seq, keep := t.loads, t.keep
	t.keep = false
	if !keep {
		t.summary.SetText(lang.L("Loading survey data…"))
	}
	load(t.u, func(ctx context.Context, s *store.Store) (surveyView, error) {
		var v surveyView
		var err error
		if v.rounds, err = s.Rounds(ctx, policyID); err != nil {
			return v, err
		}
		if len(v.rounds) == 0 {
			return v, nil
		}
		v.roundID = v.rounds[len(v.rounds)-1].ID
		for _, r := range v.rounds {
			if r.ID == roundID {
				v.roundID = roundID
			}
		}
		if v.count, err = s.SurveyCount(ctx, v.roundID); err != nil {
			return v, err
		}
		if v.freqs, err = s.QuestionFrequencies(ctx, v.roundID); err != nil {
			return v, err
		}
		v.questions = make([]data.Question, len(v.freqs))
		for i, f := range v.freqs {
			v.questions[i] = f.Question
		}
		v.files, err = s.SurveyImports(ctx, v.roundID)
		return v, err
	}, func(v surveyView) {
		if seq == t.loads {
			t.applyKeeping(v, keep)
		}
	})
}

func (t *surveyTab) apply(v surveyView) { t.applyKeeping(v, false) }

// applyKeeping shows v; with keep, and the same round as shown, the table stays where it was scrolled to
// and the question whose frequencies were shown stays shown (when it is still there).
func (t *surveyTab) applyKeeping(v surveyView, keep bool) {
	keep = keep && v.roundID == t.roundID && t.roundID != 0
	freqKey := ""
	if keep && t.freqQ >= 0 && t.freqQ < len(t.questions) {
		freqKey = t.questions[t.freqQ].Key
	}
	t.rounds, t.roundID, t.questions, t.count, t.freqs, t.files = v.rounds, v.roundID, v.questions, v.count, v.freqs, v.files
	t.pages, t.loading, t.order = map[int]*data.SurveyData{}, map[int]bool{}, nil
	t.gen++
	names := make([]string, len(v.rounds))
	selected := ""
	for i, r := range v.rounds {
		names[i] = r.Name
		if r.ID == v.roundID {
			selected = r.Name
		}
	}
	t.round.Options = names
	t.round.SetSelectedIndex(-1)
	if selected != "" {
		t.round.Selected = selected
	}
	t.round.Refresh()
	switch {
	case t.roundID == 0:
		t.summary.SetText(lang.L("No survey imported yet. Import a 问卷星, 腾讯问卷, 金数据 or LimeSurvey export (or any sheet), or drop the file on the window."))
	case t.count == 0:
		t.summary.SetText(lang.L("This round has no survey responses yet. Import a survey export into it."))
	default:
		t.summary.SetText(fmt.Sprintf(lang.L("%d responses, %d questions, from %d file(s)."), t.count, len(t.questions), len(t.files)))
	}
	t.setColumnWidths()
	t.table.Refresh()
	t.qlist.UnselectAll()
	t.qlist.Refresh()
	t.freqQ = -1
	t.freqTitle.SetText(lang.L("Choose a question on the left to see how often each option was chosen."))
	t.freqRows.RemoveAll()
	if !keep {
		t.table.ScrollToTop()
	}
	for i, q := range t.questions {
		if freqKey != "" && q.Key == freqKey {
			t.qlist.Select(i) // shows its frequencies
		}
	}
	t.applyImports()
}

func (t *surveyTab) onRoundChanged(name string) {
	for _, r := range t.rounds {
		if r.Name == name && r.ID != t.roundID {
			t.reload(r.ID)
		}
	}
}

func (t *surveyTab) roundName() string {
	for _, r := range t.rounds {
		if r.ID == t.roundID {
			return r.Name
		}
	}
	return ""
}

func (t *surveyTab) onImport() {
	showSurveyWizard(t.u, t.policyID, "", t.roundName(), func(sum ingest.Summary) { t.reload(sum.RoundID) })
}

// The responses table: metadata columns, then one column per question; a header row.

func (t *surveyTab) tableSize() (int, int) {
	if t.count == 0 {
		return 0, 0
	}
	return t.count, len(metaColumns) + len(t.questions)
}

// response returns row's response, or nil while its page loads (the load is started here).
func (t *surveyTab) response(row int) *data.Response {
	if row < 0 || row >= t.count {
		return nil
	}
	page := row / surveyPageSize
	p, ok := t.pages[page]
	if !ok {
		t.loadPage(page) // tests load inline; the window later, then refreshes the table
		if p, ok = t.pages[page]; !ok {
			return nil
		}
	}
	if i := row - page*surveyPageSize; i < len(p.Responses) {
		return &p.Responses[i]
	}
	return nil
}

func (t *surveyTab) loadPage(page int) {
	if t.loading[page] {
		return
	}
	t.loading[page] = true
	roundID, gen := t.roundID, t.gen
	load(t.u, func(ctx context.Context, s *store.Store) (*data.SurveyData, error) {
		return s.SurveyPage(ctx, roundID, page*surveyPageSize, surveyPageSize)
	}, func(d *data.SurveyData) {
		if gen != t.gen { // the tab was reloaded meanwhile
			return
		}
		delete(t.loading, page)
		t.pages[page] = d
		t.order = append(t.order, page)
		if len(t.order) > maxPages {
			delete(t.pages, t.order[0])
			t.order = t.order[1:]
		}
		t.table.Refresh()
	})
}

// questionColumnWidth is the width of the submit time and question columns: the cells' own, so only the
// other meta columns are set (each SetColumnWidth redraws the table: 58 of them held the UI for 0.5 s).
const questionColumnWidth = 160

func (t *surveyTab) setColumnWidths() {
	for c, w := range []float32{80, questionColumnWidth, 100, 130, 90} {
		if w != questionColumnWidth {
			t.table.SetColumnWidth(c, w)
		}
	}
}

// cellLabel is a one-line table cell at least questionColumnWidth wide.
type cellLabel struct{ widget.Label }

func newCellLabel(bold bool) *cellLabel {
	l := &cellLabel{}
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle.Bold = bold
	l.ExtendBaseWidget(l)
	return l
}

func (l *cellLabel) MinSize() fyne.Size {
	s := l.Label.MinSize()
	s.Width = max(s.Width, questionColumnWidth)
	return s
}

// cellText is the text of a response cell (row, col as in the table).
func (t *surveyTab) cellText(row, col int) string {
	r := t.response(row)
	if r == nil {
		if col == 0 {
			return "…"
		}
		return ""
	}
	switch col {
	case 0:
		return fmt.Sprint(r.ID)
	case 1:
		if r.Submitted.IsZero() {
			return ""
		}
		return r.Submitted.Format(data.SurveyTimeLayout)
	case 2:
		if r.Duration < 0 {
			return ""
		}
		return fmt.Sprintf("%.0f", r.Duration)
	case 3:
		return r.IP
	case 4:
		return r.Source
	}
	i := col - len(metaColumns)
	if i < 0 || i >= len(r.Answers) {
		return ""
	}
	return oneLineText(r.Answers[i], 200)
}

func (t *surveyTab) headerText(col int) string {
	if col < len(metaColumns) {
		return lang.L(metaColumns[col])
	}
	i := col - len(metaColumns)
	if i >= len(t.questions) {
		return ""
	}
	q := t.questions[i]
	return q.Key + " " + q.Text
}

func (t *surveyTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	o.(*cellLabel).SetText(t.cellText(id.Row, id.Col))
}

func (t *surveyTab) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*cellLabel)
	if id.Row < 0 {
		l.SetText(t.headerText(id.Col))
		return
	}
	l.SetText(fmt.Sprint(id.Row + 1))
}

// oneLineText shortens s to one line of at most n characters for a table cell.
func oneLineText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Frequencies.

func (t *surveyTab) questionCount() int {
	return len(t.questions)
}

func (t *surveyTab) updateQuestion(id widget.ListItemID, o fyne.CanvasObject) {
	q := t.questions[id]
	o.(*widget.Label).SetText(fmt.Sprintf("%s [%s] %s", q.Key, questionTypeName(q.Type), q.Text))
}

// questionTypeName is the shown name of a question type.
func questionTypeName(qt data.QuestionType) string {
	switch qt {
	case data.QSingle:
		return lang.L("single choice")
	case data.QMulti:
		return lang.L("multi-select")
	case data.QRanking:
		return lang.L("ranking")
	case data.QMatrix:
		return lang.L("matrix row")
	case data.QRating:
		return lang.L("rating")
	case data.QFill:
		return lang.L("fill-in")
	case data.QOpenText:
		return lang.L("open text")
	}
	return string(qt)
}

// frequencyRows are the shown frequencies of question i (counted per option).
func (t *surveyTab) frequencyRows(i int) data.Frequencies {
	return t.freqs[i]
}

func (t *surveyTab) showFrequencies(i int) {
	if i < 0 || i >= len(t.freqs) {
		return
	}
	t.freqQ = i
	f := t.frequencyRows(i)
	q := f.Question
	t.freqTitle.SetText(fmt.Sprintf(lang.L("%s %s — %d of %d respondents answered."), q.Key, q.Text, f.Answered, f.Responses))
	t.freqRows.RemoveAll()
	if q.Type == data.QOpenText || q.Type == data.QFill {
		t.freqRows.Add(widget.NewLabel(lang.L("Open answers are not counted by option; read them in the Responses table.")))
		return
	}
	if q.Type == data.QMulti || q.Type == data.QRanking {
		t.freqRows.Add(widget.NewLabel(lang.L("Each chosen option counts once per respondent, so the percentages add up to more than 100%.")))
	}
	options := f.Options
	if q.Type == data.QMulti || q.Type == data.QRanking { // most chosen first, like a problem list
		options = append([]data.OptionCount(nil), options...)
		sort.SliceStable(options, func(i, j int) bool { return options[i].Count > options[j].Count })
	}
	const maxShown = 100
	for k, o := range options {
		if k == maxShown {
			t.freqRows.Add(widget.NewLabel(fmt.Sprintf(lang.L("… and %d more options."), len(options)-maxShown)))
			break
		}
		bar := widget.NewProgressBar()
		pct := o.Percent
		bar.TextFormatter = func() string { return fmt.Sprintf("%.1f%%", pct) }
		bar.Max = 100
		bar.SetValue(pct)
		label := widget.NewLabel(fmt.Sprintf("%s  (%d)", oneLineText(o.Option, 60), o.Count))
		label.Truncation = fyne.TextTruncateEllipsis
		t.freqRows.Add(container.NewGridWithColumns(2, label, bar))
	}
}

// The imported files of the round, each with its warnings and a delete button.

// skippedAfter warns, for the deletion of import f, of later imports that left out responses the round
// already had: those may be f's, and go with it ("" when there are none).
func (t *surveyTab) skippedAfter(f data.SurveyImport) string {
	var files []string
	n := 0
	for _, g := range t.files {
		if g.ID > f.ID && g.Skipped > 0 {
			files = append(files, g.FileName)
			n += g.Skipped
		}
	}
	if n == 0 {
		return ""
	}
	return "\n\n" + fmt.Sprintf(lang.L("Later imports (%s) left out %d responses this round already had, perhaps this file's: they leave the round with it. To keep them, delete and import those files again afterwards."),
		strings.Join(files, "、"), n)
}

func (t *surveyTab) applyImports() {
	t.imports.RemoveAll()
	if len(t.files) == 0 {
		t.imports.Add(widget.NewLabel(lang.L("No file imported into this round.")))
		return
	}
	for _, f := range t.files {
		f := f
		at := f.ImportedAt
		if t, err := time.Parse(time.RFC3339, at); err == nil {
			at = t.Local().Format("2006-01-02 15:04")
		}
		text := fmt.Sprintf(lang.L("%s — %s, %d responses, imported %s"), f.FileName, formatLabel(ingest.Format(f.Format)), f.Imported, at)
		if len(f.Warnings) > 0 {
			text += "\n" + lang.L("Warnings: ") + strings.Join(f.Warnings, "；")
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		del := widget.NewButtonWithIcon(lang.L("Delete this import"), theme.DeleteIcon(), func() {
			t.u.confirm(lang.L("Delete this import"),
				fmt.Sprintf(lang.L("Remove the %d responses imported from %s? The file can be imported again later."), f.Imported, f.FileName)+
					t.skippedAfter(f),
				lang.L("Delete"), func() { t.deleteImport(f.ID) })
		})
		t.imports.Add(container.NewBorder(nil, nil, nil, del, l))
		t.imports.Add(widget.NewSeparator())
	}
}

// deleteImport removes an import off the UI goroutine (an automatic backup of the workspace comes first).
func (t *surveyTab) deleteImport(id int64) {
	s, policy := t.u.Store(), t.policyID
	t.u.RunLong(lang.L("Deleting the import…"), func(ctx context.Context, _ func(int, int)) error {
		return s.DeleteSurveyImport(ctx, policy, id)
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.reload(t.roundID)
	})
}
