package sheet

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// errUnsupported means the fast path met XML it does not handle the way excelize does (or broken XML):
// the whole file is then read by excelize.
var errUnsupported = errors.New("sheet: fast path cannot read this part")

// errBadText means character data holds what XML does not allow: a control character (VT, which Word's
// Shift+Enter pastes into Excel, NUL, ESC), invalid UTF-8, U+FFFE/U+FFFF, a character reference to one of
// them (&#0;) or an entity XML does not define. encoding/xml rejects such text, and excelize's row reader
// then stops without an error, which would import part of the file: the fast path reads the text with
// repairText instead and says which cell it changed.
var errBadText = errors.New("sheet: text with characters XML does not allow")

// errTooLong means one token or text passed the scanner's bounds: the cell holding it is over
// MaxCellBytes whatever its escapes decode to, so it is refused at once (handing it to excelize would
// read all of it into memory first).
var errTooLong = errors.New("sheet: text over the cell size limit")

// errSharedTooBig means the shared strings table is over Limits.MaxSharedBytes.
var errSharedTooBig = errors.New("sheet: shared strings over the limit")

type tokKind uint8

const (
	tokStart tokKind = iota + 1 // <name ...>
	tokEmpty                    // <name .../>
	tokEnd                      // </name>
	tokText                     // character data (raw, undecoded)
	tokEOF
)

// xmlScanner is a small pull tokenizer for the parts of SpreadsheetML the fast path reads. It keeps a
// window over the input and hands out slices of it, valid until the next call. It gives up
// (errUnsupported) on comments, CDATA, DOCTYPE and processing instructions after the prolog.
type xmlScanner struct {
	r      io.Reader
	buf    []byte
	pos    int
	end    int
	eof    bool
	maxBuf int // the window never grows past this (bounds memory on hostile input)
	// maxText bounds the text appendElementText gathers (0: no bound); 8×MaxCellBytes is over the limit
	// after any decoding (_xHHHH_ turns at most 7 bytes into 1)
	maxText int
	err     error // read error other than EOF
	kind    tokKind
	name    []byte // local name of the element
	attrs   []byte // raw attribute text of a start tag
	text    []byte // raw character data
	// scratch buffers of appendSI, kept between calls: a shared strings table has one <si> per text
	siDirect, siRuns []byte
	// repaired is set when a text was read with repairText; the reader of the cell or shared string
	// notes it and clears it
	repaired bool
}

func newXMLScanner(r io.Reader, maxBuf int) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 256<<10), maxBuf: max(maxBuf, 256<<10)}
}

