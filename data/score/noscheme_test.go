package score

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// A policy without a scheme gets no score: testdata/parenting.csv (a questionnaire on after-school care)
// was auto-matched to the default scheme's indicators and given a composite grade; now every score is
// null with the reason, and the counts are still there.
func TestNoSchemeNoScore(t *testing.T) {
	ctx := context.Background()
	s, id := surveyWorkspace(t, "parenting.csv")
	res, err := Score(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(res)
	var got struct {
		Respondents struct{ Imported, Valid int }
		Dimensions  []struct {
			Score, Survey *float64
			HeldBack      string `json:"held_back"`
		}
		Composite struct {
			Score    *float64
			Grade    *string
			HeldBack string `json:"held_back"`
		}
		Warnings []string
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Composite.Score != nil || got.Composite.Grade != nil || !strings.Contains(got.Composite.HeldBack, "尚未设置评价方案") {
		t.Errorf("composite = %s", b)
	}
	for i, d := range got.Dimensions {
		if d.Score != nil || d.Survey != nil {
			t.Errorf("dimension %d scored without a scheme: %s", i, b)
		}
	}
	if got.Respondents.Imported != 10 || got.Respondents.Valid != 10 {
		t.Errorf("respondents = %+v", got.Respondents)
	}
	if len(got.Warnings) == 0 || !strings.Contains(got.Warnings[0], "尚未设置评价方案") {
		t.Errorf("warnings = %q", got.Warnings)
	}
	// The editor's draft still suggests where the questions go.
	sc, set, qs, err := SchemeToEdit(ctx, s, id)
	if err != nil || set || len(qs) != 4 || sc.Overall == "" {
		t.Errorf("draft: set %v, %d questions, overall %q, err %v", set, len(qs), sc.Overall, err)
	}
}
