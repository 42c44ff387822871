package main

import (
	"github.com/gongping/gongping/data/ingest"
)

func init() {
	register(&command{name: "import survey",
		usage: "--db F --policy ID [--round R] [--format auto|wjx-text|wjx-code|tencent|jinshuju|limesurvey|generic] FILE",
		run:   importSurvey})
}

// importSurvey imports one survey export and prints the summary JSON.
func importSurvey(e *env, args []string) error {
	f, db, pol := policyFlags("import survey")
	round := f.String("round", "", "")
	format := f.String("format", "auto", "")
	if err := f.parse(args); err != nil {
		return err
	}
	if len(f.positional) != 1 {
		return usagef("需要一个问卷文件 FILE (need one FILE)")
	}
	fm, err := ingest.ParseFormat(*format)
	if err != nil {
		return usagef("%v", err)
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := ingest.Import(e.ctx, s, ingest.Options{PolicyID: id, Round: *round, Format: fm, Path: f.positional[0]}, nil)
	if err != nil {
		return err
	}
	return printJSON(e.stdout, sum)
}
