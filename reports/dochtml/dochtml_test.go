package dochtml

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"flag"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/gongping/gongping/assets/echarts"
	"github.com/gongping/gongping/reports/chart"
	"github.com/gongping/gongping/reports/doc"
	"github.com/gongping/gongping/reports/docx"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// go test ./reports/dochtml -run Render -render DIR writes sample.html, chart.html and hostile.html
// into DIR, for looking at in Chromium with scripts off (and printed to PDF).
var renderDir = flag.String("render", "", "write the sample pages into this directory")

func tinyPNG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const tinySVG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100"><title>灰色</title><rect width="200" height="100" fill="#eee"/><text x="10" y="50" font-size="12">A&amp;B &lt;c&gt;</text></svg>`

func sample(t testing.TB) *doc.Document {
	return &doc.Document{
		Title:     "关于《某某办法（征求意见稿）》\n公开征求意见采纳情况的说明",
		Subtitle:  "（2026年11月20日）",
		Addressee: "各有关单位",
		Blocks: []doc.Block{
			doc.Heading{Level: 1, Number: "一、", Text: "征求意见基本情况"},
			doc.Paragraph{Text: "2026年10月1日至10月30日，通过政府网站公开征求意见。\n\n　　共收到意见建议42条。"},
			doc.Heading{Level: 2, Number: "（一）", Text: "意见来源"},
			doc.Heading{Level: 3, Number: "1.", Text: "网站留言。", Body: "共86条。"},
			&doc.Heading{Level: 4, Number: "（1）", Text: "“电话”与邮件"},
			doc.Table{
				Caption: "意见建议采纳情况",
				Columns: []doc.Column{{Title: "序号", WidthCM: 1.5, Align: doc.AlignCenter}, {Title: "意见建议（摘要）"},
					{Title: "采纳情况", WidthCM: 2.5, Align: doc.AlignCenter}, {Title: "理由或说明"}},
				Rows:   [][]string{{"1", "延长申报期限", "采纳", "已修改第五条\n修改后：30个工作日"}, {"2", "简化材料"}},
				Source: "公开征求意见平台",
			},
			doc.PageBreak{},
			doc.Figure{Caption: "各渠道意见数量", PNG: tinyPNG(t), SVG: []byte(tinySVG), WidthCM: 12, Source: "资料来源：问卷"},
			doc.Figure{Caption: "只有位图", PNG: tinyPNG(t), WidthCM: 6},
		},
		Attachments: []doc.Attachment{
			{Title: "意见建议汇总表", Blocks: []doc.Block{
				doc.Heading{Level: 2, Number: "（一）", Text: "网站留言"},
				doc.Table{Caption: "网站留言", Columns: []doc.Column{{Title: "序号", WidthCM: 1.5}, {Title: "意见建议"}},
					Rows: [][]string{{"1", "延长申报期限"}}, Source: "政府网站"},
			}},
			{Title: "意见数量图", Blocks: []doc.Block{doc.Figure{Caption: "各月意见数量", PNG: tinyPNG(t)}}},
		},
		Signature: doc.Signature{Issuer: "某某市某某局", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)},
		Colophon:  "本说明依据公开征求意见的记录编制。",
	}
}

func write(t testing.TB, d *doc.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	got := write(t, sample(t))
	const p = "testdata/sample.html"
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/dochtml -run Golden -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run with -update if the change is intended)\n--- got ---\n%s", p, got)
	}
}

// allowedTags are the only elements the page may hold.
var allowedTags = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "main": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "p": true, "br": true, "span": true, "div": true,
	"table": true, "colgroup": true, "col": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"figure": true, "figcaption": true, "img": true,
	"svg": true, "g": true, "desc": true, "rect": true, "line": true, "circle": true, "ellipse": true, "polyline": true,
	"polygon": true, "path": true, "text": true, "tspan": true,
}

