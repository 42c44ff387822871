package app

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 50, Title: "Results", Build: buildResults})
}

// resultsTab shows a round's evaluation: composite and grade, a card per dimension, charts, the sortable
// indicator table, problems, directions and the excluded responses (with restore). Scores come from
// score.ScoreWith, the same call as `gongping score --json`; they are shown with one decimal.
type resultsTab struct {
	u        *UI
	policyID int64
	rounds   []data.Round
	groupQs  []data.Question // single-choice questions offered for the breakdown

	roundSel *widget.Select
	groupSel *widget.Select
	picked   bool          // the user chose the round: a new round does not take its place
	updating *widget.Label // shown while a change of the workspace is scored again
	computes int           // scorings started; a late result of an earlier one is dropped
	body     *fyne.Container
	content  fyne.CanvasObject

	excludeID, excludeNote *widget.Entry

	res     *score.Result
	sortCol int
	sortAsc bool

	// shown texts, kept for tests
	compositeText string
	cardTexts     []string
}

func buildResults(u *UI, policyID int64) fyne.CanvasObject {
	return newResultsTab(u, policyID).content
}

func newResultsTab(u *UI, policyID int64) *resultsTab {
	t := &resultsTab{u: u, policyID: policyID, body: container.NewVBox(), sortCol: -1}
	t.roundSel = widget.NewSelect(nil, func(string) { t.picked = true; t.recompute() })
	t.roundSel.PlaceHolder = lang.L("No round yet") // Fyne's own is English
	t.groupSel = widget.NewSelect(nil, func(string) { t.recompute() })
	t.groupSel.PlaceHolder = lang.L("No breakdown")
	t.updating = widget.NewLabel(lang.L("Updating…"))
	t.updating.Hide()
	refresh := widget.NewButtonWithIcon(lang.L("Recalculate"), theme.ViewRefreshIcon(), func() { t.loadRounds(t.recompute) })
	impA := widget.NewButtonWithIcon(lang.L("Import assessment sheet…"), theme.FolderOpenIcon(), func() { t.pickScoreSheet("assessment") })
	impO := widget.NewButtonWithIcon(lang.L("Import 体验官 feedback…"), theme.FolderOpenIcon(), func() { t.pickScoreSheet("officers") })
	// The breakdown selector is as wide as its longest question unless held: the toolbar was 781 px, wider
	// than a 1024 px screen leaves beside the policy list. Held at 320 px it shows the start of the question.
	group := container.NewGridWrap(fyne.NewSize(320, t.groupSel.MinSize().Height), t.groupSel)
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("Round")), t.roundSel, widget.NewLabel(lang.L("Break down by")), group),
		container.NewHBox(refresh, impA, impO, t.updating))
	t.content = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(container.NewPadded(t.body)))
	u.live(t.content, t.refresh)
	t.loadRounds(t.recompute)
	return t
}

// refresh follows a change of the workspace: the rounds as they are now (the chosen round and breakdown
// kept), scored again without the progress dialog.
func (t *resultsTab) refresh() {
	t.loadRounds(t.recomputeQuietly)
}

type resultsSetup struct {
	rounds []data.Round
	qs     []data.Question
}

