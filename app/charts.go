package app

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/reports/chart"
)

// Charts drawn with Fyne's own canvas (lines, rectangles, circles, text): no images, so they follow the
// light and dark themes. Each chart is a chartWidget whose draw function lays its objects out for the
// current size; a theme change or resize redraws it.

// chartWidget draws itself with draw(size) on every layout.
type chartWidget struct {
	widget.BaseWidget
	min  fyne.Size
	draw func(size fyne.Size) []fyne.CanvasObject
}

func newChart(min fyne.Size, draw func(size fyne.Size) []fyne.CanvasObject) *chartWidget {
	c := &chartWidget{min: min, draw: draw}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chartWidget) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

type chartRenderer struct {
	c    *chartWidget
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *chartRenderer) Layout(s fyne.Size) {
	r.size = s
	r.objs = r.c.draw(s)
}
func (r *chartRenderer) MinSize() fyne.Size           { return r.c.min }
func (r *chartRenderer) Refresh()                     { r.Layout(r.size); canvas.Refresh(r.c) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) Destroy()                     {}

func chartFG() color.Color      { return theme.Color(theme.ColorNameForeground) }
func chartMuted() color.Color   { return theme.Color(theme.ColorNamePlaceHolder) }
func chartPrimary() color.Color { return theme.Color(theme.ColorNamePrimary) }
func chartAlert() color.Color   { return theme.Color(theme.ColorNameError) }

func chartLine(x1, y1, x2, y2 float32, c color.Color, w float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = w
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	return l
}

func chartText(s string, x, y float32, c color.Color, size float32, align fyne.TextAlign) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	t.Alignment = align
	ms := t.MinSize()
	switch align {
	case fyne.TextAlignCenter:
		x -= ms.Width / 2
	case fyne.TextAlignTrailing:
		x -= ms.Width
	}
	t.Move(fyne.NewPos(x, y-ms.Height/2))
	t.Resize(ms)
	return t
}

func chartDot(x, y, r float32, c color.Color) *canvas.Circle {
	d := canvas.NewCircle(c)
	d.Move(fyne.NewPos(x-r, y-r))
	d.Resize(fyne.NewSize(2*r, 2*r))
	return d
}

// radarAxis is one axis of a radar chart: a label and a value 0–100 (nil = no data).
type radarAxis struct {
	label string
	value *float64
}

// radarLayout is a radar laid out for one size: where its grid, values and labels go. The value labels
// are placed by the report's own pass (chart.RadarValueLabels): outward along their axis, off the rings
// and the data line, clear of the axis names.
type radarLayout struct {
	cx, cy, rad float32
	rings       []chart.Segment // the five rings at 20, 40 … 100
	axisEnds    []chart.Pos
	names       []chart.Rect // the axis names' boxes
	points      []chart.Pos  // each value's point (the centre when there is no value)
	values      []chart.Rect // each value label's box (zero when there is no value)
	texts       []string     // the value labels
	nameSize    float32
	valueSize   float32
}

func layoutRadar(pts []radarAxis, s fyne.Size) radarLayout {
	n := len(pts)
	l := radarLayout{cx: s.Width / 2, cy: s.Height/2 + 6, nameSize: theme.TextSize() * 0.9, valueSize: theme.TextSize() * 0.8}
	l.rad = min(s.Width, s.Height)/2 - 36
	if n < 3 || l.rad <= 10 {
		return l
	}
	unit := make([]chart.Pos, n)
	for i := range n {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		unit[i] = chart.Pos{X: math.Cos(a), Y: math.Sin(a)}
	}
	at := func(i int, v float64) chart.Pos {
		r := float64(l.rad) * v / 100
		return chart.Pos{X: float64(l.cx) + r*unit[i].X, Y: float64(l.cy) + r*unit[i].Y}
	}
	for ring := 20.0; ring <= 100; ring += 20 {
		for i := range n {
			l.rings = append(l.rings, chart.Segment{A: at(i, ring), B: at((i+1)%n, ring)})
		}
	}
	for i, p := range pts {
		l.axisEnds = append(l.axisEnds, at(i, 100))
		c := at(i, 118)
		ms := fyne.MeasureText(p.label, l.nameSize, fyne.TextStyle{})
		l.names = append(l.names, chart.Rect{X0: c.X - float64(ms.Width)/2, Y0: c.Y - float64(ms.Height)/2, X1: c.X + float64(ms.Width)/2, Y1: c.Y + float64(ms.Height)/2})
	}
	var data []chart.Segment
	for i, p := range pts {
		v := 0.0
		if p.value != nil {
			v = min(max(*p.value, 0), 100)
		}
		l.points = append(l.points, at(i, v))
	}
	for i := range n {
		if pts[i].value != nil && pts[(i+1)%n].value != nil {
			data = append(data, chart.Segment{A: l.points[i], B: l.points[(i+1)%n]})
		}
	}
	// Only values get labels; their obstacles are the axis names and the labels placed before.
	var axes, points []chart.Pos
	var sizes []chart.Extent
	var idx []int
	for i, p := range pts {
		if p.value == nil {
			continue
		}
		text := fmt.Sprintf("%.1f", *p.value)
		ms := fyne.MeasureText(text, l.valueSize, fyne.TextStyle{Bold: true})
		axes, points = append(axes, unit[i]), append(points, l.points[i])
		sizes = append(sizes, chart.Extent{W: float64(ms.Width) + 8, H: float64(ms.Height) + 2})
		idx = append(idx, i)
	}
	l.values, l.texts = make([]chart.Rect, n), make([]string, n)
	for k, b := range chart.RadarValueLabels(axes, points, sizes, l.rings, data, l.names) {
		i := idx[k]
		l.values[i], l.texts[i] = b, fmt.Sprintf("%.1f", *pts[i].value)
	}
	return l
}

