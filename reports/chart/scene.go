package chart

import (
	"math"
	"strconv"
)

// A chart is laid out once into a scene: a list of drawing primitives in CSS pixels, which the SVG and
// the raster backends both draw, so the two never differ in what they show.

type rgba struct {
	r, g, b uint8
	a       float64 // 0 = none
}

func hex(s string) rgba {
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return rgba{uint8(v >> 16), uint8(v >> 8), uint8(v), 1}
}

func (c rgba) alpha(a float64) rgba { c.a = a; return c }

var (
	none      = rgba{}
	white     = hex("#ffffff")
	ink       = hex("#333333") // text
	muted     = hex("#5b6470") // secondary text
	axisColor = hex("#8a9099")
	gridColor = hex("#e3e6ea")
	series    = hex("#5470c6") // ECharts' first palette colour, as the page's charts
	lineRed   = hex("#b22222")
)

type pt struct{ x, y float64 }

// box is an axis-aligned rectangle.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

func (b box) inside(o box) bool {
	return b.x0 >= o.x0 && b.x1 <= o.x1 && b.y0 >= o.y0 && b.y1 <= o.y1
}

func (b box) contains(p pt) bool { return p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1 }

func (b box) grow(d float64) box { return box{b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d} }

func (b box) area() float64 { return max(0, b.x1-b.x0) * max(0, b.y1-b.y0) }

func (b box) intersect(o box) box {
	return box{max(b.x0, o.x0), max(b.y0, o.y0), min(b.x1, o.x1), min(b.y1, o.y1)}
}

func (b box) center() pt { return pt{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2} }

// clipLen is the length of segment a–b inside b (Liang–Barsky).
func (b box) clipLen(p, q pt) float64 {
	t0, t1 := 0.0, 1.0
	dx, dy := q.x-p.x, q.y-p.y
	for _, e := range [4][2]float64{{-dx, p.x - b.x0}, {dx, b.x1 - p.x}, {-dy, p.y - b.y0}, {dy, b.y1 - p.y}} {
		if e[0] == 0 {
			if e[1] < 0 {
				return 0
			}
			continue
		}
		t := e[1] / e[0]
		if e[0] < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return 0
		}
	}
	return (t1 - t0) * math.Hypot(dx, dy)
}

// nearest is the point of b closest to p.
func (b box) nearest(p pt) pt {
	return pt{min(max(p.x, b.x0), b.x1), min(max(p.y, b.y0), b.y1)}
}

type anchor uint8

const (
	start anchor = iota
	middle
	end
)

type (
	lineP struct {
		a, b   pt
		stroke rgba
		width  float64
		dash   float64 // dash and gap length; 0 = solid
	}
	rectP struct {
		b      box
		rx     float64
		fill   rgba
		stroke rgba
		width  float64
	}
	polyP struct {
		pts    []pt
		closed bool
		fill   rgba
		stroke rgba
		width  float64
	}
	circleP struct {
		c      pt
		r      float64
		fill   rgba
		stroke rgba
		width  float64
		tip    string // tooltip (SVG title)
	}
	// textP is one or more lines of text; y is the first line's baseline.
	textP struct {
		x, y   float64
		lines  []string
		size   float64
		lead   float64 // baseline to baseline
		anchor anchor
		bold   bool
		fill   rgba
		tip    string // the whole text when the lines were cut
	}
)

type scene struct {
	w, h   float64
	title  string // accessible name
	prims  []any
	labels []box // the placed label boxes (tests check they never overlap)

	// Scatter only, for the ECharts options to put their labels where the SVG has them.
	plot    box
	placed  []placedLabel
	corners [4]int // where each quadrant's name went: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right
}

// placedLabel is a Scatter point's label as laid out.
type placedLabel struct {
	point  int // index in Chart.Points
	at     pt  // the point
	b      box
	leader bool
	lines  []string
	num    string // the key number standing in for the name, if any
}

func (s *scene) add(p ...any) { s.prims = append(s.prims, p...) }

// Text metrics shared by layout and drawing. The baseline sits 0.36 em below a line's middle, which
// centres CJK ideographs (their body spans about −0.88…+0.12 em around the baseline).
const (
	leading  = 1.3
	baseline = 0.36
)

// textBlock places lines of size px so that their block starts at top; it returns the primitive and
// the block's box (estimated width).
func textBlock(x, top float64, lines []string, size float64, a anchor, fill rgba) (textP, box) {
	lead := size * leading
	t := textP{x: x, y: top + lead/2 + baseline*size, lines: lines, size: size, lead: lead, anchor: a, fill: fill}
	w := linesWidth(lines, size)
	x0 := x
	switch a {
	case middle:
		x0 = x - w/2
	case end:
		x0 = x - w
	}
	return t, box{x0, top, x0 + w, top + lead*float64(len(lines))}
}

// fmtNum formats v with d decimals, never as "-0".
func fmtNum(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	if s[0] == '-' {
		if f, _ := strconv.ParseFloat(s, 64); f == 0 {
			s = s[1:]
		}
	}
	return s
}

// niceStep is a round step (1, 2, 2.5 or 5 × 10ⁿ) dividing span into at most about n parts.
func niceStep(span float64, n int) float64 {
	if span <= 0 || n <= 0 {
		return 1
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*mag >= raw*(1-1e-9) {
			return f * mag
		}
	}
	return 10 * mag
}

// stepDigits is how many decimals the ticks of step need.
func stepDigits(step float64) int {
	for d := 0; d < 8; d++ {
		p := step * math.Pow(10, float64(d))
		if math.Abs(p-math.Round(p)) < 1e-6*math.Max(1, p) {
			return d
		}
	}
	return 8
}

// ticks are the multiples of step from lo to hi.
func ticks(lo, hi, step float64) []float64 {
	var ts []float64
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		ts = append(ts, k*step)
	}
	return ts
}
