package reports

import (
	"errors"
	"fmt"

	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/reports/chart"
	"github.com/gongping/gongping/reports/doc"
)

// The report's charts, each defined once (reports/chart draws the definition as SVG for the page, PNG for
// the Word file and ECharts options where scripts run). The caption under a figure names the chart, so
// the drawings carry no title of their own.

// topN bounds how many bars a ranking chart shows (the tables list every item).
const topN = 10

// radarDef shows the three dimension scores.
func radarDef(r *Report) chart.Chart {
	c := chart.Chart{Kind: chart.Radar, Unit: "分", Max: 100}
	for _, d := range r.Dimensions {
		it := chart.Item{Name: d.Name, Missing: d.Score == nil}
		if d.Score != nil {
			it.Value = *d.Score
		}
		c.Items = append(c.Items, it)
	}
	return c
}

// indicatorDef shows one dimension's indicator scores.
func indicatorDef(d Dimension) chart.Chart {
	c := chart.Chart{Kind: chart.HBar, Unit: "分", Max: 100}
	for _, ind := range d.Indicators {
		if ind.Score != nil {
			c.Items = append(c.Items, chart.Item{Name: ind.Name, Value: *ind.Score})
		}
	}
	return c
}

// problemDef shows the most mentioned survey problems.
func problemDef(r *Report) chart.Chart {
	c := chart.Chart{Kind: chart.HBar, Unit: "%"}
	for _, p := range r.Problems {
		if p.Incidence != nil && len(c.Items) < topN {
			c.Items = append(c.Items, chart.Item{Name: p.Item, Value: *p.Incidence * 100})
		}
	}
	return c
}

// directionDef shows the most demanded improvements.
func directionDef(r *Report) chart.Chart {
	c := chart.Chart{Kind: chart.HBar, Unit: "%"}
	for _, d := range r.Directions {
		if d.Share != nil && len(c.Items) < topN {
			c.Items = append(c.Items, chart.Item{Name: d.Item, Value: *d.Share * 100})
		}
	}
	return c
}

// ipaDef is the importance–performance scatter with its quadrants.
func ipaDef(r *Report) chart.Chart {
	c := chart.Chart{Kind: chart.Scatter,
		X: chart.Axis{Name: "表现（得分）", Digits: 1}, Y: chart.Axis{Name: "重要性（相关系数）", Digits: 3}}
	if m := r.IPAMeans; m != nil {
		c.Quadrants = &chart.Quadrants{X: m.Performance, Y: m.Importance, XName: "表现均值", YName: "重要性均值",
			Names: [4]string{score.QuadrantFix, score.QuadrantKeep, score.QuadrantMinor, score.QuadrantOverkill}}
	}
	for _, p := range r.IPA {
		c.Points = append(c.Points, chart.Point{Name: p.Indicator, X: p.Performance, Y: p.Importance})
	}
	return c
}

// pictures says how a document's figures are drawn: SVG for the page, PNG for the Word file.
type pictures int

const (
	forHTML pictures = iota // inline SVG, and the same chart's ECharts options for where scripts run
	forDOCX                 // PNG at twice the size (about 220 dpi over the text column); SVG without a font
)

// chartPNG draws a chart as PNG; a variable so a test can take the computer's fonts away.
var chartPNG = chart.PNG

// pngScale is the PNG's scale over the drawing's CSS pixels: 1360 px across a 15.6 cm column.
const pngScale = 2

// figure makes a chart into a document figure; ok is false when the chart has nothing to draw.
func figure(def chart.Chart, caption, source string, how pictures) (doc.Figure, bool, error) {
	if def.Empty() {
		return doc.Figure{}, false, nil
	}
	f := doc.Figure{Caption: caption, Source: source, Alt: caption}
	w, h := chart.Size(def)
	f.WidthCM = 15.6
	if w > 0 {
		f.HeightCM = 15.6 * float64(h) / float64(w)
	}
	switch how {
	case forDOCX:
		png, err := chartPNG(def, pngScale)
		var nf *chart.NoFontError
		switch {
		case err == nil:
			f.PNG = png
		case errors.As(err, &nf):
			f.SVG = chart.SVG(def) // Word 2016+, WPS and LibreOffice draw it with their own fonts
		default:
			return f, false, fmt.Errorf("chart %s: %w", caption, err)
		}
	default:
		f.SVG = chart.SVG(def)
		opt, err := chart.ECharts(def)
		if err != nil {
			return f, false, fmt.Errorf("chart %s: %w", caption, err)
		}
		f.ECharts = opt
	}
	return f, true, nil
}
