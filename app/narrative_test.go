package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/data/store/storetest"
)

// narrativePolicy is a policy whose round has an opinion, a test string and a personal appeal among its
// open answers, shown on the right as the user would have it.
func narrativePolicy(t *testing.T, u *UI) (int64, data.Round) {
	t.Helper()
	id := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施", Issued: "2026-04-15"})
	r := storetest.Round(t, u.store, id, "2026年度")
	storetest.Survey(t, u.store, r, nil,
		[]string{"满意", "窗口排队时间长，建议增加自助机"},
		[]string{"一般", "测试"},
		[]string{"不满意", "我的电话13912345678，请联系我"},
	)
	u.Refresh()
	u.selectPolicy(id)
	return id, r
}

func TestNarrativeTabIsRegistered(t *testing.T) {
	u := newTestUI(t)
	narrativePolicy(t, u)
	for _, it := range u.detail.tabs.Items {
		if it.Text == "报告文字" {
			return
		}
	}
	t.Error("no 报告文字 tab on the policy's page")
}

// A section shows its draft; 改写 opens the editor on the draft, 保存 stores the team's text, which the
// tab then shows with 恢复为自动草稿; that deletes it again and the draft is back.
func TestNarrativeTabRewriteSaveAndRestore(t *testing.T) {
	u := newTestUI(t)
	id, r := narrativePolicy(t, u)
	tab := newNarrativeTab(u, id)
	if tab.round.Selected != "2026年度" || tab.body.Objects[0] != tab.pages {
		t.Fatalf("round %q, pages not shown", tab.round.Selected)
	}
	e := tab.sections[narrative.Summary]
	if e.editing || e.draft == "" || e.draftText.Text != e.draft || !strings.Contains(e.draft, "关于优化营商环境的若干措施") {
		t.Fatalf("summary: editing %v, draft %q", e.editing, e.draft)
	}
	if !strings.Contains(e.state.Text, "自动起草") {
		t.Errorf("state %q", e.state.Text)
	}
	test.Tap(e.edit)
	if !e.editing || e.entry.Text != e.draft || e.dirty() {
		t.Fatalf("改写: editing %v, entry %q", e.editing, e.entry.Text)
	}
	e.entry.SetText("团队写的摘要。")
	if !e.dirty() || !tab.dirty() || e.state.Text != "已修改，尚未保存。" || !strings.Contains(e.item.Title, "未保存") {
		t.Errorf("after typing: dirty %v, state %q, title %q", e.dirty(), e.state.Text, e.item.Title)
	}
	if got := u.unsavedEdits(false); len(got) != 1 || got[0].what() != "报告文字和设置" {
		t.Errorf("unsaved edits = %d", len(got))
	}
	test.Tap(e.save)
	texts, err := u.store.ReportTexts(context.Background(), r.ID)
	if err != nil || texts["summary"].Text != "团队写的摘要。" {
		t.Fatalf("stored = %+v, %v", texts, err)
	}
	if e.dirty() || e.saved == nil || !strings.Contains(e.state.Text, "团队修改的文字") || !strings.Contains(e.item.Title, "团队修改") {
		t.Errorf("after saving: dirty %v, state %q, title %q", e.dirty(), e.state.Text, e.item.Title)
	}
	if len(u.unsavedEdits(false)) != 0 {
		t.Error("saved, still unsaved")
	}
	// Built again (the live refresh): the team's text is shown in the editor, with 恢复为自动草稿.
	tab = newNarrativeTab(u, id)
	e = tab.sections[narrative.Summary]
	if !e.editing || e.entry.Text != "团队写的摘要。" || !containsObject(e.box, e.reset) {
		t.Fatalf("reloaded: editing %v, entry %q", e.editing, e.entry.Text)
	}
	test.Tap(e.reset)
	tapOverlay(t, u, "恢复为自动草稿")
	if texts, _ := u.store.ReportTexts(context.Background(), r.ID); len(texts) != 0 {
		t.Errorf("after 恢复为自动草稿: %+v", texts)
	}
	if e.editing || e.saved != nil || !containsObject(e.box, e.edit) {
		t.Errorf("after 恢复为自动草稿: editing %v", e.editing)
	}
}

// An edit not saved survives the live refresh, and quitting asks about it.
func TestNarrativeTabKeepsUnsavedAcrossReloadAndAsks(t *testing.T) {
	u := newTestUI(t)
	id, _ := narrativePolicy(t, u)
	tab := newNarrativeTab(u, id)
	e := tab.sections[narrative.Problems]
	test.Tap(e.edit)
	e.entry.SetText("尚未保存的存在问题")
	tab.issuer.SetText("某评估中心")
	tab.reload()
	if e.entry.Text != "尚未保存的存在问题" || !e.dirty() || tab.issuer.Text != "某评估中心" {
		t.Errorf("reload lost the edits: %q, issuer %q", e.entry.Text, tab.issuer.Text)
	}
	quit := false
	u.leave(leaveQuit, func() { quit = true }, nil)
	if quit {
		t.Fatal("quit without asking")
	}
	a := askShown(t, u, "报告文字和设置")
	test.Tap(a.save) // 保存 saves both, then quits
	if !quit {
		t.Error("saved, but did not quit")
	}
	texts, _ := u.store.ReportTexts(context.Background(), tab.data.n.Round.ID)
	st, _, _ := u.store.ReportSettings(context.Background(), tab.data.n.Round.ID)
	if texts["problems"].Text != "尚未保存的存在问题" || st.Issuer != "某评估中心" {
		t.Errorf("保存 stored texts %+v, settings %+v", texts, st)
	}
}

