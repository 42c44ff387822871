package doc

import (
	"strings"
	"unicode/utf8"
)

// Clean makes untrusted text fit for any published format: invalid UTF-8, the C0 controls but tab
// and newline, the C1 controls (U+007F–U+009F) and the non-characters U+FFFE and U+FFFF are
// dropped, and the line ends \r\n and \r become \n. Writers pass every string of a Document
// through it (directly or through Lines and OneLine), so each format shows the same characters.
func Clean(s string) string {
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

// allowed reports whether r may stay in published text (XML 1.0 Char, less the C1 controls).
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

// OneLine cleans s and folds its line breaks and tabs into single spaces: how captions, headings,
// the subtitle, the addressee and alternative texts are written.
func OneLine(s string) string {
	s = Clean(s)
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

// Lines splits cleaned s into its non-blank lines with the indentation people type removed (spaces,
// tabs and full-width spaces): the paragraphs of a Paragraph, the lines of a table cell, of the
// issuer and of the colophon.
func Lines(s string) []string {
	var out []string
	for _, l := range strings.Split(Clean(s), "\n") {
		l = strings.TrimRight(strings.TrimLeft(l, " \t\u3000"), " \t")
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
