// Package doc is the neutral model of a publishable document (公文-style notice or report): a title,
// an ordered list of blocks (headings, paragraphs, tables, figures, page breaks), the 落款 and the
// attachments (附件) that follow it.
//
// It says what a document contains, not how a format draws it, so the HTML and the Word writers
// (reports/docx) can be fed the same value and publish the same text. It imports nothing from the
// rest of GongPing and holds no layout: fonts, sizes and margins belong to each writer.
//
// Every string may come from users or imported files; writers treat all of it as untrusted text.
package doc

import (
	"fmt"
	"strconv"
	"time"
)

// Document is one publishable document.
type Document struct {
	// Title is the 标题. A newline starts a new title line (long titles are broken by meaning, not width).
	Title string
	// Subtitle is an optional line under the title: a 文号, （征求意见稿）, or a date line.
	Subtitle string
	// Addressee is the optional 主送机关 ("各有关单位"), written flush left under the title; the
	// writer adds the full-width colon when it is missing.
	Addressee string
	// Blocks is the body, in reading order.
	Blocks []Block
	// Attachments are the 附件, in order. As GB/T 9704-2012 7.3.4 and 7.3.7 place them, the writers
	// name them under the body, one line apart ("附件：1.评价方法" with the next names aligned
	// under the first), then write the 落款 and the colophon, then each attachment on pages of its
	// own: "附件1" flush left on its first line and its title centred on the third. With one
	// attachment there is no number ("附件：评价方法", "附件"). Tables and figures are numbered on
	// from the body (Labels of AllBlocks).
	Attachments []Attachment
	// Signature is the 落款 after the body (and the list of attachments); empty fields are left out.
	Signature Signature
	// Colophon is an optional small note under the 落款, before the attachments (e.g. how the
	// document was produced or that personal data was removed).
	Colophon string
}

// Attachment is one 附件: a titled body of its own, set after the document's 落款.
type Attachment struct {
	Title  string  // the 附件名称, without "附件N"; written on one line (the writers wrap it)
	Blocks []Block // its body, as a document's: its headings number themselves (the caller restarts them)
}

// AllBlocks is the body and then every attachment's blocks, in reading order: what Labels numbers
// and what a reader meets page after page.
func (d *Document) AllBlocks() []Block {
	if len(d.Attachments) == 0 {
		return d.Blocks
	}
	out := append([]Block(nil), d.Blocks...)
	for _, a := range d.Attachments {
		out = append(out, a.Blocks...)
	}
	return out
}

// AttachmentLabel is the label of attachment i (from 0) of n: "附件1", "附件2", … or, when there is
// only one, "附件" (GB/T 9704-2012 7.3.4 numbers attachments only when there are several).
func AttachmentLabel(i, n int) string {
	if n == 1 {
		return "附件"
	}
	return "附件" + strconv.Itoa(i+1)
}

// AttachmentNumber is the number attachment i (from 0) of n is listed with under the body: "1.",
// "2.", … or "" for a single attachment.
func AttachmentNumber(i, n int) string {
	if n == 1 {
		return ""
	}
	return strconv.Itoa(i+1) + "."
}

// Block is one element of a document body: Heading, Paragraph, Table, Figure or PageBreak
// (as values or pointers).
type Block interface{ block() }

// Heading is a numbered heading of level 1–4. The caller supplies the numbering text in the
// 公文 sequence 一、 / （一） / 1. / （1）, so that it survives editing exactly as written.
type Heading struct {
	Level  int    // 1–4; other values are written as the nearest level
	Number string // "一、", "（一）", "1.", "（1）"; may be empty
	Text   string
	// Body is optional text that runs on in the heading's paragraph in body type, as level 3–4
	// headings often do: "1.抓好政策解读。" followed by "通过专题培训……" on the same line.
	Body string
}

// Paragraph is body text. Each line of Text (separated by newlines) becomes its own paragraph
// with the usual two-character first-line indent; blank lines are dropped, and leading spaces or
// full-width spaces the user typed for indentation are removed.
type Paragraph struct {
	Text string
}

// Table is a table with a header row (repeated at the top of every page it runs onto). Tables are
// numbered 表1, 表2, … in the order they appear; the number is written before Caption, above the table.
type Table struct {
	Caption string // without the 表N label; empty = no caption and no number
	Columns []Column
	Rows    [][]string // each row has at most len(Columns) cells; missing cells are empty
	Source  string     // 资料来源 note under the table, without the "资料来源：" label; empty = none
}

// Column is one table column.
type Column struct {
	Title   string
	WidthCM float64 // 0 = share what the other columns leave; too wide tables are scaled to the page
	Align   Align
}

// Align is the horizontal alignment of a table column's cells (the header row is always centred).
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Figure is an image, normally a chart. Figures are numbered 图1, 图2, … in the order they appear;
// the number and Caption go under the image.
//
// Give PNG, SVG or both. With both, Word 2016 and later show the SVG and older readers the PNG;
// SVG alone is shown by Word 2016+, WPS and LibreOffice but not by Word 2013.
type Figure struct {
	Caption  string // without the 图N label; empty = no caption and no number
	PNG      []byte
	SVG      []byte
	WidthCM  float64 // 0 = 14 cm; never wider than the text block
	HeightCM float64 // 0 = from the image's aspect ratio
	Alt      string  // alternative text for screen readers; defaults to the caption
	Source   string  // 资料来源 note under the caption, without the label; empty = none
	// ECharts is optional: the same chart's ECharts options (a JSON object, as reports/chart.ECharts
	// writes them), for a page that draws its charts with scripts where they run. The PNG or SVG
	// stays the picture everywhere else (Word, print, a page whose scripts are stripped).
	ECharts string
}

// PageBreak starts the next block on a new page. Several in a row make one break; one at the end
// of the body is ignored.
type PageBreak struct{}

// Signature is the 落款: the issuing body and the date the document is dated (成文日期).
type Signature struct {
	Issuer string    // 发文机关署名; a newline separates several issuers, one per line
	Date   time.Time // zero = no date line
}

func (Heading) block()   {}
func (Paragraph) block() {}
func (Table) block()     {}
func (Figure) block()    {}
func (PageBreak) block() {}

// FormatDate writes a date as published documents do: 2026年11月20日 (Arabic numerals, no leading
// zeros). Every writer dates documents through it, so one date style runs through a document.
func FormatDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
