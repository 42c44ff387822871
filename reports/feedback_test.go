package reports

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store/storetest"
	"github.com/gongping/gongping/reports/doc"
	"github.com/gongping/gongping/reports/dochtml"
	"github.com/gongping/gongping/reports/docx"
)

// noticeLines is the notice's document as plain lines: what a reader reads, in order.
func noticeLines(d *doc.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "标题 %s\n", d.Title)
	labels := doc.Labels(d.Blocks)
	for i, blk := range d.Blocks {
		switch v := blk.(type) {
		case doc.Paragraph:
			for _, l := range doc.Lines(v.Text) {
				fmt.Fprintf(&b, "段 %s\n", l)
			}
		case doc.Table:
			fmt.Fprintf(&b, "%s %s\n", labels[i], v.Caption)
			var head []string
			for _, c := range v.Columns {
				head = append(head, c.Title)
			}
			fmt.Fprintf(&b, "  %s\n", strings.Join(head, " | "))
			for _, r := range v.Rows {
				fmt.Fprintf(&b, "  %s\n", strings.ReplaceAll(strings.Join(r, " | "), "\n", " / "))
			}
		default:
			fmt.Fprintf(&b, "%T\n", blk)
		}
	}
	fmt.Fprintf(&b, "落款 %s %s\n", d.Signature.Issuer, doc.FormatDate(d.Signature.Date))
	return b.String()
}

// goldenNotice is a published feedback with every kind of row: concentrated clusters (one partly
// adopted with its revision record), a decided scattered cluster, an opinion decided on its own, and
// an undecided scattered cluster that stays out.
func goldenNotice() NoticeInput {
	return NoticeInput{
		Policy: data.Policy{Title: "关于进一步优化营商环境的若干措施", Dept: "市发展改革委"},
		Consultation: &data.Consultation{Start: "2026-02-12", End: "2026-03-13", Channel: "首都之窗“政策文件意见征集”栏目、电子邮件",
			Contact: "市发展改革委营商环境处"},
		Feedback: data.FeedbackSnapshot{Opinions: 12, ConcentratedMin: 5, Counts: map[string]int{"采纳": 6, "部分采纳": 4, "不予处理": 1, "": 1},
			Clusters: []data.PublishedCluster{
				{ID: 3, Size: 5, Concentrated: true, Representative: "建议第五条将审批时限由20个工作日压缩至10个工作日，减少企业等待时间。联系人张伟13812345678",
					Clauses: []string{"第五条"}, Decision: "部分采纳", Reason: "已压缩至15个工作日；进一步压缩需系统改造到位。"},
				{ID: 4, Size: 5, Concentrated: true, Representative: "建议惠企政策实行“免申即享”，符合条件的企业无需申请即可直接享受，不再反复提交材料，也不必每年重新认定，减少重复填报。",
					Clauses: []string{"第十条"}, Decision: "采纳"},
				{ID: 5, Size: 1, Representative: "建议政务服务大厅周末开放半天。", Decision: "采纳", Reason: "已在第十二条中明确。"},
				{ID: 6, Size: 1, Representative: "小区停车难。"},
			},
			Decided: []data.PublishedOpinion{{ID: 9, Cluster: ptr(int64(4)), Content: "物业费太高，建议降低。", Decision: "不予处理", Reason: "不属于本政策调整范围。"}},
		},
		Date:       time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC),
		Submitters: 11,
		Members:    map[int64][]int64{3: {1, 2, 3, 4, 5}, 4: {6, 7, 8, 9, 10}, 5: {11}, 6: {12}},
		Revisions: []data.Revision{
			{Clause: "第五条", Before: "审批时限不超过20个工作日。", After: "审批时限不超过15个工作日，工程规划许可与施工许可并联办理。", Clusters: []int64{3}},
			{Clause: "第十二条", Before: "推进政务服务“一网通办”。", After: "推进政务服务“一网通办”，政务服务大厅周末开放半天。", Opinions: []int64{11}},
			{Clause: "第九条", Before: "a", After: "b", Opinions: []int64{9}}, // answers an opinion not adopted: not cited
		},
		Names: []string{"张伟", "市民"},
	}
}

func TestNoticeGolden(t *testing.T) {
	n := AssembleNotice(goldenNotice())
	golden(t, "notice.txt", noticeLines(n.Document))
	if n.Masked.Phones != 1 || n.Masked.Names != 1 {
		t.Errorf("masked %+v, want the phone and the name", n.Masked)
	}
}

