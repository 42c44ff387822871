package docx

import (
	"bytes"
	"encoding/xml"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// clean makes untrusted text safe for XML 1.0: invalid UTF-8, every character XML forbids
// (NUL and the other C0 controls but tab and newline, U+FFFE, U+FFFF) and the C1 controls it
// discourages (U+007F–U+009F, which Word shows as boxes) are dropped, and the
// line ends \r\n and \r become \n. encoding/xml would turn them into U+FFFD instead; a published
// document should not show replacement boxes for bytes nobody meant to write.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !allowed(r) || r == '\r' {
			ok = false
			break
		}
		i += n
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case allowed(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// allowed reports whether r may appear in the character data we write (XML 1.0 Char, less C1).
func allowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return false
	case r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// esc writes cleaned text escaped for element content or an attribute value.
func esc(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(clean(s))) // a bytes.Buffer never fails
}

// oneLine cleans s and folds its line breaks and tabs into single spaces (captions, headings, alt text).
func oneLine(s string) string {
	s = clean(s)
	if !strings.ContainsAny(s, "\n\t") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)), " ")
}

// lines splits cleaned s into its non-blank lines with leading indentation removed (spaces,
// tabs and the full-width spaces people type to indent Chinese paragraphs).
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(clean(s), "\n") {
		l = strings.TrimRight(strings.TrimLeft(l, " \t\u3000"), " \t")
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// ems is the width of s in characters of the body font: CJK and full-width characters count 1,
// Latin letters and digits ½ (they are set half-width).
func ems(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			w++
		default:
			w += 0.5
		}
	}
	return w
}

// joinLines puts the lines of s on one line: Chinese lines join directly (a title broken for
// symmetry is one phrase), other lines with a space.
func joinLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(clean(s), "\n") {
		l = oneLine(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if ems(string(last)) < 1 && ems(string(first)) < 1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
