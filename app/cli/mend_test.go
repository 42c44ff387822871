package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 11: one control character (VT, NUL, ESC), invalid UTF-8 or &#0; in a cell used to end the import
// there with exit 0 ("rows": 500 of 1,000, no warning). Every importer now reads every row, the cell
// mended and named in a warning; where the file cannot be read to its end, it is refused.
func TestCLIImportMendedCells(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	td := func(name string) string { return filepath.Join("..", "..", "data", "sheet", "testdata", name) }
	if code, _, errs := gp(t, "policy", "add", "--db", db, "--title", "优化营商环境措施", "--dept", "市发展改革委", "--category", "营商环境"); code != 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct {
		args      []string
		rows      int
		imported  string
		firstWarn string
	}{
		{[]string{"import", "survey", "--round", "共享", td("ctrl_survey_sst.xlsx")}, 1000, "imported", "第501行第G列"},
		{[]string{"import", "survey", "--round", "内联", td("ctrl_survey_inline.xlsx")}, 1000, "imported", "第501行第G列"},
		{[]string{"import", "opinions", td("ctrl_opinions.xlsx")}, 59, "imported", "第40行第C列"},
		{[]string{"import", "assessment", td("ctrl_assessment.xlsx")}, 8, "imported", "第5行第E列"},
	} {
		args := append(c.args[:2:2], append([]string{"--db", db, "--policy", "1"}, c.args[2:]...)...)
		code, out, errs := gp(t, args...)
		if code != 0 {
			t.Errorf("gongping %s = %d: %s", strings.Join(args, " "), code, errs)
			continue
		}
		var sum struct {
			Imported int      `json:"imported"`
			Warnings []string `json:"warnings"`
		}
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if sum.Imported != c.rows {
			t.Errorf("gongping %s: imported %d, want %d", strings.Join(args, " "), sum.Imported, c.rows)
		}
		if !strings.Contains(strings.Join(sum.Warnings, "\n"), c.firstWarn) {
			t.Errorf("gongping %s: warnings %q do not name %s", strings.Join(args, " "), sum.Warnings, c.firstWarn)
		}
	}
	// A file only excelize can read, with a control character in row 30: refused, naming the cell.
	code, _, errs := gp(t, "import", "survey", "--db", db, "--policy", "1", "--round", "注释", td("ctrl_comment.xlsx"))
	if code != 1 || !strings.Contains(errs, "第30行第B列") {
		t.Errorf("ctrl_comment.xlsx = %d, %q; want exit 1 naming 第30行第B列", code, errs)
	}
	code, out, _ := gp(t, "survey", "imports", "--db", db, "--policy", "1", "--round", "注释")
	if strings.Contains(out, "ctrl_comment") {
		t.Errorf("the refused file was stored: %s (%d)", out, code)
	}
}
