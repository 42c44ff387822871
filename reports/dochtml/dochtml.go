// Package dochtml writes a doc.Document as one self-contained, printable HTML page: the same text,
// numbering and 落款 as the Word file reports/docx writes from the same value, in the 公文 look of
// GB/T 9704-2012 (A4 with its margins, title in 小标宋 falling back to 宋体 bold 22 pt centred, body
// 仿宋 16 pt with a two-character indent, headings 黑体 / 楷体 / bold 仿宋, tables with their header
// row repeated on every printed page, 表N captions above tables and 图N captions under figures,
// page numbers "— N —" odd pages right and even pages left, the 落款 at the end placed as 7.3.5.3
// places it).
//
// The page is made for content systems that strip scripts and for offline intranets: it loads
// nothing (no font, image, style or script from anywhere) and says so to the browser in a
// Content-Security-Policy that allows only its own style sheet, by hash, and data: images. Written
// by Write it holds no script at all. WriteOptions with Options.Charts adds one enhancement: the
// figures that carry ECharts options (doc.Figure.ECharts) are drawn by the inlined, unmodified
// ECharts library (assets/echarts, its licence header kept) where scripts run, over their static
// SVG, which stays what is printed and what is shown where scripts do not run; the CSP then also
// allows exactly the page's two scripts, by hash.
// Every text is escaped by html/template; figures are inline SVG rebuilt element by element from an
// allow-list (an SVG with a script, an event attribute or a foreign element is refused), or the
// PNG as a data: image.
package dochtml

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/gongping/gongping/assets/echarts"
	"github.com/gongping/gongping/reports/doc"
)

//go:embed page.css
var pageCSS string

// csp allows the page's one style sheet (by its hash: no style attribute anywhere works) and
// pictures it carries itself; nothing else, from anywhere.
var csp = "default-src 'none'; style-src " + hash(pageCSS) +
	"; img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"

// scriptCSP is csp for a page with live charts: the ECharts library and InitScript, by their hashes,
// and nothing else (no 'unsafe-inline', no eval, no source from anywhere).
var scriptCSP = csp + "; script-src " + hash(echarts.MinJS) + " " + hash(InitScript)

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}

// InitScript starts the live charts: for each chart box it draws the ECharts options of its
// data-option attribute (JSON that html/template escaped, so no document text is ever part of a
// script) on a canvas laid over the static picture, and marks the box live, which hides the picture
// on screen; print keeps the static picture and hides the canvas (page.css). A chart whose options
// fail keeps its picture. Nothing is fetched; a page whose library was stripped shows the pictures.
const InitScript = `(function () {
  'use strict';
  if (typeof echarts === 'undefined') { return; }
  var charts = [];
  var boxes = document.querySelectorAll('div.chart[data-option]');
  for (var i = 0; i < boxes.length; i++) {
    var el = boxes[i], pic = el.firstElementChild, live = document.createElement('div');
    live.className = 'echart';
    if (pic && pic.getAttribute('aria-label')) {
      live.setAttribute('role', 'img');
      live.setAttribute('aria-label', pic.getAttribute('aria-label'));
    }
    el.appendChild(live);
    try {
      var c = echarts.init(live, null, {renderer: 'canvas'});
      c.setOption(JSON.parse(el.getAttribute('data-option')));
      charts.push(c);
      el.className += ' live';
    } catch (e) {
      el.removeChild(live);
    }
  }
  window.addEventListener('resize', function () {
    for (var j = 0; j < charts.length; j++) { charts[j].resize(); }
  });
})();`

// Options are the choices of a page beyond its document.
type Options struct {
	// Charts draws every figure that has ECharts options with the inlined ECharts library where the
	// browser runs scripts (the evaluation report). Off, the page holds no script (the feedback
	// notice, or any page bound for a content system). It makes no difference to a document whose
	// figures carry no options.
	Charts bool
}

// Text block of the page, as reports/docx lays it out (GB/T 9704-2012 5.2.1).
const (
	textWidthCM  = 15.6
	textHeightCM = 22.5
	defaultFigCM = 14
)

var page = template.Must(template.New("page").Parse(pageTemplate))

