package chart

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// hostile are texts an imported file may carry into a chart.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"onload="alert(1)" ' &amp; & <b>粗</b>`,
	`__f__function(){alert(1)}__f__`,
	`]]><![CDATA[<svg onload=alert(1)>`,
	"控制\x00字符\x1b[31m\u202e反向\u2066",
	"bad utf-8 \xff\xfe end",
	`{a} {b} {c} 模板`,
	strings.Repeat("很长的指标名称", 72) + "尾", // 505 characters
	"",
}

func hostileCharts() map[string]Chart {
	items := make([]Item, len(hostile))
	pts := make([]Point, len(hostile))
	for i, s := range hostile {
		items[i] = Item{Name: s, Value: float64(10 * (i + 1))}
		pts[i] = Point{Name: s, X: 60 + float64(i), Y: 0.5 + float64(i)/100}
	}
	t := hostile[0]
	return map[string]Chart{
		"radar":   {Kind: Radar, Title: t, Unit: t, Items: items},
		"hbar":    {Kind: HBar, Title: hostile[7], Unit: t, Items: items},
		"scatter": {Kind: Scatter, Title: t, X: Axis{Name: t}, Y: Axis{Name: hostile[1]}, Points: pts, Quadrants: &Quadrants{X: 64, Y: 0.54, XName: t, YName: hostile[6], Names: [4]string{hostile[0], hostile[1], hostile[3], hostile[7]}}},
		"empty":   {Kind: HBar, Title: t},
	}
}

var (
	anyURL    = regexp.MustCompile(`(?i)(https?|ftp|wss?)://|url\(|javascript:`)
	eventAttr = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
)

// checkSVG asserts the SVG is well-formed XML made only of drawing elements, with every text escaped.
func checkSVG(t *testing.T, name string, b []byte, standalone bool) {
	t.Helper()
	allowed := map[string]bool{"svg": true, "title": true, "rect": true, "line": true, "polyline": true, "polygon": true,
		"circle": true, "text": true, "tspan": true}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if !allowed[se.Name.Local] {
				t.Errorf("%s: element <%s>", name, se.Name.Local)
			}
			for _, a := range se.Attr {
				if a.Name.Local == "style" || a.Name.Local == "href" || strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("%s: attribute %s", name, a.Name.Local)
				}
			}
		}
	}
	s := string(b)
	rest := strings.Replace(s, ` xmlns="http://www.w3.org/2000/svg"`, "", 1)
	if standalone == (rest == s) {
		t.Errorf("%s: xmlns present=%v, want %v", name, rest != s, standalone)
	}
	if m := anyURL.FindString(rest); m != "" {
		t.Errorf("%s: reference %q", name, m)
	}
	if m := eventAttr.FindString(strings.ReplaceAll(rest, "&quot;", "")); m != "" && strings.Contains(rest, "<"+m) {
		t.Errorf("%s: event attribute %q", name, m)
	}
	for _, bad := range []string{"<script", "<b>", "<svg onload", "\x00", "\x1b", "\u202e", "\xff"} {
		if strings.Contains(rest, bad) {
			t.Errorf("%s: contains %q", name, bad)
		}
	}
	if !strings.Contains(s, `width="100%"`) || !strings.Contains(s, `viewBox="0 0 680 `) {
		t.Errorf("%s: not a fixed viewBox at width 100%%", name)
	}
}

