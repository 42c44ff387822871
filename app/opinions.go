package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 20, Title: "Opinions", Build: buildOpinions})
}

// opinionsTab is the policy's public opinions: clusters on the left (tap one to see its opinions), the
// opinions with filters on the right; decisions, merge/split/move, import and the adoption feedback.
type opinionsTab struct {
	u        *UI
	policyID int64
	addForm  dialog.Dialog // the last 添加意见 form (tests)

	summary   *widget.Label
	threshold *widget.Entry
	concMin   *widget.Entry
	onlyConc  *widget.Check
	clusterL  *widget.List
	clause    *widget.Select
	decision  *widget.Select
	showing   *widget.Label
	info      *widget.Label // the selected cluster: representative text, decision, reason
	opinionL  *widget.List
	content   fyne.CanvasObject

	d           opinionsData
	clusters    []loop.Cluster // shown (after "only concentrated")
	opinions    []loop.Opinion // shown (after filters)
	cluster     int64          // cluster filter, 0 = all
	checkedCl   map[int64]bool
	checkedOp   map[int64]bool
	clusterByID map[int64]loop.Cluster

	undo     *loop.MergeUndo // the last merge, while it can be undone
	undoBar  *fyne.Container // says what was merged, with 撤销合并
	undoText *widget.Label
}

type opinionsData struct {
	policy    data.Policy
	settings  loop.Settings
	summary   loop.Summary
	clusters  []loop.Cluster
	opinions  []loop.Opinion
	templates []loop.ReasonTemplate
	feedback  []loop.Publication
}

const (
	allClauses   = "All clauses"
	allDecisions = "All decisions"
	undecided    = "Undecided"
)

func buildOpinions(u *UI, policyID int64) fyne.CanvasObject {
	return newOpinionsTab(u, policyID).content
}

func newOpinionsTab(u *UI, policyID int64) *opinionsTab {
	t := &opinionsTab{u: u, policyID: policyID, checkedCl: map[int64]bool{}, checkedOp: map[int64]bool{}}
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.threshold = widget.NewEntry()
	t.concMin = widget.NewEntry()
	toolbar := newFlow( // wraps on a narrow window
		widget.NewButtonWithIcon(lang.L("Import opinions…"), theme.FolderOpenIcon(), t.onImport),
		widget.NewButton(lang.L("Take survey open answers"), t.onSurvey),
		widget.NewButtonWithIcon(lang.L("Add opinion…"), theme.ContentAddIcon(), t.onAdd),
		widget.NewButton(lang.L("Imports…"), t.onImports),
		container.NewHBox(widget.NewLabel(lang.L("Similarity")), container.NewGridWrap(fyne.NewSize(70, 36), t.threshold),
			widget.NewLabel(lang.L("Concentrated at")), container.NewGridWrap(fyne.NewSize(56, 36), t.concMin)),
		widget.NewButtonWithIcon(lang.L("Re-cluster"), theme.ViewRefreshIcon(), t.onRecluster),
		widget.NewButtonWithIcon(lang.L("Publish adoption feedback…"), theme.MailSendIcon(), t.onPublish),
	)

	t.onlyConc = widget.NewCheck(lang.L("Only concentrated clusters"), func(bool) { t.applyFilters() })
	t.clusterL = widget.NewList(func() int { return len(t.clusters) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, l)
	}, t.updateClusterRow)
	t.clusterL.OnSelected = func(i widget.ListItemID) {
		if i < len(t.clusters) {
			t.cluster = t.clusters[i].ID
			t.applyFilters()
		}
	}
	clusterButtons := newFlow(
		widget.NewButton(lang.L("Decide checked clusters…"), t.onDecideClusters),
		widget.NewButton(lang.L("Merge checked clusters"), t.onMerge),
	)
	left := container.NewBorder(container.NewVBox(widget.NewLabelWithStyle(lang.L("Clusters"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.onlyConc),
		clusterButtons, nil, nil, t.clusterL)

	t.clause = widget.NewSelect(nil, func(string) { t.applyFilters() })
	t.decision = widget.NewSelect([]string{lang.L(allDecisions), lang.L(undecided), loop.Adopted, loop.PartlyAdopted, loop.NotAdopted, loop.NotHandled}, func(string) { t.applyFilters() })
	t.decision.SetSelectedIndex(0)
	t.showing = widget.NewLabel("")
	showAll := widget.NewButton(lang.L("All clusters"), func() {
		t.cluster = 0
		t.clusterL.UnselectAll()
		t.applyFilters()
	})
	filters := newFlow(t.clause, t.decision, showAll, t.showing)
	t.info = widget.NewLabel("")
	t.info.Wrapping = fyne.TextWrapWord
	t.opinionL = widget.NewList(func() int { return len(t.opinions) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, l)
	}, t.updateOpinionRow)
	t.opinionL.OnSelected = func(i widget.ListItemID) { t.showOpinion(i) }
	opButtons := newFlow(
		widget.NewButton(lang.L("Decide checked opinions…"), t.onDecideOpinions),
		widget.NewButton(lang.L("Split off as a new cluster"), t.onSplit),
		widget.NewButton(lang.L("Move to cluster…"), t.onMove),
		widget.NewButtonWithIcon(lang.L("Delete checked opinions"), theme.DeleteIcon(), t.onDelete),
	)
	right := container.NewBorder(container.NewVBox(filters, t.info), opButtons, nil, nil, t.opinionL)
	split := container.NewHSplit(left, right)
	split.Offset = 0.45
	t.undoText = widget.NewLabel("")
	t.undoText.Wrapping = fyne.TextWrapWord
	t.undoBar = container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon(lang.L("Undo merge"), theme.ContentUndoIcon(), t.onUndoMerge), t.undoText)
	t.undoBar.Hide()
	t.content = container.NewBorder(container.NewVBox(t.summary, toolbar, t.undoBar), nil, nil, nil, split)
	t.reload()
	return t
}

