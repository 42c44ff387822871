package cli

import (
	"fmt"

	"github.com/gongping/gongping/data/demo"
)

func demoCmd(f *flags) action {
	reportDir := f.String("report", "", "同时把示例政策的评价报告和采纳情况说明写到这个文件夹")
	return func(e *env) error {
		ids, err := demo.Run(e.ctx, e.store)
		if err != nil {
			return err
		}
		for _, id := range ids {
			fmt.Fprintln(e.stdout, id)
		}
		if *reportDir != "" {
			return writeDemoReport(e, ids, *reportDir)
		}
		return nil
	}
}
