package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// PNG draws c as the SVG draws it, rasterised at scale device pixels per CSS pixel (2 for a Word
// document printed at 300 dpi on a 16 cm column is about right). The text needs a system font with
// Chinese glyphs; without one it returns a *NoFontError.
func PNG(c Chart, scale float64) ([]byte, error) {
	if !(scale > 0 && scale <= 8) {
		return nil, fmt.Errorf("chart png: scale %v out of range (0, 8]", scale)
	}
	f, err := cjkFont()
	if err != nil {
		return nil, err
	}
	img := rasterise(layout(c), scale, f.f)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("chart png: %w", err)
	}
	return b.Bytes(), nil
}

type raster struct {
	dst *image.RGBA
	k   float64 // device pixels per CSS pixel
	f   *sfnt.Font
	buf sfnt.Buffer
	z   vector.Rasterizer
}

func rasterise(s *scene, k float64, f *sfnt.Font) *image.RGBA {
	w, h := int(math.Ceil(s.w*k)), int(math.Ceil(s.h*k))
	r := &raster{dst: image.NewRGBA(image.Rect(0, 0, w, h)), k: k, f: f}
	for i := range r.dst.Pix {
		r.dst.Pix[i] = 0xff
	}
	for _, p := range s.prims {
		switch p := p.(type) {
		case lineP:
			if p.dash > 0 {
				r.fill(p.stroke, dashes(p.a, p.b, p.dash, p.dash*0.8, p.width/2)...)
			} else {
				r.fill(p.stroke, segment(p.a, p.b, p.width/2))
			}
		case rectP:
			outer := roundRect(p.b, p.rx)
			r.fill(p.fill, outer)
			if p.stroke.a > 0 && p.width > 0 {
				in := p.b.grow(-p.width / 2)
				out := p.b.grow(p.width / 2)
				r.fill(p.stroke, orient(roundRect(out, p.rx), true), orient(roundRect(in, max(0, p.rx-p.width)), false))
			}
		case polyP:
			if p.closed {
				r.fill(p.fill, p.pts)
			}
			if p.stroke.a > 0 && p.width > 0 {
				var parts [][]pt
				n := len(p.pts)
				for i := range n {
					if i == n-1 && !p.closed {
						break
					}
					parts = append(parts, segment(p.pts[i], p.pts[(i+1)%n], p.width/2))
				}
				for _, q := range p.pts { // round joins
					parts = append(parts, circle(q, p.width/2))
				}
				r.fill(p.stroke, parts...)
			}
		case circleP:
			r.fill(p.fill, circle(p.c, p.r))
			if p.stroke.a > 0 && p.width > 0 {
				r.fill(p.stroke, circle(p.c, p.r+p.width/2), orient(circle(p.c, max(0, p.r-p.width/2)), false))
			}
		case textP:
			r.text(p)
		}
	}
	return r.dst
}

// fill paints the union of the polygons (all turned the same way, so overlaps add up rather than
// cancel; a polygon turned the other way cuts a hole).
func (r *raster) fill(c rgba, polys ...[]pt) {
	if c.a == 0 {
		return
	}
	bb := image.Rectangle{Min: image.Pt(math.MaxInt32, math.MaxInt32), Max: image.Pt(math.MinInt32, math.MinInt32)}
	for _, pl := range polys {
		for _, q := range pl {
			x, y := q.x*r.k, q.y*r.k
			bb.Min.X, bb.Min.Y = min(bb.Min.X, int(math.Floor(x))-1), min(bb.Min.Y, int(math.Floor(y))-1)
			bb.Max.X, bb.Max.Y = max(bb.Max.X, int(math.Ceil(x))+1), max(bb.Max.Y, int(math.Ceil(y))+1)
		}
	}
	bb = bb.Intersect(r.dst.Bounds())
	if bb.Empty() {
		return
	}
	r.z.Reset(bb.Dx(), bb.Dy())
	ox, oy := float64(bb.Min.X), float64(bb.Min.Y)
	for _, pl := range polys {
		if len(pl) < 3 {
			continue
		}
		r.z.MoveTo(float32(pl[0].x*r.k-ox), float32(pl[0].y*r.k-oy))
		for _, q := range pl[1:] {
			r.z.LineTo(float32(q.x*r.k-ox), float32(q.y*r.k-oy))
		}
		r.z.ClosePath()
	}
	r.z.Draw(r.dst, bb, image.NewUniform(c.color()), image.Point{})
}

func (c rgba) color() color.Color {
	return color.NRGBA{c.r, c.g, c.b, uint8(math.Round(c.a * 255))}
}

