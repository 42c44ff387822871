package sheet

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// cellErr names the cell in a size error of readCell.
func (p *producer) cellErr(err error, col int) error {
	if err == errTooLong {
		return &Error{File: p.r.name, Row: p.rowNum, Col: colName(col), Msg: p.tooLongMsg()}
	}
	return err
}

// readCell reads the body of a <c> whose attributes are given (empty: it was <c .../>) and appends its
// value as excelize's rowXMLHandler does (raw values). The attributes hold no '&' (the callers check).
func (p *producer) readCell(s *xmlScanner, col *int, ref, style, typ []byte, empty bool) error {
	t := cellTypeOf(typ) // now: typ points into the window, which reading the body may move
	var val []byte       // the <v> text: p.vbuf, or the window itself when nothing needed decoding
	if ref != nil {
		c, ok := parseColumn(ref)
		if !ok {
			if columnTooWide(ref) {
				return colLimitMsg(p.r.name, p.rowNum)
			}
			return errUnsupported
		}
		if c < *col { // *col is one past the previous cell's
			return cellOrderMsg(p.r.name, p.rowNum, c, *col-1)
		}
		*col = c
	}
	styleID := 0
	if style != nil {
		n, ok := parseRowNum(style) // digits only; any size up to 7 digits is fine
		if !ok && string(style) != "0" {
			return errUnsupported
		}
		styleID = n
	}
	var hasV, hasF, hasIS bool
	p.vbuf, p.ibuf = p.vbuf[:0], p.ibuf[:0]
	s.repaired = false
	if !empty {
		if raw, ok := s.quickV(); ok {
			if allDigits(raw) { // shared string indexes, whole numbers: nothing to decode, check or copy
				val = raw
			} else {
				var err error
				if p.vbuf, err = s.appendTextOrRepair(p.vbuf, raw); err != nil {
					return err
				}
			}
			hasV = true
			goto value
		}
		if raw, ok := s.quickBody("<is><t>", "</t></is></c>"); ok { // excelize's StreamWriter, Apache POI
			var err error
			if p.ibuf, err = s.appendTextOrRepair(p.ibuf, raw); err != nil {
				return err
			}
			p.ibuf = bstrUnmarshal(p.ibuf)
			hasIS = true
			goto value
		}
	content:
		for {
			if err := s.next(); err != nil {
				return err
			}
			var err error
			switch s.kind {
			case tokText:
				if !isBlank(s.text) {
					return errUnsupported
				}
			case tokEnd:
				if string(s.name) != "c" {
					return errUnsupported
				}
				break content
			case tokStart, tokEmpty:
				switch string(s.name) {
				case "v":
					if hasV {
						return errUnsupported
					}
					hasV = true
					p.vbuf, err = s.appendElementText(p.vbuf)
				case "f":
					hasF = true
					err = s.skipElement()
				case "is":
					if hasIS {
						return errUnsupported
					}
					hasIS = true
					p.ibuf, err = s.appendSI(p.ibuf)
				default:
					return errUnsupported
				}
			default:
				return errUnsupported
			}
			if err != nil {
				return err
			}
		}
	}
value:
	if val == nil {
		val = p.vbuf
	}
	cell := pendingCell{sst: -1, off: int32(len(p.arena))}
	empty = false
	switch t {
	case typeShared:
		if len(val) == 0 {
			empty = true
			break
		}
		idx, ok := parseDigits(val, 9)
		if !ok {
			var err error
			if idx, err = strconv.Atoi(strings.TrimSpace(string(val))); err != nil {
				// excelize silently reads string 0 here (complete.go catches it after excelize).
				return sstIndexMsg(p.r.name, p.rowNum, *col, val)
			}
		}
		if idx < 0 || idx >= p.nsst {
			// excelize silently reads an empty cell here; a broken file deserves an error.
			return &Error{File: p.r.name, Row: p.rowNum, Col: colName(*col),
				Msg: fmt.Sprintf("引用了不存在的共享文本（编号 %d），文件已损坏，请用 Excel/WPS 打开后另存为 .xlsx 再导入", idx)}
		}
		cell.sst = int32(idx)
		empty = p.sst[idx] == ""
		if p.sstRepaired[cell.sst] {
			p.noteRepair(*col)
		}
	case typeInline:
		v := val
		if hasIS {
			v = p.ibuf
		}
		p.arena = append(p.arena, v...)
	case typeText:
		p.arena = append(p.arena, val...)
	default: // numbers, errors, ISO dates: raw, dates by style
		converted := false
		if styleID < len(p.r.plan.kinds) {
			if k := p.r.plan.kinds[styleID]; k != notDate {
				if d, ok := convertDate(string(val), k, p.r.plan.date1904); ok {
					p.arena = append(p.arena, d...)
					converted = true
				}
			}
		}
		if !converted {
			p.arena = append(p.arena, val...)
		}
	}
	cell.end = int32(len(p.arena))
	if cell.sst < 0 {
		empty = cell.end == cell.off
	}
	if len(p.arena) > 1<<30 {
		return errUnsupported
	}
	if s.repaired {
		s.repaired = false
		p.noteRepair(*col)
	}
	if empty && !hasF {
		return nil
	}
	p.putCell(*col, cell)
	return nil
}

