package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
)

// The closed loop on the command line: opinions, clusters, decisions, publication, revision records.

func init() {
	register(&command{name: "import opinions", usage: "--db F --policy ID FILE | --from-survey [--round R]", run: importOpinions})
	register(&command{name: "opinion add", usage: "--db F --policy ID --content TEXT [--clause C] [--source manual|hotline|officer] [--submitter N] [--contact C] [--date DATE]", run: opinionAdd})
	register(&command{name: "opinion imports", usage: "--db F --policy ID [--json]", run: listCmd("opinion imports", loop.Imports, printImports)})
	register(&command{name: "opinion delete", usage: "--db F --policy ID (--import N | --opinion K…)", run: opinionDelete})
	register(&command{name: "opinions", usage: "--db F --policy ID [--json] [--clause C] [--cluster K] [--decision D] [--personal]", run: opinionsCmd})
	register(&command{name: "clusters", usage: "--db F --policy ID [--json]", run: listCmd("clusters", loop.Clusters, printClusters)})
	register(&command{name: "cluster", usage: "--db F --policy ID [--threshold X] [--concentrated N] [--reset]", run: clusterCmd})
	register(&command{name: "cluster merge", usage: "--db F --policy ID --into K --cluster K2 [--cluster K3]…", run: clusterMerge})
	register(&command{name: "cluster split", usage: "--db F --policy ID --opinion K [--opinion K2]…", run: clusterSplit})
	register(&command{name: "cluster move", usage: "--db F --policy ID --opinion K [--opinion K2]… --to CLUSTER", run: clusterMove})
	register(&command{name: "decide", usage: "--db F --policy ID (--cluster K / --opinion K)… --decision 采纳|部分采纳|未采纳|不予处理 [--reason TEXT | --template N] [--date DATE] [--amend] | --clear", run: decideCmd})
	register(&command{name: "decisions", usage: "--db F --policy ID [--json]", run: listCmd("decisions", loop.DecisionHistory, printDecisions)})
	register(&command{name: "reasons", usage: "--db F [--json] [--add TEXT] [--delete N]", run: reasonsCmd})
	register(&command{name: "revise add", usage: "--db F --policy ID --clause C --before TEXT --after TEXT --reason TEXT [--opinion K]… [--cluster K]… [--finding TEXT]… [--date DATE]", run: reviseAdd})
	register(&command{name: "revise edit", usage: "--db F --policy ID --record N [--clause C] [--before TEXT] [--after TEXT] [--reason TEXT] [--opinion K]… [--cluster K]… [--finding TEXT]… [--date DATE]", run: reviseEdit})
	register(&command{name: "revise withdraw", usage: "--db F --policy ID --record N [--date DATE]", run: reviseWithdraw})
	register(&command{name: "revise list", usage: "--db F --policy ID [--json] [--history N]", run: reviseList})
	register(&command{name: "publish", usage: "--db F --policy ID --what feedback|evaluation --date DATE [--json]", run: publishCmd})
	register(&command{name: "publications", usage: "--db F --policy ID [--what feedback|evaluation] [--json]", run: publicationsCmd})
}

// ids parses repeated id flags.
func ids(name string, vs multi) ([]int64, error) {
	var out []int64
	for _, v := range vs {
		for _, p := range strings.Split(v, ",") {
			id, err := parseID(name, p)
			if err != nil {
				return nil, err
			}
			out = append(out, id)
		}
	}
	return out, nil
}

