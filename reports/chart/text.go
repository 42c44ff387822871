package chart

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// clean makes an untrusted text safe to draw as one line of a chart label: valid UTF-8, no control or
// bidirectional-override characters (which XML forbids or which would reorder what is shown), runs of
// white space as one space.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r < 0x20, r >= 0x7f && r < 0xa0, r == 0xfffe, r == 0xffff,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// em is the estimated advance of r in em: CJK and other wide characters 1, ASCII by letter class
// (about 0.55 on average), marks and format characters 0. The estimate is what the layout reserves;
// the PNG test compares it with a real CJK font.
func em(r rune) float64 {
	if r < 0x80 {
		switch {
		case r == ' ':
			return 0.3
		case strings.ContainsRune("il.,:;'|!`", r):
			return 0.3
		case strings.ContainsRune(`fjrtI()[]{}/\-"`, r):
			return 0.4
		case strings.ContainsRune("mwMW@%", r):
			return 0.88
		case r >= 'A' && r <= 'Z', r == '&', r == '#':
			return 0.68
		}
		return 0.56
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 1
	}
	return 0.62
}

// textWidth estimates the drawn width of s at size px.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += em(r)
	}
	return w * size
}

// noStart are characters a Chinese line may not begin with, noEnd those it may not end with (GB/T 15834
// line-breaking practice, simplified).
const (
	noStart = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}"
	noEnd   = "（《「『【〔〈“‘([{"
)

// tokens splits s into units a line may break between: a run of ASCII letters and digits stays whole,
// every other character (CJK included) is its own unit, and a space is a unit of its own.
func tokens(s string) []string {
	var ts []string
	word := func(r rune) bool {
		return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '\'')
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		if word(r) {
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !word(r2) {
					break
				}
				j += n2
			}
		} else {
			// Keep combining marks with the character they belong to.
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.In(r2, unicode.Mn, unicode.Me) && r2 != 0x200d && !(r2 >= 0xfe00 && r2 <= 0xfe0f) {
					break
				}
				j += n2
			}
		}
		ts = append(ts, s[i:j])
		i = j
	}
	return ts
}

// wrap breaks s into lines no wider than maxW at size px (a unit wider than a line is broken between its
// characters). With more than maxLines lines, the last kept line ends in "…" and cut reports it: the
// caller then attaches the whole text as the element's title.
func wrap(s string, size, maxW float64, maxLines int) (lines []string, cut bool) {
	s = clean(s)
	if s == "" {
		return nil, false
	}
	var cur []string
	curW := 0.0
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1] == " " {
			cur = cur[:len(cur)-1]
		}
		lines = append(lines, strings.Join(cur, ""))
		cur, curW = nil, 0
	}
	var units []string
	for _, t := range tokens(s) {
		if textWidth(t, size) > maxW && len([]rune(t)) > 1 {
			for _, r := range t {
				units = append(units, string(r))
			}
			continue
		}
		units = append(units, t)
	}
	for _, t := range units {
		w := textWidth(t, size)
		if len(cur) == 0 && t == " " {
			continue
		}
		if curW+w <= maxW+0.01 || len(cur) == 0 {
			cur = append(cur, t)
			curW += w
			continue
		}
		if t == " " {
			flush()
			continue
		}
		var carry []string
		// A closing mark may not start the next line, an opening mark may not end this one: move the
		// last unit down with it (when the two fit on a line).
		if strings.Contains(noStart, t) && len(cur) > 1 && textWidth(cur[len(cur)-1], size)+w <= maxW {
			carry = append(carry, cur[len(cur)-1])
			cur = cur[:len(cur)-1]
		}
		for len(cur) > 1 && strings.Contains(noEnd, cur[len(cur)-1]) && textWidth(cur[len(cur)-1], size)+w <= maxW {
			carry = append([]string{cur[len(cur)-1]}, carry...)
			cur = cur[:len(cur)-1]
		}
		flush()
		for _, c := range carry {
			cur = append(cur, c)
			curW += textWidth(c, size)
		}
		cur = append(cur, t)
		curW += w
	}
	if len(cur) > 0 {
		flush()
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		ell := textWidth("…", size)
		for len(last) > 0 && textWidth(string(last), size)+ell > maxW {
			last = last[:len(last)-1]
		}
		lines[maxLines-1] = strings.TrimRight(string(last), " ") + "…"
		cut = true
	}
	return lines, cut
}

// wrapBalanced wraps as wrap does, then narrows the lines as long as their number stays the same, so
// a name on two lines breaks near its middle rather than leaving one character on the second line.
func wrapBalanced(s string, size, maxW float64, maxLines int) (lines []string, cut bool) {
	lines, cut = wrap(s, size, maxW, maxLines)
	if len(lines) < 2 || cut {
		return lines, cut
	}
	lo, hi := maxW/float64(len(lines)), maxW
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if l, c := wrap(s, size, mid, maxLines); len(l) == len(lines) && !c {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(s, size, hi, maxLines)
}

// linesWidth is the widest of lines at size px.
func linesWidth(lines []string, size float64) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, size))
	}
	return w
}