// text draws each line's glyph outlines, placed by the font's own advances (the layout's widths are
// estimates; anchoring uses the real width so centred text is centred).
func (r *raster) text(t textP) {
	size := t.size * r.k
	ppem := fixed.Int26_6(math.Round(size * 64))
	for i, line := range t.lines {
		base := (t.y + float64(i)*t.lead) * r.k
		type glyph struct {
			idx sfnt.GlyphIndex
			x   float64
		}
		var gs []glyph
		x := 0.0
		for _, ch := range line {
			idx, err := r.f.GlyphIndex(&r.buf, ch)
			if err != nil {
				continue
			}
			gs = append(gs, glyph{idx, x})
			adv, err := r.f.GlyphAdvance(&r.buf, idx, ppem, font.HintingNone)
			if err == nil {
				x += float64(adv) / 64
			}
		}
		x0 := t.x * r.k
		switch t.anchor {
		case middle:
			x0 -= x / 2
		case end:
			x0 -= x
		}
		bb := image.Rect(int(x0)-2, int(base-size*1.2)-2, int(x0+x+size/10)+3, int(base+size*0.4)+2).Intersect(r.dst.Bounds())
		if bb.Empty() {
			continue
		}
		r.z.Reset(bb.Dx(), bb.Dy())
		offsets := []float64{0}
		if t.bold { // no bold face loaded: embolden by drawing the outline twice, a little apart
			offsets = append(offsets, size/24)
		}
		for _, g := range gs {
			segs, err := r.f.LoadGlyph(&r.buf, g.idx, ppem, nil)
			if err != nil {
				continue
			}
			for _, dx := range offsets {
				ox := float32(x0 + g.x + dx - float64(bb.Min.X))
				oy := float32(base - float64(bb.Min.Y))
				p := func(a fixed.Point26_6) (float32, float32) { return ox + float32(a.X)/64, oy + float32(a.Y)/64 }
				for k, sg := range segs {
					switch sg.Op {
					case sfnt.SegmentOpMoveTo:
						if k > 0 { // MoveTo does not close the contour before it
							r.z.ClosePath()
						}
						r.z.MoveTo(p(sg.Args[0]))
					case sfnt.SegmentOpLineTo:
						r.z.LineTo(p(sg.Args[0]))
					case sfnt.SegmentOpQuadTo:
						ax, ay := p(sg.Args[0])
						bx, by := p(sg.Args[1])
						r.z.QuadTo(ax, ay, bx, by)
					case sfnt.SegmentOpCubeTo:
						ax, ay := p(sg.Args[0])
						bx, by := p(sg.Args[1])
						cx, cy := p(sg.Args[2])
						r.z.CubeTo(ax, ay, bx, by, cx, cy)
					}
				}
				r.z.ClosePath()
			}
		}
		r.z.Draw(r.dst, bb, image.NewUniform(t.fill.color()), image.Point{})
	}
}

// measure is the real advance width of s at size px in f (for tests of the layout's estimates).
func measure(f *sfnt.Font, s string, size float64) float64 {
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(math.Round(size * 64))
	w := 0.0
	for _, ch := range s {
		idx, err := f.GlyphIndex(&buf, ch)
		if err != nil {
			continue
		}
		if adv, err := f.GlyphAdvance(&buf, idx, ppem, font.HintingNone); err == nil {
			w += float64(adv) / 64
		}
	}
	return w
}

// ---- geometry: every stroke becomes polygons ----

// orient turns pl counter-clockwise on screen (positive area) when ccw, else clockwise.
func orient(pl []pt, ccw bool) []pt {
	a := 0.0
	for i := range pl {
		j := (i + 1) % len(pl)
		a += pl[i].x*pl[j].y - pl[j].x*pl[i].y
	}
	if (a > 0) != ccw {
		out := make([]pt, len(pl))
		for i, q := range pl {
			out[len(pl)-1-i] = q
		}
		return out
	}
	return pl
}

// segment is the rectangle of a line from a to b, hw either side (butt ends).
func segment(a, b pt, hw float64) []pt {
	d := math.Hypot(b.x-a.x, b.y-a.y)
	if d == 0 {
		return nil
	}
	nx, ny := -(b.y-a.y)/d*hw, (b.x-a.x)/d*hw
	return orient([]pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}, true)
}

// dashes are the segments of a dashed line (dash on, gap off), as SVG's stroke-dasharray draws it.
func dashes(a, b pt, on, off, hw float64) [][]pt {
	d := math.Hypot(b.x-a.x, b.y-a.y)
	var out [][]pt
	for t := 0.0; t < d; t += on + off {
		e := min(t+on, d)
		out = append(out, segment(pt{a.x + (b.x-a.x)*t/d, a.y + (b.y-a.y)*t/d}, pt{a.x + (b.x-a.x)*e/d, a.y + (b.y-a.y)*e/d}, hw))
	}
	return out
}

func circle(c pt, r float64) []pt {
	if r <= 0 {
		return nil
	}
	n := 16 + int(r*2)
	pl := make([]pt, n)
	for i := range n {
		th := 2 * math.Pi * float64(i) / float64(n)
		pl[i] = pt{c.x + r*math.Cos(th), c.y + r*math.Sin(th)}
	}
	return orient(pl, true)
}

func roundRect(b box, rx float64) []pt {
	rx = min(rx, (b.x1-b.x0)/2, (b.y1-b.y0)/2)
	if rx <= 0 {
		return orient([]pt{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}}, true)
	}
	var pl []pt
	corners := [4]struct{ cx, cy, th float64 }{{b.x1 - rx, b.y0 + rx, -math.Pi / 2}, {b.x1 - rx, b.y1 - rx, 0}, {b.x0 + rx, b.y1 - rx, math.Pi / 2}, {b.x0 + rx, b.y0 + rx, math.Pi}}
	for _, c := range corners {
		for i := 0; i <= 6; i++ {
			th := c.th + math.Pi/2*float64(i)/6
			pl = append(pl, pt{c.cx + rx*math.Cos(th), c.cy + rx*math.Sin(th)})
		}
	}
	return orient(pl, true)
}
