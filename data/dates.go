package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DateLayout is the date format used everywhere in the store and on the command line.
const DateLayout = "2006-01-02"

// dateRe reads a date in the spellings people type: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 (the 日
// may be left off), with spaces around the parts. Full-width digits and signs are folded first.
var dateRe = regexp.MustCompile(`^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*(日?)$`)

// ParseDate reads a date written YYYY-MM-DD, or as 2025/03/01, 2025.3.1 or 2025年3月1日 (the window and the
// command line read dates here; the store keeps DateLayout). A date that does not exist (2025-02-30,
// 2025年13月1日) is refused; the error is safe to show a user and names the date.
func ParseDate(s string) (time.Time, error) {
	in := strings.TrimSpace(strings.Map(FoldWidth, s))
	if in == "" {
		return time.Time{}, InputErrorf("未填写日期：请写成 YYYY-MM-DD，如 2025-03-01")
	}
	m := dateRe.FindStringSubmatch(in)
	// One spelling throughout: 2025-03-01 or 2025年3月1日, not 2025-03/01 or 2025年3-1; 日 only after 年 and 月.
	if m == nil || !sameSeparators(m[2], m[4], m[6]) {
		return time.Time{}, InputErrorf("无法识别的日期 %q：请写成 YYYY-MM-DD，如 2025-03-01（也可写 2025/3/1、2025.3.1 或 2025年3月1日）", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[3])
	d, _ := strconv.Atoi(m[5])
	if mo < 1 || mo > 12 {
		return time.Time{}, InputErrorf("无法识别的日期 %q：月份应为 1 至 12", s)
	}
	if n := daysIn(y, time.Month(mo)); d < 1 || d > n {
		return time.Time{}, InputErrorf("无法识别的日期 %q：%d年%d月只有 %d 天", s, y, mo, n)
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), nil
}

func sameSeparators(a, b, day string) bool {
	if a == "年" {
		return b == "月"
	}
	return a == b && day == ""
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// NormalizeDate reads an optional date (ParseDate) and returns it as DateLayout; "" stays "".
func NormalizeDate(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	t, err := ParseDate(s)
	if err != nil {
		return "", err
	}
	return t.Format(DateLayout), nil
}

// Dates that contradict each other.
//
// A contradiction inside one record — a comment period that ends before it starts, a policy issued before
// its drafting began — is refused (Validate): the user is typing both dates in one form and one of them is
// wrong. Contradictions between records kept in different places are warnings: the record is saved and the
// warning is shown beside it until the dates agree, because the tool cannot tell which of the two is wrong
// (refusing one would force the user to correct them in a particular order), and because some are real
// breaches of the procedure that the team must be able to record as they happened and the statutory
// checklist must then judge (a policy issued before its comment period ended). The checks on the dates of
// a publication are data/loop's (PublishWarnings), which reads what the publication would freeze.

// ConsultationDateWarnings compares a comment period with its policy's drafting and issue dates; the texts
// are Chinese and say which dates to check. Dates that do not read are left to Validate.
func ConsultationDateWarnings(p Policy, c Consultation) []string {
	var out []string
	start, err1 := ParseDate(c.Start)
	end, err2 := ParseDate(c.End)
	if draft, err := ParseDate(p.DraftDate); err == nil && err1 == nil && start.Before(draft) {
		out = append(out, fmt.Sprintf("征求意见开始日期 %s 早于起草日期 %s：公开征求意见的是草案，应在起草之后；请核对这两个日期",
			start.Format(DateLayout), draft.Format(DateLayout)))
	}
	if issued, err := ParseDate(p.Issued); err == nil && err2 == nil && !issued.After(end) {
		out = append(out, fmt.Sprintf("政策印发日期 %s 不晚于征求意见截止日期 %s：征求意见结束、处理意见之后才能印发；请核对这两个日期",
			issued.Format(DateLayout), end.Format(DateLayout)))
	}
	return out
}

// NeedDateWarnings compares a needs-collection activity with its policy's drafting date: needs are
// collected before drafting (the demand_collection rule of the checklist judges the same).
func NeedDateWarnings(p Policy, n Need) []string {
	d, err1 := ParseDate(n.Date)
	draft, err2 := ParseDate(p.DraftDate)
	if err1 != nil || err2 != nil || !d.After(draft) {
		return nil
	}
	return []string{fmt.Sprintf("需求征集日期 %s 晚于起草日期 %s：需求征集应在起草之前；请核对这两个日期",
		d.Format(DateLayout), draft.Format(DateLayout))}
}

// PolicyDateWarnings is every warning about a policy's dates against its comment period (nil when none is
// recorded) and its needs-collection activities.
func PolicyDateWarnings(p Policy, c *Consultation, needs []Need) []string {
	var out []string
	if c != nil {
		out = append(out, ConsultationDateWarnings(p, *c)...)
	}
	for _, n := range needs {
		out = append(out, NeedDateWarnings(p, n)...)
	}
	return out
}
