package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/store/storetest"
	"github.com/gongping/gongping/reports/chart"
	"github.com/xuri/excelize/v2"
)

// demoReport is the demo's evaluation report, built once per test.
func demoReport(t *testing.T) *Report {
	t.Helper()
	ctx := context.Background()
	s := storetest.MustOpen(t)
	ids, err := demo.Run(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, s, ids[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// blankPNG stands in for chart.PNG: a white picture of the drawing's size, whatever fonts the computer has.
func blankPNG(c chart.Chart, scale float64) ([]byte, error) {
	w, h := chart.Size(c)
	var b bytes.Buffer
	err := png.Encode(&b, image.NewGray(image.Rect(0, 0, int(float64(w)*scale), int(float64(h)*scale))))
	return b.Bytes(), err
}

// workbook is a written workbook's parts by name.
type workbook map[string]string

func writeWorkbook(t *testing.T, r *Report) (workbook, *excelize.File) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	wb := workbook{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		wb[f.Name] = string(data)
	}
	x, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return wb, x
}

// sheetPart is the worksheet part of the i-th sheet (excelize names them in order of creation).
func (wb workbook) sheetPart(i int) string { return wb[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] }

// drawing is the drawing part of the i-th sheet, "" without one.
func (wb workbook) drawing(i int) string {
	for _, m := range relTarget.FindAllStringSubmatch(wb[fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", i+1)], -1) {
		if strings.Contains(m[1], "drawing") {
			return wb["xl/drawings/"+m[1][strings.LastIndex(m[1], "/")+1:]]
		}
	}
	return ""
}

var (
	anchorRE = regexp.MustCompile(`(?s)<xdr:(twoCellAnchor|oneCellAnchor).*?</xdr:(?:twoCellAnchor|oneCellAnchor)>`)
	fromRow  = regexp.MustCompile(`(?s)<xdr:from>.*?<xdr:row>(\d+)</xdr:row>`)
	toRow    = regexp.MustCompile(`(?s)<xdr:to>.*?<xdr:row>(\d+)</xdr:row><xdr:rowOff>(\d+)</xdr:rowOff>`)
	extCY    = regexp.MustCompile(`<xdr:ext cx="\d+" cy="(\d+)"`)
	brkRE    = regexp.MustCompile(`<brk id="(\d+)"`)
)

// span is a drawing's rows (1-based, inclusive) and what it is.
type span struct {
	first, last int
	picture     bool
}

// drawingSpans lists the drawings of a sheet with the rows they cover; rowPt gives a row's height.
func drawingSpans(t *testing.T, d string, rowPt func(int) float64) []span {
	var out []span
	for _, a := range anchorRE.FindAllStringSubmatch(d, -1) {
		f := fromRow.FindStringSubmatch(a[0])
		first, _ := strconv.Atoi(f[1])
		first++
		sp := span{first: first, picture: strings.Contains(a[0], "<xdr:pic>")}
		if to := toRow.FindStringSubmatch(a[0]); to != nil {
			r, _ := strconv.Atoi(to[1])
			off, _ := strconv.Atoi(to[2])
			sp.last = r // 0-based row r is 1-based r+1; with no offset the drawing ends on top of it
			if off > 0 {
				sp.last = r + 1
			}
		} else { // one-cell anchor: its height in EMU over the rows' heights (12700 EMU a point)
			cy, _ := strconv.Atoi(extCY.FindStringSubmatch(a[0])[1])
			h := float64(cy) / 12700
			sp.last = first
			for h -= rowPt(first); h > 0.01; h -= rowPt(sp.last) {
				sp.last++
			}
		}
		out = append(out, sp)
	}
	return out
}

// The workbook prints as a document: every sheet on A4 with page numbers, the table sheets repeat their
// header row, and every chart of the report is on the 图表 sheet, none cut by a page break and none under
// a repeated header row.
func TestXLSXPrint(t *testing.T) {
	r := demoReport(t)
	for _, c := range []struct {
		name              string
		png               func(chart.Chart, float64) ([]byte, error)
		natives, pictures int
		scatterNative     bool
	}{
		{"IPA as a picture", blankPNG, 6, 1, false},
		{"no Chinese font: a native scatter", func(chart.Chart, float64) ([]byte, error) { return nil, &chart.NoFontError{} }, 7, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			old := xlsxPNG
			xlsxPNG = c.png
			defer func() { xlsxPNG = old }()
			wb, x := writeWorkbook(t, r)
			sheets := x.GetSheetList()
			charts := -1
			for i, sh := range sheets {
				if sh == SheetCharts {
					charts = i
				}
				lay, err := x.GetPageLayout(sh)
				if err != nil || lay.Size == nil || *lay.Size != 9 {
					t.Errorf("%s: paper %v (%v), want A4 (9)", sh, lay.Size, err)
				}
				hf, err := x.GetHeaderFooter(sh)
				if err != nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
					t.Errorf("%s: footer %q (%v), want page numbers &P of &N", sh, hf.OddFooter, err)
				}
			}
			titles := map[string]bool{}
			for _, dn := range x.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" {
					titles[dn.Scope] = true
				}
			}
			for _, sh := range sheets {
				if want := sh != SheetCharts; titles[sh] != want {
					t.Errorf("%s: repeated header row %v, want %v", sh, titles[sh], want)
				}
			}
			if charts < 0 {
				t.Fatalf("no %s sheet in %v", SheetCharts, sheets)
			}
			for i, sh := range sheets {
				if i != charts && wb.drawing(i) != "" {
					t.Errorf("%s has drawings: charts belong on %s, away from the repeated header rows", sh, SheetCharts)
				}
			}
			d := wb.drawing(charts)
			if n := strings.Count(d, "<xdr:graphicFrame"); n != c.natives {
				t.Errorf("native charts: %d, want %d", n, c.natives)
			}
			if n := strings.Count(d, "<xdr:pic>"); n != c.pictures {
				t.Errorf("pictures: %d, want %d", n, c.pictures)
			}
			if c.scatterNative != strings.Contains(strings.Join(chartParts(wb), ""), "scatterChart>") {
				t.Errorf("native scatter: want %v", c.scatterNative)
			}
			rowPt := func(row int) float64 {
				h, err := x.GetRowHeight(SheetCharts, row)
				if err != nil {
					t.Fatal(err)
				}
				return h
			}
			spans := drawingSpans(t, d, rowPt)
			var breaks []int // a break k starts a page at row k+1
			for _, m := range brkRE.FindAllStringSubmatch(wb.sheetPart(charts), -1) {
				k, _ := strconv.Atoi(m[1])
				breaks = append(breaks, k)
			}
			last := 0
			for _, sp := range spans {
				last = max(last, sp.last+1) // and its source line
				for _, k := range breaks {
					if sp.first <= k && k < sp.last {
						t.Errorf("the drawing on rows %d–%d is cut by the page break after row %d", sp.first, sp.last, k)
					}
				}
			}
			// Every page holds what is on it: its rows fit A4's body (10.19 in) at full size.
			const body = (11.69 - marginTop - marginBottom) * 72
			start := 1
			for _, end := range append(breaks, last) {
				var h float64
				for row := start; row <= end; row++ {
					h += rowPt(row)
				}
				if h > body {
					t.Errorf("rows %d–%d are %.0f pt high, more than the page's %.0f: a reader breaks inside", start, end, h, body)
				}
				start = end + 1
			}
			if len(breaks) == 0 {
				t.Error("the demo's seven charts fit on one page?")
			}
		})
	}
}

