package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
)

func init() {
	register(&command{name: "policy add", usage: "--db F --title T --dept D --category C [--doc-no N] [--issued DATE] [--draft DATE] [--stage S] [--officers]", run: policyAdd})
	register(&command{name: "policy set", usage: "--db F --policy ID [--title T] [--dept D] [--category C] [--doc-no N] [--issued DATE] [--draft DATE] [--stage S] [--officers=true|false]", run: policySet})
	register(&command{name: "policy list", usage: "--db F [--json]", run: policyList})
	register(&command{name: "consult set", usage: "--db F --policy ID --start DATE --end DATE [--channel TEXT] [--contact TEXT]", run: consultSet})
	register(&command{name: "need add", usage: "--db F --policy ID --date DATE [--channel TEXT] [--desc TEXT] [--count N]", run: needAdd})
	register(&command{name: "meeting add", usage: "--db F --date DATE --reps N [--title T]", run: meetingAdd})
	register(&command{name: "officer add", usage: "--db F --policy ID --name N", run: officerAdd})
	register(&command{name: "check", usage: "--db F --policy ID [--json]", run: checkCmd})
	register(&command{name: "workdays", usage: "FROM TO", run: workdays})
}

func policyAdd(e *env, args []string) error {
	f, db := dbFlags("policy add")
	var p data.Policy
	f.StringVar(&p.Title, "title", "", "")
	f.StringVar(&p.Dept, "dept", "", "")
	f.StringVar(&p.Category, "category", "", "")
	f.StringVar(&p.DocNo, "doc-no", "", "")
	f.StringVar(&p.Issued, "issued", "", "")
	f.StringVar(&p.DraftDate, "draft", "", "")
	stage := f.String("stage", "", "")
	f.BoolVar(&p.UsesOfficers, "officers", false, "")
	if err := f.parseFlagsOnly(args, "db", "title", "dept", "category"); err != nil {
		return err
	}
	if *stage != "" {
		st, err := data.ParseStage(*stage)
		if err != nil {
			return err
		}
		p.Stage = st
	}
	s, err := openDB(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	return e.printID(s.AddPolicy(e.ctx, p))
}

// policySet changes the given fields of a policy (e.g. its issue date once it is issued); the others stay.
func policySet(e *env, args []string) error {
	f, db, pol := policyFlags("policy set")
	title := f.String("title", "", "")
	dept := f.String("dept", "", "")
	category := f.String("category", "", "")
	docNo := f.String("doc-no", "", "")
	issued := f.String("issued", "", "")
	draft := f.String("draft", "", "")
	stage := f.String("stage", "", "")
	officers := f.Bool("officers", false, "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	given := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	if len(given) <= 2 { // --db and --policy only
		return usagef("没有要修改的字段（--title、--issued 等）(nothing to change)")
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := s.Policy(e.ctx, id)
	if err != nil {
		return err
	}
	for name, v := range map[string]struct {
		dst *string
		val string
	}{"title": {&p.Title, *title}, "dept": {&p.Dept, *dept}, "category": {&p.Category, *category},
		"doc-no": {&p.DocNo, *docNo}, "issued": {&p.Issued, *issued}, "draft": {&p.DraftDate, *draft}} {
		if given[name] {
			*v.dst = v.val
		}
	}
	if given["stage"] {
		if p.Stage, err = data.ParseStage(*stage); err != nil {
			return err
		}
	}
	if given["officers"] {
		p.UsesOfficers = *officers
	}
	return s.UpdatePolicy(e.ctx, p)
}

func policyList(e *env, args []string) error {
	f, db := dbFlags("policy list")
	asJSON := f.Bool("json", false, "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	s, err := openDB(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ps, err := s.ListPolicies(e.ctx, data.PolicyFilter{})
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, ps)
	}
	tw := newTable(e.stdout)
	fmt.Fprintln(tw, "ID\t标题\t文号\t承办单位\t类别\t阶段\t印发日期")
	for _, p := range ps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.ID, oneLine(p.Title), p.DocNo, p.Dept, p.Category, data.StageNames[p.Stage], p.Issued)
	}
	return tw.Flush()
}

func consultSet(e *env, args []string) error {
	f, db, pol := policyFlags("consult set")
	var c data.Consultation
	f.StringVar(&c.Start, "start", "", "")
	f.StringVar(&c.End, "end", "", "")
	f.StringVar(&c.Channel, "channel", "", "")
	f.StringVar(&c.Contact, "contact", "", "")
	if err := f.parseFlagsOnly(args, "start", "end"); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	c.PolicyID = id
	return s.SetConsultation(e.ctx, c)
}

func needAdd(e *env, args []string) error {
	f, db, pol := policyFlags("need add")
	var n data.Need
	f.StringVar(&n.Date, "date", "", "")
	f.StringVar(&n.Channel, "channel", "", "")
	f.StringVar(&n.Description, "desc", "", "")
	f.IntVar(&n.Count, "count", 0, "")
	if err := f.parseFlagsOnly(args, "date"); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	n.PolicyID = id
	return e.printID(s.AddNeed(e.ctx, n))
}

func meetingAdd(e *env, args []string) error {
	f, db := dbFlags("meeting add")
	var m data.Meeting
	f.StringVar(&m.Date, "date", "", "")
	f.StringVar(&m.Title, "title", "", "")
	reps := f.String("reps", "", "")
	if err := f.parseFlagsOnly(args, "db", "date", "reps"); err != nil {
		return err
	}
	if _, err := fmt.Sscanf(*reps, "%d", &m.Reps); err != nil || fmt.Sprint(m.Reps) != strings.TrimSpace(*reps) {
		return usagef("--reps 应为整数，而不是 %q", *reps)
	}
	s, err := openDB(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	return e.printID(s.AddMeeting(e.ctx, m))
}

func officerAdd(e *env, args []string) error {
	f, db, pol := policyFlags("officer add")
	name := f.String("name", "", "")
	if err := f.parseFlagsOnly(args, "name"); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	return e.printID(s.AddOfficer(e.ctx, id, *name))
}

func checkCmd(e *env, args []string) error {
	f, db, pol := policyFlags("check")
	asJSON := f.Bool("json", false, "")
	if err := f.parseFlagsOnly(args); err != nil {
		return err
	}
	s, id, err := openPolicy(e, *db, *pol)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := check.Run(e.ctx, s, id)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, res)
	}
	for _, c := range res.Checks {
		mark := "待定"
		if c.OK != nil && *c.OK {
			mark = "通过"
		} else if c.OK != nil {
			mark = "未通过"
		}
		fmt.Fprintf(e.stdout, "[%s] %s：%s\n", mark, c.Name, c.Detail)
	}
	return nil
}

func workdays(e *env, args []string) error {
	f := newFlags("workdays")
	if err := f.parse(args); err != nil {
		return err
	}
	if len(f.positional) != 2 {
		return usagef("需要两个日期 FROM TO (need FROM and TO)")
	}
	from, to := f.positional[0], f.positional[1]
	if a, err := data.ParseDate(from); err == nil {
		if b, err := data.ParseDate(to); err == nil && b.Before(a) {
			return usagef("结束日期 %s 早于开始日期 %s：先写开始日期，再写结束日期", to, from)
		}
	}
	n, err := check.Count(from, to)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, n.Days)
	if w := n.Warning(); w != "" { // the number stays alone on stdout for scripts
		fmt.Fprintf(e.stderr, "gongping workdays: 注意：%s\n", w)
	}
	return nil
}
