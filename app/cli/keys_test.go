package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// Issue 12, patterns 1, 2 and 4 through the command line: a hand-made sheet (title row, two-row
// header, numeric 序号) and a 问卷网 GBK export with personal columns.
func TestCLIImportKeysAndHeaders(t *testing.T) {
	db, td := shapesWorkspace(t)
	sum := importSummary(t, "--db", db, "--policy", "1", "--round", "员工", td("handmade_satisfaction.xlsx"))
	if sum["format"] != "generic" || sum["header_row"] != 2.0 || sum["header_rows"] != 2.0 || sum["questions"] != 8.0 || sum["imported"] != 14.0 {
		t.Errorf("hand-made summary = %v", sum)
	}
	code, out, errs := gp(t, "survey", "questions", "--db", db, "--policy", "1", "--round", "员工", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var qs []struct {
		Question struct {
			Key  string `json:"key"`
			Text string `json:"text"`
		} `json:"question"`
	}
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var keys []string
	for _, q := range qs {
		keys = append(keys, q.Question.Key+"="+q.Question.Text)
	}
	if got := strings.Join(keys, " "); !strings.Contains(got, "Q2.3=工作环境—食堂") || !strings.Contains(got, "Q4=总体满意度") {
		t.Errorf("questions = %s", got)
	}

	sum = importSummary(t, "--db", db, "--policy", "1", "--round", "问卷网", td("wenjuan_gbk.csv"))
	ws, _ := json.Marshal(sum["warnings"])
	if sum["format"] != "wenjuan" || sum["personal"] != 6.0 || sum["questions"] != 5.0 || !strings.Contains(string(ws), "「证件号」") {
		t.Errorf("问卷网 summary = %v", sum)
	}
	if code, _, errs := gp(t, "import", "survey", "--db", db, "--policy", "1", "--round", "腾讯文档", "--format", "txdocs", td("txdocs_form.csv")); code != 0 {
		t.Errorf("--format txdocs: %s", errs)
	}
}
