package reports

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/reports/chart"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook, in order.
const (
	SheetOverview   = "概况"
	SheetDimensions = "维度得分"
	SheetIndicators = "指标得分"
	SheetProblems   = "存在问题"
	SheetDirections = "改进方向"
	SheetIPA        = "重要性表现分析"
	SheetCharts     = "图表"
	SheetOpinions   = "意见摘编"
	SheetAdoption   = "采纳情况"
	SheetRevisions  = "修订记录"
	SheetChecks     = "合规检查"
	SheetRaw        = "原始数据"
)

// value kinds of a column.
const (
	kText = iota
	kNum1 // one decimal
	kPct1 // share 0–1 shown as a percentage with one decimal
	kInt
	kNum2 // two decimals (α)
	kNum3 // three decimals (correlations)
)

type col struct {
	title string
	width float64
	kind  int
}

// book is a workbook being written, with its shared styles and where the charts' data is.
type book struct {
	f                                                 *excelize.File
	header, text, num1, num2, num3, pct1, integer, hd int
	title, cont, small                                int
	data                                              chartData
}

func newBook() (*book, error) {
	b := &book{f: excelize.NewFile()}
	border := []excelize.Border{{Type: "left", Color: "D0D7DE", Style: 1}, {Type: "right", Color: "D0D7DE", Style: 1},
		{Type: "top", Color: "D0D7DE", Style: 1}, {Type: "bottom", Color: "D0D7DE", Style: 1}}
	font := &excelize.Font{Family: "Microsoft YaHei", Size: 10}
	one, two, three, pct := "0.0", "0.00", "0.000", "0.0%"
	styles := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.header, excelize.Style{Font: &excelize.Font{Family: "Microsoft YaHei", Size: 10, Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"B22222"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Border: border}},
		{&b.text, excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border}},
		{&b.num1, excelize.Style{Font: font, CustomNumFmt: &one, Alignment: &excelize.Alignment{Vertical: "top"}, Border: border}},
		{&b.num2, excelize.Style{Font: font, CustomNumFmt: &two, Alignment: &excelize.Alignment{Vertical: "top"}, Border: border}},
		{&b.num3, excelize.Style{Font: font, CustomNumFmt: &three, Alignment: &excelize.Alignment{Vertical: "top"}, Border: border}},
		{&b.pct1, excelize.Style{Font: font, CustomNumFmt: &pct, Alignment: &excelize.Alignment{Vertical: "top"}, Border: border}},
		{&b.integer, excelize.Style{Font: font, NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}, Border: border}},
		{&b.hd, excelize.Style{Font: &excelize.Font{Family: "Microsoft YaHei", Size: 11, Bold: true}}},
		{&b.title, excelize.Style{Font: &excelize.Font{Family: "Microsoft YaHei", Size: 14, Bold: true}}},
		{&b.small, excelize.Style{Font: &excelize.Font{Family: "Microsoft YaHei", Size: 9, Color: "333333"},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.cont, excelize.Style{Font: &excelize.Font{Family: "Microsoft YaHei", Size: 10, Italic: true, Color: "5B6470"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F6F8FA"}}, Border: border}},
	}
	for _, s := range styles {
		id, err := b.f.NewStyle(&s.s)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	return b, nil
}

// table writes one block of rows under a header on a sheet.
type table struct {
	b       *book
	sheet   string
	cols    []col
	head    int // header row
	row     int // last row written
	overrun map[int]bool
}

func cell(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c, r)
	return name
}

// newTable writes the header at row and sets the column widths (the first table of a sheet decides them).
func (b *book) newTable(sheet string, row int, cols []col, widths bool) (*table, error) {
	t := &table{b: b, sheet: sheet, cols: cols, head: row, row: row, overrun: map[int]bool{}}
	lines := 1
	for i, c := range cols {
		if err := b.f.SetCellStr(sheet, cell(i+1, row), c.title); err != nil {
			return nil, err
		}
		if c.width > 0 {
			lines = max(lines, wrappedLines(c.title, c.width))
		}
		if widths {
			name, _ := excelize.ColumnNumberToName(i + 1)
			if err := b.f.SetColWidth(sheet, name, name, c.width); err != nil {
				return nil, err
			}
		}
	}
	if lines > 1 { // a long title wraps: the row grows to show it (LibreOffice does not on opening)
		if err := b.f.SetRowHeight(sheet, row, float64(lines)*lineHeight+2); err != nil {
			return nil, err
		}
	}
	return t, b.f.SetCellStyle(sheet, cell(1, row), cell(len(cols), row), b.header)
}

// add writes one row: string, *float64, float64, int or nil per column.
func (t *table) add(vals ...any) error {
	t.row++
	f := t.b.f
	next := len(t.cols) + 1 // where continuation pieces of over-long texts go
	lines := 1              // the row's height in text lines
	for i, v := range vals {
		ref := cell(i+1, t.row)
		kind := kText
		if i < len(t.cols) {
			kind = t.cols[i].kind
		}
		style := map[int]int{kText: t.b.text, kNum1: t.b.num1, kNum2: t.b.num2, kNum3: t.b.num3, kPct1: t.b.pct1, kInt: t.b.integer}[kind]
		var err error
		switch v := v.(type) {
		case nil:
		case string:
			pieces := cellPieces(v)
			if i < len(t.cols) {
				lines = max(lines, wrappedLines(pieces[0], t.cols[i].width))
			}
			err = f.SetCellStr(t.sheet, ref, pieces[0])
			for _, p := range pieces[1:] {
				if err == nil {
					err = f.SetCellStr(t.sheet, cell(next, t.row), p)
				}
				if err == nil {
					err = t.markOverrun(next)
				}
				next++
			}
		case *float64:
			if v != nil {
				err = f.SetCellFloat(t.sheet, ref, *v, -1, 64)
			}
		case float64:
			err = f.SetCellFloat(t.sheet, ref, v, -1, 64)
		case int:
			err = f.SetCellInt(t.sheet, ref, int64(v))
		default:
			err = fmt.Errorf("unsupported cell value %T", v)
		}
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(t.sheet, ref, ref, style); err != nil {
			return err
		}
	}
	if lines > 1 {
		// Set the height of wrapped rows: LibreOffice does not fit a row to wrapped text on opening.
		return f.SetRowHeight(t.sheet, t.row, min(float64(lines)*lineHeight+2, maxRowHeight))
	}
	return nil
}

const (
	lineHeight   = 13.5 // points per line of 10-point text
	maxRowHeight = 409  // Excel's largest row height
)

// wrappedLines estimates how many lines text takes in a column of width (in widths of '0'): a CJK or other
// wide character takes two, anything else one.
func wrappedLines(text string, width float64) int {
	if width <= 0 {
		return 1
	}
	lines, used := 1, 0.0
	for _, r := range text {
		if r == '\n' {
			lines, used = lines+1, 0
			continue
		}
		w := 1.0
		if r >= 0x1100 && utf8.RuneLen(r) >= 3 {
			w = 2
		}
		if used+w > width-1 {
			lines, used = lines+1, 0
		}
		used += w
	}
	return lines
}

// markOverrun labels a continuation column once, so a reader sees the text goes on there.
func (t *table) markOverrun(c int) error {
	if t.overrun[c] {
		return nil
	}
	t.overrun[c] = true
	ref := cell(c, t.head)
	if err := t.b.f.SetCellStr(t.sheet, ref, "续（超长文本接前列）"); err != nil {
		return err
	}
	name, _ := excelize.ColumnNumberToName(c)
	if err := t.b.f.SetColWidth(t.sheet, name, name, 60); err != nil {
		return err
	}
	return t.b.f.SetCellStyle(t.sheet, ref, ref, t.b.cont)
}

// Page margins in inches (the chart sheet's page breaks are computed from them).
const (
	marginTop, marginBottom = 0.75, 0.75
	marginSide              = 0.6
	marginHeadFoot          = 0.3
)

// footer numbers the pages: "第 3 页，共 12 页" (the numbers run through the workbook when it is printed
// whole). The header names the sheet.
var footer = &excelize.HeaderFooterOptions{OddHeader: "&R&9&A", OddFooter: "&C&9第 &P 页，共 &N 页"}

// printSetup prints a sheet on A4 with page numbers: a table sheet landscape, one page wide, with the
// table's header row repeated on every page; the chart sheet portrait at full size, without repeated
// rows (chartSheet breaks its pages so no chart is cut).
func (b *book) printSetup(sheet string) error {
	layout := &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}
	if sheet == SheetCharts {
		layout = &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("portrait"), AdjustTo: ptr(uint(100))}
	}
	if err := b.f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Top: ptr(marginTop), Bottom: ptr(marginBottom),
		Left: ptr(marginSide), Right: ptr(marginSide), Header: ptr(marginHeadFoot), Footer: ptr(marginHeadFoot)}); err != nil {
		return err
	}
	if err := b.f.SetHeaderFooter(sheet, footer); err != nil {
		return err
	}
	if sheet == SheetCharts {
		return nil
	}
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	head := 1
	if sheet == SheetOverview {
		head = 2 // under the title line
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, head, head), Scope: sheet})
}

