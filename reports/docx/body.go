package docx

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gongping/gongping/reports/doc"
)

// Page geometry in twips (1/1440 inch), GB/T 9704-2012 5.2.
const (
	pageW      = 11906 // A4 210 mm
	pageH      = 16838 // 297 mm
	marginTop  = 2098  // 37 mm
	marginBot  = 1984  // 35 mm
	marginL    = 1587  // 28 mm
	marginR    = 1474  // 26 mm
	textW      = pageW - marginL - marginR
	textH      = pageH - marginTop - marginBot
	footerDist = 1304 // 23 mm: the page number's dashes sit about 7 mm under the text block
	// linePitch puts 22 lines in the text block (22 × 579 ≤ 12756 twips); body lines use it as
	// their exact spacing, so a page holds 22 lines in every reader.
	linePitch = 579
	// condense narrows 16 pt characters by ¼ pt (in 1/20 pt) so that 28 fit in 156 mm:
	// 28 × 15.75 pt = 441 pt ≤ 442.25 pt. Word's own 公文 templates get there with a character
	// grid (docGrid linesAndChars, charSpace −842), but LibreOffice draws every character wider
	// than that grid as two cells, 14 characters a line; character spacing reads the same everywhere.
	condense = -5
	// charW is one condensed body character in twips, for the twip half of indents.
	charW = textW / 28
)

const emuPerCM = 360000

// pkg is a rendered document: the body XML and the pictures it refers to.
type pkg struct {
	d       *doc.Document
	body    bytes.Buffer
	media   []media
	figures int
	tables  int
	pending bool // a page break waits for the next paragraph
}

type media struct {
	name  string // "image1.png"
	rID   string
	data  []byte
	ctype string
}

func render(d *doc.Document) (*pkg, error) {
	p := &pkg{d: d}
	b := &p.body
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)

	p.title()
	signed := strings.TrimSpace(clean(d.Signature.Issuer)) != "" || !d.Signature.Date.IsZero()
	// The end of the body keeps its last line with what follows it (the list of attachments, the
	// 落款), so the signature never stands alone on a page (GB/T 9704-2012 7.3.5.1 asks for the
	// same of the date and seal).
	if err := p.blocks(d.Blocks, signed || len(d.Attachments) > 0, 0); err != nil {
		return nil, err
	}
	p.attachmentList(signed)
	p.signature()
	for i, l := range lines(d.Colophon) {
		sp := ""
		if i == 0 {
			sp = `<w:spacing w:before="` + strconv.Itoa(linePitch) + `"/>`
		}
		p.para(styleColophon, sp, func() { p.text(l) }, keepStyle)
	}
	n := 0
	for i, a := range d.Attachments {
		p.pending = true
		p.attachmentHead(i, len(d.Attachments), a.Title)
		if err := p.blocks(a.Blocks, false, len(d.Blocks)+n); err != nil {
			return nil, err
		}
		n += len(a.Blocks)
	}
	p.pending = false
	if !bytes.Contains(b.Bytes(), []byte("<w:p>")) {
		b.WriteString(`<w:p/>`) // a body holds at least one paragraph
	}
	b.WriteString(sectPr)
	b.WriteString(`</w:body></w:document>`)
	return p, nil
}

// blocks writes a list of blocks; keepLast keeps the last one on the page of what follows the list.
// Blocks are counted from first in error messages (the body's, then each attachment's).
func (p *pkg) blocks(blocks []doc.Block, keepLast bool, first int) error {
	for i, blk := range blocks {
		var err error
		keep := keepLast && i == len(blocks)-1
		switch v := blk.(type) {
		case doc.Heading:
			p.heading(v)
		case *doc.Heading:
			p.heading(*v)
		case doc.Paragraph:
			p.paragraph(v, keep)
		case *doc.Paragraph:
			p.paragraph(*v, keep)
		case doc.Table:
			err = p.table(v, keep)
		case *doc.Table:
			err = p.table(*v, keep)
		case doc.Figure:
			err = p.figure(v, keep)
		case *doc.Figure:
			err = p.figure(*v, keep)
		case doc.PageBreak, *doc.PageBreak:
			p.pending = i < len(blocks)-1
		case nil:
		default:
			err = fmt.Errorf("unknown block %T", blk)
		}
		if err != nil {
			return fmt.Errorf("docx: block %d: %w", first+i+1, err)
		}
	}
	return nil
}

