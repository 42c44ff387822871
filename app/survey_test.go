package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/gongping/gongping/assets/sample/gensurvey"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
)

func TestSurveyWizardAndBrowser(t *testing.T) {
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	tab := newSurveyTab(u, pid)
	if tab.count != 0 || !strings.Contains(tab.summary.Text, "尚未导入问卷") {
		t.Fatalf("empty tab: summary %q", tab.summary.Text)
	}

	var done *ingest.Summary
	w := newSurveyWizard(u, pid, "", func(s ingest.Summary) { done = &s; tab.reload(s.RoundID) })
	if w.round.Text != data.DefaultRound {
		t.Errorf("default round = %q, want %q", w.round.Text, data.DefaultRound)
	}
	w.setPath("../data/ingest/testdata/wjx_code.xlsx")
	if w.preview == nil || w.preview.Format != ingest.WJXCode || len(w.preview.Questions) != 7 || w.importBtn.Disabled() {
		t.Fatalf("preview = %+v, import disabled %v", w.preview, w.importBtn.Disabled())
	}
	if !strings.Contains(w.info.Text, "问卷星（按选项序号）") {
		t.Errorf("info = %q", w.info.Text)
	}
	// Changing the layout previews again.
	w.format.SetSelectedIndex(len(formatChoices) - 1)
	if w.preview.Format != ingest.Generic || !strings.Contains(w.warnings.Text, "自动识别") {
		t.Errorf("after choosing generic: format %s, warnings %q", w.preview.Format, w.warnings.Text)
	}
	w.format.SetSelectedIndex(0)

	w.round.SetText("2026年度")
	w.onImport()
	if done == nil || done.Imported != 4 || done.Round != "2026年度" {
		t.Fatalf("import summary = %+v (status %q, error %q)", done, w.status.Text, u.lastError)
	}
	if !strings.Contains(w.status.Text, "已导入 4 份答卷") {
		t.Errorf("status = %q", w.status.Text)
	}

	// The browser shows the round.
	if rows, cols := tab.tableSize(); rows != 4 || cols != len(metaColumns)+7 {
		t.Errorf("table size = %d×%d", rows, cols)
	}
	if got := tab.cellText(0, len(metaColumns)); got != "2" {
		t.Errorf("first answer to Q1 = %q, want 2", got)
	}
	if got := tab.headerText(len(metaColumns) + 1); !strings.HasPrefix(got, "Q2 ") {
		t.Errorf("header = %q", got)
	}
	if got := tab.cellText(0, 2); got != "80" {
		t.Errorf("duration cell = %q, want 80", got)
	}
	tab.showFrequencies(1)
	f := tab.frequencyRows(1)
	if f.Answered != 3 || f.Options[0].Option != "材料多" || f.Options[0].Count != 2 || len(tab.freqRows.Objects) != 4 {
		t.Errorf("Q2 frequencies = %+v, %d rows shown", f, len(tab.freqRows.Objects))
	}

	// Importing the same file again is refused and shown.
	w2 := newSurveyWizard(u, pid, "2026年度", nil)
	w2.setPath("../data/ingest/testdata/wjx_code.xlsx")
	w2.onImport()
	if !strings.Contains(u.lastError, "未重复导入") || w2.summary != nil {
		t.Errorf("re-import: error %q", u.lastError)
	}

	// A broken file is explained in the wizard and cannot be imported.
	w2.setPath("../data/ingest/testdata/truncated.xlsx")
	if !w2.importBtn.Disabled() || !strings.Contains(w2.warnings.Text, "truncated.xlsx") {
		t.Errorf("broken file: warnings %q, import enabled %v", w2.warnings.Text, !w2.importBtn.Disabled())
	}

	// Deleting the import empties the round.
	if len(tab.files) != 1 {
		t.Fatalf("imports listed: %d", len(tab.files))
	}
	tab.deleteImport(tab.files[0].ID)
	if tab.count != 0 || !strings.Contains(tab.summary.Text, "尚无问卷答卷") {
		t.Errorf("after delete: %d responses, summary %q", tab.count, tab.summary.Text)
	}
}

