package chart

import (
	"math"
	"sort"
	"strconv"
)

const (
	pointR     = 5.0
	pointSize  = 12.0 // label font
	plotHeight = 340.0
)

// quadrantFill and quadrantInk colour the four areas (top-left, top-right, bottom-left, bottom-right) as
// the page's ECharts chart does: 重点改进 red, 优势保持 green, 次要改进 amber, 过度供给 blue.
var (
	quadrantFill = [4]rgba{hex("#b22222").alpha(0.08), hex("#1a7f37").alpha(0.08), hex("#9a6700").alpha(0.07), hex("#5470c6").alpha(0.07)}
	quadrantInk  = [4]rgba{hex("#9b2c2c"), hex("#1f6b3a"), hex("#7a5a10"), hex("#3f57a0")}
)

// axisRange is an axis' extent and tick step: fixed by a, or fitted around vals on round ticks.
func axisRange(a Axis, vals []float64, n int) (lo, hi, step float64) {
	if a.Min < a.Max {
		return a.Min, a.Max, niceStep(a.Max-a.Min, n)
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	span := hi - lo
	if span <= 0 {
		span = max(math.Abs(hi)*0.1, 1e-3)
	}
	lo, hi = lo-span*0.12, hi+span*0.12
	step = niceStep(hi-lo, n)
	return math.Floor(lo/step+1e-9) * step, math.Ceil(hi/step-1e-9) * step, step
}

// scatterAxes are the ranges both the SVG and the ECharts options use.
func scatterAxes(c Chart) (xlo, xhi, xstep, ylo, yhi, ystep float64) {
	var xs, ys []float64
	for _, p := range c.Points {
		x, okx := finite(p.X)
		y, oky := finite(p.Y)
		if okx && oky {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	if q := c.Quadrants; q != nil {
		if x, ok := finite(q.X); ok {
			xs = append(xs, x)
		}
		if y, ok := finite(q.Y); ok {
			ys = append(ys, y)
		}
	}
	if len(xs) == 0 {
		xs, ys = []float64{0, 1}, []float64{0, 1}
	}
	xlo, xhi, xstep = axisRange(c.X, xs, 7)
	ylo, yhi, ystep = axisRange(c.Y, ys, 6)
	return
}

func (s *scene) scatter(c Chart, top float64) {
	xlo, xhi, xstep, ylo, yhi, ystep := scatterAxes(c)
	lead := labelSize * leading
	tickLead := tickSize * leading

	yTicks := ticks(ylo, yhi, ystep)
	yd := stepDigits(ystep)
	tickW := 0.0
	for _, t := range yTicks {
		tickW = max(tickW, textWidth(fmtNum(t, yd), tickSize))
	}
	left := math.Round(12 + tickW + 8)
	right := float64(Width) - 16
	plotTop := top + lead + 10
	bottom := plotTop + plotHeight
	plot := box{left, plotTop, right, bottom}
	px := func(x float64) float64 { return left + (right-left)*min(max((x-xlo)/(xhi-xlo), 0), 1) }
	py := func(y float64) float64 { return bottom - (bottom-plotTop)*min(max((y-ylo)/(yhi-ylo), 0), 1) }

	pl := &placer{area: plot.grow(-1)}
	s.plot = plot

	// Quadrant areas first, under everything.
	q := c.Quadrants
	var mx, my float64
	if q != nil {
		mx, my = px(q.X), py(q.Y)
		areas := [4]box{{left, plotTop, mx, my}, {mx, plotTop, right, my}, {left, my, mx, bottom}, {mx, my, right, bottom}}
		for i, a := range areas {
			if a.area() > 0 {
				s.add(rectP{b: a, fill: quadrantFill[i]})
			}
		}
		pl.vx, pl.hy = []float64{mx}, []float64{my}
	}
	s.add(rectP{b: plot, stroke: gridColor, width: 1})

	// Axes and ticks.
	xd := stepDigits(xstep)
	for _, t := range ticks(xlo, xhi, xstep) {
		x := px(t)
		s.add(lineP{a: pt{x, bottom}, b: pt{x, bottom + 4}, stroke: axisColor, width: 1})
		tp, _ := textBlock(x, bottom+5, []string{fmtNum(t, xd)}, tickSize, middle, muted)
		s.add(tp)
	}
	for _, t := range yTicks {
		y := py(t)
		s.add(lineP{a: pt{left - 4, y}, b: pt{left, y}, stroke: axisColor, width: 1})
		tp, _ := textBlock(left-6, y-tickLead/2, []string{fmtNum(t, yd)}, tickSize, end, muted)
		s.add(tp)
	}
	s.add(lineP{a: pt{left, bottom}, b: pt{right, bottom}, stroke: axisColor, width: 1},
		lineP{a: pt{left, plotTop}, b: pt{left, bottom}, stroke: axisColor, width: 1})
	yName, yCut := wrap(c.Y.Name, tickSize, Width/2-20, 1)
	yt, yb := textBlock(12, plotTop-tickLead-6, yName, tickSize, start, muted)
	if yCut {
		yt.tip = clean(c.Y.Name)
	}
	s.add(yt)
	xName, xCut := wrap(c.X.Name, tickSize, Width-40, 1)
	xt, xb := textBlock((left+right)/2, bottom+5+tickLead+2, xName, tickSize, middle, muted)
	if xCut {
		xt.tip = clean(c.X.Name)
	}
	s.add(xt)
	s.h = xb.y1 + 10

	// Point positions; markers are obstacles for every text inside the plot.
	type mark struct {
		p    pt
		i    int
		name []string
		cut  bool
	}
	var marks []mark
	for i, p := range c.Points {
		x, okx := finite(p.X)
		y, oky := finite(p.Y)
		if !okx || !oky {
			continue
		}
		m := mark{p: pt{px(x), py(y)}, i: i}
		m.name, m.cut = wrapBalanced(p.Name, pointSize, 150, 2)
		marks = append(marks, m)
		pl.marks = append(pl.marks, box{m.p.x - pointR, m.p.y - pointR, m.p.x + pointR, m.p.y + pointR})
	}

	// The quadrant lines, their labels and the quadrant names.
	if q != nil {
		s.add(lineP{a: pt{mx, plotTop}, b: pt{mx, bottom}, stroke: lineRed, width: 1.2, dash: 5},
			lineP{a: pt{left, my}, b: pt{right, my}, stroke: lineRed, width: 1.2, dash: 5})
		if n := clean(q.XName); n != "" {
			lines, _ := wrap(n+" "+fmtNum(q.X, c.X.Digits), tickSize, 220, 1)
			t, b := textBlock(mx, plotTop-tickLead-3, lines, tickSize, middle, lineRed)
			if b.x0 < yb.x1+8 && len(yName) > 0 { // clear of the y axis name
				t, b = textBlock(yb.x1+8, b.y0, lines, tickSize, start, lineRed)
			}
			if b.x1 > float64(Width)-4 {
				t, _ = textBlock(float64(Width)-4, b.y0, lines, tickSize, end, lineRed)
			}
			s.add(t)
		}
		if n := clean(q.YName); n != "" {
			lines, _ := wrap(n+" "+fmtNum(q.Y, c.Y.Digits), tickSize, 220, 1)
			w, h := linesWidth(lines, tickSize), tickLead
			cands := []box{
				{right - 4 - w, my - 2 - h, right - 4, my - 2}, {right - 4 - w, my + 2, right - 4, my + 2 + h},
				{left + 4, my - 2 - h, left + 4 + w, my - 2}, {left + 4, my + 2, left + 4 + w, my + 2 + h},
			}
			b := pl.first(cands)
			t, _ := textBlock(b.x1, b.y0, lines, tickSize, end, lineRed)
			s.add(t)
			pl.hard = append(pl.hard, b)
		}
		areas := [4]box{{left, plotTop, mx, my}, {mx, plotTop, right, my}, {left, my, mx, bottom}, {mx, my, right, bottom}}
		for i, name := range q.Names {
			lines, cut := wrap(name, labelSize, 200, 1)
			if len(lines) == 0 {
				continue
			}
			w, h := linesWidth(lines, labelSize), lead
			a := areas[i].grow(-5)
			if a.x1-a.x0 < w || a.y1-a.y0 < h {
				continue
			}
			tl := box{a.x0, a.y0, a.x0 + w, a.y0 + h}
			tr := box{a.x1 - w, a.y0, a.x1, a.y0 + h}
			bl := box{a.x0, a.y1 - h, a.x0 + w, a.y1}
			br := box{a.x1 - w, a.y1 - h, a.x1, a.y1}
			// The outer corner first, then the others of the same area.
			cands := [4][]box{{tl, tr, bl, br}, {tr, tl, br, bl}, {bl, br, tl, tr}, {br, bl, tr, tl}}[i]
			b := pl.first(cands)
			s.corners[i] = cornerOf(b, a)
			t, _ := textBlock(b.x0, b.y0, lines, labelSize, start, quadrantInk[i])
			if cut {
				t.tip = clean(name)
			}
			s.add(t)
			pl.hard = append(pl.hard, b)
		}
	}

	// Point labels: the least crowded points first, so they keep the place beside their point; the
	// others get the nearest free place, with a leader line when it is not next to the point.
	order := make([]int, len(marks))
	crowd := make([]int, len(marks))
	for i := range marks {
		order[i] = i
		for j := range marks {
			if i != j && math.Hypot(marks[i].p.x-marks[j].p.x, marks[i].p.y-marks[j].p.y) < 60 {
				crowd[i]++
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return crowd[order[a]] < crowd[order[b]] })
	type placed struct {
		b      box
		leader bool
		num    string // the key number, when no place was found for the name
	}
	res := make([]placed, len(marks))
	var keyed []int
	for _, k := range order {
		m := marks[k]
		w, h := linesWidth(m.name, pointSize)+4, float64(len(m.name))*pointSize*leading+2
		b, leader, ok := pl.place(m.p, w, h, false)
		if !ok {
			keyed = append(keyed, k)
			continue
		}
		res[k] = placed{b: b, leader: leader}
	}
	// Points without room for their name get a number, explained in a key under the chart.
	sort.Ints(keyed)
	for n, k := range keyed {
		num := strconv.Itoa(n + 1)
		w, h := textWidth(num, pointSize)+4, pointSize*leading+2
		b, leader, ok := pl.place(marks[k].p, w, h, false)
		if !ok { // walled in by other labels: a leader line may then cross them
			b, leader, ok = pl.place(marks[k].p, w, h, true)
		}
		if !ok { // nowhere at all: on the point's right, even if it covers something
			b = box{marks[k].p.x + pointR + 2, marks[k].p.y - h/2, marks[k].p.x + pointR + 2 + w, marks[k].p.y + h/2}
			pl.hard = append(pl.hard, b)
		}
		res[k] = placed{b: b, leader: leader, num: num}
	}

	// Leaders under markers, markers under labels.
	for k, m := range marks {
		if r := res[k]; r.leader {
			e := r.b.nearest(m.p)
			d := math.Hypot(e.x-m.p.x, e.y-m.p.y)
			if d > pointR {
				a := pt{m.p.x + (e.x-m.p.x)*pointR/d, m.p.y + (e.y-m.p.y)*pointR/d}
				s.add(lineP{a: a, b: e, stroke: axisColor, width: 0.8})
			}
		}
	}
	for _, m := range marks {
		p := c.Points[m.i]
		tip := clean(p.Name) + "：" + clean(c.X.Name) + " " + fmtNum(p.X, c.X.Digits) + "，" + clean(c.Y.Name) + " " + fmtNum(p.Y, c.Y.Digits)
		s.add(circleP{c: m.p, r: pointR, fill: series, stroke: white, width: 1, tip: tip})
	}
	for k, m := range marks {
		r := res[k]
		s.add(rectP{b: r.b, rx: 2, fill: white.alpha(0.82)})
		lines := m.name
		if r.num != "" {
			lines = []string{r.num}
		}
		t, _ := textBlock(r.b.x0+2, r.b.y0+1, lines, pointSize, start, ink)
		t.bold = r.num != ""
		if m.cut {
			t.tip = clean(c.Points[m.i].Name)
		}
		s.add(t)
		s.labels = append(s.labels, r.b)
		s.placed = append(s.placed, placedLabel{point: m.i, at: m.p, b: r.b, leader: r.leader, lines: lines, num: r.num})
	}
	if len(keyed) > 0 {
		key := ""
		for n, k := range keyed {
			if n > 0 {
				key += "；"
			}
			key += strconv.Itoa(n+1) + " " + clean(c.Points[marks[k].i].Name)
		}
		lines, _ := wrap("注："+key, tickSize, Width-24, 0)
		t, b := textBlock(12, s.h, lines, tickSize, start, ink)
		s.add(t)
		s.h = b.y1 + 10
	}
	s.h = math.Ceil(s.h)
}

// cornerOf tells which corner of area b is in.
func cornerOf(b, area box) int {
	k := 0
	if b.center().x > area.center().x {
		k++
	}
	if b.center().y > area.center().y {
		k += 2
	}
	return k
}

// placer finds room for label boxes inside area, clear of the hard boxes (markers, fixed texts and
// the labels already placed) and of the leader lines drawn so far.
type placer struct {
	area    box
	marks   []box // point markers
	hard    []box // texts
	leaders [][2]pt
	vx, hy  []float64 // quadrant lines: a label across one is allowed but avoided
}

func (p *placer) free(b box) bool {
	if !b.inside(p.area) {
		return false
	}
	g := b.grow(1)
	for _, h := range p.marks {
		if g.overlaps(h) {
			return false
		}
	}
	for _, h := range p.hard {
		if g.overlaps(h) {
			return false
		}
	}
	return true
}

// straddles counts the quadrant lines b lies across (a label there hides which side its point is on).
func (p *placer) straddles(b box) float64 {
	n := 0.0
	for _, x := range p.vx {
		if b.x0 < x && x < b.x1 {
			n++
		}
	}
	for _, y := range p.hy {
		if b.y0 < y && y < b.y1 {
			n++
		}
	}
	return n
}

// first takes the first free candidate (else the first) and reserves it.
func (p *placer) first(cands []box) box {
	for _, b := range cands {
		if p.free(b) {
			return b
		}
	}
	return cands[0]
}

// place finds a w×h box for the label of the point at c: beside it if it can, else the nearest free
// place around it, reached by a leader line that crosses no other label (unless cross). It reserves
// the box.
func (p *placer) place(c pt, w, h float64, cross bool) (b box, leader, ok bool) {
	const g = 3.0
	d := pointR * 0.71
	near := []box{ // beside, then above or below, then at a corner
		{c.x + pointR + g, c.y - h/2, c.x + pointR + g + w, c.y + h/2}, // right
		{c.x - pointR - g - w, c.y - h/2, c.x - pointR - g, c.y + h/2}, // left
		{c.x - w/2, c.y - pointR - g - h, c.x + w/2, c.y - pointR - g}, // above
		{c.x - w/2, c.y + pointR + g, c.x + w/2, c.y + pointR + g + h}, // below
		{c.x + d + 1, c.y - d - g - h, c.x + d + 1 + w, c.y - d - g},   // above right
		{c.x + d + 1, c.y + d + g, c.x + d + 1 + w, c.y + d + g + h},   // below right
		{c.x - d - 1 - w, c.y - d - g - h, c.x - d - 1, c.y - d - g},   // above left
		{c.x - d - 1 - w, c.y + d + g, c.x - d - 1, c.y + d + g + h},   // below left
	}
	best, bestCost := box{}, math.Inf(1)
	for i, b := range near {
		if !p.free(b) {
			continue
		}
		if cost := float64(i)*0.4 + 3*p.straddles(b); cost < bestCost {
			best, bestCost = b, cost
		}
	}
	if !math.IsInf(bestCost, 1) {
		p.hard = append(p.hard, best)
		return best, false, true
	}
	const angles = 24
	for rho := 8.0; rho <= 400; rho += 8 {
		var bestLeader [2]pt
		for k := range angles {
			th := 2 * math.Pi * float64(k) / angles
			u := pt{math.Cos(th), math.Sin(th)}
			ext := math.Abs(u.x)*w/2 + math.Abs(u.y)*h/2
			cen := pt{c.x + u.x*(pointR+rho+ext), c.y + u.y*(pointR+rho+ext)}
			b := box{cen.x - w/2, cen.y - h/2, cen.x + w/2, cen.y + h/2}
			if !p.free(b) {
				continue
			}
			e := b.nearest(c)
			ln := [2]pt{c, e}
			cost := 0.05*float64(min(k, angles-k)) + 3*p.straddles(b)
			// The leader may pass another point's marker (avoided), never a text.
			for _, o := range p.marks {
				if !o.contains(c) && o.clipLen(c, e) > 0 {
					cost += 2
				}
			}
			blocked := false
			for _, o := range p.hard {
				if o.clipLen(c, e) > 0 {
					blocked = !cross
					cost += 10
				}
			}
			if blocked {
				continue
			}
			for _, l := range p.leaders {
				if crosses(ln[0], ln[1], l[0], l[1]) {
					cost += 4
				}
			}
			if cost < bestCost {
				best, bestCost, bestLeader = b, cost, ln
			}
		}
		if !math.IsInf(bestCost, 1) {
			p.hard = append(p.hard, best)
			p.leaders = append(p.leaders, bestLeader)
			return best, true, true
		}
	}
	return box{}, false, false
}

// crosses reports whether segments a–b and c–d properly intersect.
func crosses(a, b, c, d pt) bool {
	o := func(p, q, r pt) float64 { return (q.x-p.x)*(r.y-p.y) - (q.y-p.y)*(r.x-p.x) }
	return o(a, b, c)*o(a, b, d) < 0 && o(c, d, a)*o(c, d, b) < 0
}
