package chart

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Font is the chart text's font list, as the page's ECharts charts use (the SVG carries no font of its
// own and loads none).
const Font = `"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimSun,sans-serif`

// SVG draws c as a standalone SVG document: a fixed viewBox, width 100% so it scales to its box and
// prints sharp, no script, no style sheet, no reference to anything outside it.
func SVG(c Chart) []byte { return svg(layout(c), true) }

// InlineSVG is SVG without the XML namespace attribute, for an <svg> element inside an HTML page (the
// HTML parser puts it in the SVG namespace; the page then names no URL at all).
func InlineSVG(c Chart) []byte { return svg(layout(c), false) }

func svg(s *scene, standalone bool) []byte {
	var b bytes.Buffer
	if standalone {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	b.WriteString(`<svg`)
	if standalone {
		b.WriteString(` xmlns="http://www.w3.org/2000/svg"`)
	}
	fmt.Fprintf(&b, ` viewBox="0 0 %s %s" width="100%%" role="img"`, num(s.w), num(s.h))
	if s.title != "" {
		fmt.Fprintf(&b, ` aria-label="%s"`, esc(s.title))
	}
	fmt.Fprintf(&b, ` font-family="%s" font-size="%s">`+"\n", esc(strings.ReplaceAll(Font, `"`, `'`)), num(labelSize))
	if s.title != "" {
		fmt.Fprintf(&b, "<title>%s</title>\n", esc(s.title))
	}
	fmt.Fprintf(&b, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(s.w), num(s.h))
	for _, p := range s.prims {
		switch p := p.(type) {
		case lineP:
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s"%s`, num(p.a.x), num(p.a.y), num(p.b.x), num(p.b.y), paint("stroke", p.stroke))
			fmt.Fprintf(&b, ` stroke-width="%s"`, num(p.width))
			if p.dash > 0 {
				fmt.Fprintf(&b, ` stroke-dasharray="%s %s"`, num(p.dash), num(p.dash*0.8))
			}
			b.WriteString("/>\n")
		case rectP:
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s"`, num(p.b.x0), num(p.b.y0), num(p.b.x1-p.b.x0), num(p.b.y1-p.b.y0))
			if p.rx > 0 {
				fmt.Fprintf(&b, ` rx="%s"`, num(p.rx))
			}
			b.WriteString(paint("fill", p.fill) + strokeAttrs(p.stroke, p.width) + "/>\n")
		case polyP:
			tag := "polyline"
			if p.closed {
				tag = "polygon"
			}
			var pts []string
			for _, q := range p.pts {
				pts = append(pts, num(q.x)+","+num(q.y))
			}
			fmt.Fprintf(&b, `<%s points="%s"%s%s stroke-linejoin="round"/>`+"\n", tag, strings.Join(pts, " "), paint("fill", p.fill), strokeAttrs(p.stroke, p.width))
		case circleP:
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s"%s%s`, num(p.c.x), num(p.c.y), num(p.r), paint("fill", p.fill), strokeAttrs(p.stroke, p.width))
			if p.tip != "" {
				fmt.Fprintf(&b, "><title>%s</title></circle>\n", esc(p.tip))
			} else {
				b.WriteString("/>\n")
			}
		case textP:
			fmt.Fprintf(&b, `<text x="%s" y="%s"`, num(p.x), num(p.y))
			if p.size != labelSize {
				fmt.Fprintf(&b, ` font-size="%s"`, num(p.size))
			}
			switch p.anchor {
			case middle:
				b.WriteString(` text-anchor="middle"`)
			case end:
				b.WriteString(` text-anchor="end"`)
			}
			if p.bold {
				b.WriteString(` font-weight="bold"`)
			}
			b.WriteString(paint("fill", p.fill) + ">")
			if p.tip != "" {
				fmt.Fprintf(&b, "<title>%s</title>", esc(p.tip))
			}
			if len(p.lines) == 1 {
				b.WriteString(esc(p.lines[0]))
			} else {
				for i, l := range p.lines {
					fmt.Fprintf(&b, `<tspan x="%s" y="%s">%s</tspan>`, num(p.x), num(p.y+float64(i)*p.lead), esc(l))
				}
			}
			b.WriteString("</text>\n")
		}
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// num writes a coordinate with at most two decimals.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func paint(attr string, c rgba) string {
	if c.a == 0 {
		return ` ` + attr + `="none"`
	}
	s := fmt.Sprintf(` %s="#%02x%02x%02x"`, attr, c.r, c.g, c.b)
	if c.a < 1 {
		s += fmt.Sprintf(` %s-opacity="%s"`, attr, num(c.a))
	}
	return s
}

func strokeAttrs(c rgba, w float64) string {
	if c.a == 0 || w <= 0 {
		return ""
	}
	return paint("stroke", c) + fmt.Sprintf(` stroke-width="%s"`, num(w))
}

// esc escapes text for XML content and attribute values.
var esc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace
