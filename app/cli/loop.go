package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
)

// The closed loop on the command line: opinions, clusters, decisions, publication, revision records.

func importOpinions(f *flags) action {
	fromSurvey := f.Bool("from-survey", false, "取这项政策问卷中文字题的回答作为意见（不需要 FILE）")
	round := f.String("round", "", "与 --from-survey 同用：取哪一轮问卷（默认：最近的一轮）")
	args := f.takeArgs()
	f.checkWith(func() error {
		switch {
		case *fromSurvey && len(*args) > 0:
			return usagef("--from-survey 不需要文件参数")
		case !*fromSurvey && len(*args) != 1:
			return usagef("请给出一个意见文件 FILE（.xlsx 或 .csv）")
		}
		return nil
	})
	return func(e *env) error {
		var sum loop.ImportSummary
		var err error
		if *fromSurvey {
			sum, err = loop.ImportSurvey(e.ctx, e.store, e.policy, *round)
		} else {
			sum, err = loop.ImportFile(e.ctx, e.store, e.policy, (*args)[0], nil)
		}
		if err != nil {
			return err
		}
		return printJSON(e.stdout, sum)
	}
}

func opinionAdd(f *flags) action {
	var o loop.Opinion
	f.StringVar(&o.Content, "content", "", "意见内容")
	f.StringVar(&o.Clause, "clause", "", "意见针对的条款（如 第五条）")
	f.StringVar(&o.Source, "source", loop.SourceManual, "来源：manual（信函、座谈等手工录入）、hotline（12345 热线）、officer（体验官）")
	f.StringVar(&o.Submitter, "submitter", "", "提交人（个人信息，不会公开）")
	f.StringVar(&o.Contact, "contact", "", "联系方式（个人信息，不会公开）")
	f.StringVar(&o.Submitted, "date", "", "提交日期（YYYY-MM-DD）")
	f.need("content")
	return func(e *env) error { return e.printID(loop.AddOpinion(e.ctx, e.store, e.policy, o)) }
}

func printImports(w io.Writer, ims []loop.Import) error {
	for _, im := range ims {
		fmt.Fprintf(w, "%d\t%s\t%s\t%d 行\t%d 条意见\t%s\n", im.ID, im.Source, im.File, im.Rows, im.Opinions, im.ImportedAt)
	}
	return nil
}

func opinionDelete(f *flags) action {
	imp := f.id("import", "删除这一次意见导入及其全部意见（gongping opinion imports 列出编号）")
	ops := f.ids("opinion", "删除这条意见（可重复，或用逗号分隔：--opinion 3,5）")
	f.checkWith(func() error {
		if (*imp == 0) == (len(*ops) == 0) {
			return usagef("请给出 --import 或 --opinion 之一")
		}
		return nil
	})
	return func(e *env) error {
		if *imp != 0 {
			return loop.DeleteImportWithBackup(e.ctx, e.store, e.policy, *imp)
		}
		return loop.DeleteOpinionsWithBackup(e.ctx, e.store, e.policy, *ops)
	}
}

func opinionsCmd(f *flags) action {
	asJSON := f.jsonFlag()
	clause := f.String("clause", "", "只列出针对这一条款的意见（如 第五条）")
	clusterID := f.id("cluster", "只列出这一分组的意见")
	decision := f.String("decision", "", "只列出这样处理的意见：采纳、部分采纳、未采纳、不予处理，或 未处理（undecided）")
	personal := f.Bool("personal", false, "同时列出提交人和联系方式（个人信息，默认不列出）")
	filter := loop.OpinionFilter{}
	f.checkWith(func() error {
		var err error
		filter.Decision, err = loop.ParseDecisionFilter(*decision)
		return err
	})
	return func(e *env) error {
		s, id := e.store, e.policy
		ops, err := loop.Opinions(e.ctx, s, id)
		if err != nil {
			return err
		}
		if *clusterID != 0 { // an unknown cluster is an error, not an empty list
			cs, err := loop.Clusters(e.ctx, s, id)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(cs, func(c loop.Cluster) bool { return c.ID == *clusterID }) {
				return data.InputErrorf("政策 %d 没有编号为 %d 的意见分组", id, *clusterID)
			}
		}
		filter.Cluster, filter.Clause = *clusterID, *clause
		out := loop.FilterOpinions(ops, filter)
		if !*personal { // personal data only on request
			for i := range out {
				out[i].Submitter, out[i].Contact = "", ""
			}
		}
		if *asJSON {
			return printJSON(e.stdout, out)
		}
		tw := newTable(e.stdout)
		fmt.Fprintln(tw, "ID\t分组\t来源\t条款\t处理\t意见内容")
		for _, o := range out {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", o.ID, idOrDash(o.Cluster), o.Source, o.Clause, strOrDash(o.Decision), short(o.Content, 60))
		}
		return tw.Flush()
	}
}