// attachmentList writes the 附件说明 under the body (GB/T 9704-2012 7.3.4): one line down, two
// characters in, "附件：" and the names, numbered when there are several; each next name's number
// stands under the first one's, and a name that wraps goes on under its own first character.
func (p *pkg) attachmentList(signed bool) {
	as := p.d.Attachments
	const lead = 3 * charW // 附件：
	for i, a := range as {
		num := doc.AttachmentNumber(i, len(as))
		nw := numberWidth(num)
		text := num + oneLine(a.Title)
		hang, sp := nw, ""
		if i == 0 {
			text = "附件：" + text
			hang += lead
			sp = `<w:spacing w:before="` + strconv.Itoa(linePitch) + `"/>`
		}
		ind := `<w:ind w:left="` + strconv.Itoa(2*charW+lead+nw) + `" w:hanging="` + strconv.Itoa(hang) + `"/>`
		p.para(styleAttachments, sp+ind, func() { p.text(text) }, keepIf(signed || i < len(as)-1))
	}
}

// numberWidth is the width in twips of an attachment number ("1.", "12.") in the body's Times New
// Roman (digits ½ em, the full stop ¼ em), condensed as body text is.
func numberWidth(num string) int {
	w := 0
	for _, r := range num {
		if r == '.' {
			w += 80 + condense
		} else {
			w += 160 + condense
		}
	}
	return w
}

// attachmentHead starts attachment i of n on a new page: its label in 黑体 flush left on the first
// line, its title centred on the third and a blank line under it (GB/T 9704-2012 7.3.7).
func (p *pkg) attachmentHead(i, n int, title string) {
	p.para(styleAttachmentLabel, "", func() { p.text(doc.AttachmentLabel(i, n)) }, keepNext)
	if t := oneLine(title); t != "" {
		p.para(styleAttachmentTitle, "", func() { p.text(t) }, keepNext)
	}
}

// keep says whether a paragraph stays on the page of the next one.
type keep int

const (
	keepStyle keep = iota // as its style says
	keepNext
	keepFree
)

