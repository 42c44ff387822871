package reports

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/reports/chart"
	"github.com/gongping/gongping/reports/doc"
)

// paragraphs and headings of a document, as one text (one block a line): the body, the list of
// attachments as the writers put it under the body, then each attachment with its label and title.
func docText(d *doc.Document) string {
	var b strings.Builder
	blockText(&b, d.Blocks)
	n := len(d.Attachments)
	for i, a := range d.Attachments {
		if i == 0 {
			b.WriteString("附件：")
		}
		b.WriteString(doc.AttachmentNumber(i, n) + a.Title + "\n")
	}
	for i, a := range d.Attachments {
		b.WriteString(doc.AttachmentLabel(i, n) + "\n" + a.Title + "\n")
		blockText(&b, a.Blocks)
	}
	return b.String()
}

func blockText(b *strings.Builder, blocks []doc.Block) {
	for _, bl := range blocks {
		switch v := bl.(type) {
		case doc.Heading:
			b.WriteString(v.Number + v.Text + "\n")
		case doc.Paragraph:
			b.WriteString(v.Text + "\n")
		case doc.Table:
			b.WriteString(v.Caption + "\n")
			for _, r := range v.Rows {
				b.WriteString(strings.Join(r, "\t") + "\n")
			}
		case doc.Figure:
			b.WriteString(v.Caption + "\n")
		}
	}
}

