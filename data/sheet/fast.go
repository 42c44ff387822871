package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// The fast path reads the first worksheet straight from the zip with xmlScanner instead of encoding/xml
// (excelize spends nearly all its time there). It yields exactly what excelizeReader yields; whatever it
// does not understand — unusual package layout, XML constructs, a broken part — hands the whole file to
// excelizeReader, which skips the rows already delivered.
//
// Three goroutines overlap on two cores: one inflates the sheet into chunks, one tokenises them into
// batches of rows, the caller consumes. Memory stays bounded: a few chunks, a few batches, and the shared
// strings table (its size is bounded by MaxUnzipBytes).

const (
	chunkSize    = 256 << 10
	batchRows    = 512
	batchArena   = 1 << 20
	queuedChunks = 16
	queuedBatch  = 4
)

const (
	relOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	nsRelationships   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	WorkbookPr *struct {
		Date1904 bool `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets struct {
		Sheet []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheet"`
	} `xml:"sheets"`
}

type xmlStyles struct {
	NumFmts *struct {
		NumFmt []*struct {
			NumFmtID     int    `xml:"numFmtId,attr"`
			FormatCode   string `xml:"formatCode,attr"`
			FormatCode16 string `xml:"http://schemas.microsoft.com/office/spreadsheetml/2015/02/main formatCode16,attr"`
		} `xml:"numFmt"`
	} `xml:"numFmts"`
	CellXfs *struct {
		Xf []struct {
			NumFmtID *int `xml:"numFmtId,attr"`
		} `xml:"xf"`
	} `xml:"cellXfs"`
}

// fastPlan is what openFast learns from the package before streaming.
type fastPlan struct {
	sheet, sst *zip.File
	kinds      []dateKind // per cell style index
	date1904   bool
}

// zipFiles indexes a package's parts by name.
func zipFiles(zr *zip.Reader) map[string]*zip.File {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[f.Name] = f
	}
	return files
}

// officeDocument is the workbook part the package's root relationships name ("" when they name none);
// ok is false when the relationships cannot be read.
func officeDocument(files map[string]*zip.File) (wbPath string, ok bool) {
	var rootRels xmlRels
	if !decodePart(files["_rels/.rels"], &rootRels) {
		return "", false
	}
	for _, r := range rootRels.Rels {
		if r.Type == relOfficeDocument {
			return strings.TrimPrefix(r.Target, "/"), true
		}
	}
	return "", true
}

// planFast reads the small parts of the package; a nil plan means "use excelize".
func planFast(zr *zip.Reader, lim Limits) *fastPlan {
	files := map[string]*zip.File{}
	lower := map[string]int{}
	for _, f := range zr.File {
		if strings.Contains(f.Name, "\\") {
			return nil
		}
		files[f.Name] = f
		lower[strings.ToLower(f.Name)]++
	}
	for _, n := range lower {
		if n > 1 { // names that differ only by case: excelize would pick one we cannot predict
			return nil
		}
	}
	wbPath, ok := officeDocument(files)
	if !ok || wbPath != "xl/workbook.xml" {
		return nil
	}
	var wb xmlWorkbook
	var wbRels xmlRels
	if !decodePart(files[wbPath], &wb) || !decodePart(files["xl/_rels/workbook.xml.rels"], &wbRels) ||
		len(wb.Sheets.Sheet) == 0 {
		return nil
	}
	if lim.sheet >= len(wb.Sheets.Sheet) {
		return nil
	}
	first := wb.Sheets.Sheet[lim.sheet]
	for i, s := range wb.Sheets.Sheet {
		if i != lim.sheet && strings.EqualFold(s.Name, first.Name) {
			return nil
		}
	}
	target := ""
	for _, r := range wbRels.Rels {
		if r.ID == first.ID {
			if target != "" {
				return nil
			}
			target = r.Target
		}
	}
	if target == "" || strings.Contains(target, "..") {
		return nil
	}
	sheetPath := strings.TrimPrefix(path.Clean("xl/"+target), "/")
	if strings.HasPrefix(target, "/") {
		sheetPath = strings.TrimPrefix(path.Clean(target), "/")
	}
	p := &fastPlan{sheet: files[sheetPath]}
	if p.sheet == nil || !strings.HasPrefix(sheetPath, "xl/worksheets/") {
		return nil
	}
	for name, f := range files {
		if strings.EqualFold(name, "xl/sharedStrings.xml") {
			p.sst = f
		}
	}
	if wb.WorkbookPr != nil {
		p.date1904 = wb.WorkbookPr.Date1904
	}
	if f := files["xl/styles.xml"]; f != nil {
		var st xmlStyles
		if !decodePart(f, &st) {
			return nil
		}
		p.kinds = styleKinds(&st)
	}
	return p
}

