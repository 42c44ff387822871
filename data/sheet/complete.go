package sheet

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// errIncomplete says the first worksheet's XML is cut off or not well-formed. excelize's Rows stops
// silently at the first XML error, which would import the rows before it as if they were all the file
// (the all-or-nothing rule forbids that), so the excelize path checks the part to its end itself.
var errIncomplete = errors.New("sheet: worksheet XML is incomplete")

// incompleteError is the user-facing error for a cut-off sheet; last is the last row read (0: none).
func incompleteError(name string, last int) *Error {
	where := "开头"
	if last > 0 {
		where = fmt.Sprintf("第 %d 行之后", last)
	}
	return &Error{File: name, Msg: "工作表内容不完整（在" + where + "中断或标签错乱），文件可能被截断或已损坏，未导入任何数据；请重新导出完整的文件后再导入"}
}

// checkSheetComplete reads the worksheet numbered sheet (0: the first) of the xlsx at zipPath (found as excelize finds it) with a
// strict XML decoder to its end: errIncomplete when it is cut off or its tags do not match, a *badTextError
// for text XML does not allow (where excelize stops without a word), a *rowsUnreadError when lastRead, the
// last row number excelize reached, is before the sheet's last <row>. A package it cannot resolve is
// excelize's business (nil).
func checkSheetComplete(zipPath string, sheet int, maxBytes int64, lastRead int) error {
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return nil
	}
	defer zr.Close()
	files := zipFiles(&zr.Reader)
	wbPath, ok := officeDocument(files)
	if !ok {
		return nil
	}
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	relsPath := "_rels/" + path.Base(wbPath) + ".rels"
	if dir := path.Dir(wbPath); dir != "." {
		relsPath = strings.TrimPrefix(dir+"/_rels/"+path.Base(wbPath)+".rels", "/")
	}
	var wb xmlWorkbook
	var wbRels xmlRels
	if !decodePart(files[wbPath], &wb) || !decodePart(files[relsPath], &wbRels) || len(wb.Sheets.Sheet) <= sheet {
		return nil
	}
	target := ""
	for _, r := range wbRels.Rels {
		if r.ID == wb.Sheets.Sheet[sheet].ID {
			target = r.Target
			break
		}
	}
	if target == "" {
		return nil
	}
	sheetPath := strings.TrimPrefix(path.Clean(path.Dir(wbPath)+"/"+target), "/")
	if strings.HasPrefix(target, "/") {
		sheetPath = strings.TrimPrefix(path.Clean(target), "/")
	}
	f := files[sheetPath]
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return errIncomplete
	}
	known, last, err := scanComplete(io.LimitReader(rc, maxBytes))
	rc.Close()
	if known {
		if err == nil && last > lastRead {
			return &rowsUnreadError{lastRead}
		}
		return err
	}
	// Comments, CDATA, very long texts: encoding/xml decides (about 15 times slower).
	if rc, err = f.Open(); err != nil {
		return errIncomplete
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, maxBytes))
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil } // as excelize
	depth, seen, row, col := 0, false, 0, 0
	for {
		tok, err := d.Token() // Token checks that end tags match
		if err == io.EOF {
			if depth != 0 || !seen {
				return errIncomplete
			}
			if row > lastRead {
				return &rowsUnreadError{lastRead}
			}
			return nil
		}
		if err != nil {
			if isBadTextError(err) {
				return &badTextError{row, col}
			}
			return errIncomplete
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			seen = true
			switch t.Name.Local {
			case "row":
				row, col = row+1, 0
				for _, a := range t.Attr {
					if n, err := strconv.Atoi(a.Value); a.Name.Local == "r" && err == nil {
						row = n
					}
				}
			case "c":
				prevCol := col
				col++
				for _, a := range t.Attr {
					if c, ok := parseColumn([]byte(a.Value)); a.Name.Local == "r" && ok {
						col = c
					} else if a.Name.Local == "r" && columnTooWide([]byte(a.Value)) {
						return &colLimitError{row}
					}
				}
				if col <= prevCol {
					return &cellOrderError{row, col, prevCol}
				}
			}
		case xml.EndElement:
			depth--
		}
	}
}

// cellOrderError: a cell of row at or before the previous cell's column prev (readers put it in the wrong
// column, or drop one of the two).
type cellOrderError struct{ row, col, prev int }

func (e *cellOrderError) Error() string { return "sheet: cells out of order" }

// cellOrderMsg is the message for cells out of order, on both paths.
func cellOrderMsg(name string, row, col, prev int) *Error {
	return &Error{File: name, Row: row, Col: colName(col), Msg: fmt.Sprintf("这个单元格排在第%s列之后（单元格顺序错乱或重复），文件已损坏，请用 Excel/WPS 打开后另存为 .xlsx 再导入", colName(prev))}
}

// colLimitError: a cell reference past column XFD (16,384), Excel's last.
type colLimitError struct{ row int }

func (e *colLimitError) Error() string { return "sheet: column past XFD" }

// colLimitMsg is the message for a cell past the last column, on both paths.
func colLimitMsg(name string, row int) *Error {
	return &Error{File: name, Row: row, Msg: "有单元格超出第16384列（XFD 列，Excel 的最后一列），文件已损坏，请用 Excel/WPS 打开后另存为 .xlsx 再导入"}
}

