package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/score"
)

// fixtureScheme is data/score/testdata/fixture.md's scheme in its JSON form.
const fixtureScheme = `{"name":"测试方案",
 "questions":{"Q4":{"points":5,"best":5}},
 "dimensions":{"process":{"indicators":[{"name":"便捷","weight":2,"questions":["Q2"]},{"name":"态度","weight":1,"questions":["Q3"]}]},
               "standards":{"indicators":[{"name":"知晓","questions":["Q4"]}]}},
 "problems":["Q5"],"directions":["Q6"],"overall":"Q7",
 "screening":{"speeders":0.5,"straightline_min_items":3,"duplicates":true}}`

// scoredWorkspace imports the score package's hand-computed fixture through the real importers.
func scoredWorkspace(t *testing.T, u *UI) int64 {
	t.Helper()
	ctx := context.Background()
	id := addPolicy(t, u, data.Policy{Title: "测试政策"})
	dir := filepath.Join("..", "data", "score", "testdata")
	if _, err := ingest.Import(ctx, u.store, ingest.Options{PolicyID: id, Round: "2026年度", Path: filepath.Join(dir, "fixture.csv")}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := assess.ImportAssessment(ctx, u.store, id, "", filepath.Join(dir, "fixture_assessment.csv")); err != nil {
		t.Fatal(err)
	}
	if _, err := assess.ImportOfficers(ctx, u.store, id, "", filepath.Join(dir, "fixture_officers.csv")); err != nil {
		t.Fatal(err)
	}
	sc, err := score.ParseSchemeJSON([]byte(fixtureScheme))
	if err != nil {
		t.Fatal(err)
	}
	if err := score.SetScheme(ctx, u.store, id, sc); err != nil {
		t.Fatal(err)
	}
	return id
}

// The results page shows the numbers of `gongping score --json`, rounded to one decimal.
func TestResultsShowScoreNumbers(t *testing.T) {
	u := newTestUI(t)
	id := scoredWorkspace(t, u)
	tab := newResultsTab(u, id)
	w := test.NewTempWindow(t, tab.content)
	w.Resize(scoreTabSize)
	if tab.res == nil {
		t.Fatalf("no result shown; last error %q", u.lastError)
	}
	want, err := score.Score(context.Background(), u.store, id, "")
	if err != nil {
		t.Fatal(err)
	}
	if tab.compositeText != fmt.Sprintf("%.1f", *want.Composite.Score) || tab.compositeText != "70.8" {
		t.Errorf("composite shown %q, want 70.8 (score: %v)", tab.compositeText, *want.Composite.Score)
	}
	if !strings.Contains(tab.cardTexts[0], "得分 68.2") || !strings.Contains(tab.cardTexts[0], "问卷 61.1") ||
		!strings.Contains(tab.cardTexts[0], "第三方 76.7") || !strings.Contains(tab.cardTexts[0], "-2.571（偏低）") {
		t.Errorf("process card = %q", tab.cardTexts[0])
	}
	if !strings.Contains(tab.cardTexts[2], "问卷 —") {
		t.Errorf("results card should show — for the missing survey part: %q", tab.cardTexts[2])
	}

	// Sorting the indicator table by score (highest first, then lowest first).
	tab.sortBy(4)
	if rows := tab.indicatorRows(); rows[0].name != "便捷" && rows[0].name != "知晓" {
		t.Errorf("sorted by score desc: first %s", rows[0].name)
	}
	tab.sortBy(4)
	if rows := tab.indicatorRows(); rows[0].name != "态度" {
		t.Errorf("sorted by score asc: first %s, want 态度 (58.3)", rows[0].name)
	}

	// Breakdown by Q1.
	tab.groupSel.SetSelectedIndex(1)
	if tab.res.Breakdown == nil || tab.res.Breakdown.Question != "Q1" || len(tab.res.Breakdown.Groups) != 2 {
		t.Errorf("breakdown = %+v", tab.res.Breakdown)
	}

	// Restoring the straight-liner by hand makes it count again.
	var sl int64
	for _, e := range tab.res.Excluded {
		if e.Reason == score.ReasonStraightline {
			sl = e.ResponseID
		}
	}
	restore := true
	tab.override(sl, &restore)
	if tab.res.Respondents.Valid != 5 || tab.res.Respondents.Restored != 1 {
		t.Errorf("after restore: %+v", tab.res.Respondents)
	}
	tab.override(sl, nil)
	if tab.res.Respondents.Valid != 4 {
		t.Errorf("after undo: %+v", tab.res.Respondents)
	}

	// Excluding a response by hand, by its number and with a reason.
	rd, err := u.store.ResolveRound(context.Background(), id, tab.res.Round)
	if err != nil {
		t.Fatal(err)
	}
	d, err := u.store.SurveyData(context.Background(), rd.ID)
	if err != nil {
		t.Fatal(err)
	}
	var keep int64
	for _, r := range d.Responses {
		excluded := false
		for _, e := range tab.res.Excluded {
			excluded = excluded || e.ResponseID == r.ID
		}
		if !excluded {
			keep = r.ID
			break
		}
	}
	test.Type(tab.excludeID, fmt.Sprint(keep))
	test.Type(tab.excludeNote, "同一人重复填写")
	tab.excludeByHand()
	found := false
	for _, e := range tab.res.Excluded {
		found = found || e.ResponseID == keep && e.Reason == score.ReasonManual && strings.Contains(e.Detail, "同一人重复填写")
	}
	if !found || tab.res.Respondents.Valid != 3 || tab.res.Respondents.Excluded.Manual != 1 {
		t.Errorf("after excluding %d by hand: %+v, excluded %+v", keep, tab.res.Respondents, tab.res.Excluded)
	}
	// A number that is not a response of the round is refused with a message.
	tab.excludeID.SetText("99999")
	tab.excludeByHand()
	if !strings.Contains(u.lastError, "99999") {
		t.Errorf("unknown response: error %q", u.lastError)
	}
	tab.excludeID.SetText("abc")
	tab.excludeByHand()
	if !strings.Contains(u.lastError, "答卷编号") || strings.Contains(u.lastError, "内部错误") {
		t.Errorf("not a number: error %q (a hint to the user, not an internal error)", u.lastError)
	}
}

// The demo opens on a complete results page.
func TestResultsDemo(t *testing.T) {
	u := newTestUI(t)
	ids, err := demo.Run(context.Background(), u.store)
	if err != nil {
		t.Fatal(err)
	}
	tab := newResultsTab(u, ids[0])
	if tab.res == nil || tab.res.Composite.Score == nil || tab.compositeText == "—" {
		t.Fatalf("demo results: %+v, last error %q", tab.res, u.lastError)
	}
	for i, d := range tab.res.Dimensions {
		if d.Assessment == nil || d.Officers == nil {
			t.Errorf("demo dimension %s lacks assessment or officers", d.Key)
		}
		if !strings.Contains(tab.cardTexts[i], fmt.Sprintf("得分 %.1f", *d.Score)) {
			t.Errorf("card %d = %q, want the score %.1f", i, tab.cardTexts[i], *d.Score)
		}
	}
}
