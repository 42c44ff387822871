package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/assets/sample/opinions"
	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/stage"
)

// samplePolicy is a policy issued 2026-04-15 with the bundled sample opinions imported.
func samplePolicy(t *testing.T, u *UI) int64 {
	t.Helper()
	id := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施", Issued: "2026-04-15"})
	path := filepath.Join(t.TempDir(), "意见.xlsx")
	os.WriteFile(path, opinions.XLSX, 0o644)
	if _, err := loop.ImportFile(context.Background(), u.store, id, path, nil); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestOpinionsTabDecideAndPublish(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u)
	tab := newOpinionsTab(u, id)
	if len(tab.clusters) == 0 || tab.clusters[0].Size != 26 || !strings.Contains(tab.summary.Text, "148 条意见") {
		t.Fatalf("clusters %d, summary %q", len(tab.clusters), tab.summary.Text)
	}
	// Tapping a cluster shows its opinions.
	tab.clusterL.Select(0)
	if len(tab.opinions) != 26 || !strings.Contains(tab.showing.Text, "26") {
		t.Errorf("cluster filter: %d opinions, %q", len(tab.opinions), tab.showing.Text)
	}
	// 部分采纳 of the concentrated cluster without a reason is refused in the window too.
	e := showDecisionEditor(u, id, []int64{tab.clusters[0].ID}, nil, nil, nil, false, true, tab.d.templates, tab.afterChange)
	e.decision.SetSelected(loop.PartlyAdopted)
	e.onSave()
	if !strings.Contains(u.lastError, "须说明理由") {
		t.Errorf("error %q, want the reason rule", u.lastError)
	}
	// Publishing (on the 发布 tab, dated the issue day) is refused while concentrated clusters are
	// undecided, and the card says why.
	pub := newPublishTab(u, id)
	p := pub.feedback
	if p.date.Text != "2026-04-15" || !strings.Contains(p.verdict.Text, "暂不能公开") || !strings.Contains(p.verdict.Text, "尚未作出处理意见") || !p.publish.Disabled() {
		t.Errorf("publish step before deciding: date %q, %q, publish disabled %v", p.date.Text, p.verdict.Text, p.publish.Disabled())
	}
	p.date.SetText("2026-13-01")
	if !strings.Contains(p.verdict.Text, "无法识别的日期") {
		t.Errorf("bad date: %q", p.verdict.Text)
	}
	// Bulk: check every concentrated cluster, give one reason template, publish.
	for _, c := range tab.d.clusters {
		if c.Concentrated {
			tab.checkedCl[c.ID] = true
		}
	}
	tab.onlyConc.SetChecked(true)
	if len(tab.clusters) != 6 {
		t.Errorf("only concentrated: %d clusters", len(tab.clusters))
	}
	e = showDecisionEditor(u, id, checkedIDs(tab.checkedCl), nil, nil, nil, false, true, tab.d.templates, tab.afterChange)
	e.decision.SetSelected(loop.PartlyAdopted)
	e.template.SetSelectedIndex(1)
	u.lastError = ""
	e.onSave()
	if u.lastError != "" {
		t.Fatalf("bulk decision: %s", u.lastError)
	}
	p.date.SetText("2026-04-15")
	if p.publish.Disabled() || !strings.Contains(p.verdict.Text, "可以公开") {
		t.Errorf("publish step after deciding: %q", p.verdict.Text)
	}
	p.doPublish()
	if !strings.Contains(p.status.Text, "第 1 版") || !strings.Contains(p.history.Text, "第 1 版，2026-04-15 公开") {
		t.Errorf("publish result %q / %q (error %q)", p.status.Text, p.history.Text, u.lastError)
	}
	tab.afterChange() // the window's change notification does this (live.go)
	if tab.d.summary.Feedback == nil || !strings.Contains(tab.summary.Text, "采纳情况已于 2026-04-15 公开") {
		t.Errorf("summary after publishing %q", tab.summary.Text)
	}
	// The overview's timeline now shows the stage's real state.
	o, err := loadOverview(context.Background(), u.store, id, "2026-05-01")
	if f := o.Stages[2]; err != nil || f.Stage != data.StageFeedback || f.State != stage.Done || !strings.Contains(f.Reason, "2026-04-15") {
		t.Errorf("feedback stage %+v %v", f, err)
	}
}

