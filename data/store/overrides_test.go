package store

import (
	"context"
	"errors"
	"testing"

	"github.com/gongping/gongping/data"
)

// Hand decisions about responses: only a response of the round, replaced when set again, cleared.
func TestOverrides(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	id := newPolicy(t, s)
	r1, r2 := newRound(t, s, id, "一"), newRound(t, s, id, "二")
	storeResponses(t, s, r1.ID, 2)
	d, err := s.SurveyData(ctx, r1.ID)
	if err != nil || len(d.Responses) != 2 {
		t.Fatalf("survey = %+v %v", d, err)
	}
	resp := d.Responses[0].ID
	if err := s.SetOverride(ctx, r2.ID, resp, Override{Restore: true}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("override in another round = %v, want ErrNotFound", err)
	}
	if err := s.SetOverride(ctx, r1.ID, resp, Override{Restore: false, Note: "重复提交"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOverride(ctx, r1.ID, resp, Override{Restore: true, Note: "核实有效"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Overrides(ctx, r1.ID)
	if err != nil || len(got) != 1 || got[resp] != (Override{Restore: true, Note: "核实有效"}) {
		t.Errorf("Overrides = %+v %v", got, err)
	}
	if got, _ := s.Overrides(ctx, r2.ID); len(got) != 0 {
		t.Errorf("the other round's overrides = %+v", got)
	}
	if err := s.ClearOverride(ctx, resp); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Overrides(ctx, r1.ID); len(got) != 0 {
		t.Errorf("after ClearOverride: %+v", got)
	}
}

// storeResponses stores n responses of one open question into a round.
func storeResponses(t testing.TB, s *Store, roundID int64, n int) {
	t.Helper()
	ctx := context.Background()
	err := s.Tx(ctx, func(tx *Tx) error {
		w, err := tx.NewSurveyWriter(ctx, roundID, "f.csv", "sha", "generic")
		if err != nil {
			return err
		}
		defer w.Close()
		for i := 0; i < n; i++ {
			if err := w.Add(ctx, i+2, data.ResponseMeta{Duration: -1}, []string{"答"}); err != nil {
				return err
			}
		}
		_, err = w.Finish(ctx, []data.QuestionLayout{{Question: data.Question{Key: "Q1", Num: 1, Text: "1、意见", Type: data.QOpenText},
			Kind: data.AssembleValue, Slots: []int{0}}}, n, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
