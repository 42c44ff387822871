package cli

import (
	"fmt"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/stage"
)

// statusOutput is status --json: the policy, the step it is in, and every step.
type statusOutput struct {
	Policy  int64        `json:"policy"`
	Current data.Stage   `json:"current"`
	Steps   []stage.Step `json:"steps"`
}

// statusCmd prints the policy's closed-loop timeline as the window's 概览 shows it (data/stage).
func statusCmd(f *flags) action {
	asJSON := f.jsonFlag()
	date := f.String("date", "", "按这一天判断计划中、进行中和已完成（YYYY-MM-DD，默认今天）")
	f.checkWith(func() error {
		if *date == "" {
			*date = time.Now().Format(data.DateLayout)
			return nil
		}
		t, err := data.ParseDate(*date)
		if err != nil {
			return err
		}
		*date = t.Format(data.DateLayout)
		return nil
	})
	return func(e *env) error {
		steps, err := stage.Timeline(e.ctx, e.store, e.policy, *date)
		if err != nil {
			return err
		}
		out := statusOutput{Policy: e.policy, Steps: steps}
		for _, s := range steps {
			if s.Current {
				out.Current = s.Stage
			}
		}
		if *asJSON {
			return printJSON(e.stdout, out)
		}
		tw := newTable(e.stdout)
		for i, s := range steps {
			mark := ""
			if s.Current {
				mark = "← 当前环节"
			}
			fmt.Fprintf(tw, "%d. %s\t%s\t%s\t%s\n", i+1, s.Name, s.StateName, mark, oneLine(s.Reason))
		}
		return tw.Flush()
	}
}
