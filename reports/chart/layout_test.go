package chart

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// checkLabels asserts what a reader needs of a scatter's labels: no two overlap, none covers a point,
// all inside the plot.
func checkLabels(t *testing.T, name string, s *scene) {
	t.Helper()
	for i, a := range s.labels {
		if !a.inside(s.plot) {
			t.Errorf("%s: label %d %v outside the plot %v", name, i, a, s.plot)
		}
		for j, b := range s.labels[:i] {
			if a.overlaps(b) {
				t.Errorf("%s: labels %d and %d overlap: %v %v", name, j, i, b, a)
			}
		}
		for _, p := range s.placed {
			if a.overlaps(box{p.at.x - pointR, p.at.y - pointR, p.at.x + pointR, p.at.y + pointR}) {
				t.Errorf("%s: label %d covers point %d", name, i, p.point)
			}
		}
	}
}

func TestScatterLabelsCrowded(t *testing.T) {
	c := crowded()
	s := layout(c)
	if len(s.labels) != 12 {
		t.Fatalf("%d labels, want 12", len(s.labels))
	}
	checkLabels(t, "crowded", s)
	for _, p := range s.placed {
		if p.num != "" {
			t.Errorf("point %d got a key number; twelve names fit on this plot", p.point)
		}
		if got, want := strings.Join(p.lines, ""), c.Points[p.point].Name; got != want {
			t.Errorf("label %q, want %q", got, want)
		}
	}
	// The sample IPA: every label beside its point, none needing a leader line.
	s = layout(samples["scatter-ipa"])
	checkLabels(t, "ipa", s)
	for _, p := range s.placed {
		if p.leader {
			t.Errorf("ipa point %d: leader line on an uncrowded plot", p.point)
		}
	}
}

// TestScatterLabelsRandom: crowded plots of many sizes and names, the same property.
func TestScatterLabelsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		c := crowded()
		c.Points = nil
		k := 5 + n%25
		spread := 0.5 + r.Float64()*3 // score points around 66
		for i := range k {
			name := strings.Repeat("指标", 1+r.IntN(5))
			if r.IntN(4) == 0 {
				name = fmt.Sprintf("Indicator %d with an English name", i)
			}
			c.Points = append(c.Points, Point{Name: name, X: 66 + (r.Float64()*2-1)*spread, Y: 0.52 + (r.Float64()*2-1)*spread/100})
		}
		s := layout(c)
		if len(s.labels) != k {
			t.Fatalf("case %d: %d labels for %d points", n, len(s.labels), k)
		}
		checkLabels(t, fmt.Sprintf("case %d (%d points ±%.1f)", n, k, spread), s)
	}
}

// TestScatterKey: when there is no room at all, points get numbers and a key below the plot, still
// with no overlap.
func TestScatterKey(t *testing.T) {
	c := crowded()
	c.Points = nil
	for i := range 80 {
		c.Points = append(c.Points, Point{Name: fmt.Sprintf("第%d项指标名称较长的一项", i+1), X: 66 + float64(i%9)*0.1, Y: 0.52 + float64(i/9)*0.001})
	}
	s := layout(c)
	checkLabels(t, "80 points", s)
	keyed := 0
	for _, p := range s.placed {
		if p.num != "" {
			keyed++
		}
	}
	if keyed == 0 {
		t.Fatal("80 long names on one spot all found room; the key was not exercised")
	}
	svg := string(SVG(c))
	if !strings.Contains(svg, "注：1 ") {
		t.Error("no key under the chart")
	}
	for _, p := range c.Points {
		if !strings.Contains(svg, p.Name) {
			t.Errorf("%q is neither a label nor in the key", p.Name)
		}
	}
}

// TestRadarLabelsOffGrid: every value label sits clear of the ring it lies on, of its point and of
// the other texts, even when the value is exactly on a ring (80, 60, 100).
func TestRadarLabelsOffGrid(t *testing.T) {
	for _, name := range []string{"radar", "radar-grid", "radar-five"} {
		c := samples[name]
		s := layout(c)
		var texts []box
		for _, p := range s.prims {
			if tp, ok := p.(textP); ok && !strings.ContainsAny(tp.lines[0], "0123456789无") {
				_, b := textBlock(tp.x, tp.y-tp.lead/2-baseline*tp.size, tp.lines, tp.size, tp.anchor, tp.fill)
				texts = append(texts, b)
			}
		}
		var points []pt
		for _, p := range s.prims {
			if cp, ok := p.(circleP); ok && cp.r < 5 && cp.fill.a > 0 {
				points = append(points, cp.c)
			}
		}
		if len(s.labels) != len(c.Items) {
			t.Fatalf("%s: %d labels", name, len(s.labels))
		}
		for i, b := range s.labels {
			for _, p := range points {
				if b.grow(2).contains(p) {
					t.Errorf("%s: label %d covers a point", name, i)
				}
			}
			for _, o := range texts {
				if b.overlaps(o) {
					t.Errorf("%s: label %d overlaps the text at %v", name, i, o)
				}
			}
			for j, o := range s.labels[:i] {
				if b.overlaps(o) {
					t.Errorf("%s: labels %d and %d overlap", name, j, i)
				}
			}
			// The ring through the labelled value does not cross the label's digits.
			if v := c.Items[i].Value; !c.Items[i].Missing && math.Mod(v, 20) == 0 && v > 0 {
				ring := rings(s)[int(v/20)-1]
				inner := b.grow(-2)
				for k := range ring {
					if l := inner.clipLen(ring[k], ring[(k+1)%len(ring)]); l > 0 {
						t.Errorf("%s: label %d (%v) sits on its ring (%.1f px)", name, i, v, l)
					}
				}
			}
		}
	}
}

