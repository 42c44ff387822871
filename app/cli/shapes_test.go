package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// shapesWorkspace is a workspace with one policy, and the path of a file of data/ingest/testdata.
func shapesWorkspace(t *testing.T) (db string, td func(string) string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "ws.gpw")
	if code, _, errs := gp(t, "policy", "add", "--db", db, "--title", "优化营商环境若干措施", "--dept", "市政务服务局", "--category", "营商环境"); code != 0 {
		t.Fatal(errs)
	}
	return db, func(name string) string { return filepath.Join("..", "..", "data", "ingest", "testdata", name) }
}

// importSummary runs import survey and decodes its summary.
func importSummary(t *testing.T, args ...string) map[string]any {
	t.Helper()
	code, out, errs := gp(t, append([]string{"import", "survey"}, args...)...)
	if code != 0 {
		t.Fatalf("import survey %s = %d: %s", strings.Join(args, " "), code, errs)
	}
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestCLIImportSurveyType(t *testing.T) {
	db, td := shapesWorkspace(t)
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--type", "Q4"}, 2, "--type"},
		{[]string{"--type", "Q4=dropdown"}, 2, "未知的题型"},
		{[]string{"--type", "Q9=single"}, 1, "Q9"},
	} {
		args := append([]string{"import", "survey", "--db", db, "--policy", "1"}, c.args...)
		code, _, errs := gp(t, append(args, td("wjx_text.csv"))...)
		if code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("%v = %d, %q; want %d ∋ %q", c.args, code, errs, c.code, c.err)
		}
	}
	sum := importSummary(t, "--db", db, "--policy", "1", "--round", "2026年度", "--type", "Q4=single", "--type", "Q5=开放题", td("wjx_text.csv"))
	if ws, _ := json.Marshal(sum["warnings"]); !strings.Contains(string(ws), "Q4") {
		t.Errorf("warnings %s: want one naming Q4 (numbers chosen as single choice)", ws)
	}
	code, out, errs := gp(t, "survey", "questions", "--db", db, "--policy", "1", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var qs []struct {
		Question struct {
			Key  string `json:"key"`
			Type string `json:"type"`
		} `json:"question"`
	}
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, q := range qs {
		got[q.Question.Key] = q.Question.Type
	}
	if got["Q4"] != "single" || got["Q5"] != "text" {
		t.Errorf("types %v: want Q4 single, Q5 text", got)
	}
	// The next file of the survey, same round, no --type: the choice is kept.
	sum = importSummary(t, "--db", db, "--policy", "1", "--round", "2026年度", td("wjx_text_later.csv"))
	if ws, _ := json.Marshal(sum["warnings"]); !strings.Contains(string(ws), "沿用") {
		t.Errorf("second file warnings %s: want the kept choice named", ws)
	}
}

// LimeSurvey responses with an empty submitdate: counted in the import summary, excluded by score as
// incomplete, restorable with response restore.
func TestCLIIncomplete(t *testing.T) {
	db, td := shapesWorkspace(t)
	sum := importSummary(t, "--db", db, "--policy", "1", "--round", "2026年度", td("limesurvey_incomplete.csv"))
	if sum["imported"] != 40.0 || sum["incomplete"] != 20.0 {
		t.Fatalf("summary imported %v, incomplete %v; want 40, 20", sum["imported"], sum["incomplete"])
	}
	respondents := func() (imported, valid float64, excluded map[string]any) {
		t.Helper()
		code, out, errs := gp(t, "score", "--db", db, "--policy", "1", "--json")
		if code != 0 {
			t.Fatalf("score = %d: %s", code, errs)
		}
		var res struct {
			Respondents struct {
				Imported, Valid float64
				Excluded        map[string]any
			}
			Excluded []struct {
				Response float64
				Reason   string
			}
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		return res.Respondents.Imported, res.Respondents.Valid, res.Respondents.Excluded
	}
	imported, valid, ex := respondents()
	if imported != 40 || valid != 20 || ex["incomplete"] != 20.0 {
		t.Fatalf("score: imported %v, valid %v, excluded %v; want 40, 20, incomplete 20", imported, valid, ex)
	}
	// Response 1 (the file's first row) is incomplete: restoring it counts it again.
	if code, _, errs := gp(t, "response", "restore", "--db", db, "--policy", "1", "--id", "1"); code != 0 {
		t.Fatal(errs)
	}
	if _, valid, ex = respondents(); valid != 21 || ex["incomplete"] != 19.0 {
		t.Errorf("after restore: valid %v, excluded %v; want 21, incomplete 19", valid, ex)
	}
}

// Submit times blanked as NULL: the file is imported, the summary counts the cells per column.
func TestCLIBadMetadataCells(t *testing.T) {
	db, td := shapesWorkspace(t)
	sum := importSummary(t, "--db", db, "--policy", "1", td("wjx_null_times.csv"))
	ws, _ := json.Marshal(sum["warnings"])
	if sum["imported"] != 80.0 || !strings.Contains(string(ws), `提交答卷时间列有 37 个单元格无法识别（如 \"NULL\"），已按缺失处理`) {
		t.Errorf("imported %v, warnings %s", sum["imported"], ws)
	}
}
