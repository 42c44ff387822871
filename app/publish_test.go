package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/loop"
)

func TestPublishTabWithoutRound(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	p := newPublishTab(u, id)
	if !p.generate.Disabled() {
		t.Error("generate should wait for a round")
	}
	if !strings.Contains(p.preview.Text, "请先导入问卷") {
		t.Errorf("preview = %q, want the hint to import a survey", p.preview.Text)
	}
}

func TestPublishTabPreviewAndGenerate(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	// The report tests' generated survey export holds phone numbers, an ID number, an e-mail and names.
	if _, err := ingest.Import(context.Background(), u.store, ingest.Options{PolicyID: id, Round: "2026年度",
		Path: filepath.Join("..", "reports", "testdata", "survey.csv")}, nil); err != nil {
		t.Fatal(err)
	}
	p := newPublishTab(u, id)
	if p.round.Selected != "2026年度" || p.generate.Disabled() {
		t.Fatalf("round %q, generate disabled %v", p.round.Selected, p.generate.Disabled())
	}
	if !strings.Contains(p.preview.Text, "将隐去") || !strings.Contains(p.preview.Text, "手机号码") {
		t.Errorf("preview = %q, want the masking counts", p.preview.Text)
	}
	dir := filepath.Join(t.TempDir(), "out")
	p.folder.SetText(dir)
	p.openDone.SetChecked(false)
	p.onGenerate()
	if u.lastError != "" {
		t.Fatalf("error: %s", u.lastError)
	}
	for _, name := range []string{"report.html", "report.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if !strings.Contains(p.result.Text, "report.html") || !p.openHTML.Visible() || !p.openDir.Visible() {
		t.Errorf("result %q; open buttons visible %v %v", p.result.Text, p.openHTML.Visible(), p.openDir.Visible())
	}
}

