package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// The exported placement passes put the labels exactly where the SVG drawing puts them, given the
// same geometry: the window's charts and the report's agree, and a change to one pass shows here.

func TestRadarValueLabelsAsTheSVG(t *testing.T) {
	cases := map[string]Chart{}
	for _, name := range []string{"radar", "radar-grid", "radar-five"} {
		cases[name] = samples[name]
	}
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 40 {
		c := Chart{Kind: Radar}
		for i := range 3 + n%6 {
			v := math.Round(r.Float64()*1000) / 10
			if r.IntN(3) == 0 {
				v = float64(20 * r.IntN(6)) // on a ring
			}
			c.Items = append(c.Items, Item{Name: fmt.Sprintf("维度%d", i+1), Value: v, Missing: r.IntN(9) == 0})
		}
		cases[fmt.Sprintf("random %d", n)] = c
	}
	for name, c := range cases {
		s := layout(c)
		n := len(c.Items)
		var points []Pos
		var grid, data []Segment
		var texts []Rect
		for _, p := range s.prims {
			switch p := p.(type) {
			case circleP:
				if p.r < 5 && p.fill.a > 0 {
					points = append(points, Pos{p.c.x, p.c.y})
				}
			case polyP:
				for i := range p.pts {
					sg := Segment{Pos{p.pts[i].x, p.pts[i].y}, Pos{p.pts[(i+1)%len(p.pts)].x, p.pts[(i+1)%len(p.pts)].y}}
					if p.fill.a == 0 {
						grid = append(grid, sg)
					} else {
						data = append(data, sg)
					}
				}
			case textP:
				if (p.size == labelSize && !p.bold) || p.size == 11 { // axis names and the scale
					_, b := textBlock(p.x, p.y-p.lead/2-baseline*p.size, p.lines, p.size, p.anchor, p.fill)
					texts = append(texts, rectOf(b))
				}
			}
		}
		axes := make([]Pos, n)
		sizes := make([]Extent, n)
		for i, it := range c.Items {
			th := -math.Pi/2 - 2*math.Pi*float64(i)/float64(n)
			axes[i] = Pos{math.Cos(th), math.Sin(th)}
			if math.Abs(axes[i].X) < 1e-9 {
				axes[i].X = 0
			}
			text := c.valueText(it.Value)
			if it.Missing {
				text = "无数据"
			}
			sizes[i] = Extent{textWidth(text, labelSize) + 8, labelSize*leading + 2}
		}
		if len(points) != n {
			t.Fatalf("%s: %d points found in the drawing, want %d", name, len(points), n)
		}
		got := RadarValueLabels(axes, points, sizes, grid, data, texts)
		for i, b := range s.labels {
			if g := got[i]; math.Abs(g.X0-b.x0)+math.Abs(g.Y0-b.y0)+math.Abs(g.X1-b.x1)+math.Abs(g.Y1-b.y1) > 1e-6 {
				t.Errorf("%s: value %d at %v, the SVG has it at %v", name, i, g, b)
			}
		}
	}
}

// scatterGeometry reads back from a laid-out scatter what PlaceLabels needs: the points, the label
// sizes, the texts already in the plot and the quadrant lines.
func scatterGeometry(c Chart, s *scene) (points []Pos, names []Extent, fixed []Rect, vx, hy []float64) {
	for _, p := range s.placed {
		points = append(points, Pos{p.at.x, p.at.y})
		lines, _ := wrapBalanced(c.Points[p.point].Name, pointSize, 150, 2)
		names = append(names, Extent{linesWidth(lines, pointSize) + 4, float64(len(lines))*pointSize*leading + 2})
	}
	for _, p := range s.prims {
		switch p := p.(type) {
		case textP:
			isQuadrant := false
			for _, ink := range quadrantInk {
				isQuadrant = isQuadrant || p.fill == ink
			}
			if p.fill == lineRed || isQuadrant {
				_, b := textBlock(p.x, p.y-p.lead/2-baseline*p.size, p.lines, p.size, p.anchor, p.fill)
				if b.inside(s.plot) {
					fixed = append(fixed, rectOf(b))
				}
			}
		case lineP:
			if p.dash > 0 && p.a.x == p.b.x {
				vx = append(vx, p.a.x)
			} else if p.dash > 0 {
				hy = append(hy, p.a.y)
			}
		}
	}
	return
}

