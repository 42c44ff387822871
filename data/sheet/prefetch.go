package sheet

import "sync"

// prefetchReader runs a reader in its own goroutine, a batch of rows ahead of the caller, so that
// parsing (CSV, or excelize's XML decoding) overlaps with what the caller does with the rows
// (storing them in SQLite) on a second core.
type prefetchReader struct {
	src     Reader
	batches chan *rowBatch
	free    chan *rowBatch
	stop    chan struct{}
	wg      sync.WaitGroup
	closed  bool
	ended   bool // Next has returned false

	cur    *rowBatch
	idx    int
	row    []string
	rowNum int
	err    error
}

type rowBatch struct {
	cells []string
	ends  []int
	nums  []int
	err   error // the source's Err, in the last batch
}

const prefetchRows = 256

func prefetch(src Reader) *prefetchReader {
	p := &prefetchReader{src: src, batches: make(chan *rowBatch, 2), free: make(chan *rowBatch, 4),
		stop: make(chan struct{})}
	p.wg.Add(1)
	go p.run()
	return p
}

func (p *prefetchReader) run() {
	defer p.wg.Done()
	defer close(p.batches)
	for {
		var b *rowBatch
		select {
		case b = <-p.free:
			b.cells, b.ends, b.nums = b.cells[:0], b.ends[:0], b.nums[:0]
		default:
			b = &rowBatch{}
		}
		more := true
		for len(b.nums) < prefetchRows {
			if more = p.src.Next(); !more {
				b.err = p.src.Err()
				break
			}
			b.cells = append(b.cells, p.src.Row()...) // strings are immutable: copying headers is enough
			b.ends = append(b.ends, len(b.cells))
			b.nums = append(b.nums, p.src.RowNum())
		}
		select {
		case p.batches <- b:
		case <-p.stop:
			return
		}
		if !more {
			return
		}
	}
}

func (p *prefetchReader) Next() bool {
	if !p.next() {
		p.ended = true
		return false
	}
	return true
}

func (p *prefetchReader) next() bool {
	for p.err == nil {
		if p.cur != nil && p.idx < len(p.cur.nums) {
			start := 0
			if p.idx > 0 {
				start = p.cur.ends[p.idx-1]
			}
			end := p.cur.ends[p.idx]
			p.row, p.rowNum = p.cur.cells[start:end:end], p.cur.nums[p.idx]
			p.idx++
			return true
		}
		if p.cur != nil {
			if p.cur.err != nil {
				p.err = p.cur.err
				return false
			}
			select {
			case p.free <- p.cur:
			default:
			}
			p.cur = nil
		}
		b, ok := <-p.batches
		if !ok {
			return false
		}
		p.cur, p.idx = b, 0
	}
	return false
}

func (p *prefetchReader) Row() []string { return p.row }
func (p *prefetchReader) RowNum() int   { return p.rowNum }
func (p *prefetchReader) Err() error    { return p.err }

// progress is safe to call here: the sources' progress counters are atomic.
func (p *prefetchReader) progress() (int64, int64) { return Progress(p.src) }
func (p *prefetchReader) is1904() bool             { return Date1904(p.src) }
func (p *prefetchReader) goroutines() int          { return 1 + Goroutines(p.src) }
func (p *prefetchReader) mended() ([]Repair, int)  { return Repairs(p.src) } // read once Next is false

func (p *prefetchReader) Close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	if !p.ended {
		p.err = errClosed
	}
	close(p.stop)
	p.wg.Wait() // the source is only touched by run until it returns
	return p.src.Close()
}