// putCell adds a cell of column col (1-based) to the row, after empty ones for the columns skipped.
func (p *producer) putCell(col int, cell pendingCell) {
	for len(p.rowCells) < col-1 {
		p.rowCells = append(p.rowCells, pendingCell{sst: -1, off: cell.off, end: cell.off})
	}
	p.rowCells = append(p.rowCells, cell)
}

// readUsualCell reads the commonest cells in one pass, as Excel, WPS and LibreOffice write them wholly in
// the window: a shared string, <c r="REF"[ s="STYLE"] t="s"><v>INDEX</v></c>, a number (a date when its
// style says so), <c r="REF"[ s="STYLE"][ t="n"]><v>NUMBER</v></c>, or an inline string (readInlineText).
// For any other shape, or anything odd in these, it reads nothing and returns false: readCell then reads
// the cell, to the same result (the differential tests hold the two to it).
func (p *producer) readUsualCell(s *xmlScanner, col *int) bool {
	b := s.buf[s.pos:s.end]
	if len(b) < 20 || string(b[:6]) != `<c r="` {
		return false
	}
	ref, i, ok := quotedValue(b, 6)
	if !ok {
		return false
	}
	c, ok := p.columnInRow(ref)
	if !ok || c <= *col { // out of order: readCell says so
		return false
	}
	styleID := 0
	if len(b)-i > 4 && string(b[i:i+4]) == ` s="` {
		var style []byte
		if style, i, ok = quotedValue(b, i+4); !ok {
			return false
		}
		if styleID, ok = parseRowNum(style); !ok && string(style) != "0" {
			return false
		}
	}
	shared := false
	switch {
	case len(b)-i >= 10 && string(b[i:i+10]) == ` t="s"><v>`:
		shared, i = true, i+10
	case len(b)-i >= 4 && string(b[i:i+4]) == `><v>`:
		i += 4
	case len(b)-i >= 10 && string(b[i:i+10]) == ` t="n"><v>`: // LibreOffice names the number type
		i += 10
	case len(b)-i >= len(inlineStart) && string(b[i:i+len(inlineStart)]) == inlineStart:
		return p.readInlineText(s, b, i+len(inlineStart), c, col)
	default:
		return false
	}
	off := int32(len(p.arena))
	if shared {
		d, n := i, 0
		for i < len(b) && i-d < 9 && b[i] >= '0' && b[i] <= '9' {
			n = n*10 + int(b[i]-'0')
			i++
		}
		if i == d || len(b)-i < 8 || binary.LittleEndian.Uint64(b[i:]) != vEnd || n >= p.nsst {
			return false
		}
		if p.sst[n] != "" {
			p.putCell(c, pendingCell{sst: int32(n), off: off, end: off})
		}
		if p.sstRepaired != nil && p.sstRepaired[int32(n)] {
			p.noteRepair(c)
		}
	} else {
		// A number as written (nothing in it to decode); with a date style, the date (as readCell does).
		d := i
		for i < len(b) && i-d < 32 && isNumberByte(b[i]) {
			i++
		}
		if i == d || len(b)-i < 8 || binary.LittleEndian.Uint64(b[i:]) != vEnd || len(p.arena) > 1<<30 {
			return false
		}
		converted := false
		if styleID < len(p.r.plan.kinds) {
			if k := p.r.plan.kinds[styleID]; k != notDate {
				if v, ok := convertDate(string(b[d:i]), k, p.r.plan.date1904); ok {
					p.arena = append(p.arena, v...)
					converted = true
				}
			}
		}
		if !converted {
			p.arena = append(p.arena, b[d:i]...)
		}
		p.putCell(c, pendingCell{sst: -1, off: off, end: int32(len(p.arena))})
	}
	s.pos += i + 8
	*col = c
	return true
}

