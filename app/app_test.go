package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/stage"
	"github.com/gongping/gongping/data/store"
)

func TestMain(m *testing.M) {
	if err := LoadTranslations(LangChinese); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// newTestUI opens a real workspace in a temp folder and builds the window; loads run inline.
func newTestUI(t *testing.T) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	u, err := newUI(a, w, filepath.Join(t.TempDir(), "test.gpw"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { u.Close() })
	return u
}

func addPolicy(t *testing.T, u *UI, p data.Policy) int64 {
	t.Helper()
	if p.Dept == "" {
		p.Dept = "市发展改革委"
	}
	if p.Category == "" {
		p.Category = "营商环境"
	}
	id, err := u.store.AddPolicy(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestWindowTitleAndEmptyState(t *testing.T) {
	u := newTestUI(t)
	if !strings.Contains(u.Win.Title(), "公评") || !strings.Contains(u.Win.Title(), "test.gpw") {
		t.Errorf("title = %q, want 公评 and the workspace name", u.Win.Title())
	}
	if !u.list.empty.Visible() || !u.list.demoBtn.Visible() {
		t.Error("an empty workspace should say what to do and offer the sample policy")
	}
	if got := u.pages.Items[0].Text; got != "政策列表" {
		t.Errorf("first page = %q, want 政策列表 (Chinese by default)", got)
	}
}

func TestPolicyFormValidationAndSave(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	f := newPolicyForm(data.Policy{}, nil)
	if _, err := savePolicyForm(u, f); err == nil || !f.errText.Visible() || !strings.Contains(f.errText.Text, "标题") {
		t.Fatalf("empty form: err=%v, inline message %q visible=%v; want the title message shown", err, f.errText.Text, f.errText.Visible())
	}
	test.Type(f.title, "关于促进平台经济健康发展的若干措施")
	test.Type(f.dept, "市商务局")
	f.category.SetSelected("市场监管")
	f.issued.SetText("2026/13/01")
	if f.issued.Validate() == nil {
		t.Error("the issue date entry accepted 2026/13/01")
	}
	if _, err := savePolicyForm(u, f); err == nil || !strings.Contains(f.errText.Text, "印发日期") {
		t.Fatalf("bad date: err=%v, message %q; want the issue-date message", err, f.errText.Text)
	}
	f.issued.SetText("2026-05-20")
	f.stage.SetSelectedIndex(3)
	f.officers.SetChecked(true)
	id, err := savePolicyForm(u, f)
	if err != nil || f.errText.Visible() {
		t.Fatalf("valid form: %v", err)
	}
	p, err := u.store.Policy(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := data.Policy{ID: id, Title: "关于促进平台经济健康发展的若干措施", Dept: "市商务局", Category: "市场监管",
		Stage: data.StageImplement, Issued: "2026-05-20", UsesOfficers: true}
	if p != want {
		t.Errorf("stored %+v, want %+v", p, want)
	}

	// Editing keeps the id and updates the row.
	e := newPolicyForm(p, []string{"市商务局"})
	e.docNo.SetText("京商发〔2026〕8号")
	if _, err := savePolicyForm(u, e); err != nil {
		t.Fatal(err)
	}
	if p, _ = u.store.Policy(ctx, id); p.DocNo != "京商发〔2026〕8号" {
		t.Errorf("after edit doc no = %q", p.DocNo)
	}
	u.Refresh()
	if len(u.list.items) != 1 {
		t.Errorf("list shows %d policies, want 1", len(u.list.items))
	}
}

func TestPolicyListFiltering(t *testing.T) {
	u := newTestUI(t)
	addPolicy(t, u, data.Policy{Title: "优化营商环境措施", Dept: "市发展改革委", Category: "营商环境", Stage: data.StageEvaluation})
	addPolicy(t, u, data.Policy{Title: "食品安全监管办法", Dept: "市市场监管局", Category: "市场监管", Stage: data.StageConsultation})
	addPolicy(t, u, data.Policy{Title: "营商环境投诉处理规定", Dept: "市市场监管局", Category: "营商环境", Stage: data.StageConsultation})
	u.Refresh()
	titles := func() string {
		var ts []string
		for _, p := range u.list.items {
			ts = append(ts, p.Title)
		}
		return strings.Join(ts, "|")
	}
	if got := len(u.list.items); got != 3 || u.list.empty.Visible() {
		t.Fatalf("unfiltered: %d items (empty state %v)", got, u.list.empty.Visible())
	}
	if got := u.list.dept.Options; len(got) != 3 {
		t.Errorf("department filter options = %v, want 全部 + 2 departments", got)
	}
	u.list.category.SetSelected("营商环境")
	if got := titles(); got != "营商环境投诉处理规定|优化营商环境措施" {
		t.Errorf("category filter: %s", got)
	}
	u.list.dept.SetSelected("市市场监管局")
	if got := titles(); got != "营商环境投诉处理规定" {
		t.Errorf("category+department filter: %s", got)
	}
	u.list.category.SetSelectedIndex(0)
	u.list.stage.SetSelected(stageLabel(data.StageConsultation))
	test.Type(u.list.search, "食品")
	if got := titles(); got != "食品安全监管办法" {
		t.Errorf("department+stage+search: %s", got)
	}
	test.Type(u.list.search, "不存在")
	if len(u.list.items) != 0 || !u.list.empty.Visible() || u.list.demoBtn.Visible() {
		t.Errorf("no match: items %d, empty state %v, demo button %v", len(u.list.items), u.list.empty.Visible(), u.list.demoBtn.Visible())
	}
}

func TestSelectPolicyShowsTabs(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "测试政策"})
	u.Refresh()
	u.list.list.Select(0)
	if u.policyID != id || u.detail.tabs == nil {
		t.Fatalf("selecting the row: policyID=%d tabs=%v", u.policyID, u.detail.tabs)
	}
	var names []string
	for _, it := range u.detail.tabs.Items {
		names = append(names, it.Text)
	}
	if len(names) < 2 || names[0] != "概览" || names[1] != "体验官名单" {
		t.Errorf("tabs = %v, want 概览, 体验官名单 first", names)
	}
	u.deletePolicy(id)
	if u.policyID != 0 || len(u.list.items) != 0 || u.detail.tabs != nil {
		t.Errorf("after delete: policyID=%d items=%d", u.policyID, len(u.list.items))
	}
}

// The overview shows the timeline data/stage judges (its states, reasons and current step are tested
// there: TestJudge, TestTimeline), the checklist and the tab's own data.
func TestOverviewTimelineStates(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id := addPolicy(t, u, data.Policy{Title: "时间线测试", UsesOfficers: true, Stage: data.StageConsultation})
	if _, err := u.store.AddNeed(ctx, data.Need{PolicyID: id, Date: "2026-01-05", Channel: "座谈会", Count: 12}); err != nil {
		t.Fatal(err)
	}
	if err := u.store.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: "2026-02-12", End: "2026-02-25"}); err != nil {
		t.Fatal(err)
	}
	o, err := loadOverview(ctx, u.store, id, "2026-02-20")
	if err != nil {
		t.Fatal(err)
	}
	want, err := stage.Timeline(ctx, u.store, id, "2026-02-20")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(o.Stages, want) {
		t.Errorf("overview timeline %+v, want data/stage's %+v", o.Stages, want)
	}
	if c := o.Stages[1]; c.State != stage.Active || !c.Current || !strings.Contains(c.Reason, "2026-02-12") {
		t.Errorf("consultation step %+v: want it open now and current", c)
	}
	if len(o.Checks.Checks) != 7 {
		t.Errorf("checklist has %d rules, want 7", len(o.Checks.Checks))
	}
	// The view marks one step as current and shows each step's reason.
	marks, reasons := 0, 0
	var walk func(obj fyne.CanvasObject)
	walk = func(obj fyne.CanvasObject) {
		if l, ok := obj.(*widget.Label); ok {
			if l.Text == lang.L("← current stage") {
				marks++
			}
			if l.Text == o.Stages[0].Reason || l.Text == o.Stages[1].Reason {
				reasons++
			}
		}
		if c, ok := obj.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
		}
	}
	walk(timelineView(o.Stages))
	if marks != 1 || reasons != 2 {
		t.Errorf("timeline view: %d current marks, %d reasons shown; want 1 and 2", marks, reasons)
	}

	// The tab itself shows the same data.
	u.selectPolicy(id)
	tab := &overviewTab{u: u, policyID: id, content: container.NewStack()}
	tab.reload()
	if tab.data.Policy.ID != id || tab.consult.start.Text != "2026-02-12" || len(tab.data.Needs) != 1 || len(tab.data.Stages) != len(data.Stages) {
		t.Errorf("overview tab data %+v", tab.data.Policy)
	}
}

