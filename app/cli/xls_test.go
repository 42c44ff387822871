package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// .xls files go through the same importers as .xlsx (issue 12, pattern 7): the 问卷星 export LibreOffice
// saved as .xls gives the summary and the questions of its .xlsx twin; public comments and a score
// sheet saved as .xls import as their .xlsx originals do.
func TestCLIImportXLS(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	td := func(name string) string { return filepath.Join("..", "..", "data", "sheet", "testdata", "xls", name) }
	for _, title := range []string{"优化营商环境措施（.xls）", "优化营商环境措施（.xlsx）"} {
		if code, _, errs := gp(t, "policy", "add", "--db", db, "--title", title, "--dept", "市政务服务局", "--category", "营商环境"); code != 0 {
			t.Fatal(errs)
		}
	}
	summary := func(args ...string) map[string]any {
		t.Helper()
		code, out, errs := gp(t, args...)
		if code != 0 {
			t.Fatalf("gongping %s: exit %d, %s", strings.Join(args, " "), code, errs)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatal(err, out)
		}
		for _, k := range []string{"import_id", "round_id", "file", "seconds"} { // differ by design
			delete(m, k)
		}
		return m
	}
	xls := summary("import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", td("wjx_text.xls"))
	xlsx := summary("import", "survey", "--db", db, "--policy", "2", "--round", "2026年度", td("wjx_text_lo.xlsx"))
	if !reflect.DeepEqual(xls, xlsx) {
		t.Errorf("summaries differ:\n .xls  %v\n .xlsx %v", xls, xlsx)
	}
	if xls["format"] != "wjx-text" || xls["rows"] != float64(300) || xls["imported"] != float64(300) || xls["questions"] != float64(5) {
		t.Errorf(".xls summary = %v", xls)
	}
	questions := func(policy string) string {
		code, out, errs := gp(t, "survey", "questions", "--db", db, "--policy", policy, "--round", "2026年度", "--json")
		if code != 0 {
			t.Fatal(errs)
		}
		return out
	}
	if a, b := questions("1"), questions("2"); a != b || !strings.Contains(a, "您对政务服务的总体满意度") {
		t.Errorf("questions differ:\n .xls  %s\n .xlsx %s", a, b)
	}

	ops := summary("import", "opinions", "--db", db, "--policy", "1", td("opinions.xls"))
	opsX := summary("import", "opinions", "--db", db, "--policy", "2", filepath.Join("..", "..", "data", "loop", "testdata", "holdout_opinions.xlsx"))
	if !reflect.DeepEqual(ops, opsX) || ops["imported"] == float64(0) {
		t.Errorf("opinions:\n .xls  %v\n .xlsx %v", ops, opsX)
	}
	as := summary("import", "assessment", "--db", db, "--policy", "1", "--round", "2026年度", td("assessment.xls"))
	asX := summary("import", "assessment", "--db", db, "--policy", "2", "--round", "2026年度", filepath.Join("..", "..", "data", "assess", "testdata", "experts.xlsx"))
	if as["format"] != "assessment-xls" || asX["format"] != "assessment-xlsx" {
		t.Errorf("formats %v, %v; want assessment-xls and assessment-xlsx", as["format"], asX["format"])
	}
	delete(as, "format")
	delete(asX, "format")
	if !reflect.DeepEqual(as, asX) || as["imported"] == float64(0) {
		t.Errorf("assessment:\n .xls  %v\n .xlsx %v", as, asX)
	}

	// A cut .xls is refused whole, naming the file.
	if code, _, errs := gp(t, "import", "survey", "--db", db, "--policy", "1", "--round", "另一轮", td("broken_truncated.xls")); code != 1 ||
		!strings.Contains(errs, "broken_truncated.xls") || !strings.Contains(errs, "未导入任何数据") {
		t.Errorf("truncated .xls: exit %d, %q", code, errs)
	}
}
