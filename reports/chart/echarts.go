package chart

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ECharts returns c's ECharts options as JSON text, ready for setOption.
//
// The options are built with go-echarts types but never rendered by go-echarts: its page renderer writes
// options unescaped and turns "__f__…__f__" strings into live functions. Here every string stays a JSON
// string (encoding/json with HTML escaping on, so "<", ">" and "&" become \u003c …), no option is a
// function, tooltips are drawn as rich text (never HTML), and the page hands the JSON to setOption
// through a data attribute that html/template escapes once more.
func ECharts(c Chart) (string, error) {
	var m map[string]any
	switch {
	case c.Empty():
		b := charts.NewBar()
		b.SetGlobalOptions(baseOpts(c.Title)...)
		m = b.JSON()
		m["graphic"] = []map[string]any{{"type": "text", "left": "center", "top": "middle",
			"style": map[string]any{"text": "暂无数据", "fill": "#5b6470", "fontSize": labelSize}}}
	case c.Kind == Radar:
		m = radarOption(c)
	case c.Kind == HBar:
		m = hbarOption(c)
	case c.Kind == Scatter:
		m = scatterOption(c)
	default:
		return "", fmt.Errorf("chart options: unknown kind %v", c.Kind)
	}
	// Tooltips drawn on the canvas (richText) never interpret text as HTML.
	m["tooltip"] = map[string]any{"show": true, "renderMode": "richText", "confine": true}
	m["textStyle"] = map[string]any{"fontFamily": Font}
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
		charts.WithTitleOpts(opts.Title{Show: opts.Bool(clean(title) != ""), Title: clean(title), Left: "center",
			TitleStyle: &opts.TextStyle{FontSize: titleSize - 1}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	}
}

// valueLabel is a data label on a white ground, so the grid lines under it do not cross the digits.
func valueLabel(position string) *opts.Label {
	return &opts.Label{Show: opts.Bool(true), Position: position, Color: "#333333", BackgroundColor: "rgba(255,255,255,0.85)",
		Padding: "2", BorderRadius: 2}
}

func radarOption(c Chart) map[string]any {
	mx := c.Max
	if mx <= 0 {
		mx = 100
	}
	r := charts.NewRadar()
	var ind []*opts.Indicator
	var vals []any
	for _, it := range c.Items {
		ind = append(ind, &opts.Indicator{Name: clean(it.Name), Max: float32(mx), Min: 0})
		if v, ok := finite(it.Value); ok && !it.Missing {
			vals = append(vals, math.Round(v*10)/10)
		} else {
			vals = append(vals, "-") // ECharts' missing value
		}
	}
	r.SetGlobalOptions(append(baseOpts(c.Title),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, Shape: "polygon", SplitNumber: 5,
			Center: []string{"50%", "55%"}, AxisName: &opts.AxisName{Show: opts.Bool(true), Color: "#333"}}))...)
	l := valueLabel("top")
	l.Formatter = "{c}"
	r.AddSeries("得分", []opts.RadarData{{Name: "得分", Value: vals}},
		charts.WithLabelOpts(*l),
		charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.22)}))
	// Labels a few pixels off their point, so they sit between the rings rather than on them.
	return withLabelDistance(r.JSON(), 8)
}

// withLabelDistance sets every series label's distance (go-echarts has no field for it).
func withLabelDistance(m map[string]any, d int) map[string]any {
	b, err := json.Marshal(m["series"])
	if err != nil {
		return m
	}
	var ss []map[string]any
	if json.Unmarshal(b, &ss) != nil {
		return m
	}
	for _, s := range ss {
		if l, ok := s["label"].(map[string]any); ok {
			l["distance"] = d
		}
	}
	m["series"] = ss
	return m
}

func hbarOption(c Chart) map[string]any {
	b := charts.NewBar()
	var names []string
	data := make([]opts.BarData, len(c.Items))
	for i, it := range c.Items {
		names = append(names, clean(it.Name))
		v, ok := finite(it.Value)
		text := c.valueText(v)
		if !ok || it.Missing {
			v, text = 0, "无数据"
		}
		// The label is the number as the tables print it (one decimal); ECharts' {c} would drop ".0".
		l := &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: text}
		data[i] = opts.BarData{Name: names[i], Value: math.Round(v*10) / 10, Label: l}
	}
	b.SetGlobalOptions(append(baseOpts(c.Title),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: hbarAxisMax(c), Name: clean(c.Unit)}),
		// Whole names, wrapped to the same column width as the SVG's.
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: int(hbarLabelWidth(c)), Overflow: "break", LineHeight: "17"}}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "9%", Top: "40", Bottom: "10", ContainLabel: opts.Bool(true)}))...)
	b.AddSeries(clean(c.Title), data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "60%"}))
	return b.JSON()
}

func scatterOption(c Chart) map[string]any {
	sc := charts.NewScatter()
	xlo, xhi, _, ylo, yhi, _ := scatterAxes(c)
	round := func(v float64, d int) float64 { p := math.Pow(10, float64(d)); return math.Round(v*p) / p }
	var data []opts.ScatterData
	for _, p := range c.Points {
		x, okx := finite(p.X)
		y, oky := finite(p.Y)
		if !okx || !oky {
			continue
		}
		data = append(data, opts.ScatterData{Name: clean(p.Name), Value: []float64{round(x, c.X.Digits), round(y, c.Y.Digits)}, SymbolSize: 10})
	}
	sc.SetGlobalOptions(append(baseOpts(c.Title),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: clean(c.X.Name), NameLocation: "middle", NameGap: 28, Min: xlo, Max: xhi,
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: clean(c.Y.Name), Min: ylo, Max: yhi,
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}),
		charts.WithGridOpts(opts.Grid{Left: "4%", Right: "6%", Top: "60", Bottom: "40", ContainLabel: opts.Bool(true)}))...)
	l := valueLabel("right")
	l.Formatter = "{b}"
	so := []charts.SeriesOpts{
		charts.WithLabelOpts(*l),
		// Labels that would overlap move apart, joined to their point by a line.
		charts.WithLabelLayoutOpts(opts.LabelLayout{MoveOverlap: "shiftY"}),
		charts.WithLabelLineOpts(opts.LabelLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#8a9099", Width: 1}}),
	}
	if q := c.Quadrants; q != nil {
		qx, qy := round(q.X, c.X.Digits), round(q.Y, c.Y.Digits)
		area := func(i int, ax, ay, bx, by float64) opts.MarkAreaNameCoordItem {
			f := quadrantFill[i]
			return opts.MarkAreaNameCoordItem{Name: clean(q.Names[i]), Coordinate0: []any{ax, ay}, Coordinate1: []any{bx, by},
				ItemStyle: &opts.ItemStyle{Color: fmt.Sprintf("rgba(%d,%d,%d,%s)", f.r, f.g, f.b, num(f.a))}}
		}
		so = append(so,
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: clean(q.XName), XAxis: qx}),
			charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: clean(q.YName), YAxis: qy}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "{b} {c}"},
				LineStyle: &opts.LineStyle{Type: "dashed", Color: "#b22222"}}),
			charts.WithMarkAreaNameCoordItemOpts(
				area(0, xlo, qy, qx, yhi), area(1, qx, qy, xhi, yhi), area(2, xlo, ylo, qx, qy), area(3, qx, ylo, xhi, qy)),
			charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{Label: &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Color: "#5b6470"}}))
	}
	sc.AddSeries("指标", data, so...)
	return sc.JSON()
}
