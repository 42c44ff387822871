package narrative

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
)

// Date writes a date as published documents do: 2026年11月20日 (no leading zeros). It is the one date
// style of a published file (reports/doc.FormatDate writes the same, a test holds it).
func Date(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// DateText writes a stored date (YYYY-MM-DD) as Date does; a text that is not a date is returned as it is.
func DateText(s string) string {
	t, err := time.Parse(data.DateLayout, strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return Date(t)
}

// Span writes a period: "2026年2月12日至3月13日" (the year said once when both ends share it,
// "2026年2月12日至2026年3月13日" otherwise; one day: the day).
func Span(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero() || sameDay(from, to):
		return Date(from)
	case from.IsZero():
		return Date(to)
	case from.Year() == to.Year():
		return Date(from) + "至" + fmt.Sprintf("%d月%d日", int(to.Month()), to.Day())
	}
	return Date(from) + "至" + Date(to)
}

// SpanText is Span of two stored dates (YYYY-MM-DD); unreadable ends are written as given.
func SpanText(from, to string) string {
	f, err1 := time.Parse(data.DateLayout, strings.TrimSpace(from))
	t, err2 := time.Parse(data.DateLayout, strings.TrimSpace(to))
	if err1 != nil || err2 != nil {
		return strings.TrimSpace(DateText(from) + "至" + DateText(to))
	}
	return Span(f, t)
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month() && a.Day() == b.Day()
}

// isoDate matches a stored date inside a text GongPing wrote (check details, 2026-11-20), with the
// spaces that set it apart from Chinese text around it.
var isoDate = regexp.MustCompile(`( ?)\b(\d{4}-\d{2}-\d{2})\b( ?)`)

// Dates rewrites every stored date (YYYY-MM-DD) inside a text GongPing generated (a check's detail, a
// score note) in the published style, so one date style runs through a document: "已于 2026-11-20 公开"
// becomes "已于2026年11月20日公开" (the spaces that set a Latin date apart go; one beside Latin text
// stays). Not for the public's own texts, which are quoted as written.
func Dates(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range isoDate.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		if m[3] > m[2] && !cjkBefore(s[:m[2]]) {
			b.WriteByte(' ')
		}
		b.WriteString(DateText(s[m[4]:m[5]]))
		if m[7] > m[6] && !cjkAfter(s[m[7]:]) {
			b.WriteByte(' ')
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

func cjkBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= 0x2E80
}

func cjkAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x2E80
}

// Score writes a score with one decimal: "66.3", as the report's tables print it (%.1f), so a number
// reads the same in the text and in the table beside it.
func Score(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// Percent writes a share (0–1) as a percentage with one decimal: "46.3%" (as the tables print it).
func Percent(v float64) string { return strconv.FormatFloat(v*100, 'f', 1, 64) + "%" }

// shown is a score as the reader sees it (one decimal), for differences of shown numbers.
func shown(v float64) float64 {
	r, err := strconv.ParseFloat(Score(v), 64)
	if err != nil || math.IsNaN(r) {
		return v
	}
	return r
}

// Count writes a count with thousands separators: "1,200".
func Count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Quote puts a name in Chinese quotation marks: “政策获得感”.
func Quote(s string) string { return "“" + s + "”" }

// List joins items as Chinese prose does: "A", "A和B", "A、B和C".
func List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], "、") + "和" + items[len(items)-1]
}

// QuoteList quotes each item and joins them without 、 between quoted names, as official texts write
// “A”“B”和“C”.
func QuoteList(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = Quote(it)
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], "") + "和" + q[len(q)-1]
}

// sentence ends a clause with "。" unless it ends with closing punctuation already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, end := range []string{"。", "！", "？", "；", ".", "!", "?"} {
		if strings.HasSuffix(s, end) {
			return strings.TrimSuffix(s, end) + "。"
		}
	}
	return s + "。"
}

// trimEnd drops the closing punctuation of a quoted text, to be followed by "；" in a list.
func trimEnd(s string) string {
	s = strings.TrimSpace(s)
	for _, end := range []string{"。", "；", "，", ".", ";", ","} {
		s = strings.TrimSuffix(s, end)
	}
	return s
}

// roundName is the round as prose names it ("2026年度"), "" for the unnamed default round.
func roundName(r string) string {
	r = strings.TrimSpace(r)
	if r == data.DefaultRound {
		return ""
	}
	return r
}
