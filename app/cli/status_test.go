package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// gongping status prints data/stage's timeline: on the demo every step but the ongoing implementation is
// done, and exactly one step, 公开, is current.
func TestCLIStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.gpw")
	code, out, errs := gp(t, "demo", "--db", db)
	if code != 0 {
		t.Fatalf("demo = %d %q %q", code, out, errs)
	}
	id := strings.TrimSpace(strings.Split(out, "\n")[0])
	code, out, errs = gp(t, "status", "--db", db, "--policy", id, "--json", "--date", "2026-12-01")
	if code != 0 {
		t.Fatalf("status --json = %d %q %q", code, out, errs)
	}
	var got struct {
		Policy  int64  `json:"policy"`
		Current string `json:"current"`
		Steps   []struct {
			Stage, Name, State, StateName, Reason string
			Current                               bool
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	if len(got.Steps) != 7 || got.Current != "published" {
		t.Fatalf("status: %d steps, current %q\n%s", len(got.Steps), got.Current, out)
	}
	current := 0
	for _, s := range got.Steps {
		want := "done"
		if s.Stage == "implementation" {
			want = "active"
		}
		if s.State != want || s.Name == "" || s.Reason == "" && s.Stage != "needs" {
			t.Errorf("step %+v, want %s with its name and reason", s, want)
		}
		if s.Current {
			current++
		}
	}
	if current != 1 || !strings.Contains(out, `"state_name": "已完成"`) {
		t.Errorf("%d current steps, want 1\n%s", current, out)
	}

	code, out, _ = gp(t, "status", "--db", db, "--policy", id, "--date", "2026-12-01")
	if code != 0 || !strings.Contains(out, "7. 公开") || strings.Count(out, "← 当前环节") != 1 || !strings.Contains(out, "采纳情况已于 2026-04-15 公开") {
		t.Errorf("status table = %d\n%s", code, out)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"status", "--db", db, "--policy", id, "--date", "2026/13/01"}, 1, "无法识别的日期"},
		{[]string{"status", "--db", db, "--policy", "99"}, 1, "找不到政策 99"},
		{[]string{"status", "--db", db}, 2, "--policy"},
	} {
		code, _, errs := gp(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("gongping %v = %d %q, want %d and %q", c.args, code, errs, c.code, c.msg)
		}
	}
	code, out, _ = gp(t, "status", "--help")
	if code != 0 || !strings.Contains(out, "--date") {
		t.Errorf("status --help = %d %q", code, out)
	}
}
