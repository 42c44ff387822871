package score

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gongping/gongping/data"
)

// The xlsx form of a scheme (a template teams edit in Excel/WPS) carries the same fields as the JSON:
//   - sheet 方案: one setting a row — 项目 (label), 值, 字段 (the JSON field, for reference);
//   - sheet 指标: 维度 | 指标 | 权重 | 题目 (question references separated by ；, or "Q3、Q4");
//   - sheet 量表: 选项 | 分值 (a number 0–100, or 缺失 for a "don't know" label);
//   - sheet 数值题: 题目 | 点数 | 最佳值.
const (
	sheetSettings   = "方案"
	sheetIndicators = "指标"
	sheetLabels     = "量表"
	sheetScales     = "数值题"
	missingMark     = "缺失"
)

type setting struct{ label, field string }

var settings = []setting{
	{"方案名称", "name"},
	{"执行过程名称", "dimensions.process.name"}, {"执行过程权重", "dimensions.process.weight"},
	{"细则标准名称", "dimensions.standards.name"}, {"细则标准权重", "dimensions.standards.weight"},
	{"取得成效名称", "dimensions.results.name"}, {"取得成效权重", "dimensions.results.weight"},
	{"问卷调查权重", "sources.survey"}, {"第三方评估权重", "sources.assessment"}, {"体验官评价权重", "sources.officers"},
	{"存在问题题目", "problems"}, {"改进方向题目", "directions"}, {"总体评价题目", "overall"},
	{"快速作答比例（0 为不筛查）", "screening.speeders"},
	{"直线作答最少题数（0 为不筛查）", "screening.straightline_min_items"},
	{"重复作答筛查（是/否）", "screening.duplicates"},
}

// WriteXLSX writes the scheme's xlsx form.
func (s *Scheme) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheetSettings)
	for _, n := range []string{sheetIndicators, sheetLabels, sheetScales} {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	row := func(sh string, r int, vals ...any) {
		for i, v := range vals {
			c, _ := excelize.CoordinatesToCellName(i+1, r)
			if str, ok := v.(string); ok {
				f.SetCellStr(sh, c, str) // text, never a formula
			} else {
				f.SetCellValue(sh, c, v)
			}
		}
	}
	row(sheetSettings, 1, "项目", "值", "字段")
	for i, st := range settings {
		row(sheetSettings, i+2, st.label, s.settingValue(st.field), st.field)
	}
	row(sheetIndicators, 1, "维度", "指标", "权重", "题目")
	r := 2
	for _, k := range DimensionKeys {
		for _, ind := range s.Dimensions.Get(k).Indicators {
			row(sheetIndicators, r, DimensionNames[k], ind.Name, ind.Weight, strings.Join(ind.Questions, "；"))
			r++
		}
	}
	row(sheetLabels, 1, "选项", "分值")
	r = 2
	for _, l := range sortedKeys(s.Likert.Labels) {
		row(sheetLabels, r, l, s.Likert.Labels[l])
		r++
	}
	for _, m := range s.Likert.Missing {
		row(sheetLabels, r, m, missingMark)
		r++
	}
	row(sheetScales, 1, "题目", "点数", "最佳值")
	r = 2
	for _, q := range sortedKeys(s.Questions) {
		row(sheetScales, r, q, s.Questions[q].Points, s.Questions[q].Best)
		r++
	}
	f.SetColWidth(sheetSettings, "A", "A", 30)
	f.SetColWidth(sheetSettings, "B", "B", 40)
	f.SetColWidth(sheetIndicators, "B", "B", 24)
	f.SetColWidth(sheetIndicators, "D", "D", 40)
	return f.Write(w)
}