// TestNoticeWords: the notice reads as the department wrote it, whatever the input lacks.
func TestNoticeWords(t *testing.T) {
	in := goldenNotice()
	in.Consultation, in.Submitters = nil, 0
	in.Policy.Title = "某某办法（征求意见稿）"
	got := noticeLines(AssembleNotice(in).Document)
	for _, want := range []string{"段 市发展改革委就《某某办法（征求意见稿）》向社会公开征求意见。共收到意见建议12条，", "段 衷心感谢社会各界对市发展改革委工作的关心和支持！"} {
		if !strings.Contains(got, want) {
			t.Errorf("notice lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "征求意见期间") || strings.Contains(got, "可联系") || strings.Contains(got, "（征求意见稿）（征求意见稿）") {
		t.Errorf("notice speaks of what it does not know:\n%s", got)
	}
	in = goldenNotice()
	in.Submitters = 1
	if got := noticeLines(AssembleNotice(in).Document); !strings.Contains(got, "共收到意见建议12条") {
		t.Errorf("one submitter is counted:\n%s", got)
	}
	in = goldenNotice()
	in.Feedback = data.FeedbackSnapshot{Counts: map[string]int{}}
	got = noticeLines(AssembleNotice(in).Document)
	if !strings.Contains(got, "征求意见期间，未收到意见建议。") || strings.Contains(got, "表1") {
		t.Errorf("no opinions:\n%s", got)
	}
	for _, c := range []struct{ start, end, want string }{
		{"2026-02-12", "2026-03-13", "2026年2月12日至3月13日"},
		{"2025-12-20", "2026-01-10", "2025年12月20日至2026年1月10日"},
		{"2026-02-12", "", ""},
	} {
		if got := dateRange(c.start, c.end); got != c.want {
			t.Errorf("dateRange(%s, %s) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"短句。", 10, "短句。"},
		{"第一句话。第二句话比较长一些。第三句。", 12, "第一句话。"},
		{"这是一句很长很长的话，没有句号但是有逗号，一直说下去", 16, "这是一句很长很长的话……"},
		{"一二三四五六七八九十一二三四五六七八九十", 10, "一二三四五六七八……"},
	} {
		if got := summary(c.in, c.n); got != c.want {
			t.Errorf("summary(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
	ops := []data.Opinion{{Submitter: "张伟"}, {Submitter: " 张伟 "}, {Submitter: "某建材有限公司"}}
	if n := submitters(ops); n != 2 {
		t.Errorf("submitters = %d, want 2", n)
	}
	if n := submitters(append(ops, data.Opinion{Submitter: "匿名"})); n != 0 {
		t.Errorf("submitters with an anonymous one = %d, want 0 (unknown)", n)
	}
}

// TestNoticeHostile pushes the report's injection corpus through every text of the notice: both
// files are written, the page follows the publication rules, and personal data stays masked.
func TestNoticeHostile(t *testing.T) {
	for _, s := range corpus {
		in := goldenNotice()
		in.Policy.Title, in.Policy.Dept = s, s
		in.Consultation = &data.Consultation{Start: "2026-02-12", End: "2026-03-13", Channel: s, Contact: s}
		for i := range in.Feedback.Clusters {
			c := &in.Feedback.Clusters[i]
			c.Representative, c.Reason, c.Clauses = s+" 13812345678", s, []string{s}
		}
		in.Feedback.Decided[0].Content, in.Feedback.Decided[0].Reason, in.Feedback.Decided[0].Clause = s, s, s
		for i := range in.Revisions {
			in.Revisions[i].Clause, in.Revisions[i].Before, in.Revisions[i].After = s, s, s
		}
		n := AssembleNotice(in)
		var hb, db bytes.Buffer
		if err := dochtml.Write(&hb, n.Document); err != nil {
			t.Fatal(err)
		}
		if err := docx.Write(&db, n.Document); err != nil {
			t.Fatal(err)
		}
		page := hb.String()
		low := strings.ToLower(page)
		for _, bad := range []string{"<script", "javascript:", "<img", "<a ", "<svg", "13812345678", "http://", "https://"} {
			if strings.Contains(low, bad) {
				t.Errorf("%.30q: the page holds %q", s, bad)
			}
		}
		if strings.Contains(db.String(), "13812345678") {
			t.Errorf("%.30q: the Word file holds the phone number", s)
		}
	}
}

// TestNoticeFromWorkspace follows a policy through its loop: a draft notice from the decisions as
// they stand, then the published one from what the publication froze, which later changes leave alone.
func TestNoticeFromWorkspace(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{Title: "关于优化营商环境的若干措施"})
	if err := s.SetConsultation(ctx, data.Consultation{PolicyID: p.ID, Start: "2026-02-12", End: "2026-03-13", Channel: "首都之窗", Contact: "市发展改革委营商环境处"}); err != nil {
		t.Fatal(err)
	}
	if err := loop.SetSettings(ctx, s, p.ID, loop.Settings{Similarity: loop.DefaultSimilarity, ConcentratedMin: 3}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []data.Opinion{
		{Content: "建议第五条将审批时限由20个工作日压缩至10个工作日。我的电话13812345678", Submitter: "张伟"},
		{Content: "建议第五条审批时限由20个工作日压缩到10个工作日。", Submitter: "李娜"},
		{Content: "建议第五条把审批时限由20个工作日压缩至10个工作日，减轻企业负担。", Submitter: "王芳"},
		{Content: "小区停车难，物业费太高。", Submitter: "赵磊"},
		{Content: "建议第十条惠企政策免申即享。", Submitter: "张伟"},
	} {
		o.Source = loop.SourceConsultation
		if _, err := loop.AddOpinion(ctx, s, p.ID, o); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := loop.Clusters(ctx, s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var concentrated int64
	for _, c := range cs {
		if c.Concentrated {
			concentrated = c.ID
		}
	}
	if concentrated == 0 || len(cs) != 3 {
		t.Fatalf("want one concentrated cluster of three, got %+v", cs)
	}
	ops, err := loop.Opinions(ctx, s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var parking int64
	for _, o := range ops {
		if strings.Contains(o.Content, "停车") {
			parking = o.ID
		}
	}
	today := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)

	// A draft while the concentrated point is undecided: it says so in the table.
	n, err := BuildNotice(ctx, s, p.ID, NoticeOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	text := noticeLines(n.Document)
	if !n.Draft || n.Version != 0 || n.Date != "2026-04-01" || !strings.Contains(text, "| 尚未处理 |") || !strings.Contains(text, "另有5条尚未作出处理意见") {
		t.Errorf("undecided draft: draft %v v%d %s\n%s", n.Draft, n.Version, n.Date, text)
	}

	if err := loop.Decide(ctx, s, p.ID, loop.DecideInput{Clusters: []int64{concentrated}, Decision: loop.PartlyAdopted, Reason: "已压缩至15个工作日。", Date: "2026-03-20"}); err != nil {
		t.Fatal(err)
	}
	if err := loop.Decide(ctx, s, p.ID, loop.DecideInput{Opinions: []int64{parking}, Decision: loop.NotHandled, Reason: "不属于本政策调整范围。", Date: "2026-03-20"}); err != nil {
		t.Fatal(err)
	}
	if _, err := loop.AddRevision(ctx, s, p.ID, loop.RevisionInput{Clause: "第五条", Before: "审批时限不超过20个工作日。", After: "审批时限不超过15个工作日。",
		Reason: "采纳公众意见。", Clusters: []int64{concentrated}, Date: "2026-03-25"}); err != nil {
		t.Fatal(err)
	}
	n, err = BuildNotice(ctx, s, p.ID, NoticeOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	text = noticeLines(n.Document)
	for _, want := range []string{
		"标题 关于《关于优化营商环境的若干措施》\n公开征求意见采纳情况的说明",
		"段 2026年2月12日至3月13日，市发展改革委通过首都之窗等渠道，就《关于优化营商环境的若干措施（征求意见稿）》向社会公开征求意见。征求意见期间，共收到4个单位和个人提出的意见建议5条，较为集中的意见是",
		"（同类意见3条，涉及第五条） | 部分采纳 | 已压缩至15个工作日。 / 已将第五条“审批时限不超过20个工作日。”修改为“审批时限不超过15个工作日。”",
		"小区停车难，物业费太高。 | 不予处理 | 不属于本政策调整范围。",
		"段 对本说明如有疑问，可联系市发展改革委营商环境处。",
		"落款 市发展改革委 2026年4月1日",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "13812345678") || strings.Contains(text, "张伟") {
		t.Errorf("draft publishes personal data:\n%s", text)
	}
	if !n.Draft || n.Masked.Phones == 0 {
		t.Errorf("draft %v, masked %+v", n.Draft, n.Masked)
	}

	// Published: the notice is the publication's, dated by it; what changes later stays out of it.
	if _, err := loop.Publish(ctx, s, p.ID, loop.WhatFeedback, "2026-04-15"); err != nil {
		t.Fatal(err)
	}
	if _, err := loop.AddRevision(ctx, s, p.ID, loop.RevisionInput{Clause: "第十条", Before: "x", After: "惠企政策免申即享。", Reason: "评价后修订。",
		Clusters: []int64{concentrated}, Date: "2026-11-18"}); err != nil {
		t.Fatal(err)
	}
	if _, err := loop.AddOpinion(ctx, s, p.ID, data.Opinion{Content: "公开后才收到的意见。", Submitter: "孙丽"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := WriteNotice(ctx, s, p.ID, dir, NoticeOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	n = files.Notice
	pub := noticeLines(n.Document)
	if n.Draft || n.Version != 1 || n.Date != "2026-04-15" || n.Later != 1 {
		t.Errorf("published: draft %v v%d %s later %d", n.Draft, n.Version, n.Date, n.Later)
	}
	if !strings.Contains(pub, "共收到意见建议5条") || strings.Contains(pub, "第十条：") || strings.Contains(pub, "公开后才收到") ||
		!strings.Contains(pub, "落款 市发展改革委 2026年4月15日") || !strings.Contains(pub, "已将第五条") {
		t.Errorf("published notice:\n%s", pub)
	}
	for _, f := range []string{files.HTML, files.DOCX} {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if !strings.HasSuffix(files.HTML, "采纳情况说明.html") || !strings.HasSuffix(files.DOCX, "采纳情况说明.docx") {
		t.Errorf("files %s %s", files.HTML, files.DOCX)
	}
}

// TestDemoNotice: the sample policy's notice (what gongping demo --report publishes) is complete and
// reads as a published document: no personal data, no internal or command-line text, no English.
func TestDemoNotice(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	ids, err := demo.Run(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	n, err := BuildNotice(ctx, s, ids[0], NoticeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := noticeLines(n.Document)
	if n.Draft || n.Date != demo.Issued || n.Later != 3 {
		t.Errorf("demo notice: draft %v, date %s, %d later revisions (want the feedback of %s and its 3 later revisions left out)", n.Draft, n.Date, n.Later, demo.Issued)
	}
	for _, want := range []string{"共收到134个单位和个人提出的意见建议148条", "较为集中的意见主要有以下几个方面：一是", "六是", "其中采纳101条、部分采纳26条、未采纳18条、不予处理3条", "表1 意见建议采纳情况"} {
		if !strings.Contains(text, want) {
			t.Errorf("demo notice lacks %q", want)
		}
	}
	var tbl doc.Table
	for _, b := range n.Document.Blocks {
		if v, ok := b.(doc.Table); ok {
			tbl = v
		}
	}
	if len(tbl.Rows) != 87 {
		t.Errorf("%d rows, want 87 (6 concentrated clusters, then the 81 decided single points)", len(tbl.Rows))
	}
	// What a reader sees: the text of the page without its markup and style sheet.
	var hb bytes.Buffer
	if err := dochtml.Write(&hb, n.Document); err != nil {
		t.Fatal(err)
	}
	page := hb.String()
	visible := regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]+>`).ReplaceAllString(page[strings.Index(page, "<body>"):], "")
	if m := regexp.MustCompile(`[A-Za-z]+`).FindString(visible); m != "" {
		t.Errorf("the notice holds Latin text %q", m)
	}
	for _, bad := range []string{"默认", "--", "Q1", "feedback", "null"} {
		if strings.Contains(visible, bad) {
			t.Errorf("the notice holds %q", bad)
		}
	}
	if m := regexp.MustCompile(`(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)`).FindString(visible); m != "" {
		t.Errorf("the notice publishes a mobile number %q", m)
	}
	ops, err := loop.Opinions(ctx, s, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range ops {
		if len([]rune(o.Submitter)) >= 2 && strings.Contains(visible, o.Submitter) && !strings.Contains(o.Submitter, "公司") && !strings.Contains(o.Submitter, "联") {
			t.Errorf("the notice names the submitter %s", o.Submitter)
		}
	}
}

func TestBreakTitle(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"关于《关于进一步优化营商环境降低企业制度性交易成本的若干措施》公开征求意见采纳情况的说明",
			"关于《关于进一步优化营商环境\n降低企业制度性交易成本的若干措施》\n公开征求意见采纳情况的说明"},
		{"关于《某某办法》公开征求意见采纳情况的说明", "关于《某某办法》\n公开征求意见采纳情况的说明"},
		{"关于《办法》的说明", "关于《办法》的说明"},
		{"关于《北京市促进中小企业发展资金管理办法》公开征求意见采纳情况的说明", "关于《北京市\n促进中小企业发展资金管理办法》\n公开征求意见采纳情况的说明"},
		// No phrase boundary within 20 characters: left to the writer's wrapping.
		{"关于《一二三四五六七八九十一二三四五六七八九十一二三》公开征求意见采纳情况的说明", "关于《一二三四五六七八九十一二三四五六七八九十一二三》公开征求意见采纳情况的说明"},
	} {
		if got := breakTitle(c.title, noticeTitleEnd); got != c.want {
			t.Errorf("breakTitle(%q) =\n%s\nwant\n%s", c.title, got, c.want)
		}
	}
}