func TestNarrativeTabSettings(t *testing.T) {
	u := newTestUI(t)
	id, r := narrativePolicy(t, u)
	tab := newNarrativeTab(u, id)
	if !tab.saveSettings.Disabled() || tab.settingsDirty() {
		t.Fatalf("nothing changed, yet 保存设置 is on: %+v vs %+v", tab.settingsValue(), tab.savedSettings)
	}
	for _, p := range data.ReportParts {
		if !tab.parts[p].Checked {
			t.Errorf("%s off by default", p)
		}
	}
	tab.issuer.SetText("北京某评估中心")
	tab.commissioner.SetText("市发展改革委")
	tab.date.SetText("2026年11月20日")
	tab.parts[data.PartChecks].SetChecked(false)
	if tab.saveSettings.Disabled() || tab.settingsState.Text != "已修改，尚未保存。" {
		t.Fatalf("changed: save disabled %v, state %q", tab.saveSettings.Disabled(), tab.settingsState.Text)
	}
	test.Tap(tab.saveSettings)
	st, set, err := u.store.ReportSettings(context.Background(), r.ID)
	want := data.ReportSettings{Issuer: "北京某评估中心", Commissioner: "市发展改革委", Date: "2026-11-20", Off: []string{data.PartChecks}}
	if err != nil || !set || st.Issuer != want.Issuer || st.Commissioner != want.Commissioner || st.Date != want.Date || st.On(data.PartChecks) {
		t.Fatalf("stored %+v, %v, %v", st, set, err)
	}
	if tab.date.Text != "2026-11-20" || tab.settingsDirty() || !tab.saveSettings.Disabled() {
		t.Errorf("after saving: date %q, dirty %v", tab.date.Text, tab.settingsDirty())
	}
	if !strings.Contains(tab.sections[narrative.Checks].item.Title, "不发布") {
		t.Errorf("the section left out does not say so: %q", tab.sections[narrative.Checks].item.Title)
	}
	// A date that cannot be read says so and is not saved.
	tab.date.SetText("2026-02-30")
	if !strings.Contains(tab.settingsState.Text, "无法识别报告日期") {
		t.Errorf("bad date: %q", tab.settingsState.Text)
	}
	test.Tap(tab.saveSettings)
	if st, _, _ := u.store.ReportSettings(context.Background(), r.ID); st.Date != "2026-11-20" {
		t.Errorf("a bad date was stored: %+v", st)
	}
	// A later round takes the agency from this one.
	r2 := storetest.Round(t, u.store, id, "2027年度")
	storetest.Survey(t, u.store, r2, nil)
	tab = newNarrativeTab(u, id)
	if tab.round.Selected != "2027年度" || tab.issuer.Text != "北京某评估中心" || tab.date.Text != "" || !strings.Contains(tab.settingsNote.Text, "上一轮") || !tab.settingsNote.Visible() {
		t.Errorf("new round: %q, issuer %q, date %q, note %q", tab.round.Selected, tab.issuer.Text, tab.date.Text, tab.settingsNote.Text)
	}
}

// The open answers: the proposals are marked and left out; one click quotes one again, one click leaves
// another out; 确认全部自动建议 makes the remaining proposals the team's.
func TestNarrativeTabQuotes(t *testing.T) {
	u := newTestUI(t)
	id, r := narrativePolicy(t, u)
	tab := newNarrativeTab(u, id)
	if len(tab.quotes) != 3 || tab.quoteSummary.Text != "共 3 条回答，不引用 2 条" || tab.confirmAll.Disabled() {
		t.Fatalf("quotes %d, summary %q", len(tab.quotes), tab.quoteSummary.Text)
	}
	row := func(i int) *quoteRow {
		o := tab.newQuoteRow()
		tab.updateQuoteRow(i, o)
		return o.(*quoteRowBox).row
	}
	if r0 := row(0); r0.button.Text != "排除" || r0.text.Text != "窗口排队时间长，建议增加自助机" {
		t.Errorf("row 0: %q %q", r0.button.Text, r0.text.Text)
	}
	r1 := row(1)
	if r1.button.Text != "恢复引用" || !strings.Contains(r1.detail.Text, "疑似测试内容") || !strings.Contains(r1.detail.Text, "待确认") {
		t.Errorf("row 1: %q %q", r1.button.Text, r1.detail.Text)
	}
	if r2 := row(2); r2.text.Text != "我的电话139****5678，请联系我" || !strings.Contains(r2.detail.Text, "个人诉求") {
		t.Errorf("row 2 (masked as published): %q %q", r2.text.Text, r2.detail.Text)
	}
	test.Tap(r1.button) // 恢复引用
	test.Tap(row(0).button)
	choices, err := u.store.QuoteChoices(context.Background(), r.ID)
	if err != nil || len(choices) != 2 || choices[data.AnswerRef{Response: tab.quotes[1].Response, Question: "Q2"}] ||
		!choices[data.AnswerRef{Response: tab.quotes[0].Response, Question: "Q2"}] {
		t.Fatalf("choices %v, %v", choices, err)
	}
	if row(1).button.Text != "排除" || !strings.Contains(row(1).detail.Text, "已恢复引用") || row(0).button.Text != "恢复引用" {
		t.Errorf("rows after the clicks: %q / %q", row(1).button.Text, row(0).button.Text)
	}
	tab.quoteFilter.SetSelectedIndex(quotesExcluded)
	if len(tab.shown) != 2 {
		t.Errorf("不引用 filter shows %d", len(tab.shown))
	}
	test.Tap(tab.confirmAll)
	choices, _ = u.store.QuoteChoices(context.Background(), r.ID)
	if len(choices) != 3 || !choices[data.AnswerRef{Response: tab.quotes[2].Response, Question: "Q2"}] || !tab.confirmAll.Disabled() {
		t.Errorf("after 确认全部: %v", choices)
	}
}

