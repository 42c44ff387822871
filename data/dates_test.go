package data

import (
	"strings"
	"testing"
)

func TestParseDateSpellings(t *testing.T) {
	for _, c := range []struct {
		in, want string // want "" = refused
		why      string // part of the refusal
	}{
		{"2025-03-01", "2025-03-01", ""},
		{" 2025-03-01 ", "2025-03-01", ""},
		{"2025-3-1", "2025-03-01", ""},
		{"2025/03/01", "2025-03-01", ""},
		{"2025/3/1", "2025-03-01", ""},
		{"2025.3.1", "2025-03-01", ""},
		{"2025.03.01", "2025-03-01", ""},
		{"2025年3月1日", "2025-03-01", ""},
		{"2025年03月01日", "2025-03-01", ""},
		{"2025年3月1", "2025-03-01", ""},
		{"2025 年 3 月 1 日", "2025-03-01", ""},
		{"２０２５－０３－０１", "2025-03-01", ""}, // full-width, as a Chinese input method types it
		{"２０２５年３月１日", "2025-03-01", ""},
		{"2024-02-29", "2024-02-29", ""},
		{"2000-02-29", "2000-02-29", ""},
		{"2025-12-31", "2025-12-31", ""},

		{"", "", "未填写日期"},
		{"   ", "", "未填写日期"},
		{"2025-02-30", "", "2025年2月只有 28 天"},
		{"2025-02-29", "", "2025年2月只有 28 天"},
		{"1900-02-29", "", "1900年2月只有 28 天"},
		{"2025-04-31", "", "2025年4月只有 30 天"},
		{"2025-01-00", "", "2025年1月只有 31 天"},
		{"2025年13月1日", "", "月份应为 1 至 12"},
		{"2026/13/01", "", "月份应为 1 至 12"},
		{"2025-00-10", "", "月份应为 1 至 12"},
		{"2025-03/01", "", "请写成 YYYY-MM-DD"},
		{"2025年3-1", "", "请写成 YYYY-MM-DD"},
		{"2025-03-01日", "", "请写成 YYYY-MM-DD"},
		{"25-03-01", "", "请写成 YYYY-MM-DD"},
		{"01/03/2025", "", "请写成 YYYY-MM-DD"},
		{"2025-03-001", "", "请写成 YYYY-MM-DD"},
		{"2025-03-01 10:00", "", "请写成 YYYY-MM-DD"},
		{"20250301", "", "请写成 YYYY-MM-DD"},
		{"三月一日", "", "请写成 YYYY-MM-DD"},
		{"x", "", "请写成 YYYY-MM-DD"},
	} {
		got, err := ParseDate(c.in)
		switch {
		case c.want != "" && err != nil:
			t.Errorf("ParseDate(%q): %v, want %s", c.in, err, c.want)
		case c.want != "" && got.Format(DateLayout) != c.want:
			t.Errorf("ParseDate(%q) = %s, want %s", c.in, got.Format(DateLayout), c.want)
		case c.want == "" && err == nil:
			t.Errorf("ParseDate(%q) = %s, want refused (%s)", c.in, got.Format(DateLayout), c.why)
		case c.want == "":
			var ie *InputError
			if !asInputError(err, &ie) || !strings.Contains(err.Error(), c.why) {
				t.Errorf("ParseDate(%q): %v, want an input error saying %q", c.in, err, c.why)
			}
			if strings.TrimSpace(c.in) != "" && !strings.Contains(err.Error(), "无法识别的日期") {
				t.Errorf("ParseDate(%q): %v, want it to start 无法识别的日期", c.in, err)
			}
		}
	}
}

