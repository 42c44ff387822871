package chart

import (
	"math"
)

// Width is every chart's width in CSS pixels: the report's text column (A4 less margins, 180 mm) at
// 96 dpi, so the SVG's 13 px labels print at about the size of the body text.
const Width = 680

const (
	titleSize = 16
	labelSize = 13
	tickSize  = 12
)

// layout lays out c into a scene.
func layout(c Chart) *scene {
	c = c.norm()
	s := &scene{w: Width, title: clean(c.Title)}
	top := s.titleBlock(c.Title)
	if c.Empty() {
		t, b := textBlock(Width/2, top+40, []string{"暂无数据"}, labelSize, middle, muted)
		s.add(t)
		s.h = b.y1 + 40
		return s
	}
	switch c.Kind {
	case Radar:
		s.radar(c, top)
	case HBar:
		s.hbar(c, top)
	case Scatter:
		s.scatter(c, top)
	}
	return s
}

// titleBlock draws the title (at most two lines) and returns where the chart below it starts.
func (s *scene) titleBlock(title string) float64 {
	lines, cut := wrap(title, titleSize, Width-40, 2)
	if len(lines) == 0 {
		return 8
	}
	t, b := textBlock(Width/2, 8, lines, titleSize, middle, ink)
	t.bold = true
	if cut {
		t.tip = clean(title)
	}
	s.add(t)
	return b.y1 + 6
}

// ---- radar ----