// isNumberByte: a byte of a number as spreadsheets write one (digits, sign, point, exponent).
func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e'
}

const (
	inlineStart = ` t="inlineStr"><is><t>`
	inlineEnd   = `</t></is></c>`
)

// readInlineText ends readUsualCell for an inline string (as excelize's StreamWriter and Apache POI write
// them), <c r="REF"[ s=".."] t="inlineStr"><is><t>TEXT</t></is></c>: TEXT is decoded straight into the
// arena, as readCell decodes it.
func (p *producer) readInlineText(s *xmlScanner, b []byte, i, c int, col *int) bool {
	j := bytes.IndexByte(b[i:], '<')
	if j <= 0 || len(b)-(i+j) < len(inlineEnd) || string(b[i+j:i+j+len(inlineEnd)]) != inlineEnd || len(p.arena) > 1<<30 {
		return false // empty, or another shape: readCell
	}
	off := len(p.arena)
	if k, ok := p.internedPlain(c, b[i:i+j]); ok { // a repeated answer: no need to decode it again
		s.pos += i + j + len(inlineEnd)
		*col = c
		p.putCell(c, pendingCell{sst: k, off: int32(off), end: int32(off)})
		return true
	}
	var err error
	if p.arena, err = appendText(p.arena, b[i:i+j]); err != nil {
		p.arena = p.arena[:off]
		return false // readCell meets the same and hands the file to excelize
	}
	if text := p.arena[off:]; bytes.IndexByte(text, '_') >= 0 { // maybe _xHHHH_ escapes
		p.arena = append(p.arena[:off], bstrUnmarshal(text)...)
	}
	if len(p.arena) == off {
		return false
	}
	s.pos += i + j + len(inlineEnd)
	*col = c
	if k, ok := p.intern(c, p.arena[off:]); ok {
		p.arena = p.arena[:off]
		p.putCell(c, pendingCell{sst: k, off: int32(off), end: int32(off)})
		return true
	}
	p.putCell(c, pendingCell{sst: -1, off: int32(off), end: int32(len(p.arena))})
	return true
}

