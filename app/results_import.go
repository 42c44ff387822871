package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/gongping/gongping/data/assess"
)

// importScoreSheet runs the importer off the UI goroutine and reports the summary and its warnings.
func importScoreSheet(u *UI, policyID int64, round, kind, path string, done func()) {
	s := u.Store()
	var sum *assess.Summary
	u.RunLong(lang.L("Importing…"), func(ctx context.Context, _ func(int, int)) error {
		var err error
		if kind == "officers" {
			sum, err = assess.ImportOfficers(ctx, s, policyID, round, path)
		} else {
			sum, err = assess.ImportAssessment(ctx, s, policyID, round, path)
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
		importScoreSheet(t.u, t.policyID, t.roundSel.Selected, kind, path, t.loadRounds)
	})
}