// Write writes d to w as an HTML page with no script. All text is treated as untrusted. Write
// returns an error, and writes nothing, for a malformed model (a table with no columns or a row with
// more cells than columns, a figure with no picture, a PNG that is not one, an SVG it cannot read or
// that holds active content and has no PNG to show instead, ECharts options that are not a JSON
// object).
func Write(w io.Writer, d *doc.Document) error { return WriteOptions(w, d, Options{}) }

// WriteOptions is Write with options: with o.Charts, the figures' ECharts options come alive where
// scripts run.
func WriteOptions(w io.Writer, d *doc.Document, o Options) error {
	if d == nil {
		return errors.New("dochtml: nil document")
	}
	v, err := build(d, o)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, v); err != nil {
		return fmt.Errorf("dochtml: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("dochtml: %w", err)
	}
	return nil
}

// view is what the template shows: every text already cleaned and split as reports/docx splits it.
type view struct {
	CSP       string
	CSS       template.CSS
	Scripts   []template.JS // the ECharts library and InitScript, or none
	DocTitle  string        // <title>: the title's lines joined
	Title     []string      // the title's lines
	Subtitle  string
	Addressee string
	Blocks    []block
	Annexes   []annexLine // the 附件说明 under the body
	Issuers   []string
	Date      string
	Colophon  []string
	Attached  []attached // the attachments after the 落款
}

// annexLine is one name of the 附件说明: "附件：1.评价方法" on the first line, "2.数据表" on the next.
type annexLine struct {
	Class string // "first d1": the first line or not, and the digits of its number (the style sheet indents by them)
	Text  string
}

// attached is one attachment: its label ("附件1"), its title and its blocks.
type attached struct {
	Label, Title string
	Blocks       []block
}

type block struct {
	Kind string // "h", "p", "table", "figure", "break"

	Level      int    // h
	Lead, Body string // h: number and text; run-in body

	Lines []string // p

	Label, Caption, Source string // table, figure

	Width string // table: share of the text block, "87.5%"
	Cols  []column
	Rows  []row

	SVG    template.HTML // figure
	PNG    template.URL  // figure: data:image/png;base64,…
	Option string        // figure: ECharts options (JSON) when the page's charts are live
	PNGW   int           // figure: width in CSS pixels
	PNGH   int
	Alt    string
}

type column struct {
	Title []string // lines
	Width string   // "12.5%" of the table
}

type row struct {
	Tall  bool // may break across pages (as reports/docx lets a row taller than a third of a page)
	Cells []cell
}

type cell struct {
	Lines []string
	Align string // "", "c", "r"
}

func build(d *doc.Document, o Options) (*view, error) {
	v := &view{CSP: csp, CSS: template.CSS(pageCSS)}
	for _, l := range strings.Split(strings.TrimSpace(doc.Clean(d.Title)), "\n") {
		if l = doc.OneLine(l); l != "" {
			v.Title = append(v.Title, l)
		}
	}
	v.DocTitle = joinTitle(v.Title)
	v.Subtitle = doc.OneLine(d.Subtitle)
	if a := doc.OneLine(d.Addressee); a != "" {
		if !strings.HasSuffix(a, "：") && !strings.HasSuffix(a, ":") {
			a += "："
		}
		v.Addressee = a
	}
	labels := doc.Labels(d.AllBlocks())
	var err error
	if v.Blocks, err = blocks(d.Blocks, labels, 0, o); err != nil {
		return nil, err
	}
	n, at := len(d.Attachments), len(d.Blocks)
	for i, a := range d.Attachments {
		num := doc.AttachmentNumber(i, n)
		l := annexLine{Class: "d" + strconv.Itoa(min(max(len(num)-1, 0), 3)), Text: num + doc.OneLine(a.Title)}
		if i == 0 {
			l.Class, l.Text = "first "+l.Class, "附件："+l.Text
		}
		v.Annexes = append(v.Annexes, l)
		bs, err := blocks(a.Blocks, labels[at:at+len(a.Blocks)], at, o)
		if err != nil {
			return nil, err
		}
		v.Attached = append(v.Attached, attached{Label: doc.AttachmentLabel(i, n), Title: doc.OneLine(a.Title), Blocks: bs})
		at += len(a.Blocks)
	}
	v.Issuers = doc.Lines(d.Signature.Issuer)
	if !d.Signature.Date.IsZero() {
		v.Date = doc.FormatDate(d.Signature.Date)
	}
	v.Colophon = doc.Lines(d.Colophon)
	if live(v) {
		v.CSP = scriptCSP
		v.Scripts = []template.JS{template.JS(echarts.MinJS), template.JS(InitScript)}
	}
	return v, nil
}