// fill moves unread bytes to the front and reads more; false when no more bytes can come.
func (s *xmlScanner) fill() bool {
	if s.eof || s.err != nil {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= s.maxBuf {
			s.err = errTooLong
			return false
		}
		nb := make([]byte, min(2*len(s.buf), s.maxBuf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[s.end:])
	s.end += n
	if err == io.EOF {
		s.eof = true
	} else if err != nil {
		s.err = err
	}
	return n > 0 || (!s.eof && s.err == nil)
}

// skipProlog skips the XML declaration (which must not name an encoding other than UTF-8) and whitespace.
func (s *xmlScanner) skipProlog() error {
	for s.end-s.pos < 6 && s.fill() {
	}
	if bytes.HasPrefix(s.buf[s.pos:s.end], []byte("\xEF\xBB\xBF")) {
		s.pos += 3
	}
	if !bytes.HasPrefix(s.buf[s.pos:s.end], []byte("<?xml")) {
		return nil
	}
	for {
		if i := bytes.Index(s.buf[s.pos:s.end], []byte("?>")); i >= 0 {
			decl := bytes.ToLower(s.buf[s.pos : s.pos+i])
			if j := bytes.Index(decl, []byte("encoding")); j >= 0 {
				enc := bytes.Trim(bytes.TrimLeft(decl[j+8:], " \t\r\n="), " \t\r\n")
				if !bytes.HasPrefix(enc, []byte(`"utf-8"`)) && !bytes.HasPrefix(enc, []byte(`'utf-8'`)) {
					return errUnsupported
				}
			}
			s.pos += i + 2
			return nil
		}
		if !s.fill() {
			return s.fail()
		}
	}
}

func (s *xmlScanner) fail() error {
	if s.err != nil && s.err != errUnsupported {
		return s.err
	}
	return errUnsupported
}

// next reads the next token into kind/name/attrs/text.
func (s *xmlScanner) next() error {
	for s.pos >= s.end {
		if !s.fill() {
			if s.err != nil {
				return s.fail()
			}
			s.kind = tokEOF
			return nil
		}
	}
	if s.buf[s.pos] != '<' {
		for {
			if i := bytes.IndexByte(s.buf[s.pos:s.end], '<'); i >= 0 {
				s.kind, s.text = tokText, s.buf[s.pos:s.pos+i]
				s.pos += i
				return nil
			}
			if !s.fill() {
				if s.err != nil {
					return s.fail()
				}
				s.kind, s.text = tokText, s.buf[s.pos:s.end]
				s.pos = s.end
				return nil
			}
		}
	}
	// A tag: find its closing '>' outside quoted attribute values.
	for {
		end, ok := tagEnd(s.buf[s.pos:s.end])
		if ok {
			tag := s.buf[s.pos+1 : s.pos+end]
			s.pos += end + 1
			return s.parseTag(tag)
		}
		if !s.fill() {
			return s.fail()
		}
	}
}

// tagEnd returns the index of the '>' ending the tag that b starts with (quoted values may hold '>').
func tagEnd(b []byte) (int, bool) {
	for i := 1; i < len(b); i++ {
		switch c := b[i]; c {
		case '>':
			return i, true
		case '"', '\'':
			// Values are short: a plain loop beats IndexByte's call.
			for i++; i < len(b) && b[i] != c; i++ {
			}
		}
	}
	return 0, false
}

func (s *xmlScanner) parseTag(tag []byte) error {
	if len(tag) == 0 {
		return errUnsupported
	}
	switch tag[0] {
	case '?', '!':
		return errUnsupported
	case '/':
		s.kind = tokEnd
		s.name = localName(trimSpaceRight(tag[1:]))
		if len(s.name) == 0 {
			return errUnsupported
		}
		return nil
	}
	s.kind = tokStart
	if tag[len(tag)-1] == '/' {
		s.kind = tokEmpty
		tag = tag[:len(tag)-1]
	}
	i := 0
	for i < len(tag) && !isSpace(tag[i]) {
		i++
	}
	s.name, s.attrs = localName(tag[:i]), tag[i:]
	if len(s.name) == 0 {
		return errUnsupported
	}
	return nil
}

func localName(n []byte) []byte {
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func trimSpaceRight(b []byte) []byte {
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// nextAttr splits the first attribute off raw start-tag text: ok is false at the end, and bad is set on
// malformed attributes (encoding/xml wants white space before each one and a quoted value).
func nextAttr(b []byte) (name, value, rest []byte, ok, bad bool) {
	t := trimSpaceLeft(b)
	if len(t) == 0 {
		return nil, nil, nil, false, false
	}
	if len(t) == len(b) {
		return nil, nil, nil, false, true
	}
	eq := 0
	for eq < len(t) && t[eq] != '=' {
		eq++
	}
	if eq == 0 || eq == len(t) {
		return nil, nil, nil, false, true
	}
	name = trimSpaceRight(t[:eq])
	t = trimSpaceLeft(t[eq+1:])
	if len(t) == 0 || (t[0] != '"' && t[0] != '\'') {
		return nil, nil, nil, false, true
	}
	q := 1
	for q < len(t) && t[q] != t[0] {
		q++
	}
	if q == len(t) {
		return nil, nil, nil, false, true
	}
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name, t[1:q], t[q+1:], true, false
}

// appendText appends character data decoded as encoding/xml does: the five entities and character
// references, "\r\n" and lone "\r" read as "\n". Anything encoding/xml would reject gives errBadText.
func appendText(dst, raw []byte) ([]byte, error) {
	for len(raw) > 0 {
		// Copy a run of plain text at once, checked as encoding/xml would (valid UTF-8 of XML characters)
		// in the same pass that looks for the end of the run.
		i := 0
		for i < len(raw) {
			c := raw[i]
			if c < utf8.RuneSelf {
				if c == '&' || c == '\r' || (c < 0x20 && c != '\t' && c != '\n') {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRune(raw[i:])
			if n == 1 || r == 0xFFFE || r == 0xFFFF { // n == 1 for a byte ≥ 0x80: invalid UTF-8
				return dst, errBadText
			}
			i += n
		}
		if i > 0 {
			seg := raw[:i]
			dst = append(dst, seg...)
			raw = raw[i:]
			if len(raw) == 0 {
				break
			}
		}
		switch raw[0] {
		case '&':
			semi := bytes.IndexByte(raw, ';')
			if semi < 0 {
				return dst, errBadText
			}
			ent := raw[1:semi]
			raw = raw[semi+1:]
			switch string(ent) {
			case "lt":
				dst = append(dst, '<')
			case "gt":
				dst = append(dst, '>')
			case "amp":
				dst = append(dst, '&')
			case "apos":
				dst = append(dst, '\'')
			case "quot":
				dst = append(dst, '"')
			default:
				r, ok := charRef(ent)
				if !ok {
					return dst, errBadText
				}
				dst = utf8.AppendRune(dst, r)
			}
		case '\r':
			dst = append(dst, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
		default: // another control character
			return dst, errBadText
		}
	}
	return dst, nil
}

// appendTextRepaired appends raw as appendText does where appendText fails (errBadText), mending what XML
// does not allow: control characters and references to them are dropped, U+FFFE/U+FFFF dropped, invalid
// UTF-8 becomes U+FFFD, an '&' that starts no known entity is kept as written. It sets s.repaired.
func (s *xmlScanner) appendTextRepaired(dst, raw []byte) []byte {
	s.repaired = true
	for len(raw) > 0 {
		c := raw[0]
		switch {
		case c == '&':
			semi := bytes.IndexByte(raw[:min(len(raw), 12)], ';')
			if semi < 0 {
				dst = append(dst, '&')
				raw = raw[1:]
				continue
			}
			if out, err := appendText(dst, raw[:semi+1]); err == nil {
				dst = out
			} else if ent := raw[1:semi]; len(ent) > 1 && ent[0] == '#' {
				// a reference to a character XML does not allow: dropped
			} else {
				dst = append(dst, raw[:semi+1]...)
			}
			raw = raw[semi+1:]
		case c == '\r':
			dst = append(dst, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
		case c < 0x20 && c != '\t' && c != '\n':
			raw = raw[1:]
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			raw = raw[1:]
		default:
			r, n := utf8.DecodeRune(raw)
			switch {
			case r == utf8.RuneError && n == 1:
				dst = utf8.AppendRune(dst, utf8.RuneError)
			case inCharRange(r):
				dst = append(dst, raw[:n]...)
			}
			raw = raw[n:]
		}
	}
	return dst
}

// appendTextOrRepair is appendText, falling back to appendTextRepaired on text XML does not allow.
func (s *xmlScanner) appendTextOrRepair(dst, raw []byte) ([]byte, error) {
	start := len(dst)
	out, err := appendText(dst, raw)
	if err == errBadText {
		return s.appendTextRepaired(out[:start], raw), nil
	}
	return out, err
}

func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
	}
	if err != nil || n > utf8.MaxRune || !inCharRange(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// inCharRange is XML 1.0's Char production, as encoding/xml checks it.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// skipElement skips the rest of an element whose start tag was just read (nothing for an empty one).
func (s *xmlScanner) skipElement() error {
	if s.kind == tokEmpty {
		return nil
	}
	for depth := 1; depth > 0; {
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		case tokEOF:
			return errUnsupported
		}
	}
	return nil
}

// bstrUnmarshal decodes _xHHHH_ escapes as excelize's bstrUnmarshal does: _x005F_ is "_", a surrogate
// code is dropped, matches do not overlap.
func bstrUnmarshal(b []byte) []byte {
	if i := bytes.IndexByte(b, '_'); i < 0 || !bytes.Contains(b[i:], []byte("_x")) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if i+7 <= len(b) && b[i] == '_' && b[i+1] == 'x' && b[i+6] == '_' && isHex4(b[i+2:i+6]) {
			v, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			if v == 0x5F {
				out = append(out, '_')
			} else if r := rune(v); utf8.ValidRune(r) {
				out = utf8.AppendRune(out, r)
			}
			i += 7
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