// loadRounds fills the round and breakdown selectors, then scores (then) the chosen round: the one the user
// chose while it is there, else the latest; the breakdown chosen is kept while its question is there.
func (t *resultsTab) loadRounds(then func()) {
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) (resultsSetup, error) {
		var d resultsSetup
		var err error
		if d.rounds, err = s.Rounds(ctx, id); err != nil || len(d.rounds) == 0 {
			return d, err
		}
		d.qs, err = s.SurveyQuestions(ctx, d.rounds[len(d.rounds)-1].ID)
		return d, err
	}, func(d resultsSetup) {
		t.rounds = d.rounds
		if len(d.rounds) == 0 {
			t.computes++ // a scoring under way is of a round gone
			t.res = nil
			t.roundSel.Options, t.roundSel.Selected = nil, ""
			t.roundSel.Refresh()
			t.body.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("No evaluation round yet. Import a survey, an assessment sheet or 体验官 feedback first."))}
			t.body.Refresh()
			return
		}
		names := make([]string, len(d.rounds))
		for i, r := range d.rounds {
			names[i] = r.Name
		}
		by := ""
		if i := t.groupSel.SelectedIndex(); i > 0 && i-1 < len(t.groupQs) {
			by = t.groupQs[i-1].Key
		}
		t.groupQs = nil
		opts := []string{lang.L("No breakdown")}
		group := ""
		for _, q := range d.qs {
			if q.Type == data.QSingle && len(q.Options) >= 2 && len(q.Options) <= 30 {
				t.groupQs = append(t.groupQs, q)
				opts = append(opts, q.Key+" "+chartLabel(q.Text))
				if q.Key == by {
					group = opts[len(opts)-1]
				}
			}
		}
		round := names[len(names)-1]
		if t.picked && slices.Contains(names, t.roundSel.Selected) {
			round = t.roundSel.Selected
		}
		// Set without triggering a run; then scores below.
		t.groupSel.Options, t.groupSel.Selected = opts, group
		t.roundSel.Options, t.roundSel.Selected = names, round
		t.roundSel.Refresh()
		t.groupSel.Refresh()
		then()
	})
}

// options are the scoring options the selectors describe; false when no round is chosen.
func (t *resultsTab) options() (score.Options, bool) {
	if len(t.rounds) == 0 || t.roundSel.Selected == "" {
		return score.Options{}, false
	}
	opt := score.Options{Round: t.roundSel.Selected}
	if i := t.groupSel.SelectedIndex(); i > 0 && i-1 < len(t.groupQs) {
		opt.By = t.groupQs[i-1].Key
	}
	return opt, true
}

// recompute scores the selected round off the UI goroutine, with progress and cancel.
func (t *resultsTab) recompute() {
	opt, ok := t.options()
	if !ok {
		return
	}
	t.computes++
	seq := t.computes
	t.updating.Hide()
	id, s := t.policyID, t.u.Store()
	var res *score.Result
	t.u.RunLong(lang.L("Scoring…"), func(ctx context.Context, progress func(done, total int)) error {
		opt.Progress = func(f float64) { progress(int(f*100), 100) }
		var err error
		res, err = score.ScoreWith(ctx, s, id, opt)
		return err
	}, func(err error) {
		if seq != t.computes {
			return
		}
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.apply(res)
	})
}

// recomputeQuietly scores the chosen round again after a change of the workspace, off the UI goroutine
// and without the progress dialog (the change may not be the user's own): 正在更新… shows meanwhile.
func (t *resultsTab) recomputeQuietly() {
	opt, ok := t.options()
	if !ok {
		return
	}
	t.computes++
	seq := t.computes
	t.updating.Show()
	id := t.policyID
	type scored struct {
		res *score.Result
		err error
	}
	load(t.u, func(ctx context.Context, s *store.Store) (scored, error) {
		res, err := score.ScoreWith(ctx, s, id, opt)
		return scored{res, err}, nil
	}, func(r scored) {
		if seq != t.computes {
			return
		}
		t.updating.Hide()
		if r.err != nil {
			t.u.ShowError(r.err)
			return
		}
		t.apply(r.res)
	})
}

// scoreText shows a score with one decimal, — without data.
func scoreText(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f", *v)
}

func rateText(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", *v*100)
}

func resultsHeading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}

