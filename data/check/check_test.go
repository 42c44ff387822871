package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestMain(m *testing.M) {
	os.Setenv("GONGPING_HOLIDAYS", filepath.Join("testdata", "holidays.txt"))
	os.Exit(m.Run())
}

func newPolicy(t *testing.T, p data.Policy) (*store.Store, int64) {
	t.Helper()
	s := storetest.MustOpen(t)
	if p.Title == "" {
		p.Title, p.Dept, p.Category = "测试政策", "市政府办公厅", "其他"
	}
	return s, storetest.Policy(t, s, p).ID
}

func rule(t *testing.T, s *store.Store, id int64, key string) Item {
	t.Helper()
	res, err := Run(context.Background(), s, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Checks) != len(Rules) {
		t.Fatalf("%d checks, want %d", len(res.Checks), len(Rules))
	}
	for _, c := range res.Checks {
		if c.Rule == key {
			return c
		}
	}
	t.Fatalf("rule %s missing", key)
	return Item{}
}

func state(it Item) string {
	switch {
	case it.OK == nil:
		return "null"
	case *it.OK:
		return "pass"
	default:
		return "fail"
	}
}

func TestCommentPeriod(t *testing.T) {
	ctx := context.Background()
	s, id := newPolicy(t, data.Policy{})
	if got := state(rule(t, s, id, "comment_period")); got != "null" {
		t.Errorf("no consultation: %s", got)
	}
	cases := []struct {
		start, end string
		want       string
		days       int
	}{
		{"2026-09-30", "2026-10-08", "fail", 2},
		{"2026-02-12", "2026-02-25", "pass", 5},
		{"2026-02-13", "2026-02-25", "fail", 4},
		{"2029-12-31", "2030-01-04", "fail", 3}, // 2030-01-02 made a day off by the override file
	}
	for _, c := range cases {
		if err := s.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: c.start, End: c.end}); err != nil {
			t.Fatal(err)
		}
		it := rule(t, s, id, "comment_period")
		if state(it) != c.want || it.Value == nil || *it.Value != c.days || *it.Required != 5 {
			t.Errorf("%s→%s: %s value=%v, want %s %d", c.start, c.end, state(it), it.Value, c.want, c.days)
		}
	}
}

func TestMeetings(t *testing.T) {
	ctx := context.Background()
	s, id := newPolicy(t, data.Policy{Title: "t", Dept: "d", Category: "其他", Issued: "2024-06-01"})
	if got := state(rule(t, s, id, "meetings")); got != "fail" { // 2024 is over with no meeting
		t.Errorf("past year without meetings: %s", got)
	}
	s.AddMeeting(ctx, data.Meeting{Date: "2024-03-01", Reps: 5})
	s.AddMeeting(ctx, data.Meeting{Date: "2024-09-01", Reps: 4})
	s.AddMeeting(ctx, data.Meeting{Date: "2025-02-01", Reps: 9}) // another year
	if it := rule(t, s, id, "meetings"); state(it) != "fail" || *it.Value != 1 {
		t.Errorf("one qualifying meeting: %s %v", state(it), *it.Value)
	}
	s.AddMeeting(ctx, data.Meeting{Date: "2024-11-01", Reps: 7})
	if it := rule(t, s, id, "meetings"); state(it) != "pass" || *it.Value != 2 {
		t.Errorf("two qualifying meetings: %s %v", state(it), *it.Value)
	}
	// A policy of a year not over yet with too few meetings cannot be judged yet.
	s2, id2 := newPolicy(t, data.Policy{Title: "t", Dept: "d", Category: "其他", Issued: "2099-01-01"})
	if got := state(rule(t, s2, id2, "meetings")); got != "null" {
		t.Errorf("future year: %s", got)
	}
}

