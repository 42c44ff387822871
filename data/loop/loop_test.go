package loop

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
)

var ctx = context.Background()

// mass returns n copies of one point with small edits.
func mass(n int, text string) [][]string {
	edits := []func(string) string{
		func(s string) string { return s },
		func(s string) string { return strings.ReplaceAll(s, "，", ",") },
		func(s string) string { return "我们认为，" + s },
		func(s string) string { return strings.TrimSuffix(s, "。") + "！谢谢" },
		func(s string) string { return " " + s + "联系电话13912345678" },
	}
	var rows [][]string
	for i := 0; i < n; i++ {
		rows = append(rows, []string{edits[i%len(edits)](text)})
	}
	return rows
}

// loopPolicy is a policy issued 2026-04-15 with a 6-opinion mass comment, a 2-opinion point and singles.
func loopPolicy(t *testing.T) (*store.Store, int64, map[string]int64) {
	t.Helper()
	s, pid := newPolicy(t, "2026-04-15")
	rows := mass(6, "建议将社会投资项目审批时限由20个工作日压缩至10个工作日，进一步减轻企业负担。")
	rows = append(rows, mass(2, "建议对企业的行政检查实行综合查一次，避免多头检查、重复检查。")...)
	rows = append(rows, []string{"建议政务服务大厅周末开放半天，方便上班族办事。"}, []string{"建议拖欠中小企业账款纳入绩效考核。"})
	if _, err := ImportFile(ctx, s, pid, writeCSV(t, []string{"意见内容"}, rows), nil); err != nil {
		t.Fatal(err)
	}
	cs, err := Clusters(ctx, s, pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 4 || cs[0].Size != 6 || cs[1].Size != 2 {
		t.Fatalf("clusters %+v", cs)
	}
	return s, pid, map[string]int64{"mass": cs[0].ID, "pair": cs[1].ID, "single": cs[2].ID, "other": cs[3].ID}
}

func inputError(t *testing.T, err error, want string) {
	t.Helper()
	var ie *data.InputError
	if err == nil || !errors.As(err, &ie) || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want an input error containing %q", err, want)
	}
}

// held counts what the workspace holds of a policy.
type held struct {
	opinions, imports, clusters, decisions, frozen, publications int // clusters: empty ones too; frozen: published decisions
}

func holds(t *testing.T, s *store.Store, policyID int64) held {
	t.Helper()
	var h held
	ops, err := s.Opinions(ctx, policyID)
	if err != nil {
		t.Fatal(err)
	}
	ims, err := s.OpinionImports(ctx, policyID)
	if err != nil {
		t.Fatal(err)
	}
	cls, err := s.ClusterRecords(ctx, policyID)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := s.Decisions(ctx, policyID)
	if err != nil {
		t.Fatal(err)
	}
	pubs, err := s.Publications(ctx, policyID, "")
	if err != nil {
		t.Fatal(err)
	}
	h.opinions, h.imports, h.clusters, h.decisions, h.publications = len(ops), len(ims), len(cls), len(ds), len(pubs)
	for _, d := range ds {
		if d.Publication != nil {
			h.frozen++
		}
	}
	return h
}

func TestImportErrorsAreAllOrNothing(t *testing.T) {
	header := []string{"序号", "提交时间", "提交人", "联系方式", "涉及条款", "意见内容"}
	good := []string{"1", "2026-02-13 10:20", "张伟", "13812345678", "第5条", "建议缩短审批时限。"}
	for name, tc := range map[string]struct {
		header []string
		rows   [][]string
		want   string
	}{
		"bad date":     {header, [][]string{good, {"2", "2026/13/01", "李", "", "", "意见"}}, "第3行第B列：无法识别的日期 \"2026/13/01\"，请检查提交时间列"},
		"no content":   {[]string{"序号", "提交人"}, [][]string{{"1", "张伟"}}, "找不到意见内容列"},
		"too long":     {header, [][]string{good, {"2", "", "", "", "", strings.Repeat("长", MaxContent+1)}}, "第3行第F列：意见内容过长"},
		"long contact": {header, [][]string{{"1", "", "", strings.Repeat("1", maxContact+1), "", "意见"}}, "第2行第D列：联系方式过长"},
		"all empty":    {header, [][]string{{"1", "", "", "", "", ""}}, "没有意见"},
	} {
		t.Run(name, func(t *testing.T) {
			s, pid := newPolicy(t, "")
			_, err := ImportFile(ctx, s, pid, writeCSV(t, tc.header, tc.rows), nil)
			inputError(t, err, tc.want)
			if h := holds(t, s, pid); h.opinions+h.imports != 0 {
				t.Errorf("%+v stored after a failed import", h)
			}
		})
	}
}

