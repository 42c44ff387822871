package reports

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

// fixtureStore builds a real workspace: a policy, its consultation, the generated survey export
// (testdata/survey.csv, made by testdata/gen) imported through the survey importer, the scheme, and
// a closed loop with a hostile opinion, a decision and a revision record.
func fixtureStore(t testing.TB) (*store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	s := storetest.MustOpen(t)
	id := storetest.Policy(t, s, data.Policy{Title: "关于优化营商环境的若干措施", DocNo: "京政办发〔2026〕12号", Dept: "市发展改革委",
		Category: "营商环境", Issued: "2026-04-15", DraftDate: "2026-01-20", UsesOfficers: true}).ID
	if err := s.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: "2026-02-12", End: "2026-03-13", Channel: "首都之窗"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: id, Round: "2026年度", Path: "testdata/survey.csv"}, nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/scheme.json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := score.ParseSchemeJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := score.SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	var ops []int64
	for _, text := range []string{"建议第五条增加容缺受理</script><script>alert(1)</script>", "建议第五条增加容缺受理，联系人张伟13912345678",
		"建议第五条增加容缺受理", "建议第五条增加容缺受理办法", "第五条应当允许容缺受理", "=HYPERLINK(\"http://evil.example\")第八条"} {
		oid, err := loop.AddOpinion(ctx, s, id, loop.Opinion{Source: loop.SourceConsultation, Content: text, Submitter: "张伟"})
		if err != nil {
			t.Fatal(err)
		}
		ops = append(ops, oid)
	}
	all, err := loop.Opinions(ctx, s, id)
	if err != nil || all[0].Cluster == nil {
		t.Fatalf("opinion not clustered: %v", err)
	}
	if err := loop.Decide(ctx, s, id, loop.DecideInput{Clusters: []int64{*all[0].Cluster}, Decision: "部分采纳", Reason: "已在第五条增加容缺受理，'\"><svg onload=alert(1)>"}); err != nil {
		t.Fatal(err)
	}
	if _, err := loop.AddRevision(ctx, s, id, loop.RevisionInput{Clause: "第五条", Before: "申请人应当提交全部材料。",
		After: "申请人应当提交全部材料；主要材料齐全的，可以容缺受理。", Reason: "回应公众意见<script>", Opinions: ops[:2],
		Findings: []string{"办事材料多"}, Date: "2026-11-20"}); err != nil {
		t.Fatal(err)
	}
	return s, id
}

func TestWriteFromStore(t *testing.T) {
	s, id := fixtureStore(t)
	dir := t.TempDir()
	if d := os.Getenv("GONGPING_REPORT_OUT"); d != "" { // keep the files to look at them
		dir = d
	}
	var last float64
	hp, xp, err := WriteWith(context.Background(), s, id, dir, Options{RawData: true, Progress: func(f float64) {
		if f < last {
			t.Errorf("progress went back from %v to %v", last, f)
		}
		last = f
	}})
	if err != nil {
		t.Fatal(err)
	}
	if last != 1 {
		t.Errorf("progress ended at %v", last)
	}
	if hp != filepath.Join(dir, HTMLName) || xp != filepath.Join(dir, XLSXName) {
		t.Errorf("paths %s %s", hp, xp)
	}
	if fi, err := os.Stat(hp); err != nil || fi.Mode().Perm()&0o044 == 0 {
		t.Errorf("report.html is not readable by others: %v", err)
	}
	html, err := os.ReadFile(hp)
	if err != nil {
		t.Fatal(err)
	}
	page := string(html)
	checkHTMLSafe(t, page)
	for _, leak := range []string{"13812345678", "11010519491231002X", "zhang.san@example.com", "王建国", "欧阳娜娜", "61.135."} {
		if strings.Contains(page, leak) {
			t.Errorf("report.html publishes personal data %q", leak)
		}
	}
	for _, want := range []string{"138****5678", IDRemovedText, "z***@example.com", "王*", "办事效率", "部分采纳", "第五条"} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	cells := checkXLSXSafe(t, xp)
	all := strings.Join(cells, "\n")
	for _, leak := range []string{"13812345678", "11010519491231002X", "zhang.san@example.com", "王建国", "61.135."} {
		if strings.Contains(all, leak) {
			t.Errorf("report.xlsx publishes personal data %q", leak)
		}
	}
	// The 40,000-character answer is whole: its pieces joined give the (neutralised) text.
	if !hasWhole(cells, "'="+strings.Repeat("长", 39998)+"尾") {
		t.Error("the 40,000-character answer was cut")
	}
	n, err := Preview(context.Background(), s, id, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n.Phones == 0 || n.IDs == 0 || n.Emails == 0 || n.Names == 0 {
		t.Errorf("preview counts %+v", n)
	}
}

// A policy with only consultation opinions (no round, no survey) still gets its report, masked.
func TestReportWithOpinionsOnly(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	id := storetest.Policy(t, s, data.Policy{Title: "征求意见稿", Dept: "市交通委", Category: "公共服务"}).ID
	oid, err := loop.AddOpinion(ctx, s, id, loop.Opinion{Content: "建议延长公交末班车时间，联系电话13812345678", Clause: "第三条"})
	if err != nil {
		t.Fatal(err)
	}
	if err := loop.Decide(ctx, s, id, loop.DecideInput{Opinions: []int64{oid}, Decision: "采纳", Reason: "已在第三条中采纳"}); err != nil {
		t.Fatal(err)
	}
	hp, _, err := Write(ctx, s, id, "", t.TempDir(), nil)
	if err != nil {
		t.Fatalf("report of a policy without a round: %v", err)
	}
	page, err := os.ReadFile(hp)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "138****5678") || strings.Contains(string(page), "13812345678") {
		t.Error("the opinion is missing or its phone number is not masked")
	}
	if !strings.Contains(string(page), "尚无评价轮次") {
		t.Error("the report does not say why there is no score")
	}
	// A round that was named but does not exist is still an error.
	if _, _, err := Write(ctx, s, id, "2030年度", t.TempDir(), nil); err == nil {
		t.Error("report of a named missing round succeeded")
	}
}