func TestConsultationEditorLiveCount(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "征求意见测试"})
	saved := 0
	e := newConsultEditor(u, id, nil, func() { saved++ })
	if e.warn.Visible() {
		t.Error("warning shown before any date")
	}
	for _, c := range []struct {
		start, end string
		want       string
		warn       bool
	}{
		{"2026-02-12", "2026-02-25", "5", false}, // 2/14 is a make-up working day
		{"2026-02-12", "2026-02-24", "4", true},
		{"2026-09-30", "2026-10-08", "2", true}, // National Day
		{"2026-03-02", "2026-03-13", "10", false},
	} {
		e.start.SetText(c.start)
		e.end.SetText(c.end)
		if !strings.Contains(e.days.Text, " "+c.want+" ") || e.warn.Visible() != c.warn {
			t.Errorf("%s..%s: %q warn=%v, want %s days warn=%v", c.start, c.end, e.days.Text, e.warn.Visible(), c.want, c.warn)
		}
	}
	e.start.SetText("2026-02-12")
	e.end.SetText("2026-02-25")
	if !e.holidays.Visible() || !strings.Contains(e.holidays.Text, "春节") || !strings.Contains(e.holidays.Text, "2026-02-14") {
		t.Errorf("Spring Festival period: holiday note %q, want 春节 and the make-up day 2026-02-14", e.holidays.Text)
	}
	e.start.SetText("2026-03-02")
	e.end.SetText("2026-03-13")
	if e.holidays.Visible() {
		t.Errorf("ordinary fortnight: holiday note %q", e.holidays.Text)
	}
	test.Type(e.end, "x")
	if !strings.Contains(e.days.Text, "YYYY-MM-DD") || e.warn.Visible() {
		t.Errorf("bad date: %q", e.days.Text)
	}
	e.end.SetText("2026-03-01")
	if e.days.Text != lang.L("The end date is before the start date.") {
		t.Errorf("end before start: %q", e.days.Text)
	}
	e.start.SetText("2026-02-12")
	e.end.SetText("2026-02-25")
	e.channel.SetText("首都之窗")
	test.Tap(e.save)
	c, err := u.store.Consultation(context.Background(), id)
	if err != nil || c.Start != "2026-02-12" || c.End != "2026-02-25" || c.Channel != "首都之窗" || saved != 1 {
		t.Errorf("saved %+v err=%v callbacks=%d", c, err, saved)
	}
}