func idOrDash(p *int64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatInt(*p, 10)
}

func strOrDash(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}

func short(s string, n int) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func printClusters(w io.Writer, cs []loop.Cluster) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "ID\t条数\t较为集中\t条款\t处理\t代表性意见")
	for _, c := range cs {
		conc := ""
		if c.Concentrated {
			conc = "是"
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\n", c.ID, c.Size, conc, strings.Join(c.Clauses, "、"), strOrDash(c.Decision), short(c.Representative, 50))
	}
	return tw.Flush()
}

func clusterCmd(f *flags) action {
	threshold := f.String("threshold", "", "相似度阈值，0 到 1 之间的小数：越大分得越细（保存为这项政策的设置）")
	conc := f.String("concentrated", "", "一个分组至少有几条意见算“较为集中”（保存为这项政策的设置）")
	reset := f.Bool("reset", false, "放弃人工合并、拆分和移动，全部重新分组")
	var similarity float64
	var concMin int
	f.checkWith(func() error {
		var err error
		if *threshold != "" {
			if similarity, err = strconv.ParseFloat(*threshold, 64); err != nil {
				return usagef("--threshold 应为 0 到 1 之间的小数，而不是 %q", *threshold)
			}
		}
		if *conc != "" {
			if concMin, err = strconv.Atoi(*conc); err != nil {
				return usagef("--concentrated 应为整数，而不是 %q", *conc)
			}
		}
		return nil
	})
	return func(e *env) error {
		s, id := e.store, e.policy
		if *threshold != "" || *conc != "" {
			st, err := loop.GetSettings(e.ctx, s, id)
			if err != nil {
				return err
			}
			if *threshold != "" {
				st.Similarity = similarity
			}
			if *conc != "" {
				st.ConcentratedMin = concMin
			}
			if err := loop.SetSettings(e.ctx, s, id, st); err != nil {
				return err
			}
		}
		if *reset || (*threshold == "" && *conc == "") {
			if err := loop.Recluster(e.ctx, s, id, *reset); err != nil {
				return err
			}
		}
		sum, err := loop.GetSummary(e.ctx, s, id)
		if err != nil {
			return err
		}
		st, err := loop.GetSettings(e.ctx, s, id)
		if err != nil {
			return err
		}
		return printJSON(e.stdout, map[string]any{"opinions": sum.Opinions, "clusters": sum.Clusters, "concentrated": sum.Concentrated,
			"similarity": st.Similarity, "concentrated_min": st.ConcentratedMin})
	}
}

func clusterMerge(f *flags) action {
	into := f.id("into", "并入的目标分组")
	others := f.ids("cluster", "要并入的分组（可重复）")
	f.need("into")
	f.checkWith(func() error {
		if len(*others) == 0 {
			return usagef("缺少 --cluster（要并入的分组）")
		}
		return nil
	})
	return func(e *env) error { return loop.Merge(e.ctx, e.store, e.policy, *into, *others) }
}

func clusterSplit(f *flags) action { return moveOpinions(f, false) }
func clusterMove(f *flags) action  { return moveOpinions(f, true) }

// moveOpinions moves opinions out of their clusters: into a new one (split) or, needTarget, into --to.
func moveOpinions(f *flags, needTarget bool) action {
	ops := f.ids("opinion", "要移动的意见（可重复，或用逗号分隔）")
	target := new(int64)
	if needTarget {
		target = f.id("to", "目标分组")
		f.need("to")
	}
	f.checkWith(func() error {
		if len(*ops) == 0 {
			return usagef("缺少 --opinion")
		}
		return nil
	})
	return func(e *env) error { return e.printID(loop.Move(e.ctx, e.store, e.policy, *ops, *target)) }
}

