// Package chart draws the report's charts from one neutral definition: as ECharts options for the
// interactive page, as a static SVG (drawn in Go, for pages whose scripts are stripped and for print),
// and as a PNG of the same drawing (for Word documents).
//
// Every text of a Chart may come from an imported file and is treated as untrusted: it is cleaned of
// control characters, escaped in the SVG, and a JSON string (HTML-escaped) in the ECharts options.
package chart

import (
	"fmt"
	"math"
)

// Kind is the type of a chart.
type Kind uint8

const (
	// Radar is a radar (spider) chart of Items on axes from 0 to Max (default 100): 雷达图.
	Radar Kind = iota + 1
	// HBar is a horizontal bar chart of Items, the first on top: 条形图.
	HBar
	// Scatter is a scatter of Points on the X and Y axes, optionally split into four Quadrants
	// (the importance–performance analysis, IPA): 散点图.
	Scatter
)

func (k Kind) String() string {
	switch k {
	case Radar:
		return "radar"
	case HBar:
		return "hbar"
	case Scatter:
		return "scatter"
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Chart is one chart, whatever draws it.
type Chart struct {
	Kind  Kind
	Title string // drawn on top; "" draws none (the page's caption names the chart)
	// Unit of Items' values ("分", "%"): the value axis' name; with "%" every value label ends in "%".
	Unit string
	// Max is the value axis' end for Radar (default 100) and HBar (default: a round number above the
	// largest value).
	Max    float64
	Items  []Item  // Radar axes, HBar bars
	Points []Point // Scatter
	X, Y   Axis    // Scatter axes
	// Quadrants splits a Scatter at the lines X=Quadrants.X and Y=Quadrants.Y (nil: no lines).
	Quadrants *Quadrants
}

// Item is one bar, or one radar axis with its value.
type Item struct {
	Name    string
	Value   float64
	Missing bool // no value (a dimension without data): drawn as 无数据
}

// Point is one point of a Scatter.
type Point struct {
	Name string
	X, Y float64
}

// Axis is a Scatter axis.
type Axis struct {
	Name     string
	Min, Max float64 // both 0: fit to the points and the quadrant line, on round ticks
	Digits   int     // decimals of the values shown (points' tooltips, the quadrant line's label)
}

// Quadrants are a Scatter's two dividing lines and the names of the four areas they make.
type Quadrants struct {
	X, Y         float64
	XName, YName string    // the lines' labels, followed by their value ("表现均值 65.6")
	Names        [4]string // top-left, top-right, bottom-left, bottom-right
}

// Empty reports whether the chart has nothing to draw.
func (c Chart) Empty() bool {
	switch c.Kind {
	case Scatter:
		return len(c.Points) == 0
	}
	return len(c.Items) == 0
}

// Size is the chart's drawing size in CSS pixels (the SVG's viewBox): the width is fixed, the height
// follows the content. The page gives the ECharts box the same height.
func Size(c Chart) (w, h int) {
	s := layout(c)
	return int(s.w), int(math.Ceil(s.h))
}

// valueText is how a value is labelled: one decimal, as the report's tables print it.
func (c Chart) valueText(v float64) string {
	s := fmtNum(v, 1)
	if c.Unit == "%" {
		s += "%"
	}
	return s
}

// norm drops what cannot be drawn: a quadrant split or axis end that is not a number.
func (c Chart) norm() Chart {
	if q := c.Quadrants; q != nil {
		if _, okx := finite(q.X); !okx {
			c.Quadrants = nil
		} else if _, oky := finite(q.Y); !oky {
			c.Quadrants = nil
		}
	}
	if _, ok := finite(c.Max); !ok {
		c.Max = 0
	}
	for _, a := range []*Axis{&c.X, &c.Y} {
		_, ok0 := finite(a.Min)
		_, ok1 := finite(a.Max)
		if !ok0 || !ok1 {
			a.Min, a.Max = 0, 0
		}
	}
	return c
}

// finite replaces NaN and infinities, which no drawing can place.
func finite(v float64) (float64, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}
