// Package privacy finds and masks personal data (个人信息) in text before it is published: mainland mobile
// numbers, resident ID numbers, e-mail addresses, IP addresses and known submitter names.
//
// Decisions (documented here because they are policy, not code):
//   - Mobile numbers: 1[3-9] + 9 digits, optionally grouped 3-4-4 by a space or dash, optionally prefixed by
//     +86 / 0086 / 86; ASCII or full-width characters. They become 138****5678 (prefix and separators dropped).
//   - Boundaries: only a digit ends or starts a number. Letters glued to it on either side or both
//     ("tel13812345678", "QQ13812345678", "ID110105…", "IP192.168.1.100", "13812345678abc",
//     "abc13812345678abc") do not protect it: a leaked number is worse than a masked part of some code.
//     A number glued to other digits (013812345678, 138123456789) is part of a longer number and stays,
//     except that a run of digits that splits exactly into mobile numbers (11 digits) and ID-looking numbers
//     (18, see below) is masked piece by piece ("1381234567813912345678" → "138****5678139****5678").
//     Dotted quads after "v", "ver" or "version" (v1.2.3.4) are version numbers, not IP addresses.
//   - 18-digit ID numbers (also grouped 6-8-4 or 6-4-4-4 by spaces or dashes) are removed when they pass the
//     GB 11643 check digit, and also when the check digit is wrong but the number looks like an ID: a real
//     province code and a valid birth date (1900 to this year) — a mistyped ID is still somebody's ID.
//     Other 18-digit numbers stay (order numbers, 文号, serials). 15-digit (pre-1999) ID numbers carry no
//     check digit: they are removed when they look like one (region code 11–82 and a valid YYMMDD birth
//     date), because leaking one is worse than hiding a 15-digit code that happens to look alike.
//   - E-mail: the local part is reduced to its first character (z***@example.com).
//   - IPv4 keeps its first two octets (61.135.*.*); IPv6 keeps its first two groups (2001:db8:*).
//   - Names: a masker is given the known submitter names; each occurrence becomes surname + "*" (one star,
//     whatever the name's length, so the length is not published either); compound surnames (欧阳…) are kept whole.
package privacy

import (
	"net/netip"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// IDRemoved replaces an ID number.
const IDRemoved = "[身份证号已隐去]"

// Counts is how many items of each kind were (or would be) masked.
type Counts struct {
	Phones int `json:"phones"`
	IDs    int `json:"ids"`
	Emails int `json:"emails"`
	IPs    int `json:"ips"`
	Names  int `json:"names"`
}

// Total is the number of masked items of every kind.
func (c Counts) Total() int { return c.Phones + c.IDs + c.Emails + c.IPs + c.Names }

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Phones += o.Phones
	c.IDs += o.IDs
	c.Emails += o.Emails
	c.IPs += o.IPs
	c.Names += o.Names
}

// Masker masks personal data, including a set of known names.
// The zero value (and a nil *Masker) masks everything but names. A Masker is not safe for concurrent
// AddName; Mask and Count may run concurrently once the names are in.
type Masker struct {
	names map[[2]rune][][]rune // first two characters → names starting with them, longest first
	seen  map[string]bool
}

// NewMasker returns a masker that also masks the given names wherever they occur.
// Names shorter than two characters are ignored: masking one character would hide ordinary words.
func NewMasker(names ...string) *Masker {
	m := &Masker{}
	for _, n := range names {
		m.AddName(n)
	}
	return m
}

// AddName adds a known name.
func (m *Masker) AddName(name string) {
	name = strings.TrimSpace(name)
	r := []rune(name)
	if len(r) < 2 || len(r) > 20 || m.seen[name] {
		return
	}
	if m.names == nil {
		m.names, m.seen = map[[2]rune][][]rune{}, map[string]bool{}
	}
	m.seen[name] = true
	k := [2]rune{r[0], r[1]}
	list := m.names[k]
	i := sort.Search(len(list), func(i int) bool { return len(list[i]) < len(r) }) // keep longest first
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = r
	m.names[k] = list
}

// Mask returns s with every personal item masked.
func (m *Masker) Mask(s string) string {
	out, _ := m.apply(s)
	return out
}

// Count reports how many items Mask would mask in s.
func (m *Masker) Count(s string) Counts {
	_, c := m.apply(s)
	return c
}