func (s *scene) radar(c Chart, top float64) {
	n := len(c.Items)
	mx := c.Max
	if mx <= 0 {
		mx = 100
	}
	const R = 130.0
	type axis struct {
		u     pt // unit vector outwards
		lines []string
		cut   bool
	}
	axes := make([]axis, n)
	for i, it := range c.Items {
		// First axis on top, the others counter-clockwise, as ECharts draws them.
		th := -math.Pi/2 - 2*math.Pi*float64(i)/float64(n)
		axes[i].u = pt{math.Cos(th), math.Sin(th)}
		if math.Abs(axes[i].u.x) < 1e-9 {
			axes[i].u.x = 0
		}
		axes[i].lines, axes[i].cut = wrapBalanced(it.Name, labelSize, 150, 2)
	}
	lead := labelSize * leading
	cx := float64(Width) / 2
	cy := top + 26 + lead*float64(max(1, len(axes[0].lines))) + R
	at := func(i int, r float64) pt { return pt{cx + axes[i].u.x*r, cy + axes[i].u.y*r} }

	// Grid: five rings and the axes.
	var ringSegs [][2]pt
	for k := 1; k <= 5; k++ {
		r := R * float64(k) / 5
		if n >= 3 {
			pts := make([]pt, n)
			for i := range n {
				pts[i] = at(i, r)
			}
			s.add(polyP{pts: pts, closed: true, stroke: gridColor, width: 1})
			for i := range n {
				ringSegs = append(ringSegs, [2]pt{pts[i], pts[(i+1)%n]})
			}
		} else {
			s.add(circleP{c: pt{cx, cy}, r: r, stroke: gridColor, width: 1})
		}
	}
	for i := range n {
		s.add(lineP{a: pt{cx, cy}, b: at(i, R), stroke: axisColor.alpha(0.6), width: 1})
	}

	var obstacles []box
	// Axis names just outside the outer ring.
	for i, a := range axes {
		d := R + 10
		if i == 0 { // clear of the scale beside the first axis
			d = R + 22
		}
		p := at(i, d)
		an := middle
		switch {
		case a.u.x > 0.2:
			an = start
		case a.u.x < -0.2:
			an = end
		}
		h := lead * float64(len(a.lines))
		y := p.y - h/2
		switch {
		case a.u.y < -0.5:
			y = p.y - h
		case a.u.y > 0.5:
			y = p.y
		}
		t, b := textBlock(p.x, y, a.lines, labelSize, an, ink)
		if a.cut {
			t.tip = clean(c.Items[i].Name)
		}
		s.add(t)
		obstacles = append(obstacles, b)
	}
	// The scale on the first axis, small, beside it (drawn over the data area).
	var scale []any
	for k := 1; k <= 5; k++ {
		p := at(0, R*float64(k)/5)
		v := mx * float64(k) / 5
		t, b := textBlock(p.x+4, p.y-11*leading, []string{fmtNum(v, stepDigits(mx/5))}, 11, start, axisColor)
		scale = append(scale, rectP{b: b.grow(1), rx: 2, fill: white.alpha(0.7)}, t)
		obstacles = append(obstacles, b)
	}

	// The values.
	pts := make([]pt, n)
	for i, it := range c.Items {
		v, ok := finite(it.Value)
		if it.Missing || !ok {
			v = 0
		}
		pts[i] = at(i, R*min(max(v, 0), mx)/mx)
	}
	var dataSegs [][2]pt
	if n >= 2 {
		s.add(polyP{pts: pts, closed: n >= 3, fill: series.alpha(0.22), stroke: series, width: 2})
		for i := range n {
			if n >= 3 || i == 0 {
				dataSegs = append(dataSegs, [2]pt{pts[i], pts[(i+1)%n]})
			}
		}
	}
	for _, p := range pts {
		s.add(circleP{c: p, r: 3.5, fill: series, stroke: white, width: 1})
	}
	s.add(scale...)

	// Each value's label goes outward along its axis, or inward near the end of the scale, wherever it
	// crosses the fewest grid and data lines; its white background hides what it still covers.
	for i, it := range c.Items {
		text, color := c.valueText(it.Value), ink
		if _, ok := finite(it.Value); it.Missing || !ok {
			text, color = "无数据", muted
		}
		w, h := textWidth(text, labelSize)+8, labelSize*leading+2
		u := axes[i].u
		ext := math.Abs(u.x)*w/2 + math.Abs(u.y)*h/2
		best, bestCost := box{}, math.Inf(1)
		nrm := pt{-u.y, u.x}
		extN := math.Abs(nrm.x)*w/2 + math.Abs(nrm.y)*h/2
		var cands []pt
		for _, d := range []float64{5, 9, 13, 18, 24, 31} { // outward
			cands = append(cands, pt{pts[i].x + u.x*(d+ext), pts[i].y + u.y*(d+ext)})
		}
		for _, d := range []float64{5, 9, 13, 18} { // inward
			cands = append(cands, pt{pts[i].x - u.x*(d+ext), pts[i].y - u.y*(d+ext)})
		}
		for _, t := range []float64{0, 10} { // beside the point
			for _, side := range []float64{1, -1} {
				o := side * (extN + 6)
				cands = append(cands, pt{pts[i].x + u.x*t + nrm.x*o, pts[i].y + u.y*t + nrm.y*o})
			}
		}
		for k, cen := range cands {
			b := box{cen.x - w/2, cen.y - h/2, cen.x + w/2, cen.y + h/2}
			cost := float64(k) * 0.5
			for _, o := range obstacles { // texts: never, if it can be helped
				cost += 50 * b.intersect(o).area()
			}
			for _, sg := range ringSegs {
				cost += 3 * b.clipLen(sg[0], sg[1])
			}
			for _, sg := range dataSegs {
				cost += 8 * b.clipLen(sg[0], sg[1])
			}
			for _, p := range pts {
				if b.grow(3.5).contains(p) {
					cost += 200
				}
			}
			if cost < bestCost {
				best, bestCost = b, cost
			}
		}
		s.add(rectP{b: best, rx: 3, fill: white.alpha(0.9)})
		t, _ := textBlock(best.x0+w/2, best.y0+1, []string{text}, labelSize, middle, color)
		t.bold = true
		s.add(t)
		obstacles = append(obstacles, best)
		s.labels = append(s.labels, best)
	}
	bottom := 0.0
	for _, o := range obstacles {
		bottom = max(bottom, o.y1)
	}
	s.h = math.Ceil(max(bottom, cy+R) + 14)
}