// newRadar draws a radar (spider) chart of values 0–100 on len(pts) axes, with rings at 20, 40 … 100.
func newRadar(pts []radarAxis) fyne.CanvasObject {
	return newChart(fyne.NewSize(280, 240), func(s fyne.Size) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		l := layoutRadar(pts, s)
		if len(l.points) == 0 {
			return out
		}
		for _, sg := range l.rings {
			out = append(out, segLine(sg, chartMuted(), 1))
		}
		for i, p := range pts {
			out = append(out, chartLine(l.cx, l.cy, float32(l.axisEnds[i].X), float32(l.axisEnds[i].Y), chartMuted(), 1))
			nb := l.names[i]
			out = append(out, chartText(p.label, float32(nb.X0+nb.X1)/2, float32(nb.Y0+nb.Y1)/2, chartFG(), l.nameSize, fyne.TextAlignCenter))
		}
		n := len(pts)
		for i := range n {
			if pts[i].value != nil && pts[(i+1)%n].value != nil {
				out = append(out, segLine(chart.Segment{A: l.points[i], B: l.points[(i+1)%n]}, chartPrimary(), 2.5))
			}
		}
		for i, p := range pts {
			if p.value == nil {
				continue
			}
			out = append(out, chartDot(float32(l.points[i].X), float32(l.points[i].Y), 4, chartPrimary()))
		}
		for i, p := range pts {
			if p.value == nil {
				continue
			}
			out = append(out, labelBox(l.values[i], 3))
			t := chartText(l.texts[i], float32(l.values[i].X0+l.values[i].X1)/2, float32(l.values[i].Y0+l.values[i].Y1)/2, chartFG(), l.valueSize, fyne.TextAlignCenter)
			t.TextStyle.Bold = true
			out = append(out, t)
		}
		return out
	})
}

// labelBox is the background that keeps a chart label readable over lines.
func labelBox(b chart.Rect, radius float32) fyne.CanvasObject {
	bg := theme.Color(theme.ColorNameBackground)
	r, g, bl, _ := bg.RGBA()
	rect := canvas.NewRectangle(color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 0xd8})
	rect.CornerRadius = radius
	rect.Move(fyne.NewPos(float32(b.X0), float32(b.Y0)))
	rect.Resize(fyne.NewSize(float32(b.X1-b.X0), float32(b.Y1-b.Y0)))
	return rect
}

func segLine(sg chart.Segment, c color.Color, w float32) *canvas.Line {
	return chartLine(float32(sg.A.X), float32(sg.A.Y), float32(sg.B.X), float32(sg.B.Y), c, w)
}

// chartBar is one bar of a horizontal bar chart.
type chartBar struct {
	label string
	value float64 // in the chart's unit
	text  string  // shown after the bar
	alert bool    // drawn in the error colour (e.g. an indicator below 60)
}

// newBars draws horizontal bars scaled to max (bars longer than max are clipped).
func newBars(bars []chartBar, max float64) fyne.CanvasObject {
	rowH := float32(26)
	h := rowH*float32(len(bars)) + 8
	if len(bars) == 0 {
		h = 40
	}
	return newChart(fyne.NewSize(320, h), func(s fyne.Size) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		labelW := float32(0)
		for _, b := range bars {
			labelW = float32(math.Max(float64(labelW), float64(canvas.NewText(chartLabel(b.label), chartFG()).MinSize().Width)))
		}
		labelW = float32(math.Min(float64(labelW)+8, float64(s.Width)*0.45))
		valueW := float32(64)
		plotW := s.Width - labelW - valueW
		if plotW < 20 || max <= 0 {
			return out
		}
		for i, b := range bars {
			y := float32(i)*rowH + 4
			out = append(out, chartText(chartLabel(b.label), labelW-8, y+rowH/2, chartFG(), theme.TextSize()*0.9, fyne.TextAlignTrailing))
			bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
			bg.Move(fyne.NewPos(labelW, y+4))
			bg.Resize(fyne.NewSize(plotW, rowH-8))
			out = append(out, bg)
			w := float32(math.Min(math.Max(b.value, 0)/max, 1)) * plotW
			c := chartPrimary()
			if b.alert {
				c = chartAlert()
			}
			r := canvas.NewRectangle(c)
			r.Move(fyne.NewPos(labelW, y+4))
			r.Resize(fyne.NewSize(w, rowH-8))
			out = append(out, r)
			out = append(out, chartText(b.text, labelW+plotW+6, y+rowH/2, chartFG(), theme.TextSize()*0.85, fyne.TextAlignLeading))
		}
		return out
	})
}

