package ingest

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
)

// cleanMissing trims a cell and turns the markers of "no answer" ((跳过), (空)) into "". codes: 问卷星
// code exports also use −2 (not shown) and −3 (skipped).
func cleanMissing(v string, codes bool) string {
	v = trimSpace(v)
	switch v {
	case "(跳过)", "（跳过）", "(空)", "（空）":
		return ""
	case "-2", "-3":
		if codes {
			return ""
		}
	}
	return v
}

// splitOther takes the free text out of 问卷星's `选项〖文本〗` (several in a multi-select cell): the
// answer keeps the bare options, the texts are returned joined by "；".
func splitOther(v string) (answer, other string) {
	if !strings.Contains(v, "〖") {
		return v, ""
	}
	var a, o strings.Builder
	for {
		i := strings.Index(v, "〖")
		if i < 0 {
			a.WriteString(v)
			break
		}
		a.WriteString(v[:i])
		rest := v[i+len("〖"):]
		j := strings.Index(rest, "〗")
		if j < 0 { // unbalanced: keep the text as it is
			a.WriteString(v[i:])
			break
		}
		if t := strings.TrimSpace(rest[:j]); t != "" {
			if o.Len() > 0 {
				o.WriteString("；")
			}
			o.WriteString(t)
		}
		v = rest[j+len("〗"):]
	}
	return strings.TrimSpace(a.String()), o.String()
}

// parseNumber is strconv.ParseFloat without its error: most cells that are not numbers are told apart
// by their first byte, before ParseFloat allocates an error for them (a comment column costs one per row).
func parseNumber(v string) (float64, bool) {
	s := v
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	switch c := s[0]; { // what a float, "Inf", "infinity" or "NaN" starts with
	case c >= '0' && c <= '9', c == '.', c == 'i', c == 'I', c == 'n', c == 'N':
	default:
		return 0, false
	}
	switch c := s[len(s)-1]; { // and ends with ("123秒" is not a number)
	case c >= '0' && c <= '9', c == '.', c == 'f', c == 'F', c == 'y', c == 'Y', c == 'n', c == 'N':
	default:
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// timeLayouts are the submit-time forms seen in exports (sheet already turns xlsx date cells into
// the first one).
var timeLayouts = []string{
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999",
	"2006/1/2 15:04:05", "2006/1/2 15:04", "2006-1-2 15:04:05", "2006-1-2 15:04", "2006.1.2 15:04:05",
	"02-Jan-2006 15:04:05", "2-Jan-2006 15:04:05", "02-Jan-2006 15:04", "2006年1月2日 15:04:05",
	"2006年1月2日 15:04", "2006年1月2日15:04:05", "2006年1月2日 15时04分05秒",
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST", "2006/1/2 15:04:05.999999999",
	"2006-01-02", "2006/1/2", "2006-1-2", "2006年1月2日", "02-Jan-2006", "2006.1.2",
	"1/2/2006 15:04:05", "1/2/2006 15:04", // month/day/year, as an English-locale Excel writes CSV
}

// trimSpace is strings.TrimSpace, quick for the usual cell that neither starts nor ends with white
// space (TrimSpace takes its slow path at any non-ASCII end, as every Chinese text has).
func trimSpace(v string) string {
	if v == "" {
		return v
	}
	first, last := rune(v[0]), rune(v[len(v)-1])
	if first >= utf8.RuneSelf {
		first, _ = utf8.DecodeRuneInString(v)
	}
	if last >= utf8.RuneSelf {
		last, _ = utf8.DecodeLastRuneInString(v)
	}
	if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
		return v
	}
	return strings.TrimSpace(v)
}

// wholeNumber writes a whole number saved as a decimal ("8.0", "-2.00": how pandas, LimeSurvey and many
// spreadsheets save a column of numbers with gaps) as the integer it is, so that a 1–10 rating column
// reads as a rating, not as a fill-in of decimals, and "8" and "8.0" are one option. Other text is kept.
func wholeNumber(v string) string {
	dot := strings.IndexByte(v, '.')
	if dot <= 0 || dot == len(v)-1 || !isInt(v[:dot]) {
		return v
	}
	for i := dot + 1; i < len(v); i++ {
		if v[i] != '0' {
			return v
		}
	}
	return v[:dot]
}

// shift1904 turns a date serial of a 1904-system workbook, left as a plain number, into the 1900-system
// serial parseTime reads (1462 days later); any other text is returned as it is.
func shift1904(v string) string {
	if f, ok := parseNumber(trimSpace(v)); ok {
		return strconv.FormatFloat(f+1462, 'f', -1, 64)
	}
	return v
}

// parseTime reads a submit time as Beijing wall-clock time. ok is false when v is not a time.
func parseTime(v string) (time.Time, bool) {
	v = trimSpace(v)
	if t, ok := parseISOTime(v); ok { // what the sheet reader makes of date cells: most exports
		if t.Year() < 1990 || t.Year() > 2200 {
			return time.Time{}, false
		}
		return t, true
	}
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, v, data.Beijing); err == nil {
			if t.Year() < 1990 || t.Year() > 2200 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	// An Excel serial date left as a number (a cell without a date format).
	if f, ok := parseNumber(v); ok && f > 32874 && f < 109575 { // 1990 … 2200
		sec := math.Round((f - 25569) * 86400) // days since 1970-01-01
		t := time.Unix(int64(sec), 0).UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, data.Beijing), true
	}
	return time.Time{}, false
}

