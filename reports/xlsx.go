package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook, in order.
const (
	SheetOverview   = "概况"
	SheetDimensions = "维度得分"
	SheetIndicators = "指标得分"
	SheetProblems   = "存在问题"
	SheetDirections = "改进方向"
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

// book is a workbook being written, with its shared styles.
type book struct {
	f                                                 *excelize.File
	header, text, num1, num2, num3, pct1, integer, hd int
	title, cont                                       int
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
	for i, c := range cols {
		if err := b.f.SetCellStr(sheet, cell(i+1, row), c.title); err != nil {
			return nil, err
		}
		if widths {
			name, _ := excelize.ColumnNumberToName(i + 1)
			if err := b.f.SetColWidth(sheet, name, name, c.width); err != nil {
				return nil, err
			}
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

// printSetup prints a sheet on A4 landscape, one page wide, with the table's header row repeated
// on every page.
func (b *book) printSetup(sheet string) error {
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"),
		FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
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
	sheets := []string{SheetOverview, SheetDimensions, SheetIndicators, SheetProblems, SheetDirections, SheetOpinions, SheetAdoption, SheetRevisions, SheetChecks}
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
		directionSheet, opinionSheet, adoptionSheet, revisionSheet, checkSheet, rawSheet} {
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
	t, err := b.newTable(s, 1, []col{{"维度", 14, kText}, {"权重", 9, kPct1}, {"维度得分", 10, kNum1}, {"问卷调查", 10, kNum1},
		{"第三方评估", 11, kNum1}, {"政策体验官", 11, kNum1}, {"样本量", 9, kInt}, {"满意率", 9, kPct1},
		{"Cronbach's α", 12, kNum2}, {"95%CI下限", 11, kNum1}, {"95%CI上限", 11, kNum1}}, true)
	if err != nil {
		return err
	}
	for _, d := range r.Dimensions {
		lo, hi := ciParts(d.CI95)
		if err := t.add(d.Name, d.Weight, d.Score, d.Survey, d.Assessment, d.Officers, d.N, d.SatisfactionRate, d.Alpha, lo, hi); err != nil {
			return err
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	if len(r.Dimensions) == 0 {
		return b.note(s, 3, "本轮次尚无维度得分。", b.text)
	}
	return b.f.AddChart(s, cell(1, t.row+3), &excelize.Chart{
		Type:      excelize.Radar,
		Series:    []excelize.ChartSeries{{Name: ref(s, 3, 1, 3, 1), Categories: ref(s, 1, 2, 1, t.row), Values: ref(s, 3, 2, 3, t.row)}},
		Title:     chartTitle("三个维度得分"),
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{Font: axisFont},
		YAxis:     excelize.ChartAxis{Maximum: ptr(100.0), Minimum: ptr(0.0), MajorGridLines: true, Font: axisFont},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Dimension: excelize.ChartDimension{Width: 560, Height: 380},
	})
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
	t, err := b.newTable(s, 1, []col{{"维度", 12, kText}, {"指标", 26, kText}, {"题目", 14, kText}, {"权重", 8, kPct1},
		{"得分", 9, kNum1}, {"样本量", 9, kInt}, {"满意率", 9, kPct1}, {"95%CI下限", 11, kNum1}, {"95%CI上限", 11, kNum1}}, true)
	if err != nil {
		return err
	}
	for _, d := range r.Dimensions {
		for _, ind := range d.Indicators {
			lo, hi := ciParts(ind.CI95)
			if err := t.add(d.Name, ind.Name, ind.Questions, ind.Weight, ind.Score, ind.N, ind.SatisfactionRate, lo, hi); err != nil {
				return err
			}
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	if t.row == 1 {
		return b.note(s, 3, "本轮次尚无指标得分。", b.text)
	}
	return b.f.AddChart(s, cell(2, t.row+3), &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: ptr(false),
		Series:     []excelize.ChartSeries{{Name: ref(s, 5, 1, 5, 1), Categories: ref(s, 2, 2, 2, t.row), Values: ref(s, 5, 2, 5, t.row)}},
		Title:      chartTitle("指标得分"),
		Legend:     excelize.ChartLegend{Position: "none"},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:      excelize.ChartAxis{Maximum: ptr(100.0), Minimum: ptr(0.0), MajorGridLines: true, Font: axisFont},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		Dimension:  excelize.ChartDimension{Width: 620, Height: uint(120 + 26*(t.row-1))},
	})
}

func problemSheet(b *book, r *Report) error {
	s := SheetProblems
	t, err := b.newTable(s, 1, []col{{"序号", 6, kInt}, {"问题", 40, kText}, {"来源", 14, kText}, {"提及率", 9, kPct1},
		{"次数/样本", 10, kInt}, {"得分", 8, kNum1}}, true)
	if err != nil {
		return err
	}
	lead := 0 // leading rows that have an incidence (survey problems come first, by incidence)
	for _, p := range r.Problems {
		if p.Incidence != nil && lead == p.Rank-1 {
			lead++
		}
		if err := t.add(p.Rank, p.Item, p.Source, p.Incidence, p.Count, p.Score); err != nil {
			return err
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	if len(r.Problems) == 0 {
		return b.note(s, 3, "本轮次尚未识别出存在问题。", b.text)
	}
	valCol, title, n := 4, "主要问题提及率", min(lead, topN)
	if n == 0 {
		valCol, title, n = 5, "问题次数", min(len(r.Problems), topN)
	}
	return b.f.AddChart(s, cell(2, t.row+3), &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: ptr(false),
		Series:     []excelize.ChartSeries{{Name: ref(s, valCol, 1, valCol, 1), Categories: ref(s, 2, 2, 2, n+1), Values: ref(s, valCol, 2, valCol, n+1)}},
		Title:      chartTitle(title),
		Legend:     excelize.ChartLegend{Position: "none"},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:      excelize.ChartAxis{Minimum: ptr(0.0), MajorGridLines: true, Font: axisFont, NumFmt: fmtOf(valCol == 4)},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		Dimension:  excelize.ChartDimension{Width: 620, Height: uint(120 + 28*n)},
	})
}

func directionSheet(b *book, r *Report) error {
	s := SheetDirections
	t, err := b.newTable(s, 1, []col{{"序号", 6, kInt}, {"改进方向", 40, kText}, {"来源", 14, kText}, {"需求占比", 10, kPct1},
		{"次数", 8, kInt}}, true)
	if err != nil {
		return err
	}
	for _, d := range r.Directions {
		if err := t.add(d.Rank, d.Item, d.Source, d.Share, d.Count); err != nil {
			return err
		}
	}
	if len(r.Directions) == 0 {
		if err := t.add(nil, "本轮次尚无改进方向数据。"); err != nil {
			return err
		}
	}
	if err := b.freezeTop(s, 1); err != nil {
		return err
	}
	row := t.row + 2
	if len(r.IPA) > 0 {
		if err := b.note(s, row, "重要性–表现分析（IPA）", b.hd); err != nil {
			return err
		}
		means := ""
		if r.IPAMeans != nil {
			means = fmt.Sprintf("象限分界：重要性均值 %.3f，表现均值 %.1f", r.IPAMeans.Importance, r.IPAMeans.Performance)
		}
		if err := b.f.SetCellStr(s, cell(2, row), means); err != nil {
			return err
		}
		ipa, err := b.newTable(s, row+1, []col{{"指标", 0, kText}, {"维度", 0, kText}, {"重要性（r）", 0, kNum3}, {"表现（得分）", 0, kNum1}, {"象限", 0, kText}}, false)
		if err != nil {
			return err
		}
		for _, p := range r.IPA {
			if err := ipa.add(p.Indicator, p.Dimension, p.Importance, p.Performance, p.Quadrant); err != nil {
				return err
			}
		}
		row = ipa.row + 2
	}
	if len(r.Priorities) > 0 {
		if err := b.note(s, row, "改进优先顺序", b.hd); err != nil {
			return err
		}
		pt, err := b.newTable(s, row+1, []col{{"序号", 0, kInt}, {"事项", 0, kText}, {"依据", 0, kText}}, false)
		if err != nil {
			return err
		}
		for _, p := range r.Priorities {
			if err := pt.add(p.Rank, p.Item, p.Why); err != nil {
				return err
			}
		}
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
