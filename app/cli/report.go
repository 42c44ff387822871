package cli

import (
	"fmt"

	"github.com/gongping/gongping/reports"
)

// reportCmd writes DIR/report.html and DIR/report.xlsx and prints their paths.
func reportCmd(f *flags) action {
	round := f.roundFlag()
	out := f.String("out", "", "报告写入的文件夹（report.html、report.xlsx）")
	raw := f.Bool("raw", false, "在 report.xlsx 中附上原始答卷数据")
	f.need("out")
	return func(e *env) error {
		return writeReport(e, e.policy, *out, reports.Options{Round: *round, RawData: *raw})
	}
}

// writeReport writes the policy's report.html and report.xlsx into dir and prints their paths.
func writeReport(e *env, id int64, dir string, opt reports.Options) error {
	hp, xp, err := reports.WriteWith(e.ctx, e.store, id, dir, opt)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, hp)
	fmt.Fprintln(e.stdout, xp)
	return nil
}