// chartParts are the workbook's native chart parts.
func chartParts(wb workbook) []string {
	var out []string
	for name, s := range wb {
		if strings.HasPrefix(name, "xl/charts/chart") {
			out = append(out, s)
		}
	}
	return out
}

// A dimension with more indicators than a page holds gets a chart a page high, not one a reader cuts.
func TestXLSXTallChart(t *testing.T) {
	r := demoReport(t)
	d := &r.Dimensions[0]
	for i := 0; i < 60; i++ {
		v := 50 + float64(i%40)
		d.Indicators = append(d.Indicators, Indicator{Name: fmt.Sprintf("指标%d", i), Score: &v, N: 10})
	}
	old := xlsxPNG
	xlsxPNG = blankPNG
	defer func() { xlsxPNG = old }()
	wb, x := writeWorkbook(t, r)
	idx := -1
	for i, sh := range x.GetSheetList() {
		if sh == SheetCharts {
			idx = i
		}
	}
	spans := drawingSpans(t, wb.drawing(idx), func(row int) float64 { h, _ := x.GetRowHeight(SheetCharts, row); return h })
	for _, sp := range spans {
		if sp.last-sp.first+1 > maxChartRows {
			t.Errorf("a drawing of %d rows: more than a page's %d", sp.last-sp.first+1, maxChartRows)
		}
	}
}

// The sheets say what their figures are: both intervals and 满意率 labelled and defined, the problems'
// rule and basis, the IPA verdicts with the rule.
func TestXLSXHonestLabels(t *testing.T) {
	r := demoReport(t)
	_, x := writeWorkbook(t, r)
	text := func(sh string) string {
		rows, err := x.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, row := range rows {
			b.WriteString(strings.Join(row, "|") + "\n")
		}
		return b.String()
	}
	for _, c := range []struct {
		sheet string
		want  []string
	}{
		{SheetDimensions, []string{"维度得分95%置信区间下限", "问卷部分95%置信区间下限", "问卷满意率", r.Rules.ScoreCI, r.Rules.SurveyCI, r.Rules.Satisfaction}},
		{SheetIndicators, []string{"95%置信区间下限", r.Rules.Satisfaction}},
		{SheetProblems, []string{"依据", r.Rules.Problems, "第三方评估、政策体验官", "政策体验官：5人中1人反映"}},
		{SheetIPA, []string{"判定", "图中位置", r.Rules.IPA, "表现显著偏低", "改进优先顺序"}},
	} {
		got := text(c.sheet)
		for _, w := range c.want {
			if w == "" || !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", c.sheet, w)
			}
		}
	}
	if got := text(SheetProblems); strings.Contains(got, "指标得分低于60分") {
		t.Errorf("存在问题 is padded with low indicators:\n%s", got)
	}
	if got := text(SheetIPA); strings.Contains(got, "|过度供给区\n") {
		t.Errorf("an indicator is called 过度供给 on noise:\n%s", got)
	}
}