var (
	reDurationClock = regexp.MustCompile(`^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$`)
	reDurationEN    = regexp.MustCompile(`(?i)^(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds)$`)
)

// parseISOTime reads "2006-01-02 15:04:05" by hand, as time.ParseInLocation would; ok is false for any
// other form and for out-of-range fields (then the general layouts decide).
func parseISOTime(v string) (time.Time, bool) {
	if len(v) != 19 || v[4] != '-' || v[7] != '-' || v[10] != ' ' || v[13] != ':' || v[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		x := 0
		for _, c := range []byte(v[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			x = x*10 + int(c-'0')
		}
		return x
	}
	y, mo, d, h, mi, s := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 ||
		d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, s, 0, data.Beijing), true
}

// parseDuration reads a duration in seconds: "123", "123秒", "2分3秒", "1小时2分", "00:02:03", "95s".
func parseDuration(v string) (float64, bool) {
	v = trimSpace(v)
	if f, ok := parseNumber(v); ok {
		return f, f >= 0 && !math.IsInf(f, 0) && !math.IsNaN(f)
	}
	if d, ok := parseUnits(v); ok {
		return d, true
	}
	if m := reDurationClock.FindStringSubmatch(v); m != nil {
		h, _ := strconv.ParseFloat(orZero(m[1]), 64)
		mi, _ := strconv.ParseFloat(m[2], 64)
		s, _ := strconv.ParseFloat(m[3], 64)
		return h*3600 + mi*60 + s, true
	}
	if m := reDurationEN.FindStringSubmatch(v); m != nil {
		f, _ := strconv.ParseFloat(m[1], 64)
		return f, true
	}
	return 0, false
}

// durationUnits are the units of "1小时2分3秒" in the order they must come, with their seconds.
var durationUnits = []struct {
	names []string
	secs  float64
}{
	{[]string{"小时", "时"}, 3600},
	{[]string{"分钟", "分"}, 60},
	{[]string{"秒钟", "秒"}, 1},
}