// para writes a paragraph of text at row across columns 1…cols (merged, wrapped, the row as high as the
// text): the definitions under a table.
func (b *book) para(sheet string, row, cols int, text string, width float64) error {
	if err := b.note(sheet, row, text, b.small); err != nil {
		return err
	}
	if cols > 1 && len(cellPieces(text)) == 1 {
		if err := b.f.MergeCell(sheet, cell(1, row), cell(cols, row)); err != nil {
			return err
		}
	}
	return b.f.SetRowHeight(sheet, row, min(float64(wrappedLines(text, width*10/9))*12.5+3, maxRowHeight))
}

// paras writes paragraphs from row on, one a row; it returns the row after the last.
func (b *book) paras(sheet string, row int, cols []col, texts ...string) (int, error) {
	var width float64
	for _, c := range cols {
		width += c.width
	}
	for _, t := range texts {
		if t == "" {
			continue
		}
		if err := b.para(sheet, row, len(cols), t, width); err != nil {
			return row, err
		}
		row++
	}
	return row, nil
}

func (b *book) freezeTop(sheet string, rows int) error {
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: cell(1, rows+1), ActivePane: "bottomLeft"})
}

// note writes a line of text (styled) at row, column A.
func (b *book) note(sheet string, row int, text string, style int) error {
	for i, p := range cellPieces(text) { // an over-long text continues in the next cells
		ref := cell(1+i, row)
		if err := b.f.SetCellStr(sheet, ref, p); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(sheet, ref, ref, style); err != nil {
			return err
		}
	}
	return nil
}

func ref(sheet string, c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1, true)
	z, _ := excelize.CoordinatesToCellName(c2, r2, true)
	return "'" + sheet + "'!" + a + ":" + z
}

