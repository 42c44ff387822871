package loop

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/ingest"
)

// Open answers that only say the respondent is content (好, 很好, 挺好, 满意) are not opinions: the survey's
// open question is not a second satisfaction question. Pins data.IsFiller's words for the opinions
// (issue 14: removing them from the list was caught by no test).
func TestSurveyFillersAreNotOpinions(t *testing.T) {
	s, pid := newPolicy(t, "2026-04-15")
	fillers := []string{"好", "很好", "挺好", "满意", "很好。", "满意！", "一般", "没有意见"}
	csv := "序号,提交答卷时间,所用时间,1、您对本政策还有哪些意见和建议？\n"
	for i, f := range fillers {
		csv += strings.Join([]string{strconv.Itoa(i + 1), "2026/8/1 9:00:00", "120秒", f}, ",") + "\n"
	}
	csv += strconv.Itoa(len(fillers)+1) + ",2026/8/1 9:30:00,150秒,建议网上办理的事项清单再扩大\n"
	path := filepath.Join(t.TempDir(), "wjx.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: pid, Round: "2026年度", Path: path}, nil); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportSurvey(ctx, s, pid, "")
	if err != nil {
		t.Fatal(err)
	}
	ops, err := Opinions(ctx, s, pid)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range ops {
		got = append(got, o.Content)
	}
	if sum.Rows != len(fillers)+1 || len(ops) != 1 {
		t.Errorf("%d answers read, opinions taken %q; want only the suggestion (fillers %q say nothing)", sum.Rows, got, fillers)
	}
}
