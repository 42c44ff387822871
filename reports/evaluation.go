package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/reports/chart"
	"github.com/gongping/gongping/reports/doc"
)

// The evaluation report (政策执行效果评估报告) as one document, the same for the page and the Word file:
//
//	摘要
//	一、评估工作基本情况 （一）评估背景 （二）评估依据 （三）评估时间 （四）组织实施 （五）评估方法 （六）样本情况
//	二、政策执行情况 （一）执行过程 （二）细则标准 [（三）不同群体评价]
//	三、取得成效
//	四、存在问题
//	五、改进建议 （一）改进方向 （二）修订完善情况
//	附件：1.[评价方法] 2.数据表 3.图表 4.[公众参与法定要求自查情况]   (the list, under the body)
//	落款
//	附件1 评价方法 … 附件4 公众参与法定要求自查情况                 (doc.Document.Attachments)
//
// Each section opens with its text (Report.Texts: the team's, or the draft), then its tables and figures.
// Chapters follow each other without page breaks; the writers list the attachments under the body, put
// the 落款 under the list and start each attachment on a page of its own, as GB/T 9704 asks.

// attachment is one 附件 of the report.
type attachment struct {
	key   narrative.Section
	label string // "附件1" ("附件" when it is the only one)
	title string
}

// attachments lists the report's attachments in order, numbered; an attachment with nothing to show or
// switched off is left out.
func (r *Report) attachments() []attachment {
	var keys []narrative.Section
	if r.Scored && r.on(narrative.Methods) {
		keys = append(keys, narrative.Methods)
	}
	if r.hasData() {
		keys = append(keys, narrative.Data)
	}
	if r.hasCharts() {
		keys = append(keys, narrative.Charts)
	}
	if len(r.Checks) > 0 && r.on(narrative.Checks) {
		keys = append(keys, narrative.Checks)
	}
	out := make([]attachment, len(keys))
	for i, k := range keys {
		out[i] = attachment{key: k, label: doc.AttachmentLabel(i, len(keys)), title: k.Title()}
	}
	return out
}

func (r *Report) hasData() bool {
	return len(r.IPA) > 0 || len(r.Directions) > 0 || len(r.Adoptions) > 0 || (r.on(narrative.Quotes) && len(r.OpenText) > 0)
}

func (r *Report) hasCharts() bool {
	for _, d := range r.Dimensions {
		if !indicatorDef(d).Empty() {
			return true
		}
	}
	return !directionDef(r).Empty()
}

// numberer writes the 公文 heading numbers 一、 （一） 1. （1）, each level restarting under the one above.
type numberer struct{ n [4]int }

func (h *numberer) next(level int) string {
	level = min(max(level, 1), 4)
	h.n[level-1]++
	for i := level; i < len(h.n); i++ {
		h.n[i] = 0
	}
	n := h.n[level-1]
	switch level {
	case 1:
		return cnNumber(n) + "、"
	case 2:
		return "（" + cnNumber(n) + "）"
	case 3:
		return strconv.Itoa(n) + "."
	}
	return "（" + strconv.Itoa(n) + "）"
}

// cnNumber writes 1–99 in Chinese numerals (一, 十, 十一, 二十三); larger numbers in digits.
func cnNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// docBuilder collects the blocks of the document.
type docBuilder struct {
	r      *Report
	how    pictures
	num    numberer
	blocks []doc.Block
	err    error
}

func (b *docBuilder) add(bl ...doc.Block) { b.blocks = append(b.blocks, bl...) }

func (b *docBuilder) heading(level int, text string) {
	b.add(doc.Heading{Level: level, Number: b.num.next(level), Text: text})
}

// text adds a section's text (edited or drafted), one paragraph per line.
func (b *docBuilder) text(k narrative.Section) {
	if t := strings.TrimSpace(b.r.Texts[k]); t != "" {
		b.add(doc.Paragraph{Text: t})
	}
}

