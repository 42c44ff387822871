package ingest

import (
	"context"
	"runtime"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/sheet"
)

// parsedBatch is a run of parsed rows on their way from the parser to the writer.
type parsedBatch struct {
	nums     []int
	metas    []data.ResponseMeta
	slots    []string // the rows' slots back to back; row i ends at slotEnds[i]
	slotEnds []int
	ids      []int32 // the rows' value ids (see store.SurveyWriter.AddKnown); row i ends at idEnds[i]
	idEnds   []int
	err      error // the parser stopped after these rows: a bad row, the reader's error or ctx's
}

func (b *parsedBatch) row(i int) (num int, m data.ResponseMeta, slots []string, ids []int32) {
	s0, i0 := 0, 0
	if i > 0 {
		s0, i0 = b.slotEnds[i-1], b.idEnds[i-1]
	}
	return b.nums[i], b.metas[i], b.slots[s0:b.slotEnds[i]], b.ids[i0:b.idEnds[i]]
}

const parsedBatchRows = 256

// rowParser hands the session's rows, parsed, to the writer a batch at a time. Where a core is free it
// parses on a goroutine of its own, a few batches ahead: on two cores that takes 13% off a 100,000-row
// CSV import (0.64 → 0.56 s), whose reader keeps one goroutine busy; the xlsx fast path keeps two busy
// already, and there a fourth made the import 10% slower (0.53 → 0.59 s), so it parses inline.
type rowParser struct {
	ctx    context.Context
	s      *session
	report func()
	row    int // the row being parsed, for the message of a panic

	// with a goroutine:
	batches chan *parsedBatch // closed after the last batch
	free    chan *parsedBatch
	stop    chan struct{}
	done    chan struct{}
	// inline:
	cur   *parsedBatch
	ended bool
}

func startParsing(ctx context.Context, s *session, report func()) *rowParser {
	rp := &rowParser{ctx: ctx, s: s, report: report}
	if sheet.Goroutines(s.r) >= runtime.NumCPU() {
		return rp
	}
	rp.batches, rp.free = make(chan *parsedBatch, 2), make(chan *parsedBatch, 3)
	rp.stop, rp.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(rp.done)
		defer close(rp.batches)
		for {
			b := rp.batch()
			more := rp.fill(b)
			select {
			case rp.batches <- b:
			case <-rp.stop:
				return
			}
			if !more {
				return
			}
		}
	}()
	return rp
}

// Next returns the next batch; ok is false after the last one (which may carry an error). The batch is
// valid until the next call.
func (rp *rowParser) Next() (b *parsedBatch, ok bool) {
	if rp.batches != nil {
		if rp.cur != nil {
			select { // the writer is done with it: the parser may fill it again
			case rp.free <- rp.cur:
			default:
			}
		}
		rp.cur, ok = <-rp.batches
		return rp.cur, ok
	}
	if rp.ended {
		return nil, false
	}
	if rp.cur == nil {
		rp.cur = &parsedBatch{}
	}
	rp.cur.reset()
	rp.ended = !rp.fill(rp.cur)
	return rp.cur, true
}

// fill parses rows into b until it is full (more is true) or the rows end; an error ends them too and is
// left in b.err.
func (rp *rowParser) fill(b *parsedBatch) (more bool) {
	s, p := rp.s, rp.s.p
	defer func() {
		if r := recover(); r != nil { // a hostile file must never take the program down
			b.err = data.InputErrorf("文件「%s」第%d行附近导入失败（内部错误：%v），文件未导入", s.file, rp.row, r)
			more = false
		}
	}()
	for len(b.nums) < parsedBatchRows {
		num, cells, keys, ok := s.next()
		if !ok {
			b.err = readErr(s.file, s.r.Err())
			return false
		}
		rp.row = num
		m, slots, skip, err := p.parseRow(num, cells, keys)
		if err != nil {
			b.err = err
			return false
		}
		if skip {
			continue
		}
		b.nums = append(b.nums, num)
		b.metas = append(b.metas, m)
		b.slots = append(b.slots, slots...)
		b.slotEnds = append(b.slotEnds, len(b.slots))
		b.ids = append(b.ids, p.idBuf...)
		b.idEnds = append(b.idEnds, len(b.ids))
		if p.rows%2048 == 0 {
			if err := rp.ctx.Err(); err != nil {
				b.err = err
				return false
			}
			rp.report()
		}
	}
	return true
}

// batch is an empty batch: one the writer handed back, or a new one.
func (rp *rowParser) batch() *parsedBatch {
	select {
	case b := <-rp.free:
		b.reset()
		return b
	default:
		return &parsedBatch{}
	}
}

func (b *parsedBatch) reset() {
	clear(b.slots) // let the strings go
	b.nums, b.metas, b.slots, b.slotEnds, b.ids, b.idEnds, b.err = b.nums[:0], b.metas[:0], b.slots[:0], b.slotEnds[:0], b.ids[:0], b.idEnds[:0], nil
}

// Close stops the parsing goroutine, if any, and waits until it has let go of the session.
func (rp *rowParser) Close() {
	if rp.batches != nil {
		close(rp.stop)
		<-rp.done
	}
}
