// Package sheet reads the rows of a spreadsheet file (.xlsx/.xlsm, .xls, or .csv/.txt) one by one, as exact strings,
// with bounded sizes and errors that name the row and column. It is the only place that parses those files.
//
// What a cell becomes (both xlsx paths return exactly the same; the differential tests hold them to it):
//   - text (shared, inline, rich text, formula string results): the text as stored, runs joined, phonetic
//     guides (<rPh>) left out, _xHHHH_ escapes decoded as excelize does;
//   - numbers: the stored value as written in the file (e.g. "3", "0.1", "1.5E-3"), never re-rounded;
//   - numbers whose cell style has a date or date-time number format: "2006-01-02 15:04:05"
//     (excelize.ExcelDateToTime, 1904 date system honoured); with a time-only format (h:mm, hh:mm:ss,
//     上午/下午h"时"mm"分"): "15:04:05"; elapsed formats ([h]:mm) and values outside 0 ≤ v < 2958466 stay numbers;
//   - booleans: "1" or "0" (as stored); errors: the error text ("#N/A", "#DIV/0!"); formulas: the cached value;
//   - ISO dates stored as t="d" cells: the stored text.
//
// .xlsx files are read by a fast path (fast.go: archive/zip and a purpose-built tokenizer, about 30× faster
// than excelize) that hands the whole file to excelize's streaming reader (xlsx_excelize.go) whenever it
// meets something it does not read exactly as excelize does. One deliberate difference, on broken files
// only: a shared string index past the table is an error in the fast path, an empty cell in excelize.
// A shared string index that is not a number (excelize: string 0) and rows out of order or repeated
// (excelize drops or shifts one) are errors on both paths.
// Both paths refuse a worksheet whose XML is cut off or has mismatched tags (excelize's Rows alone stops
// silently at the break, which would import part of the file): complete.go checks it after excelize.
// A single text over 8×MaxCellBytes (+1 MiB in the shared strings) is refused by the fast path as soon as
// it is seen, never handed to excelize (which would hold all of it in memory first).
//
// Sheets: the first worksheet that holds data (pickSheet: a 说明 or empty sheet before the answers is
// passed over); errors name the sheet when it is not the first.
//
// Rows: trailing empty cells are trimmed, and rows with no non-empty cell are skipped (RowNum still says
// where a row is). CSV: UTF-8 (BOM stripped) or GBK/GB18030 (detected), RFC 4180 quotes, comma, tab (.txt exports)
// or semicolon separated, LF/CRLF/CR line ends, a trailing empty column beyond the header's width is
// dropped (腾讯问卷).
package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits bound what a reader accepts. A zero field takes its default.
type Limits struct {
	MaxRows       int   // highest row number accepted; default 1,000,000
	MaxCols       int   // widest row accepted; default 16,384 (Excel's limit)
	MaxCellBytes  int   // longest cell in bytes of UTF-8; default 1 MiB
	MaxUnzipBytes int64 // total uncompressed size of an xlsx; default 2 GiB
	// MaxSharedBytes bounds the memory the shared strings table takes once read (its texts plus 20
	// bytes a text); default 128 MiB, at most 2 GiB. The table is held whole, and a zip bomb of repeated texts
	// unpacks to gigabytes well under MaxUnzipBytes.
	MaxSharedBytes int64

	sheet int // the worksheet read, 0 = the first (Open picks it, see pickSheet)
}

// Default limits.
const (
	DefaultMaxRows        = 1_000_000
	DefaultMaxCols        = 16_384
	DefaultMaxCellBytes   = 1 << 20
	DefaultMaxUnzipBytes  = 2 << 30
	DefaultMaxSharedBytes = 128 << 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	if l.MaxCols <= 0 {
		l.MaxCols = DefaultMaxCols
	}
	if l.MaxCellBytes <= 0 {
		l.MaxCellBytes = DefaultMaxCellBytes
	}
	if l.MaxUnzipBytes <= 0 {
		l.MaxUnzipBytes = DefaultMaxUnzipBytes
	}
	if l.MaxSharedBytes <= 0 {
		l.MaxSharedBytes = DefaultMaxSharedBytes
	}
	l.MaxSharedBytes = min(l.MaxSharedBytes, 2<<30) // the table's offsets are 32-bit
	return l
}

// Reader yields the non-empty rows of a worksheet (the first that holds data, see pickSheet) or of the
// CSV one by one.
type Reader interface {
	Next() bool    // advance; false at the end or on error (then Err says why)
	Row() []string // current row, trailing empty cells trimmed; valid until the next call to Next
	RowNum() int   // 1-based row number as the user sees it in Excel (line of the record's start for CSV)
	Err() error    // nil at a clean end; a *Error when the file is broken or over a limit
	Close() error  // releases files and temp files; safe to call twice
}