func decideCmd(f *flags) action {
	var in loop.DecideInput
	cl := f.ids("cluster", "要处理的分组（可重复）")
	op := f.ids("opinion", "要处理的单条意见（可重复）")
	f.StringVar(&in.Decision, "decision", "", "处理结果：采纳、部分采纳、未采纳、不予处理")
	f.StringVar(&in.Reason, "reason", "", "理由（较为集中的意见未全部采纳时必须说明）")
	tmpl := f.id("template", "用一条常用理由（gongping reasons 列出编号）作为理由")
	f.StringVar(&in.Date, "date", "", "处理日期（YYYY-MM-DD，默认今天）")
	f.BoolVar(&in.Amend, "amend", false, "更正已公开的处理结果（记为新的一版，已公开的一版不变）")
	clearIt := f.Bool("clear", false, "撤回尚未公开的处理草稿")
	f.checkWith(func() error {
		in.Clusters, in.Opinions, in.Template = *cl, *op, *tmpl
		switch {
		case len(in.Clusters)+len(in.Opinions) == 0:
			return usagef("缺少 --cluster 或 --opinion")
		case in.Template != 0 && in.Reason != "":
			return usagef("--reason 与 --template 只能给一个")
		case *clearIt && (in.Decision != "" || in.Reason != "" || in.Template != 0 || in.Amend):
			return usagef("--clear 撤回草稿，不能与 --decision、--reason、--template、--amend 同用")
		case !*clearIt && in.Decision == "":
			return usagef("缺少 --decision (missing --decision)")
		}
		return nil
	})
	return func(e *env) error {
		if *clearIt {
			return loop.ClearDecision(e.ctx, e.store, e.policy, in.Clusters, in.Opinions)
		}
		return loop.Decide(e.ctx, e.store, e.policy, in)
	}
}

func reasonsCmd(f *flags) action {
	asJSON := f.jsonFlag()
	add := f.String("add", "", "添加一条常用理由，输出其编号")
	delID := f.id("delete", "删除编号为 N 的常用理由")
	f.checkWith(func() error {
		if *delID != 0 && f.given("add") {
			return usagef("--add 与 --delete 只能给一个")
		}
		return nil
	})
	return func(e *env) error {
		if *delID != 0 {
			return loop.DeleteReasonTemplate(e.ctx, e.store, *delID)
		}
		if f.given("add") { // an empty --add is refused by AddReasonTemplate, not read as a listing
			return e.printID(loop.AddReasonTemplate(e.ctx, e.store, *add))
		}
		ts, err := loop.ReasonTemplates(e.ctx, e.store)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, ts)
		}
		for _, t := range ts {
			fmt.Fprintf(e.stdout, "%d\t%s\n", t.ID, t.Text)
		}
		return nil
	}
}

// printDecisions lists every version of the policy's decisions: drafts, published ones, amendments.
func printDecisions(w io.Writer, ds []loop.DecisionRecord) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "ID\t对象\t处理\t日期\t状态\t理由")
	for _, d := range ds {
		target := "分组 " + idOrDash(d.Cluster)
		if d.Opinion != nil {
			target = "意见 " + idOrDash(d.Opinion)
		}
		state := "草稿"
		if d.Publication != nil {
			state = "已公开"
		}
		if d.Amends != nil {
			state += "，更正第 " + idOrDash(d.Amends) + " 号"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", d.ID, target, d.Decision, d.Date, state, short(d.Reason, 40))
	}
	return tw.Flush()
}

// revisionFlags declares the fields of a revision record.
func revisionFlags(f *flags) (in *loop.RevisionInput, findings *multi) {
	in, findings = &loop.RevisionInput{}, &multi{}
	f.StringVar(&in.Clause, "clause", "", "修改的条款（如 第五条）")
	f.StringVar(&in.Before, "before", "", "修改前的文字")
	f.StringVar(&in.After, "after", "", "修改后的文字")
	f.StringVar(&in.Reason, "reason", "", "修改的理由")
	f.StringVar(&in.Date, "date", "", "修改日期（YYYY-MM-DD，默认今天）")
	f.Var(idsInto(f, "opinion", &in.Opinions), "opinion", "这次修改回应的意见（可重复）")
	f.Var(idsInto(f, "cluster", &in.Clusters), "cluster", "这次修改回应的意见分组（可重复）")
	f.Var(findings, "finding", "这次修改回应的评价发现（问题或改进方向，可重复）")
	return in, findings
}

func reviseAdd(f *flags) action {
	in, fi := revisionFlags(f)
	f.need("clause", "reason")
	return func(e *env) error {
		in.Findings = *fi
		r, err := loop.AddRevision(e.ctx, e.store, e.policy, *in)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, r.Record)
		return nil
	}
}