func keySize(n int) Extent {
	return Extent{textWidth(strconv.Itoa(n), pointSize) + 4, pointSize*leading + 2}
}

func TestPlaceLabelsAsTheSVG(t *testing.T) {
	key := crowded()
	key.Points = nil
	for i := range 80 {
		key.Points = append(key.Points, Point{Name: fmt.Sprintf("第%d项指标名称较长的一项", i+1), X: 66 + float64(i%9)*0.1, Y: 0.52 + float64(i/9)*0.001})
	}
	cases := map[string]Chart{"crowded": crowded(), "ipa": samples["scatter-ipa"], "80 points": key}
	r := rand.New(rand.NewPCG(1, 2)) // as TestScatterLabelsRandom
	for n := range 60 {
		c := crowded()
		c.Points = nil
		k := 5 + n%25
		spread := 0.5 + r.Float64()*3
		for i := range k {
			name := strings.Repeat("指标", 1+r.IntN(5))
			if r.IntN(4) == 0 {
				name = fmt.Sprintf("Indicator %d with an English name", i)
			}
			c.Points = append(c.Points, Point{Name: name, X: 66 + (r.Float64()*2-1)*spread, Y: 0.52 + (r.Float64()*2-1)*spread/100})
		}
		cases[fmt.Sprintf("random %d", n)] = c
	}
	for name, c := range cases {
		s := layout(c)
		points, names, fixed, vx, hy := scatterGeometry(c, s)
		got := PlaceLabels(rectOf(s.plot.grow(-1)), points, names, keySize, fixed, vx, hy)
		for k, p := range s.placed {
			g := got[k]
			if g.Box != rectOf(p.b) || g.Leader != p.leader || (p.num != "") != g.Keyed || (g.Keyed && strconv.Itoa(g.Key) != p.num) {
				t.Errorf("%s: point %d placed %+v, the SVG has %v leader %v key %q", name, p.point, g, p.b, p.leader, p.num)
			}
		}
	}
}

// TestPlaceLabelsNoOverlap: in any crowd, no two labels overlap, none covers a marker or a fixed text,
// all stay inside the area (unless even a key number found no place).
func TestPlaceLabelsNoOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	area := Rect{40, 10, 400, 290}
	fixed := []Rect{{44, 14, 110, 30}, {330, 270, 396, 286}}
	for n := range 40 {
		k := 4 + n
		var points []Pos
		var names []Extent
		for range k {
			points = append(points, Pos{220 + (r.Float64()*2-1)*60, 150 + (r.Float64()*2-1)*40})
			names = append(names, Extent{30 + r.Float64()*70, 16})
		}
		got := PlaceLabels(area, points, names, func(n int) Extent { return Extent{8 * float64(len(strconv.Itoa(n))), 16} }, fixed, []float64{220}, []float64{150})
		for i, a := range got {
			if !a.Box.box().inside(area.box()) {
				continue // forced beside its point: allowed only when nothing else was free
			}
			for j, b := range got[:i] {
				if a.Box.Overlaps(b.Box) {
					t.Errorf("%d points: labels %d and %d overlap: %v %v", k, j, i, b.Box, a.Box)
				}
			}
			for j, p := range points {
				if a.Box.Overlaps(Rect{p.X - MarkerRadius, p.Y - MarkerRadius, p.X + MarkerRadius, p.Y + MarkerRadius}) {
					t.Errorf("%d points: label %d covers point %d", k, i, j)
				}
			}
			for _, f := range fixed {
				if a.Box.Overlaps(f) {
					t.Errorf("%d points: label %d covers the fixed text %v", k, i, f)
				}
			}
		}
	}
}