// chartLabel keeps chart labels on one short line.
func chartLabel(s string) string {
	r := []rune(s)
	if len(r) > 14 {
		return string(r[:13]) + "…"
	}
	return s
}

// ipaPoint is one indicator in an importance–performance plot.
type ipaPoint struct {
	label                   string
	importance, performance float64
}

// ipaLayout is an IPA scatter laid out for one size. The point labels are placed by the report's own
// pass (chart.PlaceLabels): beside their point when there is room, else nearby with a leader line, else
// a key number explained under the plot; none overlaps another, a point or a quadrant name.
type ipaLayout struct {
	left, top, right, bottom float32
	xmin, xmax, ymin, ymax   float64
	mx, my                   float32
	points                   []chart.Pos
	corners                  [4]chart.Rect // the quadrant names' boxes, as names (see newIPAScatter)
	labels                   []chart.Placement
	texts                    []string // each label's text (the name, or its key number)
	key                      string   // the key of numbered points ("" when every name fitted)
	small                    float32
}

func layoutIPA(dots []ipaPoint, meanImp, meanPerf float64, names [4]string, s fyne.Size) ipaLayout {
	l := ipaLayout{small: theme.TextSize() * 0.8}
	xmin, xmax, ymin, ymax := meanImp, meanImp, meanPerf, meanPerf
	for _, d := range dots {
		xmin, xmax = math.Min(xmin, d.importance), math.Max(xmax, d.importance)
		ymin, ymax = math.Min(ymin, d.performance), math.Max(ymax, d.performance)
	}
	padX, padY := math.Max((xmax-xmin)*0.1, 0.05), math.Max((ymax-ymin)*0.1, 2)
	l.xmin, l.xmax, l.ymin, l.ymax = xmin-padX, xmax+padX, ymin-padY, ymax+padY
	lineH := fyne.MeasureText("国", l.small, fyne.TextStyle{}).Height
	place := func(keyRows int) {
		l.left, l.top, l.right, l.bottom = 44, 12, s.Width-12, s.Height-30-float32(keyRows)*lineH
		px := func(v float64) float64 {
			return float64(l.left) + (v-l.xmin)/(l.xmax-l.xmin)*float64(l.right-l.left)
		}
		py := func(v float64) float64 {
			return float64(l.bottom) - (v-l.ymin)/(l.ymax-l.ymin)*float64(l.bottom-l.top)
		}
		l.mx, l.my = float32(px(meanImp)), float32(py(meanPerf))
		l.points = l.points[:0]
		for _, d := range dots {
			l.points = append(l.points, chart.Pos{X: px(d.importance), Y: py(d.performance)})
		}
		// names: 重点改进区 bottom right, 优势保持区 top right, 次要改进区 bottom left, 过度供给区 top left.
		L, T, R, B := float64(l.left)+4, float64(l.top)+4, float64(l.right)-4, float64(l.bottom)-4
		for i, n := range names {
			ms := fyne.MeasureText(n, l.small, fyne.TextStyle{})
			w, h := float64(ms.Width), float64(ms.Height)
			l.corners[i] = [4]chart.Rect{{X0: R - w, Y0: B - h, X1: R, Y1: B}, {X0: R - w, Y0: T, X1: R, Y1: T + h},
				{X0: L, Y0: B - h, X1: L + w, Y1: B}, {X0: L, Y0: T, X1: L + w, Y1: T + h}}[i]
		}
		sizes := make([]chart.Extent, len(dots))
		for i, d := range dots {
			ms := fyne.MeasureText(chartLabel(d.label), l.small, fyne.TextStyle{})
			sizes[i] = chart.Extent{W: float64(ms.Width) + 4, H: float64(ms.Height) + 2}
		}
		keySize := func(n int) chart.Extent {
			ms := fyne.MeasureText(strconv.Itoa(n), l.small, fyne.TextStyle{Bold: true})
			return chart.Extent{W: float64(ms.Width) + 4, H: float64(ms.Height) + 2}
		}
		area := chart.Rect{X0: float64(l.left) + 1, Y0: float64(l.top) + 1, X1: float64(l.right) - 1, Y1: float64(l.bottom) - 1}
		l.labels = chart.PlaceLabels(area, l.points, sizes, keySize, l.corners[:], []float64{float64(l.mx)}, []float64{float64(l.my)})
	}
	place(0)
	var keys []string
	for i, p := range l.labels {
		if p.Keyed {
			keys = append(keys, fmt.Sprintf("%d %s", p.Key, dots[i].label))
		}
	}
	if len(keys) > 0 { // room under the plot for the key, then place again
		l.key = lang.L("Key: ") + strings.Join(keys, "；")
		rows := int(math.Ceil(float64(fyne.MeasureText(l.key, l.small, fyne.TextStyle{}).Width / max(s.Width-24, 1))))
		place(rows)
		keys = keys[:0]
		for i, p := range l.labels {
			if p.Keyed {
				keys = append(keys, fmt.Sprintf("%d %s", p.Key, dots[i].label))
			}
		}
		l.key = ""
		if len(keys) > 0 {
			l.key = lang.L("Key: ") + strings.Join(keys, "；")
		}
	}
	l.texts = make([]string, len(dots))
	for i, p := range l.labels {
		l.texts[i] = chartLabel(dots[i].label)
		if p.Keyed {
			l.texts[i] = strconv.Itoa(p.Key)
		}
	}
	return l
}

