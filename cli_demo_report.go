package main

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/reports"
)

// writeDemoReport writes the full report of each demo policy; with one policy straight into dir,
// with several into dir/<id>.
func writeDemoReport(e *env, s *data.Store, ids []int64, dir string) error {
	for _, id := range ids {
		out := dir
		if len(ids) > 1 {
			out = filepath.Join(dir, strconv.FormatInt(id, 10))
		}
		hp, xp, err := reports.WriteWith(e.ctx, s, id, out, reports.Options{})
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, hp)
		fmt.Fprintln(e.stdout, xp)
	}
	return nil
}
