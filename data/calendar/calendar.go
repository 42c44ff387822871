// Package calendar counts statutory working days (工作日): Monday to Friday that is not a statutory day off,
// plus make-up working days (调休上班). Holidays come from lunar-go; a team can override any date before a
// library update with an override file holding the State Council's notice for a new year.
package calendar

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/6tail/lunar-go/HolidayUtil"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const layout = "2006-01-02"

// MaxSpan bounds a counted range so a typo such as 2026→2926 cannot make the app count for minutes.
const MaxSpan = 366 * 50

// Calendar answers working-day questions. The zero value uses lunar-go's data alone.
type Calendar struct {
	override map[string]bool // date → is a working day
	years    map[int]bool    // years with at least one override line: their notice counts as entered
}

// New returns a calendar with the given overrides (date "YYYY-MM-DD" → working day or not).
func New(override map[string]bool) *Calendar {
	c := &Calendar{override: override, years: map[int]bool{}}
	for k := range override {
		d, err := time.Parse(layout, k)
		// A line for 29–31 December settles its own day only: it may come from either year's notice.
		if err == nil && (d.Month() != time.December || d.Day() < 29) {
			c.years[d.Year()] = true
		}
	}
	return c
}

// noticeYear is the year of the State Council notice that sets day: 29–31 December belong to the next
// year's notice (its 元旦 holiday; in lunar-go's data every December entry is such a day, e.g. 2007-12-31
// off for 2008), every other day to its own year's.
func noticeYear(day time.Time) int {
	if day.Month() == time.December && day.Day() >= 29 {
		return day.Year() + 1
	}
	return day.Year()
}

var (
	builtinOnce  sync.Once
	builtinYears map[int]bool
	builtinFirst int
	builtinLast  int
)

// loadBuiltin finds the notices lunar-go holds: a year counts when some holiday entry belongs to a
// holiday of that year (v1.4.7: 2002–2027, its data starting at 2001-12-29).
func loadBuiltin() {
	builtinOnce.Do(func() {
		builtinYears = map[int]bool{}
		for y := 1900; y <= 2200; y++ {
			for e := HolidayUtil.GetHolidaysByYear(y).Front(); e != nil; e = e.Next() {
				h := e.Value.(*HolidayUtil.Holiday)
				if t, err := strconv.Atoi(h.GetTarget()[:min(4, len(h.GetTarget()))]); err == nil {
					builtinYears[t] = true
				}
			}
		}
		for y := range builtinYears {
			if builtinFirst == 0 || y < builtinFirst {
				builtinFirst = y
			}
			builtinLast = max(builtinLast, y)
		}
	})
}

// BuiltinYears is the first and last year whose holiday notice lunar-go holds.
func BuiltinYears() (first, last int) {
	loadBuiltin()
	return builtinFirst, builtinLast
}

// assumed reports the notice year of day when neither lunar-go nor the override file holds it, so day was
// taken as Monday–Friday. An override line for day itself is never an assumption. The override file
// covers a year when it has at least one line dated in that year before 29 December: the State Council's
// notice always sets 元旦 (a line for 1 January), so a team that copied the notice has lines in its year,
// and a year can be entered before any library update without a marker syntax to learn.
func (c *Calendar) assumed(day time.Time) (int, bool) {
	if c != nil {
		if _, ok := c.override[day.Format(layout)]; ok {
			return 0, false
		}
	}
	y := noticeYear(day)
	loadBuiltin()
	if builtinYears[y] || c != nil && c.years[y] {
		return 0, false
	}
	return y, true
}

// Count is the result of counting a range.
type Count struct {
	Days int // working days, both ends inclusive
	// Known counts the working days among the days not assumed: a lower bound of the true count (an
	// assumed day may be a day off or a make-up working day; a known one is what the notice says).
	Known int
	// Uncovered lists, ascending, the years whose holiday notice neither lunar-go nor the override file
	// holds and that some day of the range depends on; those days were counted Monday–Friday.
	Uncovered []int
}

// Warning is the one-line Chinese notice for a count that had to assume years, "" when none: which
// years, and where to add their notice.
func (n Count) Warning() string {
	if len(n.Uncovered) == 0 {
		return ""
	}
	first, last := BuiltinYears()
	which := "该年"
	if len(n.Uncovered) > 1 {
		which = "这些年份的"
	}
	where := "在 " + OverridePath() + " 中"
	if OverridePath() == "" {
		where = "在环境变量 GONGPING_HOLIDAYS 所指的文件中"
	}
	return fmt.Sprintf("%s 年节假日安排不在内置数据范围内（内置 %d–%d 年），按周一至周五计算；请%s补充%s国务院放假通知（含上年 12 月 29–31 日的调休）",
		YearsText(n.Uncovered, "、"), first, last, where, which)
}