// TestSurveyBrowserPages scrolls a round of 480 responses in pages of 100, at most 2 kept loaded.
func TestSurveyBrowserPages(t *testing.T) {
	defer func(size, keep int) { surveyPageSize, maxPages = size, keep }(surveyPageSize, maxPages)
	surveyPageSize, maxPages = 100, 2
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	path := filepath.Join(t.TempDir(), gensurvey.File)
	if err := gensurvey.Write(path); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Import(context.Background(), u.store, ingest.Options{PolicyID: pid, Round: "2026年度", Path: path}, nil); err != nil {
		t.Fatal(err)
	}
	tab := newSurveyTab(u, pid)
	if rows, _ := tab.tableSize(); rows != gensurvey.Respondents {
		t.Fatalf("rows = %d", rows)
	}
	for _, row := range []int{0, 150, 250, 479} {
		if got := tab.cellText(row, 0); got == "" || got == "…" {
			t.Errorf("row %d id = %q", row, got)
		}
	}
	if len(tab.pages) > 2 {
		t.Errorf("%d pages kept, want at most 2", len(tab.pages))
	}
	first, last := tab.cellText(0, 0), tab.cellText(479, 0)
	if first == last {
		t.Errorf("rows 0 and 479 are both response %s", first)
	}
	// Frequencies come from the whole round, not from the loaded pages.
	f := tab.frequencyRows(0)
	if f.Responses != gensurvey.Respondents {
		t.Errorf("frequencies over %d responses", f.Responses)
	}
}

// A refused import brings the wizard back with its file, ready to choose another.
func TestSurveyWizardAfterRefusedImport(t *testing.T) {
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	path := "../data/ingest/testdata/wjx_text.xlsx"
	if _, err := ingest.Import(context.Background(), u.Store(), ingest.Options{PolicyID: pid, Path: path}, nil); err != nil {
		t.Fatal(err)
	}
	w := showSurveyWizard(u, pid, path, "", nil)
	w.onImport() // inline in tests: done when it returns
	if !strings.Contains(u.lastError, "未重复导入") {
		t.Fatalf("error shown = %q, want the re-import refused", u.lastError)
	}
	if w.importBtn.Disabled() || w.status.Text != lang.L("Nothing was imported.") {
		t.Errorf("after the refusal: import disabled %v, status %q", w.importBtn.Disabled(), w.status.Text)
	}
	wizardShown := false // the wizard's pop-up holds its content; the error dialog is another one
	for _, o := range u.Win.Canvas().Overlays().List() {
		wizardShown = wizardShown || o.Visible() && holds(o, w.content)
	}
	if !wizardShown {
		t.Error("the wizard is not on screen again after the refusal")
	}
}

// holds reports whether obj is o or lies, shown, somewhere inside it (as eachVisible walks a dialog).
func holds(o, obj fyne.CanvasObject) bool {
	found := false
	eachVisible(o, func(x fyne.CanvasObject) { found = found || x == obj })
	return found
}

// Deleting an import warns when a later one left out responses the round had (perhaps this file's).
func TestDeleteImportWarnsOfSkipped(t *testing.T) {
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	var rid int64
	for _, name := range []string{"wjx_text.xlsx", "wjx_text_later.csv"} {
		sum, err := ingest.Import(context.Background(), u.Store(), ingest.Options{PolicyID: pid, Path: "../data/ingest/testdata/" + name}, nil)
		if err != nil {
			t.Fatal(err)
		}
		rid = sum.RoundID
	}
	tab := newSurveyTab(u, pid)
	tab.reload(rid)
	if len(tab.files) != 2 || tab.files[1].Skipped != 2 {
		t.Fatalf("imports %+v", tab.files)
	}
	if w := tab.skippedAfter(tab.files[0]); !strings.Contains(w, "wjx_text_later.csv") || !strings.Contains(w, "2 份") {
		t.Errorf("warning for the first import = %q", w)
	}
	if w := tab.skippedAfter(tab.files[1]); w != "" {
		t.Errorf("warning for the last import = %q, want none", w)
	}
}
