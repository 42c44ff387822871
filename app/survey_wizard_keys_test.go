package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
)

// wizardRowOf finds the table line of a header.
func wizardRowOf(t *testing.T, w *surveyWizard, header string) (int, wizardRow) {
	t.Helper()
	for i, r := range w.rows {
		if r.header == header {
			return i, r
		}
	}
	t.Fatalf("no line for %q in %+v", header, w.rows)
	return -1, wizardRow{}
}

// The wizard shows header → key → type (or use) for every column and the header row used, lets the
// user pick another header row and another type, and shows every warning after importing.
func TestSurveyWizardHeaderKeysTypes(t *testing.T) {
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "员工满意度调查"})
	var done *ingest.Summary
	w := newSurveyWizard(u, pid, "", func(s ingest.Summary) { done = &s })
	w.setPath("../data/ingest/testdata/handmade_satisfaction.xlsx")
	if !strings.Contains(w.info.Text, "表头：第2–3行（两行表头") || w.importBtn.Disabled() {
		t.Fatalf("info = %q", w.info.Text)
	}
	if _, r := wizardRowOf(t, w, "工作环境—食堂"); r.key != "Q2.3" || r.qtype != data.QMatrix {
		t.Errorf("工作环境—食堂 → %+v", r)
	}
	if _, r := wizardRowOf(t, w, "序号"); r.key != "—" || !strings.Contains(r.use, "答卷人标识") {
		t.Errorf("序号 → %+v", r)
	}
	// A question's type cell is a choice; a metadata column's says what it is used for.
	cell := w.qtable.CreateCell()
	row, _ := wizardRowOf(t, w, "意见建议")
	w.updateQCell(widget.TableCellID{Row: row, Col: 2}, cell)
	sel := cell.(*fyne.Container).Objects[1].(*widget.Select)
	if !sel.Visible() || sel.Selected != questionTypeName(data.QOpenText) {
		t.Errorf("type cell of 意见建议: visible %v, selected %q", sel.Visible(), sel.Selected)
	}
	sel.SetSelected(questionTypeName(data.QFill)) // the user says: short fill-in answers
	if w.types["Q5"] != data.QFill {
		t.Errorf("chosen types = %v", w.types)
	}
	metaRow, _ := wizardRowOf(t, w, "序号")
	w.updateQCell(widget.TableCellID{Row: metaRow, Col: 2}, cell)
	if sel.Visible() || !strings.Contains(cell.(*fyne.Container).Objects[0].(*widget.Label).Text, "答卷人标识") {
		t.Errorf("type cell of 序号 shows a choice")
	}

	// Another header row: the preview runs again and says what is wrong with it.
	w.headerRow.SetSelectedIndex(3)
	if !strings.Contains(w.warnings.Text, "第4行第H列") || !w.importBtn.Disabled() {
		t.Errorf("row 3 as header: warnings %q", w.warnings.Text)
	}
	w.headerRow.SetSelectedIndex(0)
	if w.preview.HeaderRow != 2 || w.importBtn.Disabled() {
		t.Fatalf("back to detection: header row %d", w.preview.HeaderRow)
	}

	w.round.SetText("2026年度")
	w.onImport()
	if done == nil || done.Imported != 14 || done.HeaderRow != 2 {
		t.Fatalf("summary = %+v (error %q)", done, u.lastError)
	}
	for _, warn := range done.Warnings {
		if !strings.Contains(w.status.Text, warn) {
			t.Errorf("warning %q not shown in %q", warn, w.status.Text)
		}
	}
	d, err := u.Store().SurveyData(context.Background(), done.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	if i, ok := data.FindQuestion(d.Questions, "Q5"); !ok || d.Questions[i].Type != data.QFill {
		t.Errorf("Q5 stored as %+v", d.Questions)
	}

	// The next file of the round shows the type chosen before.
	w2 := newSurveyWizard(u, pid, "2026年度", nil)
	w2.setPath("../data/ingest/testdata/handmade_notitle.xlsx")
	row, _ = wizardRowOf(t, w2, "意见建议")
	cell = w2.qtable.CreateCell()
	w2.updateQCell(widget.TableCellID{Row: row, Col: 2}, cell)
	if sel := cell.(*fyne.Container).Objects[1].(*widget.Select); sel.Selected != questionTypeName(data.QFill) {
		t.Errorf("kept type of Q5 shown as %q", sel.Selected)
	}
}

// Personal and metadata columns of a 问卷网 export are lines of their own, never types to choose.
func TestSurveyWizardPersonalColumns(t *testing.T) {
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	w := newSurveyWizard(u, pid, "", nil)
	w.setPath("../data/ingest/testdata/wenjuan_gbk.csv")
	if w.preview.Format != ingest.Wenjuan || !strings.Contains(w.info.Text, "问卷网") {
		t.Fatalf("format %s, info %q", w.preview.Format, w.info.Text)
	}
	for _, h := range []string{"姓名", "证件号", "昵称(微信)"} {
		if _, r := wizardRowOf(t, w, h); r.qtype != "" || !strings.Contains(r.use, "个人信息") || !strings.HasPrefix(r.key, "P") {
			t.Errorf("%s → %+v", h, r)
		}
	}
	if _, r := wizardRowOf(t, w, "答题时长"); !strings.Contains(r.use, "答题用时") {
		t.Errorf("答题时长 → %+v", r)
	}
	if !strings.Contains(w.warnings.Text, "是个人信息，单独保存") {
		t.Errorf("warnings = %q", w.warnings.Text)
	}
}
