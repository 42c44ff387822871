package chart

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

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
	c = c.norm()
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
		BorderRadius: 2}
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
	return patchLabels(r.JSON(), 8)
}

// patchLabels sets what go-echarts cannot type: every series label's padding (a number array, where
// go-echarts has a string) and its distance from the point.
func patchLabels(m map[string]any, distance int) map[string]any {
	ss, err := roundTrip[[]map[string]any](m["series"])
	if err != nil {
		return m
	}
	for _, s := range ss {
		if l, ok := s["label"].(map[string]any); ok {
			l["padding"] = []int{1, 3}
			l["distance"] = distance
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
			AxisLabel: &opts.AxisLabel{Width: int(hbarLabelWidth(c)), Overflow: "break"}}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "9%", Top: "40", Bottom: "10", ContainLabel: opts.Bool(true)}))...)
	b.AddSeries(clean(c.Title), data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "60%"}))
	m := b.JSON()
	// A wrapped name's lines a line apart (go-echarts types lineHeight as a string, which ECharts ignores).
	if ya, err := roundTrip[[]map[string]any](m["yAxis"]); err == nil && len(ya) == 1 {
		if al, ok := ya[0]["axisLabel"].(map[string]any); ok {
			al["lineHeight"] = 16
			m["yAxis"] = ya
		}
	}
	return m
}

func scatterOption(c Chart) map[string]any {
	s := layout(c) // the ECharts plot is the SVG's plot, so the labels can go where the SVG has them
	sc := charts.NewScatter()
	xlo, xhi, _, ylo, yhi, _ := scatterAxes(c)
	round := func(v float64, d int) float64 { p := math.Pow(10, float64(d)); return math.Round(v*p) / p }
	var data []opts.ScatterData
	index := map[int]int{} // Chart.Points index → data index
	for i, p := range c.Points {
		x, okx := finite(p.X)
		y, oky := finite(p.Y)
		if !okx || !oky {
			continue
		}
		index[i] = len(data)
		data = append(data, opts.ScatterData{Name: clean(p.Name), Value: []float64{round(x, c.X.Digits), round(y, c.Y.Digits)}, SymbolSize: 2 * pointR})
	}
	px := func(v float64) string { return strconv.Itoa(int(math.Round(v))) }
	sc.SetGlobalOptions(append(baseOpts(c.Title),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: clean(c.X.Name), NameLocation: "middle", NameGap: 30, Min: xlo, Max: xhi,
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: ylo, Max: yhi, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}),
		charts.WithGridOpts(opts.Grid{Left: px(s.plot.x0), Right: px(s.w - s.plot.x1), Top: px(s.plot.y0), Bottom: px(s.h - s.plot.y1),
			ContainLabel: opts.Bool(false)}))...)
	l := valueLabel("right")
	l.Formatter = "{b}"
	so := []charts.SeriesOpts{charts.WithLabelOpts(*l)}
	q := c.Quadrants
	if q != nil {
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
	m := patchLabels(sc.JSON(), 6)
	// The y axis' name where the SVG has it, from the left edge (ECharts would centre it on the axis
	// and cut it off).
	if name, _ := wrap(c.Y.Name, tickSize, Width/2-20, 1); len(name) == 1 {
		m["graphic"] = []map[string]any{{"type": "text", "left": 12, "top": math.Round(s.plot.y0 - tickSize*leading - 6),
			"silent": true, "style": map[string]any{"text": name[0], "fill": hexOf(muted), "fontSize": tickSize, "fontFamily": Font}}}
	}

	// What go-echarts cannot say, set on the JSON: each label at its SVG place, leader lines, the
	// quadrant lines' labels with their value as the SVG prints it, the quadrant names in their corners.
	ss, _ := m["series"].([]map[string]any)
	if len(ss) != 1 {
		return m
	}
	se := ss[0]
	items, _ := roundTrip[[]map[string]any](se["data"])
	ml, _ := roundTrip[map[string]any](se["markLine"])
	var lines []any
	if ml != nil {
		lines, _ = ml["data"].([]any)
	}
	dataAt := func(p pt) []float64 { // a point of the plot in data coordinates
		b := s.plot
		return []float64{xlo + (p.x-b.x0)/(b.x1-b.x0)*(xhi-xlo), ylo + (b.y1-p.y)/(b.y1-b.y0)*(yhi-ylo)}
	}
	for _, pl := range s.placed {
		k, ok := index[pl.point]
		if !ok || k >= len(items) {
			continue
		}
		lab := map[string]any{"position": []float64{math.Round(pl.b.x0 - (pl.at.x - pointR)), math.Round(pl.b.y0 - (pl.at.y - pointR))}}
		text := strings.Join(pl.lines, "\n")
		if pl.num != "" {
			text = pl.num
		}
		if !strings.ContainsAny(text, "{}") { // a literal text ("{…}" would be read as a placeholder)
			lab["formatter"] = text
		}
		items[k]["label"] = lab
		if pl.leader {
			e := pl.b.nearest(pl.at)
			if d := math.Hypot(e.x-pl.at.x, e.y-pl.at.y); d > pointR {
				a := pt{pl.at.x + (e.x-pl.at.x)*pointR/d, pl.at.y + (e.y-pl.at.y)*pointR/d}
				lines = append(lines, []any{
					map[string]any{"coord": dataAt(a), "lineStyle": map[string]any{"type": "solid", "color": "#8a9099", "width": 0.8},
						"label": map[string]any{"show": false}},
					map[string]any{"coord": dataAt(e)}})
			}
		}
	}
	if items != nil {
		se["data"] = items
	}
	if q != nil && ml != nil {
		for _, it := range lines {
			o, ok := it.(map[string]any)
			if !ok {
				continue
			}
			name, v, pos := q.YName, round(q.Y, c.Y.Digits), "insideEndTop"
			digits := c.Y.Digits
			if _, isX := o["xAxis"]; isX {
				name, v, pos, digits = q.XName, round(q.X, c.X.Digits), "end", c.X.Digits
			}
			lab := map[string]any{"position": pos}
			if text := clean(name) + " " + fmtNum(v, digits); !strings.ContainsAny(text, "{}") {
				lab["formatter"] = text
			}
			o["label"] = lab
		}
		ml["data"] = lines
		ml["silent"] = true
		// ECharts rounds a mark line's position to 2 decimals by default: the importance mean 0.525 was drawn
		// at 0.53, with an indicator above it shown on the line.
		ml["precision"] = max(c.X.Digits, c.Y.Digits, 2)
		se["markLine"] = ml
		if ma, _ := roundTrip[map[string]any](se["markArea"]); ma != nil {
			if areas, ok := ma["data"].([]any); ok {
				for i, a := range areas {
					if pair, ok := a.([]any); ok && len(pair) == 2 && i < 4 {
						if first, ok := pair[0].(map[string]any); ok {
							first["label"] = map[string]any{"position": cornerPosition[s.corners[i]], "color": hexOf(quadrantInk[i])}
						}
					}
				}
			}
			ma["silent"] = true
			se["markArea"] = ma
		}
	}
	return m
}

var cornerPosition = [4]string{"insideTopLeft", "insideTopRight", "insideBottomLeft", "insideBottomRight"}

func hexOf(c rgba) string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// roundTrip turns a go-echarts value into plain JSON values that can be edited.
func roundTrip[T any](v any) (T, error) {
	var out T
	if v == nil {
		return out, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return out, err
	}
	err = json.Unmarshal(b, &out)
	return out, err
}