func TestImportXLSXWithTitleRowAndAliases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"某某措施（征求意见稿）意见汇总表"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"编号", "留言时间", "姓名", "电话", "条款", "意见建议（必填）", "处理状态"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"1", "2026年2月13日", "张伟", "13812345678", "第三、五条", "建议合并第三条和第五条。"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"2", "2026/2/14 9:05", "李娜", "", "", "建议第十二条增加办件提醒。"})
	f.SetSheetRow("Sheet1", "A6", &[]any{"3", "", "", "", "", ""})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s, pid := newPolicy(t, "")
	sum, err := ImportFile(ctx, s, pid, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 2 || len(sum.Warnings) != 2 || !strings.Contains(sum.Warnings[0], "处理状态") || !strings.Contains(sum.Warnings[1], "1 行意见内容为空") {
		t.Errorf("summary %+v", sum)
	}
	ops, err := Opinions(ctx, s, pid)
	if err != nil {
		t.Fatal(err)
	}
	if ops[0].Submitted != "2026-02-13" || ops[0].Clause != "第三条、第五条" || ops[0].Submitter != "张伟" || ops[0].Contact != "13812345678" {
		t.Errorf("first opinion %+v", ops[0])
	}
	if ops[1].Submitted != "2026-02-14 09:05:00" || ops[1].Clause != "第十二条" { // clause found in the text
		t.Errorf("second opinion %+v", ops[1])
	}
	_, err = ImportFile(ctx, s, pid, path, nil)
	inputError(t, err, "不会重复导入")
	// The same rows saved again as another file are recognised too.
	again := filepath.Join(t.TempDir(), "again.xlsx")
	if err := f.SaveAs(again); err != nil {
		t.Fatal(err)
	}
	_, err = ImportFile(ctx, s, pid, again, nil)
	inputError(t, err, "不会重复导入")
	if n := holds(t, s, pid).opinions; n != 2 {
		t.Errorf("%d opinions after a refused re-import", n)
	}
}

func TestImportPicksTheTextColumn(t *testing.T) {
	s, pid := newPolicy(t, "")
	path := writeCSV(t, []string{"编号", "意见类型", "意见建议详细内容", "处理意见"}, [][]string{{"1", "建议类", "建议延长办事大厅服务时间。", "采纳"}})
	if _, err := ImportFile(ctx, s, pid, path, nil); err != nil {
		t.Fatal(err)
	}
	ops, _ := Opinions(ctx, s, pid)
	if len(ops) != 1 || ops[0].Content != "建议延长办事大厅服务时间。" || ops[0].Seq != "1" {
		t.Errorf("opinions %+v", ops)
	}
}

func TestImportBrokenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.xlsx")
	os.WriteFile(path, []byte("PK\x03\x04 this is not a zip"), 0o644)
	s, pid := newPolicy(t, "")
	_, err := ImportFile(ctx, s, pid, path, nil)
	inputError(t, err, "broken.xlsx")
}