// columnTooWide reports whether ref is a well-formed cell reference (letters, then a row number) whose
// column is past XFD.
func columnTooWide(ref []byte) bool {
	col, i := 0, 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && col <= 16384 {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	_, ok := parseRowNum(ref[i:])
	return col > 16384 && ok
}

// rowOrderError: a <row> numbered at or before the previous one (excelize drops or shifts a row there).
type rowOrderError struct{ num, prev int }

func (e *rowOrderError) Error() string { return "sheet: rows out of order" }

// rowOrderMsg is the message for rows out of order, on both paths.
func rowOrderMsg(name string, num, prev int) *Error {
	return &Error{File: name, Row: num, Msg: fmt.Sprintf("这一行排在第%d行之后（行的顺序错乱或重复），文件已损坏，请用 Excel/WPS 打开后另存为 .xlsx 再导入", prev)}
}

// sstIndexError: a shared string cell whose index is not a number (excelize reads string 0).
type sstIndexError struct {
	row, col int
	val      string
}

func (e *sstIndexError) Error() string { return "sheet: shared string index is not a number" }

// sstIndexMsg is the message for a shared string index that is not a number, on both paths.
func sstIndexMsg(name string, row, col int, val []byte) *Error {
	return &Error{File: name, Row: row, Col: colName(col),
		Msg: fmt.Sprintf("共享文本编号「%s」不是数字，文件已损坏，请用 Excel/WPS 打开后另存为 .xlsx 再导入", strings.ToValidUTF8(string(val[:min(len(val), 20)]), ""))}
}

// badTextError: text XML does not allow (errBadText) in the cell at row, col (excelize stops there).
type badTextError struct{ row, col int }

func (e *badTextError) Error() string { return "sheet: text XML does not allow" }

// badTextMsg is the message for it: the excelize path cannot mend the cell as the fast path does.
func badTextMsg(name string, row, col int) *Error {
	return &Error{File: name, Row: row, Col: colName(col), Msg: "单元格含有表格不允许的控制字符或乱码，未导入任何数据；请在 Excel/WPS 中删除该单元格里的特殊字符（或另存为 .xlsx）后再导入"}
}

// rowsUnreadError: excelize stopped after row last, before the sheet's end, for a reason not known here.
type rowsUnreadError struct{ last int }

func (e *rowsUnreadError) Error() string { return "sheet: rows left unread" }

// scanComplete checks with xmlScanner that every element is closed, by the same name, before the end
// (errIncomplete), that rows come in order (*rowOrderError) and that every text is one XML allows
// (*badTextError); last is the number of the last <row>. known is false when the scanner cannot tell
// (constructs it does not read, or a cut inside a tag).
func scanComplete(r io.Reader) (known bool, last int, err error) {
	known, err = scanCompleteRows(r, &last)
	return known, last, err
}

func scanCompleteRows(r io.Reader, last *int) (known bool, err error) {
	s := newXMLScanner(r, 64<<20)
	if s.skipProlog() != nil {
		return false, nil
	}
	var names []byte // the open elements' names, each followed by 0
	var ends []int
	seen, prev := false, 0
	col, sharedCell, inV := 0, false, false // the cell being read: column, t="s", inside its <v>
	for {
		if s.next() != nil {
			return false, nil
		}
		switch s.kind {
		case tokEOF:
			if !seen || len(ends) != 0 {
				return true, errIncomplete
			}
			return true, nil
		case tokStart, tokEmpty:
			seen = true
			if string(s.name) == "row" {
				num := prev + 1
				for a := s.attrs; ; {
					name, value, rest, more, bad := nextAttr(a)
					if bad || !more {
						break
					}
					if string(name) == "r" {
						if n, ok := parseRowNum(value); ok {
							num = n
						}
					}
					a = rest
				}
				if num <= prev {
					return true, &rowOrderError{num, prev}
				}
				prev, col = num, 0
				*last = num
			}
			switch string(s.name) {
			case "c":
				prevCol := col
				col++
				sharedCell = false
				for a := s.attrs; ; {
					name, value, rest, more, bad := nextAttr(a)
					if bad || !more {
						break
					}
					switch string(name) {
					case "t":
						sharedCell = string(value) == "s"
					case "r":
						if c, ok := parseColumn(value); ok {
							col = c
						} else if columnTooWide(value) {
							return true, &colLimitError{prev}
						}
					}
					a = rest
				}
				if col <= prevCol {
					return true, &cellOrderError{prev, col, prevCol}
				}
			case "v":
				inV = sharedCell && s.kind == tokStart
			}
			if s.kind == tokStart {
				names = append(append(names, s.name...), 0)
				ends = append(ends, len(names))
			}
		case tokText:
			if _, err := appendText(nil, s.text); err == errBadText {
				return true, &badTextError{prev, col}
			}
			if inV {
				v, err := appendText(nil, s.text)
				if _, aerr := strconv.Atoi(strings.TrimSpace(string(v))); err == nil && aerr != nil && len(v) > 0 {
					return true, &sstIndexError{prev, col, string(v)}
				}
			}
		case tokEnd:
			inV = false
			if len(ends) == 0 {
				return true, errIncomplete
			}
			start := 0
			if len(ends) > 1 {
				start = ends[len(ends)-2]
			}
			if string(names[start:ends[len(ends)-1]-1]) != string(s.name) {
				return true, errIncomplete
			}
			names, ends = names[:start], ends[:len(ends)-1]
		}
	}
}