// ---- horizontal bars ----

func (s *scene) hbar(c Chart, top float64) {
	const (
		pad     = 12.0
		maxRows = 3
	)
	lw := hbarLabelWidth(c)
	x0 := pad + lw + 10
	x1 := float64(Width) - 64
	mx := hbarAxisMax(c)
	step := niceStep(mx, 5)
	lead := labelSize * leading
	y := top + 6
	type row struct {
		lines []string
		cut   bool
		y, h  float64
	}
	rows := make([]row, len(c.Items))
	for i, it := range c.Items {
		rows[i].lines, rows[i].cut = wrapBalanced(it.Name, labelSize, lw, maxRows)
		rows[i].h = max(30, lead*float64(max(1, len(rows[i].lines)))+10)
		rows[i].y = y
		y += rows[i].h
	}
	plotTop, plotBottom := top+6, y
	scale := func(v float64) float64 { return x0 + (x1-x0)*min(max(v, 0), mx)/mx }
	tickDigits := stepDigits(step)
	for _, t := range ticks(0, mx, step) {
		x := scale(t)
		if t > 0 {
			s.add(lineP{a: pt{x, plotTop}, b: pt{x, plotBottom}, stroke: gridColor, width: 1})
		}
		tp, _ := textBlock(x, plotBottom+4, []string{fmtNum(t, tickDigits)}, tickSize, middle, muted)
		s.add(tp)
	}
	if u := clean(c.Unit); u != "" {
		tp, _ := textBlock(x1+14, plotBottom+4, []string{u}, tickSize, start, muted)
		s.add(tp)
	}
	s.add(lineP{a: pt{x0, plotTop}, b: pt{x0, plotBottom}, stroke: axisColor, width: 1})
	for i, it := range c.Items {
		r := rows[i]
		mid := r.y + r.h/2
		t, _ := textBlock(x0-8, mid-lead*float64(len(r.lines))/2, r.lines, labelSize, end, ink)
		if r.cut {
			t.tip = clean(it.Name)
		}
		s.add(t)
		v, ok := finite(it.Value)
		text := c.valueText(v)
		if !ok || it.Missing {
			v, text = 0, "无数据"
		}
		bh := min(20, r.h*0.6)
		xe := scale(v)
		if xe > x0 {
			s.add(rectP{b: box{x0, mid - bh/2, xe, mid + bh/2}, fill: series})
		}
		vw := textWidth(text, tickSize)
		if xe+5+vw <= float64(Width)-4 {
			vt, b := textBlock(xe+5, mid-tickSize*leading/2, []string{text}, tickSize, start, ink)
			s.add(vt)
			s.labels = append(s.labels, b)
		} else { // no room after the bar: inside its end, in white
			vt, b := textBlock(xe-5, mid-tickSize*leading/2, []string{text}, tickSize, end, white)
			s.add(vt)
			s.labels = append(s.labels, b)
		}
	}
	s.h = math.Ceil(plotBottom + 4 + tickSize*leading + 8)
}

// hbarLabelWidth is the width of the category names' column: the longest name, up to 38% of the chart.
func hbarLabelWidth(c Chart) float64 {
	natural := 0.0
	for _, it := range c.Items {
		natural = max(natural, textWidth(clean(it.Name), labelSize))
	}
	return min(max(natural, 40), math.Round(Width*0.38))
}

// hbarAxisMax is the value axis' end: Max, or a round number above the largest value.
func hbarAxisMax(c Chart) float64 {
	if c.Max > 0 {
		return c.Max
	}
	hi := 0.0
	for _, it := range c.Items {
		if v, ok := finite(it.Value); ok && !it.Missing {
			hi = max(hi, v)
		}
	}
	return hbarMax(hi)
}

// hbarMax is the value axis' end for bars up to hi: the next round number above it.
func hbarMax(hi float64) float64 {
	if hi <= 0 {
		return 1
	}
	step := niceStep(hi, 5)
	return math.Ceil(hi*1.0001/step) * step
}
