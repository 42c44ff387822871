// Package check runs the statutory checklist of the Beijing public-participation measures on a policy.
package check

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/calendar"
	"github.com/gongping/gongping/data/store"
)

// Result is the checklist of one policy (gongping check --json).
type Result struct {
	Policy int64  `json:"policy"`
	Checks []Item `json:"checks"`
}

// Item is one rule's verdict. OK is nil when the rule cannot be judged yet.
type Item struct {
	Rule     string `json:"rule"`
	Name     string `json:"name"` // Chinese name of the rule
	OK       *bool  `json:"ok"`
	Value    *int   `json:"value"`
	Required *int   `json:"required"`
	Detail   string `json:"detail"`
}

// Thresholds of the measures.
const (
	MinCommentDays    = 5 // working days of a comment period
	MinMeetings       = 2 // executive meetings a year with public representatives
	MinMeetingReps    = 5 // public representatives at each
	MinOfficers       = 5 // 体验官 per policy that uses them
	ruleCommentPeriod = "comment_period"
)

// Rule names, in the order they are reported.
var Rules = []struct{ Key, Name string }{
	{"demand_collection", "起草前开展需求征集"},
	{ruleCommentPeriod, "征求意见期不少于5个工作日"},
	{"feedback_on_issue", "政策印发时公开采纳情况"},
	{"unadopted_reasons", "较为集中意见未采纳须说明理由"},
	{"meetings", "每年至少2次常务会议邀请5名以上公众代表列席"},
	{"officers", "聘请政策体验官不少于5名"},
	{"evaluation_published", "执行后公开评价报告和修订情况"},
}

type ruleFunc func(ctx context.Context, s *store.Store, p data.Policy) (Item, error)

// ruleFuncs maps a rule to its judge; a rule whose data is not stored yet is judged by notYet.
var ruleFuncs = map[string]ruleFunc{
	"demand_collection": demandCollection,
	ruleCommentPeriod:   commentPeriod,
	"meetings":          meetings,
	"officers":          officers,
}

// Run judges every rule for one policy.
func Run(ctx context.Context, s *store.Store, policyID int64) (Result, error) {
	p, err := s.Policy(ctx, policyID)
	if err != nil {
		return Result{}, err
	}
	res := Result{Policy: policyID, Checks: []Item{}}
	for _, r := range Rules {
		f, ok := ruleFuncs[r.Key]
		var it Item
		if ok {
			it, err = f(ctx, s, p)
			if err != nil {
				return res, fmt.Errorf("check %s: %w", r.Key, err)
			}
		} else {
			it = Item{Detail: "尚无相关记录，暂无法判断"}
		}
		it.Rule, it.Name = r.Key, r.Name
		res.Checks = append(res.Checks, it)
	}
	return res, nil
}

func boolp(b bool) *bool { return &b }
func intp(i int) *int    { return &i }

func commentPeriod(ctx context.Context, s *store.Store, p data.Policy) (Item, error) {
	it := Item{Required: intp(MinCommentDays)}
	c, err := s.Consultation(ctx, p.ID)
	if errors.Is(err, data.ErrNotFound) {
		it.Detail = "尚未记录征求意见期"
		return it, nil
	}
	if err != nil {
		return it, err
	}
	n, err := Count(c.Start, c.End)
	var ie *data.InputError
	if errors.As(err, &ie) {
		// A broken holiday file or an absurd period: this rule cannot be judged, the others still can.
		it.Detail = fmt.Sprintf("征求意见期 %s 至 %s 无法计算工作日：%s", c.Start, c.End, ie.Msg)
		return it, nil
	}
	if err != nil {
		return it, err
	}
	if len(n.Uncovered) > 0 {
		// Some days fall in a year whose notice is not held (see calendar.Count): their count is a guess,
		// so no value. The days that are known still pass the rule when they alone are enough.
		if n.Known >= MinCommentDays {
			it.OK = boolp(true)
			it.Detail = fmt.Sprintf("征求意见期 %s 至 %s 中节假日安排已知的日期已有 %d 个工作日，不少于 %d 个；%s", c.Start, c.End, n.Known, MinCommentDays, n.Warning())
			return it, nil
		}
		it.Detail = fmt.Sprintf("征求意见期 %s 至 %s 按周一至周五计为 %d 个工作日，暂无法判断：%s", c.Start, c.End, n.Days, n.Warning())
		return it, nil
	}
	it.Value = intp(n.Days)
	it.OK = boolp(n.Days >= MinCommentDays)
	it.Detail = fmt.Sprintf("征求意见期 %s 至 %s，共 %d 个工作日", c.Start, c.End, n.Days)
	if n.Days < MinCommentDays {
		it.Detail += fmt.Sprintf("，少于 %d 个工作日", MinCommentDays)
	}
	return it, nil
}

// WorkingDays counts the statutory working days between two YYYY-MM-DD dates, inclusive,
// with the user's holiday overrides applied. Where the user reads the number, use Count: it also names
// the years counted Monday–Friday.
func WorkingDays(from, to string) (int, error) {
	n, err := Count(from, to)
	return n.Days, err
}