func (b *docBuilder) figure(def chart.Chart, caption, source string) {
	if b.err != nil {
		return
	}
	f, ok, err := figure(def, caption, source, b.how)
	if err != nil {
		b.err = err
		return
	}
	if ok {
		b.add(f)
	}
}

// EvaluationDocument is the evaluation report as a document, its figures drawn for the page (SVG, and
// the same charts' ECharts options).
func EvaluationDocument(r *Report) (*doc.Document, error) { return evaluationDocument(r, forHTML) }

func evaluationDocument(r *Report, how pictures) (*doc.Document, error) {
	b := &docBuilder{r: r, how: how}
	d := &doc.Document{Title: "《" + strings.TrimSpace(r.Title) + "》\n政策执行效果评估报告"}
	if rn := strings.TrimSpace(r.Round); rn != "" && rn != data.DefaultRound {
		d.Subtitle = "（" + rn + "）"
	}
	b.add(doc.Heading{Level: 1, Text: narrative.Summary.Title()})
	b.text(narrative.Summary)
	b.basics()
	b.execution()
	b.results()
	b.problems()
	b.suggestions()
	d.Blocks = b.blocks
	for _, at := range r.attachments() {
		d.Attachments = append(d.Attachments, b.attachment(at))
	}
	if b.err != nil {
		return nil, b.err
	}
	issuer := r.Agency
	if issuer == "" {
		issuer = r.Commissioner
	}
	if issuer == "" {
		issuer = r.Dept
	}
	d.Signature = doc.Signature{Issuer: issuer, Date: r.Date}
	if r.Masked.Total() > 0 {
		d.Colophon = "本报告引用的公众意见中的个人信息已隐去。"
	}
	return d, nil
}

// Sources (资料来源) of the tables and figures.
func (r *Report) surveySource() string {
	return "本次问卷调查（有效问卷" + narrative.Count(r.Sample.Valid) + "份）"
}

func (r *Report) allSources() string {
	var s []string
	if r.Sources.Responses > 0 {
		s = append(s, "问卷调查（有效问卷"+narrative.Count(r.Sample.Valid)+"份）")
	}
	if r.Sources.AssessmentRows > 0 {
		s = append(s, "第三方评估")
	}
	if r.Sources.OfficerRows > 0 {
		s = append(s, "政策体验官评价")
	}
	if len(s) == 0 {
		return "本次评估"
	}
	return "本次评估" + strings.Join(s, "、")
}

func (b *docBuilder) basics() {
	r := b.r
	b.heading(1, "评估工作基本情况")
	for _, k := range []narrative.Section{narrative.Background, narrative.Basis, narrative.Period, narrative.Organisation, narrative.Method, narrative.Sample} {
		b.heading(2, k.Title())
		b.text(k)
	}
	if !r.Scored || r.Sample.Imported == 0 {
		return
	}
	s, ex := r.Sample, r.Sample.Excluded
	share := func(n int) string { return pctOf(n, s.Imported) }
	rows := [][]string{{"回收问卷", narrative.Count(s.Imported), "100.0%"}}
	for _, e := range []struct {
		name string
		n    int
		show bool
	}{{"剔除：未完成作答", ex.Incomplete, ex.Incomplete > 0}, {"剔除：答题过快", ex.Speeders, true}, {"剔除：各题选择同一选项", ex.Straightliners, true},
		{"剔除：重复提交", ex.Duplicates, true}, {"剔除：经复核认定无效", ex.Manual, ex.Manual > 0}} {
		if e.show {
			rows = append(rows, []string{e.name, narrative.Count(e.n), share(e.n)})
		}
	}
	if s.Restored > 0 {
		rows = append(rows, []string{"筛出后经复核予以保留", narrative.Count(s.Restored), share(s.Restored)})
	}
	rows = append(rows, []string{"有效问卷", narrative.Count(s.Valid), share(s.Valid)})
	b.add(doc.Table{Caption: "问卷回收与质量筛查情况",
		Columns: []doc.Column{{Title: "项目"}, {Title: "份数", WidthCM: 3, Align: doc.AlignRight}, {Title: "占回收问卷比例", WidthCM: 4, Align: doc.AlignRight}},
		Rows:    rows, Source: "本次问卷调查"})
}

