package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
)

// dayButton finds the calendar's button for day n.
func dayButton(p *datePicker, n string) *widget.Button {
	for _, o := range p.days.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == n {
			return b
		}
	}
	return nil
}

// The calendar opens from the field's button on the field's month, in Chinese, weeks from Monday; a day
// tapped is written YYYY-MM-DD and closes it.
func TestDatePicker(t *testing.T) {
	u := newTestUI(t)
	e := dateEntry("2026年3月10日")
	u.Win.SetContent(container.NewVBox(e))
	drawn := false
	for _, o := range test.WidgetRenderer(e).Objects() {
		drawn = drawn || o == e.ActionItem
	}
	if !drawn {
		t.Fatal("the calendar button is not drawn")
	}
	test.Tap(e.ActionItem.(*widget.Button))
	top := u.Win.Canvas().Overlays().Top()
	pop, ok := top.(*widget.PopUp)
	if !ok || !pop.Visible() {
		t.Fatalf("no calendar opened: %T", top)
	}
	// A picker on the same field, with today fixed, to inspect.
	p := newDatePicker(e, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	if p.title.Text != "2026年3月" {
		t.Errorf("title %q, want 2026年3月", p.title.Text)
	}
	var heads []string
	for _, o := range p.days.Objects[:7] {
		heads = append(heads, o.(*widget.Label).Text)
	}
	if strings.Join(heads, "") != "一二三四五六日" {
		t.Errorf("weekday heads %q", heads)
	}
	// 2026-03-01 is a Sunday: six empty cells before it.
	for i, o := range p.days.Objects[7:13] {
		if _, ok := o.(layout.SpacerObject); !ok {
			t.Errorf("cell %d before the 1st is %T", i, o)
		}
	}
	if b, ok := p.days.Objects[13].(*widget.Button); !ok || b.Text != "1" {
		t.Errorf("the 1st is not under 日: %T", p.days.Objects[13])
	}
	if b := dayButton(p, "10"); b == nil || b.Importance != widget.HighImportance {
		t.Error("the field's day is not marked")
	}
	// Tapping a day in the calendar on screen writes it.
	changed := ""
	e.OnChanged = func(s string) { changed = s }
	var fifteen *widget.Button
	eachVisible(pop, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "15" {
			fifteen = b
		}
	})
	if fifteen == nil {
		t.Fatal("no day 15 in the calendar on screen")
	}
	test.Tap(fifteen)
	if e.Text != "2026-03-15" || changed != "2026-03-15" || pop.Visible() {
		t.Errorf("picked: field %q, OnChanged %q, calendar still open %v", e.Text, changed, pop.Visible())
	}
	// Month and year steps, 今天 and 清除.
	test.Tap(p.nextMonth)
	if p.title.Text != "2026年4月" {
		t.Errorf("after the next month: %q", p.title.Text)
	}
	test.Tap(p.prevYear)
	if p.title.Text != "2025年4月" || len(p.days.Objects) != 7+1+30 { // 2025-04-01 is a Tuesday
		t.Errorf("a year back: %q, %d cells", p.title.Text, len(p.days.Objects))
	}
	test.Tap(p.nextYear)
	test.Tap(p.prevMonth)
	test.Tap(p.prevMonth)
	if p.title.Text != "2026年2月" || len(p.days.Objects) != 7+6+28 { // 2026-02-01 is a Sunday
		t.Errorf("two months back: %q, %d cells", p.title.Text, len(p.days.Objects))
	}
	test.Tap(p.todayBtn)
	if e.Text != "2026-12-02" {
		t.Errorf("today: %q", e.Text)
	}
	test.Tap(p.clearBtn)
	if e.Text != "" {
		t.Errorf("cleared: %q", e.Text)
	}
	// An empty or unreadable field opens on this month.
	e.SetText("")
	if p := newDatePicker(e, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)); p.title.Text != "2026年12月" || dayButton(p, "2").Importance != widget.MediumImportance {
		t.Errorf("empty field: %q", p.title.Text)
	}
}