// styleKinds decides the date kind of every cell style, as excelizeReader.markDateStyles does.
func styleKinds(st *xmlStyles) []dateKind {
	if st.CellXfs == nil {
		return nil
	}
	custom := map[int]string{}
	if st.NumFmts != nil {
		for _, nf := range st.NumFmts.NumFmt {
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
	kinds := make([]dateKind, len(st.CellXfs.Xf))
	for i, xf := range st.CellXfs.Xf {
		if i == 0 { // excelize never formats style 0
			continue
		}
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		kinds[i] = numFmtKind(id, custom)
	}
	return kinds
}

// decodePart decodes a small package part; false when missing, too large or malformed.
func decodePart(f *zip.File, v any) bool {
	if f == nil || f.UncompressedSize64 > 64<<20 {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v) == nil
}

// openFast returns a fast reader, or (nil, nil) when excelize must read the file.
func openFast(path, name string, lim Limits) (Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, nil
	}
	var unzipped int64
	for _, zf := range zr.File {
		unzipped += zf.FileInfo().Size()
		if unzipped > lim.MaxUnzipBytes || zf.FileInfo().Size() < 0 {
			f.Close()
			return nil, unzipLimitError(name, lim)
		}
	}
	plan := planFast(zr, lim)
	if plan == nil {
		f.Close()
		return nil, nil
	}
	r := &fastReader{path: path, name: name, lim: lim, file: f, plan: plan,
		total: int64(plan.sheet.UncompressedSize64), stop: make(chan struct{}),
		batches: make(chan *batch, queuedBatch), free: make(chan *batch, queuedBatch+2),
		freeChunks: make(chan []byte, queuedChunks+2)}
	r.wg.Add(1)
	go r.produce()
	return r, nil
}

func sharedTooBigError(name string, lim Limits) *Error {
	return &Error{File: name, Msg: fmt.Sprintf("文件中的文字内容解压后超过 %d MiB 的上限（可能是恶意文件，或一次导出的答卷过多），未导入任何数据；请检查文件来源，或分批导出后再导入", lim.MaxSharedBytes>>20)}
}

func unzipLimitError(name string, lim Limits) *Error {
	return &Error{File: name, Msg: fmt.Sprintf("解压后超过 %d MiB 的上限（可能是恶意文件），请检查文件来源", lim.MaxUnzipBytes>>20)}
}

// batch is a run of rows as excelize's Columns returns them (before trimming and limits).
type batch struct {
	cells    []string
	keys     []int32  // per cell: the shared string's index, -1 for other cells (see CellKeys)
	ends     []int    // end of each row in cells
	nums     []int    // row numbers
	fallback bool     // the producer gave up after these rows: excelize reads the rest
	err      *Error   // or: the file is broken after these rows
	repairs  []Repair // cells of these rows that were mended (at most maxRepairs in all)
	nRepairs int      // how many, counting those past maxRepairs
}

type fastReader struct {
	path, name string
	lim        Limits
	file       *os.File
	plan       *fastPlan
	total      int64
	done       atomic.Int64
	stop       chan struct{}
	closed     bool
	ended      bool // Next has returned false
	batches    chan *batch
	free       chan *batch
	freeChunks chan []byte
	wg         sync.WaitGroup

	cur      *batch
	idx      int
	row      []string
	keys     []int32
	rowNum   int
	err      error
	fallback Reader // excelize, once the fast path gave up
	repairs  []Repair
	nRepairs int
}

func (r *fastReader) Next() bool {
	if !r.next() {
		r.ended = true
		return false
	}
	return true
}

func (r *fastReader) next() bool {
	if r.err != nil {
		return false
	}
	if r.fallback != nil {
		return r.nextFallback()
	}
	for {
		if r.cur != nil && r.idx < len(r.cur.nums) {
			start := 0
			if r.idx > 0 {
				start = r.cur.ends[r.idx-1]
			}
			num := r.cur.nums[r.idx]
			end := r.cur.ends[r.idx]
			cells := r.cur.cells[start:end:end] // capped: an append by the caller must not overwrite the next row
			r.idx++
			row, e := finishRow(r.lim, r.name, num, cells)
			if e != nil {
				r.err = e
				return false
			}
			if len(row) > 0 {
				r.row, r.rowNum = row, num
				r.keys = r.cur.keys[start : start+len(row) : start+len(row)]
				return true
			}
			continue
		}
		if r.cur != nil {
			if r.cur.err != nil {
				r.err = r.cur.err
				return false
			}
			if r.cur.fallback {
				return r.startFallback()
			}
			select {
			case r.free <- r.cur:
			default:
			}
			r.cur = nil
		}
		b, ok := <-r.batches
		if !ok {
			return false
		}
		r.cur, r.idx = b, 0
		r.nRepairs += b.nRepairs
		r.repairs = append(r.repairs, b.repairs[:min(len(b.repairs), maxRepairs-len(r.repairs))]...)
	}
}

// startFallback hands the file to excelize and skips the rows already delivered.
func (r *fastReader) startFallback() bool {
	r.cur, r.keys = nil, nil
	x, err := openXLSX(r.path, r.name, r.lim)
	if err != nil {
		r.err = err
		return false
	}
	r.fallback = x
	return r.nextFallback()
}

func (r *fastReader) nextFallback() bool {
	for r.fallback.Next() {
		if r.fallback.RowNum() > r.rowNum {
			r.row, r.rowNum = r.fallback.Row(), r.fallback.RowNum()
			return true
		}
	}
	r.err = r.fallback.Err()
	return false
}

func (r *fastReader) is1904() bool            { return r.plan.date1904 }
func (r *fastReader) Row() []string           { return r.row }
func (r *fastReader) rowKeys() []int32        { return r.keys }
func (r *fastReader) mended() ([]Repair, int) { return r.repairs, r.nRepairs }
func (r *fastReader) goroutines() int         { return 2 } // inflate and produce
func (r *fastReader) RowNum() int             { return r.rowNum }
func (r *fastReader) Err() error              { return r.err }

func (r *fastReader) progress() (int64, int64) {
	if r.fallback != nil {
		return Progress(r.fallback)
	}
	return r.done.Load(), r.total
}

func (r *fastReader) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	if !r.ended {
		r.err = errClosed
	}
	close(r.stop) // never set to nil: the goroutines select on it
	r.wg.Wait()
	err := r.file.Close()
	if r.fallback != nil {
		if e := r.fallback.Close(); err == nil {
			err = e
		}
	}
	return err
}