func TestSurveyOpenTextsBecomeOpinions(t *testing.T) {
	s, pid := newPolicy(t, "2026-04-15")
	path := filepath.Join(t.TempDir(), "wjx.csv")
	csv := "序号,提交答卷时间,所用时间,1、您的身份,2、您对办事效率是否满意,3、您对本政策还有哪些意见和建议？\n" +
		"1,2026/8/1 9:00:00,120秒,企业,满意,希望窗口延长服务时间，中午不休息\n" +
		"2,2026/8/1 9:10:00,130秒,群众,一般,无\n" +
		"3,2026/8/1 9:20:00,140秒,企业,满意,\n" +
		"4,2026/8/1 9:30:00,150秒,企业,不满意,建议第十二条明确网上办理的事项清单，让企业少跑腿\n"
	os.WriteFile(path, []byte(csv), 0o644)
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: pid, Round: "2026年度", Path: path}, nil); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportSurvey(ctx, s, pid, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Questions != 1 || sum.Rows != 3 || sum.Imported != 2 {
		t.Errorf("summary %+v", sum)
	}
	ops, _ := Opinions(ctx, s, pid)
	if len(ops) != 2 || ops[0].Source != SourceSurvey || ops[1].Clause != "第十二条" || ops[0].Submitted != "2026-08-01 09:00:00" {
		t.Errorf("opinions %+v", ops)
	}
	_, err = ImportSurvey(ctx, s, pid, "2026年度")
	inputError(t, err, "不会重复导入")
	// More responses arrive in the round: only their answers are taken.
	more := filepath.Join(t.TempDir(), "wjx2.csv")
	os.WriteFile(more, []byte(strings.SplitN(csv, "\n", 2)[0]+"\n5,2026/8/2 9:00:00,120秒,群众,满意,希望增加自助办理终端\n"), 0o644)
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: pid, Round: "2026年度", Path: more}, nil); err != nil {
		t.Fatal(err)
	}
	sum, err = ImportSurvey(ctx, s, pid, "")
	if err != nil || sum.Imported != 1 || !strings.Contains(strings.Join(sum.Warnings, " "), "此前已导入") {
		t.Errorf("second take: %+v %v", sum, err)
	}
}

func TestAddOpinionJoinsItsCluster(t *testing.T) {
	s, pid, c := loopPolicy(t)
	id, err := AddOpinion(ctx, s, pid, Opinion{Content: "建议社会投资项目审批时限由20个工作日压缩至10个工作日！", Source: SourceHotline, Clause: "5"})
	if err != nil {
		t.Fatal(err)
	}
	ops, _ := Opinions(ctx, s, pid)
	last := ops[len(ops)-1]
	if last.ID != id || *last.Cluster != c["mass"] || last.Clause != "第五条" || last.Source != SourceHotline {
		t.Errorf("added opinion %+v, want it in cluster %d", last, c["mass"])
	}
	_, err = AddOpinion(ctx, s, pid, Opinion{Content: "  "})
	inputError(t, err, "请填写意见内容")
	_, err = AddOpinion(ctx, s, pid, Opinion{Content: "x", Source: "weibo"})
	inputError(t, err, "未知的意见来源")
}

func TestReasonRule(t *testing.T) {
	s, pid, c := loopPolicy(t)
	for _, dec := range []string{NotAdopted, PartlyAdopted, NotHandled} {
		err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: dec})
		inputError(t, err, "须说明理由")
	}
	// An opinion of the concentrated cluster needs a reason too; a small cluster does not.
	ops, _ := Opinions(ctx, s, pid)
	err := Decide(ctx, s, pid, DecideInput{Opinions: []int64{ops[0].ID}, Decision: NotAdopted})
	inputError(t, err, "须说明理由")
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["pair"]}, Decision: NotAdopted}); err != nil {
		t.Errorf("small cluster without reason: %v", err)
	}
	// Bulk is all or nothing: the pair's decision must not change when the mass one is refused.
	err = Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["pair"], c["mass"]}, Decision: PartlyAdopted})
	inputError(t, err, "须说明理由")
	cs, _ := Clusters(ctx, s, pid)
	if *cs[1].Decision != NotAdopted || cs[0].Decision != nil {
		t.Errorf("after a refused bulk decision: %v %v", *cs[1].Decision, cs[0].Decision)
	}
	// A template gives the reason; full adoption needs none.
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: "partly", Template: 2}); err != nil {
		t.Fatal(err)
	}
	cs, _ = Clusters(ctx, s, pid)
	if *cs[0].Decision != PartlyAdopted || !strings.Contains(*cs[0].Reason, "实施细则") {
		t.Errorf("decision %v reason %v", *cs[0].Decision, *cs[0].Reason)
	}
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["single"], c["other"]}, Decision: Adopted}); err != nil {
		t.Fatal(err)
	}
	err = Decide(ctx, s, pid, DecideInput{Clusters: []int64{999}, Decision: Adopted})
	inputError(t, err, "没有编号为 999 的意见分组")
	err = Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["single"]}, Decision: "maybe"})
	inputError(t, err, "未知的处理意见")
	// An opinion's own decision overrides its cluster's.
	if err := Decide(ctx, s, pid, DecideInput{Opinions: []int64{ops[0].ID}, Decision: NotAdopted, Reason: "与上位法不一致"}); err != nil {
		t.Fatal(err)
	}
	ops, _ = Opinions(ctx, s, pid)
	if *ops[0].Decision != NotAdopted || !ops[0].OwnDecision || *ops[1].Decision != PartlyAdopted {
		t.Errorf("opinion decisions %v %v", *ops[0].Decision, *ops[1].Decision)
	}
}

