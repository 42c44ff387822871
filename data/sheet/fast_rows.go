package sheet

import (
	"bytes"
	"strconv"
)

// readSheet streams <sheetData> row by row.
func (p *producer) readSheet(s *xmlScanner) error {
	if err := s.skipProlog(); err != nil {
		return err
	}
	for {
		if err := s.next(); err != nil {
			return err
		}
		if s.kind == tokEOF {
			return nil
		}
		if s.kind != tokStart && s.kind != tokEmpty {
			continue
		}
		switch string(s.name) {
		case "row", "c":
			return errUnsupported
		case "sheetData":
			if s.kind == tokStart {
				if err := p.readRows(s); err != nil {
					return err
				}
			}
			return p.readSheetEnd(s)
		}
	}
}

// readSheetEnd reads what follows </sheetData> up to </worksheet> and the end of the part: a sheet cut
// off after its rows must not pass for a whole one.
func (p *producer) readSheetEnd(s *xmlScanner) error {
	for {
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokEOF:
			return incompleteError(p.r.name, p.lastRow)
		case tokStart:
			if err := s.skipElement(); err != nil {
				return err
			}
		case tokEnd:
			if string(s.name) != "worksheet" {
				return errUnsupported
			}
			return nil // what may follow is not read (excelize does not read it either)
		}
	}
}

func (p *producer) readRows(s *xmlScanner) error {
	prev := 0
	for {
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokText:
			if !isBlank(s.text) {
				return errUnsupported
			}
		case tokEnd:
			if string(s.name) != "sheetData" {
				return errUnsupported
			}
			return nil
		case tokEOF: // cut off between rows (excelize would stop here without a word)
			return incompleteError(p.r.name, p.lastRow)
		case tokStart, tokEmpty:
			if string(s.name) != "row" {
				return errUnsupported
			}
			num, ok := prev+1, true
			for a := s.attrs; ; {
				name, value, rest, more, bad := nextAttr(a)
				if bad {
					return errUnsupported
				}
				if !more {
					break
				}
				if string(name) == "r" {
					num, ok = parseRowNum(value)
				}
				a = rest
			}
			if !ok {
				return errUnsupported
			}
			if num <= prev { // excelize drops or shifts rows here (complete.go catches it after excelize)
				return rowOrderMsg(p.r.name, num, prev)
			}
			prev, p.rowNum = num, num
			p.rowDigits = strconv.AppendInt(p.rowDigits[:0], int64(num), 10)
			p.rowCells = p.rowCells[:0]
			if s.kind == tokStart {
				if err := p.readRow(s); err != nil {
					return err
				}
			}
			if len(p.rowCells) > 0 {
				p.lastRow = num
			}
			if err := p.emitRow(num); err != nil {
				return err
			}
		default:
			return errUnsupported
		}
	}
}

// parseRowNum accepts what excelize's Next reads as a row number without tripping on it.
func parseRowNum(v []byte) (int, bool) {
	n, ok := parseDigits(v, 7)
	return n, ok && n >= 1 && n <= 1048576
}

// columnInRow is parseColumn for a reference in the current row, whose number it compares instead of
// parsing (the commonest case; any other reference is read by parseColumn).
func (p *producer) columnInRow(ref []byte) (int, bool) {
	col, i := 0, 0
	for i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i > 0 && col <= 16384 && string(ref[i:]) == string(p.rowDigits) {
		return col, true
	}
	return parseColumn(ref)
}

// parseColumn reads the column of a cell reference like "AB12" (strict: upper case, no $).
func parseColumn(v []byte) (int, bool) {
	col, i := 0, 0
	for i < len(v) && v[i] >= 'A' && v[i] <= 'Z' {
		col = col*26 + int(v[i]-'A'+1)
		i++
		if col > 16384 {
			return 0, false
		}
	}
	if i == 0 || i == len(v) || v[i] == '0' {
		return 0, false
	}
	if _, ok := parseRowNum(v[i:]); !ok {
		return 0, false
	}
	return col, true
}

func (p *producer) readRow(s *xmlScanner) error {
	col := 0
	for {
		if p.readUsualCell(s, &col) {
			continue
		}
		if ref, style, typ, empty, ok := s.quickCellTag(); ok {
			col++
			if err := p.readCell(s, &col, ref, style, typ, empty); err != nil {
				return p.cellErr(err, col)
			}
			continue
		}
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokText:
			if !isBlank(s.text) {
				return errUnsupported
			}
		case tokEnd:
			if string(s.name) != "row" {
				return errUnsupported
			}
			return nil
		case tokStart, tokEmpty:
			if string(s.name) != "c" {
				return errUnsupported
			}
			col++
			var ref, style, typ []byte
			for a := s.attrs; ; {
				name, value, rest, more, bad := nextAttr(a)
				if bad {
					return errUnsupported
				}
				if !more {
					break
				}
				switch string(name) {
				case "r":
					ref = value
				case "s":
					style = value
				case "t":
					typ = value
				}
				a = rest
			}
			// excelize decodes entities in attribute values; these never need them, so leave odd ones to it.
			if bytes.IndexByte(ref, '&') >= 0 || bytes.IndexByte(style, '&') >= 0 || bytes.IndexByte(typ, '&') >= 0 {
				return errUnsupported
			}
			if err := p.readCell(s, &col, ref, style, typ, s.kind == tokEmpty); err != nil {
				return p.cellErr(err, col)
			}
		default:
			return errUnsupported
		}
	}
}
