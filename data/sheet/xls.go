package sheet

// Reading .xls (BIFF8, Excel 97–2003), the format 问卷星 has long offered for download.
//
// Why a reader of our own on top of github.com/richardlehane/mscfb (the OLE container library excelize
// already brings in for encrypted workbooks, with a fuzz target of its own), not one of the two pure-Go
// .xls libraries:
//   - github.com/extrame/xls (v0.0.1, no release since): its record loop ignores every read error, so a cut
//     file yields the rows before the cut with no error (our all-or-nothing rule cannot be kept on top of
//     it); it calls os.Exit(1) from inside the library on one malformed FORMAT record; it allocates the
//     shared string table from the count the file claims (4 G entries on a hostile file); its CONTINUE
//     handling of the shared strings reads a length where a split string resumes and patches UTF-16
//     splits with an off-by-one counter, and does not honour the option byte a split string carries in
//     each CONTINUE record (a string that switches between 8-bit and UTF-16 storage, as mixed
//     Chinese/ASCII texts do, comes out garbled); no FILEPASS check (an encrypted file is read as
//     garbage). Its open issues include "Are u serious with the charset?" (#78) and index-out-of-range panics.
//   - github.com/shakinm/xlsReader (v0.9.12, 2021): slices the stream without bounds checks (panics on
//     any truncated record: open issues #13, #18, #29, the fix in PR #33 unmerged), keeps the shared
//     string count as uint16 (a table over 65,535 texts — every distinct answer of a large survey — is
//     misread), ignores DATEMODE (1904 dates), and formats numbers through its own rounding.
// Tried on testdata/xls (LibreOffice's save of a 问卷星 export): extrame/xls read answer 7's 5,250-character
// opinion as 5,251 characters (the split at a CONTINUE record), showed the number 0.8 (General format) as
// "1900-03-20T00:00:00Z", panicked (nil pointer) on the cut file and read the FILEPASS file as if it had no
// password; shakinm/xlsReader read the texts right and returned an error on the cut file, but also read
// the FILEPASS file, and leaves dates as serials for the caller to format.
// Both would need recover() around every call, and neither says when a file has a password.
// BIFF8 as a survey export uses it is small: the globals (BOF, FILEPASS, DATEMODE, FORMAT, XF,
// BOUNDSHEET, SST + CONTINUE, EOF) and a handful of cell records, so we read exactly that, checking every
// length, and refuse anything cut or inconsistent. Dates use the same number-format rules as the xlsx
// paths (dates.go), numbers are the stored IEEE double or RK value written in the shortest form that reads
// back the same (what the file holds, never re-rounded).
//
// Bounds: the file is read whole into memory, so it is refused over maxXLSBytes (64 MiB: a full sheet —
// BIFF8 stops at 65,536 rows — of a 60-column 问卷星 export takes about 60 MiB); the shared strings
// count against Limits.MaxSharedBytes as in xlsx; rows, columns and cell sizes against the other Limits.
// Every parse runs under recover, so a bug of ours on a hostile file is an *Error, never a crash.
//
// .xls files that are not OLE files at all — 问卷星 and other systems serve an HTML table or tab-separated
// text under that name — are read as what they are (openXLSText).

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// maxXLSBytes bounds an OLE file read whole into memory.
const maxXLSBytes = 64 << 20

const msgPassword = "文件加了密码，请在 Excel/WPS 中打开，去掉密码（文件 → 信息 → 保护工作簿 / 文档加密）后另存为 .xlsx 或 .csv 再导入"

// BIFF record types read here.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recFilePass   = 0x002F
	recDateMode   = 0x0022
	recFormat     = 0x041E
	recXF         = 0x00E0
	recBoundSheet = 0x0085
	recSST        = 0x00FC
	recContinue   = 0x003C
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recRString    = 0x00D6 // a LABEL with formatting runs, as some non-Excel writers store rich text
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recNumber     = 0x0203
	recBoolErr    = 0x0205
	recFormula    = 0x0006
	recString     = 0x0207
)

// openOLE reads an OLE compound file: a BIFF8 workbook, or a clear refusal for what else it may be
// (an encrypted .xlsx, a BIFF5 workbook, a Word or PowerPoint file). It closes f.
func openOLE(f *os.File, name string, lim Limits) (Reader, error) {
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{File: name, Msg: "无法读取文件"}
	}
	if st.Size() > maxXLSBytes {
		return nil, &Error{File: name, Msg: fmt.Sprintf("旧版 .xls 文件超过 %d MiB 的上限，请在 Excel/WPS 中另存为 .xlsx 或 .csv 后再导入", maxXLSBytes>>20)}
	}
	data := make([]byte, st.Size())
	if _, err := f.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, &Error{File: name, Msg: "无法读取文件"}
	}
	return readXLS(data, name, lim)
}