func (t *opinionsTab) reload() {
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) (opinionsData, error) {
		var d opinionsData
		var err error
		if d.policy, err = s.Policy(ctx, id); err != nil {
			return d, err
		}
		if d.settings, err = loop.GetSettings(ctx, s, id); err != nil {
			return d, err
		}
		if d.summary, err = loop.GetSummary(ctx, s, id); err != nil {
			return d, err
		}
		if d.clusters, err = loop.Clusters(ctx, s, id); err != nil {
			return d, err
		}
		if d.opinions, err = loop.Opinions(ctx, s, id); err != nil {
			return d, err
		}
		if d.templates, err = loop.ReasonTemplates(ctx, s); err != nil {
			return d, err
		}
		d.feedback, err = loop.Publications(ctx, s, id, loop.WhatFeedback)
		return d, err
	}, t.apply)
}

func (t *opinionsTab) apply(d opinionsData) {
	t.d = d
	t.clusterByID = map[int64]loop.Cluster{}
	for _, c := range d.clusters {
		t.clusterByID[c.ID] = c
	}
	if _, ok := t.clusterByID[t.cluster]; !ok {
		t.cluster = 0
	}
	t.threshold.SetText(strconv.FormatFloat(d.settings.Similarity, 'f', -1, 64))
	t.concMin.SetText(strconv.Itoa(d.settings.ConcentratedMin))
	s := d.summary
	text := fmt.Sprintf(lang.L("%d opinions in %d clusters; %d concentrated (at least %d opinions), %d of them undecided."),
		s.Opinions, s.Clusters, s.Concentrated, d.settings.ConcentratedMin, s.Undecided)
	if s.Opinions == 0 {
		text = lang.L("No opinions yet. Import the consultation export (.xlsx, .xls or .csv with a column 意见内容), take the open answers of a survey, or add one by hand.")
	}
	if s.Feedback != nil {
		text += " " + fmt.Sprintf(lang.L("Adoption feedback published on %s (version %d)"), s.Feedback.Date, s.Feedback.Version)
	}
	t.summary.SetText(text)
	clauses := map[string]bool{}
	for _, o := range d.opinions {
		for _, c := range o.Clauses {
			clauses[c] = true
		}
	}
	opts := []string{lang.L(allClauses)}
	var cs []string
	for c := range clauses {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	t.clause.Options = append(opts, cs...)
	t.clause.Refresh()
	if t.clause.Selected == "" || !containsStr(t.clause.Options, t.clause.Selected) {
		t.clause.SetSelectedIndex(0)
	}
	t.applyFilters()
}

// applyFilters recomputes what the two lists show.
func (t *opinionsTab) applyFilters() {
	if t.opinionL == nil { // a select's callback while the tab is being built
		return
	}
	t.clusters = t.clusters[:0]
	for _, c := range t.d.clusters {
		if t.onlyConc.Checked && !c.Concentrated {
			continue
		}
		t.clusters = append(t.clusters, c)
	}
	f := loop.OpinionFilter{Cluster: t.cluster, Clause: t.clause.Selected, Decision: t.decision.Selected}
	if f.Clause == lang.L(allClauses) {
		f.Clause = ""
	}
	switch f.Decision {
	case lang.L(allDecisions):
		f.Decision = ""
	case lang.L(undecided):
		f.Decision = loop.UndecidedFilter
	}
	t.opinions = loop.FilterOpinions(t.d.opinions, f)
	if c, ok := t.clusterByID[t.cluster]; ok {
		t.showing.SetText(fmt.Sprintf(lang.L("Cluster %d: %d opinions"), t.cluster, len(t.opinions)))
		info := fmt.Sprintf("%s：%s\n%s：%s", lang.L("Representative opinion"), c.Representative, lang.L("Decision"), decisionText(c.Decision))
		if c.Reason != nil && *c.Reason != "" {
			info += "　" + lang.L("Reason") + "：" + *c.Reason
		}
		t.info.SetText(info)
		t.info.Show()
	} else {
		t.showing.SetText(fmt.Sprintf(lang.L("%d opinions"), len(t.opinions)))
		t.info.Hide()
	}
	t.clusterL.Refresh()
	t.opinionL.Refresh()
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func decisionText(d *string) string {
	if d == nil {
		return lang.L(undecided)
	}
	return *d
}

func (t *opinionsTab) updateClusterRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(t.clusters) {
		return
	}
	c := t.clusters[i]
	row := o.(*fyne.Container)
	label := row.Objects[0].(*widget.Label)
	check := row.Objects[1].(*widget.Check)
	conc := ""
	if c.Concentrated {
		conc = lang.L("concentrated") + " · "
	}
	state := decisionText(c.Decision)
	if c.Published {
		state += " · " + lang.L("published")
	}
	label.SetText(fmt.Sprintf("#%d ×%d %s%s [%s] %s", c.ID, c.Size, conc, strings.Join(c.Clauses, "、"), state, flatText(c.Representative)))
	if c.Concentrated && (c.Undecided > 0 || c.MissingReasons > 0) {
		label.Importance = widget.WarningImportance
	} else {
		label.Importance = widget.MediumImportance
	}
	label.Refresh()
	id := c.ID
	check.OnChanged = nil
	check.SetChecked(t.checkedCl[id])
	check.OnChanged = func(b bool) { t.checkedCl[id] = b }
}

func (t *opinionsTab) updateOpinionRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(t.opinions) {
		return
	}
	op := t.opinions[i]
	row := o.(*fyne.Container)
	label := row.Objects[0].(*widget.Label)
	check := row.Objects[1].(*widget.Check)
	cl := "-"
	if op.Cluster != nil {
		cl = fmt.Sprint(*op.Cluster)
	}
	label.SetText(fmt.Sprintf("%d · %s %s · %s [%s] %s", op.ID, lang.L("cluster"), cl, sourceName(op.Source), decisionText(op.Decision), flatText(op.Content)))
	id := op.ID
	check.OnChanged = nil
	check.SetChecked(t.checkedOp[id])
	check.OnChanged = func(b bool) { t.checkedOp[id] = b }
}