func TestPublishFreezesAndAmendmentsAreVersions(t *testing.T) {
	s, pid, c := loopPolicy(t)
	_, err := Publish(ctx, s, pid, WhatFeedback, "2026-04-15")
	inputError(t, err, "尚未作出处理意见")
	inputError(t, CheckPublish(ctx, s, pid, WhatFeedback, "2026-04-15"), "尚未作出处理意见")
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: NotAdopted, Reason: "涉及上位法，暂不采纳", Date: "2026-04-10"}); err != nil {
		t.Fatal(err)
	}
	// A draft can be edited in place.
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: PartlyAdopted, Reason: "已压缩至15个工作日", Date: "2026-04-10"}); err != nil {
		t.Fatal(err)
	}
	if err := CheckPublish(ctx, s, pid, WhatFeedback, "2026-04-15"); err != nil {
		t.Fatalf("check before publishing: %v", err)
	}
	if h := holds(t, s, pid); h.publications+h.frozen != 0 {
		t.Fatalf("a dry run published: %+v", h)
	}
	p1, err := Publish(ctx, s, pid, WhatFeedback, "2026-04-15")
	if err != nil {
		t.Fatal(err)
	}
	if p1.Version != 1 || !strings.Contains(string(p1.Snapshot), "已压缩至15个工作日") || strings.Contains(string(p1.Snapshot), "13912345678") {
		t.Errorf("publication %s", p1.Snapshot)
	}
	// In place: refused by the rule (and by the database: data/store's TestDecisions, TestPublications).
	err = Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: Adopted})
	inputError(t, err, "已于 2026-04-15 公开，不能直接修改")
	err = ClearDecision(ctx, s, pid, []int64{c["mass"]}, nil)
	inputError(t, err, "不能撤销")
	// A frozen cluster keeps its members.
	err = Merge(ctx, s, pid, c["mass"], []int64{c["single"]})
	inputError(t, err, "已冻结")
	ops, _ := Opinions(ctx, s, pid)
	_, err = Move(ctx, s, pid, []int64{ops[0].ID}, 0)
	inputError(t, err, "已冻结")
	// Republishing unchanged content is refused; an amendment needs a date not before the publication.
	_, err = Publish(ctx, s, pid, WhatFeedback, "2026-04-20")
	inputError(t, err, "内容与 2026-04-15 公开的第 1 版相同")
	err = Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: Adopted, Amend: true, Date: "2026-04-01"})
	inputError(t, err, "早于原处理意见的公开日期")
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: Adopted, Amend: true, Date: "2026-05-01"}); err != nil {
		t.Fatal(err)
	}
	cs, _ := Clusters(ctx, s, pid)
	if *cs[0].Decision != Adopted || !cs[0].Amended || cs[0].Published {
		t.Errorf("amended cluster %+v", cs[0])
	}
	// The amended cluster stays frozen: its published decision must survive.
	err = Merge(ctx, s, pid, c["single"], []int64{c["mass"]})
	inputError(t, err, "已冻结")
	_, err = Publish(ctx, s, pid, WhatFeedback, "2026-04-30")
	inputError(t, err, "早于其中更正的日期 2026-05-01")
	_, err = Publish(ctx, s, pid, WhatFeedback, "2026-04-14")
	inputError(t, err, "早于上次公开的日期")
	p2, err := Publish(ctx, s, pid, WhatFeedback, "2026-05-02")
	if err != nil {
		t.Fatal(err)
	}
	hist, _ := DecisionHistory(ctx, s, pid)
	pubs, _ := Publications(ctx, s, pid, WhatFeedback)
	if len(hist) != 2 || hist[0].Decision != PartlyAdopted || hist[1].Decision != Adopted || *hist[1].Amends != hist[0].ID ||
		*hist[0].Publication != p1.ID || *hist[1].Publication != p2.ID {
		t.Errorf("history %+v", hist)
	}
	if len(pubs) != 2 || pubs[0].Date != "2026-04-15" || pubs[1].Version != 2 || !strings.Contains(string(pubs[0].Snapshot), "部分采纳") {
		t.Errorf("publications %+v", pubs)
	}
	// The policy can still be deleted as a whole.
	if err := s.DeletePolicy(ctx, pid); err != nil {
		t.Errorf("delete policy with publications: %v", err)
	}
}