// brokenXLS is the refusal of a cut or damaged .xls; why says where, in Chinese.
func brokenXLS(name, why string) *Error {
	return &Error{File: name, Msg: "文件已损坏或不完整（" + why + "），未导入任何数据；请重新下载或导出，或用 Excel/WPS 打开后另存为 .xlsx 再导入"}
}

// readXLS parses data (a whole OLE file) and opens the first worksheet that holds data.
func readXLS(data []byte, name string, lim Limits) (r Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, brokenXLS(name, fmt.Sprint("无法解析：", p))
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, brokenXLS(name, "文件结构无法识别")
	}
	var book, biff5 *mscfb.File
	kind := ""
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch e.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return nil, &Error{File: name, Msg: msgPassword}
		case "Workbook":
			book = e
		case "Book":
			biff5 = e
		case "WordDocument":
			kind = "这是 Word 文档，不是表格，请选择问卷导出的 .xls、.xlsx 或 .csv 文件"
		case "PowerPoint Document":
			kind = "这是 PowerPoint 演示文稿，不是表格，请选择问卷导出的 .xls、.xlsx 或 .csv 文件"
		}
	}
	switch {
	case book == nil && biff5 != nil:
		return nil, &Error{File: name, Msg: "这是 Excel 95 或更早版本的 .xls，请在 Excel/WPS 中另存为 .xlsx 后再导入"}
	case book == nil && kind != "":
		return nil, &Error{File: name, Msg: kind}
	case book == nil:
		return nil, &Error{File: name, Msg: "不是 Excel 表格（文件中没有工作簿），请选择问卷导出的 .xls、.xlsx 或 .csv 文件"}
	case book.Size <= 0 || book.Size > int64(len(data)):
		return nil, brokenXLS(name, "工作簿数据的长度不对")
	}
	stream := make([]byte, book.Size)
	if _, err := io.ReadFull(book, stream); err != nil {
		return nil, brokenXLS(name, "工作簿数据被截断")
	}
	data, doc, book, biff5 = nil, nil, nil, nil // the file's bytes can go: only the stream is read from here on
	wb, e := parseGlobals(stream, name, lim)
	if e != nil {
		return nil, e
	}
	var first *pickedReader
	for i, bs := range wb.sheets {
		s := &xlsSheet{wb: wb, lim: lim, recs: biffRecords{b: stream, pos: int(bs.pos)}, cur: -1, last: -1}
		p := &pickedReader{src: s}
		if i > 0 {
			p.sheet = bs.name
		}
		if p.probe() || s.err != nil {
			return p, nil
		}
		if first == nil {
			first = &pickedReader{src: &xlsSheet{wb: wb, lim: lim, recs: biffRecords{b: stream, pos: int(bs.pos)}, cur: -1, last: -1}}
		}
	}
	if first == nil { // no worksheet at all
		return nil, &Error{File: name, Msg: "工作簿中没有工作表，请确认导出是否完整"}
	}
	return first, nil
}

// biffRecords walks the records of a BIFF stream.
type biffRecords struct {
	b   []byte
	pos int
}

// next returns the record at pos and moves past it; ok is false at the end of the stream, err names a cut.
func (r *biffRecords) next() (typ uint16, data []byte, ok bool, err string) {
	if r.pos >= len(r.b) {
		return 0, nil, false, ""
	}
	if r.pos+4 > len(r.b) {
		return 0, nil, false, fmt.Sprintf("第 %d 字节处的记录被截断", r.pos)
	}
	typ = binary.LittleEndian.Uint16(r.b[r.pos:])
	n := int(binary.LittleEndian.Uint16(r.b[r.pos+2:]))
	if r.pos+4+n > len(r.b) {
		return 0, nil, false, fmt.Sprintf("第 %d 字节处的记录被截断", r.pos)
	}
	data = r.b[r.pos+4 : r.pos+4+n]
	r.pos += 4 + n
	return typ, data, true, ""
}

// continues gathers data and the CONTINUE records that follow it.
func (r *biffRecords) continues(data []byte) [][]byte {
	segs := [][]byte{data}
	for r.pos+4 <= len(r.b) && binary.LittleEndian.Uint16(r.b[r.pos:]) == recContinue {
		_, d, ok, _ := r.next()
		if !ok {
			break
		}
		segs = append(segs, d)
	}
	return segs
}

