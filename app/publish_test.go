package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
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