// para writes one paragraph in style with extra direct properties (in schema order, all after
// pStyle, keepNext and pageBreakBefore) and the runs content writes.
func (p *pkg) para(style, extra string, content func(), k keep) {
	b := &p.body
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>`)
	switch k {
	case keepNext:
		b.WriteString(`<w:keepNext/>`)
	case keepFree:
		b.WriteString(`<w:keepNext w:val="0"/>`)
	}
	if p.pending {
		b.WriteString(`<w:pageBreakBefore/>`)
		p.pending = false
	}
	b.WriteString(extra)
	b.WriteString(`</w:pPr>`)
	content()
	b.WriteString(`</w:p>`)
}

// text writes s as runs; tabs become w:tab and newlines w:br (callers split paragraphs first).
// Every run carries w:hint="eastAsia" so that characters both scripts share (“”—…·) are set in
// the Chinese font, full width, as Word does when Chinese is typed.
func (p *pkg) text(s string) { p.textRPr(s, `<w:rFonts w:hint="eastAsia"/>`) }

// textRPr writes s as runs with the run properties rpr (which must start with a w:rFonts that
// carries w:hint="eastAsia", the first element of w:rPr).
func (p *pkg) textRPr(s, rpr string) {
	b := &p.body
	s = clean(s)
	for i, ln := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		for j, seg := range strings.Split(ln, "\t") {
			b.WriteString(`<w:r><w:rPr>` + rpr + `</w:rPr>`)
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if seg != "" {
				b.WriteString(`<w:t xml:space="preserve">`)
				esc(b, seg)
				b.WriteString(`</w:t>`)
			}
			b.WriteString(`</w:r>`)
		}
	}
}

func (p *pkg) title() {
	d := p.d
	t := strings.TrimSpace(clean(d.Title))
	sub := oneLine(d.Subtitle)
	after := `<w:spacing w:after="` + strconv.Itoa(linePitch) + `"/>` // 标题下空一行
	if t != "" {
		var ls []string
		for _, l := range strings.Split(t, "\n") {
			if l = oneLine(l); l != "" {
				ls = append(ls, l)
			}
		}
		extra := after
		if sub != "" {
			extra = ""
		}
		p.para(styleTitle, extra, func() { p.text(strings.Join(ls, "\n")) }, keepStyle)
	}
	if sub != "" {
		p.para(styleSubtitle, after, func() { p.text(sub) }, keepStyle)
	}
	if a := oneLine(d.Addressee); a != "" {
		if !strings.HasSuffix(a, "：") && !strings.HasSuffix(a, ":") {
			a += "："
		}
		p.para(styleAddressee, "", func() { p.text(a) }, keepStyle)
	}
}

func (p *pkg) heading(h doc.Heading) {
	lvl := min(max(h.Level, 1), 4)
	t := oneLine(h.Number) + oneLine(h.Text)
	body := oneLine(h.Body)
	if t == "" && body == "" {
		return
	}
	k := keepStyle
	if body != "" {
		k = keepFree // a run-in heading is a paragraph of text, free to end a page
	}
	p.para("Heading"+strconv.Itoa(lvl), "", func() {
		p.text(t)
		if body != "" {
			p.textRPr(body, fontBody+`<w:b w:val="0"/><w:bCs w:val="0"/>`)
		}
	}, k)
}

func (p *pkg) paragraph(para doc.Paragraph, keepWithNext bool) {
	ls := lines(para.Text)
	for i, l := range ls {
		p.para(styleNormal, "", func() { p.text(l) }, keepIf(keepWithNext && i == len(ls)-1))
	}
}

// caption writes "表N　text" or "图N　text" (label and text separated by a full-width space).
func (p *pkg) caption(label, text string, k keep) {
	p.para(styleCaption, "", func() {
		p.text(label)
		if text != "" {
			p.text("\u3000" + text)
		}
	}, k)
}

func (p *pkg) source(s string, keepWithNext bool) {
	s = oneLine(s)
	if s == "" {
		return
	}
	for _, pre := range []string{"资料来源：", "资料来源:", "资料来源"} {
		s = strings.TrimPrefix(s, pre)
	}
	p.para(styleSource, "", func() { p.text("资料来源：" + strings.TrimSpace(s)) }, keepIf(keepWithNext))
}

// table writes t; keepWithNext keeps its last row and its note on the page of what follows.
func (p *pkg) table(t doc.Table, keepWithNext bool) error {
	p.tables++
	if len(t.Columns) == 0 {
		return fmt.Errorf("表%d has no columns", p.tables)
	}
	for i, r := range t.Rows {
		if len(r) > len(t.Columns) {
			return fmt.Errorf("表%d row %d has %d cells for %d columns", p.tables, i+1, len(r), len(t.Columns))
		}
	}
	if c := oneLine(t.Caption); c != "" {
		p.caption("表"+strconv.Itoa(p.tables), c, keepNext)
	} else if p.pending {
		// A table cannot start a page by itself; an empty paragraph carries the break.
		p.para(styleSource, "", func() {}, keepNext)
	}
	widths := columnWidths(t.Columns)
	total := 0
	for _, w := range widths {
		total += w
	}
	b := &p.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/><w:jc w:val="center"/>`)
	b.WriteString(`<w:tblBorders>`)
	for _, e := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + e + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Title
	}
	p.row(head, widths, nil, true, false)
	for i, r := range t.Rows {
		p.row(r, widths, t.Columns, false, keepWithNext && i == len(t.Rows)-1)
	}
	b.WriteString(`</w:tbl>`)
	p.source(t.Source, keepWithNext)
	return nil
}