type xlsBoundSheet struct {
	pos  uint32
	name string
}

// xlsBook is what the globals say: shared strings, cell formats, the date system, the worksheets.
type xlsBook struct {
	name     string
	sst      []string
	xfKinds  []dateKind
	date1904 bool
	sheets   []xlsBoundSheet
}

func parseGlobals(stream []byte, name string, lim Limits) (*xlsBook, *Error) {
	wb := &xlsBook{name: name}
	recs := biffRecords{b: stream}
	typ, data, ok, cut := recs.next()
	if !ok || typ != recBOF || len(data) < 4 {
		if cut != "" {
			return nil, brokenXLS(name, cut)
		}
		return nil, brokenXLS(name, "工作簿开头不对")
	}
	if v := binary.LittleEndian.Uint16(data); v != 0x0600 {
		return nil, &Error{File: name, Msg: "这是 Excel 95 或更早版本的 .xls，请在 Excel/WPS 中另存为 .xlsx 后再导入"}
	}
	custom := map[int]string{}
	var xfFormats []int
	for {
		typ, data, ok, cut := recs.next()
		if cut != "" {
			return nil, brokenXLS(name, cut)
		}
		if !ok {
			return nil, brokenXLS(name, "工作簿的全局部分没有结束标记")
		}
		switch typ {
		case recEOF:
			for _, id := range xfFormats {
				wb.xfKinds = append(wb.xfKinds, numFmtKind(id, custom))
			}
			if len(wb.sheets) == 0 {
				return nil, &Error{File: name, Msg: "工作簿中没有工作表，请确认导出是否完整"}
			}
			return wb, nil
		case recFilePass:
			return nil, &Error{File: name, Msg: msgPassword}
		case recDateMode:
			wb.date1904 = len(data) >= 2 && binary.LittleEndian.Uint16(data) == 1
		case recXF:
			if len(data) < 4 {
				return nil, brokenXLS(name, "单元格格式记录不完整")
			}
			xfFormats = append(xfFormats, int(binary.LittleEndian.Uint16(data[2:])))
		case recFormat:
			if len(data) < 2 {
				return nil, brokenXLS(name, "数字格式记录不完整")
			}
			s := &segReader{segs: [][]byte{data[2:]}}
			code, err := s.unicodeString(2)
			if err != "" {
				return nil, brokenXLS(name, "数字格式记录不完整")
			}
			custom[int(binary.LittleEndian.Uint16(data))] = code
		case recBoundSheet:
			if len(data) < 8 {
				return nil, brokenXLS(name, "工作表目录记录不完整")
			}
			if data[5] != 0 { // 0 = worksheet; charts, macro and VB modules hold no rows
				continue
			}
			pos := binary.LittleEndian.Uint32(data)
			if int64(pos) >= int64(len(stream)) {
				return nil, brokenXLS(name, "工作表的位置超出文件")
			}
			s := &segReader{segs: [][]byte{data[6:]}}
			sheetName, _ := s.unicodeString(1)
			wb.sheets = append(wb.sheets, xlsBoundSheet{pos: pos, name: sheetName})
		case recSST:
			if e := wb.readSST(recs.continues(data), lim); e != nil {
				return nil, e
			}
		}
	}
}

// readSST reads the shared string table from the SST record and its CONTINUE records.
func (wb *xlsBook) readSST(segs [][]byte, lim Limits) *Error {
	if len(segs[0]) < 8 {
		return brokenXLS(wb.name, "共享文字表不完整")
	}
	unique := int64(binary.LittleEndian.Uint32(segs[0][4:]))
	segs[0] = segs[0][8:]
	total := 0
	for _, s := range segs {
		total += len(s)
	}
	// Each text takes at least 3 bytes: never trust the count for more than the data can hold.
	wb.sst = make([]string, 0, min(unique, int64(total/3)+1))
	s := &segReader{segs: segs}
	var mem int64
	for i := int64(0); i < unique; i++ {
		text, err := s.richString()
		if err != "" {
			return brokenXLS(wb.name, fmt.Sprintf("共享文字表在第 %d 条文字处中断", i+1))
		}
		if mem += int64(len(text)) + 20; mem > lim.MaxSharedBytes {
			return sharedTooBigError(wb.name, lim)
		}
		wb.sst = append(wb.sst, text)
	}
	return nil
}

// segReader reads a record's data and its CONTINUE records as one run of bytes; where the characters of
// a string go on in the next record, that record starts with a new option byte (8-bit or UTF-16).
type segReader struct {
	segs [][]byte
	i, p int
	u16  []uint16
}

