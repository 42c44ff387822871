package reports

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/gongping/gongping/data/score"
)

// Chart is one ECharts chart of the HTML report: its options as JSON text, ready for setOption.
//
// The options are built with go-echarts types but never rendered by go-echarts: its page renderer writes
// options unescaped and turns "__f__…__f__" strings into live functions. Here every string stays a JSON
// string (encoding/json with HTML escaping on, so "<", ">" and "&" become \u003c …) and the page hands
// it to setOption through a data attribute that html/template escapes once more.
type Chart struct {
	ID     string
	Title  string
	Option string // JSON
	Height int    // px on screen; print CSS scales it
}

const (
	chartFont  = `"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimSun,sans-serif`
	labelWidth = 180 // px of category labels before they are cut with an ellipsis (the tables have the full text)
)

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// optionJSON finishes a chart's options the same way for every chart and serialises them.
func optionJSON(c interface{ JSON() map[string]interface{} }) (string, error) {
	m := c.JSON()
	// Tooltips drawn on the canvas (richText) never interpret text as HTML.
	m["tooltip"] = map[string]any{"show": true, "renderMode": "richText", "confine": true}
	m["textStyle"] = map[string]any{"fontFamily": chartFont}
	m["toolbox"] = map[string]any{"show": false}
	b, err := json.Marshal(m) // HTML escaping on: the text can never close a script or open a tag
	if err != nil {
		return "", fmt.Errorf("chart options: %w", err)
	}
	return string(b), nil
}

func baseOpts(title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithAnimation(false), // printed and screenshotted: draw the final state at once
		charts.WithTitleOpts(opts.Title{Show: opts.Bool(true), Title: title, Left: "center",
			TitleStyle: &opts.TextStyle{FontSize: 15}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	}
}

// radarChart shows the three dimension scores.
func radarChart(r *Report) (*Chart, error) {
	if len(r.Dimensions) == 0 {
		return nil, nil
	}
	c := charts.NewRadar()
	var ind []*opts.Indicator
	var vals []any
	for _, d := range r.Dimensions {
		ind = append(ind, &opts.Indicator{Name: d.Name, Max: 100, Min: 0})
		if d.Score != nil {
			vals = append(vals, round1(*d.Score))
		} else {
			vals = append(vals, "-") // ECharts' missing value
		}
	}
	c.SetGlobalOptions(append(baseOpts("三个维度得分"),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, Shape: "polygon", SplitNumber: 5,
			Center: []string{"50%", "55%"}, AxisName: &opts.AxisName{Show: opts.Bool(true), Color: "#333"}}))...)
	c.AddSeries("维度得分", []opts.RadarData{{Name: "维度得分", Value: vals}},
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{c}"}),
		charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.25)}))
	js, err := optionJSON(c)
	if err != nil {
		return nil, err
	}
	return &Chart{ID: "chart-radar", Title: "三个维度得分", Option: js, Height: 360}, nil
}

// hbarChart is a horizontal bar chart, first item on top.
func hbarChart(id, title, unit string, names []string, values []float64, max float64) (*Chart, error) {
	if len(names) == 0 {
		return nil, nil
	}
	c := charts.NewBar()
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		// The label is the number as the tables print it (one decimal); ECharts' {c} would drop ".0".
		data[i] = opts.BarData{Name: names[i], Value: round1(v), Label: &opts.Label{Show: opts.Bool(true), Position: "right",
			Formatter: fmt.Sprintf("%.1f", v)}}
	}
	xa := opts.XAxis{Type: "value", Min: 0, Name: unit}
	if max > 0 {
		xa.Max = max
	}
	c.SetGlobalOptions(append(baseOpts(title),
		charts.WithXAxisOpts(xa),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: labelWidth, Overflow: "truncate", Ellipsis: "…"}}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "8%", Top: "40", Bottom: "10", ContainLabel: opts.Bool(true)}))...)
	c.AddSeries(title, data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}"}),
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "60%"}))
	js, err := optionJSON(c)
	if err != nil {
		return nil, err
	}
	return &Chart{ID: id, Title: title, Option: js, Height: 70 + 30*len(names)}, nil
}