func TestNarrativeTabWithoutRound(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "尚无问卷的政策"})
	tab := newNarrativeTab(u, id)
	l, ok := findLabel(tab.body, "请先导入问卷")
	if !ok || tab.dirty() {
		t.Errorf("no round: %v %v", l, ok)
	}
}

// containsObject tells whether o is shown under c.
func containsObject(c fyne.CanvasObject, o fyne.CanvasObject) bool {
	found := false
	walkObjects(c, func(x fyne.CanvasObject) { found = found || x == o })
	return found
}

// findLabel finds a label under obj whose text contains s.
func findLabel(obj fyne.CanvasObject, s string) (*widget.Label, bool) {
	var found *widget.Label
	walkObjects(obj, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, s) && found == nil {
			found = l
		}
	})
	return found, found != nil
}

// Switching the round with changes not saved asks; 取消 stays on the round with the edit, 不保存并切换
// shows the other round's texts.
func TestNarrativeTabRoundSwitchAsks(t *testing.T) {
	u := newTestUI(t)
	id, first := narrativePolicy(t, u)
	if err := u.store.SetReportText(context.Background(), first.ID, "summary", "第一轮的摘要"); err != nil {
		t.Fatal(err)
	}
	r2 := storetest.Round(t, u.store, id, "2027年度")
	storetest.Survey(t, u.store, r2, nil)
	tab := newNarrativeTab(u, id)
	if tab.round.Selected != "2027年度" {
		t.Fatalf("round %q", tab.round.Selected)
	}
	e := tab.sections[narrative.Summary]
	test.Tap(e.edit)
	e.entry.SetText("第二轮尚未保存")
	tab.round.SetSelected("2026年度")
	tapOverlay(t, u, "取消")
	if tab.round.Selected != "2027年度" || e.entry.Text != "第二轮尚未保存" {
		t.Errorf("取消: round %q, entry %q", tab.round.Selected, e.entry.Text)
	}
	tab.round.SetSelected("2026年度")
	tapOverlay(t, u, "不保存并切换")
	if tab.round.Selected != "2026年度" || tab.data.n.Round.ID != first.ID || e.entry.Text != "第一轮的摘要" || e.dirty() {
		t.Errorf("switched: round %q, entry %q", tab.round.Selected, e.entry.Text)
	}
}

// The 发布 tab's report carries what the 报告文字 tab saved: the team's text, the agency, the answer
// quoted against the proposal; the other proposal stays out.
func TestPublishTabReportUsesReportTexts(t *testing.T) {
	u := newTestUI(t)
	id, r := narrativePolicy(t, u)
	ctx := context.Background()
	if err := u.store.SetReportText(ctx, r.ID, "problems", "团队改写的存在问题。"); err != nil {
		t.Fatal(err)
	}
	if _, err := u.store.SetReportSettings(ctx, r.ID, data.ReportSettings{Issuer: "北京某评估中心"}); err != nil {
		t.Fatal(err)
	}
	tab := newNarrativeTab(u, id)
	row := tab.newQuoteRow()
	tab.updateQuoteRow(1, row) // 测试: proposed, quoted again by the team
	test.Tap(row.(*quoteRowBox).row.button)
	p := newPublishTab(u, id)
	dir := filepath.Join(t.TempDir(), "out")
	p.folder.SetText(dir)
	p.openDone.SetChecked(false)
	p.onGenerate()
	if u.lastError != "" {
		t.Fatalf("error: %s", u.lastError)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{"团队改写的存在问题。", "北京某评估中心", ">测试<"} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	if strings.Contains(html, "请联系我") {
		t.Error("report.html quotes the appeal the screen proposed to leave out")
	}
}