// quotedValue reads an attribute value from b[i:] up to its closing double quote (at most 16 bytes: a
// cell reference or a style number).
func quotedValue(b []byte, i int) (v []byte, next int, ok bool) {
	for j := i; j < len(b) && j-i <= 16; j++ {
		if b[j] == '"' {
			return b[i:j], j + 1, true
		}
	}
	return nil, 0, false
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseDigits reads a plain run of at most most digits (a row number, a shared string index) without
// allocating.
func parseDigits(v []byte, most int) (int, bool) {
	if len(v) == 0 || len(v) > most {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// cellType is what a cell's t attribute says about reading its value.
type cellType uint8

const (
	typeOther  cellType = iota // numbers, errors, ISO dates ("n", "e", "d", none, unknown)
	typeShared                 // "s"
	typeInline                 // "inlineStr"
	typeText                   // "b", "str": the text as stored
)

func cellTypeOf(typ []byte) cellType {
	switch string(typ) {
	case "s":
		return typeShared
	case "inlineStr":
		return typeInline
	case "b", "str":
		return typeText
	}
	return typeOther
}

// vEnd is "</v></c>" read as one little-endian word.
var vEnd = binary.LittleEndian.Uint64([]byte("</v></c>"))

// quickV is quickBody("<v>", "</v></c>") for the most common cell body, without the general compares:
// values are short, so a plain loop finds the '<'.
func (s *xmlScanner) quickV() (raw []byte, ok bool) {
	b := s.buf[s.pos:s.end]
	if len(b) < 11 || b[0] != '<' || b[1] != 'v' || b[2] != '>' {
		return nil, false
	}
	i := 3
	for i < len(b) && b[i] != '<' {
		i++
	}
	if len(b)-i < 8 || binary.LittleEndian.Uint64(b[i:]) != vEnd {
		return nil, false
	}
	s.pos += i + 8
	return b[3:i], true
}

// quickBody reads the usual cell bodies ("<v>text</v></c>", "<is><t>text</t></is></c>") straight from
// the window, after a <c> start tag. ok is false when the body has another shape or is not in the window
// yet: then it is tokenised.
func (s *xmlScanner) quickBody(prefix, suffix string) (raw []byte, ok bool) {
	b := s.buf[s.pos:s.end]
	if len(b) < len(prefix)+len(suffix) || string(b[:len(prefix)]) != prefix {
		return nil, false
	}
	i := bytes.IndexByte(b[len(prefix):], '<')
	if i < 0 {
		return nil, false
	}
	rest := b[len(prefix)+i:]
	if len(rest) < len(suffix) || string(rest[:len(suffix)]) != suffix {
		return nil, false
	}
	s.pos += len(prefix) + i + len(suffix)
	return b[len(prefix) : len(prefix)+i], true
}

// quickCellTag reads a plain cell start tag (<c r=".." s=".." t="..">, double-quoted values, no entities)
// straight from the window in one pass. ok is false for anything else: then it is tokenised.
func (s *xmlScanner) quickCellTag() (ref, style, typ []byte, empty, ok bool) {
	b := s.buf[s.pos:s.end]
	if len(b) < 4 || b[0] != '<' || b[1] != 'c' || !isSpace(b[2]) {
		return nil, nil, nil, false, false
	}
	i := 2
	for {
		sp := i
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return nil, nil, nil, false, false
		}
		switch b[i] {
		case '>':
			s.pos += i + 1
			return ref, style, typ, false, true
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				s.pos += i + 2
				return ref, style, typ, true, true
			}
			return nil, nil, nil, false, false
		}
		if i == sp { // no white space before the attribute
			return nil, nil, nil, false, false
		}
		n := i
		for i < len(b) && b[i] != '=' && b[i] != '"' && b[i] != '>' && !isSpace(b[i]) {
			i++
		}
		if i+1 >= len(b) || b[i] != '=' || b[i+1] != '"' {
			return nil, nil, nil, false, false
		}
		name := b[n:i]
		i += 2
		v := i
		for i < len(b) && b[i] != '"' {
			if b[i] == '&' { // entities in attribute values: left to readRow's general path
				return nil, nil, nil, false, false
			}
			i++
		}
		if i >= len(b) {
			return nil, nil, nil, false, false
		}
		if len(name) != 1 { // usually r, s, t: skip the prefix search for those
			name = localName(name)
		}
		switch string(name) {
		case "r":
			ref = b[v:i]
		case "s":
			style = b[v:i]
		case "t":
			typ = b[v:i]
		}
		i++
	}
}
