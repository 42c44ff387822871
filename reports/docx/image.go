package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strconv"
	"strings"
)

// pngAspect decodes the whole PNG (a truncated file would show as a broken picture in Word) and
// returns its height/width ratio.
func pngAspect(data []byte) (float64, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return 0, fmt.Errorf("png: %w", err)
	}
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return 0, errors.New("png: empty image")
	}
	return float64(b.Dy()) / float64(b.Dx()), nil
}

// svgAspect checks that data is a well-formed XML document whose root is <svg> and returns the
// height/width ratio from its viewBox or width and height (0 when it states neither).
func svgAspect(data []byte) (float64, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	aspect, root := 0.0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, fmt.Errorf("svg: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || root {
			continue
		}
		root = true
		if se.Name.Local != "svg" {
			return 0, fmt.Errorf("svg: root element is <%s>", se.Name.Local)
		}
		var w, h float64
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "viewBox":
				f := strings.FieldsFunc(a.Value, func(r rune) bool { return r == ' ' || r == ',' })
				if len(f) == 4 {
					vw, e1 := strconv.ParseFloat(f[2], 64)
					vh, e2 := strconv.ParseFloat(f[3], 64)
					if e1 == nil && e2 == nil && vw > 0 && vh > 0 {
						aspect = vh / vw
					}
				}
			case "width":
				w = length(a.Value)
			case "height":
				h = length(a.Value)
			}
		}
		if aspect == 0 && w > 0 && h > 0 {
			aspect = h / w
		}
	}
	if !root {
		return 0, errors.New("svg: no root element")
	}
	return aspect, nil
}

// length reads an SVG length in any absolute unit as a number; percentages and junk are 0.
func length(s string) float64 {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "%") {
		return 0
	}
	s = strings.TrimRight(s, "abcdefghijklmnopqrstuvwxyz")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0
	}
	return f
}