// row writes one table row; a header row repeats at the top of each page, and a row is not
// split across pages (a 采纳情况 row read across a page turn is easy to misread) unless it is too
// tall to move whole: a row taller than a page that may not split is cut off by some readers.
// A last row marked keep keeps with the paragraph after the table (Word keeps a row whose
// paragraphs keep with the next one on that one's page).
func (p *pkg) row(cells []string, widths []int, cols []doc.Column, header, keep bool) {
	b := &p.body
	b.WriteString(`<w:tr><w:trPr>`)
	if header || rowLines(cells, widths) <= maxUnsplitLines {
		b.WriteString(`<w:cantSplit/>`)
	}
	if header {
		b.WriteString(`<w:tblHeader/>`)
	}
	b.WriteString(`</w:trPr>`)
	for i, w := range widths {
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
		style, jc := styleTableText, ""
		if header {
			style = styleTableHead
		} else if cols != nil {
			switch cols[i].Align {
			case doc.AlignCenter:
				jc = `<w:jc w:val="center"/>`
			case doc.AlignRight:
				jc = `<w:jc w:val="right"/>`
			}
		}
		ls := lines(cell)
		if len(ls) == 0 {
			ls = []string{""}
		}
		for _, l := range ls {
			kn := ""
			if keep {
				kn = `<w:keepNext/>`
			}
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>` + kn + jc + `</w:pPr>`)
			if l != "" {
				p.text(l)
			}
			b.WriteString(`</w:p>`)
		}
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

// maxUnsplitLines is the tallest row, in 18 pt table lines, kept whole: a third of a page.
const maxUnsplitLines = textH / 360 / 3

// rowLines estimates the height of a row in table lines: its tallest cell, at 12 pt characters
// (240 twips) across the cell's width less its margins.
func rowLines(cells []string, widths []int) int {
	most := 0
	for i, c := range cells {
		if i >= len(widths) {
			break
		}
		perLine := math.Max(float64(widths[i]-170)/240, 1)
		n := 0
		for _, l := range lines(c) {
			n += int(math.Ceil(ems(l) / perLine))
		}
		most = max(most, n)
	}
	return most
}

// columnWidths turns the columns' widths in cm into twips: unset columns share what the set ones
// leave (at least 1 cm each), and a table wider than the text block is scaled down to fit.
func columnWidths(cols []doc.Column) []int {
	const cm = 1440 / 2.54
	ws := make([]float64, len(cols))
	set, unset := 0.0, 0
	for i, c := range cols {
		if c.WidthCM > 0 && !math.IsInf(c.WidthCM, 0) {
			ws[i] = c.WidthCM * cm
			set += ws[i]
		} else {
			unset++
		}
	}
	if unset > 0 {
		share := math.Max((textW-set)/float64(unset), cm)
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
	scale := 1.0
	if sum > textW {
		scale = textW / sum
	}
	out := make([]int, len(ws))
	for i, w := range ws {
		out[i] = max(int(w*scale), 1)
	}
	return out
}

// figure writes f; keepWithNext keeps its last line (note, caption or picture) with what follows.
func (p *pkg) figure(f doc.Figure, keepWithNext bool) error {
	p.figures++
	n := p.figures
	if len(f.PNG) == 0 && len(f.SVG) == 0 {
		return fmt.Errorf("图%d has no picture", n)
	}
	aspect := 0.0
	var main, svg *media
	if len(f.PNG) > 0 {
		a, err := pngAspect(f.PNG)
		if err != nil {
			return fmt.Errorf("图%d: %w", n, err)
		}
		aspect = a
	}
	if len(f.SVG) > 0 {
		a, err := svgAspect(f.SVG)
		if err != nil {
			return fmt.Errorf("图%d: %w", n, err)
		}
		if aspect == 0 {
			aspect = a
		}
	}
	if len(f.PNG) > 0 {
		m := p.addMedia("png", f.PNG)
		main = &m
	}
	if len(f.SVG) > 0 {
		m := p.addMedia("svg", f.SVG)
		svg = &m
	}
	if main == nil { // SVG only: it is the picture itself and its own SVG extension
		main = svg
	}
	if aspect == 0 {
		aspect = 0.6
	}
	wcm := f.WidthCM
	if !(wcm > 0) || math.IsInf(wcm, 0) {
		wcm = 14
	}
	wcm = math.Min(wcm, textW*2.54/1440)
	hcm := f.HeightCM
	if !(hcm > 0) || math.IsInf(hcm, 0) {
		hcm = wcm * aspect
	}
	if maxH := textH*2.54/1440 - 3; hcm > maxH { // leave room for the caption and note
		wcm, hcm = wcm*maxH/hcm, maxH
	}
	cx, cy := int64(wcm*emuPerCM), int64(hcm*emuPerCM)

	caption := oneLine(f.Caption)
	alt := oneLine(f.Alt)
	if alt == "" {
		alt = caption
	}
	hasCaption, hasSource := caption != "", oneLine(f.Source) != ""
	p.para(styleFigure, "", func() { p.drawing(n, main, svg, cx, cy, alt) }, keepIf(hasCaption || hasSource || keepWithNext))
	if hasCaption {
		p.caption("图"+strconv.Itoa(n), caption, keepIf(hasSource || keepWithNext))
	}
	p.source(f.Source, keepWithNext)
	return nil
}

func (p *pkg) addMedia(ext string, data []byte) media {
	i := len(p.media) + 1
	ctype := "image/png"
	if ext == "svg" {
		ctype = "image/svg+xml"
	}
	p.media = append(p.media, media{
		name: "image" + strconv.Itoa(i) + "." + ext, rID: "rIdImg" + strconv.Itoa(i), data: data, ctype: ctype,
	})
	return p.media[len(p.media)-1]
}

// drawing writes an inline picture. With an SVG beside the PNG, the a:blip extension
// {96DAC541-…} points Word 2016+ at the SVG; other readers skip the extension and show the PNG.
func (p *pkg) drawing(id int, main, svg *media, cx, cy int64, alt string) {
	b := &p.body
	sx, sy := strconv.FormatInt(cx, 10), strconv.FormatInt(cy, 10)
	ids := strconv.Itoa(id)
	b.WriteString(`<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
	b.WriteString(`<wp:extent cx="` + sx + `" cy="` + sy + `"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`)
	b.WriteString(`<wp:docPr id="` + ids + `" name="图` + ids + `" descr="`)
	esc(b, alt)
	b.WriteString(`"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic><pic:nvPicPr><pic:cNvPr id="` + ids + `" name="` + main.name + `"/><pic:cNvPicPr/></pic:nvPicPr>`)
	b.WriteString(`<pic:blipFill><a:blip r:embed="` + main.rID + `">`)
	if svg != nil {
		b.WriteString(`<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="` + nsSVG + `" r:embed="` + svg.rID + `"/></a:ext></a:extLst>`)
	}
	b.WriteString(`</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	b.WriteString(`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="` + sx + `" cy="` + sy + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`)
	b.WriteString(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
}

// signature writes the 落款 of an unsealed document (GB/T 9704-2012 7.3.5.3): one blank line
// under the text, the issuer two characters in from the right, the date on the next line with
// its first character two to the right of the issuer's; when that would take the date closer
// than two characters to the right edge, the date keeps two and the issuer moves left with it.
// Both lines are placed by their first character (a left indent), so the two-character step
// holds whatever width the reader's font gives the digits of the date.
func (p *pkg) signature() {
	s := p.d.Signature
	issuers := lines(s.Issuer)
	date := ""
	if !s.Date.IsZero() {
		date = doc.FormatDate(s.Date)
	}
	if len(issuers) == 0 && date == "" {
		return
	}
	wi := 0.0
	for _, l := range issuers {
		wi = math.Max(wi, ems(l))
	}
	wd := ems(date)
	const line = 28 // characters
	si := line - 2 - wi
	sd := si + 2
	if len(issuers) == 0 {
		sd = line - 4 - wd // 成文日期右空四字
	} else if date != "" && sd+wd > line-2 {
		sd = line - 2 - wd
		si = sd - 2
	}
	if si < 0 { // an issuer longer than a line wraps; the date still steps two to its right
		sd, si = sd-si, 0
	}
	first, left := true, len(issuers)
	if date != "" {
		left++
	}
	if len(lines(p.d.Colophon)) > 0 {
		left++ // the colophon follows the 落款 onto its page
	}
	put := func(text string, start float64, slack string) {
		left--
		sp := ""
		if first {
			sp = `<w:spacing w:before="` + strconv.Itoa(linePitch) + `"/>`
			first = false
		}
		ind := `<w:ind w:left="` + strconv.Itoa(int(math.Max(start, 0)*charW)) + `"` + slack + `/>`
		// No automatic space between the date's digits and 年月日: it would push a date placed two
		// characters from the edge over it ("20 / 日" on a line of its own).
		noGap := `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`
		p.para(styleSignature, noGap+sp+ind, func() { p.text(text) }, keepIf(left > 0))
	}
	for _, l := range issuers {
		put(l, si, "")
	}
	if date != "" {
		// The date may run into the two blank characters on its right rather than break: its digits
		// are measured at half a character, and a reader without Times New Roman draws them wider
		// (LibreOffice without the 公文 fonts put "日" on a line of its own).
		put(date, sd, ` w:right="`+strconv.Itoa(-2*charW)+`"`)
	}
}

func keepIf(b bool) keep {
	if b {
		return keepNext
	}
	return keepStyle
}