func (b *docBuilder) execution() {
	r := b.r
	b.heading(1, narrative.Execution.Title())
	b.text(narrative.Execution)
	if len(r.Dimensions) > 0 {
		var rows [][]string
		for _, d := range r.Dimensions {
			sc := f1(d.Score)
			if d.HeldBack != "" {
				sc = "暂缓计分"
			}
			rows = append(rows, []string{d.Name, weight(d.Weight), sc, ci(d.ScoreCI95), f1(d.Survey), f1(d.Assessment), f1(d.Officers)})
		}
		comp := f1(r.Composite)
		if r.Composite == nil && r.CompositeHeldBack != "" {
			comp = "暂缓计分"
		} else if r.Grade != "" {
			comp += "（" + r.Grade + "）"
		}
		rows = append(rows, []string{"综合得分", "100.0%", comp, "", "", "", ""})
		b.add(doc.Table{Caption: "各维度得分",
			Columns: []doc.Column{{Title: "维度"}, {Title: "权重", WidthCM: 2, Align: doc.AlignRight}, {Title: "得分", WidthCM: 2.1, Align: doc.AlignRight},
				{Title: "95%置信区间", WidthCM: 2.9, Align: doc.AlignCenter}, {Title: "问卷调查", WidthCM: 2, Align: doc.AlignRight},
				{Title: "第三方评估", WidthCM: 2.1, Align: doc.AlignRight}, {Title: "政策体验官", WidthCM: 2.1, Align: doc.AlignRight}},
			Rows: rows, Source: r.allSources() + "；得分为各来源按来源权重合成；" + noteScoreCI})
		b.figure(radarDef(r), "各维度得分", r.allSources())
	}
	for i, d := range r.Dimensions {
		if i >= 2 {
			break // the third, 取得成效, is a chapter of its own
		}
		b.heading(2, d.Name)
		b.text([]narrative.Section{narrative.Process, narrative.Standards}[i])
		b.indicatorTable(d)
	}
	if len(r.Dimensions) < 2 { // not scored: the two sections still say why
		for _, k := range []narrative.Section{narrative.Process, narrative.Standards}[len(r.Dimensions):] {
			b.heading(2, k.Title())
			b.text(k)
		}
	}
	if r.on(narrative.Groups) && len(r.Groups) > 0 {
		b.heading(2, narrative.Groups.Title())
		b.text(narrative.Groups)
		for _, g := range r.Groups {
			cols := []doc.Column{{Title: "群体"}, {Title: "人数", WidthCM: 1.8, Align: doc.AlignRight}}
			for _, d := range r.Dimensions {
				cols = append(cols, doc.Column{Title: d.Name, WidthCM: 2.3, Align: doc.AlignRight})
			}
			cols = append(cols, doc.Column{Title: "问卷综合得分", WidthCM: 2.8, Align: doc.AlignRight})
			var rows [][]string
			for _, gr := range g.Groups {
				row := []string{gr.Value, narrative.Count(gr.N)}
				for _, v := range gr.Scores {
					row = append(row, f1(v))
				}
				rows = append(rows, append(row, f1(gr.Composite)))
			}
			b.add(doc.Table{Caption: "按" + narrative.Quote(g.Question) + "分组的问卷得分", Columns: cols, Rows: rows,
				Source: r.surveySource() + "；仅含问卷调查部分"})
		}
	}
}

