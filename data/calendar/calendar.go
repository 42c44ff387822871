// Package calendar counts statutory working days (工作日): Monday to Friday that is not a statutory day off,
// plus make-up working days (调休上班). Holidays come from lunar-go; a team can override any date before a
// library update with an override file holding the State Council's notice for a new year.
package calendar

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

const layout = "2006-01-02"

// MaxSpan bounds a counted range so a typo such as 2026→2926 cannot make the app count for minutes.
const MaxSpan = 366 * 50

// Calendar answers working-day questions. The zero value uses lunar-go's data alone.
type Calendar struct {
	override map[string]bool // date → is a working day
}

// New returns a calendar with the given overrides (date "YYYY-MM-DD" → working day or not).
func New(override map[string]bool) *Calendar {
	return &Calendar{override: override}
}

var (
	defaultOnce sync.Once
	defaultCal  *Calendar
	defaultErr  error
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

// Default returns the calendar with the user's override file applied, read once. A missing file is fine;
// a broken one is an error naming the line.
func Default() (*Calendar, error) {
	defaultOnce.Do(func() {
		defaultCal = New(nil)
		p := OverridePath()
		if p == "" {
			return
		}
		f, err := os.Open(p)
		if err != nil {
			if !os.IsNotExist(err) {
				defaultErr = err
			}
			return
		}
		defer f.Close()
		ov, err := ParseOverrides(f)
		if err != nil {
			defaultErr = fmt.Errorf("%s: %w", p, err)
			return
		}
		defaultCal = New(ov)
	})
	return defaultCal, defaultErr
}

// ParseOverrides reads lines of "YYYY-MM-DD 休" (a day off) or "YYYY-MM-DD 班" (a make-up working day),
// optionally followed by a name; "off"/"work" are accepted too; '#' starts a comment.
func ParseOverrides(r io.Reader) (map[string]bool, error) {
	out := map[string]bool{}
	sc := bufio.NewScanner(r)
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
		switch f[1] {
		case "休", "off":
			out[d.Format(layout)] = false
		case "班", "work":
			out[d.Format(layout)] = true
		default:
			return nil, fmt.Errorf("第%d行：应为“休”或“班”，而不是 %q", n, f[1])
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

// WorkingDays counts working days from from to to, both inclusive; 0 when to is before from.
func (c *Calendar) WorkingDays(from, to time.Time) (int, error) {
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	to = time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	if to.Before(from) {
		return 0, nil
	}
	if to.Sub(from).Hours()/24 > MaxSpan {
		return 0, fmt.Errorf("日期范围过长（超过 50 年）：%s 至 %s", from.Format(layout), to.Format(layout))
	}
	n := 0
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
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
