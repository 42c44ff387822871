package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

func TestRoundsAndRoster(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	id, _ := s.AddPolicy(ctx, data.Policy{Title: "t", Dept: "d", Category: "其他"})
	if _, err := s.ResolveRound(ctx, id, ""); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("no rounds yet: %v", err)
	}
	for _, name := range []string{"2025年度", "2026年度", "2025年度"} {
		if err := s.Tx(ctx, func(tx *Tx) error { _, err := tx.EnsureRound(ctx, id, name); return err }); err != nil {
			t.Fatal(err)
		}
	}
	rs, _ := s.Rounds(ctx, id)
	if len(rs) != 2 {
		t.Fatalf("rounds = %+v", rs)
	}
	if r, err := s.ResolveRound(ctx, id, ""); err != nil || r.Name != "2026年度" {
		t.Errorf("latest round = %+v, %v", r, err)
	}
	if _, err := s.AddOfficer(ctx, id, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddOfficer(ctx, id, "张三"); err == nil {
		t.Error("duplicate officer accepted")
	}
	if err := s.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: "2026-03-10", End: "2026-03-01"}); err == nil {
		t.Error("end before start accepted")
	}
	// A mistyped year: a period of decades would pass the working-day rule.
	if err := s.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: "1960-03-01", End: "2026-03-31"}); err == nil || !strings.Contains(err.Error(), "年份") {
		t.Errorf("a 66-year comment period: %v, want it refused", err)
	}
	for _, end := range []string{"2026-03-01", "2027-02-28"} { // one day; a full year
		if err := s.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: "2026-03-01", End: end}); err != nil {
			t.Errorf("period 2026-03-01 to %s: %v", end, err)
		}
	}
}