func (t *resultsTab) apply(res *score.Result) {
	t.res = res
	var objs []fyne.CanvasObject

	// Composite and grade.
	grade := "—"
	if res.Composite.Grade != nil {
		grade = *res.Composite.Grade
	}
	t.compositeText = scoreText(res.Composite.Score)
	big := canvas.NewText(t.compositeText, theme.Color(theme.ColorNamePrimary))
	big.TextSize = theme.TextSize() * 3
	big.TextStyle.Bold = true
	gradeText := canvas.NewText(lang.L("Grade")+" "+grade, theme.Color(theme.ColorNameForeground))
	gradeText.TextSize = theme.TextSize() * 1.6
	r := res.Respondents
	resp := widget.NewLabel(fmt.Sprintf(lang.L("Responses: %d imported, %d valid (speeders %d, straight-liners %d, duplicates %d, excluded by hand %d, restored %d)"),
		r.Imported, r.Valid, r.Excluded.Speeders, r.Excluded.Straightliners, r.Excluded.Duplicates, r.Excluded.Manual, r.Restored))
	if r.Excluded.Incomplete > 0 {
		resp.SetText(resp.Text + " " + fmt.Sprintf(lang.L("Incomplete responses excluded: %d"), r.Excluded.Incomplete))
	}
	resp.Wrapping = fyne.TextWrapWord
	objs = append(objs, container.NewHBox(container.NewVBox(widget.NewLabel(lang.L("Composite score")), big), container.NewCenter(gradeText)),
		widget.NewLabel(fmt.Sprintf(lang.L("Grades: %s"), score.GradeRule)), resp)
	warnings := res.Warnings
	if h := res.Composite.HeldBack; h != "" && !slices.Contains(warnings, h) {
		warnings = append([]string{fmt.Sprintf(lang.L("Held back: %s"), h)}, warnings...)
	}
	for _, w := range warnings {
		l := widget.NewLabel("⚠ " + w)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		objs = append(objs, l)
	}

	// A card per dimension.
	t.cardTexts = nil
	var cards []fyne.CanvasObject
	var radar []radarAxis
	for _, d := range res.Dimensions {
		alpha := "—"
		if d.Alpha != nil {
			alpha = fmt.Sprintf("%.3f（%s）", *d.Alpha, score.AlphaBand(*d.Alpha))
		}
		ci := "—"
		if d.CI95 != nil {
			ci = fmt.Sprintf("%.1f – %.1f", d.CI95[0], d.CI95[1])
		}
		// The score combines the sources; its interval is the survey's sampling error carried through the
		// weights (score.ScoreCI95). The survey part's own interval is labelled as such (it was shown as the
		// score's: 66.3 over 57.3–59.8).
		sci := "—"
		if d.ScoreCI95 != nil {
			sci = fmt.Sprintf("%.1f – %.1f", d.ScoreCI95[0], d.ScoreCI95[1])
		}
		body := fmt.Sprintf(lang.L("Score %s (95%% CI %s)\nSurvey %s · Assessment %s · 体验官 %s\nn = %d · satisfied %s\nSurvey part 95%% CI %s\nCronbach's α %s"),
			scoreText(d.Score), sci, scoreText(d.Survey), scoreText(d.Assessment), scoreText(d.Officers), d.N, rateText(d.SatisfactionRate), ci, alpha)
		if d.HeldBack != "" {
			body = fmt.Sprintf(lang.L("Held back: %s"), d.HeldBack) + "\n" + body
		}
		t.cardTexts = append(t.cardTexts, body)
		cards = append(cards, widget.NewCard(d.Name, fmt.Sprintf(lang.L("weight %.0f%%"), d.Weight*100), widget.NewLabel(body)))
		radar = append(radar, radarAxis{d.Name, d.Score})
	}
	objs = append(objs, newFlow(cards...), // three across where there is room, wrapping on a 1024 px screen
		widget.NewLabel(fmt.Sprintf(lang.L("Reliability α: %s"), score.AlphaRule)))

	// Charts.
	var indBars []chartBar
	for _, d := range res.Dimensions {
		for _, ind := range d.Indicators {
			if ind.Score != nil {
				indBars = append(indBars, chartBar{label: ind.Name, value: *ind.Score, text: scoreText(ind.Score), alert: score.BelowPass(*ind.Score)})
			}
		}
	}
	var probBars []chartBar
	for _, p := range res.Problems {
		if p.Source == score.SourceSurvey && p.Incidence != nil && len(probBars) < 12 {
			probBars = append(probBars, chartBar{label: p.Item, value: *p.Incidence * 100, text: rateText(p.Incidence)})
		}
	}
	charts := []fyne.CanvasObject{
		widget.NewCard(lang.L("Dimensions"), "", newRadar(radar)),
		widget.NewCard(lang.L("Indicator scores"), "", chartOrEmpty(len(indBars), newBars(indBars, 100))),
		widget.NewCard(lang.L("Problem incidence"), "", chartOrEmpty(len(probBars), newBars(probBars, 100))),
	}
	if len(res.IPA) > 0 && res.Method.IPAMeans != nil {
		var dots []ipaPoint
		for _, p := range res.IPA {
			dots = append(dots, ipaPoint{p.Indicator, p.Importance, p.Performance})
		}
		names := [4]string{score.QuadrantFix, score.QuadrantKeep, score.QuadrantMinor, score.QuadrantOverkill}
		charts = append(charts, widget.NewCard(lang.L("Importance–performance (IPA)"), lang.L("x: importance (r with overall satisfaction), y: score"),
			newIPAScatter(dots, res.Method.IPAMeans.Importance, res.Method.IPAMeans.Performance, names)))
	}
	objs = append(objs, newFlow(charts...))

	// Breakdown.
	if b := res.Breakdown; b != nil {
		objs = append(objs, resultsHeading(fmt.Sprintf(lang.L("Breakdown by %s"), b.Question+" "+chartLabel(b.Text))))
		rows := [][]string{{lang.L("Group"), "n"}}
		for _, d := range res.Dimensions {
			rows[0] = append(rows[0], d.Name)
		}
		rows[0] = append(rows[0], lang.L("Survey composite"))
		for _, g := range b.Groups {
			row := []string{g.Value, fmt.Sprint(g.N)}
			for _, gd := range g.Dimensions {
				row = append(row, fmt.Sprintf("%s (n=%d)", scoreText(gd.Score), gd.N))
			}
			rows = append(rows, append(row, scoreText(g.Composite)))
		}
		objs = append(objs, resultsTable(rows))
	}

	// Indicator table, sortable by any column.
	objs = append(objs, resultsHeading(lang.L("Indicators")), t.indicatorTable())

	// Problems and directions.
	objs = append(objs, resultsHeading(lang.L("Problems")))
	prow := [][]string{{lang.L("Problem"), lang.L("Source"), lang.L("Incidence"), lang.L("Count")}}
	for _, p := range res.Problems {
		inc := rateText(p.Incidence)
		if p.Source == score.SourceIndicator {
			inc = lang.L("score") + " " + scoreText(p.Score)
		}
		prow = append(prow, []string{p.Item, resultSourceName(p.Source), inc, fmt.Sprint(p.Count)})
	}
	objs = append(objs, resultsTable(prow), resultsHeading(lang.L("Improvement directions")))
	drow := [][]string{{lang.L("Direction"), lang.L("Source"), lang.L("Share"), lang.L("Count")}}
	for _, d := range res.Directions {
		drow = append(drow, []string{d.Item, resultSourceName(d.Source), rateText(d.Share), fmt.Sprint(d.Count)})
	}
	for _, p := range res.IPA {
		drow = append(drow, []string{p.Indicator, "IPA " + p.Quadrant, fmt.Sprintf("r = %.2f", p.Importance), scoreText(&p.Performance)})
	}
	objs = append(objs, resultsTable(drow))

	// Excluded responses, each restorable.
	objs = append(objs, resultsHeading(fmt.Sprintf(lang.L("Excluded responses (%d)"), len(res.Excluded))), t.excludeForm(), t.excludedList())
	t.body.Objects = objs
	t.body.Refresh()
}

