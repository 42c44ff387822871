package score

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

// A respondent whose dimension value is exactly 75 on paper is satisfied, even where floating point gives
// 74.99999999999999 (25, 100, 100 over three indicators weighted ⅓ each): testdata/exact75.csv has two such
// respondents, one at 75 by any arithmetic, one at 66.7.
func TestSatisfactionAtExactly75(t *testing.T) {
	ctx := context.Background()
	s, id := surveyWorkspace(t, "exact75.csv")
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

// surveyWorkspace imports one testdata survey file into a fresh workspace through the real importer.
func surveyWorkspace(t *testing.T, file string) (*store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	s := storetest.MustOpen(t)
	id := storetest.Policy(t, s, data.Policy{Title: "测试政策", Dept: "市发展改革委", Category: "营商环境"}).ID
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: id, Round: "2026年度", Path: filepath.Join("testdata", file)}, nil); err != nil {
		t.Fatal(err)
	}
	return s, id
}

// The default families know each step's usual wordings (很同意, 不太同意, 很不同意, 很好, 不太好, 很差,
// 比较不满意): none of testdata/labels.csv's answers is an unknown label left out as missing.
func TestDefaultLabelWordings(t *testing.T) {
	ctx := context.Background()
	s, id := surveyWorkspace(t, "labels.csv")
	sc := NewScheme()
	sc.Dimensions.Standards.Indicators = []IndicatorSpec{
		{Name: "清晰", Weight: 1, Questions: []string{"Q1"}},
		{Name: "规范", Weight: 1, Questions: []string{"Q2"}},
		{Name: "满意", Weight: 1, Questions: []string{"Q3"}},
	}
	if err := SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	res, err := Score(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w, "无法识别") {
			t.Errorf("warning: %s", w)
		}
	}
	inds := res.Dimensions[1].Indicators
	for i, want := range []float64{(100 + 25 + 0) / 3.0, (100 + 25 + 0) / 3.0, (25 + 100 + 50) / 3.0} {
		if inds[i].N != 3 {
			t.Errorf("%s: n = %d, want 3", inds[i].Name, inds[i].N)
		}
		near(t, inds[i].Name, inds[i].Score, want, 1e-9)
	}
}
