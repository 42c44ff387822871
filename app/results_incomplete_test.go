package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/score"
)

// LimeSurvey responses that were never submitted are shown as excluded 未完成, in Chinese.
func TestResultsShowIncomplete(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "优化营商环境若干措施"})
	path := filepath.Join("..", "data", "ingest", "testdata", "limesurvey_incomplete.csv")
	if _, err := ingest.Import(context.Background(), u.store, ingest.Options{PolicyID: id, Round: "2026年度", Path: path}, nil); err != nil {
		t.Fatal(err)
	}
	tab := newResultsTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	if tab.res == nil {
		t.Fatalf("no result shown; last error %q", u.lastError)
	}
	if n := tab.res.Respondents.Excluded.Incomplete; n != 20 {
		t.Errorf("incomplete excluded %d, want 20", n)
	}
	if got := exclusionReasonName(score.ReasonIncomplete); got != "未完成" {
		t.Errorf("reason shown as %q, want 未完成", got)
	}
}
