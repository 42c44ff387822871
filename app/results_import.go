package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/assess"
)

// importScoreSheet runs the importer off the UI goroutine and reports the summary and its warnings. An
// assessment sheet with one score column per rated unit first asks which units to import (all checked).
func importScoreSheet(u *UI, policyID int64, round, kind, path string, done func()) {
	if kind == "officers" {
		runScoreImport(u, policyID, round, kind, path, nil, done)
		return
	}
	var units []string
	u.RunLong(lang.L("Importing…"), func(ctx context.Context, _ func(int, int)) error {
		units, _ = assess.SheetUnits(path) // a refused sheet is reported by the import itself
		return nil
	}, func(error) {
		if len(units) < 2 {
			runScoreImport(u, policyID, round, kind, path, nil, done)
			return
		}
		content, chosen := unitChooser(units)
		dialog.ShowCustomConfirm(lang.L("Rated units"), lang.L("Import"), lang.L("Cancel"), content, func(ok bool) {
			if ok {
				runScoreImport(u, policyID, round, kind, path, chosen(), done)
			}
		}, u.Win)
	})
}

// unitChooser shows a sheet's rated units, all checked; chosen returns the checked ones, nil when all are
// (every unit imported and averaged, as the command line does without --unit).
func unitChooser(units []string) (content fyne.CanvasObject, chosen func() []string) {
	note := widget.NewLabel(fmt.Sprintf(lang.L("This sheet scores %d units. Each checked unit is imported as an assessment of its own; the assessment part averages them."), len(units)))
	note.Wrapping = fyne.TextWrapWord
	cg := widget.NewCheckGroup(units, nil)
	cg.SetSelected(append([]string(nil), units...))
	content = container.NewBorder(note, nil, nil, nil, container.NewVScroll(cg))
	chosen = func() []string {
		if len(cg.Selected) == len(units) {
			return nil
		}
		return append([]string{}, cg.Selected...) // none checked: the importer says to choose one
	}
	return container.NewGridWrap(fyne.NewSize(460, 320), content), chosen
}

func runScoreImport(u *UI, policyID int64, round, kind, path string, units []string, done func()) {
	s := u.Store()
	var sum *assess.Summary
	u.RunLong(lang.L("Importing…"), func(ctx context.Context, _ func(int, int)) error {
		var err error
		if kind == "officers" {
			sum, err = assess.ImportOfficers(ctx, s, policyID, round, path)
		} else {
			sum, err = assess.ImportAssessmentWith(ctx, s, policyID, round, path, assess.AssessmentOptions{Units: units})
		}
		return err
	}, func(err error) {
		if err != nil {
			u.ShowError(err)
			return
		}
		msg := fmt.Sprintf(lang.L("%d rows imported into round %s."), sum.Imported, sum.Round)
		if len(sum.Warnings) > 0 {
			msg += "\n" + strings.Join(sum.Warnings, "\n")
		}
		u.showInfo(filepath.Base(path), msg)
		if done != nil {
			done()
		}
	})
}

// pickScoreSheet asks for an assessment or 体验官 sheet and imports it into the shown round.
func (t *resultsTab) pickScoreSheet(kind string) {
	t.u.pickFile([]string{".xlsx", ".xls", ".csv"}, "", func(path string) {
		importScoreSheet(t.u, t.policyID, t.roundSel.Selected, kind, path, func() { t.loadRounds(t.recompute) })
	})
}