func (s *segReader) byte1() (byte, bool) {
	for s.i < len(s.segs) && s.p >= len(s.segs[s.i]) {
		s.i, s.p = s.i+1, 0
	}
	if s.i >= len(s.segs) {
		return 0, false
	}
	b := s.segs[s.i][s.p]
	s.p++
	return b, true
}

func (s *segReader) uint(n int) (uint32, bool) {
	var v uint32
	for k := 0; k < n; k++ {
		b, ok := s.byte1()
		if !ok {
			return 0, false
		}
		v |= uint32(b) << (8 * k)
	}
	return v, true
}

func (s *segReader) skip(n int64) bool {
	for n > 0 {
		for s.i < len(s.segs) && s.p >= len(s.segs[s.i]) {
			s.i, s.p = s.i+1, 0
		}
		if s.i >= len(s.segs) {
			return false
		}
		k := min(n, int64(len(s.segs[s.i])-s.p))
		s.p += int(k)
		n -= k
	}
	return true
}

// chars reads cch characters stored 8-bit (Latin-1) or as UTF-16, switching at record boundaries as
// the option byte there says.
func (s *segReader) chars(cch int, high bool) (string, bool) {
	u := s.u16[:0]
	for cch > 0 {
		if s.i < len(s.segs) && s.p >= len(s.segs[s.i]) {
			if s.i+1 >= len(s.segs) {
				return "", false
			}
			s.i, s.p = s.i+1, 0
			opt, ok := s.byte1()
			if !ok {
				return "", false
			}
			high = opt&1 != 0
		}
		if s.i >= len(s.segs) {
			return "", false
		}
		seg := s.segs[s.i][s.p:]
		if high {
			n := min(cch, len(seg)/2)
			if n == 0 {
				return "", false // half a character before the record ends
			}
			for k := 0; k < n; k++ {
				u = append(u, binary.LittleEndian.Uint16(seg[2*k:]))
			}
			s.p += 2 * n
			cch -= n
		} else {
			n := min(cch, len(seg))
			for _, b := range seg[:n] {
				u = append(u, uint16(b))
			}
			s.p += n
			cch -= n
		}
	}
	s.u16 = u
	return string(utf16.Decode(u)), true
}

// unicodeString reads an XLUnicodeString (lenBytes = 2) or ShortXLUnicodeString (lenBytes = 1).
func (s *segReader) unicodeString(lenBytes int) (string, string) {
	cch, ok := s.uint(lenBytes)
	if !ok {
		return "", "cut"
	}
	opt, ok := s.byte1()
	if !ok {
		return "", "cut"
	}
	text, ok := s.chars(int(cch), opt&1 != 0)
	if !ok {
		return "", "cut"
	}
	return text, ""
}

// richString reads an XLUnicodeRichExtendedString: the text, with its formatting runs and phonetic
// data (ExtRst) skipped.
func (s *segReader) richString() (string, string) {
	cch, ok := s.uint(2)
	if !ok {
		return "", "cut"
	}
	opt, ok := s.byte1()
	if !ok {
		return "", "cut"
	}
	var runs, ext uint32
	if opt&0x08 != 0 {
		if runs, ok = s.uint(2); !ok {
			return "", "cut"
		}
	}
	if opt&0x04 != 0 {
		if ext, ok = s.uint(4); !ok {
			return "", "cut"
		}
	}
	text, ok := s.chars(int(cch), opt&1 != 0)
	if !ok || !s.skip(4*int64(runs)) || !s.skip(int64(ext)) {
		return "", "cut"
	}
	return text, ""
}

// xlsSheet reads one worksheet's cell records, a row at a time. BIFF8 writes a row's cells together and
// rows in order; a cell of an earlier row after a later one is refused, as in xlsx.
type xlsSheet struct {
	wb   *xlsBook
	lim  Limits
	recs biffRecords

	started bool
	cur     int // 0-based row being gathered, -1 = none
	last    int // 0-based row handed out last, -1 = none
	cells   []string
	keys    []int32
	set     []bool
	formula [2]int // row, column of a FORMULA whose string result follows in a STRING record; row -1 = none

	row    []string
	rowK   []int32
	rowNum int
	done   bool
	err    *Error
	pos    atomic.Int64
}

func (s *xlsSheet) Row() []string            { return s.row }
func (s *xlsSheet) RowNum() int              { return s.rowNum }
func (s *xlsSheet) rowKeys() []int32         { return s.rowK }
func (s *xlsSheet) is1904() bool             { return s.wb.date1904 }
func (s *xlsSheet) progress() (int64, int64) { return s.pos.Load(), int64(len(s.recs.b)) }

