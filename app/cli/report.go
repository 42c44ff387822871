package cli

import (
	"fmt"
	"strings"

	"github.com/gongping/gongping/reports"
)

// reportCmd writes DIR/report.html, DIR/report.docx and DIR/report.xlsx and prints their paths.
func reportCmd(f *flags) action {
	round := f.roundFlag()
	out := f.String("out", "", "报告写入的文件夹（report.html、report.docx、report.xlsx）")
	raw := f.Bool("raw", false, "在 report.xlsx 中附上原始答卷数据")
	by := f.String("by", "", "按这些单选题的回答分组比较问卷得分（报告的“不同群体评价”），多个用逗号分隔，如 Q1,Q2")
	f.need("out")
	return func(e *env) error {
		return writeReport(e, e.policy, *out, reports.Options{Round: *round, RawData: *raw, GroupBy: splitList(*by)})
	}
}

// writeReport writes the policy's report.html, report.docx and report.xlsx into dir and prints their paths.
func writeReport(e *env, id int64, dir string, opt reports.Options) error {
	opt, err := reports.LoadOptions(e.ctx, e.store, id, opt) // the team's texts, settings and quotations, as the window's
	if err != nil {
		return err
	}
	f, err := reports.WriteFiles(e.ctx, e.store, id, dir, opt)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, f.HTML)
	fmt.Fprintln(e.stdout, f.DOCX)
	fmt.Fprintln(e.stdout, f.XLSX)
	return nil
}

// splitList splits "Q1,Q2" (also with "，" or "、") into its items.
func splitList(s string) []string {
	var out []string
	for _, it := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}
