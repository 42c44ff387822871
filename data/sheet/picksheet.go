package sheet

import (
	"archive/zip"
	"errors"
)

// errNoSheet: the workbook has no worksheet with the index asked for.
var errNoSheet = errors.New("sheet: no such worksheet")

// Probe bounds: a sheet "holds data" when its first probeRows rows include two rows, one of them at least
// two cells wide (a header and an answer; a 说明/notes sheet is one column of text), or when it has
// probeRows rows at all.
const (
	probeRows  = 20
	maxSheets  = 64
	probeWidth = 2
)

// pickSheet opens the first worksheet that holds data: exports sometimes put a 说明 (notes) sheet or an
// empty one first. When no later sheet holds data the first is read as it is (the caller then says it
// has no answers). Errors name the sheet when it is not the first.
func pickSheet(path, name string, lim Limits) (Reader, error) {
	first, err := openSheet(path, name, lim)
	if err != nil {
		return nil, err
	}
	p := &pickedReader{src: first}
	if p.probe() || first.Err() != nil {
		return p, nil
	}
	names := sheetNames(path)
	for i := 1; i < maxSheets; i++ {
		l := lim
		l.sheet = i
		r, err := openSheet(path, name, l)
		if err != nil { // no more sheets, or one we cannot read: keep the first
			break
		}
		q := &pickedReader{src: r}
		if q.probe() || r.Err() != nil { // a broken sheet is reported, not skipped
			if i < len(names) {
				q.sheet = names[i]
			}
			first.Close()
			return q, nil
		}
		r.Close()
	}
	return p, nil
}

// openSheet opens the worksheet lim.sheet with the fast path, or excelize when the fast path declines.
func openSheet(path, name string, lim Limits) (Reader, error) {
	if r, err := openFast(path, name, lim); r != nil || err != nil {
		return r, err
	}
	r, err := openXLSX(path, name, lim)
	if err != nil {
		return nil, err
	}
	return prefetch(r), nil
}

// sheetNames lists the workbook's worksheets in order (nil when it cannot tell; only for messages).
func sheetNames(path string) []string {
	zr, err := zip.OpenReader(path)
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
	var wb xmlWorkbook
	if !decodePart(files[wbPath], &wb) {
		return nil
	}
	var names []string
	for _, s := range wb.Sheets.Sheet {
		names = append(names, s.Name)
	}
	return names
}

// pickedReader replays the rows read while probing, then reads on from src.
type pickedReader struct {
	src    Reader
	sheet  string // set when the sheet is not the first: errors name it
	buf    []probedRow
	i      int // next buffered row
	row    probedRow
	done   bool // src.Next returned false
	ended  bool // Next returned false to the caller
	closed bool // Close was called before the end
}

type probedRow struct {
	cells []string
	keys  []int32
	num   int
}

// probe reads src's first rows into buf and reports whether the sheet holds data (see probeRows).
func (p *pickedReader) probe() bool {
	wide := false
	for len(p.buf) < probeRows {
		if !p.src.Next() {
			p.done = true
			return false
		}
		row := p.src.Row()
		p.buf = append(p.buf, probedRow{cells: append([]string(nil), row...),
			keys: append([]int32(nil), CellKeys(p.src)...), num: p.src.RowNum()})
		wide = wide || len(row) >= probeWidth
		if len(p.buf) >= 2 && wide {
			return true
		}
	}
	return true
}

func (p *pickedReader) Next() bool {
	if p.closed {
		return false
	}
	if p.i < len(p.buf) {
		p.row = p.buf[p.i]
		p.buf[p.i] = probedRow{}
		p.i++
		return true
	}
	p.buf = nil
	if p.done || !p.src.Next() {
		p.done, p.ended = true, true
		return false
	}
	p.row = probedRow{cells: p.src.Row(), keys: CellKeys(p.src), num: p.src.RowNum()}
	return true
}

func (p *pickedReader) Row() []string           { return p.row.cells }
func (p *pickedReader) RowNum() int             { return p.row.num }
func (p *pickedReader) rowKeys() []int32        { return p.row.keys }
func (p *pickedReader) is1904() bool            { return Date1904(p.src) }
func (p *pickedReader) goroutines() int         { return Goroutines(p.src) }
func (p *pickedReader) mended() ([]Repair, int) { return Repairs(p.src) }

func (p *pickedReader) Close() error {
	p.closed = !p.ended
	p.buf = nil
	return p.src.Close()
}

func (p *pickedReader) progress() (int64, int64) { return Progress(p.src) }

func (p *pickedReader) Err() error {
	if p.closed {
		return errClosed
	}
	err := p.src.Err()
	var e *Error
	if p.sheet != "" && errors.As(err, &e) {
		named := *e
		named.Sheet = p.sheet
		return &named
	}
	return err
}