// MaskCount masks s and reports what it masked.
func (m *Masker) MaskCount(s string) (string, Counts) { return m.apply(s) }

// Mask masks phones, ID numbers, e-mail and IP addresses in s (no names).
func Mask(s string) string { return (*Masker)(nil).Mask(s) }

// Count reports how many items Mask would mask in s.
func Count(s string) Counts { return (*Masker)(nil).Count(s) }

type kind int

const (
	kPhone kind = iota
	kID
	kEmail
	kIP
	kName
)

type match struct {
	start, end int // rune indexes in the text, end exclusive
	kind       kind
	repl       string
}

// apply is the single place where text is scanned: Mask and Count both use it, so the preview
// always equals what gets written.
func (m *Masker) apply(s string) (string, Counts) {
	var c Counts
	if s == "" {
		return s, c
	}
	hasNames := m != nil && len(m.names) > 0
	if !hasNames && (len(s) < 6 || !mayHoldNumber(s)) {
		return s, c // fast path: too short for any item, or no digit, '@' or ':' of any width
	}
	orig := []rune(s)
	n := make([]rune, len(orig))
	for i, r := range orig {
		n[i] = fold(r)
	}
	ms := findEmails(n)
	ms = append(ms, scanNumbers(n, ms)...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	if hasNames {
		ms = append(ms, m.findNames(orig, ms)...)
		sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	}
	if len(ms) == 0 {
		return s, c
	}
	var b strings.Builder
	b.Grow(len(s))
	pos := 0
	for _, mt := range ms {
		if mt.start < pos {
			// Defensive: matches do not overlap (scanNumbers trims an e-mail that a number runs into,
			// findNames skips both); should one still do, it is dropped instead of slicing backwards.
			continue
		}
		b.WriteString(string(orig[pos:mt.start]))
		b.WriteString(mt.repl)
		pos = mt.end
		switch mt.kind {
		case kPhone:
			c.Phones++
		case kID:
			c.IDs++
		case kEmail:
			c.Emails++
		case kIP:
			c.IPs++
		case kName:
			c.Names++
		}
	}
	b.WriteString(string(orig[pos:]))
	return b.String(), c
}

func mayHoldNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9', b == '@', b == ':':
			return true
		case b == 0xEF: // full-width forms U+FF00–U+FFEF start with 0xEF
			return true
		}
	}
	return false
}

// fold maps full-width ASCII forms to ASCII and the various dashes and spaces to '-' and ' ',
// one rune for one rune, so that match positions stay valid in the original text.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000 || r == 0x00A0:
		return ' '
	case r >= 0x2010 && r <= 0x2015, r == 0x2212:
		return '-'
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isASCIIAlnum(r rune) bool {
	return isDigit(r) || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}
func isHex(r rune) bool {
	return isDigit(r) || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')
}
func at(n []rune, i int) rune {
	if i < 0 || i >= len(n) {
		return 0
	}
	return n[i]
}

// ---- e-mail ----

func isLocal(r rune) bool  { return isASCIIAlnum(r) || strings.ContainsRune("._%+-", r) }
func isDomain(r rune) bool { return isASCIIAlnum(r) || r == '.' || r == '-' }

func findEmails(n []rune) []match {
	var out []match
	last := 0
	for i, r := range n {
		if r != '@' || i < last {
			continue
		}
		s := i
		for s > last && isLocal(n[s-1]) {
			s--
		}
		for s < i && n[s] == '.' {
			s++
		}
		e := i + 1
		for e < len(n) && isDomain(n[e]) {
			e++
		}
		for e > i+1 && (n[e-1] == '.' || n[e-1] == '-') {
			e--
		}
		if s == i || !validDomain(string(n[i+1:e])) {
			continue
		}
		out = append(out, match{start: s, end: e, kind: kEmail, repl: string(n[s]) + "***@" + string(n[i+1:e])})
		last = e
	}
	return out
}