// producer state: runs in its own goroutine, owns everything below.
type producer struct {
	r         *fastReader
	sst       []string
	b         *batch
	arena     []byte
	pend      []pendingCell
	rowCells  []pendingCell
	rowNum    int
	rowDigits []byte // rowNum in decimal: a cell reference of this row ends in it
	lastRow   int    // the last row with cells (for errors)
	vbuf      []byte
	ibuf      []byte
	tbuf      []byte
	nsst      int              // shared strings of the file; p.sst holds interned inline texts after them
	inl       map[string]int32 // interned inline text → its index in p.sst
	inlCols   []internStat     // per column
	inlBytes  int
	// sstRepaired holds the shared strings read with appendTextRepaired (nil when none); repairs the
	// cells mended since the last flush
	sstRepaired map[int32]bool
	repairs     []Repair
	nRepairs    int
}

// noteSSTRepair remembers that shared string i was mended, when s just read it so.
func (p *producer) noteSSTRepair(s *xmlScanner, i int) {
	if !s.repaired {
		return
	}
	s.repaired = false
	if p.sstRepaired == nil {
		p.sstRepaired = map[int32]bool{}
	}
	p.sstRepaired[int32(i)] = true
}

// noteRepair records that the cell at column col of the current row was mended.
func (p *producer) noteRepair(col int) {
	p.nRepairs++
	if len(p.repairs) < maxRepairs {
		p.repairs = append(p.repairs, Repair{Row: p.rowNum, Col: colName(col)})
	}
}

