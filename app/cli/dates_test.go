package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// DATE is YYYY-MM-DD; 2026/2/12, 2026.2.12 and 2026年2月12日 are read too (data.ParseDate), stored as
// YYYY-MM-DD. Dates that contradict another record's are saved and named on stderr.
func TestCLIDateSpellingsAndWarnings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	for _, c := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"policy", "add", "--db", db, "--title", "t", "--dept", "d", "--category", "其他", "--draft", "2026年2月16日", "--issued", "2026/2/10"}, 1, "", "印发日期 2026-02-10 早于起草日期 2026-02-16"},
		{[]string{"policy", "add", "--db", db, "--title", "t", "--dept", "d", "--category", "其他", "--draft", "2026年2月16日"}, 0, "1\n", ""},
		{[]string{"policy", "list", "--db", db, "--json"}, 0, `"draft_date": "2026-02-16"`, ""},
		{[]string{"workdays", "2026/2/12", "2026年2月25日"}, 0, "5\n", ""},
		{[]string{"workdays", "2026.2.12", "2026-02-30"}, 1, "", "2026年2月只有 28 天"},
		{[]string{"consult", "set", "--db", db, "--policy", "1", "--start", "2026/2/12", "--end", "2026.2.25"}, 0, "", "gongping consult set: 注意：征求意见开始日期 2026-02-12 早于起草日期 2026-02-16"},
		{[]string{"consult", "set", "--db", db, "--policy", "1", "--start", "2026-02-16", "--end", "2026-03-02"}, 0, "", ""},
		{[]string{"policy", "set", "--db", db, "--policy", "1", "--issued", "2026年3月1日"}, 0, "", "注意：政策印发日期 2026-03-01 不晚于征求意见截止日期 2026-03-02"},
		{[]string{"policy", "set", "--db", db, "--policy", "1", "--issued", "2026-03-16"}, 0, "", ""},
		{[]string{"need", "add", "--db", db, "--policy", "1", "--date", "2026年2月20日"}, 0, "1\n", "注意：需求征集日期 2026-02-20 晚于起草日期 2026-02-16"},
		{[]string{"meeting", "add", "--db", db, "--date", "2026.3.5", "--reps", "6"}, 0, "1\n", ""},
		{[]string{"opinion", "add", "--db", db, "--policy", "1", "--content", "建议延长征求意见期。", "--date", "2026年2月20日"}, 0, "1\n", ""},
		{[]string{"decide", "--db", db, "--policy", "1", "--opinion", "1", "--decision", "采纳", "--date", "2026/3/20"}, 0, "", ""},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2026年3月16日"}, 0, "", "gongping publish: 注意：公开日期 2026-03-16 早于其中 1 项处理意见的日期（最晚 2026-03-20）"},
		{[]string{"publications", "--db", db, "--policy", "1"}, 0, "feedback\t第1版\t2026-03-16", ""},
		{[]string{"revise", "add", "--db", db, "--policy", "1", "--clause", "第五条", "--before", "a", "--after", "b", "--reason", "r", "--date", "2026年11月18日"}, 0, "1\n", ""},
		{[]string{"revise", "list", "--db", db, "--policy", "1", "--json"}, 0, `"date": "2026-11-18"`, ""},
		{[]string{"status", "--db", db, "--policy", "1", "--date", "2026年4月1日"}, 0, "", ""},
	} {
		code, out, errs := gp(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) || (c.err == "" && errs != "") {
			t.Errorf("gongping %s\n = %d, stdout %q, stderr %q\n want %d, stdout ∋ %q, stderr ∋ %q",
				strings.Join(c.args, " "), code, out, errs, c.code, c.out, c.err)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("gongping %s: stderr is more than one line: %q", strings.Join(c.args, " "), errs)
		}
	}
}