func validDomain(d string) bool {
	dot := strings.LastIndexByte(d, '.')
	if dot <= 0 || strings.Contains(d, "..") {
		return false
	}
	tld := d[dot+1:]
	if len(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// ---- numbers: ID numbers, mobile numbers, IP addresses ----

// single are the matchers tried at a number's start, in order; each returns at most one match.
var single = []func([]rune, int) (match, bool){matchID, matchPhone, matchIPv4, matchIPv6}

// scanNumbers finds the numbers in n outside the e-mails in skip (sorted by start). A number may start
// wherever the previous character is not a digit: ASCII letters before it do not matter (see the
// package comment). Every position is looked at once and every matcher reads a bounded window, except
// matchRun, which reads a digit run once: linear time.
func scanNumbers(n []rune, skip []match) []match {
	var out []match
	k := 0
	for i := 0; i < len(n); {
		for k < len(skip) && skip[k].end <= i {
			k++
		}
		if k < len(skip) && skip[k].start <= i {
			i = skip[k].end
			continue
		}
		r := n[i]
		if !(isHex(r) || r == '+' || r == ':') || isDigit(at(n, i-1)) {
			i++
			continue
		}
		from := len(out)
		for _, f := range single {
			if m, ok := f(n, i); ok {
				out = append(out, m)
				break
			}
		}
		if len(out) == from {
			out = append(out, matchRun(n, i)...)
		}
		if len(out) == from {
			i++
			continue
		}
		end := out[len(out)-1].end
		if k < len(skip) && end > skip[k].start {
			// A number running into an e-mail ("138 1234 5678@qq.com", "138 1234 5678ab@qq.com"): the
			// number is masked and the e-mail starts after it ("138****5678a***@qq.com"). repl is
			// "c***@domain", c one ASCII character; with no local part left, "***@domain" is still
			// written ("138****5678***@qq.com"), so a second pass finds no address in the output.
			e := &skip[k]
			if n[end] == '@' {
				e.start, e.repl = end, e.repl[1:]
			} else {
				e.start, e.repl = end, string(n[end])+e.repl[1:]
			}
		}
		i = end
	}
	return out
}

// digitsAt reports whether n[i:i+k] are all ASCII digits (after folding).
func digitsAt(n []rune, i, k int) bool {
	if i < 0 || i+k > len(n) {
		return false
	}
	for _, r := range n[i : i+k] {
		if !isDigit(r) {
			return false
		}
	}
	return true
}

// endsNumber reports whether the number ending before i stands alone: no digit follows it (letters may).
func endsNumber(n []rune, i int) bool { return !isDigit(at(n, i)) }

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// ValidID18 reports whether s is an 18-character resident ID number with a valid GB 11643 check digit.
func ValidID18(s string) bool {
	r := []rune(s)
	if len(r) != 18 {
		return false
	}
	for i := range r {
		r[i] = fold(r[i])
	}
	return id18(r, 0)
}

func id18(n []rune, i int) bool {
	if !digitsAt(n, i, 17) || i+18 > len(n) {
		return false
	}
	sum := 0
	for k := 0; k < 17; k++ {
		sum += int(n[i+k]-'0') * idWeights[k]
	}
	want := "10X98765432"[sum%11]
	got := n[i+17]
	if got == 'x' {
		got = 'X'
	}
	return got == rune(want)
}

// provinces are the two-digit codes an ID number starts with (GB/T 2260 provinces; 71 台湾, 81 香港,
// 82 澳门; 83 台湾居民居住证; 91 外国人永久居留身份证).
var provinces = func() (p [100]bool) {
	for _, c := range []int{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
		50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91} {
		p[c] = true
	}
	return p
}()

// looksLikeID18 reports whether the 18 runes at n[i:] (17 digits, then a digit or X) look like an ID
// number whatever their check digit: a real province code and a valid birth date from 1900 to this year.
func looksLikeID18(n []rune, i int) bool {
	if i < 0 || i+18 > len(n) {
		return false
	}
	d := func(k, w int) int { // the number in n[i+k:i+k+w], -1 if not all digits
		v := 0
		for _, r := range n[i+k : i+k+w] {
			if !isDigit(r) {
				return -1
			}
			v = v*10 + int(r-'0')
		}
		return v
	}
	if p := d(0, 2); p < 0 || !provinces[p] { // cheapest test first: matchRun asks at every digit of a run
		return false
	}
	year, month, day := d(6, 4), d(10, 2), d(12, 2)
	if year < 1900 || month < 1 || month > 12 || day < 1 || d(2, 4) < 0 || d(14, 3) < 0 {
		return false
	}
	if last := n[i+17]; !isDigit(last) && last != 'X' && last != 'x' {
		return false
	}
	return year <= time.Now().Year() && day <= time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func id15(n []rune, i int) bool {
	if !digitsAt(n, i, 15) {
		return false
	}
	region := int(n[i]-'0')*10 + int(n[i+1]-'0')
	month := int(n[i+8]-'0')*10 + int(n[i+9]-'0')
	day := int(n[i+10]-'0')*10 + int(n[i+11]-'0')
	return region >= 11 && region <= 82 && month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// idGroups are the ways an 18-digit ID number is written in groups: 110105 19900307 1239, 110105 1990 0307 1239.
var idGroups = [][]int{{6, 8, 4}, {6, 4, 4, 4}}

// id18At reads an 18-character ID number at n[i:], contiguous or in idGroups separated by one space or
// dash each, and returns its end. It must pass the check digit or look like an ID (looksLikeID18); one that
// ends in a digit must not be followed by another digit.
func id18At(n []rune, i int) (int, bool) {
	var buf [18]rune
	end := -1
	if i+18 <= len(n) && digitsAt(n, i, 17) {
		copy(buf[:], n[i:i+18])
		end = i + 18
	} else {
	groups:
		for _, g := range idGroups {
			j, b := i, 0
			for gi, w := range g {
				if gi > 0 {
					if !isSep(at(n, j)) {
						continue groups
					}
					j++
				}
				if j+w > len(n) {
					continue groups
				}
				copy(buf[b:], n[j:j+w])
				b, j = b+w, j+w
			}
			end = j
			break
		}
	}
	if end < 0 || !(id18(buf[:], 0) || looksLikeID18(buf[:], 0)) {
		return 0, false
	}
	if isDigit(buf[17]) && !endsNumber(n, end) {
		return 0, false
	}
	return end, true
}

func matchID(n []rune, i int) (match, bool) {
	if end, ok := id18At(n, i); ok {
		return match{start: i, end: end, kind: kID, repl: IDRemoved}, true
	}
	if id15(n, i) && endsNumber(n, i+15) {
		return match{start: i, end: i + 15, kind: kID, repl: IDRemoved}, true
	}
	return match{}, false
}

// matchRun masks a run of digits (at least 22, no separators) that splits exactly into mobile numbers
// (1[3-9] + 9 digits) and ID-looking numbers (looksLikeID18; the last one may end in X): numbers written
// together without a space. A leading +86 / 0086 / 86 goes with the first piece. The split is found by
// dynamic programming from the run's end, once per run.
func matchRun(n []rune, i int) []match {
	d := i // the run's first digit
	if at(n, d) == '+' {
		d++
	}
	if !isDigit(at(n, d)) {
		return nil
	}
	e := d
	for e < len(n) && isDigit(n[e]) {
		e++
	}
	if e-d < 22 {
		return nil
	}
	x := at(n, e) == 'X' || at(n, e) == 'x'
	// piece[p-d] is the length of the first piece of a split of n[p:] up to the run's end (e, or e+1
	// when an X follows), 0 when there is none.
	piece := make([]int8, e+2-d)
	reach := func(q int) bool { return q == e || (x && q == e+1) || (q < e && piece[q-d] != 0) }
	for p := e - 11; p >= d; p-- {
		switch {
		case p+18 <= e+1 && looksLikeID18(n, p) && reach(p+18):
			piece[p-d] = 18
		case n[p] == '1' && n[p+1] >= '3' && n[p+1] <= '9' && reach(p+11):
			piece[p-d] = 11
		}
	}
	first, start := d, d // where the split starts; where the first match starts (with its prefix)
	switch {
	case piece[0] != 0:
	case n[d] == '8' && n[d+1] == '6' && piece[2] == 11:
		first, start = d+2, i // +86…, 86…
	case i == d && n[d] == '0' && n[d+1] == '0' && n[d+2] == '8' && n[d+3] == '6' && piece[4] == 11:
		first = d + 4 // 0086…
	default:
		return nil
	}
	var out []match
	for p := first; p < e && piece[p-d] != 0; p += int(piece[p-d]) {
		if piece[p-d] == 11 {
			out = append(out, match{start: p, end: p + 11, kind: kPhone, repl: string(n[p:p+3]) + "****" + string(n[p+7:p+11])})
		} else {
			out = append(out, match{start: p, end: p + 18, kind: kID, repl: IDRemoved})
		}
	}
	out[0].start = start
	return out
}

func isSep(r rune) bool { return r == ' ' || r == '-' }

func matchPhone(n []rune, i int) (match, bool) {
	j := i
	// Optional country prefix, then at most one separator (or a closing bracket-less space).
	switch {
	case at(n, j) == '+' && at(n, j+1) == '8' && at(n, j+2) == '6':
		j += 3
	case at(n, j) == '0' && at(n, j+1) == '0' && at(n, j+2) == '8' && at(n, j+3) == '6':
		j += 4
	case at(n, j) == '8' && at(n, j+1) == '6' && at(n, j+2) == '1' && digitsAt(n, j+2, 11) && endsNumber(n, j+13):
		j += 2
	}
	if j > i && isSep(at(n, j)) {
		j++
	}
	core, end, ok := phoneCore(n, j)
	if !ok {
		return match{}, false
	}
	return match{start: i, end: end, kind: kPhone, repl: core[:3] + "****" + core[7:]}, true
}

// phoneCore reads 1[3-9]x xxxx xxxx (separators optional, only between the 3-4-4 groups).
func phoneCore(n []rune, i int) (string, int, bool) {
	if at(n, i) != '1' || at(n, i+1) < '3' || at(n, i+1) > '9' || !isDigit(at(n, i+2)) {
		return "", 0, false
	}
	digits := []rune{n[i], n[i+1], n[i+2]}
	j := i + 3
	for _, group := range []int{4, 4} {
		if isSep(at(n, j)) && digitsAt(n, j+1, group) {
			j++
		}
		if !digitsAt(n, j, group) {
			return "", 0, false
		}
		digits = append(digits, n[j:j+group]...)
		j += group
	}
	if !endsNumber(n, j) {
		return "", 0, false
	}
	return string(digits), j, true
}

func matchIPv4(n []rune, i int) (match, bool) {
	if !isDigit(at(n, i)) || at(n, i-1) == '.' || versionMark(n, i) {
		return match{}, false
	}
	j := i
	var octets [4]string
	for k := 0; k < 4; k++ {
		s := j
		for j < len(n) && isDigit(n[j]) && j-s < 4 {
			j++
		}
		if j == s || j-s > 3 {
			return match{}, false
		}
		octets[k] = string(n[s:j])
		if len(octets[k]) > 1 && octets[k][0] == '0' || atoi(octets[k]) > 255 {
			return match{}, false
		}
		if k < 3 {
			if at(n, j) != '.' {
				return match{}, false
			}
			j++
		}
	}
	if isDigit(at(n, j)) || (at(n, j) == '.' && isDigit(at(n, j+1))) {
		return match{}, false
	}
	return match{start: i, end: j, kind: kIP, repl: octets[0] + "." + octets[1] + ".*.*"}, true
}

// versionMark reports whether the letters right before i are "v", "ver" or "version" (v1.2.3.4).
func versionMark(n []rune, i int) bool {
	s := i
	for s > 0 && i-s < 8 && isASCIILetter(n[s-1]) {
		s--
	}
	if s == i || (s > 0 && isASCIILetter(n[s-1])) {
		return false
	}
	switch strings.ToLower(string(n[s:i])) {
	case "v", "ver", "version":
		return true
	}
	return false
}

func atoi(s string) int {
	v := 0
	for _, r := range s {
		v = v*10 + int(r-'0')
	}
	return v
}

func matchIPv6(n []rune, i int) (match, bool) {
	if at(n, i-1) == ':' || isHex(at(n, i-1)) {
		return match{}, false
	}
	j := i
	for j < len(n) && j-i < 45 && (isHex(n[j]) || n[j] == ':' || n[j] == '.') {
		j++
	}
	if j-i == 45 && (isHex(at(n, j)) || at(n, j) == ':' || at(n, j) == '.') {
		return match{}, false // a longer token than any address
	}
	for j > i && (n[j-1] == '.' || (n[j-1] == ':' && at(n, j-2) != ':')) {
		j--
	}
	cand := string(n[i:j])
	if strings.Count(cand, ":") < 2 {
		return match{}, false
	}
	a, err := netip.ParseAddr(cand)
	if err != nil || !a.Is6() {
		return match{}, false
	}
	var groups []string
	for _, g := range strings.Split(cand, ":") {
		if g != "" {
			groups = append(groups, g)
		}
	}
	if len(groups) < 3 { // "::1" and the like are not anybody's address
		return match{}, false
	}
	return match{start: i, end: j, kind: kIP, repl: strings.ToLower(groups[0] + ":" + groups[1] + ":*")}, true
}

// ---- names ----

func (m *Masker) findNames(orig []rune, skip []match) []match {
	var out []match
	k := 0 // skip is sorted by start
	for i := 0; i+1 < len(orig); {
		for k < len(skip) && skip[k].end <= i {
			k++
		}
		if k < len(skip) && skip[k].start <= i {
			i = skip[k].end
			continue
		}
		found := false
		for _, nr := range m.names[[2]rune{orig[i], orig[i+1]}] {
			if i+len(nr) <= len(orig) && equalRunes(orig[i:i+len(nr)], nr) && (k >= len(skip) || i+len(nr) <= skip[k].start) {
				out = append(out, match{start: i, end: i + len(nr), kind: kName, repl: MaskName(string(nr))})
				i += len(nr)
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// compoundSurnames are the two-character surnames kept whole when masking a name.
var compoundSurnames = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐
		钟离 端木 南宫 独孤 澹台 公冶 申屠 太史 闻人 呼延 赫连 万俟 濮阳 淳于 单于 拓跋 司空 东郭 百里 西门
		公羊 左丘 梁丘 第五 谷梁 宰父 乐正 壤驷 漆雕 巫马 亓官 羊舌 微生 公良 仲孙 叔孙 段干 子车 颛孙 锺离`) {
		compoundSurnames[s] = true
	}
}

// MaskName masks a person's name: surname + "*" (张伟 → 张*, 欧阳娜娜 → 欧阳*, John Smith → J*).
func MaskName(name string) string {
	r := []rune(strings.TrimSpace(name))
	switch {
	case len(r) == 0:
		return ""
	case len(r) >= 3 && compoundSurnames[string(r[:2])]:
		return string(r[:2]) + "*"
	default:
		return string(r[0]) + "*"
	}
}

// surnames are the common single-character Chinese surnames (百家姓, the ~300 most frequent today).
var surnames = map[rune]bool{}

func init() {
	for _, r := range `王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由` {
		surnames[r] = true
	}
}

// LooksLikeName reports whether s could be a person's name: 2–4 Han characters starting with a
// common surname (or a compound one), or two or three Latin words. A respondent id such as "R0012",
// or a filler such as "企业" or "匿名用户", is not taken for one: masking it everywhere would
// damage the report's text.
func LooksLikeName(s string) bool {
	s = strings.TrimSpace(s)
	r := []rune(s)
	if len(r) >= 2 && len(r) <= 4 {
		han := true
		for _, c := range r {
			if !unicode.Is(unicode.Han, c) {
				han = false
				break
			}
		}
		if han {
			return surnames[r[0]] || (len(r) >= 3 && compoundSurnames[string(r[:2])])
		}
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		for _, c := range w {
			if !unicode.IsLetter(c) || c > unicode.MaxLatin1 {
				return false
			}
		}
	}
	return true
}

// personalHeaders are words that make a survey column personal data (dropped from published raw data).
var personalHeaders = []string{"姓名", "名字", "称呼", "手机", "电话", "联系方式", "身份证", "证件", "邮箱", "电子邮件",
	"邮件", "e-mail", "email", "微信", "qq", "住址", "地址", "门牌", "提交人", "填写人", "联系人", "答题人",
	"ip", "ipaddr", "ua", "user agent", "浏览器", "设备", "操作系统", "地理位置", "token", "seed", "refurl"}

// IsPersonalColumn reports whether a column with this header holds personal data.
func IsPersonalColumn(header string) bool {
	h := strings.ToLower(strings.TrimSpace(header))
	for _, w := range personalHeaders {
		if isASCIIWord(w) {
			if containsWord(h, w) {
				return true
			}
		} else if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// containsWord finds w in h not glued to other ASCII letters ("ip" in "来自IP" but not in "vip").
func containsWord(h, w string) bool {
	for off := 0; ; {
		k := strings.Index(h[off:], w)
		if k < 0 {
			return false
		}
		s, e := off+k, off+k+len(w)
		before, _ := utf8.DecodeLastRuneInString(h[:s])
		after, _ := utf8.DecodeRuneInString(h[e:])
		if !isASCIILetter(before) && !isASCIILetter(after) {
			return true
		}
		off = s + 1
	}
}

func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