func TestNeedsAdd(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "需求征集测试"})
	e := newNeedsEditor(u, id, nil, func() {})
	e.date.SetText("2026-01-05")
	e.channel.SetText("网上征集")
	e.count.SetText("三十")
	test.Tap(e.add)
	if !strings.Contains(u.lastError, "三十") {
		t.Errorf("non-numeric count: last error %q", u.lastError)
	}
	e.count.SetText("30")
	test.Tap(e.add)
	ns, _ := u.store.Needs(context.Background(), id)
	if len(ns) != 1 || ns[0].Count != 30 || ns[0].Channel != "网上征集" {
		t.Fatalf("needs %+v", ns)
	}
	e.delete(ns[0].ID, nil)
	if ns, _ = u.store.Needs(context.Background(), id); len(ns) != 0 {
		t.Errorf("after delete %d needs", len(ns))
	}
}

func TestMeetingsAddDelete(t *testing.T) {
	u := newTestUI(t)
	m := u.meetings
	m.reload()
	for _, in := range []struct{ date, title, reps string }{
		{"2026-03-05", "第58次常务会议", "6"},
		{"2026-06-18", "第71次常务会议", "5"},
		{"2025-09-10", "第40次常务会议", "3"},
	} {
		m.date.SetText(in.date)
		m.title.SetText(in.title)
		m.reps.SetText(in.reps)
		test.Tap(m.add)
	}
	if len(m.meetings) != 3 || m.date.Text != "" {
		t.Fatalf("meetings %+v, form not cleared %q", m.meetings, m.date.Text)
	}
	want := []check.MeetingsYear{{Year: "2025", Meetings: 1, Attended: 1}, {Year: "2026", Meetings: 2, Attended: 2, Qualified: 2}}
	if len(m.years) != 2 || m.years[0] != want[0] || m.years[1] != want[1] || m.years[0].Met() || !m.years[1].Met() {
		t.Errorf("years %+v, want %+v", m.years, want)
	}
	m.date.SetText("2026-07-01")
	m.reps.SetText("五")
	test.Tap(m.add)
	if !strings.Contains(u.lastError, "五") || len(m.meetings) != 3 {
		t.Errorf("bad reps: error %q, %d meetings", u.lastError, len(m.meetings))
	}
	m.reps.SetText("4")
	m.date.SetText("2026-13-01")
	test.Tap(m.add)
	if !strings.Contains(u.lastError, "2026-13-01") {
		t.Errorf("bad date: error %q", u.lastError)
	}
	m.delete(m.meetings[1].ID, nil) // 2026-03-05
	if len(m.meetings) != 2 || m.years[1].Met() {
		t.Errorf("after delete: %+v %+v", m.meetings, m.years)
	}
}