// indicatorTable lists a dimension's indicators with their survey statistics.
func (b *docBuilder) indicatorTable(d Dimension) {
	if len(d.Indicators) == 0 {
		return
	}
	var rows [][]string
	for _, ind := range d.Indicators {
		sc := f1(ind.Score)
		if ind.HeldBack != "" {
			sc = "暂缓计分"
		}
		rows = append(rows, []string{ind.Name, ind.Questions, weight(ind.Weight), sc, narrative.Count(ind.N), ci(ind.CI95), pct(ind.SatisfactionRate)})
	}
	rows = append(rows, []string{"问卷调查部分合计", "", "", f1(d.Survey), narrative.Count(d.N), ci(d.CI95), pct(d.SatisfactionRate)})
	b.add(doc.Table{Caption: d.Name + "各指标得分",
		Columns: []doc.Column{{Title: "指标"}, {Title: "对应题目", WidthCM: 2.1}, {Title: "权重", WidthCM: 1.7, Align: doc.AlignRight},
			{Title: "得分", WidthCM: 1.5, Align: doc.AlignRight}, {Title: "有效样本", WidthCM: 1.8, Align: doc.AlignRight},
			{Title: "95%置信区间", WidthCM: 3.1, Align: doc.AlignCenter}, {Title: "满意率", WidthCM: 1.8, Align: doc.AlignRight}},
		Rows: rows, Source: b.r.surveySource() + "；" + rulesOf(b.r).Satisfaction})
}

func (b *docBuilder) results() {
	r := b.r
	b.heading(1, narrative.Results.Title())
	b.text(narrative.Results)
	if len(r.Dimensions) >= 3 {
		b.indicatorTable(r.Dimensions[2])
	}
}

func (b *docBuilder) problems() {
	r := b.r
	b.heading(1, narrative.Problems.Title())
	b.text(narrative.Problems)
	b.figure(problemDef(r), "主要问题提及率", r.allSources()+"；"+noteProblemPlot)
	if len(r.Problems) == 0 {
		return
	}
	var rows [][]string
	for _, p := range r.Problems {
		rows = append(rows, []string{strconv.Itoa(p.Rank), p.Item, p.Source, pct(p.Incidence), p.Basis})
	}
	b.add(doc.Table{Caption: "存在问题",
		Columns: []doc.Column{{Title: "序号", WidthCM: 1.1, Align: doc.AlignCenter}, {Title: "问题"}, {Title: "来源", WidthCM: 3},
			{Title: "提及率", WidthCM: 1.7, Align: doc.AlignRight}, {Title: "依据", WidthCM: 5}},
		Rows: rows, Source: r.allSources() + "；" + noteProblems})
}

func (b *docBuilder) suggestions() {
	r := b.r
	b.heading(1, narrative.Suggestions.Title())
	b.heading(2, "改进方向")
	b.text(narrative.Suggestions)
	if r.IPAMeans != nil {
		b.figure(ipaDef(r), "重要性—表现分析", r.surveySource()+"；重要性为指标分值与总体评价的相关系数，虚线为各指标均值；"+noteIPAPlot)
	}
	b.heading(2, narrative.Revisions.Title())
	b.text(narrative.Revisions)
	for _, rv := range r.Revisions {
		b.heading(3, rv.Clause)
		rows := [][]string{}
		if said := answeredOpinions(rv); said != "" {
			rows = append(rows, []string{"公众意见", said})
		}
		if len(rv.Findings) > 0 {
			rows = append(rows, []string{"评估发现", strings.Join(rv.Findings, "\n")})
		}
		rows = append(rows, []string{"修订前", orDash(rv.Before)}, []string{"修订后", orDash(rv.After)}, []string{"修订理由", rv.Reason})
		if rv.Date != "" {
			rows = append(rows, []string{"修订日期", rv.Date})
		}
		b.add(doc.Table{Caption: rv.Clause + "修订情况", Columns: []doc.Column{{Title: "项目", WidthCM: 2.6}, {Title: "内容"}},
			Rows: rows, Source: "政策修订记录"})
	}
}

// maxAnswered bounds how many single opinions a revision's table quotes.
const maxAnswered = 10

