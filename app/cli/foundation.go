package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
)

// policyFields declares the fields of a policy that policy add and policy set take.
func policyFields(f *flags, p *data.Policy) *string {
	f.StringVar(&p.Title, "title", "", "政策标题")
	f.StringVar(&p.Dept, "dept", "", "承办单位")
	f.StringVar(&p.Category, "category", "", "政策类别："+strings.Join(data.Categories, "、"))
	f.StringVar(&p.DocNo, "doc-no", "", "文号")
	f.StringVar(&p.Issued, "issued", "", "印发日期（YYYY-MM-DD）")
	f.StringVar(&p.DraftDate, "draft", "", "起草日期（YYYY-MM-DD）")
	f.BoolVar(&p.UsesOfficers, "officers", false, "评价是否有体验官参与")
	stages := make([]string, len(data.Stages))
	for i, st := range data.Stages {
		stages[i] = data.StageNames[st]
	}
	return f.String("stage", "", "闭环所处阶段："+strings.Join(stages, "、")+"（或其英文名，如 consultation）")
}

func policyAdd(f *flags) action {
	var p data.Policy
	stage := policyFields(f, &p)
	f.need("title", "dept", "category")
	return func(e *env) error {
		if *stage != "" {
			st, err := data.ParseStage(*stage)
			if err != nil {
				return err
			}
			p.Stage = st
		}
		return e.printID(e.store.AddPolicy(e.ctx, p))
	}
}

// policySet changes the given fields of a policy (e.g. its issue date once it is issued); the others stay.
func policySet(f *flags) action {
	var in data.Policy
	stage := policyFields(f, &in)
	f.checkWith(func() error {
		for _, name := range []string{"title", "dept", "category", "doc-no", "issued", "draft", "stage", "officers"} {
			if f.given(name) {
				return nil
			}
		}
		return usagef("没有要修改的字段（--title、--issued 等）(nothing to change)")
	})
	return func(e *env) error {
		p, err := e.store.Policy(e.ctx, e.policy)
		if err != nil {
			return err
		}
		for name, v := range map[string]struct{ dst, val *string }{"title": {&p.Title, &in.Title}, "dept": {&p.Dept, &in.Dept},
			"category": {&p.Category, &in.Category}, "doc-no": {&p.DocNo, &in.DocNo}, "issued": {&p.Issued, &in.Issued},
			"draft": {&p.DraftDate, &in.DraftDate}} {
			if f.given(name) {
				*v.dst = *v.val
			}
		}
		if f.given("stage") {
			if p.Stage, err = data.ParseStage(*stage); err != nil {
				return err
			}
		}
		if f.given("officers") {
			p.UsesOfficers = in.UsesOfficers
		}
		if err := e.store.UpdatePolicy(e.ctx, p); err != nil {
			return err
		}
		ws, err := policyDateWarnings(e, p.ID)
		warnDates(e, "policy set", ws)
		return err
	}
}

func policyList(f *flags) action {
	asJSON := f.jsonFlag()
	return func(e *env) error {
		ps, err := e.store.ListPolicies(e.ctx, data.PolicyFilter{})
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
}

func consultSet(f *flags) action {
	var c data.Consultation
	f.StringVar(&c.Start, "start", "", "征求意见开始日期（YYYY-MM-DD）")
	f.StringVar(&c.End, "end", "", "征求意见截止日期（YYYY-MM-DD）")
	f.StringVar(&c.Channel, "channel", "", "征求意见的渠道（如 政府网站）")
	f.StringVar(&c.Contact, "contact", "", "意见反馈的联系方式")
	f.need("start", "end")
	return func(e *env) error {
		c.PolicyID = e.policy
		if err := e.store.SetConsultation(e.ctx, c); err != nil {
			return err
		}
		p, err := e.store.Policy(e.ctx, e.policy)
		if err != nil {
			return err
		}
		warnDates(e, "consult set", data.ConsultationDateWarnings(p, c))
		return nil
	}
}

func needAdd(f *flags) action {
	var n data.Need
	f.StringVar(&n.Date, "date", "", "征集日期（YYYY-MM-DD）")
	f.StringVar(&n.Channel, "channel", "", "征集渠道")
	f.StringVar(&n.Description, "desc", "", "征集的内容")
	f.IntVar(&n.Count, "count", 0, "收到的需求条数")
	f.need("date")
	return func(e *env) error {
		n.PolicyID = e.policy
		if err := e.printID(e.store.AddNeed(e.ctx, n)); err != nil {
			return err
		}
		p, err := e.store.Policy(e.ctx, e.policy)
		if err != nil {
			return err
		}
		warnDates(e, "need add", data.NeedDateWarnings(p, n))
		return nil
	}
}

func meetingAdd(f *flags) action {
	var m data.Meeting
	f.StringVar(&m.Date, "date", "", "会议日期（YYYY-MM-DD）")
	f.StringVar(&m.Title, "title", "", "会议名称")
	reps := f.String("reps", "", "列席的公众代表人数")
	f.need("date", "reps")
	f.checkWith(func() error {
		if _, err := fmt.Sscanf(*reps, "%d", &m.Reps); err != nil || fmt.Sprint(m.Reps) != strings.TrimSpace(*reps) {
			return usagef("--reps 应为整数，而不是 %q", *reps)
		}
		return nil
	})
	return func(e *env) error { return e.printID(e.store.AddMeeting(e.ctx, m)) }
}

func officerAdd(f *flags) action {
	name := f.String("name", "", "体验官姓名")
	f.need("name")
	return func(e *env) error { return e.printID(e.store.AddOfficer(e.ctx, e.policy, *name)) }
}

// printChecks shows the statutory checklist, one line a rule.
func printChecks(w io.Writer, res check.Result) error {
	for _, c := range res.Checks {
		mark := "待定"
		if c.OK != nil && *c.OK {
			mark = "通过"
		} else if c.OK != nil {
			mark = "未通过"
		}
		fmt.Fprintf(w, "[%s] %s：%s\n", mark, c.Name, c.Detail)
	}
	return nil
}

func workdays(f *flags) action {
	args := f.takeArgs()
	f.checkWith(func() error {
		if len(*args) != 2 {
			return usagef("需要两个日期 FROM TO (need FROM and TO)")
		}
		from, to := (*args)[0], (*args)[1]
		if a, err := data.ParseDate(from); err == nil {
			if b, err := data.ParseDate(to); err == nil && b.Before(a) {
				return usagef("结束日期 %s 早于开始日期 %s：先写开始日期，再写结束日期", to, from)
			}
		}
		return nil
	})
	return func(e *env) error {
		n, err := check.Count((*args)[0], (*args)[1])
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, n.Days)
		if w := n.Warning(); w != "" { // the number stays alone on stdout for scripts
			fmt.Fprintf(e.stderr, "gongping workdays: 注意：%s\n", w)
		}
		return nil
	}
}
