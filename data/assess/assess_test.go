package assess

//go:generate go run ./testdata/gen

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func newStore(t *testing.T) (*store.Store, int64) {
	t.Helper()
	s := storetest.MustOpen(t)
	return s, storetest.Policy(t, s, data.Policy{Title: "测试政策", Dept: "市发展改革委", Category: "营商环境"}).ID
}

func TestMergedAssessmentSheet(t *testing.T) {
	s, id := newStore(t)
	ctx := context.Background()
	sum, err := ImportAssessment(ctx, s, id, "2026年度", filepath.Join("testdata", "merged.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows != 9 || sum.Imported != 9 || sum.Questions != 9 || sum.Format != "assessment-xlsx" {
		t.Errorf("summary = %+v", sum)
	}
	// The 合计 row (its score a formula with the value Excel saved) adds up: skipped with one warning.
	if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0], "合计") {
		t.Errorf("warnings = %q, want the 合计 row's", sum.Warnings)
	}
	rd, err := s.ResolveRound(ctx, id, "2026年度")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Rows(ctx, s, rd.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The merged A5:A7 cell gives rows 5–7 the same 一级指标; the 合计 row is not imported.
	byDim := map[string]float64{}
	for _, r := range rows {
		byDim[DimensionOf(r.Dimension, nil)] += r.Max
	}
	if rows[1].Dimension != "一、执行过程（35分）" || rows[1].Line != 6 || byDim["process"] != 35 || byDim["standards"] != 30 || byDim["results"] != 35 {
		t.Errorf("rows[1] = %+v, max by dimension %v", rows[1], byDim)
	}
	if rows[0].Problem != "部分街道未开展政策解读活动" || rows[0].Score != 8.5 {
		t.Errorf("rows[0] = %+v", rows[0])
	}
	_, err = ImportAssessment(ctx, s, id, "2026年度", filepath.Join("testdata", "merged.xlsx"))
	var ie *data.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "已导入") {
		t.Errorf("re-import: err = %v", err)
	}
	if rows, _ := Rows(ctx, s, rd.ID); len(rows) != 9 {
		t.Errorf("re-import changed rows: %d", len(rows))
	}
}

func TestPlainCSVFillsDown(t *testing.T) {
	rows, sum, _, err := ReadAssessment(filepath.Join("testdata", "plain.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1].Dimension != "执行过程" || rows[1].Problem != "材料多" || rows[1].Suggestion != "减材料" || sum.Format != "assessment-csv" {
		t.Errorf("rows = %+v", rows)
	}
}

func TestBadScoreNamesCell(t *testing.T) {
	s, id := newStore(t)
	_, err := ImportAssessment(context.Background(), s, id, "", filepath.Join("testdata", "badscore.xlsx"))
	var ie *data.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "第6行第D列") {
		t.Fatalf("err = %v, want an InputError naming 第6行第D列", err)
	}
	if rs, _ := s.Rounds(context.Background(), id); len(rs) != 0 {
		t.Errorf("a failed import left a round behind: %v", rs)
	}
}

func TestOfficersFivePointScale(t *testing.T) {
	s, id := newStore(t)
	ctx := context.Background()
	for _, n := range []string{"王建国", "李秀英", "张伟", "刘洋", "陈静"} {
		if _, err := s.AddOfficer(ctx, id, n); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := ImportOfficers(ctx, s, id, "", filepath.Join("testdata", "officers5.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Scale != 5 || sum.Imported != 5 || len(sum.Warnings) != 0 || sum.Questions != 3 {
		t.Errorf("summary = %+v", sum)
	}
	rd, _ := s.ResolveRound(ctx, id, "")
	fb, err := Feedbacks(ctx, s, rd.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 王建国 gave 4 → (4−1)/4×100 = 75; 李秀英 gave 5 → 100.
	if *fb[0].Process != 75 || *fb[1].Process != 100 || fb[0].Date != "2026-09-12" || fb[4].Problems == "" {
		t.Errorf("feedback = %+v %+v", fb[0], fb[1])
	}
}

func TestOfficersHundredScaleAndRoster(t *testing.T) {
	fb, sum, _, err := ReadOfficers(filepath.Join("testdata", "officers100.csv"), []data.Officer{{Name: "王建国"}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Scale != 100 || len(fb) != 2 || *fb[0].Process != 80 || fb[1].Standards != nil || fb[1].Date != "2026-09-02" {
		t.Errorf("feedback = %+v, summary %+v", fb, sum)
	}
	if len(sum.Warnings) != 1 || !strings.Contains(sum.Warnings[0], "陌生人") {
		t.Errorf("warnings = %v, want one naming 陌生人", sum.Warnings)
	}
}

func TestDimensionOf(t *testing.T) {
	for in, want := range map[string]string{
		"一、执行过程（35分）": "process", "（二）细则标准": "standards", "3. 政策成效": "results", "results": "results",
		"第一部分 执行情况": "process", "组织领导": "",
	} {
		if got := DimensionOf(in, nil); got != want {
			t.Errorf("DimensionOf(%q) = %q, want %q", in, got, want)
		}
	}
	if got := DimensionOf("组织领导", map[string]string{"process": "组织领导"}); got != "process" {
		t.Errorf("scheme name not used: %q", got)
	}
}
