package cli

import (
	"fmt"

	"github.com/gongping/gongping/data/demo"
)

func init() {
	register(&command{name: "demo", usage: "--db F [--report DIR]", run: demoCmd})
}

func demoCmd(e *env, args []string) error {
	f, db := dbFlags("demo")
	reportDir := f.String("report", "", "")
	if err := f.parseFlagsOnly(args, "db"); err != nil {
		return err
	}
	s, err := openDB(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ids, err := demo.Run(e.ctx, s)
	if err != nil {
		return err
	}
	for _, id := range ids {
		fmt.Fprintln(e.stdout, id)
	}
	if *reportDir != "" {
		return writeDemoReport(e, s, ids, *reportDir)
	}
	return nil
}