// answeredOpinions lists what the public said that a revision answers: its clusters (with their size and
// decision) and the opinions it answers one by one.
func answeredOpinions(rv Revision) string {
	var ls []string
	for _, c := range rv.Clusters {
		var note []string
		if c.Concentrated {
			note = append(note, "较为集中的意见")
		}
		if c.Size > 1 {
			note = append(note, "共"+narrative.Count(c.Size)+"条")
		}
		if c.Decision != "" {
			note = append(note, c.Decision)
		}
		l := c.Representative
		if len(note) > 0 {
			l += "（" + strings.Join(note, "，") + "）"
		}
		ls = append(ls, l)
	}
	for i, o := range rv.Opinions {
		if i == maxAnswered {
			ls = append(ls, fmt.Sprintf("等，共%s条", narrative.Count(len(rv.Opinions))))
			break
		}
		ls = append(ls, o)
	}
	if len(ls) > 1 {
		for i := range ls {
			if !strings.HasPrefix(ls[i], "等，") {
				ls[i] = strconv.Itoa(i+1) + "." + ls[i]
			}
		}
	}
	return strings.Join(ls, "\n")
}

// attachment builds one attachment: its sections are its first-level headings (一、), numbered afresh
// under its title.
func (b *docBuilder) attachment(at attachment) doc.Attachment {
	b.blocks, b.num = nil, numberer{}
	defer func() { b.blocks = nil }()
	switch at.key {
	case narrative.Methods:
		b.methods()
	case narrative.Data:
		b.dataTables()
	case narrative.Charts:
		b.charts()
	case narrative.Checks:
		b.checks()
	}
	return doc.Attachment{Title: at.title, Blocks: b.blocks}
}

func (b *docBuilder) methods() {
	r, ap := b.r, b.r.Appendix
	b.text(narrative.Methods)
	b.heading(1, "评价指标与权重")
	var rows [][]string
	for _, d := range r.Dimensions {
		if len(d.Indicators) == 0 {
			rows = append(rows, []string{d.Name, weight(d.Weight), "（未设问卷指标）", "", ""})
		}
		for i, ind := range d.Indicators {
			dn, dw := d.Name, weight(d.Weight)
			if i > 0 {
				dn, dw = "", ""
			}
			rows = append(rows, []string{dn, dw, ind.Name, weight(ind.Weight), ind.Questions})
		}
	}
	b.add(doc.Table{Caption: "评价指标与权重",
		Columns: []doc.Column{{Title: "维度", WidthCM: 2.6}, {Title: "维度权重", WidthCM: 2.2, Align: doc.AlignRight}, {Title: "指标"},
			{Title: "指标权重", WidthCM: 2.2, Align: doc.AlignRight}, {Title: "对应题目", WidthCM: 3}},
		Rows: rows, Source: "本次评估评价方案"})
	var src [][]string
	for _, kv := range ap.Sources {
		src = append(src, []string{kv.Key, kv.Value})
	}
	b.add(doc.Table{Caption: "数据来源权重", Columns: []doc.Column{{Title: "数据来源"}, {Title: "来源权重", WidthCM: 4, Align: doc.AlignRight}},
		Rows: src, Source: "本次评估评价方案；某一维度缺少某一来源的数据时，按其余来源的权重合成"})
	b.heading(1, "量表赋值")
	var scale [][]string
	for _, kv := range ap.Scale {
		scale = append(scale, []string{kv.Key, kv.Value})
	}
	b.add(doc.Table{Caption: "答案分值", Columns: []doc.Column{{Title: "分值", WidthCM: 2.2, Align: doc.AlignRight}, {Title: "选项"}},
		Rows: scale, Source: "本次评估评价方案"})
	if ap.Missing != "" {
		b.add(doc.Paragraph{Text: "回答" + ap.Missing + "的，视为未作答，不计入得分。"})
	}
	b.heading(1, "计算方法")
	var fs []string
	for i, f := range ap.Formulas {
		fs = append(fs, fmt.Sprintf("%d.%s", i+1, f))
	}
	fs = append(fs, fmt.Sprintf("%d.等级划分：%s；信度（α系数）：%s。", len(fs)+1, ap.Grades, ap.AlphaRule))
	b.add(doc.Paragraph{Text: strings.Join(fs, "\n")})
	b.heading(1, "质量筛查")
	var scr [][]string
	for _, kv := range ap.Screening {
		scr = append(scr, []string{kv.Key, kv.Value})
	}
	b.add(doc.Table{Caption: "质量筛查规则与结果", Columns: []doc.Column{{Title: "规则", WidthCM: 3.6}, {Title: "说明与结果"}},
		Rows: scr, Source: "本次问卷调查"})
	if len(r.Warnings) > 0 {
		b.heading(1, "数据说明")
		b.add(doc.Paragraph{Text: strings.Join(r.Warnings, "\n")})
	}
	b.heading(1, "个人信息保护")
	m := r.Masked
	b.add(doc.Paragraph{Text: fmt.Sprintf("发布前已隐去个人信息：手机号码%d处、身份证号%d处、电子邮箱%d处、IP地址%d处、姓名%d处。问卷中的姓名、联系方式等个人信息栏目不计分、不公开。",
		m.Phones, m.IDs, m.Emails, m.IPs, m.Names)})
}

