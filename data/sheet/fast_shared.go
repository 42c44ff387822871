package sheet

import (
	"bytes"
	"sync/atomic"
	"unsafe"
)

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
