package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// csvReader reads a CSV (or tab-separated .txt) export. RowNum is the row Excel would show: a quoted cell
// spanning lines is still one row, a blank line is an empty row.
type csvReader struct {
	name    string
	lim     Limits
	cr      *csv.Reader
	in      *guardReader
	size    int64
	closer  io.Closer
	row     []string
	rowNum  int
	endLine int // text line the last record ended on
	err     *Error
}

// sniffBytes is how much of a CSV is looked at to decide its encoding and separator.
const sniffBytes = 1 << 20

// OpenCSV reads CSV text from r: UTF-8 with or without BOM, UTF-16 with BOM, or GBK/GB18030 (chosen when the
// first MiB is not plausibly UTF-8, see looksUTF8). The separator is a comma, tab or semicolon, whichever
// the first line has most of; lines may end in LF, CRLF or CR alone.
func OpenCSV(r io.Reader, lim Limits) (Reader, error) {
	c, err := newCSV(r, 0, "", lim.withDefaults())
	if err != nil {
		return nil, err
	}
	return prefetch(c), nil
}

func newCSV(r io.Reader, size int64, name string, lim Limits) (*csvReader, error) {
	// A physical line is bounded (8 cells at the limit + 16 MiB): this bounds memory before csv buffers it.
	in := &guardReader{r: r, maxLine: 8*int64(lim.MaxCellBytes) + 16<<20}
	br := bufio.NewReaderSize(in, sniffBytes)
	head, _ := br.Peek(sniffBytes)
	if in.err != nil && !errors.Is(in.err, io.EOF) && !errors.Is(in.err, errLineTooLong) {
		return nil, &Error{File: name, Msg: "无法读取文件"}
	}
	if len(head) == 0 {
		return nil, &Error{File: name, Msg: "文件是空的，请确认导出是否完整"}
	}
	var text io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		text = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.IndexByte(head, 0) >= 0 || bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return nil, &Error{File: name, Msg: "不是文本表格文件（内容是二进制数据），请导出为 .csv 或 .xlsx"}
	case !looksUTF8(trimPartialRune(head, len(head) == sniffBytes)) && looksGB18030(head):
		text = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		// Old Mac line ends (CR only): encoding/csv splits records on LF alone.
		in.crIsLF = true
		text = crToLF{text}
	}
	cr := csv.NewReader(text)
	cr.Comma = sniffComma(head)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvReader{name: name, lim: lim, cr: cr, in: in, size: size}, nil
}

// looksUTF8 decides the encoding by which reading is plausible: UTF-8 when the text is valid UTF-8, or
// when its broken sequences are few (at most 1 for 20 valid multi-byte characters) — GBK text read as UTF-8
// is mostly broken sequences. A UTF-8 file with a damaged byte then gets an error naming the cell
// (Next checks every field), not a whole file of mojibake.
func looksUTF8(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	good, bad := 0, 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		b = b[n:]
	}
	return bad*20 <= good
}

// looksGB18030 reports whether b is well-formed GB18030 (a sequence cut off at the end of the sniffed
// prefix is allowed): text that is neither good UTF-8 nor GB18030 is read as UTF-8, so its broken bytes
// get an error naming the cell instead of being decoded into mojibake.
func looksGB18030(b []byte) bool {
	in := func(c, lo, hi byte) bool { return c >= lo && c <= hi }
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case !in(c, 0x81, 0xFE):
			return false // 0x80 and 0xFF lead nothing
		case i+1 >= len(b):
			return true
		case in(b[i+1], 0x40, 0x7E) || in(b[i+1], 0x80, 0xFE):
			i += 2
		case in(b[i+1], 0x30, 0x39): // four-byte sequence
			if i+3 >= len(b) {
				return true
			}
			if !in(b[i+2], 0x81, 0xFE) || !in(b[i+3], 0x30, 0x39) {
				return false
			}
			i += 4
		default:
			return false
		}
	}
	return true
}