func mustDoc(t *testing.T, r *Report) *doc.Document {
	t.Helper()
	d, err := EvaluationDocument(r)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The team's text of a section replaces the draft (masked like any text); a blank one leaves the draft;
// an unknown key is ignored. Optional sections switched off are left out and the attachments renumbered,
// and the texts no longer point to them; a section that is not optional cannot be switched off.
func TestTextsAndSections(t *testing.T) {
	ctx := context.Background()
	s, id := fixtureStore(t)
	base, err := Build(ctx, s, id, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, s, id, Options{
		Texts: map[narrative.Section]string{narrative.Summary: "团队改写的摘要，联系人电话13812345678。", narrative.Problems: "  \n ",
			"nope": "不知哪一节"},
		Sections: map[narrative.Section]bool{narrative.Methods: false, narrative.Checks: false, narrative.Quotes: false, narrative.Problems: false},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Texts[narrative.Summary]; got != "团队改写的摘要，联系人电话138****5678。" {
		t.Errorf("summary = %q", got)
	}
	if r.Texts[narrative.Problems] != base.Texts[narrative.Problems] || r.Texts[narrative.Problems] == "" {
		t.Errorf("a blank text replaced the draft: %q", r.Texts[narrative.Problems])
	}
	if _, ok := r.Texts["nope"]; ok {
		t.Error("an unknown section's text was kept")
	}
	bd, d := docText(mustDoc(t, base)), docText(mustDoc(t, r))
	for _, want := range []string{"附件：1.评价方法\n2.数据表\n3.图表\n4.公众参与法定要求自查情况\n", "附件1\n评价方法", "附件2\n数据表", "附件3\n图表",
		"附件4\n公众参与法定要求自查情况", "具体指标、权重和计算方法见附件1。", "四、群众意见摘编"} {
		if !strings.Contains(bd, want) {
			t.Errorf("the full report lacks %q", want)
		}
	}
	for _, want := range []string{"摘要\n团队改写的摘要", "四、存在问题", "附件1\n数据表", "附件2\n图表", "附件：1.数据表\n2.图表\n附件1"} {
		if !strings.Contains(d, want) {
			t.Errorf("the report with parts off lacks %q", want)
		}
	}
	for _, gone := range []string{"评价方法\n", "法定要求自查", "群众意见摘编", "见附件1", "13812345678"} {
		if strings.Contains(d, gone) {
			t.Errorf("the report with parts off still has %q", gone)
		}
	}
}

// A revision record shows what it answers: the clusters of opinions (with their size and decision) and
// the opinions named one by one, each once — "we asked, you said, we did".
func TestRevisionAnswers(t *testing.T) {
	ctx := context.Background()
	s, id := fixtureStore(t)
	cs, err := loop.Clusters(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	var big loop.Cluster
	for _, c := range cs {
		if c.Size > big.Size {
			big = c
		}
	}
	ops, err := loop.Opinions(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	var lone int64
	for _, o := range ops {
		if o.Cluster == nil || *o.Cluster != big.ID {
			lone = o.ID
		}
	}
	if lone == 0 || big.Size < 2 {
		t.Fatalf("fixture: cluster of %d, lone opinion %d", big.Size, lone)
	}
	if err := loop.Decide(ctx, s, id, loop.DecideInput{Clusters: []int64{big.ID}, Decision: "部分采纳", Reason: "已修改第八条"}); err != nil {
		t.Fatal(err)
	}
	big.Decision = &[]string{"部分采纳"}[0]
	// Answers the big cluster, one of its members again, and the opinion outside it.
	if _, err := loop.AddRevision(ctx, s, id, loop.RevisionInput{Clause: "第八条", Before: "原文。", After: "新文。", Reason: "回应意见",
		Clusters: []int64{big.ID}, Opinions: []int64{big.Opinions[0], lone}, Date: "2026-11-19"}); err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, s, id, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rv *Revision
	for i := range r.Revisions {
		if r.Revisions[i].Clause == "第八条" {
			rv = &r.Revisions[i]
		}
	}
	if rv == nil {
		t.Fatal("revision missing")
	}
	if len(rv.Clusters) != 1 || rv.Clusters[0].Size != big.Size || len(rv.Opinions) != 1 || rv.OpinionCount != big.Size+1 {
		t.Fatalf("answers: %d clusters %+v, opinions %q, count %d (cluster of %d)", len(rv.Clusters), rv.Clusters, rv.Opinions, rv.OpinionCount, big.Size)
	}
	if !strings.Contains(rv.Answers, "回应公众意见 ") {
		t.Errorf("one-line answers %q", rv.Answers)
	}
	d := docText(mustDoc(t, r))
	var parts []string
	if big.Concentrated {
		parts = append(parts, "较为集中的意见")
	}
	parts = append(parts, "共"+narrative.Count(big.Size)+"条")
	if big.Decision != nil {
		parts = append(parts, *big.Decision)
	}
	note := "（" + strings.Join(parts, "，") + "）"
	want := "公众意见\t1." + rv.Clusters[0].Representative + note + "\n2." + rv.Opinions[0] + "\n"
	if !strings.Contains(d, want) {
		at := strings.Index(d, "第八条修订情况")
		t.Errorf("the revision table lacks %q:\n%.600s", want, d[at:])
	}
	if !strings.Contains(d, "修订日期\t2026年11月19日") {
		t.Error("the revision date is not in the published style")
	}
	if !strings.Contains(r.Texts[narrative.Revisions], "其中2处回应了公众意见建议") {
		t.Errorf("revisions text: %s", r.Texts[narrative.Revisions])
	}
}

// The report is dated the day the evaluation was published unless the team set a date; the 落款, the
// period text and the workbook's 报告日期 say the same date, in one style.
func TestReportDate(t *testing.T) {
	ctx := context.Background()
	s, id := fixtureStore(t)
	r, err := Build(ctx, s, id, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if today := narrative.Date(time.Now()); r.Generated != today {
		t.Errorf("unpublished report dated %s, want today %s", r.Generated, today)
	}
	if _, err := loop.Publish(ctx, s, id, loop.WhatEvaluation, "2026-11-20"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		opt  Options
		want string
	}{{Options{}, "2026年11月20日"}, {Options{Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local)}, "2026年12月1日"}} {
		r, err := Build(ctx, s, id, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		d := mustDoc(t, r)
		if got := doc.FormatDate(d.Signature.Date); got != c.want || r.Generated != c.want {
			t.Errorf("signature %s, report date %s, want %s", got, r.Generated, c.want)
		}
		if !strings.Contains(r.Texts[narrative.Period], "评估报告于"+c.want+"形成") {
			t.Errorf("period text %q", r.Texts[narrative.Period])
		}
	}
}

// The narrative's dates are the document model's: one date style.
func TestOneDateStyle(t *testing.T) {
	for d := time.Date(2025, 12, 25, 0, 0, 0, 0, time.UTC); d.Year() < 2027; d = d.AddDate(0, 0, 7) {
		if narrative.Date(d) != doc.FormatDate(d) {
			t.Fatalf("%v: narrative %s, doc %s", d, narrative.Date(d), doc.FormatDate(d))
		}
	}
}

// Agency and commissioner name who evaluated; the agency signs, else the commissioner, else the department.
func TestIssuer(t *testing.T) {
	for _, c := range []struct{ agency, comm, want string }{
		{"北京某评估中心", "市发展改革委", "北京某评估中心"}, {"", "市政府办公厅", "市政府办公厅"}, {"", "", "市发展改革委"},
	} {
		in := textInput("标题")
		in.Policy.Dept, in.Agency, in.Commissioner = "市发展改革委", c.agency, c.comm
		d := mustDoc(t, Assemble(in))
		if d.Signature.Issuer != c.want {
			t.Errorf("%q/%q: signed by %q, want %q", c.agency, c.comm, d.Signature.Issuer, c.want)
		}
	}
}

// An unscored round still has every chapter, each saying why there is nothing to show, and no attachment
// that would be empty.
func TestUnscoredDocument(t *testing.T) {
	in := textInput("标题")
	in.Result, in.ScoreError, in.Survey = nil, "尚未设置评价方案", nil
	in.Adoptions, in.Checks = nil, nil
	d := docText(mustDoc(t, Assemble(in)))
	for _, want := range []string{"一、评估工作基本情况", "二、政策执行情况\n本轮次尚未能计算评价得分：尚未设置评价方案。", "三、取得成效", "四、存在问题", "五、改进建议", "（二）修订完善情况"} {
		if !strings.Contains(d, want) {
			t.Errorf("unscored report lacks %q", want)
		}
	}
	if strings.Contains(d, "附件") {
		t.Errorf("unscored report without data has an attachment:\n%s", d)
	}
	_ = data.DefaultRound
}

// An open answer the team chose not to quote is counted as answered, not listed, and the table says how
// many were left out.
func TestExcludedAnswers(t *testing.T) {
	in := textInput("标题")
	in.Survey = &data.SurveyData{
		Questions: []data.Question{{Key: "Q1", Text: "1、您还有什么意见建议", Type: data.QOpenText}},
		Responses: []data.Response{{ID: 1, Answers: []string{"我的电话13912345678，请联系我"}}, {ID: 2, Answers: []string{"建议延长窗口服务时间"}},
			{ID: 3, Answers: []string{"asdf"}}},
	}
	in.Excluded = map[data.AnswerRef]bool{{Response: 1, Question: "Q1"}: true, {Response: 3, Question: "Q1"}: true, {Response: 2, Question: "Q2"}: true}
	r := Assemble(in)
	g := r.OpenText[0]
	if g.Answered != 3 || g.Withheld != 2 || len(g.Answers) != 1 || g.Answers[0].Text != "建议延长窗口服务时间" {
		t.Fatalf("answered %d, withheld %d, quoted %v", g.Answered, g.Withheld, g.Answers)
	}
	d := mustDoc(t, r)
	for _, bl := range d.AllBlocks() {
		if tb, ok := bl.(doc.Table); ok && tb.Caption == "您还有什么意见建议" {
			if !strings.Contains(tb.Source, "共3人作答") || !strings.Contains(tb.Source, "2条经审核未予引用") {
				t.Errorf("source %q", tb.Source)
			}
			return
		}
	}
	t.Error("the quotes table is missing")
}

// The Word file's charts are PNG pictures; on a computer with no Chinese font to draw them they are
// SVG (Word 2016+, WPS and LibreOffice draw it with their own fonts), and the page's are always SVG.
func TestFigurePictures(t *testing.T) {
	r := Assemble(textInput("指标"))
	count := func(d *doc.Document) (png, svg int) {
		for _, bl := range d.AllBlocks() {
			if f, ok := bl.(doc.Figure); ok {
				if len(f.PNG) > 0 {
					png++
				}
				if len(f.SVG) > 0 {
					svg++
				}
			}
		}
		return
	}
	page, err := evaluationDocument(r, forHTML)
	if err != nil {
		t.Fatal(err)
	}
	if p, s := count(page); p != 0 || s == 0 {
		t.Errorf("page figures: %d PNG, %d SVG", p, s)
	}
	word, err := evaluationDocument(r, forDOCX)
	if err != nil {
		t.Fatal(err)
	}
	if p, s := count(word); p == 0 || s != 0 {
		t.Errorf("Word figures: %d PNG, %d SVG", p, s)
	}
	saved := chartPNG
	defer func() { chartPNG = saved }()
	chartPNG = func(chart.Chart, float64) ([]byte, error) { return nil, &chart.NoFontError{Searched: []string{"/x"}} }
	word, err = evaluationDocument(r, forDOCX)
	if err != nil {
		t.Fatalf("no font: %v", err)
	}
	if p, s := count(word); p != 0 || s == 0 {
		t.Errorf("Word figures without a font: %d PNG, %d SVG", p, s)
	}
	chartPNG = func(chart.Chart, float64) ([]byte, error) { return nil, errors.New("disk full") }
	if _, err := evaluationDocument(r, forDOCX); err == nil {
		t.Error("a failed drawing was not reported")
	}
}