// checkSafe parses the page as a browser does and holds it to the publication rules: only the
// allowed elements, no script, no event attribute, no style attribute, no link and no URL but a
// data: image, one style sheet whose hash the CSP names, and the CSP itself.
func checkSafe(t *testing.T, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var style string
	inStyle, metaCSP := false, ""
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			if !allowedTags[tok.Data] {
				t.Errorf("element <%s> in the page", tok.Data)
			}
			inStyle = tok.Data == "style"
			for _, a := range tok.Attr {
				k := strings.ToLower(a.Key)
				if v := strings.ToLower(a.Val); k != "alt" && k != "aria-label" && strings.Contains(v, "://") || strings.Contains(v, "javascript") || strings.Contains(v, "url(") {
					t.Errorf("<%s %s=%.60q> points somewhere", tok.Data, a.Key, a.Val)
				}
				switch {
				case strings.HasPrefix(k, "on"), k == "style", k == "href", k == "xlink:href", k == "action", k == "srcset":
					t.Errorf("<%s %s=%q>", tok.Data, a.Key, a.Val)
				case k == "src" && !strings.HasPrefix(a.Val, "data:image/png;base64,"):
					t.Errorf("<%s src=%.40q>", tok.Data, a.Val)
				case k == "http-equiv" && a.Val == "Content-Security-Policy":
					for _, b := range tok.Attr {
						if b.Key == "content" {
							metaCSP = b.Val
						}
					}
				}
			}
		case html.TextToken:
			if inStyle {
				style += tok.Data
			}
		case html.EndTagToken:
			inStyle = false
		}
	}
	h := sha256.Sum256([]byte(style))
	want := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'; img-src data:; font-src 'none'"
	if !strings.HasPrefix(metaCSP, want) {
		t.Errorf("CSP %q does not allow exactly the page's style sheet (want it to start %q)", metaCSP, want)
	}
	// Text may say anything (it is escaped); the markup and the style sheet point nowhere.
	low := strings.ToLower(style)
	for _, bad := range []string{"url(", "@import", "://", "expression("} {
		if strings.Contains(low, bad) {
			t.Errorf("style sheet contains %q", bad)
		}
	}
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Error("page holds a script element")
	}
}

func TestSafe(t *testing.T) {
	checkSafe(t, write(t, sample(t)))
}