func TestRevisionsTabDiff(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u)
	if _, err := loop.AddRevision(context.Background(), u.store, id, loop.RevisionInput{Clause: "第五条",
		Before: "审批时限不超过20个工作日。", After: "审批时限不超过15个工作日。", Reason: "采纳公众意见", Date: "2026-11-18"}); err != nil {
		t.Fatal(err)
	}
	tab := newRevisionsTab(u, id)
	if len(tab.d.revisions) != 1 || tab.selected != 0 || !strings.Contains(tab.detail.Text, "采纳公众意见") {
		t.Fatalf("revisions tab: %d records, selected %d, detail %q", len(tab.d.revisions), tab.selected, tab.detail.Text)
	}
	dv := newDiffView(tab.d.revisions[0].Diff)
	r := test.WidgetRenderer(dv)
	dv.Resize(fyne.NewSize(1000, 200))
	var texts []string
	lines := 0
	for _, o := range r.Objects() {
		switch o := o.(type) {
		case *canvas.Text:
			texts = append(texts, o.Text)
		case *canvas.Line:
			lines++
		}
	}
	if strings.Join(texts, "|") != "审批时限不超过|20|15|个工作日。" || lines != 2 {
		t.Errorf("diff pieces %q, %d lines (strike + underline)", texts, lines)
	}
	// Publishing the evaluation (on the 发布 tab) freezes the record.
	p := newPublishTab(u, id).evaluation
	p.date.SetText("2026-11-20")
	p.doPublish()
	tab.reload() // the window's change notification does this (live.go)
	if !strings.Contains(tab.summary.Text, "已于 2026-11-20 公开") || !strings.Contains(revisionTitle(tab.d.revisions[0]), "已公开") {
		t.Errorf("after publishing: %q / %q (error %q)", tab.summary.Text, revisionTitle(tab.d.revisions[0]), u.lastError)
	}
}

// The revision editor ticks clusters from a list, and a mistake keeps everything typed.
func TestRevisionEditor(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u)
	tab := newRevisionsTab(u, id)
	e := tab.showEditor(nil)
	if len(e.clusters.group.Options) == 0 {
		t.Fatal("no clusters offered")
	}
	first := e.clusters.group.Options[0]
	e.clusters.group.SetSelected([]string{first})
	e.clause.SetText("第五条")
	e.before.SetText("审批时限不超过20个工作日。")
	e.after.SetText("审批时限不超过15个工作日。")
	e.reason.SetText("采纳公众意见")
	e.opinions.SetText("十二")
	var saveBtn *widget.Button // as the user does: Save stores, the dialog open until it is stored
	eachVisible(u.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == lang.L("Save") {
			saveBtn = b
		}
	})
	test.Tap(saveBtn)
	if u.lastError == "" || len(tab.d.revisions) != 0 {
		t.Fatalf("bad opinion number: error %q, %d records", u.lastError, len(tab.d.revisions))
	}
	if e.clause.Text != "第五条" || e.after.Text != "审批时限不超过15个工作日。" || len(e.clusters.selected()) != 1 {
		t.Error("the editor lost what was typed")
	}
	shown := false
	for _, o := range u.Win.Canvas().Overlays().List() {
		shown = shown || o.Visible() && holds(o, e.clause)
	}
	if !shown {
		t.Error("the editor is not on screen again after the mistake")
	}
	e.opinions.SetText("")
	e.save()
	if len(tab.d.revisions) != 1 {
		t.Fatalf("record not saved (error %q)", u.lastError)
	}
	if got := tab.d.revisions[0].Clusters; len(got) != 1 || got[0] != e.clusters.ids[first] {
		t.Errorf("clusters stored %v, want the ticked one %d", got, e.clusters.ids[first])
	}
	// A new version starts from the record, clusters ticked.
	if v := tab.showEditor(&tab.d.revisions[0]); len(v.clusters.group.Selected) != 1 || v.reason.Text != "采纳公众意见" {
		t.Errorf("new version editor: ticked %v, reason %q", v.clusters.group.Selected, v.reason.Text)
	}
}