// newIPAScatter plots importance (x, Pearson r) against performance (y, score) with the quadrant lines
// at the means and the quadrant names in the corners: names are 重点改进区 (high importance, low
// performance), 优势保持区, 次要改进区, 过度供给区.
func newIPAScatter(dots []ipaPoint, meanImp, meanPerf float64, names [4]string) fyne.CanvasObject {
	return newChart(fyne.NewSize(360, 280), func(s fyne.Size) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		if len(dots) == 0 || s.Width < 120 || s.Height < 100 {
			return out
		}
		l := layoutIPA(dots, meanImp, meanPerf, names, s)
		left, top, right, bottom, small := l.left, l.top, l.right, l.bottom, l.small
		frame := canvas.NewRectangle(color.Transparent)
		frame.StrokeColor, frame.StrokeWidth = chartMuted(), 1
		frame.Move(fyne.NewPos(left, top))
		frame.Resize(fyne.NewSize(right-left, bottom-top))
		out = append(out, frame)
		out = append(out, chartLine(l.mx, top, l.mx, bottom, chartFG(), 1), chartLine(left, l.my, right, l.my, chartFG(), 1))
		for i, n := range names {
			c := l.corners[i]
			out = append(out, chartText(n, float32(c.X0), float32(c.Y0+c.Y1)/2, chartMuted(), small, fyne.TextAlignLeading))
		}
		out = append(out,
			chartText(fmt.Sprintf("%.2f", l.xmin), left, bottom+12, chartMuted(), small, fyne.TextAlignLeading),
			chartText(fmt.Sprintf("%.2f", l.xmax), right, bottom+12, chartMuted(), small, fyne.TextAlignTrailing),
			chartText(fmt.Sprintf("%.0f", l.ymax), left-4, top+4, chartMuted(), small, fyne.TextAlignTrailing),
			chartText(fmt.Sprintf("%.0f", l.ymin), left-4, bottom-4, chartMuted(), small, fyne.TextAlignTrailing))
		for i, p := range l.labels { // leaders under the points
			if p.Leader {
				pt := l.points[i]
				e := chart.Pos{X: min(max(pt.X, p.Box.X0), p.Box.X1), Y: min(max(pt.Y, p.Box.Y0), p.Box.Y1)}
				out = append(out, chartLine(float32(pt.X), float32(pt.Y), float32(e.X), float32(e.Y), chartMuted(), 1))
			}
		}
		for i, d := range dots {
			c := chartPrimary()
			if d.importance >= meanImp && d.performance < meanPerf {
				c = chartAlert()
			}
			out = append(out, chartDot(float32(l.points[i].X), float32(l.points[i].Y), chart.MarkerRadius, c))
		}
		for i, p := range l.labels {
			out = append(out, labelBox(p.Box, 2))
			t := chartText(l.texts[i], float32(p.Box.X0)+2, float32(p.Box.Y0+p.Box.Y1)/2, chartFG(), small, fyne.TextAlignLeading)
			t.TextStyle.Bold = p.Keyed
			out = append(out, t)
		}
		if l.key != "" {
			key := widget.NewLabel(l.key)
			key.Wrapping = fyne.TextWrapWord
			key.SizeName = theme.SizeNameCaptionText
			key.Move(fyne.NewPos(4, bottom+18))
			key.Resize(fyne.NewSize(s.Width-8, s.Height-bottom-18))
			out = append(out, key)
		}
		return out
	})
}