func asInputError(err error, ie **InputError) bool {
	e, ok := err.(*InputError)
	*ie = e
	return ok
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{"": "", " ": "", "2025年3月1日": "2025-03-01", "2025/12/9": "2025-12-09"} {
		if got, err := NormalizeDate(in); err != nil || got != want {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := NormalizeDate("2025-02-30"); err == nil {
		t.Error("NormalizeDate(2025-02-30) accepted")
	}
}

// Validate stores every spelling as DateLayout, so that the store's comparisons of dates as text hold.
func TestValidateNormalizesDates(t *testing.T) {
	p := Policy{Title: "t", Dept: "d", Category: "其他", DraftDate: "2025年1月5日", Issued: "2025/6/1"}
	if err := p.Validate(); err != nil || p.DraftDate != "2025-01-05" || p.Issued != "2025-06-01" {
		t.Errorf("policy: %+v %v", p, err)
	}
	c := Consultation{Start: "2025.3.1", End: "2025年3月15日"}
	if err := c.Validate(); err != nil || c.Start != "2025-03-01" || c.End != "2025-03-15" {
		t.Errorf("consultation: %+v %v", c, err)
	}
	n := Need{Date: "2024/12/9"}
	if err := n.Validate(); err != nil || n.Date != "2024-12-09" {
		t.Errorf("need: %+v %v", n, err)
	}
	m := Meeting{Date: "２０２５年３月５日", Reps: 5}
	if err := m.Validate(); err != nil || m.Date != "2025-03-05" {
		t.Errorf("meeting: %+v %v", m, err)
	}
}

// Contradictions inside one record are refused.
func TestDateErrorsInOneRecord(t *testing.T) {
	p := Policy{Title: "t", Dept: "d", Category: "其他", DraftDate: "2025-06-01", Issued: "2025-05-31"}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "印发日期 2025-05-31 早于起草日期 2025-06-01") {
		t.Errorf("issued before drafting: %v", err)
	}
	p = Policy{Title: "t", Dept: "d", Category: "其他", DraftDate: "2025-06-01", Issued: "2025年6月1日"}
	if err := p.Validate(); err != nil {
		t.Errorf("issued the day drafting began: %v", err)
	}
	p = Policy{Title: "t", Dept: "d", Category: "其他", Issued: "2025-02-30"}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "印发日期：无法识别的日期") {
		t.Errorf("bad issue date: %v", err)
	}
	c := Consultation{Start: "2025-03-15", End: "2025/3/1"}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "截止日期 2025-03-01 早于开始日期 2025-03-15") {
		t.Errorf("end before start: %v", err)
	}
	c = Consultation{Start: "", End: "2025-03-01"}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "征求意见开始日期：未填写日期") {
		t.Errorf("no start: %v", err)
	}
}

// Contradictions between records kept in different places are warnings, each naming both dates.
func TestDateWarningsAcrossRecords(t *testing.T) {
	p := Policy{DraftDate: "2025-03-10", Issued: "2025-04-01"}
	for _, c := range []struct {
		name       string
		p          Policy
		start, end string
		want       []string
	}{
		{"in order", p, "2025-03-11", "2025-03-25", nil},
		{"starts the day drafting began", p, "2025-03-10", "2025-03-25", nil},
		{"starts before drafting", p, "2025-03-01", "2025-03-25", []string{"征求意见开始日期 2025-03-01 早于起草日期 2025-03-10"}},
		{"issued before the period ended", p, "2025-03-11", "2025-04-10", []string{"政策印发日期 2025-04-01 不晚于征求意见截止日期 2025-04-10"}},
		{"issued on the last day", p, "2025-03-11", "2025-04-01", []string{"不晚于征求意见截止日期 2025-04-01"}},
		{"both", p, "2025-03-01", "2025-04-01", []string{"早于起草日期", "不晚于征求意见截止日期"}},
		{"other spellings", Policy{DraftDate: "2025-03-10"}, "2025年3月1日", "2025/3/20", []string{"征求意见开始日期 2025-03-01 早于起草日期 2025-03-10"}},
		{"no policy dates", Policy{}, "2025-03-01", "2025-03-20", nil},
		{"unreadable period", p, "x", "y", nil},
	} {
		got := ConsultationDateWarnings(c.p, Consultation{Start: c.start, End: c.end})
		if len(got) != len(c.want) {
			t.Errorf("%s: %q, want %d warnings", c.name, got, len(c.want))
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s: %q, want %q", c.name, got[i], w)
			}
		}
	}
	if w := NeedDateWarnings(p, Need{Date: "2025-03-11"}); len(w) != 1 || !strings.Contains(w[0], "需求征集日期 2025-03-11 晚于起草日期 2025-03-10") {
		t.Errorf("need after drafting: %q", w)
	}
	if w := NeedDateWarnings(p, Need{Date: "2025-03-10"}); w != nil {
		t.Errorf("need the day drafting began: %q", w)
	}
	all := PolicyDateWarnings(p, &Consultation{Start: "2025-03-01", End: "2025-03-20"}, []Need{{Date: "2025-01-01"}, {Date: "2025-05-01"}})
	if len(all) != 2 {
		t.Errorf("policy warnings %q, want the consultation's and one need's", all)
	}
	if w := PolicyDateWarnings(p, nil, nil); w != nil {
		t.Errorf("nothing to compare: %q", w)
	}
}
