package sheet

import (
	"os"
	"sync"
	"sync/atomic"
)

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

// errClosed is what Err says after Close before the end.
var errClosed = &Error{Msg: "读取已取消"}
