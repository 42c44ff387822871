package docx

import (
	"bytes"
	"encoding/xml"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/gongping/gongping/reports/doc"
)

// clean, oneLine and lines are reports/doc's text rules, the ones the HTML writer follows too: both
// documents read the same line for line.
func clean(s string) string   { return doc.Clean(s) }
func oneLine(s string) string { return doc.OneLine(s) }
func lines(s string) []string { return doc.Lines(s) }

// esc writes cleaned text escaped for element content or an attribute value.
func esc(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(clean(s))) // a bytes.Buffer never fails
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
