package cli

import (
	"fmt"

	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/reports"
)

func init() {
	register(&command{name: "report", usage: "--db F --policy ID [--round R] --out DIR [--raw]", run: reportCmd})
}

// reportCmd writes DIR/report.html and DIR/report.xlsx and prints their paths.
func reportCmd(e *env, args []string) error {
	f, db, pol := policyFlags("report")
	round := f.String("round", "", "")
	out := f.String("out", "", "")
	raw := f.Bool("raw", false, "")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.noPositional(); err != nil {
		return err
	}
	if err := f.require("out"); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	return writeReport(e, s, id, *out, reports.Options{Round: *round, RawData: *raw})
}

// writeReport writes the policy's report.html and report.xlsx into dir and prints their paths.
func writeReport(e *env, s *store.Store, id int64, dir string, opt reports.Options) error {
	hp, xp, err := reports.WriteWith(e.ctx, s, id, dir, opt)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, hp)
	fmt.Fprintln(e.stdout, xp)
	return nil
}
