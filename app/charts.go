package app

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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

// newRadar draws a radar (spider) chart of values 0–100 on len(pts) axes, with rings at 20, 40 … 100.
func newRadar(pts []radarAxis) fyne.CanvasObject {
	return newChart(fyne.NewSize(280, 240), func(s fyne.Size) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		n := len(pts)
		if n < 3 {
			return out
		}
		cx, cy := s.Width/2, s.Height/2+6
		rad := float32(math.Min(float64(s.Width), float64(s.Height)))/2 - 36
		at := func(i int, v float64) (float32, float32) {
			a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
			r := float64(rad) * v / 100
			return cx + float32(r*math.Cos(a)), cy + float32(r*math.Sin(a))
		}
		for ring := 20.0; ring <= 100; ring += 20 {
			for i := 0; i < n; i++ {
				x1, y1 := at(i, ring)
				x2, y2 := at((i+1)%n, ring)
				out = append(out, chartLine(x1, y1, x2, y2, chartMuted(), 1))
			}
		}
		for i, p := range pts {
			x, y := at(i, 100)
			out = append(out, chartLine(cx, cy, x, y, chartMuted(), 1))
			lx, ly := at(i, 118)
			out = append(out, chartText(p.label, lx, ly, chartFG(), theme.TextSize()*0.9, fyne.TextAlignCenter))
		}
		for i := 0; i < n; i++ {
			a, b := pts[i], pts[(i+1)%n]
			if a.value != nil && b.value != nil {
				x1, y1 := at(i, *a.value)
				x2, y2 := at((i+1)%n, *b.value)
				out = append(out, chartLine(x1, y1, x2, y2, chartPrimary(), 2.5))
			}
		}
		for i, p := range pts {
			if p.value != nil {
				x, y := at(i, *p.value)
				out = append(out, chartDot(x, y, 4, chartPrimary()))
				out = append(out, chartText(fmt.Sprintf("%.1f", *p.value), x, y-12, chartFG(), theme.TextSize()*0.8, fyne.TextAlignCenter))
			}
		}
		return out
	})
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

// newIPAScatter plots importance (x, Pearson r) against performance (y, score) with the quadrant lines
// at the means and the quadrant names in the corners.
func newIPAScatter(dots []ipaPoint, meanImp, meanPerf float64, names [4]string) fyne.CanvasObject {
	return newChart(fyne.NewSize(360, 280), func(s fyne.Size) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		if len(dots) == 0 {
			return out
		}
		xmin, xmax, ymin, ymax := meanImp, meanImp, meanPerf, meanPerf
		for _, d := range dots {
			xmin, xmax = math.Min(xmin, d.importance), math.Max(xmax, d.importance)
			ymin, ymax = math.Min(ymin, d.performance), math.Max(ymax, d.performance)
		}
		padX, padY := math.Max((xmax-xmin)*0.1, 0.05), math.Max((ymax-ymin)*0.1, 2)
		xmin, xmax, ymin, ymax = xmin-padX, xmax+padX, ymin-padY, ymax+padY
		left, top, right, bottom := float32(44), float32(12), s.Width-12, s.Height-30
		px := func(v float64) float32 { return left + float32((v-xmin)/(xmax-xmin))*(right-left) }
		py := func(v float64) float32 { return bottom - float32((v-ymin)/(ymax-ymin))*(bottom-top) }
		frame := canvas.NewRectangle(color.Transparent)
		frame.StrokeColor, frame.StrokeWidth = chartMuted(), 1
		frame.Move(fyne.NewPos(left, top))
		frame.Resize(fyne.NewSize(right-left, bottom-top))
		out = append(out, frame)
		mx, my := px(meanImp), py(meanPerf)
		out = append(out, chartLine(mx, top, mx, bottom, chartFG(), 1), chartLine(left, my, right, my, chartFG(), 1))
		small := theme.TextSize() * 0.8
		// names: 重点改进区 (high importance, low performance), 优势保持区, 次要改进区, 过度供给区.
		out = append(out,
			chartText(names[0], right-4, bottom-10, chartMuted(), small, fyne.TextAlignTrailing),
			chartText(names[1], right-4, top+10, chartMuted(), small, fyne.TextAlignTrailing),
			chartText(names[2], left+4, bottom-10, chartMuted(), small, fyne.TextAlignLeading),
			chartText(names[3], left+4, top+10, chartMuted(), small, fyne.TextAlignLeading))
		out = append(out,
			chartText(fmt.Sprintf("%.2f", xmin), left, bottom+12, chartMuted(), small, fyne.TextAlignLeading),
			chartText(fmt.Sprintf("%.2f", xmax), right, bottom+12, chartMuted(), small, fyne.TextAlignTrailing),
			chartText(fmt.Sprintf("%.0f", ymax), left-4, top+4, chartMuted(), small, fyne.TextAlignTrailing),
			chartText(fmt.Sprintf("%.0f", ymin), left-4, bottom-4, chartMuted(), small, fyne.TextAlignTrailing))
		for _, d := range dots {
			x, y := px(d.importance), py(d.performance)
			c := chartPrimary()
			if d.importance >= meanImp && d.performance < meanPerf {
				c = chartAlert()
			}
			out = append(out, chartDot(x, y, 5, c), chartText(chartLabel(d.label), x+8, y, chartFG(), small, fyne.TextAlignLeading))
		}
		return out
	})
}