// Count counts the statutory working days between two YYYY-MM-DD dates, inclusive, on the user's
// calendar (calendar.Default), and names the years whose holiday notice it does not hold. The checklist,
// the command line (workdays) and the consultation editor all count here.
func Count(from, to string) (calendar.Count, error) {
	f, err := data.ParseDate(from)
	if err != nil {
		return calendar.Count{}, err
	}
	t, err := data.ParseDate(to)
	if err != nil {
		return calendar.Count{}, err
	}
	cal, err := calendar.Default()
	if err != nil {
		return calendar.Count{}, &data.InputError{Msg: "节假日调整文件有误：" + err.Error(), Err: err}
	}
	n, err := cal.Count(f, t)
	if err != nil {
		return calendar.Count{}, &data.InputError{Msg: err.Error(), Err: err}
	}
	return n, nil
}

// policyYear is the year the meetings rule looks at: the issue year, else the consultation's, else this year.
func policyYear(ctx context.Context, s *store.Store, p data.Policy) int {
	if t, err := data.ParseDate(p.Issued); err == nil {
		return t.Year()
	}
	if c, err := s.Consultation(ctx, p.ID); err == nil {
		if t, err := data.ParseDate(c.Start); err == nil {
			return t.Year()
		}
	}
	return time.Now().Year()
}

// MeetingsYear is one year's executive meetings counted against the meetings rule.
type MeetingsYear struct {
	Year      string // "2026"
	Meetings  int    // recorded
	Attended  int    // with any public representative (a meeting recorded with 0 has none)
	Qualified int    // with at least MinMeetingReps
}

// Met reports whether the year has the MinMeetings qualified meetings the rule asks for.
func (y MeetingsYear) Met() bool { return y.Qualified >= MinMeetings }

// MeetingsByYear counts meetings (sorted by date) per year, in their order.
func MeetingsByYear(ms []data.Meeting) []MeetingsYear {
	var out []MeetingsYear
	for _, m := range ms {
		y := m.Date[:min(4, len(m.Date))]
		if len(out) == 0 || out[len(out)-1].Year != y {
			out = append(out, MeetingsYear{Year: y})
		}
		cur := &out[len(out)-1]
		cur.Meetings++
		if m.Reps > 0 {
			cur.Attended++
		}
		if m.Reps >= MinMeetingReps {
			cur.Qualified++
		}
	}
	return out
}

func meetings(ctx context.Context, s *store.Store, p data.Policy) (Item, error) {
	year := policyYear(ctx, s, p)
	ms, err := s.Meetings(ctx, year)
	if err != nil {
		return Item{}, err
	}
	var y MeetingsYear
	if ys := MeetingsByYear(ms); len(ys) == 1 {
		y = ys[0]
	}
	it := Item{Value: intp(y.Qualified), Required: intp(MinMeetings)}
	it.Detail = fmt.Sprintf("%d年共 %d 次常务会议有公众代表列席，其中 %d 次不少于 %d 人", year, y.Attended, y.Qualified, MinMeetingReps)
	switch {
	case y.Met():
		it.OK = boolp(true)
	case year < time.Now().Year():
		it.OK = boolp(false) // the year is over
	default:
		it.Detail += "；本年度尚未结束"
	}
	return it, nil
}

func officers(ctx context.Context, s *store.Store, p data.Policy) (Item, error) {
	os, err := s.Officers(ctx, p.ID)
	if err != nil {
		return Item{}, err
	}
	// Officers who sent feedback (import officers) but are not on the roster: the rule counts the roster,
	// the detail says who is missing from it.
	unlisted, err := s.UnlistedOfficers(ctx, p.ID)
	if err != nil {
		return Item{}, err
	}
	it := Item{Value: intp(len(os)), Required: intp(MinOfficers)}
	if !p.UsesOfficers && len(os) == 0 && unlisted == 0 {
		it.Detail = "本政策未设政策体验官，不适用"
		return it, nil
	}
	it.OK = boolp(len(os) >= MinOfficers)
	it.Detail = fmt.Sprintf("体验官名单共 %d 人", len(os))
	if len(os) < MinOfficers {
		it.Detail += fmt.Sprintf("，少于 %d 人", MinOfficers)
	}
	if unlisted > 0 {
		it.Detail += fmt.Sprintf("；另有 %d 人提交了体验官反馈但不在名单中，请登记到体验官名单", unlisted)
	}
	return it, nil
}

func demandCollection(ctx context.Context, s *store.Store, p data.Policy) (Item, error) {
	ns, err := s.Needs(ctx, p.ID)
	if err != nil {
		return Item{}, err
	}
	// Drafting is taken to begin at the draft date, else at the consultation start (the draft exists then).
	draft, label := p.DraftDate, "起草"
	if draft == "" {
		if c, err := s.Consultation(ctx, p.ID); err == nil {
			draft, label = c.Start, "征求意见稿公开"
		}
	}
	before := 0
	for _, n := range ns {
		if draft == "" || n.Date <= draft {
			before++
		}
	}
	it := Item{Value: intp(before), Required: intp(1)}
	switch {
	case draft == "" && len(ns) == 0:
		it.Detail = "尚未记录需求征集，起草日期未知"
	case draft == "":
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("已开展 %d 次需求征集（起草日期未记录）", len(ns))
	case before > 0:
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("%s（%s）前开展 %d 次需求征集", label, draft, before)
	default:
		it.OK = boolp(false)
		it.Detail = fmt.Sprintf("%s（%s）前没有需求征集记录", label, draft)
	}
	return it, nil
}
