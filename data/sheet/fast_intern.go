package sheet

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