func chartTitle(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Family: "Microsoft YaHei", Size: 12, Bold: true}}}}
}

// WriteXLSX writes the report as an Excel workbook.
func WriteXLSX(w io.Writer, r *Report) error {
	b, err := newBook()
	if err != nil {
		return err
	}
	defer b.f.Close()
	if err := b.f.SetSheetName("Sheet1", SheetOverview); err != nil {
		return err
	}
	sheets := []string{SheetOverview, SheetDimensions, SheetIndicators, SheetProblems, SheetDirections, SheetIPA, SheetCharts,
		SheetOpinions, SheetAdoption, SheetRevisions, SheetChecks}
	if r.Raw != nil {
		sheets = append(sheets, SheetRaw)
	}
	// Print setup comes first: the streamed sheets take their settings when the stream starts.
	for i, s := range sheets {
		if i > 0 {
			if _, err := b.f.NewSheet(s); err != nil {
				return err
			}
		}
		if err := b.printSetup(s); err != nil {
			return err
		}
	}
	for _, step := range []func(*book, *Report) error{overviewSheet, dimensionSheet, indicatorSheet, problemSheet,
		directionSheet, ipaSheet, chartSheet, opinionSheet, adoptionSheet, revisionSheet, checkSheet, rawSheet} {
		if err := step(b, r); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(0)
	if err := b.f.SetDocProps(&excelize.DocProperties{Title: cellPieces(r.Title)[0], Creator: "公评 GongPing", Description: "政策执行效果公众评价报告"}); err != nil {
		return err
	}
	_, err = b.f.WriteTo(w)
	return err
}

func overviewSheet(b *book, r *Report) error {
	s := SheetOverview
	if err := b.note(s, 1, r.Title+" 政策执行效果公众评价报告", b.title); err != nil {
		return err
	}
	t, err := b.newTable(s, 2, []col{{"项目", 22, kText}, {"内容", 80, kText}}, true)
	if err != nil {
		return err
	}
	rows := [][2]any{
		{"政策名称", r.Title}, {"文号", r.DocNo}, {"承办单位", r.Dept}, {"政策类别", r.Category}, {"印发日期", r.Issued},
		{"征求意见期", r.Consultation}, {"评价轮次", r.Round}, {"报告日期", r.Generated},
	}
	if r.Scored {
		grade := r.Grade
		var composite any = r.Composite
		if r.Composite == nil && r.CompositeHeldBack != "" {
			composite, grade = "暂缓计分："+r.CompositeHeldBack, "—"
		}
		rows = append(rows, [2]any{"综合得分", composite}, [2]any{"等级", grade},
			[2]any{"回收问卷", r.Sample.Imported}, [2]any{"有效问卷", r.Sample.Valid}, [2]any{"剔除：未完成", r.Sample.Excluded.Incomplete},
			[2]any{"剔除：答题过快", r.Sample.Excluded.Speeders}, [2]any{"剔除：直线作答", r.Sample.Excluded.Straightliners},
			[2]any{"剔除：重复提交", r.Sample.Excluded.Duplicates}, [2]any{"剔除：人工", r.Sample.Excluded.Manual},
			[2]any{"人工恢复", r.Sample.Restored})
		for _, m := range r.Methods {
			rows = append(rows, [2]any{"评价方法", m})
		}
	} else {
		rows = append(rows, [2]any{"评价得分", "本轮次尚未能计算评价得分：" + r.ScoreError})
	}
	rows = append(rows, [2]any{"个人信息隐去", fmt.Sprintf("手机号码 %d 处、身份证号 %d 处、电子邮箱 %d 处、IP 地址 %d 处、姓名 %d 处",
		r.Masked.Phones, r.Masked.IDs, r.Masked.Emails, r.Masked.IPs, r.Masked.Names)})
	for _, row := range rows {
		if err := t.addKV(row[0].(string), row[1]); err != nil {
			return err
		}
	}
	if !r.Scored {
		return b.freezeTop(s, 2)
	}
	// The method: scale, weights, formulas, screening (the report's appendix).
	row := t.row + 2
	if err := b.note(s, row, "附：评价方法", b.hd); err != nil {
		return err
	}
	ap := r.Appendix
	m, err := b.newTable(s, row+1, []col{{"项目", 22, kText}, {"内容", 70, kText}}, false)
	if err != nil {
		return err
	}
	var scale []string
	for _, kv := range ap.Scale {
		scale = append(scale, kv.Key+" 分："+kv.Value)
	}
	if err := m.add("量表赋值", strings.Join(scale, "；")); err != nil {
		return err
	}
	if ap.Missing != "" {
		if err := m.add("视为未作答", ap.Missing); err != nil {
			return err
		}
	}
	for _, kv := range ap.Weights {
		if err := m.add("维度权重："+kv.Key, kv.Value); err != nil {
			return err
		}
	}
	for _, kv := range ap.Sources {
		if err := m.add("来源权重："+kv.Key, kv.Value); err != nil {
			return err
		}
	}
	for i, f := range ap.Formulas {
		if err := m.add(fmt.Sprintf("计算公式 %d", i+1), f); err != nil {
			return err
		}
	}
	if err := m.add("等级", ap.Grades); err != nil {
		return err
	}
	if err := m.add("信度（α）", ap.AlphaRule); err != nil {
		return err
	}
	for _, kv := range ap.Screening {
		if err := m.add("质量筛查："+kv.Key, kv.Value); err != nil {
			return err
		}
	}
	for _, w := range r.Warnings {
		if err := m.add("数据说明", w); err != nil {
			return err
		}
	}
	return b.freezeTop(s, 2)
}

// addKV writes a label and a value whose type decides the number format.
func (t *table) addKV(k string, v any) error {
	switch x := v.(type) {
	case *float64:
		t.row++
		if err := t.b.f.SetCellStr(t.sheet, cell(1, t.row), k); err != nil {
			return err
		}
		if x != nil {
			if err := t.b.f.SetCellFloat(t.sheet, cell(2, t.row), *x, -1, 64); err != nil {
				return err
			}
		}
		if err := t.b.f.SetCellStyle(t.sheet, cell(1, t.row), cell(1, t.row), t.b.text); err != nil {
			return err
		}
		return t.b.f.SetCellStyle(t.sheet, cell(2, t.row), cell(2, t.row), t.b.num1)
	case int:
		t.row++
		if err := t.b.f.SetCellStr(t.sheet, cell(1, t.row), k); err != nil {
			return err
		}
		if err := t.b.f.SetCellInt(t.sheet, cell(2, t.row), int64(x)); err != nil {
			return err
		}
		if err := t.b.f.SetCellStyle(t.sheet, cell(1, t.row), cell(1, t.row), t.b.text); err != nil {
			return err
		}
		return t.b.f.SetCellStyle(t.sheet, cell(2, t.row), cell(2, t.row), t.b.integer)
	}
	return t.add(k, v)
}

func dimensionSheet(b *book, r *Report) error {
	s := SheetDimensions
	cols := []col{{"维度", 12, kText}, {"权重", 8, kPct1}, {"维度得分", 9, kNum1},
		{score.LabelScoreCI + "下限", 11, kNum1}, {score.LabelScoreCI + "上限", 11, kNum1},
		{"问卷调查", 9, kNum1}, {"第三方评估", 10, kNum1}, {"政策体验官", 10, kNum1}, {"问卷样本量", 9, kInt}, {"问卷" + score.LabelSatisfaction, 9, kPct1},
		{"Cronbach's α", 10, kNum2}, {score.LabelSurveyCI + "下限", 12, kNum1}, {score.LabelSurveyCI + "上限", 12, kNum1}}
	t, err := b.newTable(s, 1, cols, true)
	if err != nil {
		return err
	}
	for _, d := range r.Dimensions {
		slo, shi := ciParts(d.ScoreCI95)
		lo, hi := ciParts(d.CI95)
		if err := t.add(d.Name, d.Weight, d.Score, slo, shi, d.Survey, d.Assessment, d.Officers, d.N, d.SatisfactionRate, d.Alpha, lo, hi); err != nil {
			return err
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	if len(r.Dimensions) == 0 {
		return b.note(s, 3, "本轮次尚无维度得分。", b.text)
	}
	b.data.dimensions = t.row - 1
	_, err = b.paras(s, t.row+2, cols, "说明：", rulesOf(r).ScoreCI+"。", rulesOf(r).SurveyCI+"。", rulesOf(r).Satisfaction+"。")
	return err
}

// rulesOf are the report's definitions (today's for a report assembled by hand).
func rulesOf(r *Report) score.Rules {
	if r.Rules == (score.Rules{}) {
		return score.CurrentRules
	}
	return r.Rules
}

func ptr[T any](v T) *T { return &v }

// axisFont keeps axis labels dark: some readers draw excelize's default axis text very light.
var axisFont = excelize.Font{Family: "Microsoft YaHei", Size: 9, Color: "333333"}

// fmtOf is the value axis format: percentages for shares, plain numbers otherwise.
func fmtOf(share bool) excelize.ChartNumFmt {
	if share {
		return excelize.ChartNumFmt{CustomNumFmt: "0%"}
	}
	return excelize.ChartNumFmt{CustomNumFmt: "0"}
}

func ciParts(ci *[2]float64) (*float64, *float64) {
	if ci == nil {
		return nil, nil
	}
	return &ci[0], &ci[1]
}

func indicatorSheet(b *book, r *Report) error {
	s := SheetIndicators
	cols := []col{{"维度", 12, kText}, {"指标", 26, kText}, {"题目", 14, kText}, {"权重", 8, kPct1},
		{"得分", 9, kNum1}, {"样本量", 9, kInt}, {score.LabelSatisfaction, 9, kPct1}, {score.LabelIndicatorCI + "下限", 11, kNum1}, {score.LabelIndicatorCI + "上限", 11, kNum1}}
	t, err := b.newTable(s, 1, cols, true)
	if err != nil {
		return err
	}
	for _, d := range r.Dimensions {
		first := t.row + 1
		for _, ind := range d.Indicators {
			lo, hi := ciParts(ind.CI95)
			if err := t.add(d.Name, ind.Name, ind.Questions, ind.Weight, ind.Score, ind.N, ind.SatisfactionRate, lo, hi); err != nil {
				return err
			}
		}
		if t.row >= first && !indicatorDef(d).Empty() {
			b.data.indicators = append(b.data.indicators, rowSpan{d.Name, first, t.row})
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	if t.row == 1 {
		return b.note(s, 3, "本轮次尚无指标得分。", b.text)
	}
	_, err = b.paras(s, t.row+2, cols, "说明：指标得分只来自问卷调查，其95%置信区间即问卷部分的置信区间（"+
		strings.TrimPrefix(rulesOf(r).SurveyCI, score.LabelSurveyCI+"：")+"）。", rulesOf(r).Satisfaction+"。")
	return err
}

func problemSheet(b *book, r *Report) error {
	s := SheetProblems
	cols := []col{{"序号", 6, kInt}, {"问题", 36, kText}, {"来源", 22, kText}, {"提及率", 9, kPct1}, {"次数", 7, kInt}, {"依据", 52, kText}}
	t, err := b.newTable(s, 1, cols, true)
	if err != nil {
		return err
	}
	lead := 0 // leading rows that have an incidence (the ranking puts them first)
	for _, p := range r.Problems {
		if p.Incidence != nil && lead == p.Rank-1 {
			lead++
		}
		if err := t.add(p.Rank, p.Item, p.Source, p.Incidence, p.Count, p.Basis); err != nil {
			return err
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	if len(r.Problems) == 0 {
		return b.note(s, 3, "本轮次尚未识别出存在问题。", b.text)
	}
	b.data.problems = min(lead, topN)
	_, err = b.paras(s, t.row+2, cols, rulesOf(r).Problems+"。得分低于60分的指标见“指标得分”表。")
	return err
}

func directionSheet(b *book, r *Report) error {
	s := SheetDirections
	t, err := b.newTable(s, 1, []col{{"序号", 6, kInt}, {"改进方向", 40, kText}, {"来源", 14, kText}, {"需求占比", 10, kPct1},
		{"次数", 8, kInt}}, true)
	if err != nil {
		return err
	}
	lead := 0
	for _, d := range r.Directions {
		if d.Share != nil && lead == d.Rank-1 {
			lead++
		}
		if err := t.add(d.Rank, d.Item, d.Source, d.Share, d.Count); err != nil {
			return err
		}
	}
	if len(r.Directions) == 0 {
		if err := t.add(nil, "本轮次尚无改进方向数据。"); err != nil {
			return err
		}
	}
	b.data.directions = min(lead, topN)
	return b.freezeTop(s, 1)
}

// ipaSheet lists the importance–performance analysis with both intervals and the verdict, then the
// improvement priorities.
func ipaSheet(b *book, r *Report) error {
	s := SheetIPA
	cols := []col{{"指标", 24, kText}, {"维度", 10, kText}, {"重要性（r）", 10, kNum3}, {"r的95%置信区间下限", 11, kNum3}, {"r的95%置信区间上限", 11, kNum3},
		{"表现（得分）", 10, kNum1}, {"得分95%置信区间下限", 11, kNum1}, {"得分95%置信区间上限", 11, kNum1}, {"图中位置", 11, kText}, {"判定", 16, kText}}
	t, err := b.newTable(s, 1, cols, true)
	if err != nil {
		return err
	}
	for _, p := range r.IPA {
		ilo, ihi := ciParts(p.ImportanceCI95)
		plo, phi := ciParts(p.PerformanceCI95)
		if err := t.add(p.Indicator, p.Dimension, p.Importance, ilo, ihi, p.Performance, plo, phi, p.Position, p.Quadrant); err != nil {
			return err
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	if len(r.IPA) == 0 {
		return b.note(s, 3, "本轮次未做重要性—表现分析（评价方案未设总体评价题，或指标数据不足）。", b.text)
	}
	b.data.ipa = len(r.IPA)
	notes := []string{rulesOf(r).IPA + "。"}
	if m := r.IPAMeans; m != nil {
		notes = append(notes, fmt.Sprintf("象限分界：重要性均值 %.3f，表现均值 %.1f。", m.Importance, m.Performance))
	}
	row, err := b.paras(s, t.row+2, cols, notes...)
	if err != nil || len(r.Priorities) == 0 {
		return err
	}
	if err := b.note(s, row+1, "改进优先顺序", b.hd); err != nil {
		return err
	}
	// 事项 under 指标, 依据 across the other columns (merged): the table's widths suit the IPA's.
	var why float64
	for _, c := range cols[2:] {
		why += c.width
	}
	row += 2
	for i, p := range append([]Priority{{Item: "事项（按优先顺序）", Importance: "影响程度", Why: "依据"}}, r.Priorities...) {
		style, item := b.text, p.Item
		if i == 0 {
			style = b.header
		} else {
			item = fmt.Sprintf("%d．%s", p.Rank, p.Item)
		}
		for c, v := range []string{cellPieces(item)[0], p.Importance, cellPieces(p.Why)[0]} {
			if err := b.f.SetCellStr(s, cell(c+1, row), v); err != nil {
				return err
			}
		}
		if err := b.f.MergeCell(s, cell(3, row), cell(len(cols), row)); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(s, cell(1, row), cell(len(cols), row), style); err != nil {
			return err
		}
		lines := max(wrappedLines(p.Why, why), wrappedLines(item, cols[0].width))
		if lines > 1 {
			if err := b.f.SetRowHeight(s, row, min(float64(lines)*lineHeight+2, maxRowHeight)); err != nil {
				return err
			}
		}
		row++
	}
	return nil
}

// opinionSheet streams every distinct open-text answer: a large round can have hundreds of thousands.
func opinionSheet(b *book, r *Report) error {
	sw, err := b.f.NewStreamWriter(SheetOpinions)
	if err != nil {
		return err
	}
	type line struct {
		question string
		pieces   []string
		count    int
	}
	var lines []line
	extra := 0 // continuation columns the longest answer needs
	for _, g := range r.OpenText {
		q := flagged(g.Question)
		for _, a := range g.Answers {
			p := cellPieces(a.Text)
			extra = max(extra, len(p)-1)
			lines = append(lines, line{q, p, a.Count})
		}
		if g.Empty > 0 {
			lines = append(lines, line{q, []string{"（无实质内容，如“无”“没有”）"}, g.Empty})
		}
	}
	if len(r.OpenText) == 0 {
		lines = append(lines, line{"", []string{"本轮次问卷尚无开放题回答。"}, -1})
	}
	for _, w := range []struct {
		col   int
		width float64
	}{{1, 30}, {2, 80}, {3, 8}} {
		if err := sw.SetColWidth(w.col, w.col, w.width); err != nil {
			return err
		}
	}
	if extra > 0 {
		if err := sw.SetColWidth(4, 3+extra, 60); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := []any{excelize.Cell{StyleID: b.header, Value: "题目"}, excelize.Cell{StyleID: b.header, Value: "意见（已隐去个人信息）"},
		excelize.Cell{StyleID: b.header, Value: "人数"}}
	for i := 0; i < extra; i++ {
		head = append(head, excelize.Cell{StyleID: b.cont, Value: "续（超长文本接前列）"})
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row := make([]any, 0, 3+extra)
	for i, l := range lines {
		row = append(row[:0], excelize.Cell{StyleID: b.text, Value: l.question}, excelize.Cell{StyleID: b.text, Value: l.pieces[0]})
		if l.count >= 0 {
			row = append(row, excelize.Cell{StyleID: b.integer, Value: l.count})
		} else {
			row = append(row, nil)
		}
		for _, p := range l.pieces[1:] {
			row = append(row, excelize.Cell{StyleID: b.text, Value: p})
		}
		if err := sw.SetRow(cell(1, i+2), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func adoptionSheet(b *book, r *Report) error {
	s := SheetAdoption
	t, err := b.newTable(s, 1, []col{{"序号", 6, kInt}, {"意见（代表性表述）", 50, kText}, {"条数", 7, kInt}, {"较为集中", 9, kText},
		{"涉及条款", 14, kText}, {"采纳情况", 10, kText}, {"理由", 40, kText}}, true)
	if err != nil {
		return err
	}
	for i, a := range r.Adoptions {
		conc := ""
		if a.Concentrated {
			conc = "是"
		}
		dec := a.Decision
		if dec == "" {
			dec = "尚未答复"
		}
		if err := t.add(i+1, a.Representative, a.Size, conc, a.Clauses, dec, a.Reason); err != nil {
			return err
		}
	}
	if len(r.Adoptions) == 0 {
		if err := t.add(nil, "尚无意见采纳情况记录。"); err != nil {
			return err
		}
	}
	if o := r.Opinions; o.Opinions > 0 {
		line := fmt.Sprintf("共收到公众意见建议 %d 条，归纳为 %d 类，其中较为集中的意见 %d 类", o.Opinions, o.Clusters, o.Concentrated)
		if o.AdoptionRate != nil {
			line += fmt.Sprintf("；已答复意见的采纳率（含部分采纳）为 %.1f%%", *o.AdoptionRate*100)
		}
		if err := b.note(s, t.row+2, line+"。", b.hd); err != nil {
			return err
		}
	}
	return b.freezeTop(s, 1)
}

func revisionSheet(b *book, r *Report) error {
	s := SheetRevisions
	t, err := b.newTable(s, 1, []col{{"序号", 6, kInt}, {"条款", 12, kText}, {"修订前", 40, kText}, {"修订后", 40, kText},
		{"修订理由", 30, kText}, {"回应的问题和意见", 30, kText}, {"日期", 12, kText}}, true)
	if err != nil {
		return err
	}
	for i, v := range r.Revisions {
		if err := t.add(i+1, v.Clause, v.Before, v.After, v.Reason, v.Answers, v.Date); err != nil {
			return err
		}
	}
	if len(r.Revisions) == 0 {
		if err := t.add(nil, "尚无修订记录。"); err != nil {
			return err
		}
	}
	return b.freezeTop(s, 1)
}

func checkSheet(b *book, r *Report) error {
	s := SheetChecks
	t, err := b.newTable(s, 1, []col{{"要求", 36, kText}, {"结论", 12, kText}, {"实际", 8, kText}, {"要求值", 8, kText}, {"说明", 60, kText}}, true)
	if err != nil {
		return err
	}
	for _, c := range r.Checks {
		if err := t.add(c.Name, c.Status, c.Value, c.Required, c.Detail); err != nil {
			return err
		}
	}
	if len(r.Checks) == 0 {
		if err := t.add("尚未进行合规检查。"); err != nil {
			return err
		}
	}
	return b.freezeTop(s, 1)
}

// flagged is a cell text that must stay in one cell: an over-long one is cut with a visible note
// saying so (the raw data sheet; continuation columns would shift every later answer).
func flagged(v string) string {
	p := cellPieces(v)
	if len(p) == 1 {
		return p[0]
	}
	return p[0] + fmt.Sprintf("……［超长文本共 %d 字，此处只列出前一部分］", utf8.RuneCountInString(v))
}

// rawSheet streams the valid responses (personal columns already dropped) when asked for.
func rawSheet(b *book, r *Report) error {
	if r.Raw == nil {
		return nil
	}
	sw, err := b.f.NewStreamWriter(SheetRaw)
	if err != nil {
		return err
	}
	ncol := len(r.Raw.Headers)
	if err := sw.SetColWidth(1, 3, 10); err != nil {
		return err
	}
	if ncol > 3 {
		if err := sw.SetColWidth(4, min(ncol, excelize.MaxColumns), 18); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, 0, ncol)
	for _, h := range r.Raw.Headers {
		head = append(head, excelize.Cell{StyleID: b.header, Value: flagged(h)})
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row := make([]any, 0, ncol)
	for i, rec := range r.Raw.Rows {
		row = row[:0]
		for _, v := range rec {
			row = append(row, flagged(v))
		}
		if err := sw.SetRow(cell(1, i+2), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// chartData says where the charts' data is in the table sheets (rows are 1-based sheet rows).
type chartData struct {
	dimensions int       // 维度得分 rows 2…dimensions+1
	indicators []rowSpan // 指标得分 rows per dimension with a scored indicator
	problems   int       // 存在问题 rows 2…problems+1 with an incidence (at most topN)
	directions int       // 改进方向 rows 2…directions+1 with a share (at most topN)
	ipa        int       // 重要性表现分析 rows 2…ipa+1
}

type rowSpan struct {
	name        string
	first, last int
}

// The chart sheet's grid: rows of chartRow points, chartCols columns of chartColWidth, printed on A4
// portrait at full size. Readers draw a column as wide as their default font makes it (LibreOffice
// without Calibri: 72 px for 7.8; Excel: 60 px), so a native chart spans whole columns and takes the
// reader's width (550–650 px, inside the page's 679), while rows have a height in points every reader
// keeps: a chart is a whole number of rows, and the pages break between charts.
const (
	chartRow      = 15.0 // points: 20 px
	rowPx         = 20
	chartCols     = 9
	chartColWidth = 7.8
	// excelize anchors a chart in its own units: a column of 7.8 is 62 px (× 8), a row of 15 pt 18 px
	// (× 4/3.4); a chart chartWidth × rows·xlRowPx spans the nine columns and exactly its rows.
	chartWidth = chartCols * 62
	xlRowPx    = 18
	// pictureWidth is the IPA picture's width in real pixels: inside the nine columns in every reader
	// (Excel draws them 540 px wide, LibreOffice without Calibri 650).
	pictureWidth = 520
	// pageRows is what a page holds: (11.69 − 0.75 − 0.75) in × 72 ÷ 15 pt = 48.9 rows, less a margin
	// for the readers' rounding.
	pageRows = 46
)

// xlsxPNG draws the IPA chart as a picture; a variable so a test can take the fonts away.
var xlsxPNG = chart.PNG

// chartSheet puts every chart of the report on one sheet, each under its title with its source below,
// none cut by a page break and none under a repeated header row (the table sheets repeat theirs).
// Radar and bars are native charts on the tables' cells: vector, drawn with the reader's own fonts,
// editable, and following a corrected cell. The IPA plot is a picture of the report's drawing: a native
// chart cannot shade the quadrants, draw the mean lines or place the labels apart (a native scatter, one
// series per indicator, stands in when the computer has no Chinese font to draw it with).
func chartSheet(b *book, r *Report) error {
	s := SheetCharts
	f := b.f
	name, _ := excelize.ColumnNumberToName(chartCols)
	if err := f.SetColWidth(s, "A", name, chartColWidth); err != nil {
		return err
	}
	if err := f.SetSheetProps(s, &excelize.SheetPropsOptions{DefaultRowHeight: ptr(chartRow), CustomHeight: ptr(true)}); err != nil {
		return err
	}
	p := &chartPlacer{b: b, row: 1}
	d := b.data
	if d.dimensions > 0 && !radarDef(r).Empty() {
		sh := SheetDimensions
		p.native("各维度得分", r.allSources(), 380, &excelize.Chart{
			Type:     excelize.Radar,
			Series:   []excelize.ChartSeries{{Name: ref(sh, 3, 1, 3, 1), Categories: ref(sh, 1, 2, 1, d.dimensions+1), Values: ref(sh, 3, 2, 3, d.dimensions+1)}},
			Legend:   excelize.ChartLegend{Position: "none"},
			XAxis:    excelize.ChartAxis{Font: axisFont},
			YAxis:    excelize.ChartAxis{Maximum: ptr(100.0), Minimum: ptr(0.0), MajorGridLines: true, Font: axisFont},
			PlotArea: excelize.ChartPlotArea{ShowVal: true},
		})
	}
	for _, sp := range d.indicators {
		p.bars(sp.name+"各指标得分", r.surveySource(), SheetIndicators, 2, 5, sp.first, sp.last, false)
	}
	if d.problems > 0 {
		p.bars("主要问题提及率（按证据值排序）", r.allSources()+"；提及率取各来源中的最高比例，证据值 = 提及率 × 来源数", SheetProblems, 2, 4, 2, d.problems+1, true)
	}
	if d.directions > 0 {
		p.bars("改进需求占比", r.surveySource(), SheetDirections, 2, 4, 2, d.directions+1, true)
	}
	if d.ipa > 0 && r.IPAMeans != nil {
		p.ipa(r)
	}
	if p.err != nil {
		return p.err
	}
	if p.row == 1 {
		return b.note(s, 1, "本轮次尚无可绘制的图表。", b.text)
	}
	// The print area is the charts' columns (each row has its height from place: readers do not all take
	// the sheet's default).
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: ref(s, 1, 1, chartCols, p.row-1), Scope: s})
}

// chartPlacer stacks the charts down the chart sheet, starting a page before a chart that would not fit
// on the rest of the current one.
type chartPlacer struct {
	b    *book
	row  int // next free row
	used int // rows used on the current page
	err  error
}

// maxChartRows keeps a chart on one page with its source line.
const maxChartRows = pageRows - 3

// rowsOf is how many rows a drawing h px high takes (at most a page's).
func rowsOf(h float64) int {
	return min(int(math.Ceil(h/rowPx)), maxChartRows)
}

// place reserves rows for a drawing of rows rows with its source line of src rows, breaking the page
// first when needed; it returns the drawing's first row.
func (p *chartPlacer) place(rows, src int) int {
	need := rows + src + 1 // the drawing, its source (one row src lines high), a blank row: in rows of chartRow
	if p.used > 0 && p.used+need > pageRows {
		if p.err == nil {
			p.err = p.b.f.InsertPageBreak(SheetCharts, cell(1, p.row))
		}
		p.used = 0
	}
	top := p.row
	p.row += rows + 2
	p.used += need
	// Heights first: excelize anchors the drawing on the rows' heights as they are when it is added.
	for r := top; r < p.row && p.err == nil; r++ {
		p.err = p.b.f.SetRowHeight(SheetCharts, r, chartRow)
	}
	return top
}

// sourceRows is how many rows of chartRow a source line takes.
func sourceRows(text string) int {
	return wrappedLines("资料来源："+text, chartCols*chartColWidth)
}

// source writes the drawing's source line under it, on one row as high as its lines.
func (p *chartPlacer) source(row int, text string) {
	if p.err == nil {
		p.err = p.b.para(SheetCharts, row, chartCols, "资料来源："+text, chartCols*chartColWidth)
	}
	if p.err == nil {
		p.err = p.b.f.SetRowHeight(SheetCharts, row, float64(sourceRows(text))*chartRow)
	}
}

func (p *chartPlacer) native(title, source string, h float64, c *excelize.Chart) {
	if p.err != nil {
		return
	}
	rows := rowsOf(h)
	top := p.place(rows, sourceRows(source))
	c.Title = chartTitle(title)
	c.Dimension = excelize.ChartDimension{Width: chartWidth, Height: uint(rows * xlRowPx)}
	c.Format = excelize.GraphicOptions{AltText: title, PrintObject: ptr(true)}
	if p.err = p.b.f.AddChart(SheetCharts, cell(1, top), c); p.err != nil {
		return
	}
	p.source(top+rows, source)
}

// bars is a horizontal bar chart of rows first…last of sheet: names in column nameCol, values in valCol
// (shares shown as percentages).
func (p *chartPlacer) bars(title, source, sheet string, nameCol, valCol, first, last int, share bool) {
	n := last - first + 1
	y := excelize.ChartAxis{Minimum: ptr(0.0), MajorGridLines: true, Font: axisFont, NumFmt: fmtOf(share)}
	if !share {
		y.Maximum = ptr(100.0)
	}
	p.native(title, source, float64(120+26*n), &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: ptr(false),
		Series:     []excelize.ChartSeries{{Name: ref(sheet, valCol, 1, valCol, 1), Categories: ref(sheet, nameCol, first, nameCol, last), Values: ref(sheet, valCol, first, valCol, last)}},
		Legend:     excelize.ChartLegend{Position: "none"},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:      y,
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
	})
}

// ipa places the report's IPA drawing as a picture; without a Chinese font, a native scatter.
func (p *chartPlacer) ipa(r *Report) {
	if p.err != nil {
		return
	}
	const title = "重要性—表现分析"
	source := r.surveySource() + "；虚线为各指标均值；" + ipaNote
	def := ipaDef(r)
	def.Title = title
	png, err := xlsxPNG(def, pngScale)
	var nf *chart.NoFontError
	switch {
	case errors.As(err, &nf):
		sh := SheetIPA
		c := &excelize.Chart{Type: excelize.Scatter, Legend: excelize.ChartLegend{Position: "right", Font: &axisFont},
			XAxis: excelize.ChartAxis{Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "表现（得分）"}}}, Font: axisFont, MajorGridLines: true},
			YAxis: excelize.ChartAxis{Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "重要性（相关系数）"}}}, Font: axisFont, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}}}
		for i := 2; i < 2+len(r.IPA); i++ {
			c.Series = append(c.Series, excelize.ChartSeries{Name: ref(sh, 1, i, 1, i), Categories: ref(sh, 6, i, 6, i), Values: ref(sh, 3, i, 3, i),
				Marker: excelize.ChartMarker{Symbol: "circle", Size: 7}, Line: excelize.LineOptions{Type: excelize.LineNone}})
		}
		p.native(title, source, 460, c)
		return
	case err != nil:
		p.err = fmt.Errorf("chart %s: %w", title, err)
		return
	}
	// A picture keeps its size (one-cell anchor): pictureWidth px wide, the drawing's proportions,
	// whatever the reader makes of the columns.
	w, h := chart.Size(def)
	scale := min(float64(pictureWidth)/float64(w), float64(maxChartRows*rowPx)/float64(h)) / pngScale
	rows := rowsOf(float64(h) * pngScale * scale)
	top := p.place(rows, sourceRows(source))
	if p.err = p.b.f.AddPictureFromBytes(SheetCharts, cell(1, top), &excelize.Picture{Extension: ".png", File: png,
		Format: &excelize.GraphicOptions{AltText: title, ScaleX: scale, ScaleY: scale, PrintObject: ptr(true), Positioning: "oneCell"}}); p.err != nil {
		return
	}
	p.source(top+rows, source)
}

// ipaNote says what the plot's areas are and are not: a point lies in an area by the means alone.
const ipaNote = "点所在区域仅按均值划分，与均值差异不显著的指标不归入象限，判定见“重要性表现分析”表"