func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }

func sourceName(s string) string {
	switch s {
	case loop.SourceConsultation:
		return lang.L("consultation")
	case loop.SourceSurvey:
		return lang.L("survey")
	case loop.SourceHotline:
		return lang.L("hotline")
	case loop.SourceOfficer:
		return lang.L("Policy officer (体验官)")
	}
	return lang.L("by hand")
}

// showOpinion shows one opinion in full (personal data stays in the workspace; it is shown to the team).
func (t *opinionsTab) showOpinion(i int) {
	if i >= len(t.opinions) {
		return
	}
	o := t.opinions[i]
	lines := []string{o.Content, "",
		fmt.Sprintf("%s：%s", lang.L("Source"), sourceName(o.Source)),
		fmt.Sprintf("%s：%s", lang.L("Clauses"), o.Clause),
		fmt.Sprintf("%s：%s", lang.L("Submitted"), o.Submitted),
		fmt.Sprintf("%s：%s %s", lang.L("Submitter (not published)"), o.Submitter, o.Contact),
		fmt.Sprintf("%s：%s", lang.L("Decision"), decisionText(o.Decision)),
	}
	if o.Reason != nil && *o.Reason != "" {
		lines = append(lines, fmt.Sprintf("%s：%s", lang.L("Reason"), *o.Reason))
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	dialog.ShowCustom(fmt.Sprintf(lang.L("Opinion %d"), o.ID), lang.L("Close"), container.NewGridWrap(fyne.NewSize(560, 300), container.NewVScroll(l)), t.u.Win)
	t.opinionL.UnselectAll()
}

func checkedIDs(m map[int64]bool) []int64 {
	var out []int64
	for id, ok := range m {
		if ok {
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func (t *opinionsTab) onDecideClusters() {
	ids := checkedIDs(t.checkedCl)
	if len(ids) == 0 && t.cluster != 0 {
		ids = []int64{t.cluster}
	}
	if len(ids) == 0 {
		t.u.ShowError(data.InputErrorf("%s", lang.L("Check one or more clusters first (or tap a cluster).")))
		return
	}
	var current, reason *string
	published, conc := false, false
	for i, id := range ids {
		c := t.clusterByID[id]
		published = published || c.Published || c.Amended
		conc = conc || c.Concentrated
		if i == 0 {
			current, reason = c.Decision, c.Reason
		} else if c.Decision == nil || current == nil || *c.Decision != *current {
			current, reason = nil, nil
		}
	}
	showDecisionEditor(t.u, t.policyID, ids, nil, current, reason, published, conc, t.d.templates, t.afterChange)
}

func (t *opinionsTab) onDecideOpinions() {
	ids := checkedIDs(t.checkedOp)
	if len(ids) == 0 {
		t.u.ShowError(data.InputErrorf("%s", lang.L("Check one or more opinions first.")))
		return
	}
	conc := false
	for _, o := range t.d.opinions {
		if containsID(ids, o.ID) && o.Cluster != nil && t.clusterByID[*o.Cluster].Concentrated {
			conc = true
		}
	}
	showDecisionEditor(t.u, t.policyID, nil, ids, nil, nil, false, conc, t.d.templates, t.afterChange)
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// change runs an edit off the UI goroutine (adding or deleting re-clusters the whole policy), then reloads;
// a refusal is shown as it is.
func (t *opinionsTab) change(edit func(ctx context.Context, s *store.Store) error) {
	t.changeOr(edit, nil)
}

// changeOr is change with onFail run (before the error is shown) when edit fails: a form reopens with what
// was typed.
func (t *opinionsTab) changeOr(edit func(ctx context.Context, s *store.Store) error, onFail func()) {
	t.setUndo(nil) // a merge is undone before anything else changes, or not at all
	s := t.u.store
	t.u.RunLong(lang.L("Updating opinions"), func(ctx context.Context, _ func(int, int)) error {
		return edit(ctx, s)
	}, func(err error) {
		if err != nil {
			if onFail != nil {
				onFail()
			}
			t.u.ShowError(err)
			return
		}
		t.afterChange()
	})
}

func (t *opinionsTab) afterChange() {
	t.checkedCl, t.checkedOp = map[int64]bool{}, map[int64]bool{}
	t.reload()
}

func (t *opinionsTab) onMerge() {
	ids := checkedIDs(t.checkedCl)
	if len(ids) < 2 {
		t.u.ShowError(data.InputErrorf("%s", lang.L("Check at least two clusters to merge.")))
		return
	}
	// The largest (or the decided) cluster absorbs the others.
	target := ids[0]
	for _, id := range ids {
		c, tc := t.clusterByID[id], t.clusterByID[target]
		if (c.Decision != nil && tc.Decision == nil) || (c.Decision != nil) == (tc.Decision != nil) && c.Size > tc.Size {
			target = id
		}
	}
	var others []int64
	total := 0
	for _, id := range ids {
		total += t.clusterByID[id].Size
		if id != target {
			others = append(others, id)
		}
	}
	t.u.confirm(lang.L("Merge checked clusters"), fmt.Sprintf(lang.L("Merge clusters %s into cluster %s (%d opinions in all)? The merge can be undone."), clusterList(others), clusterList([]int64{target}), total),
		lang.L("Merge"), func() {
			t.setUndo(nil)
			s := t.u.store
			var undo loop.MergeUndo
			t.u.RunLong(lang.L("Updating opinions"), func(ctx context.Context, _ func(int, int)) error {
				var err error
				undo, err = loop.MergeWithUndo(ctx, s, t.policyID, target, others)
				return err
			}, func(err error) {
				if err != nil {
					t.u.ShowError(err)
					return
				}
				t.afterChange()
				t.setUndo(&undo)
			})
		})
}

// setUndo offers to undo merge u (nil: nothing to undo).
func (t *opinionsTab) setUndo(u *loop.MergeUndo) {
	t.undo = u
	if u == nil {
		t.undoBar.Hide()
		return
	}
	var gone []int64
	for _, g := range u.Groups {
		gone = append(gone, g.Cluster)
	}
	t.undoText.SetText(fmt.Sprintf(lang.L("Clusters %s were merged into cluster %s."), clusterList(gone), clusterList([]int64{u.Target})))
	t.undoBar.Show()
}

// onUndoMerge splits the last merge back (loop.Unmerge): each merged cluster's opinions into a cluster
// of their own, with the decision it had.
func (t *opinionsTab) onUndoMerge() {
	u := t.undo
	if u == nil {
		return
	}
	t.setUndo(nil)
	t.change(func(ctx context.Context, s *store.Store) error {
		_, err := loop.Unmerge(ctx, s, *u)
		return err
	})
}

// clusterList names clusters for a message: "#8、#9".
func clusterList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("#%d", id)
	}
	return strings.Join(parts, "、")
}

func (t *opinionsTab) onSplit() {
	ids := checkedIDs(t.checkedOp)
	if len(ids) == 0 {
		t.u.ShowError(data.InputErrorf("%s", lang.L("Check the opinions to split off first.")))
		return
	}
	t.change(func(ctx context.Context, s *store.Store) error {
		_, err := loop.Move(ctx, s, t.policyID, ids, 0)
		return err
	})
}

func (t *opinionsTab) onMove() {
	ids := checkedIDs(t.checkedOp)
	if len(ids) == 0 {
		t.u.ShowError(data.InputErrorf("%s", lang.L("Check the opinions to move first.")))
		return
	}
	to := widget.NewEntry()
	to.SetPlaceHolder(lang.L("Cluster number"))
	dialog.ShowForm(lang.L("Move to cluster…"), lang.L("Move"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("Cluster"), to)}, func(ok bool) {
		if !ok {
			return
		}
		target, err := idsOf(to.Text)
		if err == nil && len(target) != 1 {
			err = data.InputErrorf("%s", lang.L("Give one cluster number."))
		}
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.change(func(ctx context.Context, s *store.Store) error {
			_, err := loop.Move(ctx, s, t.policyID, ids, target[0])
			return err
		})
	}, t.u.Win)
}

func (t *opinionsTab) onRecluster() {
	v, err := strconv.ParseFloat(strings.TrimSpace(t.threshold.Text), 64)
	if err != nil {
		t.u.ShowError(data.InputErrorf(lang.L("The similarity threshold should be a number between 0 and 1, e.g. %g"), loop.DefaultSimilarity))
		return
	}
	n, err := strconv.Atoi(strings.TrimSpace(t.concMin.Text))
	if err != nil {
		t.u.ShowError(data.InputErrorf(lang.L("A cluster is concentrated at a whole number of opinions, e.g. %d"), loop.DefaultConcentratedMin))
		return
	}
	st := loop.Settings{Similarity: v, ConcentratedMin: n}
	id := t.policyID
	t.u.RunLong(lang.L("Re-cluster"), func(ctx context.Context, _ func(int, int)) error {
		if err := loop.SetSettings(ctx, t.u.store, id, st); err != nil {
			return err
		}
		return loop.Recluster(ctx, t.u.store, id, false)
	}, func(err error) {
		t.u.ShowError(err)
		t.afterChange()
	})
}

func (t *opinionsTab) onImport() {
	t.u.pickFile([]string{".xlsx", ".xlsm", ".xls", ".csv", ".txt"}, "", t.importFile)
}

// importFile imports a consultation export off the UI goroutine, with progress and cancel.
func (t *opinionsTab) importFile(path string) {
	var sum loop.ImportSummary
	id := t.policyID
	t.u.RunLong(lang.L("Importing opinions"), func(ctx context.Context, progress func(int, int)) error {
		var err error
		sum, err = loop.ImportFile(ctx, t.u.store, id, path, func(done, total int64) { progress(int(done>>10), int(total>>10)) })
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.u.showInfo(lang.L("Opinions imported"), importSummaryText(sum))
		t.afterChange()
	})
}

func importSummaryText(sum loop.ImportSummary) string {
	text := fmt.Sprintf(lang.L("%d rows read, %d opinions imported; %d clusters, %d concentrated."), sum.Rows, sum.Imported, sum.Clusters, sum.Concentrated)
	if len(sum.Warnings) > 0 {
		text += "\n" + strings.Join(sum.Warnings, "\n")
	}
	return text
}

// importOpinionsFile imports a consultation export dropped on the window (see dropSheet).
func importOpinionsFile(u *UI, policyID int64, path string) {
	var sum loop.ImportSummary
	u.RunLong(lang.L("Importing opinions"), func(ctx context.Context, progress func(int, int)) error {
		var err error
		sum, err = loop.ImportFile(ctx, u.store, policyID, path, nil)
		return err
	}, func(err error) {
		if err != nil {
			u.ShowError(err)
			return
		}
		u.showInfo(lang.L("Opinions imported"), importSummaryText(sum))
		u.Refresh()
	})
}

func (t *opinionsTab) onSurvey() {
	id := t.policyID
	var sum loop.ImportSummary
	t.u.RunLong(lang.L("Importing opinions"), func(ctx context.Context, _ func(int, int)) error {
		var err error
		sum, err = loop.ImportSurvey(ctx, t.u.store, id, "")
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.u.showInfo(lang.L("Opinions imported"), importSummaryText(sum))
		t.afterChange()
	})
}

func (t *opinionsTab) onAdd() {
	content := widget.NewMultiLineEntry()
	content.Wrapping = fyne.TextWrapWord
	content.SetMinRowsVisible(4)
	clause := widget.NewEntry()
	clause.SetPlaceHolder(lang.L("e.g. 第五条"))
	source := widget.NewSelect([]string{lang.L("by hand"), lang.L("hotline"), lang.L("Policy officer (体验官)")}, nil)
	source.SetSelectedIndex(0)
	submitter := widget.NewEntry()
	contact := widget.NewEntry()
	date := dateEntry(todayDate())
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Opinion"), content),
		widget.NewFormItem(lang.L("Clauses"), clause),
		widget.NewFormItem(lang.L("Source"), source),
		widget.NewFormItem(lang.L("Submitter (not published)"), submitter),
		widget.NewFormItem(lang.L("Contact (not published)"), contact),
		widget.NewFormItem(lang.L("Date"), date),
	}
	var d dialog.Dialog
	d = dialog.NewForm(lang.L("Add opinion…"), lang.L("Add"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		src := []string{loop.SourceManual, loop.SourceHotline, loop.SourceOfficer}[max(0, source.SelectedIndex())]
		o := loop.Opinion{Content: content.Text, Clause: clause.Text, Source: src, Submitter: submitter.Text, Contact: contact.Text, Submitted: date.Text}
		t.changeOr(func(ctx context.Context, s *store.Store) error {
			_, err := loop.AddOpinion(ctx, s, t.policyID, o)
			return err
		}, d.Show)
	}, t.u.Win)
	t.addForm = d
	d.Resize(fyne.NewSize(620, 460))
	d.Show()
}

// onPublish takes the user to the 发布 tab, where both publications are made (publications.go).
func (t *opinionsTab) onPublish() { t.u.showPolicyTab("Publish") }

func (t *opinionsTab) onDelete() {
	ids := checkedIDs(t.checkedOp)
	if len(ids) == 0 {
		t.u.ShowError(data.InputErrorf("%s", lang.L("Check the opinions to delete first.")))
		return
	}
	t.u.confirm(lang.L("Delete checked opinions"), fmt.Sprintf(lang.L("Delete %d opinions? Opinions already published cannot be deleted."), len(ids)), lang.L("Delete"), func() {
		t.change(func(ctx context.Context, s *store.Store) error {
			return loop.DeleteOpinionsWithBackup(ctx, s, t.policyID, ids)
		})
	})
}

// onImports lists the imported batches; a batch imported by mistake can be taken back while unpublished.
func (t *opinionsTab) onImports() {
	ims, err := loop.Imports(context.Background(), t.u.store, t.policyID)
	if err != nil {
		t.u.ShowError(err)
		return
	}
	rows := container.NewVBox()
	var d dialog.Dialog
	if len(ims) == 0 {
		rows.Add(widget.NewLabel(lang.L("Nothing imported yet.")))
	}
	for _, im := range ims {
		im := im
		del := widget.NewButtonWithIcon(lang.L("Take back"), theme.DeleteIcon(), func() {
			t.u.confirm(lang.L("Take back"), fmt.Sprintf(lang.L("Delete the %d opinions of %s?"), im.Opinions, im.File), lang.L("Take back"), func() {
				d.Hide()
				t.change(func(ctx context.Context, s *store.Store) error {
					return loop.DeleteImportWithBackup(ctx, s, t.policyID, im.ID)
				})
			})
		})
		text := fmt.Sprintf(lang.L("%s — %d rows, %d opinions, %s"), im.File, im.Rows, im.Opinions, im.ImportedAt)
		rows.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
	}
	d = dialog.NewCustom(lang.L("Imports…"), lang.L("Close"), container.NewGridWrap(fyne.NewSize(640, 300), container.NewVScroll(rows)), t.u.Win)
	d.Show()
}