func TestOfficers(t *testing.T) {
	ctx := context.Background()
	s, id := newPolicy(t, data.Policy{})
	if got := state(rule(t, s, id, "officers")); got != "null" {
		t.Errorf("policy without 体验官: %s", got)
	}
	s2, id2 := newPolicy(t, data.Policy{Title: "t", Dept: "d", Category: "其他", UsesOfficers: true})
	for i, name := range []string{"甲", "乙", "丙", "丁"} {
		s2.AddOfficer(ctx, id2, name)
		if got := state(rule(t, s2, id2, "officers")); got != "fail" {
			t.Errorf("%d officers: %s", i+1, got)
		}
	}
	s2.AddOfficer(ctx, id2, "戊")
	if got := state(rule(t, s2, id2, "officers")); got != "pass" {
		t.Errorf("5 officers: %s", got)
	}
}

func TestDemandCollection(t *testing.T) {
	ctx := context.Background()
	s, id := newPolicy(t, data.Policy{})
	if got := state(rule(t, s, id, "demand_collection")); got != "null" {
		t.Errorf("nothing known: %s", got)
	}
	s2, id2 := newPolicy(t, data.Policy{Title: "t", Dept: "d", Category: "其他", DraftDate: "2026-03-01"})
	if got := state(rule(t, s2, id2, "demand_collection")); got != "fail" {
		t.Errorf("draft date, no needs: %s", got)
	}
	s2.AddNeed(ctx, data.Need{PolicyID: id2, Date: "2026-04-01"})
	if got := state(rule(t, s2, id2, "demand_collection")); got != "fail" {
		t.Errorf("needs only after drafting: %s", got)
	}
	s2.AddNeed(ctx, data.Need{PolicyID: id2, Date: "2026-02-01", Count: 12})
	if got := state(rule(t, s2, id2, "demand_collection")); got != "pass" {
		t.Errorf("needs before drafting: %s", got)
	}
}

func TestUnknownPolicy(t *testing.T) {
	s, _ := newPolicy(t, data.Policy{})
	if _, err := Run(context.Background(), s, 42); err == nil {
		t.Error("Run on a missing policy succeeded")
	}
}

// Regression (issue 11): a comment period in a year whose holiday notice is not held (2028, over Spring
// Festival) passed as 5 working days counted Monday–Friday. It is undecided until the notice is entered
// in the override file (testdata/holidays.txt holds 2030's).
func TestCommentPeriodUncoveredYear(t *testing.T) {
	ctx := context.Background()
	s, id := newPolicy(t, data.Policy{})
	cases := []struct {
		start, end string
		want       string
		days       int // 0: no value
		detail     []string
	}{
		{"2028-01-24", "2028-01-28", "null", 0, []string{"2028-01-24 至 2028-01-28", "暂无法判断", "2028 年", "5 个工作日", filepath.Join("testdata", "holidays.txt")}},
		{"2027-12-27", "2028-01-07", "null", 0, []string{"2028 年"}},
		{"2001-06-04", "2001-06-15", "null", 0, []string{"2001 年", "2002–2027"}},
		{"2030-01-07", "2030-01-11", "pass", 5, []string{"共 5 个工作日"}},
		// 29–31 December 2027 are set by the 2028 notice, but the seven working days before are enough.
		{"2027-12-20", "2027-12-31", "pass", 0, []string{"已有 7 个工作日", "2028 年"}},
		{"2027-12-20", "2027-12-28", "pass", 7, []string{"共 7 个工作日"}},
	}
	for _, c := range cases {
		if err := s.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: c.start, End: c.end}); err != nil {
			t.Fatal(err)
		}
		it := rule(t, s, id, ruleCommentPeriod)
		ok := state(it) == c.want && (c.days == 0) == (it.Value == nil) && (it.Value == nil || *it.Value == c.days)
		for _, w := range c.detail {
			ok = ok && strings.Contains(it.Detail, w)
		}
		if !ok {
			t.Errorf("%s→%s: %s value=%v %q, want %s %d ∋ %q", c.start, c.end, state(it), it.Value, it.Detail, c.want, c.days, c.detail)
		}
	}
}