func TestRosterAddDelete(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "体验官测试", UsesOfficers: true})
	r := newRosterTab(u, id)
	if !strings.Contains(r.summary.Text, "0") || r.summary.Importance != widget.WarningImportance {
		t.Errorf("empty roster summary %q importance %v", r.summary.Text, r.summary.Importance)
	}
	for _, n := range []string{"王建国", "李秀英", "张伟", "刘洋", "陈静"} {
		r.name.SetText(n)
		test.Tap(r.add)
	}
	if len(r.officers) != 5 || r.name.Text != "" || r.summary.Importance != widget.SuccessImportance {
		t.Fatalf("after 5 adds: %d officers, entry %q, importance %v", len(r.officers), r.name.Text, r.summary.Importance)
	}
	r.name.SetText("张伟")
	test.Tap(r.add)
	if !strings.Contains(u.lastError, "张伟") || len(r.officers) != 5 {
		t.Errorf("duplicate: error %q, %d officers", u.lastError, len(r.officers))
	}
	r.delete(r.officers[0].ID, nil)
	if len(r.officers) != 4 || r.summary.Importance != widget.WarningImportance {
		t.Errorf("after delete: %d officers, importance %v", len(r.officers), r.summary.Importance)
	}
}

func TestSaveCopyAndWorkspaces(t *testing.T) {
	u := newTestUI(t)
	addPolicy(t, u, data.Policy{Title: "副本测试"})
	dir := t.TempDir()
	cp := filepath.Join(dir, "copy.gpw")
	u.SaveCopy(cp)
	if u.lastError != "" {
		t.Fatalf("save copy: %s", u.lastError)
	}
	s, err := store.Open(cp)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := s.ListPolicies(context.Background(), data.PolicyFilter{})
	s.Close()
	if len(ps) != 1 || ps[0].Title != "副本测试" {
		t.Errorf("copy holds %+v", ps)
	}
	u.SaveCopy(filepath.Join(dir, "没有这个文件夹", "copy.gpw"))
	if !strings.Contains(u.lastError, "没有这个文件夹") || strings.HasPrefix(u.lastError, "内部错误") {
		t.Errorf("copy into a missing folder: %q", u.lastError)
	}
	u.lastError = ""
	u.SaveCopy(u.store.Path)
	if u.lastError == "" {
		t.Error("a copy over the open workspace was not refused")
	}

	// New workspace: a fresh file; an existing one is refused, not overwritten.
	u.lastError = ""
	fresh := filepath.Join(dir, "new.gpw")
	u.NewWorkspace(fresh)
	if u.store.Path != fresh || len(u.list.items) != 0 || !strings.Contains(u.Win.Title(), "new.gpw") {
		t.Errorf("new workspace: store %s, %d policies, title %q", u.store.Path, len(u.list.items), u.Win.Title())
	}
	u.NewWorkspace(cp)
	if u.lastError == "" || u.store.Path != fresh {
		t.Error("new workspace over an existing file was not refused")
	}
	u.OpenWorkspace(cp)
	if u.store.Path != cp || len(u.list.items) != 1 {
		t.Errorf("open copy: store %s, %d policies", u.store.Path, len(u.list.items))
	}
	rec := u.recent()
	if len(rec) < 3 || rec[0] != cp || rec[1] != fresh {
		t.Errorf("recent = %v, want the copy first, then the new workspace", rec)
	}
	if _, err := uriPath(storage.NewFileURI(cp)); err != nil {
		t.Error(err)
	}
}

func TestLanguageSwitch(t *testing.T) {
	u := newTestUI(t)
	t.Cleanup(func() { LoadTranslations(LangChinese) })
	u.setLanguage(LangEnglish)
	if got := u.pages.Items[0].Text; got != "Policies" {
		t.Errorf("English: first page %q", got)
	}
	if Language(u.App) != LangEnglish {
		t.Error("language preference not stored")
	}
	u.setLanguage(LangChinese)
	if got := u.pages.Items[0].Text; got != "政策列表" {
		t.Errorf("Chinese again: first page %q", got)
	}
}

