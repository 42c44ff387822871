package sheet

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelizeReader reads one worksheet (Limits.sheet) with excelize's streaming Rows: the reference path, used
// whenever the fast path meets something it does not understand.
//
// excelize's Rows does not tell a cell's style, so dates are found with a second iterator over the same
// sheet, read with formatting on, after every date style has been given a marker number format: a cell whose
// formatted value is the marker has a date style and a number type. Files without date styles skip it.
type excelizeReader struct {
	path     string
	name     string
	lim      Limits
	f        *excelize.File
	tmpDir   string
	rows     *excelize.Rows // raw values
	kinds    *excelize.Rows // markers for date-styled numbers; nil when the file has no date style
	date1904 bool
	row      []string
	rowNum   int
	lastRow  int // the last row returned (for errors)
	err      *Error
}

// unzipXMLSizeLimit is excelize's threshold above which a sheet or the shared strings are unzipped to a
// temp file and read from there (a different code path in excelize; tests lower it to cover that path).
var unzipXMLSizeLimit int64 = 16 << 20

// Marker number formats: literal text no number can be formatted to.
const (
	markerDate  = "GPDATE\u2063"
	markerClock = "GPCLOCK\u2063"
)

func openXLSX(path, name string, lim Limits) (r Reader, err error) {
	tmpDir, err := os.MkdirTemp("", "gongping-sheet-")
	if err != nil {
		return nil, fmt.Errorf("sheet: temp dir: %w", err)
	}
	x := &excelizeReader{path: path, name: name, lim: lim, tmpDir: tmpDir}
	defer func() {
		if p := recover(); p != nil {
			err = &Error{File: name, Msg: fmt.Sprintf("文件已损坏，无法读取（%v），请用 Excel/WPS 打开后另存为 .xlsx 再导入", p)}
		}
		if err != nil {
			x.Close()
			r = nil
		}
	}()
	if err := x.open(path); err != nil {
		return nil, err
	}
	return x, nil
}

// maxExcelizeShared bounds the shared strings XML handed to excelize, which holds the table as structs of
// several times its size (the fast path, which reads nearly every file, holds ~a third of it).
const maxExcelizeShared = 32 << 20

func (x *excelizeReader) open(path string) error {
	if zr, err := zip.OpenReader(path); err == nil {
		var shared uint64
		for _, f := range zr.File {
			if strings.HasSuffix(strings.ToLower(f.Name), "sharedstrings.xml") {
				shared += f.UncompressedSize64
			}
		}
		zr.Close()
		if shared > maxExcelizeShared {
			return &Error{File: x.name, Msg: fmt.Sprintf("文件结构特殊（需用兼容方式读取），且文字内容超过 %d MiB，为免占用过多内存未导入；请用 Excel/WPS 打开后另存为 .xlsx 再导入", maxExcelizeShared>>20)}
		}
	}
	xmlLimit := min(unzipXMLSizeLimit, x.lim.MaxUnzipBytes)
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: x.lim.MaxUnzipBytes,
		UnzipXMLSizeLimit: xmlLimit, TmpDir: x.tmpDir})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return &Error{File: x.name, Msg: fmt.Sprintf("解压后超过 %d MiB 的上限（可能是恶意文件），请检查文件来源", x.lim.MaxUnzipBytes>>20)}
		}
		return asError(err, x.name, 0, "")
	}
	x.f = f
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return &Error{File: x.name, Msg: "文件中没有工作表，请重新导出"}
	}
	if x.lim.sheet >= len(sheets) {
		return errNoSheet
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		x.date1904 = *props.Date1904
	}
	if x.rows, err = f.Rows(sheets[x.lim.sheet]); err != nil {
		return asError(err, x.name, 0, "")
	}
	hasDates, err := x.markDateStyles()
	if err != nil {
		return asError(err, x.name, 0, "")
	}
	if hasDates {
		if x.kinds, err = f.Rows(sheets[x.lim.sheet]); err != nil {
			return asError(err, x.name, 0, "")
		}
	}
	return nil
}

