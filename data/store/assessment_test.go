package store

import (
	"context"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

// Assessment rows come back in order with their rated unit (one import per unit); the same file twice in
// a round is refused and leaves nothing; another round takes it.
func TestAssessmentRows(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := newPolicy(t, s)
	rd, other := newRound(t, s, id, "2026年度"), newRound(t, s, id, "2027年度")
	rows := []data.AssessmentRow{
		{Line: 2, Dimension: "执行过程", Indicator: "宣传解读", Max: 10, Score: 8, Unit: "东城区"},
		{Line: 3, Dimension: "取得成效", Indicator: "目标达成", Max: 20, Score: 15, Problem: "进度慢", Unit: "东城区"},
		{Line: 2, Dimension: "执行过程", Indicator: "宣传解读", Max: 10, Score: 9, Unit: "西城区"},
	}
	f := ImportFile{Name: "评估.xlsx", SHA256: strings.Repeat("a", 64), Format: "assessment-xlsx", Warnings: []string{"合计行已跳过"}}
	add := func(rd data.Round) error {
		return s.Tx(ctx, func(tx *Tx) error { return tx.AddAssessment(ctx, rd, f, rows) })
	}
	if err := add(rd); err != nil {
		t.Fatal(err)
	}
	got, err := s.AssessmentRows(ctx, rd.ID)
	if err != nil || len(got) != 3 {
		t.Fatalf("AssessmentRows = %+v %v", got, err)
	}
	for i := range rows {
		if got[i] != rows[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], rows[i])
		}
	}
	var imports int
	s.db.QueryRow(`SELECT count(*) FROM assessment_imports WHERE round_id=?`, rd.ID).Scan(&imports)
	if imports != 2 {
		t.Errorf("%d imports, want one per unit (2)", imports)
	}
	err = add(rd)
	if _, ok := err.(*data.InputError); !ok || !strings.Contains(err.Error(), "已导入过评价轮次“2026年度”（评估.xlsx）") {
		t.Errorf("the same file again = %v", err)
	}
	if got, _ := s.AssessmentRows(ctx, rd.ID); len(got) != 3 {
		t.Errorf("after the refused import: %d rows", len(got))
	}
	if err := add(other); err != nil {
		t.Errorf("the file into another round: %v", err)
	}
}

// 体验官 feedback keeps a missing score missing (nil, not 0); names off the roster are counted per policy.
func TestOfficerFeedback(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id, other := newPolicy(t, s), newPolicy(t, s)
	if _, err := s.AddOfficer(ctx, id, "王建国"); err != nil {
		t.Fatal(err)
	}
	rd := newRound(t, s, id, "")
	v := 75.0
	fbs := []data.OfficerFeedback{
		{Line: 2, Name: "王建国", Date: "2026-05-01", Process: &v, Problems: "材料多"},
		{Line: 3, Name: "李秀英", Standards: &v},
		{Line: 4, Name: "张伟"},
	}
	f := ImportFile{Name: "反馈.csv", SHA256: strings.Repeat("b", 64), Format: "officers-csv"}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.AddOfficerFeedback(ctx, rd, f, 5, fbs) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.OfficerFeedback(ctx, rd.ID)
	if err != nil || len(got) != 3 {
		t.Fatalf("OfficerFeedback = %+v %v", got, err)
	}
	if g := got[0]; g.Name != "王建国" || g.Date != "2026-05-01" || g.Process == nil || *g.Process != 75 || g.Standards != nil || g.Results != nil || g.Problems != "材料多" {
		t.Errorf("first feedback = %+v", g)
	}
	if g := got[2]; g.Process != nil || g.Standards != nil || g.Results != nil {
		t.Errorf("feedback without scores = %+v", g)
	}
	var scale int
	s.db.QueryRow(`SELECT scale FROM officer_imports WHERE round_id=?`, rd.ID).Scan(&scale)
	if scale != 5 {
		t.Errorf("scale = %d, want 5", scale)
	}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.AddOfficerFeedback(ctx, rd, f, 5, fbs) }); err == nil {
		t.Error("the same feedback file was imported twice")
	}
	if n, err := s.UnlistedOfficers(ctx, id); err != nil || n != 2 {
		t.Errorf("UnlistedOfficers = %d %v, want 2 (李秀英, 张伟)", n, err)
	}
	if n, _ := s.UnlistedOfficers(ctx, other); n != 0 {
		t.Errorf("another policy's unlisted officers = %d", n)
	}
}