// parseUnits reads "123秒", "2分3秒", "1小时2分", "3分钟" (hand-written: it runs once per row).
func parseUnits(v string) (float64, bool) {
	total, next, any := 0.0, 0, false
	for v != "" {
		i := 0
		for i < len(v) && (v[i] >= '0' && v[i] <= '9' || v[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, false
		}
		n, err := strconv.ParseFloat(v[:i], 64)
		if err != nil {
			return 0, false
		}
		v = strings.TrimLeft(v[i:], " ")
		found := false
		for next < len(durationUnits) && !found {
			u := durationUnits[next]
			next++
			for _, name := range u.names {
				if strings.HasPrefix(v, name) {
					total += n * u.secs
					v = strings.TrimLeft(v[len(name):], " ")
					found, any = true, true
					break
				}
			}
		}
		if !found {
			return 0, false
		}
	}
	return total, any
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// cleanIP keeps the address of 问卷星's "112.10.1.1(浙江-杭州)".
func cleanIP(v string) string {
	v = trimSpace(v)
	if i := strings.IndexAny(v, "(（"); i > 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// likertScales order the options of a question when they come from a known scale (best first), so
// frequency tables read naturally whatever order respondents happened to pick them in.
var likertScales = [][]string{
	{"非常满意", "很满意", "比较满意", "满意", "基本满意", "一般", "不太满意", "不满意", "比较不满意", "很不满意", "非常不满意"},
	{"非常同意", "很同意", "比较同意", "同意", "一般", "不太同意", "不同意", "比较不同意", "很不同意", "非常不同意"},
	{"非常好", "很好", "比较好", "好", "较好", "一般", "较差", "比较差", "差", "很差", "非常差"},
	{"非常重要", "很重要", "比较重要", "重要", "一般", "不太重要", "不重要", "很不重要", "非常不重要"},
	{"非常了解", "比较了解", "了解", "一般", "不太了解", "不了解", "完全不了解"},
	{"非常认同", "很认同", "比较认同", "认同", "一般", "不太认同", "不认同", "很不认同", "非常不认同"},
	{"非常必要", "很有必要", "比较必要", "有必要", "必要", "一般", "不太必要", "没必要", "不必要", "完全没必要"},
	{"是", "否"},
}

// trailingOptions go last in any scale.
var trailingOptions = map[string]int{"不了解": 1, "不清楚": 2, "说不清": 3, "不适用": 4, "无法评价": 5, "其他": 6, "其它": 6}

// orderOptions sorts options numerically when all are numbers, by a known scale when all belong to one
// (plus the usual "don't know" answers), and otherwise keeps first-seen order.
func orderOptions(opts []string) []string {
	out := append([]string(nil), opts...)
	allNum := len(out) > 0
	for _, o := range out {
		if _, err := strconv.ParseFloat(o, 64); err != nil {
			allNum = false
			break
		}
	}
	if allNum {
		sortStable(out, func(a, b string) bool {
			x, _ := strconv.ParseFloat(a, 64)
			y, _ := strconv.ParseFloat(b, 64)
			return x < y
		})
		return out
	}
	for _, scale := range likertScales {
		rank := map[string]int{}
		for i, s := range scale {
			rank[s] = i
		}
		fits := true
		for _, o := range out {
			if _, ok := rank[o]; !ok {
				if _, ok := trailingOptions[o]; !ok {
					fits = false
					break
				}
			}
		}
		if !fits {
			continue
		}
		key := func(o string) int {
			if r, ok := rank[o]; ok {
				return r
			}
			return 1000 + trailingOptions[o]
		}
		sortStable(out, func(a, b string) bool { return key(a) < key(b) })
		return out
	}
	return out
}

func sortStable(s []string, less func(a, b string) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// inScale says whether every option belongs to one known answer scale.
func inScale(opts []string) bool {
	if len(opts) == 0 {
		return false
	}
	for _, scale := range likertScales {
		in := map[string]bool{}
		for _, o := range scale {
			in[o] = true
		}
		fits := true
		for _, o := range opts {
			if _, ok := trailingOptions[o]; !in[o] && !ok {
				fits = false
				break
			}
		}
		if fits {
			return true
		}
	}
	return false
}
