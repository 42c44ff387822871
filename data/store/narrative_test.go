package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

func TestReportTextsSaveResetAndSurviveReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ws.gpw")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p := storetest.Policy(t, s, data.Policy{})
	r1 := storetest.Round(t, s, p.ID, "2025年度")
	r2 := storetest.Round(t, s, p.ID, "2026年度")

	if got, err := s.ReportTexts(ctx, r1.ID); err != nil || len(got) != 0 {
		t.Fatalf("new round's texts = %v, %v; want none", got, err)
	}
	if err := s.SetReportText(ctx, r1.ID, "summary", "本次评价共回收有效问卷1,200份。"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReportText(ctx, r1.ID, "summary", "改过的摘要"); err != nil { // replaces, no second row
		t.Fatal(err)
	}
	if err := s.SetReportText(ctx, r1.ID, "problems", "团队写的存在问题"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReportText(ctx, r2.ID, "summary", "另一轮"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = store.Open(path) // the real file, opened again
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.ReportTexts(ctx, r1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["summary"].Text != "改过的摘要" || got["summary"].Section != "summary" || got["summary"].Updated == "" {
		t.Errorf("round 1 texts = %+v", got)
	}
	if pr, ok := got["problems"]; !ok || pr.Text != "团队写的存在问题" {
		t.Errorf("problems = %+v, %v", pr, ok)
	}
	if other, _ := s.ReportTexts(ctx, r2.ID); other["summary"].Text != "另一轮" || len(other) != 1 {
		t.Errorf("round 2 texts = %+v; rounds must not share texts", other)
	}

	// 恢复为自动草稿 deletes one section's text, and only that one.
	if had, err := s.ResetReportText(ctx, r1.ID, "summary"); err != nil || !had {
		t.Fatalf("reset = %v, %v; want true", had, err)
	}
	if had, err := s.ResetReportText(ctx, r1.ID, "summary"); err != nil || had {
		t.Errorf("second reset = %v, %v; want false", had, err)
	}
	got, _ = s.ReportTexts(ctx, r1.ID)
	if _, ok := got["summary"]; ok || len(got) != 1 {
		t.Errorf("after reset = %+v; want only problems", got)
	}
}

func TestReportTextRefused(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{})
	r := storetest.Round(t, s, p.ID, "")
	for _, c := range []struct{ name, section, text string }{
		{"no section", "", "x"},
		{"blank text (the report would print the draft)", "summary", " \n\t "},
		{"padded section", " summary", "x"},
		{"too long", "summary", strings.Repeat("字", data.MaxReportText+1)},
		{"not UTF-8", "summary", "\xff\xfe"},
	} {
		var ie *data.InputError
		if err := s.SetReportText(ctx, r.ID, c.section, c.text); !errors.As(err, &ie) {
			t.Errorf("%s: err = %v; want an InputError", c.name, err)
		}
	}
	if err := s.SetReportText(ctx, r.ID, "summary", strings.Repeat("字", data.MaxReportText)); err != nil {
		t.Errorf("text at the limit: %v", err)
	}
	if err := s.SetReportText(ctx, 9999, "summary", "x"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown round: %v; want ErrNotFound", err)
	}
}

func TestReportSettingsPerRoundAndInheritedIssuer(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{})
	r1 := storetest.Round(t, s, p.ID, "2025年度")
	r2 := storetest.Round(t, s, p.ID, "2026年度")
	r3 := storetest.Round(t, s, p.ID, "2027年度")

	if st, set, err := s.ReportSettings(ctx, r1.ID); err != nil || set || !st.On(data.PartMethods) {
		t.Fatalf("unset settings = %+v, %v, %v; want unset, every part on", st, set, err)
	}
	in := data.ReportSettings{Issuer: "  北京市某评估中心 ", Commissioner: "市发展改革委", Date: "2026年11月20日",
		Off: []string{"不同群体评价", data.PartChecks, data.PartGroups}}
	saved, err := s.SetReportSettings(ctx, r1.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	want := data.ReportSettings{Issuer: "北京市某评估中心", Commissioner: "市发展改革委", Date: "2026-11-20",
		Off: []string{data.PartGroups, data.PartChecks}}
	if !reflect.DeepEqual(saved, want) {
		t.Errorf("saved = %+v\nwant  %+v", saved, want)
	}
	got, set, err := s.ReportSettings(ctx, r1.ID)
	if err != nil || !set || !reflect.DeepEqual(got, want) {
		t.Errorf("read back = %+v, %v, %v\nwant %+v", got, set, err, want)
	}
	if got.On(data.PartChecks) || !got.On(data.PartMethods) || got.On(data.PartGroups) {
		t.Errorf("On: %+v", got.Sections())
	}

	// A later round inherits the agency and the commissioner, never the date or the parts.
	e, err := s.EarlierIssuer(ctx, p.ID, r3.ID)
	if err != nil || e.Issuer != "北京市某评估中心" || e.Commissioner != "市发展改革委" || e.Date != "" || len(e.Off) != 0 {
		t.Errorf("earlier issuer for round 3 = %+v, %v", e, err)
	}
	if e, _ := s.EarlierIssuer(ctx, p.ID, r1.ID); e.Issuer != "" { // nothing before the first round
		t.Errorf("earlier issuer for round 1 = %+v", e)
	}
	if _, err := s.SetReportSettings(ctx, r2.ID, data.ReportSettings{Issuer: "第二家机构"}); err != nil {
		t.Fatal(err)
	}
	if e, _ = s.EarlierIssuer(ctx, p.ID, r3.ID); e.Issuer != "第二家机构" || e.Commissioner != "" {
		t.Errorf("the latest earlier round wins: %+v", e)
	}
	own, _, _ := s.ReportSettings(ctx, r3.ID)
	if in := own.InheritIssuer(e); in.Issuer != "第二家机构" || in.Date != "" {
		t.Errorf("inherited = %+v", in)
	}

	for _, bad := range []data.ReportSettings{
		{Date: "2026-02-30"},
		{Off: []string{"封面"}},
		{Issuer: strings.Repeat("机", data.MaxIssuerLength+1)},
	} {
		var ie *data.InputError
		if _, err := s.SetReportSettings(ctx, r1.ID, bad); !errors.As(err, &ie) {
			t.Errorf("%+v: err = %v; want an InputError", bad, err)
		}
	}
	if got, _, _ := s.ReportSettings(ctx, r1.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("a refused change changed the settings: %+v", got)
	}
}

// Deleting a policy takes its rounds' texts, settings and quote choices with it.
func TestReportChoicesGoWithThePolicy(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{})
	r := storetest.Round(t, s, p.ID, "")
	storetest.Survey(t, s, r, nil)
	sd, err := s.SurveyData(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetReportText(ctx, r.ID, "summary", "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReportSettings(ctx, r.ID, data.ReportSettings{Issuer: "机构"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetQuoteChoice(ctx, r.ID, data.AnswerRef{Response: sd.Responses[0].ID, Question: "Q2"}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePolicy(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	texts, _ := s.ReportTexts(ctx, r.ID)
	_, set, _ := s.ReportSettings(ctx, r.ID)
	qs, _ := s.QuoteChoices(ctx, r.ID)
	if len(texts) != 0 || set || len(qs) != 0 {
		t.Errorf("left behind: texts %v, settings %v, quotes %v", texts, set, qs)
	}
}
