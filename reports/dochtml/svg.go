package dochtml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// ErrUnsafeSVG is returned for a figure whose SVG holds active or outside content (a script, an
// event attribute, a link, a foreign object) and that has no PNG to show instead.
var ErrUnsafeSVG = errors.New("the figure's SVG holds a script, an event handler or outside content")

const svgNS = "http://www.w3.org/2000/svg"

// svgElements are the elements a chart is drawn with; any other element refuses the picture.
var svgElements = map[string]bool{
	"svg": true, "g": true, "title": true, "desc": true, "rect": true, "line": true, "circle": true, "ellipse": true,
	"polyline": true, "polygon": true, "path": true, "text": true, "tspan": true,
}

// svgAttrs are the presentation attributes kept; others are dropped (an event attribute refuses the picture).
var svgAttrs = map[string]bool{
	"viewBox": true, "preserveAspectRatio": true, "width": true, "height": true, "x": true, "y": true, "dx": true, "dy": true,
	"x1": true, "y1": true, "x2": true, "y2": true, "cx": true, "cy": true, "r": true, "rx": true, "ry": true,
	"points": true, "d": true, "transform": true, "fill": true, "fill-opacity": true, "fill-rule": true, "opacity": true,
	"stroke": true, "stroke-width": true, "stroke-opacity": true, "stroke-dasharray": true, "stroke-linejoin": true,
	"stroke-linecap": true, "font-family": true, "font-size": true, "font-weight": true, "font-style": true,
	"text-anchor": true, "dominant-baseline": true, "role": true, "aria-label": true, "aria-hidden": true,
}

// activeValue matches an attribute value that points somewhere or runs something; such an attribute is dropped.
var activeValue = regexp.MustCompile(`(?i)url\s*\(|javascript|vbscript|expression\s*\(|[a-z]+://|@import`)

// svgPicture is an SVG rebuilt from its allowed parts.
type svgPicture struct {
	root   []xml.Attr // the root's kept attributes but width, height and aria-label
	label  string     // its aria-label
	body   string     // the children, already escaped markup
	aspect float64    // height / width
}

// readSVG parses an SVG and keeps only what draws a picture: the allowed elements with their allowed
// attributes and their text, escaped anew. Comments, processing instructions (the XML declaration)
// and namespace declarations go; a script, event attribute, link or foreign element refuses it.
func readSVG(data []byte) (*svgPicture, error) {
	low := bytes.ToLower(data)
	if bytes.Contains(low, []byte("<script")) || bytes.Contains(low, []byte("<!doctype")) || bytes.Contains(low, []byte("<!entity")) {
		return nil, ErrUnsafeSVG
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var body strings.Builder
	var root *svgPicture
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the figure's SVG cannot be read: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != "" && t.Name.Space != svgNS || !svgElements[t.Name.Local] {
				return nil, ErrUnsafeSVG
			}
			attrs, err := keptAttrs(t.Attr)
			if err != nil {
				return nil, err
			}
			if depth == 0 {
				if root != nil || t.Name.Local != "svg" {
					return nil, errors.New("the figure's SVG has no single svg root")
				}
				root = &svgPicture{}
				for _, a := range attrs {
					switch a.Name.Local {
					case "width", "height":
					case "aria-label":
						root.label = a.Value
					default:
						root.root = append(root.root, a)
					}
				}
				if attr(attrs, "role") == "" {
					root.root = append(root.root, xml.Attr{Name: xml.Name{Local: "role"}, Value: "img"})
				}
				root.aspect = svgAspect(attrs)
				if root.aspect == 0 {
					return nil, errors.New("the figure's SVG has no size (viewBox, or width and height)")
				}
				if viewBox(attrs) == "" {
					root.root = append(root.root, xml.Attr{Name: xml.Name{Local: "viewBox"}, Value: "0 0 " + attr(attrs, "width") + " " + attr(attrs, "height")})
				}
			} else {
				body.WriteString("<" + t.Name.Local)
				writeAttrs(&body, attrs)
				body.WriteString(">")
			}
			depth++
		case xml.EndElement:
			depth--
			if depth > 0 {
				body.WriteString("</" + t.Name.Local + ">")
			}
		case xml.CharData:
			if depth > 0 {
				body.WriteString(template.HTMLEscapeString(string(t)))
			} else if strings.TrimSpace(string(t)) != "" {
				return nil, errors.New("the figure's SVG has text outside its root")
			}
		case xml.Directive:
			return nil, ErrUnsafeSVG
		}
	}
	if root == nil {
		return nil, errors.New("the figure's SVG has no svg root")
	}
	root.body = body.String()
	return root, nil
}

// keptAttrs drops namespace declarations and unknown attributes, and refuses event attributes and links.
func keptAttrs(as []xml.Attr) ([]xml.Attr, error) {
	var out []xml.Attr
	for _, a := range as {
		name := strings.ToLower(a.Name.Local)
		switch {
		case strings.HasPrefix(name, "on") || name == "href" || name == "src" || name == "style":
			return nil, ErrUnsafeSVG
		case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
		case a.Name.Space != "" || !svgAttrs[a.Name.Local] || activeValue.MatchString(a.Value):
		default:
			out = append(out, a)
		}
	}
	return out, nil
}

func writeAttrs(b *strings.Builder, as []xml.Attr) {
	for _, a := range as {
		b.WriteString(" " + a.Name.Local + `="` + template.HTMLEscapeString(a.Value) + `"`)
	}
}

func attr(as []xml.Attr, name string) string {
	for _, a := range as {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

func viewBox(as []xml.Attr) string { return attr(as, "viewBox") }

// svgAspect is height / width from the viewBox, else from numeric width and height; 0 when unknown.
func svgAspect(as []xml.Attr) float64 {
	if vb := strings.FieldsFunc(viewBox(as), func(r rune) bool { return r == ' ' || r == ',' }); len(vb) == 4 {
		w, e1 := strconv.ParseFloat(vb[2], 64)
		h, e2 := strconv.ParseFloat(vb[3], 64)
		if e1 == nil && e2 == nil && w > 0 && h > 0 {
			return h / w
		}
		return 0
	}
	w, e1 := strconv.ParseFloat(strings.TrimSuffix(attr(as, "width"), "px"), 64)
	h, e2 := strconv.ParseFloat(strings.TrimSuffix(attr(as, "height"), "px"), 64)
	if e1 == nil && e2 == nil && w > 0 && h > 0 {
		return h / w
	}
	return 0
}

// html is the picture as inline SVG, wcm × hcm on paper (narrower on a narrow screen), labelled alt.
func (p *svgPicture) html(wcm, hcm float64, alt string) template.HTML {
	var b strings.Builder
	b.WriteString("<svg")
	writeAttrs(&b, p.root)
	b.WriteString(` width="` + strconv.FormatFloat(wcm, 'f', 2, 64) + `cm" height="` + strconv.FormatFloat(hcm, 'f', 2, 64) + `cm"`)
	if alt == "" {
		alt = p.label
	}
	if alt != "" {
		b.WriteString(` aria-label="` + template.HTMLEscapeString(alt) + `"`)
	}
	b.WriteString(">")
	b.WriteString(p.body)
	b.WriteString("</svg>")
	return template.HTML(b.String())
}