func chartOrEmpty(n int, c fyne.CanvasObject) fyne.CanvasObject {
	if n == 0 {
		return widget.NewLabel(lang.L("No data"))
	}
	return c
}

func resultSourceName(s string) string {
	switch s {
	case score.SourceSurvey:
		return lang.L("Survey")
	case score.SourceAssessment:
		return lang.L("Third-party assessment")
	case score.SourceOfficers:
		return lang.L("体验官")
	case score.SourceIndicator:
		return lang.L("Low-scoring indicator")
	}
	return s
}

// resultsTable lays out rows of texts as a simple table; the first row is the header.
func resultsTable(rows [][]string) fyne.CanvasObject {
	if len(rows) == 0 {
		return widget.NewLabel("")
	}
	cols := len(rows[0])
	var cells []fyne.CanvasObject
	for i, r := range rows {
		for j := 0; j < cols; j++ {
			s := ""
			if j < len(r) {
				s = r[j]
			}
			l := widget.NewLabel(s)
			l.Wrapping = fyne.TextWrapWord
			if i == 0 {
				l.TextStyle.Bold = true
			}
			cells = append(cells, l)
		}
	}
	return container.NewGridWithColumns(cols, cells...)
}

type indicatorRow struct {
	dim, name, questions string
	score                *float64
	n                    int
	sat                  *float64
	weight               float64
	heldBack             string // why the indicator has no score although it has answers
}

var indicatorCols = []string{"Dimension", "Indicator", "Questions", "Weight", "Score", "n", "Satisfied"}

// indicatorRows lists the indicators sorted by the chosen column.
func (t *resultsTab) indicatorRows() []indicatorRow {
	var rows []indicatorRow
	for _, d := range t.res.Dimensions {
		for _, ind := range d.Indicators {
			rows = append(rows, indicatorRow{d.Name, ind.Name, strings.Join(ind.Questions, "、"), ind.Score, ind.N, ind.SatisfactionRate, ind.Weight, ind.HeldBack})
		}
	}
	num := func(p *float64) float64 {
		if p == nil {
			return -1
		}
		return *p
	}
	less := func(a, b indicatorRow) bool {
		switch t.sortCol {
		case 0:
			return a.dim < b.dim
		case 1:
			return a.name < b.name
		case 2:
			return a.questions < b.questions
		case 3:
			return a.weight < b.weight
		case 4:
			return num(a.score) < num(b.score)
		case 5:
			return a.n < b.n
		case 6:
			return num(a.sat) < num(b.sat)
		}
		return false
	}
	if t.sortCol >= 0 {
		sort.SliceStable(rows, func(i, j int) bool {
			if t.sortAsc {
				return less(rows[i], rows[j])
			}
			return less(rows[j], rows[i])
		})
	}
	return rows
}

func (t *resultsTab) indicatorTable() fyne.CanvasObject {
	rows := t.indicatorRows()
	var cells []fyne.CanvasObject
	for i, c := range indicatorCols {
		i := i
		label := lang.L(c)
		if i == t.sortCol {
			if t.sortAsc {
				label += " ▲"
			} else {
				label += " ▼"
			}
		}
		b := widget.NewButton(label, func() { t.sortBy(i) })
		b.Importance = widget.LowImportance
		cells = append(cells, b)
	}
	for _, r := range rows {
		sc := scoreText(r.score)
		if r.heldBack != "" {
			sc = lang.L("Held back")
		}
		for _, s := range []string{r.dim, r.name, r.questions, fmt.Sprintf("%.0f%%", r.weight*100), sc, fmt.Sprint(r.n), rateText(r.sat)} {
			l := widget.NewLabel(s)
			l.Wrapping = fyne.TextWrapWord
			cells = append(cells, l)
		}
	}
	return container.NewGridWithColumns(len(indicatorCols), cells...)
}