// blockText is the text of each block-level element of the page in order, split at line breaks,
// blank ones left out: what a reader reads, to compare with the Word file's paragraphs.
func blockText(t *testing.T, page string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	blockish := map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "p": true, "th": true, "td": true, "figcaption": true}
	var out []string
	var text func(n *html.Node, b *strings.Builder)
	text = func(n *html.Node, b *strings.Builder) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteString("\n")
		case n.Type == html.ElementNode && n.Data == "svg":
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c, b)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "head" {
			return
		}
		if n.Type == html.ElementNode && blockish[n.Data] {
			var b strings.Builder
			text(n, &b)
			for _, l := range strings.Split(b.String(), "\n") {
				if l != "" {
					out = append(out, l)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// docxText is the text of each paragraph of the Word file reports/docx writes, split and filtered as blockText.
func docxText(t *testing.T, d *doc.Document) []string {
	t.Helper()
	var b bytes.Buffer
	if err := docx.Write(&b, d); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	var out []string
	var cur strings.Builder
	inT := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			switch v.Name.Local {
			case "p":
				cur.Reset()
			case "t":
				inT = true
			case "br":
				cur.WriteString("\n")
			case "tab":
				cur.WriteString("\t")
			}
		case xml.EndElement:
			switch v.Name.Local {
			case "t":
				inT = false
			case "p":
				for _, l := range strings.Split(cur.String(), "\n") {
					if l != "" {
						out = append(out, l)
					}
				}
			}
		case xml.CharData:
			if inT {
				cur.Write(v)
			}
		}
	}
	return out
}

// TestSameTextAsDocx: the page and the Word file of one document read the same, line for line,
// numbers and 落款 included; for hostile text too (both clean it by reports/doc's rules).
func TestSameTextAsDocx(t *testing.T) {
	for name, d := range map[string]*doc.Document{"sample": sample(t), "hostile": hostileDoc(t, strings.Repeat("长", 3000)), "chart": chartDoc(t)} {
		got, want := blockText(t, write(t, d)), docxText(t, d)
		for i := range max(len(got), len(want)) {
			g, w := "(none)", "(none)"
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				j := 0
				for j < len(g) && j < len(w) && g[j] == w[j] {
					j++
				}
				t.Errorf("%s: line %d differs at byte %d: page %.60q, Word file %.60q", name, i+1, j, g[j:], w[j:])
				break
			}
		}
	}
	got := strings.Join(blockText(t, write(t, sample(t))), "|")
	for _, want := range []string{"表1　意见建议采纳情况", "图1　各渠道意见数量", "图2　只有位图", "资料来源：问卷", "各有关单位：", "1.网站留言。共86条。", "某某市某某局|2026年11月20日"} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

const hostile = "a\x00b\x01\x08\x0b\x0c\x1b\x7fc\uFFFE\uFFFF</p><script>alert(1)</script><img src=x onerror=alert(1)>&amp;&lt;]]>\"'\xff\xfe\xc3(" +
	"{{.}}<style>body{display:none}</style><a href=\"https://evil.example/\">x</a>\r\nd\re\u2028\U0001F600<?xml?><!--"

func hostileDoc(t testing.TB, long string) *doc.Document {
	bad := hostile
	return &doc.Document{
		Title: bad, Subtitle: bad, Addressee: bad, Colophon: bad,
		Blocks: []doc.Block{
			doc.Heading{Level: 9, Number: bad, Text: bad, Body: bad},
			doc.Heading{Level: -3, Text: bad},
			doc.Paragraph{Text: bad},
			doc.Paragraph{Text: long},
			doc.Table{Caption: bad, Source: bad, Columns: []doc.Column{{Title: bad, WidthCM: -1}, {Title: long, WidthCM: 1e9}},
				Rows: [][]string{{bad, long}, {}, {"\x00"}}},
			doc.Figure{Caption: bad, Alt: bad, Source: bad, PNG: tinyPNG(t), WidthCM: 1e300, HeightCM: -5},
			nil,
		},
		Attachments: []doc.Attachment{{Title: bad, Blocks: []doc.Block{doc.Paragraph{Text: bad}, nil}}, {Title: long}},
		Signature:   doc.Signature{Issuer: bad, Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)},
	}
}

