package data

import (
	"strings"
)

// Consultation is the public comment period on a draft (公开征求意见).
type Consultation struct {
	PolicyID int64  `json:"policy"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Channel  string `json:"channel"`
	Contact  string `json:"contact"`
}

// Validate checks a comment period before it is stored and writes its dates as DateLayout and its texts
// trimmed; the error is safe to show a user.
func (c *Consultation) Validate() error {
	st, err := ParseDate(c.Start)
	if err != nil {
		return InputErrorf("征求意见开始日期：%v", err)
	}
	en, err := ParseDate(c.End)
	if err != nil {
		return InputErrorf("征求意见截止日期：%v", err)
	}
	c.Start, c.End = st.Format(DateLayout), en.Format(DateLayout)
	if en.Before(st) {
		return InputErrorf("征求意见截止日期 %s 早于开始日期 %s", c.End, c.Start)
	}
	// A comment period runs days or weeks; one over a year is a mistyped year (2062 for 2026), which
	// would otherwise pass the working-day rule by decades.
	if days := int(en.Sub(st).Hours()/24) + 1; days > 366 {
		return InputErrorf("征求意见期 %s 至 %s 长达 %d 天，请检查年份是否填错（征求意见期不超过一年）", c.Start, c.End, days)
	}
	c.Channel, c.Contact = strings.TrimSpace(c.Channel), strings.TrimSpace(c.Contact)
	return nil
}

// Need is one needs-collection activity (需求征集) held before drafting.
type Need struct {
	ID          int64  `json:"id"`
	PolicyID    int64  `json:"policy"`
	Date        string `json:"date"`
	Channel     string `json:"channel"`
	Description string `json:"description"`
	Count       int    `json:"count"` // needs collected
}

// Validate checks a needs-collection activity before it is stored, writes its date as DateLayout and
// trims its texts.
func (n *Need) Validate() error {
	d, err := ParseDate(n.Date)
	if err != nil {
		return err
	}
	n.Date = d.Format(DateLayout)
	if n.Count < 0 {
		return InputErrorf("征集数量不能为负数")
	}
	n.Channel, n.Description = strings.TrimSpace(n.Channel), strings.TrimSpace(n.Description)
	return nil
}

// Meeting is an executive meeting (政府常务会议) attended by public representatives.
type Meeting struct {
	ID    int64  `json:"id"`
	Date  string `json:"date"`
	Title string `json:"title"`
	Reps  int    `json:"reps"` // public representatives attending
}

// Validate checks a meeting before it is stored, writes its date as DateLayout and trims its title.
func (m *Meeting) Validate() error {
	d, err := ParseDate(m.Date)
	if err != nil {
		return err
	}
	m.Date = d.Format(DateLayout)
	if m.Reps < 0 || m.Reps > 10000 {
		return InputErrorf("列席公众代表人数 %d 不合理", m.Reps)
	}
	m.Title = strings.TrimSpace(m.Title)
	return nil
}

// Officer is a 政策体验官 on a policy's roster.
type Officer struct {
	ID       int64  `json:"id"`
	PolicyID int64  `json:"policy"`
	Name     string `json:"name"`
}

// OfficerName checks a 体验官's name and returns it trimmed.
func OfficerName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 100 {
		return "", InputErrorf("体验官姓名不能为空且不超过 100 字")
	}
	return name, nil
}

// Round is one evaluation campaign of a policy (评价轮次).
type Round struct {
	ID       int64  `json:"id"`
	PolicyID int64  `json:"policy"`
	Name     string `json:"name"`
}

// DefaultRound is the round name used when none was ever named.
const DefaultRound = "默认"

// RoundName checks a round's name and returns it trimmed: DefaultRound when empty.
func RoundName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultRound
	}
	if len([]rune(name)) > 100 {
		return "", InputErrorf("轮次名称过长（最多 100 字）")
	}
	return name, nil
}
