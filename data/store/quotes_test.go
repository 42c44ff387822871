package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestQuoteChoices(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{})
	r := storetest.Round(t, s, p.ID, "")
	imp := storetest.Survey(t, s, r, nil)
	other := storetest.Round(t, s, p.ID, "另一轮")
	storetest.Survey(t, s, other, nil)
	sd, err := s.SurveyData(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := data.AnswerRef{Response: sd.Responses[0].ID, Question: "Q2"}
	b := data.AnswerRef{Response: sd.Responses[2].ID, Question: "Q2"}

	if got, err := s.QuoteChoices(ctx, r.ID); err != nil || len(got) != 0 {
		t.Fatalf("choices of a new round = %v, %v", got, err)
	}
	if err := s.SetQuoteChoice(ctx, r.ID, a, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetQuoteChoice(ctx, r.ID, b, false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetQuoteChoice(ctx, r.ID, a, true); err != nil { // twice: still one choice
		t.Fatal(err)
	}
	got, err := s.QuoteChoices(ctx, r.ID)
	if want := map[data.AnswerRef]bool{a: true, b: false}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("choices = %v, %v; want %v", got, err, want)
	}
	if err := s.SetQuoteChoice(ctx, r.ID, b, true); err != nil { // 排除 after 恢复引用
		t.Fatal(err)
	}
	if got, _ := s.QuoteChoices(ctx, r.ID); !got[b] {
		t.Errorf("b after exclude = %v", got)
	}
	if err := s.ClearQuoteChoice(ctx, r.ID, b); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.QuoteChoices(ctx, r.ID); len(got) != 1 || !got[a] {
		t.Errorf("after clearing b = %v", got)
	}
	if got, _ := s.QuoteChoices(ctx, other.ID); len(got) != 0 {
		t.Errorf("another round sees %v", got)
	}

	// Answers that are not the round's are refused, nothing stored.
	otherData, _ := s.SurveyData(ctx, other.ID)
	for _, bad := range []data.AnswerRef{
		{Response: otherData.Responses[0].ID, Question: "Q2"}, // another round's response
		{Response: 99999, Question: "Q2"},
		{Response: a.Response, Question: "Q9"}, // no such question
	} {
		if err := s.SetQuoteChoice(ctx, r.ID, bad, true); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("%v: err = %v; want ErrNotFound", bad, err)
		}
	}
	if err := s.SetQuoteChoices(ctx, r.ID, []data.AnswerRef{b, {Response: 99999, Question: "Q2"}}, true); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("batch with a bad answer: %v", err)
	}
	if got, _ := s.QuoteChoices(ctx, r.ID); len(got) != 1 {
		t.Errorf("a refused batch stored part of itself: %v", got)
	}
	if err := s.SetQuoteChoices(ctx, r.ID, []data.AnswerRef{a, b}, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.QuoteChoices(ctx, r.ID); len(got) != 2 || !got[a] || !got[b] {
		t.Errorf("after batch = %v", got)
	}

	// Deleting the import deletes its responses, and the choices about them.
	if err := s.DeleteSurveyImport(ctx, p.ID, imp.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.QuoteChoices(ctx, r.ID); len(got) != 0 {
		t.Errorf("choices outlive their import: %v", got)
	}
}