// internStat is how interning went in one column: columns of mostly distinct texts stop trying.
type internStat struct {
	looked, found int32
	off           bool
	// recent holds the column's first few interned texts: a Likert or choice column repeats a handful,
	// found by a compare faster than hashing each cell's text for the map
	recent []internedText
}

type internedText struct {
	text  string
	key   int32
	plain bool // text has no '&', '\r', '_' or control character: the XML that gives it is the text itself
}

func newInterned(text string, key int32) internedText {
	plain := true
	for i := 0; i < len(text) && plain; i++ {
		c := text[i]
		plain = c != '&' && c != '\r' && c != '_' && c >= 0x20 && c != '<' && c != '>'
	}
	return internedText{text, key, plain}
}

// internedPlain finds the raw XML text of an inline cell of column col among the column's recent
// interned texts that need no decoding: raw equal to such a text reads as that text (appendText and
// bstrUnmarshal leave it as it is), so the repeated answers of a choice column are not decoded again.
func (p *producer) internedPlain(col int, raw []byte) (int32, bool) {
	if col >= len(p.inlCols) {
		return -1, false
	}
	st := &p.inlCols[col]
	if st.off {
		return -1, false
	}
	if k, ok := st.findRecent(raw, true); ok {
		st.looked++
		st.found++
		return k, true
	}
	return -1, false
}

// findRecent finds text among the column's recent interned texts (only those that need no decoding when
// plainOnly).
func (st *internStat) findRecent(text []byte, plainOnly bool) (int32, bool) {
	for _, r := range st.recent {
		if (r.plain || !plainOnly) && len(r.text) == len(text) && r.text == string(text) {
			return r.key, true
		}
	}
	return -1, false
}

const recentInterned = 8

const (
	maxInterned      = 1 << 16
	maxInternedBytes = 8 << 20
)

// intern gives an inline text of column col a key (an index into p.sst past the shared strings), as the
// shared strings have: the parser then handles a repeated answer by its key, without reading the text.
func (p *producer) intern(col int, text []byte) (int32, bool) {
	for len(p.inlCols) <= col {
		p.inlCols = append(p.inlCols, internStat{})
	}
	st := &p.inlCols[col]
	if st.off {
		return -1, false
	}
	st.looked++
	if k, ok := st.findRecent(text, false); ok {
		st.found++
		return k, true
	}
	if k, ok := p.inl[string(text)]; ok {
		st.found++
		if len(st.recent) < recentInterned {
			st.recent = append(st.recent, newInterned(p.sst[k], k))
		}
		return k, true
	}
	if st.looked >= 256 && st.found < st.looked/2 { // comments, times, addresses: nearly all distinct
		st.off = true
		return -1, false
	}
	if len(p.inl) >= maxInterned || p.inlBytes+len(text) > maxInternedBytes {
		return -1, false
	}
	if p.inl == nil {
		p.inl = map[string]int32{}
	}
	t := string(text)
	k := int32(len(p.sst))
	p.sst = append(p.sst, t)
	p.inl[t] = k
	p.inlBytes += len(t)
	if len(st.recent) < recentInterned {
		st.recent = append(st.recent, newInterned(t, k))
	}
	return k, true
}