// progresser is implemented by readers that can say how far they are.
type progresser interface{ progress() (done, total int64) }

// Progress reports how far r is, for a progress bar: bytes of the sheet's XML (xlsx fast path) or of the
// file (CSV) consumed, out of total. total is 0 when unknown (OpenCSV on a stream, xlsx files read by
// excelize); then show the row count instead. Safe to call between calls to Next.
func Progress(r Reader) (done, total int64) {
	if p, ok := r.(progresser); ok {
		return p.progress()
	}
	return 0, 0
}

// dater is implemented by readers of workbooks, which know their date system.
type dater interface{ is1904() bool }

// Date1904 reports whether r reads a workbook in the 1904 date system (Mac Excel): a date serial left as
// a plain number (a cell without a date format) then counts days from 1904-01-01, not 1899-12-30 —
// add 1462 days before reading it as a 1900-system serial. Cells with a date format are already converted.
func Date1904(r Reader) bool {
	if d, ok := r.(dater); ok {
		return d.is1904()
	}
	return false
}

// keyer is implemented by readers that know which cells hold the same text.
type keyer interface{ rowKeys() []int32 }

// CellKeys numbers the texts of r's current row for callers that cache work per distinct text:
// keys[i] ≥ 0 is the same for every cell of the file with the same key, and equal keys mean equal
// texts (the xlsx fast path gives a shared string's index); -1 = not numbered. nil when r cannot tell
// (CSV, files read by excelize). len(keys) == len(Row()); valid until the next call to Next.
func CellKeys(r Reader) []int32 {
	if k, ok := r.(keyer); ok {
		return k.rowKeys()
	}
	return nil
}

// Repair is a cell whose text held what XML does not allow (a control character such as the VT that
// Word's Shift+Enter pastes, NUL, invalid UTF-8, &#0;): those characters were dropped (invalid UTF-8
// became U+FFFD) and the rest of the cell read. An importer shows every repair as a warning.
type Repair struct {
	Row int    // 1-based row
	Col string // column letter
}

// maxRepairs bounds the repairs a reader lists; Repairs still counts all of them.
const maxRepairs = 20

// mender is implemented by readers that can mend cells (the xlsx fast path).
type mender interface{ mended() ([]Repair, int) }

// Repairs lists the first cells r mended (at most 20, in file order) and how many it mended in all; ask
// once Next has returned false.
func Repairs(r Reader) (first []Repair, total int) {
	if m, ok := r.(mender); ok {
		return m.mended()
	}
	return nil, 0
}

// RepairWarnings words Repairs(r) as the warnings an import shows: one per cell listed, then the count
// of the others.
func RepairWarnings(r Reader) []string {
	first, total := Repairs(r)
	var out []string
	for _, rp := range first {
		out = append(out, fmt.Sprintf("第%d行第%s列含有表格不允许的控制字符或乱码（如从 Word 粘贴的换行符），已删除这些字符后导入，请核对该单元格", rp.Row, rp.Col))
	}
	if total > len(first) {
		out = append(out, fmt.Sprintf("另有 %d 个单元格含有控制字符或乱码，已同样处理", total-len(first)))
	}
	return out
}

// worker is implemented by readers that read ahead on goroutines of their own.
type worker interface{ goroutines() int }

// Goroutines is how many goroutines r keeps busy reading ahead of its caller: 2 on the xlsx fast path
// (unzipping, scanning the XML), 1 for CSV and for files excelize reads. A caller with much work per row
// can tell from it whether a goroutine of its own would find a free core.
func Goroutines(r Reader) int {
	if w, ok := r.(worker); ok {
		return w.goroutines()
	}
	return 0
}

// Error is a problem with the file the user gave. Its message is Chinese and safe to show as it is.
type Error struct {
	File  string // base name of the file, "" when reading a stream
	Sheet string // the worksheet, when it is not the workbook's first
	Row   int    // 1-based row; 0 when the problem is not in one row
	Col   string // column letter ("C"); "" when not in one cell
	Msg   string // what is wrong and what to do
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString("文件「" + e.File + "」")
	}
	if e.Sheet != "" {
		b.WriteString("工作表「" + e.Sheet + "」")
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, "第%d行", e.Row)
		if e.Col != "" {
			b.WriteString("第" + e.Col + "列")
		}
	}
	if b.Len() > 0 {
		b.WriteString("：")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// colName is the Excel letter of a 1-based column number.
func colName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return fmt.Sprint(col)
	}
	return name
}