// trimPartialRune drops an incomplete UTF-8 sequence cut off at the end of a sniffed prefix.
func trimPartialRune(b []byte, cut bool) []byte {
	if !cut {
		return b
	}
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// sniffComma picks the separator the header line (outside quotes) has most of: comma, tab (Excel's
// "Unicode text" export) or semicolon (Excel in European locales); comma on a tie.
func sniffComma(head []byte) rune {
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		head = head[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == '\t' || c == ';'):
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{'\t', ';'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// crToLF turns every CR into LF (files whose lines end in CR alone).
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

func (c *csvReader) Next() (ok bool) {
	if c.err != nil || c.cr == nil {
		return false
	}
	defer func() {
		if p := recover(); p != nil {
			c.err = &Error{File: c.name, Row: c.rowNum, Msg: fmt.Sprintf("无法解析这一行（%v）", p)}
			ok = false
		}
	}()
	for {
		rec, err := c.cr.Read()
		if err == io.EOF {
			return false
		}
		if err != nil {
			c.rowNum++
			c.err = c.csvError(err)
			return false
		}
		// Excel shows each record as one row, and each blank line as an empty row.
		start, _ := c.cr.FieldPos(0)
		if c.endLine == 0 {
			c.rowNum = start
		} else {
			c.rowNum += start - c.endLine
		}
		last, _ := c.cr.FieldPos(len(rec) - 1)
		c.endLine = last + strings.Count(rec[len(rec)-1], "\n")
		for i, f := range rec {
			if !utf8.ValidString(f) {
				c.err = &Error{File: c.name, Row: c.rowNum, Col: colName(i + 1),
					Msg: "含有无法识别的字符（字节损坏或编码混杂），请检查该单元格，或将文件另存为 UTF-8 编码的 CSV 后再导入"}
				return false
			}
		}
		row, e := finishRow(c.lim, c.name, c.rowNum, rec)
		if e != nil {
			c.err = e
			return false
		}
		if len(row) > 0 {
			c.row = row
			return true
		}
	}
}

func (c *csvReader) csvError(err error) *Error {
	if errors.Is(err, errLineTooLong) {
		return &Error{File: c.name, Row: c.rowNum, Msg: fmt.Sprintf("这一行超过 %d MiB，可能不是正常的表格文件", c.in.maxLine>>20)}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)) {
		return &Error{File: c.name, Row: c.rowNum, Msg: fmt.Sprintf(
			"双引号不配对（文本第 %d 行第 %d 个字符附近），请检查该行：含逗号或换行的内容要整体用双引号括起，内容中的双引号要写成两个", pe.Line, pe.Column)}
	}
	return &Error{File: c.name, Row: c.rowNum, Msg: "无法读取文件（" + err.Error() + "）"}
}

func (c *csvReader) Row() []string { return c.row }
func (c *csvReader) RowNum() int   { return c.rowNum }

func (c *csvReader) Err() error {
	if c.err == nil {
		return nil
	}
	return c.err
}

func (c *csvReader) progress() (int64, int64) { return c.in.n.Load(), c.size }

func (c *csvReader) Close() error {
	c.cr = nil
	if c.closer != nil {
		err := c.closer.Close()
		c.closer = nil
		return err
	}
	return nil
}

var errLineTooLong = errors.New("line too long")

// guardReader counts bytes read and fails on a physical line longer than maxLine.
type guardReader struct {
	r       io.Reader
	n       atomic.Int64 // read from the caller's goroutine for Progress
	line    int64
	maxLine int64
	crIsLF  bool // CR ends a line too (set before reading past the sniffed head)
	err     error
}

func (g *guardReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	g.n.Add(int64(n))
	b := p[:n]
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if g.crIsLF {
			i = bytes.IndexAny(b, "\r\n")
		}
		if i < 0 {
			g.line += int64(len(b))
			break
		}
		if g.line += int64(i); g.line > g.maxLine {
			break
		}
		g.line = 0
		b = b[i+1:]
	}
	if g.line > g.maxLine {
		g.err = errLineTooLong
		return n, g.err
	}
	g.err = err
	return n, err
}
