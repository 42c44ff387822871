package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/app/cli"
	"github.com/gongping/gongping/assets/sample/opinions"
	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

// waitRefresh applies the workspace's changes as the window does (the test driver runs everything on the
// test goroutine, so the test applies them) until cond holds; false when it does not within 3 s.
func waitRefresh(t *testing.T, u *UI, cond func() bool) bool {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	if raceEnabled {
		deadline = time.Now().Add(60 * time.Second)
	}
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-u.changes.signal:
			u.applyChanges()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return true
}

// applyArrived waits for the workspace's next change (up to 2 s) and applies it, and those that follow
// within 200 ms.
func applyArrived(t *testing.T, u *UI) {
	t.Helper()
	wait := 2 * time.Second
	for {
		select {
		case <-u.changes.signal:
			u.applyChanges()
			wait = 200 * time.Millisecond
		case <-time.After(wait):
			return
		}
	}
}

// showTab selects the tab of the policy page titled title (as shown) and returns what its Build returned.
func showTab(t *testing.T, u *UI, title string) fyne.CanvasObject {
	t.Helper()
	d := u.detail
	if d.tabs == nil {
		t.Fatalf("no policy page to show %s on", title)
	}
	for i, it := range d.items {
		if it.Text == title {
			d.tabs.Select(it)
			if d.tabs.SelectedIndex() != i {
				t.Fatalf("tab %s not selected", title)
			}
			return d.built[it]
		}
	}
	t.Fatalf("no tab %s", title)
	return nil
}

// shownTab is what the Build of the tab titled title returned (nil: not built).
func shownTab(u *UI, title string) fyne.CanvasObject {
	for _, it := range u.detail.items {
		if it.Text == title {
			return u.detail.built[it]
		}
	}
	return nil
}

// checklistRow finds the checklist row titled title in obj: its verdict (通过/未通过/…) and detail texts.
func checklistRow(obj fyne.CanvasObject, title string) (verdict, detail string) {
	walkObjects(obj, func(o fyne.CanvasObject) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 2 {
			return
		}
		texts, ok := row.Objects[0].(*fyne.Container)
		if !ok || len(texts.Objects) != 2 {
			return
		}
		if l, ok := texts.Objects[0].(*widget.Label); !ok || l.Text != title {
			return
		}
		detail = texts.Objects[1].(*widget.Label).Text
		if head, ok := row.Objects[1].(*fyne.Container); ok {
			for _, h := range head.Objects {
				if l, ok := h.(*widget.Label); ok {
					verdict = l.Text
				}
			}
		}
	})
	return verdict, detail
}

func firstSelect(obj fyne.CanvasObject) *widget.Select {
	var sel *widget.Select
	walkObjects(obj, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && sel == nil {
			sel = s
		}
	})
	return sel
}