// TestHostileText: markup, control characters and a long run in every field come out as text, the
// forbidden characters gone, nothing cut, and the page still follows every rule.
func TestHostileText(t *testing.T) {
	long := strings.Repeat("长", 200000) + strings.Repeat("x", 100000)
	page := write(t, hostileDoc(t, long))
	checkSafe(t, page)
	for _, c := range []string{"\x00", "\x01", "\x0b", "\x1b", "\x7f", "\uFFFE", "\uFFFF", "\uFFFD"} {
		if strings.Contains(page, c) {
			t.Errorf("page contains %q", c)
		}
	}
	if !strings.Contains(page, long) {
		t.Error("the long text was cut")
	}
	cleaned := "abc</p><script>alert(1)</script><img src=x onerror=alert(1)>&amp;&lt;]]>\"'({{.}}<style>body{display:none}</style><a href=\"https://evil.example/\">x</a>"
	joined := strings.Join(blockText(t, page), "|")
	if n := strings.Count(joined, cleaned); n < 13 { // 10 in the body and the 落款, 3 in the attachments
		t.Errorf("hostile text reads back %d times, want once per field", n)
	}
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var title string
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil {
			title = n.FirstChild.Data
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	if !strings.HasPrefix(title, cleaned) {
		t.Errorf("<title> = %.80q, want the cleaned title", title)
	}
}

// chartDoc has a real chart from reports/chart, as the publications use them.
func chartDoc(t testing.TB) *doc.Document {
	c := chart.Chart{Kind: chart.HBar, Title: "执行过程：指标得分", Unit: "分", Max: 100, Items: []chart.Item{
		{Name: "办理便捷度", Value: 72.4}, {Name: "材料精简度", Value: 65.1}, {Name: "政策知晓度", Value: 58.9}, {Name: "<b>x</b>", Value: 41}}}
	png, err := chart.PNG(c, 2)
	var nf *chart.NoFontError
	if err != nil && !errors.As(err, &nf) {
		t.Fatal(err)
	}
	return &doc.Document{Title: "政策执行效果评估报告", Blocks: []doc.Block{
		doc.Heading{Level: 1, Number: "一、", Text: "执行情况"},
		doc.Paragraph{Text: "执行过程维度得分66.3分，处于“中”等级。"},
		doc.Figure{Caption: "执行过程各指标得分", SVG: chart.SVG(c), PNG: png, WidthCM: 15, Source: "问卷调查"},
		doc.Figure{Caption: "只有矢量图", SVG: chart.SVG(c), WidthCM: 8},
	}, Signature: doc.Signature{Issuer: "某某评估中心", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}}
}

func TestChartFigure(t *testing.T) {
	page := write(t, chartDoc(t))
	checkSafe(t, page)
	if n := strings.Count(page, "<svg"); n != 2 {
		t.Errorf("%d inline SVGs, want 2 (the SVG is shown, not the PNG)", n)
	}
	for _, want := range []string{`width="15.00cm"`, `width="8.00cm"`, `aria-label="执行过程各指标得分"`, "办理便捷度", "&lt;b&gt;x&lt;/b&gt;", `viewBox="0 0 680 `} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<?xml", "xmlns", "<img"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
}

func TestSVGRefused(t *testing.T) {
	for _, bad := range []string{
		`<svg viewBox="0 0 10 10"><script>alert(1)</script></svg>`,
		`<svg viewBox="0 0 10 10"><SCRIPT>alert(1)</SCRIPT></svg>`,
		`<svg viewBox="0 0 10 10" onload="alert(1)"><rect width="1" height="1"/></svg>`,
		`<svg viewBox="0 0 10 10"><rect width="1" height="1" onClick="alert(1)"/></svg>`,
		`<svg viewBox="0 0 10 10"><foreignObject><p>x</p></foreignObject></svg>`,
		`<svg viewBox="0 0 10 10" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="https://evil.example/"><rect width="1" height="1"/></a></svg>`,
		`<svg viewBox="0 0 10 10"><image href="https://evil.example/x.png"/></svg>`,
		`<svg viewBox="0 0 10 10"><style>rect{fill:url(https://evil.example/)}</style></svg>`,
		`<svg viewBox="0 0 10 10"><rect style="fill:red" width="1" height="1"/></svg>`,
		`<!DOCTYPE svg [<!ENTITY x "y">]><svg viewBox="0 0 10 10"><text>&x;</text></svg>`,
		`<svg viewBox="0 0 10 10"><use href="#a"/></svg>`,
	} {
		d := &doc.Document{Blocks: []doc.Block{doc.Figure{Caption: "图", SVG: []byte(bad)}}}
		var b bytes.Buffer
		err := Write(&b, d)
		if err == nil || b.Len() != 0 {
			t.Errorf("%s: written (err %v)", bad, err)
		}
		// With a PNG beside it, the PNG is shown instead.
		d.Blocks = []doc.Block{doc.Figure{Caption: "图", SVG: []byte(bad), PNG: tinyPNG(t)}}
		page := write(t, d)
		checkSafe(t, page)
		if strings.Contains(page, "<svg") || !strings.Contains(page, `<img src="data:image/png;base64,`) {
			t.Errorf("%s: the PNG does not stand in for the refused SVG", bad)
		}
	}
	// Unknown attributes and values that point somewhere are dropped; the picture stays.
	page := write(t, &doc.Document{Blocks: []doc.Block{doc.Figure{SVG: []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" class="x" id="y"><rect width="1" height="1" fill="url(#g)" data-x="1" xml:space="preserve"/></svg>`)}}})
	checkSafe(t, page)
	for _, want := range []string{`viewBox="0 0 40 20"`, `<rect width="1" height="1"></rect>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestBadModel(t *testing.T) {
	for name, d := range map[string]*doc.Document{
		"no columns":   {Blocks: []doc.Block{doc.Table{Caption: "x"}}},
		"wide row":     {Blocks: []doc.Block{doc.Table{Columns: []doc.Column{{Title: "a"}}, Rows: [][]string{{"1", "2"}}}}},
		"no picture":   {Blocks: []doc.Block{doc.Figure{Caption: "x"}}},
		"bad png":      {Blocks: []doc.Block{doc.Figure{PNG: []byte("GIF89a")}}},
		"bad svg":      {Blocks: []doc.Block{doc.Figure{SVG: []byte("<svg><rect></svg>")}}},
		"sizeless svg": {Blocks: []doc.Block{doc.Figure{SVG: []byte(`<svg><rect width="1" height="1"/></svg>`)}}},
		"not svg":      {Blocks: []doc.Block{doc.Figure{SVG: []byte(`<html/>`)}}},
	} {
		var b bytes.Buffer
		if err := Write(&b, d); err == nil || b.Len() != 0 {
			t.Errorf("%s: err %v, %d bytes written", name, err, b.Len())
		}
	}
	if err := Write(io.Discard, nil); err == nil {
		t.Error("nil document written")
	}
	if page := write(t, &doc.Document{}); !strings.Contains(page, "<main>") {
		t.Error("an empty document gives no page")
	}
}

func TestPageBreaks(t *testing.T) {
	page := write(t, &doc.Document{Blocks: []doc.Block{
		doc.PageBreak{}, doc.Paragraph{Text: "a"}, doc.PageBreak{}, &doc.PageBreak{}, doc.Paragraph{Text: "b"},
		doc.PageBreak{}, doc.Table{Columns: []doc.Column{{Title: "c"}}}, doc.PageBreak{},
	}})
	if n := strings.Count(page, `<div class="pagebreak">`); n != 3 {
		t.Errorf("%d page breaks, want 3 (two in a row are one, the last is dropped)", n)
	}
}

// TestSignature: the 落款 block's classes place it as GB/T 9704-2012 7.3.5.3 (and reports/docx) do.
func TestSignature(t *testing.T) {
	date := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		sig  doc.Signature
		want string
	}{
		{doc.Signature{Issuer: "某某局", Date: date}, `<div class="signature"><div class="block"><p class="issuer">某某局</p><p class="date">2026年3月5日</p></div></div>`},
		{doc.Signature{Date: date}, `<div class="signature"><div class="block alone"><p class="date">2026年3月5日</p></div></div>`},
		{doc.Signature{Issuer: "甲单位\n乙单位"}, `<div class="signature"><div class="block"><p class="issuer">甲单位</p><p class="issuer">乙单位</p></div></div>`},
		{doc.Signature{}, ""},
	} {
		page := write(t, &doc.Document{Signature: c.sig})
		got := regexp.MustCompile(`(?s)<div class="signature">.*?</div></div>`).FindString(page)
		if got = strings.ReplaceAll(got, "\n", ""); got != c.want {
			t.Errorf("%+v:\n got %s\nwant %s", c.sig, got, c.want)
		}
	}
}

// TestAttachments: the list of attachments under the body, then the 落款 and the colophon, then
// each attachment after a page break with its label and title; tables numbered on from the body.
func TestAttachments(t *testing.T) {
	page := write(t, &doc.Document{
		Blocks: []doc.Block{doc.Table{Caption: "正文表", Columns: []doc.Column{{Title: "a"}}}},
		Attachments: []doc.Attachment{{Title: "评价方法", Blocks: []doc.Block{doc.Paragraph{Text: "甲"}, doc.Table{Caption: "附表", Columns: []doc.Column{{Title: "b"}}}}},
			{Title: "数据表"}},
		Signature: doc.Signature{Issuer: "某某局"}, Colophon: "附注",
	})
	body := page[strings.Index(page, "<main>"):]
	want := "<div class=\"annexes\">\n<p class=\"first d1\">附件：1.评价方法</p>\n<p class=\"d1\">2.数据表</p>\n</div>\n" +
		"<div class=\"signature\"><div class=\"block\">\n<p class=\"issuer\">某某局</p>\n</div></div>\n<p class=\"colophon\">附注</p>\n" +
		"<div class=\"pagebreak\"></div>\n<p class=\"annex-label\">附件1</p>\n<h2 class=\"annex-title\">评价方法</h2>\n<p>甲</p>\n<p class=\"caption\">表2　附表</p>"
	if !strings.Contains(body, want) {
		t.Errorf("page lacks\n%s\nin\n%s", want, body)
	}
	if !strings.Contains(body, "<div class=\"pagebreak\"></div>\n<p class=\"annex-label\">附件2</p>\n<h2 class=\"annex-title\">数据表</h2>\n</main>") {
		t.Errorf("the second attachment is not on a page of its own:\n%s", body)
	}
	// One attachment: no number.
	page = write(t, &doc.Document{Attachments: []doc.Attachment{{Title: "评价方法"}}})
	for _, want := range []string{`<p class="first d0">附件：评价方法</p>`, `<p class="annex-label">附件</p>`} {
		if !strings.Contains(page, want) {
			t.Errorf("single attachment: page lacks %s", want)
		}
	}
	// The style sheet has an indent for every class the page writes.
	for _, c := range []string{".annexes .d0", ".annexes .d0.first", ".annexes .d1", ".annexes .d1.first", ".annexes .d2.first", ".annexes .d3.first"} {
		if !strings.Contains(pageCSS, c+" {") {
			t.Errorf("page.css lacks %s", c)
		}
	}
}

// liveDoc is chartDoc with each figure's ECharts options, one figure in an attachment.
func liveDoc(t testing.TB) *doc.Document {
	d := chartDoc(t)
	c := chart.Chart{Kind: chart.HBar, Unit: "分", Max: 100, Items: []chart.Item{{Name: "<b>x</b>\"'&</script>", Value: 41}, {Name: "办理便捷度", Value: 72.4}}}
	opt, err := chart.ECharts(c)
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range d.Blocks {
		if f, ok := b.(doc.Figure); ok {
			f.ECharts = opt
			d.Blocks[i] = f
		}
	}
	d.Attachments = []doc.Attachment{{Title: "图表", Blocks: []doc.Block{&doc.Figure{Caption: "附图", SVG: chart.SVG(c), ECharts: opt}}}}
	return d
}

// scripts returns the text of every script element of the page and the page with them taken out.
func scripts(t *testing.T, page string) ([]string, string) {
	t.Helper()
	var out []string
	rest := page
	for {
		i := strings.Index(rest, "<script>")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</script>")
		if j < 0 {
			t.Fatal("unclosed script element")
		}
		out = append(out, rest[i+len("<script>"):i+j])
		rest = rest[:i] + rest[i+j+len("</script>"):]
	}
	return out, rest
}

// TestLiveCharts: with Options.Charts, a figure with ECharts options is drawn by the inlined library over
// its static SVG: exactly two scripts (the unmodified library and InitScript), each allowed by its hash
// and nothing else; the options reach the page as an escaped attribute and read back as they were; the
// rest of the page keeps every rule of checkSafe. Without the option, or without options on any figure,
// the page is the static one, byte for byte.
func TestLiveCharts(t *testing.T) {
	d := liveDoc(t)
	var b bytes.Buffer
	if err := WriteOptions(&b, d, Options{Charts: true}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	ss, rest := scripts(t, page)
	if len(ss) != 2 || ss[0] != echarts.MinJS || ss[1] != InitScript {
		t.Fatalf("%d scripts; want the vendored library and InitScript", len(ss))
	}
	if !strings.HasPrefix(ss[0], "\n/*\n* Licensed to the Apache Software Foundation") {
		t.Error("the library's licence header is not kept")
	}
	checkSafe(t, rest) // the CSP names the style sheet first; the scripts' hashes come last
	csp := html.UnescapeString(regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)[1])
	var hashes []string
	for _, s := range ss {
		h := sha256.Sum256([]byte(s))
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(h[:])+"'")
	}
	if !strings.HasSuffix(csp, "; script-src "+strings.Join(hashes, " ")) || strings.Count(csp, "script-src") != 1 {
		t.Errorf("CSP %q does not allow exactly the page's two scripts", csp)
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "strict-dynamic", "http", "*"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP %q holds %q", csp, bad)
		}
	}
	for _, want := range []string{"default-src 'none'", "connect-src 'none'", "font-src 'none'", "img-src data:;"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	// Every chart box holds its static SVG and options that read back exactly.
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var boxes int
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "div" {
			for _, a := range n.Attr {
				if a.Key == "data-option" {
					boxes++
					if a.Val != d.Attachments[0].Blocks[0].(*doc.Figure).ECharts {
						t.Errorf("options read back as %.80q", a.Val)
					}
					c := n.FirstChild
					for c != nil && c.Type != html.ElementNode {
						c = c.NextSibling
					}
					if c == nil || c.Data != "svg" {
						t.Error("a chart box does not hold its static SVG")
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if boxes != 3 {
		t.Errorf("%d chart boxes, want 3", boxes)
	}
	if got, want := blockText(t, page), docxText(t, d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the live page does not read as the Word file:\n%q\n%q", got, want)
	}
	// The init script takes nothing from the page but JSON, fetches nothing and writes no markup.
	for _, bad := range []string{"</script", "://", "eval", "Function(", "innerHTML", "outerHTML", "document.write", "fetch", "XMLHttpRequest", "src"} {
		if strings.Contains(InitScript, bad) {
			t.Errorf("InitScript holds %q", bad)
		}
	}

	// The same figures without the option, or the option without figures that have options: the static page.
	plain := liveDoc(t)
	for i, b := range plain.Blocks {
		if f, ok := b.(doc.Figure); ok {
			f.ECharts = ""
			plain.Blocks[i] = f
		}
	}
	plain.Attachments[0].Blocks[0].(*doc.Figure).ECharts = ""
	want := write(t, plain)
	if got := write(t, d); got != want {
		t.Error("Write without Options.Charts differs from the page of the same document without options")
	}
	b.Reset()
	if err := WriteOptions(&b, plain, Options{Charts: true}); err != nil || b.String() != want {
		t.Errorf("Options.Charts on a document without options changed the page (err %v)", err)
	}
	if strings.Contains(want, "<script") || strings.Contains(want, "data-option") || strings.Contains(want, "script-src") {
		t.Error("the static page has a script, options or a script-src")
	}
	// Options that are not a JSON object are a malformed model.
	for _, bad := range []string{"nope", "[1]", "null", "{", `{"a":1}x`} {
		d := &doc.Document{Blocks: []doc.Block{doc.Figure{SVG: []byte(tinySVG), ECharts: bad}}}
		b.Reset()
		if err := WriteOptions(&b, d, Options{Charts: true}); err == nil || b.Len() != 0 {
			t.Errorf("options %q: err %v, %d bytes written", bad, err, b.Len())
		}
	}
}

// TestColumnWidths: widths in cm as reports/docx takes them, written as shares of the text block.
func TestColumnWidths(t *testing.T) {
	page := write(t, &doc.Document{Blocks: []doc.Block{
		doc.Table{Columns: []doc.Column{{Title: "a", WidthCM: 1.56}, {Title: "b"}}},
		doc.Table{Columns: []doc.Column{{Title: "a", WidthCM: 3.9}, {Title: "b", WidthCM: 3.9}}},
		doc.Table{Columns: []doc.Column{{Title: "a", WidthCM: 40}, {Title: "b", WidthCM: 120}}},
	}})
	for _, want := range []string{
		"<table width=\"100.00%\">\n<colgroup><col width=\"10.00%\"><col width=\"90.00%\"></colgroup>",
		"<table width=\"50.00%\">\n<colgroup><col width=\"50.00%\"><col width=\"50.00%\"></colgroup>",
		"<table width=\"100.00%\">\n<colgroup><col width=\"25.00%\"><col width=\"75.00%\"></colgroup>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestRender(t *testing.T) {
	if *renderDir == "" {
		t.Skip("no -render directory")
	}
	for name, d := range map[string]*doc.Document{"sample": sample(t), "chart": chartDoc(t), "hostile": hostileDoc(t, strings.Repeat("长", 3000)+strings.Repeat("x", 2000))} {
		if err := os.WriteFile(filepath.Join(*renderDir, name+".html"), []byte(write(t, d)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