// pendingCell is a cell before its batch's arena becomes a string: a shared string, or arena[off:end].
type pendingCell struct {
	sst      int32 // -1: arena
	off, end int32
}

func (r *fastReader) produce() {
	defer r.wg.Done()
	defer close(r.batches)
	p := &producer{r: r}
	err := func() (err error) {
		defer func() {
			if recover() != nil { // a bug here must not crash the import: excelize decides
				err = errUnsupported
			}
		}()
		return p.run()
	}()
	if e, ok := err.(*Error); ok {
		p.flushErr(e)
	} else if err != nil && err != errStopped {
		p.flush(true)
	}
}

var errStopped = fmt.Errorf("sheet: reader closed")

// errClosed is what Err says after Close before the end.
var errClosed = &Error{Msg: "读取已取消"}

func (p *producer) run() error {
	chunks := make(chan []byte, queuedChunks)
	inflateErr := make(chan error, 1)
	p.r.wg.Add(1)
	go p.r.inflate(p.r.plan.sheet, chunks, inflateErr, p.r.freeChunks)
	if p.r.plan.sst != nil {
		if err := p.readSST(); err != nil {
			if err == errTooLong {
				return &Error{File: p.r.name, Msg: fmt.Sprintf("共享文本中有一段内容超过 %d 字节（单元格上限 %d 字节，可能是恶意文件），请检查文件来源",
					8*p.r.lim.MaxCellBytes+(1<<20), p.r.lim.MaxCellBytes)}
			}
			if err == errSharedTooBig {
				return sharedTooBigError(p.r.name, p.r.lim)
			}
			return err
		}
	}
	cr := &chunkReader{chunks: chunks, errc: inflateErr, stop: p.r.stop, free: p.r.freeChunks, done: &p.r.done}
	s := newXMLScanner(cr, 8*p.r.lim.MaxCellBytes+(1<<20))
	s.maxText = 8 * p.r.lim.MaxCellBytes
	if err := p.readSheet(s); err != nil {
		if err == errTooLong {
			return &Error{File: p.r.name, Row: p.rowNum, Msg: p.tooLongMsg()}
		}
		return err
	}
	return p.flush(false)
}

