package score

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
)

// A respondent whose dimension value is exactly 75 on paper is satisfied, even where floating point gives
// 74.99999999999999 (25, 100, 100 over three indicators weighted ⅓ each): testdata/exact75.csv has two such
// respondents, one at 75 by any arithmetic, one at 66.7.
func TestSatisfactionAtExactly75(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.AddPolicy(ctx, data.Policy{Title: "测试政策", Dept: "市发展改革委", Category: "营商环境"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: id, Round: "2026年度", Path: filepath.Join("testdata", "exact75.csv")}, nil); err != nil {
		t.Fatal(err)
	}
	sc := NewScheme()
	sc.Dimensions.Process.Indicators = []IndicatorSpec{
		{Name: "便捷", Weight: 1, Questions: []string{"Q1"}},
		{Name: "态度", Weight: 1, Questions: []string{"Q2"}},
		{Name: "时限", Weight: 1, Questions: []string{"Q3"}},
	}
	if err := SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	res, err := Score(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	d := res.Dimensions[0]
	if d.N != 4 || res.Respondents.Valid != 4 {
		t.Fatalf("n = %d, valid = %d, want 4", d.N, res.Respondents.Valid)
	}
	near(t, "process satisfaction rate", d.SatisfactionRate, 0.75, 1e-12)
	near(t, "便捷 satisfaction rate", d.Indicators[0].SatisfactionRate, 0.25, 1e-12)
	near(t, "process survey", d.Survey, (56.25+81.25+81.25)/3, 1e-9)
}
