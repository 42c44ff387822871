package reports

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Excel safety: every text goes into a workbook through cellPieces.
//
// Formula injection: the workbook only ever writes text as text cells (never SetCellFormula), so nothing
// is evaluated when the file is opened. A text that a spreadsheet would still take for a formula when it
// is edited, pasted or saved as CSV — one starting with = + - @ or their full-width forms ＝＋－＠ (also
// the small forms ﹦﹢﹣﹫), after any leading spaces, tabs or line breaks — gets a leading apostrophe ',
// the convention OWASP recommends. The apostrophe stays visible and survives copy and CSV export; a
// zero-width character would not be seen but some readers strip it or treat it as content.
//
// Length: a cell holds at most 32,767 UTF-16 units and excelize silently truncates longer text. Longer
// texts are split into pieces that go into continuation cells to the right, under a "续" header, so the
// whole text is there and the reader can see that it continues.

// maxCellUnits is the Excel limit on characters (UTF-16 units) in a cell.
const maxCellUnits = 32767

// pieceUnits is the size we split at, a little under the limit.
const pieceUnits = 32000

// formulaStarts are the characters a spreadsheet may read as the start of a formula.
const formulaStarts = "=+-@＝＋－＠﹦﹢﹣﹫"

func isLeadingSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\u3000' || r == '\u00a0'
}

// dangerous reports whether s would be read as a formula.
func dangerous(s string) bool {
	t := strings.TrimLeftFunc(s, isLeadingSpace)
	r, _ := utf8.DecodeRuneInString(t)
	return t != "" && strings.ContainsRune(formulaStarts, r)
}

// neutralise prefixes a text a spreadsheet would take for a formula with an apostrophe.
func neutralise(s string) string {
	if dangerous(s) {
		return "'" + s
	}
	return s
}

func units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// cellPieces returns the text of a cell, neutralised, as one piece or (when over-long) several, each
// within the limit. Split points are moved back so a continuation never starts with a character that
// would need neutralising, so the pieces joined are exactly the neutralised text.
func cellPieces(s string) []string {
	s = neutralise(s)
	if len(s) <= maxCellUnits || len(utf16.Encode([]rune(s))) <= maxCellUnits {
		return []string{s}
	}
	var out []string
	for s != "" {
		n, cut := 0, 0
		for i, r := range s {
			if n+units(r) > pieceUnits {
				break
			}
			n += units(r)
			cut = i + utf8.RuneLen(r)
		}
		if cut == len(s) {
			out = append(out, s)
			break
		}
		// Move back (at most 200 characters) while the next piece would start dangerously; if that
		// does not help (a long run of formula characters), the next piece is neutralised itself.
		limit := cut
		for back := 0; back < 200 && cut > 0 && dangerous(s[cut:]); back++ {
			_, w := utf8.DecodeLastRuneInString(s[:cut])
			cut -= w
		}
		if cut == 0 || dangerous(s[cut:]) {
			cut = limit
		}
		out = append(out, s[:cut])
		s = s[cut:]
		if dangerous(s) {
			s = "'" + s
		}
	}
	return out
}