// rings are the radar's five grid polygons, inner first.
func rings(s *scene) [][]pt {
	var rs [][]pt
	for _, p := range s.prims {
		if pp, ok := p.(polyP); ok && pp.fill.a == 0 && pp.closed {
			rs = append(rs, pp.pts)
		}
	}
	return rs
}

// TestHBarNames: whole names, wrapped rather than cut, no line wider than the name column, values at
// the bar ends.
func TestHBarNames(t *testing.T) {
	c := samples["hbar-problems"]
	s := layout(c)
	lw := hbarLabelWidth(c)
	var names []string
	for _, p := range s.prims {
		tp, ok := p.(textP)
		if !ok || tp.anchor != end || tp.size != labelSize {
			continue
		}
		for _, l := range tp.lines {
			if w := textWidth(l, labelSize); w > lw+0.01 {
				t.Errorf("line %q is %.0f px wide, column %.0f", l, w, lw)
			}
		}
		if tp.tip != "" {
			t.Errorf("name %q was cut", tp.tip)
		}
		names = append(names, strings.Join(tp.lines, ""))
	}
	if len(names) != len(c.Items) {
		t.Fatalf("%d names drawn, want %d", len(names), len(c.Items))
	}
	for i, it := range c.Items {
		if names[i] != it.Name {
			t.Errorf("name %d drawn as %q, want %q", i, names[i], it.Name)
		}
	}
	svg := string(SVG(c))
	for _, v := range []string{">46.3%<", ">8.0%<", ">6.2%<"} {
		if !strings.Contains(svg, v) {
			t.Errorf("value label %s missing", v)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		w     float64
		lines int
		want  []string
		cut   bool
	}{
		{"执行过程", 100, 2, []string{"执行过程"}, false},
		{"政策宣传解读", 39, 0, []string{"政策宣", "传解读"}, false},
		{"申请材料多、重复提交", 65, 0, []string{"申请材料", "多、重复提", "交"}, false}, // "、" never starts a line
		{"Online system hard to use", 80, 0, []string{"Online", "system hard", "to use"}, false},
		{"一二三四五六七八九十", 39, 2, []string{"一二三", "四五…"}, true},
		{"  a\n\tb\u202e c\x00 ", 100, 0, []string{"a b c"}, false},
	} {
		got, cut := wrap(tc.in, 13, tc.w, tc.lines)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || cut != tc.cut {
			t.Errorf("wrap(%q, %v) = %q %v, want %q %v", tc.in, tc.w, got, cut, tc.want, tc.cut)
		}
		for _, l := range got {
			if textWidth(l, 13) > tc.w+0.01 {
				t.Errorf("wrap(%q): line %q wider than %v", tc.in, l, tc.w)
			}
		}
	}
	if got, _ := wrapBalanced("政策条款看不懂工作人员解释不清楚需要多次往返窗口咨询", 13, 258, 3); len(got) != 2 || math.Abs(float64(len([]rune(got[0]))-len([]rune(got[1])))) > 1 {
		t.Errorf("wrapBalanced: %q, want two lines of about equal length", got)
	}
}

func TestTicks(t *testing.T) {
	lo, hi, step := axisRange(Axis{}, []float64{55.4, 80.8, 65.6}, 7)
	if lo != 50 || hi != 85 || step != 5 {
		t.Errorf("performance axis %v–%v step %v, want 50–85 step 5", lo, hi, step)
	}
	lo, hi, step = axisRange(Axis{}, []float64{0.474, 0.556, 0.525}, 6)
	if math.Abs(lo-0.46) > 1e-9 || math.Abs(hi-0.58) > 1e-9 || math.Abs(step-0.02) > 1e-9 {
		t.Errorf("importance axis %v–%v step %v, want 0.46–0.58 step 0.02", lo, hi, step)
	}
	if d := stepDigits(0.025); d != 3 {
		t.Errorf("stepDigits(0.025) = %d", d)
	}
	if got := hbarMax(46.3); got != 50 {
		t.Errorf("hbarMax(46.3) = %v", got)
	}
	if got := fmtNum(-0.01, 1); got != "0.0" {
		t.Errorf("fmtNum(-0.01, 1) = %q", got)
	}
}