// YearsText writes ascending years with runs collapsed: 1999–2001、2028.
func YearsText(years []int, sep string) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		} else {
			parts = append(parts, strconv.Itoa(years[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, sep)
}

var (
	defaultMu  sync.Mutex
	defaultKey string // path, size and time of the file read
	defaultCal *Calendar
	defaultErr error
)

// OverridePath is where the user's override file lives; GONGPING_HOLIDAYS overrides it (tests, scripts).
func OverridePath() string {
	if p := os.Getenv("GONGPING_HOLIDAYS"); p != "" {
		return p
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return dir + string(os.PathSeparator) + "gongping" + string(os.PathSeparator) + "holidays.txt"
}

// Default returns the calendar with the user's override file applied. The file is read again only when
// its path, size or modification time changed (a notice added while the window is open counts at once).
// A missing file is fine; a broken one is an error naming the line.
func Default() (*Calendar, error) {
	p := OverridePath()
	key := p
	st, statErr := os.Stat(p)
	if statErr == nil {
		key = fmt.Sprintf("%s\x00%d\x00%d", p, st.Size(), st.ModTime().UnixNano())
	}
	defaultMu.Lock()
	defer defaultMu.Unlock()
	if defaultCal != nil && key == defaultKey {
		return defaultCal, defaultErr
	}
	defaultKey, defaultCal, defaultErr = key, New(nil), nil
	if p == "" {
		return defaultCal, nil
	}
	f, err := os.Open(p)
	if err != nil {
		if !os.IsNotExist(err) {
			defaultErr = err
		}
		return defaultCal, defaultErr
	}
	defer f.Close()
	ov, err := ParseOverrides(f)
	if err != nil {
		defaultErr = fmt.Errorf("%s: %w", p, err)
		return defaultCal, defaultErr
	}
	defaultCal = New(ov)
	return defaultCal, nil
}

// maxFile bounds the override file: fifty years of notices are some 60 KB.
const maxFile = 4 << 20

// decodeText returns the file's text as UTF-8: UTF-8 with or without BOM (Notepad's "UTF-8 with BOM"),
// UTF-16 with a BOM (Notepad's "Unicode"), else GBK/GB18030 (Notepad's "ANSI" on Chinese Windows).
func decodeText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return b[3:], nil
	case bytes.HasPrefix(b, []byte("\xff\xfe")), bytes.HasPrefix(b, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	case utf8.Valid(b):
		return b, nil
	}
	return simplifiedchinese.GB18030.NewDecoder().Bytes(b)
}

// ParseOverrides reads lines of "YYYY-MM-DD 休" (a day off) or "YYYY-MM-DD 班" (a make-up working day),
// optionally followed by a name; "off"/"work" are accepted too; '#' starts a comment. Line ends may be
// LF or CRLF; see decodeText for the encodings. Two lines for one date must agree.
func ParseOverrides(r io.Reader) (map[string]bool, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxFile {
		return nil, fmt.Errorf("文件过大（超过 %d MB），不像节假日调整文件", maxFile>>20)
	}
	if b, err = decodeText(b); err != nil {
		return nil, fmt.Errorf("无法识别文件编码，请另存为 UTF-8：%v", err)
	}
	out := map[string]bool{}
	lineOf := map[string]int{} // date → the line that set it
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("第%d行：应为“日期 休/班”，如 2027-02-06 休", n)
		}
		d, err := time.Parse(layout, f[0])
		if err != nil {
			return nil, fmt.Errorf("第%d行：无法识别的日期 %q", n, f[0])
		}
		var work bool
		switch f[1] {
		case "休", "off":
		case "班", "work":
			work = true
		default:
			return nil, fmt.Errorf("第%d行：应为“休”或“班”，而不是 %q", n, f[1])
		}
		key := d.Format(layout)
		if prev, ok := out[key]; ok && prev != work {
			return nil, fmt.Errorf("第%d行与第%d行矛盾：%s 一处为“%s”、一处为“%s”，请删去其中错误的一行", lineOf[key], n, key, kind(prev), kind(work))
		} else if !ok {
			out[key], lineOf[key] = work, n
		}
	}
	return out, sc.Err()
}

// IsWorkday reports whether day is a statutory working day.
func (c *Calendar) IsWorkday(day time.Time) bool {
	key := day.Format(layout)
	if c != nil {
		if w, ok := c.override[key]; ok {
			return w
		}
	}
	if h := HolidayUtil.GetHolidayByYmd(day.Year(), int(day.Month()), day.Day()); h != nil {
		return h.IsWork()
	}
	wd := day.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func kind(work bool) string {
	if work {
		return "班"
	}
	return "休"
}

// WorkingDays counts working days from from to to, both inclusive; 0 when to is before from.
// It says nothing of assumed years: use Count where the user reads the number.
func (c *Calendar) WorkingDays(from, to time.Time) (int, error) {
	n, err := c.Count(from, to)
	return n.Days, err
}

// Count counts working days from from to to, both inclusive (0 when to is before from), and names the
// years it had to count Monday–Friday. The command line, the checklist and the window all count here.
func (c *Calendar) Count(from, to time.Time) (Count, error) {
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	to = time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	var n Count
	if to.Before(from) {
		return n, nil
	}
	if to.Sub(from).Hours()/24 > MaxSpan {
		return n, fmt.Errorf("日期范围过长（超过 50 年）：%s 至 %s", from.Format(layout), to.Format(layout))
	}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		work := c.IsWorkday(d)
		if work {
			n.Days++
		}
		y, assumed := c.assumed(d)
		switch {
		case !assumed:
			if work {
				n.Known++
			}
		case len(n.Uncovered) == 0 || n.Uncovered[len(n.Uncovered)-1] != y:
			// Days ascend and so do their notice years: Uncovered stays sorted.
			n.Uncovered = append(n.Uncovered, y)
		}
	}
	return n, nil
}

// HolidayName returns the holiday a date belongs to ("春节", …) and whether it is a make-up working day;
// name is "" for an ordinary day.
func HolidayName(day time.Time) (name string, makeup bool) {
	if h := HolidayUtil.GetHolidayByYmd(day.Year(), int(day.Month()), day.Day()); h != nil {
		return h.GetName(), h.IsWork()
	}
	return "", false
}