func (b *docBuilder) dataTables() {
	r := b.r
	if len(r.IPA) > 0 {
		b.heading(1, "重要性—表现分析")
		var rows [][]string
		for _, p := range r.IPA {
			rows = append(rows, []string{p.Indicator, p.Dimension, fmt.Sprintf("%.3f", p.Importance), fmt.Sprintf("%.1f", p.Performance), p.Quadrant})
		}
		b.add(doc.Table{Caption: "各指标重要性与表现",
			Columns: []doc.Column{{Title: "指标"}, {Title: "维度", WidthCM: 2.4}, {Title: "重要性（相关系数）", WidthCM: 2.8, Align: doc.AlignRight},
				{Title: "表现（得分）", WidthCM: 2.2, Align: doc.AlignRight}, {Title: "判定", WidthCM: 3.2, Align: doc.AlignCenter}},
			Rows: rows, Source: r.surveySource() + "；" + noteIPA})
		if len(r.Priorities) > 0 {
			var ls []string
			for _, p := range r.Priorities {
				ls = append(ls, fmt.Sprintf("%d.%s：%s。", p.Rank, p.Item, strings.TrimSuffix(p.Why, "。")))
			}
			b.add(doc.Paragraph{Text: "改进优先顺序：\n" + strings.Join(ls, "\n")})
		}
	}
	if len(r.Directions) > 0 {
		b.heading(1, "改进需求")
		var rows [][]string
		for _, d := range r.Directions {
			rows = append(rows, []string{strconv.Itoa(d.Rank), d.Item, d.Source, pct(d.Share), narrative.Count(d.Count)})
		}
		b.add(doc.Table{Caption: "改进需求",
			Columns: []doc.Column{{Title: "序号", WidthCM: 1.3, Align: doc.AlignCenter}, {Title: "改进方向"}, {Title: "来源", WidthCM: 3},
				{Title: "需求占比", WidthCM: 2.2, Align: doc.AlignRight}, {Title: "次数", WidthCM: 1.6, Align: doc.AlignRight}},
			Rows: rows, Source: r.allSources() + "；需求占比为选择该项的受访者占该题作答人数的比例"})
	}
	if len(r.Adoptions) > 0 {
		b.heading(1, "公众意见采纳情况")
		var counts []string
		for _, kv := range r.AdoptionCounts {
			counts = append(counts, kv.Key+kv.Value+"类")
		}
		if o := r.Opinions; o.Opinions > 0 {
			b.add(doc.Paragraph{Text: fmt.Sprintf("政策公开征求意见期间共收到意见建议%s条，归纳为%s类。下表列出较为集中的意见和已作出答复的意见，共%s类，其中%s。",
				narrative.Count(o.Opinions), narrative.Count(o.Clusters), narrative.Count(len(r.Adoptions)), strings.Join(counts, "、"))})
		}
		var rows [][]string
		for i, a := range r.Adoptions {
			rep := a.Representative
			if a.Concentrated {
				rep += "（较为集中的意见）"
			}
			dec := a.Decision
			if dec == "" {
				dec = "尚未答复"
			}
			rows = append(rows, []string{strconv.Itoa(i + 1), rep, narrative.Count(a.Size), a.Clauses, dec, a.Reason})
		}
		b.add(doc.Table{Caption: "公众意见采纳情况",
			Columns: []doc.Column{{Title: "序号", WidthCM: 1.1, Align: doc.AlignCenter}, {Title: "意见建议（摘要）"}, {Title: "条数", WidthCM: 1.2, Align: doc.AlignRight},
				{Title: "涉及条款", WidthCM: 1.9}, {Title: "采纳情况", WidthCM: 1.9}, {Title: "理由或说明", WidthCM: 4.2}},
			Rows: rows, Source: "公开征求意见（共收到意见建议" + narrative.Count(r.Opinions.Opinions) + "条）"})
	}
	if r.on(narrative.Quotes) && len(r.OpenText) > 0 {
		b.heading(1, narrative.Quotes.Title())
		b.text(narrative.Quotes)
		for _, g := range r.OpenText {
			if len(g.Answers) == 0 {
				continue
			}
			shown := g.Answers
			more := ""
			if len(shown) > maxOpenPerQuestionHTML {
				more = fmt.Sprintf("；列出人数最多的%d条，其余%d条见数据工作簿", maxOpenPerQuestionHTML, len(shown)-maxOpenPerQuestionHTML)
				shown = shown[:maxOpenPerQuestionHTML]
			}
			var rows [][]string
			for i, a := range shown {
				rows = append(rows, []string{strconv.Itoa(i + 1), a.Text, narrative.Count(a.Count)})
			}
			b.add(doc.Table{Caption: narrative.QuestionText(g.Question),
				Columns: []doc.Column{{Title: "序号", WidthCM: 1.3, Align: doc.AlignCenter}, {Title: "意见建议"}, {Title: "人数", WidthCM: 1.6, Align: doc.AlignRight}},
				Rows:    rows,
				Source: fmt.Sprintf("%s；共%s人作答，其中%s条无实质内容未列出%s%s", r.surveySource(), narrative.Count(g.Answered),
					narrative.Count(g.Empty), withheld(g.Withheld), more)})
		}
	}
}