func (s *Scheme) settingValue(field string) any {
	switch field {
	case "name":
		return s.Name
	case "problems":
		return strings.Join(s.Problems, "；")
	case "directions":
		return strings.Join(s.Directions, "；")
	case "overall":
		return s.Overall
	case "sources.survey":
		return s.Sources.Survey
	case "sources.assessment":
		return s.Sources.Assessment
	case "sources.officers":
		return s.Sources.Officers
	case "screening.speeders":
		return s.Screening.Speeders
	case "screening.straightline_min_items":
		return s.Screening.StraightlineMinItems
	case "screening.duplicates":
		if s.Screening.Duplicates {
			return "是"
		}
		return "否"
	}
	parts := strings.Split(field, ".") // dimensions.<key>.name|weight
	d := s.Dimensions.Get(parts[1])
	if parts[2] == "name" {
		return d.Name
	}
	return d.Weight
}

var (
	refSep  = regexp.MustCompile(`[;；\n]+`)
	keyList = regexp.MustCompile(`^(?i)q[0-9][0-9a-z._]*([、,，\s]+q[0-9][0-9a-z._]*)*$`)
	keySep  = regexp.MustCompile(`[、,，\s]+`)
)

// splitRefs splits a cell of question references: by ；/;/line breaks, and a run of keys like
// "Q3、Q4, Q5" also by 、/,/spaces (header texts may contain those, so only key lists are split on them).
func splitRefs(s string) []string {
	out := []string{}
	for _, p := range refSep.Split(strings.TrimSpace(s), -1) {
		p = strings.TrimSpace(p)
		if keyList.MatchString(p) {
			out = append(out, keySep.Split(p, -1)...)
		} else if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ParseSchemeXLSX reads a scheme's xlsx form; errors name the sheet, row and column. A workbook with a part
// that cannot be read (see checkWorkbookParts), an .ods or an encrypted file is refused.
func ParseSchemeXLSX(r io.Reader) (*Scheme, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxSchemeBytes*4+1))
	if err != nil {
		return nil, data.InputErrorf("无法读取评价方案文件：%v", err)
	}
	if len(b) > maxSchemeBytes*4 {
		return nil, data.InputErrorf("评价方案文件过大（超过 16 MB）")
	}
	if !bytes.HasPrefix(b, []byte("PK")) {
		return ParseSchemeFile(b) // says what it is instead
	}
	return parseSchemeZip(b)
}

