package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/gongping/gongping/data"
)

// The preview's texts (layout, header rows, warnings) grow after the file is read: the wizard is laid out
// again, so they stay above the column table instead of being drawn over it (seen in a screenshot).
func TestSurveyWizardTextsAboveTable(t *testing.T) {
	u := newTestUI(t)
	u.Win.Resize(fyne.NewSize(1200, 760))
	pid := addPolicy(t, u, data.Policy{Title: "员工满意度调查"})
	w := showSurveyWizard(u, pid, "../data/ingest/testdata/handmade_satisfaction.xlsx", "", nil)
	// The warnings sit at the bottom of the texts above the table (a box that starts at the wizard's top).
	if bottom := w.warnings.Position().Y + w.warnings.MinSize().Height; w.qtable.Position().Y < bottom {
		t.Errorf("the table starts at %v, above the end of the texts at %v: they overlap it", w.qtable.Position().Y, bottom)
	}
	if w.warnings.Text == "" {
		t.Fatal("no warnings shown for the two-row header")
	}
}