// finishRow applies the rules every reader shares: trim trailing empty cells, enforce the limits.
// It returns the trimmed row, or an error naming the offending cell.
func finishRow(lim Limits, file string, rowNum int, row []string) ([]string, *Error) {
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	if len(row) == 0 {
		return row, nil
	}
	if rowNum > lim.MaxRows {
		return nil, &Error{File: file, Row: rowNum, Msg: fmt.Sprintf("超过 %d 行的上限，请拆分文件后分批导入", lim.MaxRows)}
	}
	if len(row) > lim.MaxCols {
		return nil, &Error{File: file, Row: rowNum, Col: colName(lim.MaxCols + 1),
			Msg: fmt.Sprintf("超过 %d 列的上限，请删除多余的列", lim.MaxCols)}
	}
	for i, c := range row {
		if len(c) > lim.MaxCellBytes {
			return nil, &Error{File: file, Row: rowNum, Col: colName(i + 1),
				Msg: fmt.Sprintf("单元格内容过长（%d 字节，上限 %d），请检查该单元格", len(c), lim.MaxCellBytes)}
		}
	}
	return row, nil
}

// Open opens a spreadsheet by its content and extension: .xlsx/.xlsm (a zip), .xls (BIFF8, see xls.go; or an HTML
// table or CSV that a survey site saved under that name), .csv/.txt (text).
// A file that is not what its name says gets a clear *Error, never a reader of garbage.
func Open(path string, lim Limits) (Reader, error) {
	lim = lim.withDefaults()
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: name, Msg: "无法打开文件，请确认文件存在且有读取权限"}
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case n == 0:
		f.Close()
		return nil, &Error{File: name, Msg: "文件是空的，请确认导出是否完整"}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		f.Close()
		if msg := notWorkbook(path); msg != "" {
			return nil, &Error{File: name, Msg: msg}
		}
		return pickSheet(path, name, lim)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return openOLE(f, name, lim) // .xls (BIFF8), or an encrypted workbook: xls.go
	case ext == ".xls":
		return openXLSText(f, name, lim) // an HTML table or CSV text named .xls: xls.go
	case ext == ".xlsx" || ext == ".xlsm":
		f.Close()
		return nil, &Error{File: name, Msg: "不是有效的 xlsx 表格（内容不是 Excel 文件），请重新导出"}
	case ext == ".csv" || ext == ".txt":
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			f.Close()
			return nil, &Error{File: name, Msg: "无法读取文件"}
		}
		var size int64
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		r, err := newCSV(f, size, name, lim)
		if err != nil {
			f.Close()
			return nil, err
		}
		r.closer = f
		return prefetch(r), nil
	default:
		f.Close()
		return nil, &Error{File: name, Msg: "不支持的文件类型，请使用 .xlsx 或 .csv 文件"}
	}
}

// notWorkbook says what a zip that is not an Excel workbook is ("" when it may be one): an OpenDocument
// file (.ods from WPS or LibreOffice) names itself in its first part, mimetype; a Word document has
// word/document.xml. Anything else is left to the readers, which name what is broken.
func notWorkbook(path string) string {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return ""
	}
	defer zr.Close()
	for _, f := range zr.File {
		switch {
		case f.Name == "mimetype" && f.UncompressedSize64 < 128:
			rc, err := f.Open()
			if err != nil {
				return ""
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			switch mt := string(bytes.TrimSpace(b)); {
			case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.spreadsheet"):
				return "这是 .ods 表格（WPS/LibreOffice 的开放文档格式），请在 WPS 或 LibreOffice 中另存为 .xlsx 或 .csv 后再导入"
			case strings.HasPrefix(mt, "application/vnd.oasis.opendocument"):
				return "这是开放文档格式的文字或演示文件，不是表格，请选择问卷导出的 .xlsx 或 .csv 文件"
			}
		case f.Name == "word/document.xml":
			return "这是 Word 文档，不是表格，请选择问卷导出的 .xlsx 或 .csv 文件"
		}
	}
	return ""
}

// isBadTextError tells whether err is encoding/xml's refusal of text XML does not allow (a control character,
// invalid UTF-8, an unknown entity): the errBadText of the excelize paths.
func isBadTextError(err error) bool {
	m := err.Error()
	return strings.Contains(m, "illegal character") || strings.Contains(m, "invalid UTF-8") || strings.Contains(m, "character entity")
}

// asError turns any failure into an *Error for file at row (0 if unknown).
func asError(err error, file string, row int, col string) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if isBadTextError(err) {
		return &Error{File: file, Msg: "文件中含有表格不允许的控制字符或乱码，未导入任何数据；请用 Excel/WPS 打开后另存为 .xlsx 再导入"}
	}
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrAlgorithm) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &Error{File: file, Row: row, Col: col, Msg: "文件不完整或已损坏（压缩包无法解开，可能下载或复制时被截断），未导入任何数据；请重新导出或下载后再导入"}
	}
	return &Error{File: file, Row: row, Col: col, Msg: "文件已损坏或格式无法识别（" + err.Error() + "），请用 Excel/WPS 打开后另存为 .xlsx 再导入"}
}