func reviseEdit(f *flags) action {
	in, fi := revisionFlags(f)
	rec := f.id("record", "修订记录的编号（gongping revise list 列出）")
	f.need("record")
	return func(e *env) error {
		hist, err := loop.RevisionHistory(e.ctx, e.store, e.policy, *rec)
		if err != nil {
			return err
		}
		// Fields not given keep the last version's value.
		last := hist[len(hist)-1]
		next := loop.RevisionInput{Clause: last.Clause, Before: last.Before, After: last.After, Reason: last.Reason,
			Findings: last.Findings, Opinions: last.Opinions, Clusters: last.Clusters, Date: in.Date}
		for name, v := range map[string]struct{ dst, val *string }{"clause": {&next.Clause, &in.Clause},
			"before": {&next.Before, &in.Before}, "after": {&next.After, &in.After}, "reason": {&next.Reason, &in.Reason}} {
			if f.given(name) {
				*v.dst = *v.val
			}
		}
		if f.given("finding") {
			next.Findings = *fi
		}
		if f.given("opinion") {
			next.Opinions = in.Opinions
		}
		if f.given("cluster") {
			next.Clusters = in.Clusters
		}
		r, err := loop.EditRevision(e.ctx, e.store, e.policy, *rec, next)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, r.Version)
		return nil
	}
}

func reviseWithdraw(f *flags) action {
	rec := f.id("record", "修订记录的编号（gongping revise list 列出）")
	date := f.String("date", "", "撤回日期（YYYY-MM-DD，默认今天）")
	f.need("record")
	return func(e *env) error {
		r, err := loop.WithdrawRevision(e.ctx, e.store, e.policy, *rec, *date)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, r.Version)
		return nil
	}
}

func reviseList(f *flags) action {
	asJSON := f.jsonFlag()
	history := f.id("history", "列出编号为 N 的修订记录的各版")
	return func(e *env) error {
		var revs []loop.Revision
		var err error
		if *history != 0 {
			revs, err = loop.RevisionHistory(e.ctx, e.store, e.policy, *history)
		} else {
			revs, err = loop.Revisions(e.ctx, e.store, e.policy)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, revs)
		}
		for _, r := range revs {
			state := ""
			if r.Withdrawn {
				state = "（已撤回）"
			}
			if r.Publication != nil {
				state += "（已公开）"
			}
			fmt.Fprintf(e.stdout, "修订 %d 第%d版 %s %s%s\n  %s\n  理由：%s\n", r.Record, r.Version, r.Date, r.Clause, state, diffText(r.Diff), oneLine(r.Reason))
		}
		return nil
	}
}

// diffText marks a diff for a terminal: [-deleted-]{+inserted+}.
func diffText(ops []loop.DiffOp) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Op {
		case "-":
			b.WriteString("[-" + op.Text + "-]")
		case "+":
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return oneLine(b.String())
}

func publishCmd(f *flags) action {
	what := f.String("what", "", "公开的是什么：feedback（意见采纳情况反馈）或 evaluation（评价结果及修订记录）")
	date := f.String("date", "", "公开日期（YYYY-MM-DD）")
	asJSON := f.jsonFlag()
	f.need("what", "date")
	f.checkWith(func() error {
		if *what != loop.WhatFeedback && *what != loop.WhatEvaluation {
			return usagef("--what 应为 feedback 或 evaluation，而不是 %q", *what)
		}
		return nil
	})
	return func(e *env) error {
		// Read before publishing: what it freezes is no longer pending after.
		var ws []string
		if d, err := data.NormalizeDate(*date); err == nil && d != "" {
			if ws, err = loop.PublishWarnings(e.ctx, e.store, e.policy, *what, d); err != nil {
				return err
			}
		}
		p, err := loop.Publish(e.ctx, e.store, e.policy, *what, *date)
		if err != nil {
			return err
		}
		warnDates(e, "publish", ws)
		if *asJSON {
			return printJSON(e.stdout, p)
		}
		return nil
	}
}

func publicationsCmd(f *flags) action {
	what := f.String("what", "", "只列出一种：feedback（反馈）或 evaluation（评价）")
	asJSON := f.jsonFlag()
	return func(e *env) error {
		ps, err := loop.Publications(e.ctx, e.store, e.policy, *what)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, ps)
		}
		for _, p := range ps {
			fmt.Fprintf(e.stdout, "%s\t第%d版\t%s\n", p.What, p.Version, p.Date)
		}
		return nil
	}
}