// An opinion typed by hand is not lost to a mistake in the form: it comes back with the error.
func TestAddOpinionKeepsTextOnError(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u)
	tab := newOpinionsTab(u, id)
	tab.onAdd()
	var entries []*widget.Entry
	var add *widget.Button
	eachVisible(u.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Entry:
			entries = append(entries, w)
		case *widget.Button:
			if w.Text == lang.L("Add") {
				add = w
			}
		}
	})
	if len(entries) < 5 || add == nil {
		t.Fatalf("form: %d entries, add button %v", len(entries), add != nil)
	}
	content, date := entries[0], entries[len(entries)-1]
	content.SetText("建议第五条把审批时限压缩到10个工作日")
	// A date that does not exist is flagged in the field (a date field, datefield.go), and the form
	// cannot be sent with it.
	date.SetText("2026-13-01")
	test.Tap(add)
	if date.Validate() == nil || !add.Disabled() || u.lastError != "" {
		t.Fatalf("bad date: validation %v, add disabled %v, error %q", date.Validate(), add.Disabled(), u.lastError)
	}
	// A mistake the store refuses brings the form back with its error and the text typed.
	date.SetText("2026年3月1日")
	submitter := entries[2]
	submitter.SetText(strings.Repeat("张", 500))
	test.Tap(add)
	if u.lastError == "" {
		t.Fatalf("an over-long submitter was not refused")
	}
	shown := false
	for _, o := range u.Win.Canvas().Overlays().List() {
		shown = shown || o.Visible() && holds(o, content)
	}
	if !shown || content.Text != "建议第五条把审批时限压缩到10个工作日" || date.Text != "2026年3月1日" {
		t.Errorf("after the mistake: form shown %v, text %q, date %q", shown, content.Text, date.Text)
	}
}

func TestOpinionsTabFiltersSplitAndMerge(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u)
	tab := newOpinionsTab(u, id)
	tab.clause.SetSelected("第五条")
	if len(tab.opinions) == 0 || len(tab.opinions) == len(tab.d.opinions) {
		t.Fatalf("clause filter: %d of %d", len(tab.opinions), len(tab.d.opinions))
	}
	for _, o := range tab.opinions {
		if !containsStr(o.Clauses, "第五条") {
			t.Errorf("opinion %d (%s) shown under 第五条", o.ID, o.Clause)
		}
	}
	tab.clause.SetSelectedIndex(0)
	// Split one opinion off the largest cluster, then merge it back.
	big := tab.d.clusters[0]
	tab.checkedOp[big.Opinions[0]] = true
	tab.onSplit()
	if u.lastError != "" || tab.d.clusters[0].Size != big.Size-1 {
		t.Fatalf("split: %q, largest now %d", u.lastError, tab.d.clusters[0].Size)
	}
	var single int64
	for _, c := range tab.d.clusters {
		if c.Manual && c.Size == 1 && c.Opinions[0] == big.Opinions[0] {
			single = c.ID
		}
	}
	tab.checkedCl[big.ID], tab.checkedCl[single] = true, true
	tab.onMerge() // asks first, the button saying what it does
	if tab.d.clusters[0].Size != big.Size-1 || overlayButton(u, "合并") == nil || overlayButton(u, "取消") == nil {
		t.Fatalf("merge did not ask (合并/取消): largest %d, dialog %q", tab.d.clusters[0].Size, overlayText(u))
	}
	test.Tap(overlayButton(u, "合并"))
	if u.lastError != "" || tab.d.clusters[0].Size != big.Size || tab.d.clusters[0].ID != big.ID {
		t.Errorf("merge: %q, largest %d (#%d)", u.lastError, tab.d.clusters[0].Size, tab.d.clusters[0].ID)
	}
	// 撤销合并 splits it back off, until the next change.
	if !tab.undoBar.Visible() || !strings.Contains(tab.undoText.Text, fmt.Sprintf("#%d", single)) {
		t.Fatalf("no undo offered after the merge: %v %q", tab.undoBar.Visible(), tab.undoText.Text)
	}
	clusters := len(tab.d.clusters)
	tab.onUndoMerge()
	if u.lastError != "" || tab.d.clusters[0].Size != big.Size-1 || len(tab.d.clusters) != clusters+1 || tab.undoBar.Visible() {
		t.Errorf("undo: %q, largest %d, %d clusters (merged %d), bar %v", u.lastError, tab.d.clusters[0].Size, len(tab.d.clusters), clusters, tab.undoBar.Visible())
	}
	back := false
	for _, c := range tab.d.clusters {
		back = back || c.Size == 1 && c.Opinions[0] == big.Opinions[0]
	}
	if !back {
		t.Error("the merged opinion is not in a cluster of its own after the undo")
	}
	// Merging needs two clusters; the refusal is explained.
	tab.checkedCl[big.ID] = true
	tab.onMerge()
	if !strings.Contains(u.lastError, "至少两个") {
		t.Errorf("merge of one cluster: %q", u.lastError)
	}
}