func (s *xlsSheet) Err() error {
	if s.err == nil {
		return nil
	}
	return s.err
}

func (s *xlsSheet) Close() error {
	if !s.done && s.err == nil {
		s.err = errClosed
	}
	s.done = true
	return nil
}

func (s *xlsSheet) fail(row, col int, msg string) bool {
	e := &Error{File: s.wb.name, Msg: msg}
	if row >= 0 {
		e.Row = row + 1
		if col >= 0 {
			e.Col = colName(col + 1)
		}
	}
	s.err, s.done = e, true
	return false
}

func (s *xlsSheet) broken(why string) bool {
	s.err, s.done = brokenXLS(s.wb.name, why), true
	return false
}

func (s *xlsSheet) Next() (ok bool) {
	if s.done {
		return false
	}
	defer func() {
		if p := recover(); p != nil {
			ok = s.broken(fmt.Sprint("无法解析：", p))
		}
		s.pos.Store(int64(s.recs.pos))
	}()
	if !s.started {
		s.started = true
		s.formula[0] = -1
		typ, data, ok, _ := s.recs.next()
		if !ok || typ != recBOF || len(data) < 4 {
			return s.broken("工作表开头不对")
		}
	}
	depth := 0 // charts and other substreams inside the worksheet, skipped
	for {
		start := s.recs.pos
		typ, data, ok, cut := s.recs.next()
		if cut != "" {
			return s.broken(cut)
		}
		if !ok {
			return s.broken("工作表没有结束标记")
		}
		if depth > 0 {
			switch typ {
			case recBOF:
				depth++
			case recEOF:
				depth--
			}
			continue
		}
		switch typ {
		case recBOF:
			depth++
			continue
		case recEOF:
			s.done = true
			return s.flush()
		case recString:
			r, c := s.formula[0], s.formula[1]
			if r < 0 {
				continue // a STRING record with no formula before it holds no cell
			}
			s.formula[0] = -1
			text, err := (&segReader{segs: s.recs.continues(data)}).unicodeString(2)
			if err != "" {
				return s.broken(fmt.Sprintf("第%d行第%s列公式的文字结果不完整", r+1, colName(c+1)))
			}
			if r == s.cur && c < len(s.cells) {
				s.cells[c] = text
			}
			continue
		case recLabelSST, recLabel, recRString, recRK, recMulRK, recNumber, recBoolErr, recFormula:
		default:
			continue
		}
		if len(data) < 6 {
			return s.broken("单元格记录不完整")
		}
		r := int(binary.LittleEndian.Uint16(data))
		if s.cur >= 0 && r > s.cur {
			// The row being gathered is complete: hand it out, read this record again next time.
			s.recs.pos = start
			if s.flush() {
				return true
			}
			if s.err != nil {
				return false
			}
			continue
		}
		if !s.cell(typ, data) {
			return false
		}
	}
}

// cell stores the value(s) of one cell record.
func (s *xlsSheet) cell(typ uint16, data []byte) bool {
	r := int(binary.LittleEndian.Uint16(data))
	c := int(binary.LittleEndian.Uint16(data[2:]))
	xf := int(binary.LittleEndian.Uint16(data[4:]))
	switch typ {
	case recLabelSST:
		if len(data) < 10 {
			return s.broken("单元格记录不完整")
		}
		i := binary.LittleEndian.Uint32(data[6:])
		if int64(i) >= int64(len(s.wb.sst)) {
			return s.fail(r, c, "引用的共享文字不存在，文件可能已损坏；请用 Excel/WPS 打开后另存为 .xlsx 再导入")
		}
		return s.put(r, c, s.wb.sst[i], int32(i))
	case recLabel, recRString:
		text, err := (&segReader{segs: [][]byte{data[6:]}}).unicodeString(2)
		if err != "" {
			return s.broken(fmt.Sprintf("第%d行第%s列的文字不完整", r+1, colName(c+1)))
		}
		return s.put(r, c, text, -1)
	case recRK:
		if len(data) < 10 {
			return s.broken("单元格记录不完整")
		}
		return s.number(r, c, xf, rkValue(binary.LittleEndian.Uint32(data[6:])))
	case recMulRK:
		// rw, colFirst, then (ixfe, RK) per cell, then colLast.
		n := (len(data) - 6) / 6
		if len(data) < 12 || (len(data)-6)%6 != 0 || int(binary.LittleEndian.Uint16(data[len(data)-2:])) != c+n-1 {
			return s.broken("单元格记录不完整")
		}
		for k := 0; k < n; k++ {
			p := data[4+6*k:]
			if !s.number(r, c+k, int(binary.LittleEndian.Uint16(p)), rkValue(binary.LittleEndian.Uint32(p[2:]))) {
				return false
			}
		}
		return true
	case recNumber:
		if len(data) < 14 {
			return s.broken("单元格记录不完整")
		}
		return s.number(r, c, xf, math.Float64frombits(binary.LittleEndian.Uint64(data[6:])))
	case recBoolErr:
		if len(data) < 8 {
			return s.broken("单元格记录不完整")
		}
		return s.put(r, c, boolErrText(data[6], data[7] != 0), -1)
	case recFormula:
		if len(data) < 14 {
			return s.broken("单元格记录不完整")
		}
		v := data[6:14]
		if binary.LittleEndian.Uint16(v[6:]) != 0xFFFF {
			return s.number(r, c, xf, math.Float64frombits(binary.LittleEndian.Uint64(v)))
		}
		switch v[0] {
		case 0: // text: the STRING record that follows holds it
			if !s.put(r, c, "", -1) {
				return false
			}
			s.formula = [2]int{r, c}
			return true
		case 1:
			return s.put(r, c, boolErrText(v[2], false), -1)
		case 2:
			return s.put(r, c, boolErrText(v[2], true), -1)
		}
		return s.put(r, c, "", -1) // an empty text result
	}
	return true
}

