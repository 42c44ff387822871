package sheet

import (
	"archive/zip"
	"fmt"
	"io"
	"sync/atomic"
)

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