// live reports whether some figure of the page is drawn by ECharts.
func live(v *view) bool {
	for _, b := range v.Blocks {
		if b.Option != "" {
			return true
		}
	}
	for _, a := range v.Attached {
		for _, b := range a.Blocks {
			if b.Option != "" {
				return true
			}
		}
	}
	return false
}

// blocks turns a list of blocks into what the template shows; labels are their 表N / 图N labels and
// first the number of blocks before them in the document (for error messages).
func blocks(bs []doc.Block, labels []string, first int, o Options) ([]block, error) {
	var out []block
	pending := false
	for i, blk := range bs {
		var b *block
		var err error
		switch x := blk.(type) {
		case doc.Heading:
			b = heading(x)
		case *doc.Heading:
			b = heading(*x)
		case doc.Paragraph:
			b = paragraph(x)
		case *doc.Paragraph:
			b = paragraph(*x)
		case doc.Table:
			b, err = table(x, labels[i])
		case *doc.Table:
			b, err = table(*x, labels[i])
		case doc.Figure:
			b, err = figure(x, labels[i], o)
		case *doc.Figure:
			b, err = figure(*x, labels[i], o)
		case doc.PageBreak, *doc.PageBreak:
			pending = i < len(bs)-1
			continue
		case nil:
			continue
		default:
			err = fmt.Errorf("unknown block %T", blk)
		}
		if err != nil {
			return nil, fmt.Errorf("dochtml: block %d: %w", first+i+1, err)
		}
		if b == nil {
			continue
		}
		if pending {
			out = append(out, block{Kind: "break"})
			pending = false
		}
		out = append(out, *b)
	}
	return out, nil
}