// Every spelling data.ParseDate reads is accepted by a date field; an impossible date is not.
func TestDateFieldSpellings(t *testing.T) {
	e := dateEntry("")
	for _, s := range []string{"", "2025-03-01", "2025/03/01", "2025.3.1", "2025年3月1日"} {
		if err := e.Validator(s); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
	for _, s := range []string{"2025-02-30", "2025年13月1日", "1/3/2025"} {
		if err := e.Validator(s); err == nil || err.Error() != "日期无法识别，如 2026-03-01" {
			t.Errorf("%q: %v, want refused", s, err)
		}
	}
}

// The policy form takes any spelling, stores YYYY-MM-DD, refuses an issue date before drafting began and
// warns, saving, of a comment period that does not fit the policy's dates.
func TestPolicyFormDates(t *testing.T) {
	u := newTestUI(t)
	f := newPolicyForm(data.Policy{}, nil)
	f.title.SetText("关于优化营商环境的若干措施")
	f.dept.SetText("市发展改革委")
	f.category.SetSelected("营商环境")
	f.draft.SetText("2026年3月10日")
	f.issued.SetText("2026/3/1")
	if _, err := savePolicyForm(u, f); err == nil || !f.errText.Visible() || !strings.Contains(f.errText.Text, "印发日期 2026-03-01 早于起草日期 2026-03-10") {
		t.Fatalf("issued before drafting: %v / %q", err, f.errText.Text)
	}
	f.issued.SetText("2026.4.15")
	id, err := savePolicyForm(u, f)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := u.store.Policy(context.Background(), id)
	if p.DraftDate != "2026-03-10" || p.Issued != "2026-04-15" {
		t.Errorf("stored %q %q", p.DraftDate, p.Issued)
	}
	if err := u.store.SetConsultation(context.Background(), data.Consultation{PolicyID: id, Start: "2026-03-01", End: "2026-03-20"}); err != nil {
		t.Fatal(err)
	}
	// Editing it: the comment period starts before the drafting date typed.
	f = newPolicyForm(p, nil)
	f.loadDateFacts(u)
	if !f.warn.Visible() || !strings.Contains(f.warn.Text, "征求意见开始日期 2026-03-01 早于起草日期 2026-03-10") {
		t.Errorf("warning %q", f.warn.Text)
	}
	f.draft.SetText("2026-02-20")
	if f.warn.Visible() {
		t.Errorf("warning after correcting: %q", f.warn.Text)
	}
	f.issued.SetText("2026-03-20")
	if !f.warn.Visible() || !strings.Contains(f.warn.Text, "不晚于征求意见截止日期 2026-03-20") {
		t.Errorf("issued on the last day of the comment period: %q", f.warn.Text)
	}
	if _, err := savePolicyForm(u, f); err != nil {
		t.Errorf("a warning should not stop saving: %v", err)
	}
}

// The consultation editor reads any spelling and warns, saving, of a period before the drafting date.
func TestConsultationEditorDates(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "征求意见测试", DraftDate: "2026-02-16", Issued: "2026-04-01"})
	e := newConsultEditor(u, id, nil, func() {})
	e.start.SetText("2026/2/12")
	e.end.SetText("2026年2月25日")
	if !strings.Contains(e.days.Text, " 5 ") {
		t.Errorf("count %q", e.days.Text)
	}
	if !e.dateWarn.Visible() || !strings.Contains(e.dateWarn.Text, "征求意见开始日期 2026-02-12 早于起草日期 2026-02-16") {
		t.Errorf("date warning %q", e.dateWarn.Text)
	}
	test.Tap(e.save)
	c, err := u.store.Consultation(context.Background(), id)
	if err != nil || c.Start != "2026-02-12" || c.End != "2026-02-25" {
		t.Errorf("saved %+v %v", c, err)
	}
	e.start.SetText("2026-02-16")
	if e.dateWarn.Visible() {
		t.Errorf("warning after correcting: %q", e.dateWarn.Text)
	}
	e.end.SetText("2026-02-30")
	if !strings.Contains(e.days.Text, "2026年2月只有 28 天") {
		t.Errorf("impossible date: %q", e.days.Text)
	}
	e.end.SetText("2026年2月1日")
	if e.days.Text != "截止日期早于开始日期。" {
		t.Errorf("end before start in another spelling: %q", e.days.Text)
	}
}

// A need collected after drafting began is saved and flagged; meetings take any spelling.
func TestNeedsAndMeetingsDates(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "需求征集测试", DraftDate: "2026-01-10"})
	e := newNeedsEditor(u, id, nil, func() {})
	e.date.SetText("2026年1月20日")
	e.channel.SetText("网上征集")
	test.Tap(e.add)
	ns, _ := u.store.Needs(context.Background(), id)
	if len(ns) != 1 || ns[0].Date != "2026-01-20" {
		t.Fatalf("needs %+v (error %q)", ns, u.lastError)
	}
	e = newNeedsEditor(u, id, ns, func() {})
	if !e.dateWarn.Visible() || !strings.Contains(e.dateWarn.Text, "需求征集日期 2026-01-20 晚于起草日期 2026-01-10") {
		t.Errorf("needs warning %q", e.dateWarn.Text)
	}
	m := newMeetingsPage(u)
	m.date.SetText("2026.3.5")
	m.title.SetText("市政府第58次常务会议")
	m.reps.SetText("6")
	m.onAdd()
	ms, _ := u.store.Meetings(context.Background(), 0)
	if len(ms) != 1 || ms[0].Date != "2026-03-05" {
		t.Errorf("meetings %+v (error %q)", ms, u.lastError)
	}
}

// A revision record and its withdrawal are dated as typed (the window always used today before).
func TestRevisionDates(t *testing.T) {
	u := newTestUI(t)
	id := samplePolicy(t, u)
	tab := newRevisionsTab(u, id)
	e := tab.showEditor(nil)
	e.clause.SetText("第五条")
	e.before.SetText("审批时限不超过20个工作日。")
	e.after.SetText("审批时限不超过15个工作日。")
	e.reason.SetText("采纳公众意见")
	if e.date.Text != todayDate() {
		t.Errorf("a new record's date %q, want today", e.date.Text)
	}
	e.date.SetText("2026年11月18日")
	e.save()
	if len(tab.d.revisions) != 1 || tab.d.revisions[0].Date != "2026-11-18" {
		t.Fatalf("record %+v (error %q)", tab.d.revisions, u.lastError)
	}
	d := tab.onWithdraw()
	if tab.withdrawDate == nil || tab.withdrawDate.Text != todayDate() {
		t.Fatal("the withdrawal asks no date")
	}
	tab.withdrawDate.SetText("2026-11-10")
	test.Tap(d)
	if !strings.Contains(u.lastError, "早于修订记录") || tab.d.revisions[0].Withdrawn {
		t.Errorf("withdrawn before the record's date: error %q", u.lastError)
	}
	tab.withdrawDate.SetText("2026/11/25")
	test.Tap(d)
	h, _ := loop.RevisionHistory(context.Background(), u.store, id, tab.d.revisions[0].Record)
	if len(h) != 2 || !h[1].Withdrawn || h[1].Date != "2026-11-25" {
		t.Errorf("history %+v", h)
	}
}