// inflate decompresses the sheet into chunks. It ends with nil on chunks' close and an error on errc.
func (r *fastReader) inflate(part *zip.File, chunks chan<- []byte, errc chan<- error, free chan []byte) {
	defer r.wg.Done()
	defer close(chunks)
	rc, err := part.Open()
	if err != nil {
		errc <- err
		return
	}
	defer rc.Close()
	for {
		var buf []byte
		select {
		case buf = <-free:
		default:
			buf = make([]byte, chunkSize)
		}
		n, err := io.ReadFull(rc, buf[:chunkSize])
		if n > 0 {
			select {
			case chunks <- buf[:n]:
			case <-r.stop:
				return
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return
		}
		if err != nil {
			errc <- err
			return
		}
	}
}

// chunkReader reads the inflated chunks as a stream.
type chunkReader struct {
	chunks <-chan []byte
	errc   <-chan error
	stop   <-chan struct{}
	free   chan<- []byte
	cur    []byte
	buf    []byte
	done   *atomic.Int64
}

func (c *chunkReader) Read(b []byte) (int, error) {
	for len(c.cur) == 0 {
		select {
		case buf, ok := <-c.chunks:
			if !ok {
				select {
				case err := <-c.errc:
					return 0, err
				default:
					return 0, io.EOF
				}
			}
			c.cur, c.buf = buf, buf
		case <-c.stop:
			return 0, errStopped
		}
	}
	n := copy(b, c.cur)
	c.cur = c.cur[n:]
	if len(c.cur) == 0 {
		select { // the chunk is copied out: inflate may reuse it
		case c.free <- c.buf:
		default:
		}
	}
	c.done.Add(int64(n))
	return n, nil
}

// flushErr sends the rows so far and then the error.
func (p *producer) flushErr(e *Error) {
	if p.b == nil {
		if p.flush(false) != nil {
			return
		}
	}
	p.b.err = e
	p.flush(true)
}

// flush sends the current batch (possibly empty when only the fallback flag is news).
func (p *producer) flush(fallback bool) error {
	b := p.b
	if b == nil {
		select {
		case b = <-p.r.free:
			b.cells, b.keys, b.ends, b.nums, b.err = b.cells[:0], b.keys[:0], b.ends[:0], b.nums[:0], nil
			b.repairs, b.nRepairs = b.repairs[:0], 0
		default:
			b = &batch{}
		}
	}
	if len(b.nums) == 0 && !fallback {
		p.b = b
		return nil
	}
	arena := string(p.arena)
	for _, c := range p.pend {
		if c.sst >= 0 {
			b.cells = append(b.cells, p.sst[c.sst])
		} else {
			b.cells = append(b.cells, arena[c.off:c.end])
		}
		b.keys = append(b.keys, c.sst)
	}
	b.fallback = fallback
	b.repairs, b.nRepairs = append(b.repairs, p.repairs...), p.nRepairs
	p.repairs, p.nRepairs = p.repairs[:0], 0
	p.arena, p.pend, p.b = p.arena[:0], p.pend[:0], nil
	select {
	case p.r.batches <- b:
		return nil
	case <-p.r.stop:
		return errStopped
	}
}

func (p *producer) tooLongMsg() string {
	return fmt.Sprintf("单元格内容过长（超过 %d 字节的上限，可能是恶意文件），请检查该单元格或文件来源", p.r.lim.MaxCellBytes)
}

// emitRow adds the row in p.rowCells to the batch.
func (p *producer) emitRow(num int) error {
	if p.b == nil {
		if err := p.flush(false); err != nil {
			return err
		}
	}
	p.pend = append(p.pend, p.rowCells...)
	p.b.ends = append(p.b.ends, len(p.pend))
	p.b.nums = append(p.b.nums, num)
	if len(p.b.nums) >= batchRows || len(p.arena) >= batchArena {
		return p.flush(false)
	}
	return nil
}

// readSST reads the shared strings table into p.sst (substrings of one string).
func (p *producer) readSST() error {
	// Inflated on a goroutine of its own, as the sheet is: a LibreOffice table of rich-text runs is as
	// long to inflate as to read (each about 0.07 s for a 100,000-row export).
	chunks, errc, free := make(chan []byte, queuedChunks), make(chan error, 1), make(chan []byte, queuedChunks+2)
	p.r.wg.Add(1)
	go p.r.inflate(p.r.plan.sst, chunks, errc, free)
	rc := &chunkReader{chunks: chunks, errc: errc, stop: p.r.stop, free: free, done: new(atomic.Int64)}
	// A text over these bounds is refused at once, without a cell to name (a table can hold texts no cell
	// uses, so a merely long one waits for the cell that uses it: finishRow names it).
	s := newXMLScanner(rc, 8*p.r.lim.MaxCellBytes+(1<<20))
	s.maxText = 8*p.r.lim.MaxCellBytes + (1 << 20)
	if err := s.skipProlog(); err != nil {
		return err
	}
	// The texts are shorter than their XML: room for all of them at once saves growing (and copying) the
	// arena a dozen times, and its untouched end costs no memory. The size is the zip header's claim, so
	// it is capped by what the table may take, plus one text: the bound below stops the arena there.
	arena := make([]byte, 0, min(p.r.plan.sst.UncompressedSize64, uint64(p.r.lim.MaxSharedBytes)+uint64(s.maxText)+1))
	ends := make([]uint32, 0, min(p.r.plan.sst.UncompressedSize64/32, 1<<20)) // < 4 GiB: MaxSharedBytes
	depth := 0
	var err error
	for {
		// The table is held whole: bound it as it grows (a zip bomb of repeated texts is gigabytes).
		if int64(len(arena))+20*int64(len(ends)) > p.r.lim.MaxSharedBytes {
			return errSharedTooBig
		}
		if depth == 1 {
			var ok bool
			if arena, ok, err = s.quickSI(arena); err != nil {
				return err
			} else if !ok {
				if arena, ok, err = s.quickRuns(arena); err != nil {
					return err
				}
			}
			if ok {
				ends = append(ends, uint32(len(arena)))
				if len(ends) > 1<<30 {
					return errUnsupported
				}
				p.noteSSTRepair(s, len(ends)-1)
				continue
			}
		}
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokEOF:
			if depth != 0 {
				return errUnsupported
			}
			if int64(len(arena))+20*int64(len(ends)) > p.r.lim.MaxSharedBytes {
				return errSharedTooBig
			}
			// The arena is never written again: its texts are used in place (a copy would double the peak).
			all := unsafe.String(unsafe.SliceData(arena), len(arena))
			p.sst = make([]string, len(ends))
			start := 0
			for i, e := range ends {
				e := int(e)
				p.sst[i] = all[start:e]
				start = e
			}
			p.nsst = len(p.sst)
			return nil
		case tokStart, tokEmpty:
			switch {
			case depth == 0 && string(s.name) == "sst":
				if s.kind == tokStart {
					depth = 1
				}
			case depth == 1 && string(s.name) == "si":
				if arena, err = s.appendSI(arena); err != nil {
					return err
				}
				ends = append(ends, uint32(len(arena)))
				if len(ends) > 1<<30 {
					return errUnsupported
				}
				p.noteSSTRepair(s, len(ends)-1)
			default:
				if err := s.skipElement(); err != nil {
					return err
				}
			}
		case tokEnd:
			depth--
			if depth < 0 {
				return errUnsupported
			}
		}
	}
}

