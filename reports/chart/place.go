package chart

import (
	"math"
	"sort"
)

// The label placement passes of the SVG drawing, for other drawings of the same charts (the window's
// native charts): pure functions in the caller's units (pixels, y downwards).

// Pos is a point.
type Pos struct{ X, Y float64 }

// Extent is a label box's size.
type Extent struct{ W, H float64 }

// Rect is a box.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether r and o share some area.
func (r Rect) Overlaps(o Rect) bool { return r.box().overlaps(o.box()) }

func (r Rect) box() box { return box{r.X0, r.Y0, r.X1, r.Y1} }

func rectOf(b box) Rect { return Rect{b.x0, b.y0, b.x1, b.y1} }

func ptOf(p Pos) pt { return pt{p.X, p.Y} }

// MarkerRadius is the radius of a scatter point's marker, which PlaceLabels keeps every label clear of.
const MarkerRadius = pointR

// Placement is where a point's label went.
type Placement struct {
	Box Rect
	// Leader: the box is away from its point; draw a line from the point to the box's nearest edge.
	Leader bool
	// Keyed: there was no room for the name; the box holds the point's key number (1, 2, … in point
	// order among the keyed points), and the name goes in a key under the chart.
	Keyed bool
	Key   int
}

// PlaceLabels places the labels of a scatter's points as the SVG does: inside area, clear of every
// marker (radius MarkerRadius), of the fixed boxes (texts already drawn, such as the quadrant names),
// of each other and of the leader lines, avoiding lying across the quadrant lines x = vlines and
// y = hlines. The least crowded points go first, so they keep the place beside their point; the others
// get the nearest free place with a leader line. A point whose name (a box of names[i]) finds no room
// gets a key number instead (a box of keySize(n) for number n), placed the same way.
func PlaceLabels(area Rect, points []Pos, names []Extent, keySize func(n int) Extent, fixed []Rect, vlines, hlines []float64) []Placement {
	pl := &placer{area: area.box(), vx: vlines, hy: hlines}
	for _, p := range points {
		pl.marks = append(pl.marks, box{p.X - pointR, p.Y - pointR, p.X + pointR, p.Y + pointR})
	}
	for _, f := range fixed {
		pl.hard = append(pl.hard, f.box())
	}
	order := make([]int, len(points))
	crowd := make([]int, len(points))
	for i := range points {
		order[i] = i
		for j := range points {
			if i != j && math.Hypot(points[i].X-points[j].X, points[i].Y-points[j].Y) < 60 {
				crowd[i]++
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return crowd[order[a]] < crowd[order[b]] })
	res := make([]Placement, len(points))
	var keyed []int
	for _, k := range order {
		b, leader, ok := pl.place(ptOf(points[k]), names[k].W, names[k].H, false)
		if !ok {
			keyed = append(keyed, k)
			continue
		}
		res[k] = Placement{Box: rectOf(b), Leader: leader}
	}
	sort.Ints(keyed)
	for n, k := range keyed {
		ks := keySize(n + 1)
		c, w, h := ptOf(points[k]), ks.W, ks.H
		b, leader, ok := pl.place(c, w, h, false)
		if !ok { // walled in by other labels: a leader line may then cross them
			b, leader, ok = pl.place(c, w, h, true)
		}
		if !ok { // nowhere at all: on the point's right, even if it covers something
			b = box{c.x + pointR + 2, c.y - h/2, c.x + pointR + 2 + w, c.y + h/2}
			pl.hard = append(pl.hard, b)
		}
		res[k] = Placement{Box: rectOf(b), Leader: leader, Keyed: true, Key: n + 1}
	}
	return res
}

// Segment is a straight line from A to B.
type Segment struct{ A, B Pos }

// RadarValueLabels places a radar's value labels as the SVG does: label i (a box of sizes[i]) goes
// outward along its axis (unit vector axes[i], pointing away from the centre) from its point
// points[i], or inward, or beside the point, wherever it crosses the fewest grid lines (grid) and data
// lines (data), covers no point and no text (texts, and the labels placed before it).
func RadarValueLabels(axes, points []Pos, sizes []Extent, grid, data []Segment, texts []Rect) []Rect {
	obstacles := make([]box, 0, len(texts)+len(points))
	for _, t := range texts {
		obstacles = append(obstacles, t.box())
	}
	pts := make([]pt, len(points))
	for i, p := range points {
		pts[i] = ptOf(p)
	}
	out := make([]Rect, len(points))
	for i := range points {
		b := radarValueBox(ptOf(axes[i]), pts[i], sizes[i].W, sizes[i].H, grid, data, pts, obstacles)
		obstacles = append(obstacles, b)
		out[i] = rectOf(b)
	}
	return out
}

// radarValueBox is the best place for a w×h value label of the point p on the axis u.
func radarValueBox(u, p pt, w, h float64, grid, data []Segment, pts []pt, obstacles []box) box {
	ext := math.Abs(u.x)*w/2 + math.Abs(u.y)*h/2
	nrm := pt{-u.y, u.x}
	extN := math.Abs(nrm.x)*w/2 + math.Abs(nrm.y)*h/2
	var cands []pt
	for _, d := range []float64{5, 9, 13, 18, 24, 31} { // outward
		cands = append(cands, pt{p.x + u.x*(d+ext), p.y + u.y*(d+ext)})
	}
	for _, d := range []float64{5, 9, 13, 18} { // inward
		cands = append(cands, pt{p.x - u.x*(d+ext), p.y - u.y*(d+ext)})
	}
	for _, t := range []float64{0, 10} { // beside the point
		for _, side := range []float64{1, -1} {
			o := side * (extN + 6)
			cands = append(cands, pt{p.x + u.x*t + nrm.x*o, p.y + u.y*t + nrm.y*o})
		}
	}
	best, bestCost := box{}, math.Inf(1)
	for k, cen := range cands {
		b := box{cen.x - w/2, cen.y - h/2, cen.x + w/2, cen.y + h/2}
		cost := float64(k) * 0.5
		for _, o := range obstacles { // texts: never, if it can be helped
			cost += 50 * b.intersect(o).area()
		}
		for _, sg := range grid {
			cost += 3 * b.clipLen(ptOf(sg.A), ptOf(sg.B))
		}
		for _, sg := range data {
			cost += 8 * b.clipLen(ptOf(sg.A), ptOf(sg.B))
		}
		for _, q := range pts {
			if b.grow(3.5).contains(q) {
				cost += 200
			}
		}
		if cost < bestCost {
			best, bestCost = b, cost
		}
	}
	return best
}