func TestFeedbackRefusedWithoutReason(t *testing.T) {
	s, pid, c := loopPolicy(t)
	// Decide while small, then the cluster becomes concentrated through the threshold.
	if err := SetSettings(ctx, s, pid, Settings{Similarity: DefaultSimilarity, ConcentratedMin: 10}); err != nil {
		t.Fatal(err)
	}
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: NotAdopted}); err != nil {
		t.Fatal(err)
	}
	if err := SetSettings(ctx, s, pid, Settings{Similarity: DefaultSimilarity, ConcentratedMin: 5}); err != nil {
		t.Fatal(err)
	}
	_, err := Publish(ctx, s, pid, WhatFeedback, "2026-04-15")
	inputError(t, err, "没有说明理由")
}

func TestManualEditsSurviveReclustering(t *testing.T) {
	s, pid, c := loopPolicy(t)
	// Merge the two singles into the pair; split one mass opinion off; move another to the single cluster.
	if err := Merge(ctx, s, pid, c["pair"], []int64{c["single"]}); err != nil {
		t.Fatal(err)
	}
	ops, _ := Opinions(ctx, s, pid)
	var massOps []int64
	for _, o := range ops {
		if *o.Cluster == c["mass"] {
			massOps = append(massOps, o.ID)
		}
	}
	split, err := Move(ctx, s, pid, massOps[:1], 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Move(ctx, s, pid, massOps[1:2], c["other"]); err != nil {
		t.Fatal(err)
	}
	before, _ := Opinions(ctx, s, pid)
	// Re-clustering (a new threshold, a new opinion) keeps every manual edit; the new copy joins a cluster
	// of its point.
	if err := SetSettings(ctx, s, pid, Settings{Similarity: 0.3, ConcentratedMin: 5}); err != nil {
		t.Fatal(err)
	}
	id, err := AddOpinion(ctx, s, pid, Opinion{Content: "我们认为，建议将社会投资项目审批时限由20个工作日压缩至10个工作日。"})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := Opinions(ctx, s, pid)
	for i, o := range before {
		if *after[i].Cluster != *o.Cluster {
			t.Errorf("opinion %d moved from cluster %d to %d", o.ID, *o.Cluster, *after[i].Cluster)
		}
	}
	if o := after[len(after)-1]; o.ID != id || (*o.Cluster != c["mass"] && *o.Cluster != split) {
		t.Errorf("new copy in cluster %v, want %d or %d", *o.Cluster, c["mass"], split)
	}
	// A reset drops the shaping: the split-off copy returns to the mass comment.
	if err := Recluster(ctx, s, pid, true); err != nil {
		t.Fatal(err)
	}
	cs, _ := Clusters(ctx, s, pid)
	if cs[0].Size != 7 {
		t.Errorf("after reset the largest cluster has %d opinions, want 7", cs[0].Size)
	}
	// Merging a decided cluster into one with another decision is refused.
	Decide(ctx, s, pid, DecideInput{Clusters: []int64{cs[1].ID}, Decision: Adopted})
	err = Merge(ctx, s, pid, cs[0].ID, []int64{cs[1].ID})
	inputError(t, err, "已有处理意见")
}

func TestRevisionsAreAppendOnly(t *testing.T) {
	s, pid, c := loopPolicy(t)
	in := RevisionInput{Clause: "第5条", Before: "审批时限为20个工作日。", After: "审批时限为10个工作日。", Reason: "采纳公众意见",
		Clusters: []int64{c["mass"]}, Findings: []string{"审批时限偏长"}, Date: "2026-10-01"}
	r1, err := AddRevision(ctx, s, pid, in)
	if err != nil {
		t.Fatal(err)
	}
	if r1.Record != r1.ID || r1.Version != 1 || r1.Clause != "第五条" || len(r1.Diff) != 4 || r1.Diff[1] != (DiffOp{Op: "-", Text: "20"}) {
		t.Errorf("revision %+v", r1)
	}
	in.After, in.Date = "审批时限为15个工作日。", "2026-10-05"
	r2, err := EditRevision(ctx, s, pid, r1.Record, in)
	if err != nil {
		t.Fatal(err)
	}
	hist, _ := RevisionHistory(ctx, s, pid, r1.Record)
	cur, _ := Revisions(ctx, s, pid)
	if r2.Version != 2 || len(hist) != 2 || hist[0].After != "审批时限为10个工作日。" || len(cur) != 1 || cur[0].ID != r2.ID {
		t.Errorf("history %+v current %+v", hist, cur)
	}
	// The linked cluster is kept by re-clustering and cannot be merged away.
	err = Merge(ctx, s, pid, c["single"], []int64{c["mass"]})
	inputError(t, err, "已被修订记录引用")
	for _, bad := range []RevisionInput{
		{Before: "a", After: "b", Reason: "r"},
		{Clause: "第一条", Before: "a", After: "a", Reason: "r"},
		{Clause: "第一条", Before: "a", After: "b"},
		{Clause: "第一条", Before: "a", After: "b", Reason: "r", Opinions: []int64{999}},
		{Clause: "第一条", Before: "a", After: "b", Reason: "r", Date: "2026-02-30"},
	} {
		_, err := AddRevision(ctx, s, pid, bad)
		var ie *data.InputError
		if !errors.As(err, &ie) {
			t.Errorf("AddRevision(%+v) = %v, want an input error", bad, err)
		}
	}
	w, err := WithdrawRevision(ctx, s, pid, r1.Record, "2026-10-06")
	if err != nil || !w.Withdrawn || w.Version != 3 || w.After != r2.After {
		t.Errorf("withdraw: %+v %v", w, err)
	}
	_, err = WithdrawRevision(ctx, s, pid, r1.Record, "")
	inputError(t, err, "已撤回")
}

func TestEvaluationPublication(t *testing.T) {
	s, pid, _ := loopPolicy(t)
	_, err := Publish(ctx, s, pid, WhatEvaluation, "2026-11-20")
	inputError(t, err, "尚无评价结果或修订记录")
	if _, err := AddRevision(ctx, s, pid, RevisionInput{Clause: "第五条", Before: "20个工作日", After: "15个工作日", Reason: "评价发现审批时限偏长", Date: "2026-11-01"}); err != nil {
		t.Fatal(err)
	}
	_, err = Publish(ctx, s, pid, WhatEvaluation, "2026-04-01")
	inputError(t, err, "早于政策印发日期")
	_, err = Publish(ctx, s, pid, "report", "2026-11-20")
	inputError(t, err, "未知的公开内容")
	p, err := Publish(ctx, s, pid, WhatEvaluation, "2026-11-20")
	if err != nil {
		t.Fatal(err)
	}
	revs, _ := Revisions(ctx, s, pid)
	if revs[0].Publication == nil || *revs[0].Publication != p.ID || !strings.Contains(string(p.Snapshot), "15个工作日") {
		t.Errorf("revision not frozen by the publication: %+v", revs[0])
	}
	s2, pid2 := newPolicy(t, "")
	_, err = Publish(ctx, s2, pid2, WhatEvaluation, "2026-11-20")
	inputError(t, err, "政策尚未印发")
}

func TestFeedbackSnapshotIsMasked(t *testing.T) {
	s, pid := newPolicy(t, "2026-04-15")
	path := writeCSV(t, []string{"提交人", "意见内容"}, [][]string{{"王建国", "我是王建国，建议延长办事大厅服务时间，电话13912345678"}})
	if _, err := ImportFile(ctx, s, pid, path, nil); err != nil {
		t.Fatal(err)
	}
	cs, _ := Clusters(ctx, s, pid)
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{cs[0].ID}, Decision: Adopted}); err != nil {
		t.Fatal(err)
	}
	p, err := Publish(ctx, s, pid, WhatFeedback, "2026-04-15")
	if err != nil {
		t.Fatal(err)
	}
	snap := string(p.Snapshot)
	if strings.Contains(snap, "13912345678") || strings.Contains(snap, "王建国") || !strings.Contains(snap, "139****5678") {
		t.Errorf("snapshot not masked: %s", snap)
	}
}