func TestDropHandler(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "拖放测试"})
	u.selectPolicy(id)
	var got string
	var gotID int64
	// Only this test's handler, and the real ones back afterwards (-count=2 must not find it twice).
	regMu.Lock()
	saved := dropHandlers
	dropHandlers = nil
	regMu.Unlock()
	t.Cleanup(func() { regMu.Lock(); dropHandlers = saved; regMu.Unlock() })
	RegisterDropHandler(func(_ *UI, pid int64, path string) bool {
		if !strings.HasSuffix(path, ".droptest") { // a kind of file no screen claims
			return false
		}
		got, gotID = path, pid
		return true
	})
	u.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI("/tmp/样例.droptest")})
	if got != "/tmp/样例.droptest" || gotID != id {
		t.Errorf("handler got %q for policy %d", got, gotID)
	}
}

func TestShowError(t *testing.T) {
	u := newTestUI(t)
	u.ShowError(data.InputErrorf("第3行第5列：无法识别的日期"))
	if u.lastError != "第3行第5列：无法识别的日期" {
		t.Errorf("input error shown as %q", u.lastError)
	}
	// The user's own 取消 is no error: no dialog at all (it was titled 出错了).
	shown := len(u.Win.Canvas().Overlays().List())
	u.lastError = ""
	u.ShowError(fmt.Errorf("import: %w", context.Canceled))
	if u.lastError != "" || len(u.Win.Canvas().Overlays().List()) != shown {
		t.Errorf("cancel shown as %q", u.lastError)
	}
	// Anything else unknown: 内部错误 and a line in Chinese; the library's text only in 复制详细信息.
	u.ShowError(errors.New("zip: not a valid zip file"))
	if !strings.HasPrefix(u.lastError, "内部错误") || strings.Contains(u.lastError, "zip") || overlayButton(u, "复制详细信息") == nil {
		t.Errorf("internal error shown as %q", u.lastError)
	}
}

func TestChineseWhateverTheSystemLocale(t *testing.T) {
	for _, loc := range []string{"en_US", "fr_FR", "zh_CN", "ja_JP", "pt_BR"} {
		t.Setenv("LANGUAGE", loc) // read again by lang on every load
		if err := LoadTranslations(LangChinese); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Policies"); got != "政策列表" {
			t.Errorf("system %s, Chinese chosen: %q", loc, got)
		}
		if got := lang.L("Cancel"); got != "取消" {
			t.Errorf("system %s, Chinese chosen: Fyne's Cancel is %q", loc, got)
		}
		if err := LoadTranslations(LangEnglish); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Policies"); got != "Policies" {
			t.Errorf("system %s, English chosen: %q", loc, got)
		}
	}
	if err := LoadTranslations(LangChinese); err != nil {
		t.Fatal(err)
	}
}

func TestRunLongCancel(t *testing.T) {
	u := newTestUI(t)
	u.inline = false
	started := make(chan struct{})
	done := make(chan error, 1)
	u.RunLong("测试", func(ctx context.Context, progress func(done, total int)) error {
		progress(1, 10)
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { done <- err })
	<-started
	test.Tap(u.longCancel)
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("onDone got %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("取消 did not stop the work")
	}
}

func TestCloseLeavesOneFile(t *testing.T) {
	u := newTestUI(t)
	addPolicy(t, u, data.Policy{Title: "关闭测试"})
	path := u.store.Path
	if err := u.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("write-ahead log left beside the workspace (%d bytes): a copied .gpw would miss data", fi.Size())
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ps, _ := s.ListPolicies(context.Background(), data.PolicyFilter{}); len(ps) != 1 {
		t.Errorf("reopened workspace has %d policies", len(ps))
	}
}

func TestChecklistVerdicts(t *testing.T) {
	yes, no := true, false
	for _, c := range []struct {
		ok   *bool
		want string
	}{{nil, "待定"}, {&yes, "通过"}, {&no, "未通过"}} {
		if _, got := checkIcon(c.ok); got != c.want {
			t.Errorf("checkIcon(%v) = %q, want %q", c.ok, got, c.want)
		}
	}
}

func TestOverviewKeepsUnsavedConsultation(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "未保存测试"})
	tab := &overviewTab{u: u, policyID: id, content: container.NewStack()}
	tab.reload()
	tab.consult.start.SetText("2026-02-12")
	tab.needs.date.SetText("2026-01-05")
	test.Tap(tab.needs.add) // reloads the tab
	if len(tab.data.Needs) != 1 {
		t.Fatalf("need not added: %+v", tab.data.Needs)
	}
	if tab.consult.start.Text != "2026-02-12" {
		t.Errorf("typed start date lost on reload: %q", tab.consult.start.Text)
	}
	tab.consult.end.SetText("2026-02-25")
	test.Tap(tab.consult.save)
	if tab.data.Consult == nil || tab.consult.dirty() {
		t.Errorf("after save: stored %+v, dirty %v", tab.data.Consult, tab.consult.dirty())
	}
}