// joinTitle puts a title broken over lines on one line for the browser's tab: Chinese lines join
// directly, Latin ones with a space.
func joinTitle(ls []string) string {
	var b strings.Builder
	for _, l := range ls {
		if b.Len() > 0 && isNarrow(lastRune(b.String())) && isNarrow([]rune(l)[0]) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

func lastRune(s string) rune { r := []rune(s); return r[len(r)-1] }

func isNarrow(r rune) bool { return r < 0x2E80 }

func heading(h doc.Heading) *block {
	lead := doc.OneLine(h.Number) + doc.OneLine(h.Text)
	body := doc.OneLine(h.Body)
	if lead == "" && body == "" {
		return nil
	}
	return &block{Kind: "h", Level: min(max(h.Level, 1), 4), Lead: lead, Body: body}
}

func paragraph(p doc.Paragraph) *block {
	ls := doc.Lines(p.Text)
	if len(ls) == 0 {
		return nil
	}
	return &block{Kind: "p", Lines: ls}
}

// source is a 资料来源 note without the label the caller may have written.
func source(s string) string {
	s = doc.OneLine(s)
	for _, pre := range []string{"资料来源：", "资料来源:", "资料来源"} {
		s = strings.TrimPrefix(s, pre)
	}
	return strings.TrimSpace(s)
}

func table(t doc.Table, label string) (*block, error) {
	n := len(t.Columns)
	if n == 0 {
		return nil, errors.New("a table has no columns")
	}
	for i, r := range t.Rows {
		if len(r) > n {
			return nil, fmt.Errorf("table row %d has %d cells for %d columns", i+1, len(r), n)
		}
	}
	b := &block{Kind: "table", Label: label, Caption: doc.OneLine(t.Caption), Source: source(t.Source)}
	widths := columnWidths(t.Columns)
	total := 0.0
	for _, w := range widths {
		total += w
	}
	b.Width = percent(total / textWidthCM)
	for i, c := range t.Columns {
		b.Cols = append(b.Cols, column{Title: doc.Lines(c.Title), Width: percent(widths[i] / total)})
	}
	for _, r := range t.Rows {
		out := row{Cells: make([]cell, n)}
		lines := 0.0
		for i := range n {
			c := cell{}
			if i < len(r) {
				c.Lines = doc.Lines(r[i])
			}
			switch t.Columns[i].Align {
			case doc.AlignCenter:
				c.Align = "c"
			case doc.AlignRight:
				c.Align = "r"
			}
			out.Cells[i] = c
			lines = math.Max(lines, cellLines(c.Lines, widths[i]))
		}
		out.Tall = lines > maxUnsplitLines
		b.Rows = append(b.Rows, out)
	}
	return b, nil
}

// maxUnsplitLines is the tallest row, in 18 pt table lines, kept whole on a page: a third of the
// text block, as reports/docx keeps it.
const maxUnsplitLines = textHeightCM / (18 * 2.54 / 72) / 3

// cellLines estimates a cell's height in table lines at 12 pt characters.
func cellLines(ls []string, widthCM float64) float64 {
	perLine := math.Max((widthCM-0.3)/(12*2.54/72), 1)
	n := 0.0
	for _, l := range ls {
		n += math.Ceil(ems(l) / perLine)
	}
	return n
}

// ems is the width of s in characters: CJK and full-width count 1, the rest ½.
func ems(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isNarrow(r) {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// columnWidths gives each column its width in cm, as reports/docx does: unset columns share what
// the set ones leave (at least 1 cm each), and a table wider than the text block is scaled to fit.
func columnWidths(cols []doc.Column) []float64 {
	ws := make([]float64, len(cols))
	set, unset := 0.0, 0
	for i, c := range cols {
		if c.WidthCM > 0 && !math.IsInf(c.WidthCM, 0) {
			ws[i] = c.WidthCM
			set += ws[i]
		} else {
			unset++
		}
	}
	if unset > 0 {
		share := math.Max((textWidthCM-set)/float64(unset), 1)
		for i := range ws {
			if ws[i] == 0 {
				ws[i] = share
			}
		}
	}
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	if sum > textWidthCM {
		for i := range ws {
			ws[i] *= textWidthCM / sum
		}
	}
	for i := range ws {
		ws[i] = math.Max(ws[i], 0.01)
	}
	return ws
}

func percent(f float64) string {
	return strconv.FormatFloat(math.Min(f, 1)*100, 'f', 2, 64) + "%"
}

func figure(f doc.Figure, label string, o Options) (*block, error) {
	if len(f.PNG) == 0 && len(f.SVG) == 0 {
		return nil, errors.New("a figure has no picture")
	}
	b := &block{Kind: "figure", Label: label, Caption: doc.OneLine(f.Caption), Source: source(f.Source), Alt: doc.OneLine(f.Alt)}
	if opt := strings.TrimSpace(f.ECharts); opt != "" {
		var m map[string]any
		if err := json.Unmarshal([]byte(opt), &m); err != nil || m == nil {
			return nil, errors.New("a figure's ECharts options are not a JSON object")
		}
		if o.Charts {
			b.Option = opt
		}
	}
	if b.Alt == "" {
		b.Alt = b.Caption
	}
	aspect := 0.0
	if len(f.PNG) > 0 {
		cfg, err := png.DecodeConfig(bytes.NewReader(f.PNG))
		if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
			return nil, errors.New("a figure's PNG cannot be read")
		}
		aspect = float64(cfg.Height) / float64(cfg.Width)
	}
	var svg *svgPicture
	if len(f.SVG) > 0 {
		s, err := readSVG(f.SVG)
		switch {
		case err == nil:
			svg = s
			if aspect == 0 {
				aspect = s.aspect
			}
		case len(f.PNG) == 0:
			return nil, err
		}
		// An SVG that cannot be shown safely is left out; the PNG stands in for it.
	}
	wcm := f.WidthCM
	if !(wcm > 0) || math.IsInf(wcm, 0) {
		wcm = defaultFigCM
	}
	wcm = math.Min(wcm, textWidthCM)
	hcm := f.HeightCM
	if !(hcm > 0) || math.IsInf(hcm, 0) {
		hcm = wcm * aspect
	}
	if maxH := textHeightCM - 3; hcm > maxH { // room for the caption and note, as in reports/docx
		wcm, hcm = wcm*maxH/hcm, maxH
	}
	if svg != nil {
		b.SVG = svg.html(wcm, hcm, b.Alt)
		return b, nil
	}
	b.PNG = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(f.PNG))
	b.PNGW, b.PNGH = int(math.Round(wcm/2.54*96)), int(math.Round(hcm/2.54*96))
	return b, nil
}