// Hostile files: whatever the bytes, the import ends with opinions stored or an input error, never a panic
// or an internal error.
func TestImportHostileFilesNeverPanic(t *testing.T) {
	s, pid := newPolicy(t, "")
	r := rand.New(rand.NewPCG(7, 7))
	alphabet := []string{"意见内容", "提交时间", ",", "\n", "\"", "\r", "\x00", "\xff\xfe", "=cmd|' /C calc'!A0", "2026/13/45", "第", "条", "１", "\u202e", strings.Repeat("长", 300)}
	for i := 0; i < 40; i++ {
		var b strings.Builder
		if i%2 == 0 {
			b.WriteString("意见内容,提交时间,涉及条款\n")
		}
		for j := 0; j < 30; j++ {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		path := filepath.Join(t.TempDir(), "hostile.csv")
		os.WriteFile(path, []byte(b.String()), 0o644)
		_, err := ImportFile(ctx, s, pid, path, nil)
		var ie *data.InputError
		if err != nil && !errors.As(err, &ie) {
			t.Errorf("file %d: internal error %v", i, err)
		}
	}
}

func TestDeleteImportAndOpinions(t *testing.T) {
	s, pid, c := loopPolicy(t)
	ims, err := Imports(ctx, s, pid)
	if err != nil || len(ims) != 1 || ims[0].Opinions != 10 {
		t.Fatalf("imports %+v %v", ims, err)
	}
	id, _ := AddOpinion(ctx, s, pid, Opinion{Content: "手工录入的意见，录错了"})
	if err := DeleteOpinions(ctx, s, pid, []int64{id}); err != nil {
		t.Fatal(err)
	}
	// Published: its opinions stay.
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"], c["pair"], c["single"], c["other"]}, Decision: Adopted}); err != nil {
		t.Fatal(err)
	}
	if _, err := Publish(ctx, s, pid, WhatFeedback, "2026-04-15"); err != nil {
		t.Fatal(err)
	}
	inputError(t, DeleteImport(ctx, s, pid, ims[0].ID), "已公开，不能删除")
	inputError(t, DeleteImport(ctx, s, pid, 99), "没有编号为 99 的导入批次")
	if n := holds(t, s, pid).opinions; n != 10 {
		t.Errorf("%d opinions after refused deletes", n)
	}
	// A draft import can be taken back, and imported again.
	s2, pid2 := newPolicy(t, "")
	path := writeCSV(t, []string{"意见内容"}, [][]string{{"建议一"}, {"建议二"}})
	if _, err := ImportFile(ctx, s2, pid2, path, nil); err != nil {
		t.Fatal(err)
	}
	ims, _ = Imports(ctx, s2, pid2)
	cs, _ := Clusters(ctx, s2, pid2)
	Decide(ctx, s2, pid2, DecideInput{Clusters: []int64{cs[0].ID}, Decision: Adopted})
	if err := DeleteImport(ctx, s2, pid2, ims[0].ID); err != nil {
		t.Fatal(err)
	}
	if h := holds(t, s2, pid2); h.opinions+h.clusters+h.decisions != 0 {
		t.Errorf("%+v left after deleting the import", h)
	}
	if _, err := ImportFile(ctx, s2, pid2, path, nil); err != nil {
		t.Errorf("re-import after deleting: %v", err)
	}
}

