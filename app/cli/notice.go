package cli

import (
	"fmt"
	"time"

	"github.com/gongping/gongping/reports"
	"github.com/gongping/gongping/reports/doc"
)

// Kinds of publication the report command writes.
const (
	kindEvaluation = "evaluation" // the evaluation report (reportCmd)
	kindFeedback   = "feedback"   // the adoption-feedback notice, 采纳情况说明
)

// reportKindCmd is the report command (and publish-doc, its other name): --kind evaluation, the
// default, is reportCmd as it always was; --kind feedback writes DIR/采纳情况说明.html and .docx.
func reportKindCmd(f *flags) action {
	kind := f.String("kind", kindEvaluation, "写出哪一种公开文件：evaluation（评价报告，默认）或 feedback（采纳情况说明，HTML 和 Word）")
	evaluation := reportCmd(f)
	f.checkWith(func() error {
		switch *kind {
		case kindEvaluation, "评价报告":
		case kindFeedback, reports.NoticeName:
			for _, n := range []string{"round", "raw", "by"} {
				if f.given(n) {
					return usagef("--%s 只用于评价报告；采纳情况说明不分评价轮次", n)
				}
			}
		default:
			return usagef("--kind 应为 evaluation（评价报告）或 feedback（采纳情况说明），而不是 %q", *kind)
		}
		return nil
	})
	return func(e *env) error {
		if *kind == kindFeedback || *kind == reports.NoticeName {
			return writeNotice(e, e.policy, f.Lookup("out").Value.String())
		}
		return evaluation(e)
	}
}

// writeNotice writes the policy's 采纳情况说明.html and .docx into dir and prints their paths; on
// stderr it says when the notice is a draft (nothing published yet) or leaves later revisions out.
func writeNotice(e *env, id int64, dir string) error {
	files, err := reports.WriteNotice(e.ctx, e.store, id, dir, reports.NoticeOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, files.HTML)
	fmt.Fprintln(e.stdout, files.DOCX)
	n := files.Notice
	if n.Draft {
		d, _ := time.Parse("2006-01-02", n.Date)
		fmt.Fprintf(e.stderr, "采纳情况尚未公开：这是按当前处理意见生成的草稿，落款日期为%s；公开（publish --what feedback）后再生成，即为公开的版本。\n", doc.FormatDate(d))
	}
	if n.Later > 0 {
		fmt.Fprintf(e.stderr, "另有 %d 条修订记录晚于采纳情况的公开日期，未列入说明。\n", n.Later)
	}
	return nil
}