// sortBy sorts the indicator table by column i; a second click reverses the order.
func (t *resultsTab) sortBy(i int) {
	if t.sortCol == i {
		t.sortAsc = !t.sortAsc
	} else {
		t.sortCol, t.sortAsc = i, i <= 2 // texts ascending, numbers highest first
	}
	if t.res != nil {
		t.apply(t.res)
	}
}

func exclusionReasonName(r string) string {
	switch r {
	case score.ReasonIncomplete:
		return lang.L("Incomplete")
	case score.ReasonSpeeder:
		return lang.L("Speeder")
	case score.ReasonStraightline:
		return lang.L("Straight-liner")
	case score.ReasonDuplicate:
		return lang.L("Duplicate")
	case score.ReasonManual:
		return lang.L("Excluded by hand")
	}
	return r
}

func (t *resultsTab) excludedList() fyne.CanvasObject {
	if len(t.res.Excluded) == 0 {
		return widget.NewLabel(lang.L("No response was excluded."))
	}
	box := container.NewVBox()
	for i, e := range t.res.Excluded {
		if i == 200 {
			box.Add(widget.NewLabel(fmt.Sprintf(lang.L("… and %d more"), len(t.res.Excluded)-200)))
			break
		}
		e := e
		txt := fmt.Sprintf(lang.L("Response %d — %s: %s"), e.ResponseID, exclusionReasonName(e.Reason), e.Detail)
		var btn *widget.Button
		if e.Restored || e.Reason == score.ReasonManual {
			if e.Restored {
				txt += " " + lang.L("(restored)")
			}
			btn = widget.NewButton(lang.L("Undo"), func() { t.override(e.ResponseID, nil) })
		} else {
			restore := true
			btn = widget.NewButton(lang.L("Restore"), func() { t.override(e.ResponseID, &restore) })
		}
		l := widget.NewLabel(txt)
		l.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, btn, l))
	}
	return box
}

// excludeForm excludes a response by hand: its number (the first column of the survey table) and why.
func (t *resultsTab) excludeForm() fyne.CanvasObject {
	t.excludeID, t.excludeNote = widget.NewEntry(), widget.NewEntry()
	t.excludeID.SetPlaceHolder(lang.L("Response no."))
	t.excludeNote.SetPlaceHolder(lang.L("Reason (optional)"))
	btn := widget.NewButton(lang.L("Exclude"), t.excludeByHand)
	return container.NewBorder(nil, nil, widget.NewLabel(lang.L("Exclude a response by hand")), btn,
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(120, t.excludeID.MinSize().Height), t.excludeID), nil, t.excludeNote))
}

func (t *resultsTab) excludeByHand() {
	id, err := strconv.ParseInt(strings.TrimSpace(t.excludeID.Text), 10, 64)
	if err != nil || id <= 0 {
		t.u.ShowError(&data.InputError{Msg: lang.L("Enter the number of a response: the first column of the table on the Survey page.")})
		return
	}
	exclude := false
	t.overrideNote(id, &exclude, strings.TrimSpace(t.excludeNote.Text))
}

// override records (or with restore nil, clears) a hand decision and scores again.
func (t *resultsTab) override(responseID int64, restore *bool) {
	t.overrideNote(responseID, restore, "")
}

func (t *resultsTab) overrideNote(responseID int64, restore *bool, note string) {
	policy, round := t.policyID, t.roundSel.Selected
	t.u.write(func(ctx context.Context, s *store.Store) error {
		if restore == nil {
			return score.ClearOverride(ctx, s, responseID)
		}
		rd, err := s.ResolveRound(ctx, policy, round)
		if err != nil {
			return err
		}
		return score.SetOverride(ctx, s, rd.ID, responseID, *restore, note)
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.recompute()
	})
}