// indicatorChart shows one dimension's indicator scores.
func indicatorChart(i int, d Dimension) (*Chart, error) {
	var names []string
	var vals []float64
	for _, ind := range d.Indicators {
		if ind.Score == nil {
			continue
		}
		names = append(names, ind.Name)
		vals = append(vals, *ind.Score)
	}
	return hbarChart(fmt.Sprintf("chart-dim-%d", i), d.Name+"：指标得分", "分", names, vals, 100)
}

// topN bounds how many bars a ranking chart shows (the tables list every item).
const topN = 10

func problemChart(r *Report) (*Chart, error) {
	var names []string
	var vals []float64
	for _, p := range r.Problems {
		if p.Incidence != nil && len(names) < topN {
			names = append(names, p.Item)
			vals = append(vals, *p.Incidence*100)
		}
	}
	return hbarChart("chart-problems", "主要问题提及率", "%", names, vals, 0)
}

func directionChart(r *Report) (*Chart, error) {
	var names []string
	var vals []float64
	for _, d := range r.Directions {
		if d.Share != nil && len(names) < topN {
			names = append(names, d.Item)
			vals = append(vals, *d.Share*100)
		}
	}
	return hbarChart("chart-directions", "改进需求占比", "%", names, vals, 0)
}

// ipaChart is the importance–performance scatter: the two quadrant lines at the means and the four
// quadrants shaded and named, on axes fixed around the points so the areas fill the plot.
func ipaChart(r *Report) (*Chart, error) {
	if len(r.IPA) == 0 || r.IPAMeans == nil {
		return nil, nil
	}
	c := charts.NewScatter()
	var data []opts.ScatterData
	mp, mi := round1(r.IPAMeans.Performance), math.Round(r.IPAMeans.Importance*1000)/1000
	x0, x1, y0, y1 := mp, mp, mi, mi
	for _, p := range r.IPA {
		x, y := round1(p.Performance), math.Round(p.Importance*1000)/1000
		x0, x1, y0, y1 = math.Min(x0, x), math.Max(x1, x), math.Min(y0, y), math.Max(y1, y)
		data = append(data, opts.ScatterData{Name: p.Indicator, Value: []float64{x, y}, SymbolSize: 12})
	}
	padX, padY := math.Max((x1-x0)*0.12, 1), math.Max((y1-y0)*0.12, 0.02)
	x0, x1 = math.Floor(x0-padX), math.Ceil(x1+padX)
	y0, y1 = math.Floor((y0-padY)*20)/20, math.Ceil((y1+padY)*20)/20
	area := func(name, color string, ax, ay, bx, by float64) opts.MarkAreaNameCoordItem {
		return opts.MarkAreaNameCoordItem{Name: name, Coordinate0: []any{ax, ay}, Coordinate1: []any{bx, by},
			ItemStyle: &opts.ItemStyle{Color: color}}
	}
	c.SetGlobalOptions(append(baseOpts("重要性–表现分析（IPA）"),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "表现（得分）", NameLocation: "middle", NameGap: 28, Min: x0, Max: x1,
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "重要性（相关系数）", Min: y0, Max: y1,
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}),
		charts.WithGridOpts(opts.Grid{Left: "4%", Right: "6%", Top: "50", Bottom: "40", ContainLabel: opts.Bool(true)}))...)
	c.AddSeries("指标", data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{b}"}),
		charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: "表现均值", XAxis: mp}),
		charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: "重要性均值", YAxis: mi}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "{b} {c}"},
			LineStyle: &opts.LineStyle{Type: "dashed", Color: "#b22222"}}),
		charts.WithMarkAreaNameCoordItemOpts(
			area(score.QuadrantFix, "rgba(178,34,34,0.08)", x0, mi, mp, y1),
			area(score.QuadrantKeep, "rgba(26,127,55,0.08)", mp, mi, x1, y1),
			area(score.QuadrantMinor, "rgba(154,103,0,0.06)", x0, y0, mp, mi),
			area(score.QuadrantOverkill, "rgba(84,112,198,0.06)", mp, y0, x1, mi)),
		charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{Label: &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Color: "#5b6470"}}))
	js, err := optionJSON(c)
	if err != nil {
		return nil, err
	}
	return &Chart{ID: "chart-ipa", Title: "重要性–表现分析", Option: js, Height: 440}, nil
}
