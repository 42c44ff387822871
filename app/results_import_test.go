package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

// findCheckGroup returns the first CheckGroup under o.
func findCheckGroup(o fyne.CanvasObject) *widget.CheckGroup {
	if cg, ok := o.(*widget.CheckGroup); ok {
		return cg
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, k := range c.Objects {
			if cg := findCheckGroup(k); cg != nil {
				return cg
			}
		}
	}
	if s, ok := o.(*container.Scroll); ok {
		return findCheckGroup(s.Content)
	}
	return nil
}

// A sheet scoring three districts: the chooser starts with all checked (nil: import every unit), and
// importing the one left checked stores that district's rows only.
func TestAssessmentUnitChooser(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "东城区营商环境措施"})
	sheet := filepath.Join("..", "data", "assess", "testdata", "districts.xlsx")
	units, err := assess.SheetUnits(sheet)
	if err != nil {
		t.Fatal(err)
	}
	content, chosen := unitChooser(units)
	test.NewTempWindow(t, content)
	if got := chosen(); got != nil {
		t.Errorf("all checked: chosen = %q, want nil", got)
	}
	cg := findCheckGroup(content)
	if cg == nil {
		t.Fatal("no check group in the chooser")
	}
	cg.SetSelected([]string{"东城区"})
	got := chosen()
	if len(got) != 1 || got[0] != "东城区" {
		t.Fatalf("chosen = %q", got)
	}
	runScoreImport(u, id, "2026年度", "assessment", sheet, got, nil)
	if u.lastError != "" {
		t.Fatal(u.lastError)
	}
	rd, err := u.store.ResolveRound(context.Background(), id, "2026年度")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := assess.Rows(context.Background(), u.store, rd.ID)
	if err != nil || len(rows) != 7 || rows[0].Unit != "东城区" {
		t.Errorf("%d rows (%v), first %+v", len(rows), err, rows)
	}
}