// markDateStyles rewrites, in memory only, the number format of every cell style: date styles to a
// marker, all others to General (so no other format can print a marker). It reports whether any
// style is a date style.
func (x *excelizeReader) markDateStyles() (bool, error) {
	ss := x.f.Styles
	if ss == nil || ss.CellXfs == nil {
		return false, nil
	}
	kinds := make([]dateKind, len(ss.CellXfs.Xf))
	// Custom number formats by id: the first definition wins and formatCode16 is preferred, as in excelize.
	custom := map[int]string{}
	if ss.NumFmts != nil {
		for _, nf := range ss.NumFmts.NumFmt {
			if nf == nil {
				continue
			}
			if _, seen := custom[nf.NumFmtID]; seen {
				continue
			}
			code := nf.FormatCode
			if nf.FormatCode16 != "" {
				code = nf.FormatCode16
			}
			custom[nf.NumFmtID] = code
		}
	}
	any := false
	for i, xf := range ss.CellXfs.Xf {
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		if i > 0 { // excelize never formats style 0
			kinds[i] = numFmtKind(id, custom)
		}
		any = any || kinds[i] != notDate
	}
	if !any {
		return false, nil
	}
	dateCode, clockCode := `"`+markerDate+`"`, `"`+markerClock+`"`
	dateStyle, err := x.f.NewStyle(&excelize.Style{CustomNumFmt: &dateCode})
	if err != nil {
		return false, err
	}
	clockStyle, err := x.f.NewStyle(&excelize.Style{CustomNumFmt: &clockCode})
	if err != nil {
		return false, err
	}
	dateFmt, clockFmt, general := ss.CellXfs.Xf[dateStyle].NumFmtID, ss.CellXfs.Xf[clockStyle].NumFmtID, new(int)
	// Drop the two new cell styles again (their number formats stay): a cell whose style index is past the
	// file's own styles must stay unformatted, as it is in the file.
	ss.CellXfs.Xf = ss.CellXfs.Xf[:len(kinds)]
	for i, k := range kinds {
		switch k {
		case dateTime:
			ss.CellXfs.Xf[i].NumFmtID = dateFmt
		case clockTime:
			ss.CellXfs.Xf[i].NumFmtID = clockFmt
		default:
			ss.CellXfs.Xf[i].NumFmtID = general
		}
	}
	return true, nil
}

func (x *excelizeReader) Next() (ok bool) {
	if x.err != nil || x.rows == nil {
		return false
	}
	defer func() {
		if p := recover(); p != nil {
			x.err = &Error{File: x.name, Row: x.rowNum, Msg: fmt.Sprintf("无法解析这一行（%v），请用 Excel/WPS 打开后另存为 .xlsx 再导入", p)}
			ok = false
		}
	}()
	for {
		if !x.rows.Next() {
			if err := x.rows.Error(); err != nil {
				x.err = asError(err, x.name, x.rowNum+1, "")
			} else if err := checkSheetComplete(x.path, x.lim.sheet, x.lim.MaxUnzipBytes, x.rowNum); err != nil {
				x.err = incompleteError(x.name, x.lastRow)
				switch e := err.(type) {
				case *rowOrderError:
					x.err = rowOrderMsg(x.name, e.num, e.prev)
				case *sstIndexError:
					x.err = sstIndexMsg(x.name, e.row, e.col, []byte(e.val))
				case *badTextError:
					x.err = badTextMsg(x.name, e.row, e.col)
				case *cellOrderError:
					x.err = cellOrderMsg(x.name, e.row, e.col, e.prev)
				case *colLimitError:
					x.err = colLimitMsg(x.name, e.row)
				}
			}
			return false
		}
		x.rowNum++ // excelize's Next visits every row number, gaps included
		cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			x.err = asError(err, x.name, x.rowNum, "")
			if errors.Is(err, excelize.ErrColumnNumber) {
				x.err = colLimitMsg(x.name, x.rowNum)
			}
			return false
		}
		if x.kinds != nil {
			x.kinds.Next()
			marks, _ := x.kinds.Columns(excelize.Options{RawCellValue: false})
			for i, m := range marks {
				if i >= len(cells) {
					break
				}
				kind := notDate
				switch m {
				case markerDate:
					kind = dateTime
				case markerClock:
					kind = clockTime
				}
				if v, ok := convertDate(cells[i], kind, x.date1904); ok {
					cells[i] = v
				}
			}
		}
		row, e := finishRow(x.lim, x.name, x.rowNum, cells)
		if e != nil {
			x.err = e
			return false
		}
		if len(row) > 0 {
			x.row, x.lastRow = row, x.rowNum
			return true
		}
	}
}

func (x *excelizeReader) is1904() bool  { return x.date1904 }
func (x *excelizeReader) Row() []string { return x.row }
func (x *excelizeReader) RowNum() int   { return x.rowNum }

func (x *excelizeReader) Err() error {
	if x.err == nil {
		return nil
	}
	return x.err
}

func (x *excelizeReader) Close() error {
	var err error
	if x.kinds != nil {
		x.kinds.Close()
		x.kinds = nil
	}
	if x.rows != nil {
		x.rows.Close()
		x.rows = nil
	}
	if x.f != nil {
		err = x.f.Close()
		x.f = nil
	}
	if x.tmpDir != "" {
		if rmErr := os.RemoveAll(x.tmpDir); err == nil {
			err = rmErr
		}
		x.tmpDir = ""
	}
	return err
}