// quickSI appends the text of the usual shared string, <si><t>text</t></si> (LibreOffice: <t
// xml:space="preserve">), read straight from the window as appendSI would read it. ok is false when the
// next element has another shape or is not in the window yet: then it is tokenised.
func (s *xmlScanner) quickSI(dst []byte) (out []byte, ok bool, err error) {
	b := s.buf[s.pos:s.end]
	var open int
	switch {
	case bytes.HasPrefix(b, []byte("<si><t>")):
		open = len("<si><t>")
	case bytes.HasPrefix(b, []byte(`<si><t xml:space="preserve">`)):
		open = len(`<si><t xml:space="preserve">`)
	default:
		return dst, false, nil
	}
	i := bytes.IndexByte(b[open:], '<')
	if i < 0 || !bytes.HasPrefix(b[open+i:], []byte("</t></si>")) {
		return dst, false, nil
	}
	start := len(dst)
	if dst, err = s.appendTextOrRepair(dst, b[open:open+i]); err != nil {
		return dst, false, err
	}
	if un := bstrUnmarshal(dst[start:]); len(un) != len(dst)-start || string(un) != string(dst[start:]) {
		dst = append(dst[:start], un...)
	}
	s.pos += open + i + len("</t></si>")
	return dst, true, nil
}

// quickRuns appends the text of a shared string of rich-text runs as LibreOffice and WPS write them, one
// run per script or font: <si><r>[<rPr>…</rPr>]<t[ xml:space="preserve"]>text</t></r>…</si>, read
// straight from the window as appendSI would read it. ok is false (nothing appended or consumed) when the
// string has another shape or does not end in the window.
func (s *xmlScanner) quickRuns(dst []byte) (out []byte, ok bool, err error) {
	b := s.buf[s.pos:s.end]
	if !bytes.HasPrefix(b, []byte("<si><r>")) {
		return dst, false, nil
	}
	start, i := len(dst), 4
	for !bytes.HasPrefix(b[i:], []byte("</si>")) {
		if !bytes.HasPrefix(b[i:], []byte("<r>")) {
			return dst[:start], false, nil
		}
		i += 3
		if bytes.HasPrefix(b[i:], []byte("<rPr>")) { // formatting only: skipped, as appendRun skips it
			j := bytes.Index(b[i:], []byte("</rPr>"))
			if j < 0 || bytes.Contains(b[i:i+j], []byte("<t")) || bytes.Contains(b[i:i+j], []byte("<!")) {
				return dst[:start], false, nil
			}
			i += j + len("</rPr>")
		}
		switch {
		case bytes.HasPrefix(b[i:], []byte("<t>")):
			i += len("<t>")
		case bytes.HasPrefix(b[i:], []byte(`<t xml:space="preserve">`)):
			i += len(`<t xml:space="preserve">`)
		default:
			return dst[:start], false, nil
		}
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 || !bytes.HasPrefix(b[i+j:], []byte("</t></r>")) {
			return dst[:start], false, nil
		}
		if dst, err = s.appendTextOrRepair(dst, b[i:i+j]); err != nil {
			return dst, false, err
		}
		i += j + len("</t></r>")
		if s.maxText > 0 && len(dst)-start > s.maxText {
			return dst, false, errTooLong
		}
	}
	if un := bstrUnmarshal(dst[start:]); len(un) != len(dst)-start || string(un) != string(dst[start:]) {
		dst = append(dst[:start], un...)
	}
	s.pos += i + len("</si>")
	return dst, true, nil
}