func (s *xlsSheet) number(r, c, xf int, f float64) bool {
	if xf >= len(s.wb.xfKinds) {
		return s.fail(r, c, "单元格格式编号超出范围，文件可能已损坏；请用 Excel/WPS 打开后另存为 .xlsx 再导入")
	}
	text := formatNumber(f)
	if d, ok := convertDate(text, s.wb.xfKinds[xf], s.wb.date1904); ok {
		text = d
	}
	return s.put(r, c, text, -1)
}

// put stores a cell of row r (the row being gathered, or the first).
func (s *xlsSheet) put(r, c int, text string, key int32) bool {
	if (s.cur >= 0 && r < s.cur) || (s.cur < 0 && r <= s.last) {
		return s.fail(r, c, "行的顺序错乱（这一行出现在后面的行之后），文件可能已损坏；请用 Excel/WPS 打开后另存为 .xlsx 再导入")
	}
	if r+1 > s.lim.MaxRows {
		return s.fail(r, -1, fmt.Sprintf("超过 %d 行的上限，请拆分文件后分批导入", s.lim.MaxRows))
	}
	if c >= s.lim.MaxCols {
		return s.fail(r, s.lim.MaxCols, fmt.Sprintf("超过 %d 列的上限，请删除多余的列", s.lim.MaxCols))
	}
	if s.cur < 0 {
		s.cur = r
	}
	for len(s.cells) <= c {
		s.cells, s.keys, s.set = append(s.cells, ""), append(s.keys, -1), append(s.set, false)
	}
	if s.set[c] {
		return s.fail(r, c, "同一单元格出现了两次，文件可能已损坏；请用 Excel/WPS 打开后另存为 .xlsx 再导入")
	}
	s.cells[c], s.keys[c], s.set[c] = text, key, true
	return true
}

// flush hands out the row gathered so far; false when it is empty (or over a limit: then err is set).
func (s *xlsSheet) flush() bool {
	if s.cur < 0 {
		return false
	}
	num := s.cur + 1
	row, e := finishRow(s.lim, s.wb.name, num, s.cells)
	if e != nil {
		s.err, s.done = e, true
		return false
	}
	s.cur, s.last = -1, num-1
	keys := s.keys
	s.cells, s.keys, s.set = nil, nil, nil
	if len(row) == 0 {
		return false
	}
	s.row, s.rowNum = row, num
	s.rowK = keys[:len(row)]
	s.last = num - 1
	return true
}

// rkValue decodes an RK number: a 30-bit integer or the top 30 bits of a double, optionally ÷ 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&^3) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