func (b *docBuilder) charts() {
	r := b.r
	for _, d := range r.Dimensions {
		b.figure(indicatorDef(d), d.Name+"各指标得分", r.surveySource())
	}
	b.figure(directionDef(r), "改进需求占比", r.surveySource())
}

func (b *docBuilder) checks() {
	r := b.r
	b.text(narrative.Checks)
	var rows [][]string
	for _, c := range r.Checks {
		rows = append(rows, []string{c.Name, c.Status, c.Value, c.Required, c.Detail})
	}
	b.add(doc.Table{Caption: "公众参与法定要求自查情况",
		Columns: []doc.Column{{Title: "要求", WidthCM: 4.2}, {Title: "结论", WidthCM: 2.2, Align: doc.AlignCenter},
			{Title: "实际", WidthCM: 1.4, Align: doc.AlignRight}, {Title: "标准", WidthCM: 1.4, Align: doc.AlignRight}, {Title: "说明"}},
		Rows: rows, Source: "本政策公众参与工作记录；依据" + narrative.Measures})
}

// Number formats of the tables ("—" for no value), as the narrative writes them.
func f1(v *float64) string {
	if v == nil {
		return "—"
	}
	return narrative.Score(*v)
}

func pct(v *float64) string {
	if v == nil {
		return "—"
	}
	return narrative.Percent(*v)
}

func ci(v *[2]float64) string {
	if v == nil {
		return "—"
	}
	return narrative.Score(v[0]) + "～" + narrative.Score(v[1])
}

func weight(w float64) string { return narrative.Percent(w) }

func pctOf(n, of int) string {
	if of == 0 {
		return "—"
	}
	return narrative.Percent(float64(n) / float64(of))
}

// withheld notes the answers not quoted (测试内容、个人诉求 and the like, by the team's choice).
func withheld(n int) string {
	if n == 0 {
		return ""
	}
	return "，" + narrative.Count(n) + "条经审核未予引用"
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（无）"
	}
	return s
}