// appendSI appends the text of an <si> or <is> element whose start tag was just read, as excelize's
// xlsxSI.String(): the direct <t>, then every run's <t>; phonetic runs and formatting left out.
func (s *xmlScanner) appendSI(dst []byte) ([]byte, error) {
	if s.kind == tokEmpty {
		return dst, nil
	}
	direct, runs := s.siDirect[:0], s.siRuns[:0]
	defer func() { s.siDirect, s.siRuns = direct[:0], runs[:0] }()
	hasT := false
	for {
		if err := s.next(); err != nil {
			return dst, err
		}
		switch s.kind {
		case tokEOF:
			return dst, errUnsupported
		case tokEnd:
			start := len(dst)
			dst = append(append(dst, direct...), runs...)
			if un := bstrUnmarshal(dst[start:]); len(un) != len(dst)-start || string(un) != string(dst[start:]) {
				dst = append(dst[:start], un...)
			}
			return dst, nil
		case tokStart, tokEmpty:
			var err error
			switch string(s.name) {
			case "t":
				if hasT {
					return dst, errUnsupported
				}
				hasT = true
				direct, err = s.appendElementText(direct)
			case "r":
				runs, err = s.appendRun(runs)
			default:
				err = s.skipElement()
			}
			if err != nil {
				return dst, err
			}
		}
	}
}

// appendRun appends the <t> of a rich text run <r>.
func (s *xmlScanner) appendRun(dst []byte) ([]byte, error) {
	if s.kind == tokEmpty {
		return dst, nil
	}
	hasT := false
	for {
		if err := s.next(); err != nil {
			return dst, err
		}
		switch s.kind {
		case tokEOF:
			return dst, errUnsupported
		case tokEnd:
			if string(s.name) != "r" {
				return dst, errUnsupported
			}
			return dst, nil
		case tokStart, tokEmpty:
			var err error
			if string(s.name) == "t" {
				if hasT {
					return dst, errUnsupported
				}
				hasT = true
				dst, err = s.appendElementText(dst)
			} else {
				err = s.skipElement()
			}
			if err != nil {
				return dst, err
			}
		}
	}
}

// appendElementText appends the decoded text of a text-only element whose start tag was just read.
func (s *xmlScanner) appendElementText(dst []byte) ([]byte, error) {
	if s.kind == tokEmpty {
		return dst, nil
	}
	name := string(s.name)
	for {
		if err := s.next(); err != nil {
			return dst, err
		}
		switch s.kind {
		case tokText:
			var err error
			if dst, err = s.appendTextOrRepair(dst, s.text); err != nil {
				return dst, err
			}
			if s.maxText > 0 && len(dst) > s.maxText {
				return dst, errTooLong
			}
		case tokEnd:
			if string(s.name) != name {
				return dst, errUnsupported
			}
			return dst, nil
		default:
			return dst, errUnsupported
		}
	}
}

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
