package app

import (
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
)

// A 问卷星 .xls (BIFF8: five questions, the multi-select with an 〖其他〗 text beside it) is offered by the file dialog, taken when dropped, previewed and imported by the
// wizard as its .xlsx twin is (issue 12, pattern 7).
func TestSurveyWizardXLS(t *testing.T) {
	if !isSurveyFile(`C:\下载\问卷星导出.XLS`) {
		t.Error("a dropped .xls is not taken")
	}
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	var done *ingest.Summary
	w := newSurveyWizard(u, pid, "", func(s ingest.Summary) { done = &s })
	w.setPath("../data/sheet/testdata/xls/wjx_text.xls")
	if w.preview == nil || w.preview.Format != ingest.WJXText || len(w.preview.Questions) != 6 || w.importBtn.Disabled() {
		t.Fatalf("preview = %+v, import disabled %v, error %q", w.preview, w.importBtn.Disabled(), u.lastError)
	}
	w.round.SetText("2026年度")
	w.onImport()
	if done == nil || done.Imported != 300 {
		t.Fatalf("import summary = %+v (status %q, error %q)", done, w.status.Text, u.lastError)
	}
	// A cut .xls is refused whole, in Chinese, naming the file.
	w2 := newSurveyWizard(u, pid, "另一轮", nil)
	w2.setPath("../data/sheet/testdata/xls/broken_truncated.xls")
	if w2.preview != nil && !w2.importBtn.Disabled() {
		w2.onImport()
	}
	if w2.summary != nil || !strings.Contains(u.lastError+w2.info.Text+w2.status.Text+w2.warnings.Text, "broken_truncated.xls") {
		t.Errorf("cut .xls: summary %+v, error %q, info %q", w2.summary, u.lastError, w2.info.Text)
	}
}
