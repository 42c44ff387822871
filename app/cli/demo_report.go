package cli

import (
	"path/filepath"
	"strconv"

	"github.com/gongping/gongping/reports"
)

// writeDemoReport writes the full report and the adoption-feedback notice of each demo policy; with one policy straight into dir,
// with several into dir/<id>.
func writeDemoReport(e *env, ids []int64, dir string) error {
	for _, id := range ids {
		out := dir
		if len(ids) > 1 {
			out = filepath.Join(dir, strconv.FormatInt(id, 10))
		}
		// The sample's first two questions are the respondent's identity and firm size: its groups.
		if err := writeReport(e, id, out, reports.Options{GroupBy: []string{"Q1", "Q2"}}); err != nil {
			return err
		}
		if err := writeNotice(e, id, out); err != nil {
			return err
		}
	}
	return nil
}