// formatNumber writes a stored double the shortest way that reads back the same value, as spreadsheet
// files write numbers ("3", "0.1", "1234567.89", "1E-7").
func formatNumber(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-5 || a >= 1e15) {
		mant, exp, _ := strings.Cut(strconv.FormatFloat(f, 'E', -1, 64), "E")
		e, _ := strconv.Atoi(exp)
		if e > 0 {
			return mant + "E+" + strconv.Itoa(e)
		}
		return mant + "E" + strconv.Itoa(e)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// boolErrText is the text of a boolean ("1"/"0", as the xlsx paths return) or of an error code.
func boolErrText(v byte, isErr bool) string {
	if !isErr {
		if v != 0 {
			return "1"
		}
		return "0"
	}
	switch v {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	case 0x2B:
		return "#GETTING_DATA"
	}
	return "#N/A"
}

// openXLSText reads a file named .xls that is not an OLE file: an HTML table or CSV/TSV text, as
// 问卷星 and other systems serve under that name; anything else is refused. It takes f over.
func openXLSText(f *os.File, name string, lim Limits) (Reader, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil { // Open has read the first bytes
		f.Close()
		return nil, &Error{File: name, Msg: "无法读取文件"}
	}
	head := make([]byte, 4096)
	n, _ := f.ReadAt(head, 0)
	head = head[:n]
	probe := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(probe)
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		f.Close()
		return nil, &Error{File: name, Msg: "这是 Excel 2003 XML 表格，请在 Excel/WPS 中另存为 .xlsx 后再导入"}
	case bytes.HasPrefix(lower, []byte("<")) && (bytes.Contains(lower, []byte("<table")) || bytes.Contains(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<meta")) || bytes.Contains(lower, []byte("<!doctype html"))):
		return newHTMLTable(f, size, name, lim)
	case !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF}) && bytes.IndexByte(head, 0) >= 0:
		f.Close()
		return nil, &Error{File: name, Msg: "不是有效的 .xls 表格（内容既不是 Excel 文件也不是文本），请重新导出"}
	}
	r, err := newCSV(f, size, name, lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closer = f
	return prefetch(r), nil
}

// htmlTable reads the rows (<tr>) and cells (<td>, <th>) of the one table of an HTML file, as Excel shows
// such a file: entities decoded, <br> as a line break, runs of white space as one space, colspan and
// rowspan cells taking their columns (the text in the first). A second table with rows is refused.
type htmlTable struct {
	name   string
	lim    Limits
	z      *html.Tokenizer
	f      *os.File
	in     *guardReader
	size   int64
	tables int  // top-level tables begun
	depth  int  // <table> nesting
	inRow  bool // inside <tr> of the top-level table
	inCell bool
	cell   strings.Builder
	space  bool // white space pending in cell
	curCol int  // column of the cell being read
	cells  []string
	spans  map[int]int // column → rows below still covered by a rowspan
	rowNum int
	rows   int // rows read in the first table
	row    []string
	done   bool
	err    *Error
}

func newHTMLTable(f *os.File, size int64, name string, lim Limits) (Reader, error) {
	in := &guardReader{r: f, maxLine: math.MaxInt64}
	br := bufio.NewReaderSize(in, sniffBytes)
	head, _ := br.Peek(sniffBytes)
	var enc encoding.Encoding
	if e, cs, certain := charset.DetermineEncoding(head, ""); certain || cs != "windows-1252" {
		enc = e
	} else if looksUTF8(head) {
		enc = encoding.Nop
	} else {
		enc = simplifiedchinese.GB18030
	}
	z := html.NewTokenizer(transform.NewReader(br, enc.NewDecoder()))
	z.SetMaxBuf(4*lim.MaxCellBytes + 1<<20)
	return &htmlTable{name: name, lim: lim, z: z, f: f, in: in, size: size, spans: map[int]int{}}, nil
}

func (h *htmlTable) Row() []string            { return h.row }
func (h *htmlTable) RowNum() int              { return h.rowNum }
func (h *htmlTable) progress() (int64, int64) { return h.in.n.Load(), h.size }

func (h *htmlTable) Err() error {
	if h.err == nil {
		return nil
	}
	return h.err
}

func (h *htmlTable) Close() error {
	if !h.done && h.err == nil {
		h.err = errClosed
	}
	h.done = true
	if h.f != nil {
		err := h.f.Close()
		h.f = nil
		return err
	}
	return nil
}

func (h *htmlTable) Next() (ok bool) {
	if h.done {
		return false
	}
	defer func() {
		if p := recover(); p != nil {
			h.err, h.done, ok = &Error{File: h.name, Row: h.rowNum, Msg: fmt.Sprintf("无法解析这一行（%v）", p)}, true, false
		}
	}()
	for {
		tt := h.z.Next()
		switch tt {
		case html.ErrorToken:
			if h.z.Err() != io.EOF {
				h.err, h.done = &Error{File: h.name, Row: h.rowNum + 1, Msg: "网页表格中有过长的内容或无法读取的部分，请在 Excel/WPS 中打开后另存为 .xlsx 再导入"}, true
				return false
			}
			h.done = true
			return h.endRow()
		case html.TextToken:
			if h.inCell {
				h.text(h.z.Text())
				if h.cell.Len() > h.lim.MaxCellBytes {
					h.err, h.done = &Error{File: h.name, Row: h.rowNum + 1, Col: colName(len(h.cells) + 1),
						Msg: fmt.Sprintf("单元格内容过长（超过 %d 字节），请检查该单元格", h.lim.MaxCellBytes)}, true
					return false
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := h.z.TagName()
			tag := string(name)
			end := tt == html.EndTagToken
			switch {
			case tag == "table" && !end && tt != html.SelfClosingTagToken:
				h.depth++
				if h.depth == 1 {
					h.tables++
				}
			case tag == "table" && end:
				if h.depth == 1 && h.endRow() {
					h.depth--
					return true
				}
				if h.depth > 0 {
					h.depth--
				}
				if h.err != nil {
					return false
				}
			case h.depth != 1: // nested tables are text of their cell; outside a table nothing counts
				if tag == "br" && h.inCell {
					h.lineBreak()
				}
			case tag == "tr" && !end:
				ready := h.endRow()
				if h.err != nil {
					return false
				}
				if h.tables > 1 && h.rows > 0 {
					h.err, h.done = &Error{File: h.name, Msg: "文件中有不止一个表格，无法确定要导入哪一个；请在 Excel/WPS 中打开，只保留答卷表格后另存为 .xlsx 再导入"}, true
					return false
				}
				h.inRow, h.cells = true, h.cells[:0]
				if ready {
					return true
				}
			case tag == "tr" && end:
				if h.endRow() {
					return true
				}
				if h.err != nil {
					return false
				}
			case (tag == "td" || tag == "th") && !end:
				if !h.inRow {
					h.inRow, h.cells = true, h.cells[:0]
				}
				h.endCell()
				colspan, rowspan := 1, 1
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = h.z.TagAttr()
					switch string(k) {
					case "colspan":
						colspan = spanAttr(v, h.lim.MaxCols)
					case "rowspan":
						rowspan = spanAttr(v, h.lim.MaxRows)
					}
				}
				h.startCell(colspan, rowspan)
			case (tag == "td" || tag == "th") && end:
				h.endCell()
			case tag == "br" && h.inCell:
				h.lineBreak()
			}
		}
	}
}

func spanAttr(v []byte, max int) int {
	n, err := strconv.Atoi(strings.TrimSpace(string(v)))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, max)
}

// skipCovered moves past the columns of this row that a rowspan above still covers.
func (h *htmlTable) skipCovered() {
	for h.spans[len(h.cells)] > 0 {
		h.cells = append(h.cells, "")
	}
}

func (h *htmlTable) startCell(colspan, rowspan int) {
	h.skipCovered()
	h.inCell = true
	h.cell.Reset()
	h.space = false
	col := len(h.cells)
	h.cells = append(h.cells, "") // filled by endCell
	for k := 1; k < colspan; k++ {
		h.cells = append(h.cells, "")
	}
	if rowspan > 1 {
		for k := 0; k < colspan; k++ {
			h.spans[col+k] = rowspan // counted down at each row's end, this one included
		}
	}
	h.curCol = col
}

func (h *htmlTable) text(b []byte) {
	for _, r := range string(b) {
		switch r {
		case ' ', '\t', '\r', '\n', '\f', '\u00A0':
			h.space = true
			continue
		}
		if h.space && h.cell.Len() > 0 && !strings.HasSuffix(h.cell.String(), "\n") {
			h.cell.WriteByte(' ')
		}
		h.space = false
		h.cell.WriteRune(r)
	}
}

func (h *htmlTable) lineBreak() {
	h.cell.WriteByte('\n')
	h.space = false
}

func (h *htmlTable) endCell() {
	if !h.inCell {
		return
	}
	h.inCell = false
	h.cells[h.curCol] = h.cell.String()
}

// endRow finishes the row being read; true when it is a row to hand out.
func (h *htmlTable) endRow() bool {
	if !h.inRow {
		return false
	}
	h.endCell()
	h.inRow = false
	h.skipCovered()
	for col, n := range h.spans {
		if n <= 1 {
			delete(h.spans, col)
		} else {
			h.spans[col] = n - 1
		}
	}
	h.rowNum++
	h.rows++
	row, e := finishRow(h.lim, h.name, h.rowNum, append([]string(nil), h.cells...))
	if e != nil {
		h.err, h.done = e, true
		return false
	}
	if len(row) == 0 {
		return false
	}
	h.row = row
	return true
}