func TestHostileSVG(t *testing.T) {
	for name, c := range hostileCharts() {
		svg := SVG(c)
		checkSVG(t, name, svg, true)
		checkSVG(t, name+" inline", InlineSVG(c), false)
		s := string(svg)
		if c.Empty() {
			if !strings.Contains(s, "暂无数据") {
				t.Errorf("%s: empty chart without 暂无数据", name)
			}
			continue
		}
		// The text is shown as text: escaped, complete (a cut name keeps its whole text as the title).
		if !strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: <script> text not shown escaped", name)
		}
		if !strings.Contains(s, "<title>"+strings.Repeat("很长的指标名称", 72)+"尾</title>") {
			t.Errorf("%s: the 505-character name lost its whole text", name)
		}
		if !strings.Contains(s, "控制字符[31m反向") {
			t.Errorf("%s: control characters not dropped cleanly", name)
		}
		if w, h := Size(c); !strings.Contains(s, `viewBox="0 0 `+itoa(w)+" "+itoa(h)+`"`) && !strings.Contains(s, `viewBox="0 0 680 `) {
			t.Errorf("%s: viewBox does not match Size %dx%d", name, w, h)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestHostileECharts(t *testing.T) {
	for name, c := range hostileCharts() {
		o, err := ECharts(c)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(o), &v); err != nil {
			t.Fatalf("%s: not JSON: %v", name, err)
		}
		if strings.ContainsAny(o, "<>") {
			t.Errorf("%s: raw < or > in the options", name)
		}
		if c.Empty() {
			continue
		}
		// The text reaches the options intact, as a string.
		if !strings.Contains(o, `__f__function(){alert(1)}__f__`) {
			t.Errorf("%s: marker text lost", name)
		}
		if !strings.Contains(o, `\u003cscript\u003ealert(1)\u003c/script\u003e`) {
			t.Errorf("%s: <script> text not HTML-escaped JSON", name)
		}
		// A name with template braces is never used as a literal formatter.
		if strings.Contains(o, `"formatter":"{a} {b} {c}`) {
			t.Errorf("%s: braces used as a label template", name)
		}
		tip, _ := v["tooltip"].(map[string]any)
		if tip["renderMode"] != "richText" {
			t.Errorf("%s: tooltip %v, want richText", name, tip)
		}
	}
}

func TestHostilePNG(t *testing.T) {
	needFont(t)
	for name, c := range hostileCharts() {
		if _, err := PNG(c, 1); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestNoFont: without a Chinese font PNG says so with its own error type, for the caller to publish
// the SVG alone.
func TestNoFont(t *testing.T) {
	saved, savedFace, savedErr := fontCandidates, fontFace, fontErr
	defer func() {
		fontCandidates, fontFace, fontErr, fontOnce = saved, savedFace, savedErr, sync.Once{}
		if savedFace != nil || savedErr != nil {
			fontOnce.Do(func() {}) // the saved result stands
		}
	}()
	fontCandidates = func() ([]string, []string) {
		return []string{"/nonexistent/font.ttc", "chart.go"}, []string{"/nonexistent"}
	}
	fontOnce, fontFace, fontErr = sync.Once{}, nil, nil
	_, err := PNG(samples["radar"], 2)
	var nf *NoFontError
	if !errors.As(err, &nf) {
		t.Fatalf("PNG without a font: %v, want *NoFontError", err)
	}
	if len(nf.Searched) != 1 || !strings.Contains(nf.Error(), "字体") {
		t.Errorf("error %q searched %v", nf.Error(), nf.Searched)
	}
	if _, err := PNG(samples["radar"], 0); err == nil {
		t.Error("scale 0 accepted")
	}
}

// TestWidthEstimate: the layout's text widths stay close to a real CJK font's, and never far below
// it (an underestimate is what would make labels overlap).
func TestWidthEstimate(t *testing.T) {
	f := needFont(t)
	for _, s := range []string{"重要性–表现分析（IPA）", "申请材料多、重复提交", "46.3%", "0.525", "表现均值 65.6",
		"Online system hard to use", "WWW mmm", "iiil.,", "第12项指标 ABC-123"} {
		est, real := textWidth(s, 13), measure(f.f, s, 13)
		t.Logf("%q: estimate %.1f, font %.1f (%.2f)", s, est, real, est/real)
		if r := est / real; r < 0.93 || r > 1.3 {
			t.Errorf("%q: estimated %.1f px, the font draws %.1f px (ratio %.2f)", s, est, real, r)
		}
	}
}

// TestOddData: one or two items, NaN, infinities, negatives and values past the axis draw without
// failing, and the output stays well-formed.
func TestOddData(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := map[string]Chart{
		"radar1":    {Kind: Radar, Items: []Item{{Name: "甲", Value: 50}}},
		"radar2":    {Kind: Radar, Items: []Item{{Name: "甲", Value: 50}, {Name: "乙", Value: nan}}},
		"radarOdd":  {Kind: Radar, Max: 5, Items: []Item{{Name: "甲", Value: -3}, {Name: "乙", Value: 9}, {Name: "丙", Value: inf}}},
		"hbarOdd":   {Kind: HBar, Items: []Item{{Name: "甲", Value: -3}, {Name: "乙", Value: nan}, {Name: "丙", Value: 1e9}}},
		"hbarZero":  {Kind: HBar, Items: []Item{{Name: "甲", Value: 0}}},
		"scatter1":  {Kind: Scatter, Points: []Point{{Name: "甲", X: 1, Y: 1}}},
		"scatterNa": {Kind: Scatter, Points: []Point{{Name: "甲", X: nan, Y: 1}, {Name: "乙", X: 2, Y: inf}}, Quadrants: &Quadrants{X: nan, Y: 0}},
		"scatterQ":  {Kind: Scatter, X: Axis{Min: 0, Max: 10}, Points: []Point{{Name: "甲", X: 50, Y: 1}}, Quadrants: &Quadrants{X: -5, Y: 99}},
	}
	for name, c := range cases {
		checkSVG(t, name, SVG(c), true)
		if o, err := ECharts(c); err != nil || !json.Valid([]byte(o)) {
			t.Errorf("%s: options %v", name, err)
		}
	}
	if _, err := ECharts(Chart{Kind: 99, Items: []Item{{Name: "x"}}}); err == nil {
		t.Error("unknown kind accepted")
	}
}
