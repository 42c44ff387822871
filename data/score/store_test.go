package score

//go:generate go run ./testdata/gen

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

// workspace imports testdata/fixture*.csv into a fresh workspace through the real importers.
func workspace(t testing.TB) (*store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	s := storetest.MustOpen(t)
	id := storetest.Policy(t, s, data.Policy{Title: "测试政策", Dept: "市发展改革委", Category: "营商环境"}).ID
	for _, n := range []string{"王建国", "李秀英"} {
		if _, err := s.AddOfficer(ctx, id, n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: id, Round: "2026年度", Path: filepath.Join("testdata", "fixture.csv")}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := assess.ImportAssessment(ctx, s, id, "2026年度", filepath.Join("testdata", "fixture_assessment.csv")); err != nil {
		t.Fatal(err)
	}
	if _, err := assess.ImportOfficers(ctx, s, id, "2026年度", filepath.Join("testdata", "fixture_officers.csv")); err != nil {
		t.Fatal(err)
	}
	return s, id
}

// The hand fixture end to end: files → importers → workspace → Score gives testdata/fixture.md's numbers.
func TestScoreWorkspace(t *testing.T) {
	s, id := workspace(t)
	ctx := context.Background()
	sc := fixture().Scheme
	if err := SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	res, err := ScoreWith(ctx, s, id, Options{By: "Q1"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Round != "2026年度" || res.Respondents.Imported != 7 || res.Respondents.Valid != 4 {
		t.Fatalf("round %q respondents %+v, warnings %v", res.Round, res.Respondents, res.Warnings)
	}
	near(t, "process survey", res.Dimensions[0].Survey, 61.11111, 1e-3)
	near(t, "process", res.Dimensions[0].Score, 68.16667, 1e-3)
	near(t, "standards", res.Dimensions[1].Score, 70.5, 1e-3)
	near(t, "results", res.Dimensions[2].Score, 73.75, 1e-3)
	near(t, "composite", res.Composite.Score, 70.80556, 1e-3)
	near(t, "process alpha", res.Dimensions[0].Alpha, -2.571429, 1e-5)
	if res.Breakdown == nil || len(res.Breakdown.Groups) != 2 {
		t.Errorf("breakdown = %+v", res.Breakdown)
	}

	// Restore the straight-liner by hand: it counts again, and the decision survives in the workspace.
	var sl int64
	for _, e := range res.Excluded {
		if e.Reason == ReasonStraightline {
			sl = e.ResponseID
		}
	}
	rd, _ := s.ResolveRound(ctx, id, "")
	if err := SetOverride(ctx, s, rd.ID, sl, true, ""); err != nil {
		t.Fatal(err)
	}
	res2, err := Score(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	if res2.Respondents.Valid != 5 || res2.Respondents.Restored != 1 {
		t.Errorf("after restore: %+v", res2.Respondents)
	}
	if err := ClearOverride(ctx, s, sl); err != nil {
		t.Fatal(err)
	}
	if res3, _ := Score(ctx, s, id, ""); res3.Respondents.Valid != 4 {
		t.Errorf("after clearing the restore: %+v", res3.Respondents)
	}

	// The JSON has DESIGN.md's keys.
	b, _ := json.Marshal(res)
	for _, k := range []string{`"policy":`, `"respondents":{"imported":7,"valid":4,"excluded":{"speeders":1,"straightliners":1,"duplicates":1`,
		`"satisfaction_rate":`, `"ci95":[`, `"composite":{"score":`, `"grade":"中"`, `"incidence":`, `"share":`, `"quadrant":"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON lacks %s", k)
		}
	}
}

func TestSchemeValidationAgainstRound(t *testing.T) {
	s, id := workspace(t)
	ctx := context.Background()
	sc := fixture().Scheme
	delete(sc.Questions, "Q4")
	if err := SetScheme(ctx, s, id, sc); err == nil || !strings.Contains(err.Error(), "Q4") {
		t.Errorf("numeric without scale: err = %v", err)
	}
	sc = fixture().Scheme
	sc.Problems = []string{"Q42"}
	if err := SetScheme(ctx, s, id, sc); err == nil || !strings.Contains(err.Error(), "Q42") {
		t.Errorf("unknown question: err = %v", err)
	}
	sc = fixture().Scheme
	sc.Dimensions.Process.Indicators[0].Weight = 0
	if err := SetScheme(ctx, s, id, sc); err == nil || !strings.Contains(err.Error(), "便捷") {
		t.Errorf("zero weight: err = %v", err)
	}
	// Nothing stored: the default scheme is still in force.
	if _, set, err := SchemeOf(ctx, s, id); err != nil || set {
		t.Errorf("SchemeOf after failed sets: set=%v err=%v", set, err)
	}
}