func labelTexts(obj fyne.CanvasObject) string {
	var b strings.Builder
	walkObjects(obj, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// Deciding every concentrated cluster in the window and publishing the feedback reaches 概览: its checklist
// rows flip, on the page built before (not a rebuilt window), the tab reloaded in place.
func TestOverviewFollowsDecisionsAndPublication(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施", Issued: "2026-04-15"})
	u.Refresh()
	u.selectPolicy(id)
	applyArrived(t, u) // the policy's own addition, before the page is built
	ov := showTab(t, u, "概览")
	page := u.detail.content.Objects[0]
	if _, detail := checklistRow(ov, "较为集中意见未采纳须说明理由"); detail != "尚无意见记录" {
		t.Fatalf("before any opinion the reasons row says %q, want 尚无意见记录", detail)
	}
	if verdict, _ := checklistRow(ov, "政策印发时公开采纳情况"); verdict == "通过" || verdict == "" {
		t.Fatalf("before any opinion the feedback row says %q", verdict)
	}

	// On 意见: the opinions come in and every concentrated cluster is decided in the decision editor.
	showTab(t, u, "意见")
	path := filepath.Join(t.TempDir(), "意见.xlsx")
	os.WriteFile(path, opinions.XLSX, 0o644)
	if _, err := loop.ImportFile(ctx, u.store, id, path, nil); err != nil {
		t.Fatal(err)
	}
	cs, err := loop.Clusters(ctx, u.store, id)
	if err != nil {
		t.Fatal(err)
	}
	var conc []int64
	for _, c := range cs {
		if c.Concentrated {
			conc = append(conc, c.ID)
		}
	}
	if len(conc) == 0 {
		t.Fatal("the sample opinions have no concentrated cluster")
	}
	e := showDecisionEditor(u, id, conc, nil, nil, nil, false, true, nil, nil)
	e.decision.SetSelected(loop.Adopted)
	e.onSave()
	if u.lastError != "" {
		t.Fatalf("decision: %s", u.lastError)
	}
	applyArrived(t, u) // the changes arrive while 意见 is shown
	ov = showTab(t, u, "概览")
	if verdict, detail := checklistRow(ov, "较为集中意见未采纳须说明理由"); verdict != "通过" {
		t.Errorf("after deciding, shown again, the reasons row says %q %q, want 通过", verdict, detail)
	}
	if verdict, detail := checklistRow(ov, "政策印发时公开采纳情况"); verdict != "未通过" {
		t.Errorf("issued with opinions, feedback not published: the row says %q %q, want 未通过", verdict, detail)
	}

	// While 概览 is shown the feedback is published (as the 发布 tab does): the row flips in place.
	if _, err := loop.Publish(ctx, u.store, id, loop.WhatFeedback, "2026-04-15"); err != nil {
		t.Fatal(err)
	}
	if !waitRefresh(t, u, func() bool { v, _ := checklistRow(ov, "政策印发时公开采纳情况"); return v == "通过" }) {
		v, d := checklistRow(ov, "政策印发时公开采纳情况")
		t.Errorf("after publishing the feedback row says %q %q, want 通过", v, d)
	}
	if u.detail.content.Objects[0] != page || shownTab(u, "概览") != ov {
		t.Error("the policy page was built again; the tab should reload in place")
	}
}

// A round imported on 问卷数据 is offered on 评价结果, and chosen there while the user chose none; 重新计算
// reads the rounds again too.
func TestResultsOfferARoundImportedMeanwhile(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id := scoredWorkspace(t, u)
	u.Refresh()
	u.selectPolicy(id)
	res := showTab(t, u, "评价结果")
	sel := firstSelect(res)
	if sel == nil || !slices.Equal(sel.Options, []string{"2026年度"}) {
		t.Fatalf("round selector %v", sel)
	}
	showTab(t, u, "问卷数据")
	csv := filepath.Join("..", "data", "score", "testdata", "fixture.csv")
	if _, err := ingest.Import(ctx, u.store, ingest.Options{PolicyID: id, Round: "第二轮", Path: csv}, nil); err != nil {
		t.Fatal(err)
	}
	applyArrived(t, u)
	showTab(t, u, "评价结果")
	if !slices.Equal(sel.Options, []string{"2026年度", "第二轮"}) || sel.Selected != "第二轮" {
		t.Errorf("after importing 第二轮: options %v, selected %q; want it offered and chosen", sel.Options, sel.Selected)
	}
	if !strings.Contains(labelTexts(res), "综合得分") {
		t.Errorf("第二轮 is not scored: %s", labelTexts(res))
	}

	// The user chooses a round: a later round is offered but does not take its place.
	sel.SetSelected("2026年度")
	if _, err := ingest.Import(ctx, u.store, ingest.Options{PolicyID: id, Round: "第三轮", Path: csv}, nil); err != nil {
		t.Fatal(err)
	}
	if !waitRefresh(t, u, func() bool { return len(sel.Options) == 3 }) || sel.Selected != "2026年度" {
		t.Errorf("after importing 第三轮 while 评价结果 is shown: options %v, selected %q", sel.Options, sel.Selected)
	}

	// Without the store's changes (as before), 重新计算 alone reads the rounds again.
	u.stopWatching()
	if _, err := ingest.Import(ctx, u.store, ingest.Options{PolicyID: id, Round: "第四轮", Path: csv}, nil); err != nil {
		t.Fatal(err)
	}
	var recalc *widget.Button
	walkObjects(res, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "重新计算" {
			recalc = b
		}
	})
	recalc.OnTapped()
	if len(sel.Options) != 4 {
		t.Errorf("重新计算 does not read the rounds again: %v", sel.Options)
	}
}

// A command run on the workspace while the window is open (a second Store here, as `gongping …` in this
// process would be) reaches the window within 2 s: a policy added appears in the list, a survey imported on
// the shown 问卷数据 tab shows there, keeping the tab.
func TestWindowFollowsASecondStore(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id := addPolicy(t, u, data.Policy{Title: "窗口里的政策"})
	u.Refresh()
	u.selectPolicy(id)
	sv := showTab(t, u, "问卷数据")
	other, err := store.Open(u.store.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	start := time.Now()
	if _, err := other.AddPolicy(ctx, data.Policy{Title: "命令行加的政策", Dept: "市商务局", Category: "营商环境"}); err != nil {
		t.Fatal(err)
	}
	inList := func() bool {
		return slices.ContainsFunc(u.list.items, func(p data.Policy) bool { return p.Title == "命令行加的政策" })
	}
	if !waitRefresh(t, u, inList) || time.Since(start) > 2*time.Second && !raceEnabled {
		t.Fatalf("the policy added by the second store: in the list %v after %v", inList(), time.Since(start))
	}
	if u.policyID != id || u.detail.policy.ID != id {
		t.Errorf("the selection moved: policy %d shown %d, want %d", u.policyID, u.detail.policy.ID, id)
	}

	csv := filepath.Join("..", "data", "score", "testdata", "fixture.csv")
	if _, err := ingest.Import(ctx, other, ingest.Options{PolicyID: id, Round: "2026年度", Path: csv}, nil); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	shows := func() bool { return strings.Contains(labelTexts(sv), "份答卷") }
	if !waitRefresh(t, u, shows) || time.Since(start) > 2*time.Second && !raceEnabled {
		t.Fatalf("the survey imported by the second store is not shown within 2 s: %s", labelTexts(sv))
	}
	if shownTab(u, "问卷数据") != sv {
		t.Error("问卷数据 was built again; it should reload in place")
	}

	// The policy shown is renamed: its header says so, the tab stays.
	p, err := other.Policy(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	p.Title = "窗口里的政策（改名）"
	if err := other.UpdatePolicy(ctx, p); err != nil {
		t.Fatal(err)
	}
	if !waitRefresh(t, u, func() bool { return strings.Contains(labelTexts(u.detail.header), "窗口里的政策（改名）") }) {
		t.Errorf("the header does not follow the renamed policy: %s", labelTexts(u.detail.header))
	}
	if shownTab(u, "问卷数据") != sv {
		t.Error("renaming the policy built 问卷数据 again")
	}

	// The policy shown is deleted by the command: the page says to select one.
	if err := other.DeletePolicy(ctx, id); err != nil {
		t.Fatal(err)
	}
	if !waitRefresh(t, u, func() bool { return u.detail.tabs == nil }) || u.policyID != 0 || u.lastError != "" {
		t.Errorf("after the shown policy was deleted elsewhere: page %v, policy %d, error %q", u.detail.tabs != nil, u.policyID, u.lastError)
	}
}

// The real command line in another process: `gongping policy add` and `gongping import survey` on the
// workspace the window has open. Another process's commits pass no commit hook of this one: the store's
// poll of data_version finds them.
func TestWindowFollowsTheCommandLine(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "窗口里的政策"})
	u.Refresh()
	u.selectPolicy(id)
	sv := showTab(t, u, "问卷数据")
	applyArrived(t, u)

	gongping := func(args ...string) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCommandLine$")
		cmd.Env = append(os.Environ(), "GONGPING_TEST_CLI="+strings.Join(args, "\x1f"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gongping %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	start := time.Now()
	gongping("policy", "add", "--db", u.store.Path, "--title", "命令行加的政策", "--dept", "市商务局", "--category", "营商环境")
	inList := func() bool {
		return slices.ContainsFunc(u.list.items, func(p data.Policy) bool { return p.Title == "命令行加的政策" })
	}
	if !waitRefresh(t, u, inList) {
		t.Fatalf("the policy added by gongping policy add is not in the list after %v", time.Since(start))
	}
	t.Logf("policy add shown %v after the command started", time.Since(start).Round(time.Millisecond))
	csv, _ := filepath.Abs(filepath.Join("..", "data", "score", "testdata", "fixture.csv"))
	start = time.Now()
	gongping("import", "survey", "--db", u.store.Path, "--policy", fmt.Sprint(id), csv)
	if !waitRefresh(t, u, func() bool { return strings.Contains(labelTexts(sv), "份答卷") }) {
		t.Fatalf("the survey imported by gongping import survey is not shown: %s", labelTexts(sv))
	}
	t.Logf("import survey shown %v after the command started", time.Since(start).Round(time.Millisecond))
}

// TestHelperCommandLine is the other process of TestWindowFollowsTheCommandLine: it runs one command.
func TestHelperCommandLine(t *testing.T) {
	args := os.Getenv("GONGPING_TEST_CLI")
	if args == "" {
		t.Skip("run by TestWindowFollowsTheCommandLine")
	}
	if st := cli.Run(context.Background(), strings.Split(args, "\x1f"), strings.NewReader(""), io.Discard, os.Stderr); st != 0 {
		t.Fatalf("exit status %d", st)
	}
}

// A tab that names no reload is built again when next shown after a change; not while it holds unsaved
// edits.
func TestTabWithoutReloadIsBuiltAgainUnlessUnsaved(t *testing.T) {
	u := newTestUI(t)
	id := addPolicy(t, u, data.Policy{Title: "政策"})
	u.Refresh()
	u.selectPolicy(id)
	var builds int
	dirty := false
	regs := u.detail.regs
	for i := range regs {
		if regs[i].Title == "Overview" {
			regs[i].Build = func(u *UI, id int64) fyne.CanvasObject {
				builds++
				obj := container.NewVBox(widget.NewLabel("不会自己重新加载的页面"))
				u.registerEdit(pendingEdit{key: "test", policy: id, what: func() string { return "测试" },
					dirty: func() bool { return dirty }, save: func(done func(error)) { done(nil) }, content: obj})
				return obj
			}
			u.detail.buildTab(i)
		}
	}
	builds = 0
	showTab(t, u, "问卷数据")
	u.Refresh()
	showTab(t, u, "概览")
	if builds != 1 {
		t.Errorf("built %d times when shown after a change, want 1", builds)
	}
	dirty = true
	showTab(t, u, "问卷数据")
	u.Refresh()
	showTab(t, u, "概览")
	if builds != 1 {
		t.Errorf("a tab with unsaved edits was built again (%d builds)", builds)
	}
}

// putTab shows obj as the policy page's tab titled title (built by the test, to reach its fields).
func putTab(t *testing.T, u *UI, title string, obj fyne.CanvasObject) {
	t.Helper()
	for _, it := range u.detail.items {
		if it.Text == title {
			u.detail.built[it] = obj
			it.Content.(*fyne.Container).Objects = []fyne.CanvasObject{obj}
			u.detail.tabs.Select(it)
			return
		}
	}
	t.Fatalf("no tab %s", title)
}

// A change from elsewhere reloads the shown tab without taking away what the user is doing: consultation
// dates being typed, the survey question whose frequencies are shown and the table's place, the results'
// breakdown.
func TestRefreshKeepsWhatTheUserIsDoing(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	id := scoredWorkspace(t, u)
	u.Refresh()
	u.selectPolicy(id)
	applyArrived(t, u)
	other, err := store.Open(u.store.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	ov := newOverviewTab(u, id)
	putTab(t, u, "概览", ov.content)
	scroll := ov.scroll
	u.Win.Resize(fyne.NewSize(1200, 500))
	scroll.ScrollToOffset(fyne.NewPos(0, 150))
	if scroll.Offset.Y != 150 {
		t.Fatalf("the overview does not scroll (offset %v, content %v in %v)", scroll.Offset, scroll.Content.Size(), scroll.Size())
	}
	ov.consult.start.SetText("2026-03-0") // being typed
	ov.needs.channel.SetText("企业座谈")
	if _, err := other.AddNeed(ctx, data.Need{PolicyID: id, Date: "2026-01-10", Channel: "问卷调查", Count: 12}); err != nil {
		t.Fatal(err)
	}
	if !waitRefresh(t, u, func() bool { return len(ov.data.Needs) == 1 }) {
		t.Fatal("the need added elsewhere is not shown on 概览")
	}
	if ov.consult.start.Text != "2026-03-0" || ov.needs.channel.Text != "企业座谈" {
		t.Errorf("the reload took what was typed: start %q, new need's channel %q", ov.consult.start.Text, ov.needs.channel.Text)
	}
	if ov.scroll != scroll || scroll.Offset.Y != 150 {
		t.Errorf("the reload moved the overview: same scroll %v, offset %v, want 150", ov.scroll == scroll, scroll.Offset)
	}

	sv := newSurveyTab(u, id)
	putTab(t, u, "问卷数据", sv.content)
	sv.qlist.Select(2)
	count := sv.count
	src, err := os.ReadFile(filepath.Join("..", "data", "score", "testdata", "fixture.csv"))
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "第二批.csv")
	lines := strings.Split(strings.TrimSpace(string(src)), "\n")
	for i := 1; i < len(lines); i++ { // other responses: numbered on from 101, submitted a day later
		lines[i] = "10" + strings.Replace(lines[i], "2026/10/1 ", "2026/10/2 ", 1)
	}
	os.WriteFile(csv, []byte(strings.Join(lines, "\n")), 0o644)
	if _, err := ingest.Import(ctx, other, ingest.Options{PolicyID: id, Round: "2026年度", Path: csv}, nil); err != nil {
		t.Fatal(err)
	}
	if !waitRefresh(t, u, func() bool { return len(sv.files) == 2 }) {
		t.Fatalf("the second import is not shown on 问卷数据 (%d files)", len(sv.files))
	}
	if sv.freqQ != 2 || !strings.Contains(sv.freqTitle.Text, sv.questions[2].Key) {
		t.Errorf("the question shown is %d (%q), want 2 still shown", sv.freqQ, sv.freqTitle.Text)
	}
	t.Logf("responses %d → %d", count, sv.count)

	rs := newResultsTab(u, id)
	putTab(t, u, "评价结果", rs.content)
	if len(rs.groupSel.Options) < 2 {
		t.Fatalf("no breakdown offered: %v", rs.groupSel.Options)
	}
	rs.groupSel.SetSelectedIndex(1)
	by := rs.groupSel.Selected
	if _, err := other.AddPolicy(ctx, data.Policy{Title: "又一个政策", Dept: "市商务局", Category: "营商环境"}); err != nil {
		t.Fatal(err)
	}
	applyArrived(t, u)
	if rs.groupSel.Selected != by || rs.res == nil || rs.res.Breakdown == nil || rs.updating.Visible() {
		t.Errorf("after a change the breakdown is %q (was %q), result %v", rs.groupSel.Selected, by, rs.res != nil)
	}
}