// parseSchemeWorkbook reads a workbook whose parts checkWorkbookParts found readable.
func parseSchemeWorkbook(b []byte) (*Scheme, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxPartBytes})
	if err != nil {
		return nil, data.InputErrorf("评价方案不是有效的 xlsx 文件，请用 Excel/WPS 另存后再试")
	}
	defer f.Close()
	s := NewScheme()
	s.Likert.Missing = nil
	rows := func(sh string) ([][]string, error) {
		if idx, _ := f.GetSheetIndex(sh); idx < 0 {
			return nil, nil
		}
		rs, err := f.GetRows(sh)
		if len(rs) > 5000 {
			return nil, data.InputErrorf("评价方案工作表“%s”行数过多", sh)
		}
		return rs, err
	}
	cell := func(r []string, i int) string {
		if i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	where := func(sh string, row, col int) string {
		c, _ := excelize.ColumnNumberToName(col + 1)
		return fmt.Sprintf("工作表“%s”第%d行第%s列", sh, row, c)
	}
	num := func(sh string, row, col int, v string) (float64, error) {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, data.InputErrorf("评价方案%s：%q 不是数字", where(sh, row, col), v)
		}
		return x, nil
	}
	rs, err := rows(sheetSettings)
	if err != nil {
		return nil, err
	}
	if rs == nil {
		return nil, &data.InputError{Msg: fmt.Sprintf("评价方案缺少工作表“%s”，请从导出的方案模板（评价方案页的“导出”）开始编辑", sheetSettings),
			CLIHint: "gongping scheme get --db F --policy ID --out 方案.xlsx"}
	}
	for i, r := range rs {
		if i == 0 {
			continue
		}
		label, v, field := cell(r, 0), cell(r, 1), cell(r, 2)
		for _, st := range settings {
			if st.label == label || (field != "" && st.field == field) {
				field = st.field
			}
		}
		if err := s.setSetting(field, v, func(v string) (float64, error) { return num(sheetSettings, i+1, 1, v) }); err != nil {
			return nil, err
		}
	}
	if rs, err = rows(sheetIndicators); err != nil {
		return nil, err
	}
	for i, r := range rs {
		if i == 0 || (cell(r, 0) == "" && cell(r, 1) == "") {
			continue
		}
		k := ""
		for _, key := range DimensionKeys {
			if t := cell(r, 0); t == key || t == DimensionNames[key] || (t != "" && t == s.DimensionName(key)) {
				k = key
			}
		}
		if k == "" {
			return nil, data.InputErrorf("评价方案%s：未知的维度 %q，应为执行过程、细则标准或取得成效", where(sheetIndicators, i+1, 0), cell(r, 0))
		}
		w := 1.0
		if v := cell(r, 2); v != "" {
			if w, err = num(sheetIndicators, i+1, 2, v); err != nil {
				return nil, err
			}
		}
		d := s.Dimensions.Get(k)
		d.Indicators = append(d.Indicators, IndicatorSpec{Name: cell(r, 1), Weight: w, Questions: splitRefs(cell(r, 3))})
	}
	if rs, err = rows(sheetLabels); err != nil {
		return nil, err
	}
	for i, r := range rs {
		l, v := cell(r, 0), cell(r, 1)
		if i == 0 || l == "" {
			continue
		}
		if v == missingMark {
			s.Likert.Missing = append(s.Likert.Missing, l)
			continue
		}
		x, err := num(sheetLabels, i+1, 1, v)
		if err != nil {
			return nil, err
		}
		s.Likert.Labels[l] = x
	}
	if rs, err = rows(sheetScales); err != nil {
		return nil, err
	}
	for i, r := range rs {
		if i == 0 || cell(r, 0) == "" {
			continue
		}
		p, err := num(sheetScales, i+1, 1, cell(r, 1))
		if err != nil {
			return nil, err
		}
		b, err := num(sheetScales, i+1, 2, cell(r, 2))
		if err != nil {
			return nil, err
		}
		s.Questions[cell(r, 0)] = Scale{Points: int(p), Best: int(b)}
	}
	if s.Likert.Missing == nil {
		s.Likert.Missing = append([]string(nil), DefaultMissing...)
	}
	s.normalise()
	if err := s.Validate(nil); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Scheme) setSetting(field, v string, num func(string) (float64, error)) error {
	if v == "" && field != "name" && !strings.HasSuffix(field, ".name") && field != "overall" && field != "problems" && field != "directions" {
		return nil // keep the default
	}
	var err error
	switch field {
	case "name":
		s.Name = v
	case "problems":
		s.Problems = splitRefs(v)
	case "directions":
		s.Directions = splitRefs(v)
	case "overall":
		s.Overall = v
	case "sources.survey":
		s.Sources.Survey, err = num(v)
	case "sources.assessment":
		s.Sources.Assessment, err = num(v)
	case "sources.officers":
		s.Sources.Officers, err = num(v)
	case "screening.speeders":
		s.Screening.Speeders, err = num(v)
	case "screening.straightline_min_items":
		var x float64
		x, err = num(v)
		s.Screening.StraightlineMinItems = int(x)
	case "screening.duplicates":
		s.Screening.Duplicates = v == "是" || strings.EqualFold(v, "true") || v == "1" || strings.EqualFold(v, "yes")
	default:
		parts := strings.Split(field, ".")
		if len(parts) == 3 && parts[0] == "dimensions" {
			if d := s.Dimensions.Get(parts[1]); d != nil {
				if parts[2] == "name" {
					d.Name = v
				} else {
					d.Weight, err = num(v)
				}
			}
		}
	}
	return err
}