// A concentrated cluster decided opinion by opinion counts as decided.
func TestClusterDecidedOpinionByOpinion(t *testing.T) {
	s, pid, c := loopPolicy(t)
	cs, _ := Clusters(ctx, s, pid)
	mass := cs[0]
	if mass.ID != c["mass"] || mass.Undecided != 6 {
		t.Fatalf("mass cluster %+v", mass)
	}
	if err := Decide(ctx, s, pid, DecideInput{Opinions: mass.Opinions[:3], Decision: Adopted}); err != nil {
		t.Fatal(err)
	}
	inputError(t, CheckPublish(ctx, s, pid, WhatFeedback, "2026-04-15"), "尚未作出处理意见")
	if err := Decide(ctx, s, pid, DecideInput{Opinions: mass.Opinions[3:], Decision: NotAdopted, Reason: "与上位法规定不一致"}); err != nil {
		t.Fatal(err)
	}
	cs, _ = Clusters(ctx, s, pid)
	if cs[0].Decision != nil || cs[0].Undecided != 0 || cs[0].NotAdopted != 3 || cs[0].MissingReasons != 0 {
		t.Errorf("cluster after deciding each opinion %+v", cs[0])
	}
	if err := CheckPublish(ctx, s, pid, WhatFeedback, "2026-04-15"); err != nil {
		t.Errorf("publish after deciding each opinion: %v", err)
	}
}