// Both publications are made on the 发布 tab, each saying what it freezes and listing its versions; the
// evaluation is published before the report is written, so that the first report's checklist is true.
func TestPublishTabPublicationsThenReport(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u) // issued 2026-04-15, the sample opinions imported
	if _, err := ingest.Import(context.Background(), u.store, ingest.Options{PolicyID: id, Round: "2026年度",
		Path: filepath.Join("..", "reports", "testdata", "survey.csv")}, nil); err != nil {
		t.Fatal(err)
	}
	p := newPublishTab(u, id)
	fb, ev := p.feedback, p.evaluation
	if fb.date.Text != "2026-04-15" || !fb.publish.Disabled() || !strings.Contains(fb.verdict.Text, "尚未作出处理意见") ||
		!strings.Contains(fb.status.Text, "尚未公开") || fb.history.Text != lang.L("Nothing yet.") {
		t.Errorf("feedback before deciding: date %q, verdict %q, status %q, history %q", fb.date.Text, fb.verdict.Text, fb.status.Text, fb.history.Text)
	}
	if !strings.Contains(p.reportState.Text, "暂无法判断") || !strings.Contains(p.reportState.Text, "先公开评价报告") {
		t.Errorf("report state before publishing: %q", p.reportState.Text)
	}
	cs, err := loop.Clusters(context.Background(), u.store, id)
	if err != nil {
		t.Fatal(err)
	}
	var conc []int64
	for _, c := range cs {
		if c.Concentrated {
			conc = append(conc, c.ID)
		}
	}
	if err := loop.Decide(context.Background(), u.store, id, loop.DecideInput{Clusters: conc, Decision: loop.PartlyAdopted, Reason: "部分采纳，已在实施细则中明确", Date: "2026-04-10"}); err != nil {
		t.Fatal(err)
	}
	fb.date.SetText("2026年4月15日")
	if fb.publish.Disabled() || !strings.Contains(fb.freezes.Text, fmt.Sprintf("尚未公开的处理意见：%d 项", len(conc))) || !strings.Contains(fb.freezes.Text, "不能再合并、拆分") {
		t.Errorf("feedback after deciding: verdict %q, freezes %q", fb.verdict.Text, fb.freezes.Text)
	}
	// Publishing asks first.
	test.Tap(fb.publish)
	var confirm *widget.Button
	eachVisible(u.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "公开" {
			confirm = b
		}
	})
	if confirm == nil {
		t.Fatal("no confirmation before publishing")
	}
	test.Tap(confirm)
	if !strings.Contains(fb.status.Text, "已于 2026-04-15 公开（第 1 版）") || fb.history.Text != "第 1 版，2026-04-15 公开" {
		t.Errorf("after publishing: status %q, history %q (error %q)", fb.status.Text, fb.history.Text, u.lastError)
	}

	// The evaluation: the round's scores, then with the revision record.
	if !strings.Contains(ev.freezes.Text, "最新一轮“2026年度”") || !strings.Contains(ev.freezes.Text, "尚未公开的修订记录：0 条") {
		t.Errorf("evaluation without revisions: %q", ev.freezes.Text)
	}
	if _, err := loop.AddRevision(context.Background(), u.store, id, loop.RevisionInput{Clause: "第五条",
		Before: "审批时限不超过20个工作日。", After: "审批时限不超过15个工作日。", Reason: "采纳公众意见", Date: "2026-11-18"}); err != nil {
		t.Fatal(err)
	}
	ev.date.SetText("2026-11-17")
	if ev.publish.Disabled() || !ev.warn.Visible() || !strings.Contains(ev.warn.Text, "早于其中 1 条修订记录的日期（最晚 2026-11-18）") {
		t.Errorf("a publication dated before the record it publishes: verdict %q, warning %q", ev.verdict.Text, ev.warn.Text)
	}
	ev.date.SetText("2026-11-20")
	if ev.publish.Disabled() || ev.warn.Visible() || !strings.Contains(ev.freezes.Text, "最新一轮“2026年度”") || !strings.Contains(ev.freezes.Text, "尚未公开的修订记录：1 条") {
		t.Errorf("evaluation ready: verdict %q, freezes %q, warning %q", ev.verdict.Text, ev.freezes.Text, ev.warn.Text)
	}
	dir := filepath.Join(t.TempDir(), "out")
	p.folder.SetText(dir)
	p.openDone.SetChecked(false)
	if !p.genAfter.Checked {
		t.Error("generating after publishing should be the default")
	}
	ev.doPublish()
	if !strings.Contains(ev.status.Text, "已于 2026-11-20 公开（第 1 版）") || !strings.Contains(p.reportState.Text, "已于 2026-11-20 公开") {
		t.Errorf("after publishing the evaluation: status %q, report state %q (error %q)", ev.status.Text, p.reportState.Text, u.lastError)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatalf("the report was not written after publishing: %v", err)
	}
	// Rule 7's row of the report's checklist: 符合, with the publication's date (not 暂无法判断).
	row := string(page)
	if i := strings.Index(row, "<tr><td>执行后公开评价报告和修订情况</td>"); i >= 0 {
		row = row[i:]
		row = row[:strings.Index(row, "</tr>")]
	} else {
		t.Fatal("the report has no row for the published evaluation")
	}
	dated := strings.Contains(row, "2026-11-20") || strings.Contains(row, "2026年11月20日") // the report's date style is reports/'
	if !strings.Contains(row, "符合") || !dated || strings.Contains(row, "暂无法判断") {
		t.Errorf("the first report's rule 7: %s", row)
	}
	// A record changed after the publication: the report section says it is not published yet.
	if _, err := loop.AddRevision(context.Background(), u.store, id, loop.RevisionInput{Clause: "第九条",
		Before: "每季度公布一次。", After: "每月公布一次。", Reason: "评价发现公众希望更及时了解进展", Date: "2026-11-25"}); err != nil {
		t.Fatal(err)
	}
	p.reload()
	if !strings.Contains(p.reportState.Text, "另有 1 条修订记录") || p.reportState.Importance != widget.WarningImportance {
		t.Errorf("report state with a record not published: %q", p.reportState.Text)
	}
}

// The revision tab keeps the records only; the opinions tab's 公开采纳情况 leads to the 发布 tab.
func TestPublishingIsOnThePublishTabOnly(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u)
	u.selectPolicy(id)
	rev := newRevisionsTab(u, id)
	eachVisible(rev.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.Contains(b.Text, "公开") {
			t.Errorf("the revisions tab still has %q", b.Text)
		}
	})
	if !strings.Contains(rev.summary.Text, "“发布”页") {
		t.Errorf("revisions summary %q does not say where they are published", rev.summary.Text)
	}
	newOpinionsTab(u, id).onPublish()
	if sel := u.detail.tabs.Selected(); sel == nil || sel.Text != "发布" {
		t.Errorf("opinions' publish button shows tab %v, want 发布", sel)
	}
}
