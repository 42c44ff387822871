package app

import (
	"math"
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// Tests of the window's charts read what is drawn: the texts, lines and dots of the chart's renderer.

type drawn struct {
	texts []*canvas.Text
	lines []*canvas.Line
	dots  []*canvas.Circle
}

func drawChart(t *testing.T, c fyne.CanvasObject, size fyne.Size) drawn {
	t.Helper()
	test.NewTempApp(t)
	c.Resize(size)
	var d drawn
	for _, o := range test.WidgetRenderer(c.(fyne.Widget)).Objects() {
		switch x := o.(type) {
		case *canvas.Text:
			d.texts = append(d.texts, x)
		case *canvas.Line:
			d.lines = append(d.lines, x)
		case *canvas.Circle:
			d.dots = append(d.dots, x)
		}
	}
	return d
}

type rect struct{ x0, y0, x1, y1 float32 }

func boxOf(o fyne.CanvasObject) rect {
	p, s := o.Position(), o.Size()
	return rect{p.X, p.Y, p.X + s.Width, p.Y + s.Height}
}

func (r rect) overlaps(o rect) bool  { return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1 }
func (r rect) shrink(d float32) rect { return rect{r.x0 + d, r.y0 + d, r.x1 - d, r.y1 - d} }

// crosses reports whether the segment a–b passes through r (sampled finely).
func (r rect) crosses(a, b fyne.Position) bool {
	for k := 0; k <= 200; k++ {
		f := float32(k) / 200
		x, y := a.X+(b.X-a.X)*f, a.Y+(b.Y-a.Y)*f
		if x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1 {
			return true
		}
	}
	return false
}

// A crowded IPA: twelve indicators within a few points and hundredths of each other. No two labels may
// overlap, none may cover a point (the window drew every name to the right of its dot, on top of each
// other).
func TestIPALabelsDoNotOverlap(t *testing.T) {
	var dots []ipaPoint
	names := []string{"政策宣传解读", "办理便捷度", "服务态度与效率", "执行规范性", "细则明确性", "标准合理性",
		"配套措施完备性", "政策获得感", "问题解决程度", "目标实现程度", "诉求响应速度", "信息公开程度"}
	for i, n := range names {
		dots = append(dots, ipaPoint{n, 0.50 + float64(i%4)*0.012, 64 + float64(i/4)*1.1 + float64(i%3)*0.4})
	}
	quadrants := [4]string{"重点改进区", "优势保持区", "次要改进区", "过度供给区"}
	for _, size := range []fyne.Size{fyne.NewSize(360, 280), fyne.NewSize(420, 320), fyne.NewSize(520, 360)} {
		d := drawChart(t, newIPAScatter(dots, 0.52, 65.5, quadrants), size)
		isName := map[string]bool{}
		for _, n := range names {
			isName[chartLabel(n)] = true
		}
		var labels []*canvas.Text
		for _, tx := range d.texts {
			if isName[tx.Text] || regexp.MustCompile(`^\d+$`).MatchString(tx.Text) && tx.TextStyle.Bold {
				labels = append(labels, tx)
			}
		}
		if len(labels) != len(names) {
			t.Fatalf("%v: %d point labels drawn, want %d", size, len(labels), len(names))
		}
		for i, a := range labels {
			ab := boxOf(a).shrink(0.5)
			for _, b := range labels[:i] {
				if ab.overlaps(boxOf(b)) {
					t.Errorf("%v: labels %q %v and %q %v overlap", size, b.Text, boxOf(b), a.Text, ab)
				}
			}
			for _, dot := range d.dots {
				if ab.overlaps(boxOf(dot)) {
					t.Errorf("%v: label %q covers a point at %v", size, a.Text, dot.Position())
				}
			}
			for _, tx := range d.texts {
				for _, q := range quadrants {
					if tx.Text == q && ab.overlaps(boxOf(tx)) {
						t.Errorf("%v: label %q covers the quadrant name %s", size, a.Text, q)
					}
				}
			}
		}
	}
}

// Radar value labels sit off the grid: a value on a ring (60, 80, 100) is not written across that ring
// (the window wrote every value 12 px above its point, on the rings and the outer corners), no value
// covers a point or an axis name, and each has a background drawn over the grid, which hides the lines
// of the smaller rings it may still lie on.
func TestRadarValuesOffTheGrid(t *testing.T) {
	v := func(x float64) *float64 { return &x }
	cases := [][]radarAxis{
		{{"执行过程", v(77.2)}, {"细则标准", v(65.9)}, {"取得成效", v(67.4)}},
		{{"执行过程", v(80)}, {"细则标准", v(60)}, {"取得成效", v(100)}},
		{{"甲", v(40)}, {"乙", v(80)}, {"丙", v(20)}, {"丁", v(60)}, {"戊", v(100)}},
		{{"执行过程", v(71.3)}, {"细则标准", nil}, {"取得成效", v(58.8)}},
	}
	num := regexp.MustCompile(`^\d+\.\d$`)
	for n, axes := range cases {
		for _, size := range []fyne.Size{fyne.NewSize(280, 240), fyne.NewSize(400, 320)} {
			c := newRadar(axes)
			d := drawChart(t, c, size)
			objs := test.WidgetRenderer(c.(fyne.Widget)).Objects()
			isName := map[string]bool{}
			want := 0
			for _, a := range axes {
				isName[a.label] = true
				if a.value != nil {
					want++
				}
			}
			var values, names []*canvas.Text
			for _, tx := range d.texts {
				switch {
				case num.MatchString(tx.Text):
					values = append(values, tx)
				case isName[tx.Text]:
					names = append(names, tx)
				}
			}
			if len(values) != want {
				t.Fatalf("case %d: %d value labels, want %d", n, len(values), want)
			}
			// The rings are the muted lines that do not start at the centre, five per axis.
			cx, cy := size.Width/2, size.Height/2+6
			var rings []*canvas.Line
			for _, l := range d.lines {
				if l.StrokeColor == chartMuted() && math.Hypot(float64(l.Position1.X-cx), float64(l.Position1.Y-cy)) > 1 {
					rings = append(rings, l)
				}
			}
			if len(rings) != 5*len(axes) {
				t.Fatalf("case %d: %d ring lines, want %d", n, len(rings), 5*len(axes))
			}
			k := 0
			for i, a := range axes {
				if a.value == nil {
					continue
				}
				tx := values[k]
				k++
				b := boxOf(tx).shrink(2)
				if r := *a.value; math.Mod(r, 20) == 0 && r > 0 {
					ring := int(r/20) - 1
					for _, l := range rings[ring*len(axes) : (ring+1)*len(axes)] {
						if b.crosses(l.Position1, l.Position2) {
							t.Errorf("case %d %v: value %s of axis %d is written across its own ring", n, size, tx.Text, i)
						}
					}
				}
				for _, nm := range names {
					if b.overlaps(boxOf(nm)) {
						t.Errorf("case %d %v: value %s covers the axis name %s", n, size, tx.Text, nm.Text)
					}
				}
				for _, dot := range d.dots {
					if b.overlaps(boxOf(dot)) {
						t.Errorf("case %d %v: value %s covers a point", n, size, tx.Text)
					}
				}
				// A background under the text, drawn after every grid line.
				lastLine, bg := -1, -1
				for j, o := range objs {
					switch x := o.(type) {
					case *canvas.Line:
						lastLine = j
					case *canvas.Rectangle:
						if boxOf(x).x0 <= b.x0 && boxOf(x).x1 >= b.x1 && boxOf(x).y0 <= b.y0 && boxOf(x).y1 >= b.y1 {
							bg = j
						}
					}
				}
				if bg < lastLine {
					t.Errorf("case %d %v: value %s has no background over the grid", n, size, tx.Text)
				}
			}
		}
	}
}