func importOpinions(e *env, args []string) error {
	f, db, pol := policyFlags("import opinions")
	fromSurvey := f.Bool("from-survey", false, "")
	round := f.String("round", "", "")
	if err := f.parse(args); err != nil {
		return err
	}
	switch {
	case *fromSurvey && len(f.positional) > 0:
		return usagef("--from-survey 不需要文件参数")
	case !*fromSurvey && len(f.positional) != 1:
		return usagef("请给出一个意见文件 FILE（.xlsx 或 .csv）")
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	var sum loop.ImportSummary
	if *fromSurvey {
		sum, err = loop.ImportSurvey(e.ctx, s, id, *round)
	} else {
		sum, err = loop.ImportFile(e.ctx, s, id, f.positional[0], nil)
	}
	if err != nil {
		return err
	}
	return printJSON(e.stdout, sum)
}

func opinionAdd(e *env, args []string) error {
	f, db, pol := policyFlags("opinion add")
	var o loop.Opinion
	f.StringVar(&o.Content, "content", "", "")
	f.StringVar(&o.Clause, "clause", "", "")
	f.StringVar(&o.Source, "source", loop.SourceManual, "")
	f.StringVar(&o.Submitter, "submitter", "", "")
	f.StringVar(&o.Contact, "contact", "", "")
	f.StringVar(&o.Submitted, "date", "", "")
	if err := f.parseFlagsOnly(args, "content"); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	return e.printID(loop.AddOpinion(e.ctx, s, id, o))
}

func printImports(w io.Writer, ims []loop.Import) error {
	for _, im := range ims {
		fmt.Fprintf(w, "%d\t%s\t%s\t%d 行\t%d 条意见\t%s\n", im.ID, im.Source, im.File, im.Rows, im.Opinions, im.ImportedAt)
	}
	return nil
}

func opinionDelete(e *env, args []string) error {
	f, db, pol := policyFlags("opinion delete")
	imp := f.String("import", "", "")
	var ops multi
	f.Var(&ops, "opinion", "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	oids, err := ids("opinion", ops)
	if err != nil {
		return err
	}
	if (*imp == "") == (len(oids) == 0) {
		return usagef("请给出 --import 或 --opinion 之一")
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	if *imp != "" {
		iid, err := parseID("import", *imp)
		if err != nil {
			return err
		}
		return loop.DeleteImportWithBackup(e.ctx, s, id, iid)
	}
	return loop.DeleteOpinionsWithBackup(e.ctx, s, id, oids)
}

func opinionsCmd(e *env, args []string) error {
	f, db, pol := policyFlags("opinions")
	asJSON := f.Bool("json", false, "")
	clause := f.String("clause", "", "")
	cluster := f.String("cluster", "", "")
	decision := f.String("decision", "", "")
	personal := f.Bool("personal", false, "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	clusterID, err := optID("cluster", *cluster)
	if err != nil {
		return err
	}
	dec := *decision
	if dec != "" && dec != "undecided" && dec != "未处理" {
		if dec, err = loop.ParseDecision(dec); err != nil {
			return err
		}
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	ops, err := loop.Opinions(e.ctx, s, id)
	if err != nil {
		return err
	}
	if clusterID != 0 { // an unknown cluster is an error, not an empty list
		cs, err := loop.Clusters(e.ctx, s, id)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(cs, func(c loop.Cluster) bool { return c.ID == clusterID }) {
			return data.InputErrorf("政策 %d 没有编号为 %d 的意见分组", id, clusterID)
		}
	}
	out := []loop.Opinion{}
	want := loop.NormalizeClause(*clause)
	for _, o := range ops {
		if want != "" && !slices.Contains(o.Clauses, want) {
			continue
		}
		if clusterID != 0 && (o.Cluster == nil || *o.Cluster != clusterID) {
			continue
		}
		switch dec {
		case "":
		case "undecided", "未处理":
			if o.Decision != nil {
				continue
			}
		default:
			if o.Decision == nil || *o.Decision != dec {
				continue
			}
		}
		if !*personal { // personal data only on request
			o.Submitter, o.Contact = "", ""
		}
		out = append(out, o)
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

func clusterCmd(e *env, args []string) error {
	f, db, pol := policyFlags("cluster")
	threshold := f.String("threshold", "", "")
	conc := f.String("concentrated", "", "")
	reset := f.Bool("reset", false, "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	if *threshold != "" || *conc != "" {
		st, err := loop.GetSettings(e.ctx, s, id)
		if err != nil {
			return err
		}
		if *threshold != "" {
			if st.Similarity, err = strconv.ParseFloat(*threshold, 64); err != nil {
				return usagef("--threshold 应为 0 到 1 之间的小数，而不是 %q", *threshold)
			}
		}
		if *conc != "" {
			if st.ConcentratedMin, err = strconv.Atoi(*conc); err != nil {
				return usagef("--concentrated 应为整数，而不是 %q", *conc)
			}
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

func clusterMerge(e *env, args []string) error {
	f, db, pol := policyFlags("cluster merge")
	into := f.String("into", "", "")
	var others multi
	f.Var(&others, "cluster", "")
	if err := f.parseFlagsOnly(args, "into"); err != nil {
		return err
	}
	target, err := parseID("into", *into)
	if err != nil {
		return err
	}
	os, err := ids("cluster", others)
	if err != nil {
		return err
	}
	if len(os) == 0 {
		return usagef("缺少 --cluster（要并入的分组）")
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	return loop.Merge(e.ctx, s, id, target, os)
}

func clusterSplit(e *env, args []string) error { return moveOpinions(e, "cluster split", args, false) }
func clusterMove(e *env, args []string) error  { return moveOpinions(e, "cluster move", args, true) }

func moveOpinions(e *env, name string, args []string, needTarget bool) error {
	f, db, pol := policyFlags(name)
	var ops multi
	f.Var(&ops, "opinion", "")
	to := f.String("to", "", "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	var target int64
	if needTarget {
		if err := f.require("to"); err != nil {
			return err
		}
		var err error
		if target, err = parseID("to", *to); err != nil {
			return err
		}
	}
	oids, err := ids("opinion", ops)
	if err != nil {
		return err
	}
	if len(oids) == 0 {
		return usagef("缺少 --opinion")
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	return e.printID(loop.Move(e.ctx, s, id, oids, target))
}

func decideCmd(e *env, args []string) error {
	f, db, pol := policyFlags("decide")
	var cl, op multi
	f.Var(&cl, "cluster", "")
	f.Var(&op, "opinion", "")
	var in loop.DecideInput
	f.StringVar(&in.Decision, "decision", "", "")
	f.StringVar(&in.Reason, "reason", "", "")
	tmpl := f.String("template", "", "")
	f.StringVar(&in.Date, "date", "", "")
	f.BoolVar(&in.Amend, "amend", false, "")
	clearIt := f.Bool("clear", false, "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	var err error
	if in.Clusters, err = ids("cluster", cl); err != nil {
		return err
	}
	if in.Opinions, err = ids("opinion", op); err != nil {
		return err
	}
	if len(in.Clusters)+len(in.Opinions) == 0 {
		return usagef("缺少 --cluster 或 --opinion")
	}
	if in.Template, err = optID("template", *tmpl); err != nil {
		return err
	}
	if in.Template != 0 && in.Reason != "" {
		return usagef("--reason 与 --template 只能给一个")
	}
	if *clearIt && (in.Decision != "" || in.Reason != "" || in.Template != 0 || in.Amend) {
		return usagef("--clear 撤回草稿，不能与 --decision、--reason、--template、--amend 同用")
	}
	if !*clearIt {
		if err := f.require("decision"); err != nil {
			return err
		}
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	if *clearIt {
		return loop.ClearDecision(e.ctx, s, id, in.Clusters, in.Opinions)
	}
	return loop.Decide(e.ctx, s, id, in)
}

func reasonsCmd(e *env, args []string) error {
	f, db := dbFlags("reasons")
	asJSON := f.Bool("json", false, "")
	add := f.String("add", "", "")
	del := f.String("delete", "", "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	delID, err := optID("delete", *del)
	if err != nil {
		return err
	}
	s, err := openDB(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	adding := false
	f.Visit(func(fl *flag.Flag) { adding = adding || fl.Name == "add" })
	if delID != 0 && adding {
		return usagef("--add 与 --delete 只能给一个")
	}
	if delID != 0 {
		return loop.DeleteReasonTemplate(e.ctx, s, delID)
	}
	if adding { // an empty --add is refused by AddReasonTemplate, not read as a listing
		return e.printID(loop.AddReasonTemplate(e.ctx, s, *add))
	}
	ts, err := loop.ReasonTemplates(e.ctx, s)
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
func revisionFlags(f *flags) (*loop.RevisionInput, *multi, *multi, *multi) {
	in := &loop.RevisionInput{}
	f.StringVar(&in.Clause, "clause", "", "")
	f.StringVar(&in.Before, "before", "", "")
	f.StringVar(&in.After, "after", "", "")
	f.StringVar(&in.Reason, "reason", "", "")
	f.StringVar(&in.Date, "date", "", "")
	var op, cl, fi multi
	f.Var(&op, "opinion", "")
	f.Var(&cl, "cluster", "")
	f.Var(&fi, "finding", "")
	return in, &op, &cl, &fi
}

func reviseAdd(e *env, args []string) error {
	f, db, pol := policyFlags("revise add")
	in, op, cl, fi := revisionFlags(f)
	if err := f.parseFlagsOnly(args, "clause", "reason"); err != nil {
		return err
	}
	var err error
	if in.Opinions, err = ids("opinion", *op); err != nil {
		return err
	}
	if in.Clusters, err = ids("cluster", *cl); err != nil {
		return err
	}
	in.Findings = *fi
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := loop.AddRevision(e.ctx, s, id, *in)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, r.Record)
	return nil
}

func reviseEdit(e *env, args []string) error {
	f, db, pol := policyFlags("revise edit")
	in, op, cl, fi := revisionFlags(f)
	record := f.String("record", "", "")
	if err := f.parseFlagsOnly(args, "record"); err != nil {
		return err
	}
	rec, err := parseID("record", *record)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	hist, err := loop.RevisionHistory(e.ctx, s, id, rec)
	if err != nil {
		return err
	}
	// Fields not given keep the last version's value.
	last := hist[len(hist)-1]
	next := loop.RevisionInput{Clause: last.Clause, Before: last.Before, After: last.After, Reason: last.Reason,
		Findings: last.Findings, Opinions: last.Opinions, Clusters: last.Clusters, Date: in.Date}
	if set["clause"] {
		next.Clause = in.Clause
	}
	if set["before"] {
		next.Before = in.Before
	}
	if set["after"] {
		next.After = in.After
	}
	if set["reason"] {
		next.Reason = in.Reason
	}
	if set["finding"] {
		next.Findings = *fi
	}
	if set["opinion"] {
		if next.Opinions, err = ids("opinion", *op); err != nil {
			return err
		}
	}
	if set["cluster"] {
		if next.Clusters, err = ids("cluster", *cl); err != nil {
			return err
		}
	}
	r, err := loop.EditRevision(e.ctx, s, id, rec, next)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, r.Version)
	return nil
}

func reviseWithdraw(e *env, args []string) error {
	f, db, pol := policyFlags("revise withdraw")
	record := f.String("record", "", "")
	date := f.String("date", "", "")
	if err := f.parseFlagsOnly(args, "record"); err != nil {
		return err
	}
	rec, err := parseID("record", *record)
	if err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := loop.WithdrawRevision(e.ctx, s, id, rec, *date)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, r.Version)
	return nil
}

func reviseList(e *env, args []string) error {
	f, db, pol := policyFlags("revise list")
	asJSON := f.Bool("json", false, "")
	history := f.String("history", "", "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	var revs []loop.Revision
	if *history != "" {
		rec, err := parseID("history", *history)
		if err != nil {
			return err
		}
		revs, err = loop.RevisionHistory(e.ctx, s, id, rec)
		if err != nil {
			return err
		}
	} else if revs, err = loop.Revisions(e.ctx, s, id); err != nil {
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

func publishCmd(e *env, args []string) error {
	f, db, pol := policyFlags("publish")
	what := f.String("what", "", "")
	date := f.String("date", "", "")
	asJSON := f.Bool("json", false, "")
	if err := f.parseFlagsOnly(args, "what", "date"); err != nil {
		return err
	}
	if *what != loop.WhatFeedback && *what != loop.WhatEvaluation {
		return usagef("--what 应为 feedback 或 evaluation，而不是 %q", *what)
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := loop.Publish(e.ctx, s, id, *what, *date)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, p)
	}
	return nil
}

func publicationsCmd(e *env, args []string) error {
	f, db, pol := policyFlags("publications")
	what := f.String("what", "", "")
	asJSON := f.Bool("json", false, "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	ps, err := loop.Publications(e.ctx, s, id, *what)
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
