package loop

import (
	"context"
	"math"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"testing"
)

// Hold-out consultation exports written by testdata/gen (go run ./data/loop/testdata/gen): comments the
// clustering was not tuned on. groupsBySeq imports one and returns its clusters as sorted lists of 序号,
// largest first, with the concentrated flag and the clauses of each.
type seqGroup struct {
	seqs         []int
	concentrated bool
	clauses      []string
}

func groupsBySeq(t *testing.T, file string) []seqGroup {
	t.Helper()
	ctx := context.Background()
	s, pid := newPolicy(t, "2026-06-01")
	if _, err := ImportFile(ctx, s, pid, filepath.Join("testdata", file), nil); err != nil {
		t.Fatal(err)
	}
	ops, err := Opinions(ctx, s, pid)
	if err != nil {
		t.Fatal(err)
	}
	seq := map[int64]int{}
	for i, o := range ops {
		n, err := strconv.Atoi(o.Seq)
		if o.Seq == "" { // a file without 序号: rows in order
			n, err = i+1, nil
		}
		if err != nil {
			t.Fatalf("opinion %d: 序号 %q", o.ID, o.Seq)
		}
		seq[o.ID] = n
	}
	cs, err := Clusters(ctx, s, pid)
	if err != nil {
		t.Fatal(err)
	}
	var out []seqGroup
	for _, c := range cs {
		g := seqGroup{concentrated: c.Concentrated, clauses: c.Clauses}
		for _, id := range c.Opinions {
			g.seqs = append(g.seqs, seq[id])
		}
		sort.Ints(g.seqs)
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].seqs) != len(out[j].seqs) {
			return len(out[i].seqs) > len(out[j].seqs)
		}
		return out[i].seqs[0] < out[j].seqs[0]
	})
	return out
}

func seqs(gs []seqGroup) [][]int {
	out := make([][]int, len(gs))
	for i, g := range gs {
		out[i] = g.seqs
	}
	return out
}

// Form letters with small edits join; paraphrases join; points that share the clause and most words but
// say something else (abolish instead of extend, too much paperwork, keep the time limit) stay apart.
// The same rows as an xlsx with a title row and as a GBK csv with other column names group the same way.
func TestHoldoutClusters(t *testing.T) {
	want := [][]int{{1, 2, 3, 4, 5, 6, 7, 8}, {12, 13, 14, 15, 16, 17}, {10, 11}, {19, 20}, {9}, {18}, {21}, {22}, {23}}
	for _, file := range []string{"holdout_opinions.xlsx", "holdout_opinions_gbk.csv"} {
		gs := groupsBySeq(t, file)
		if got := seqs(gs); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: clusters %v, want %v", file, got, want)
			continue
		}
		for i, g := range gs {
			if g.concentrated != (i < 2) {
				t.Errorf("%s: cluster %v concentrated %v", file, g.seqs, g.concentrated)
			}
		}
		if !reflect.DeepEqual(gs[0].clauses, []string{"第五条"}) || !reflect.DeepEqual(gs[6].clauses, []string{"第十二条"}) {
			t.Errorf("%s: clauses %q, %q", file, gs[0].clauses, gs[6].clauses)
		}
	}
}

// Regression: "同意第六条…" and "不同意第六条…" (also 可行 / 不可行) share every other word and used to form
// one concentrated cluster of six; they make opposite points and need different decisions.
func TestHoldoutStance(t *testing.T) {
	gs := groupsBySeq(t, "holdout_stance.csv")
	if got, want := seqs(gs), [][]int{{1, 3, 5}, {2, 4, 6}, {7, 8}}; !reflect.DeepEqual(got, want) {
		t.Errorf("clusters %v, want %v", got, want)
	}
	for _, g := range gs {
		if g.concentrated {
			t.Errorf("cluster %v concentrated", g.seqs)
		}
	}
}

func TestOpposes(t *testing.T) {
	for text, want := range map[string]bool{
		"不同意第六条":              true,
		"第八条审批时限不宜缩短":         true,
		"坚决反对取消补贴":            true,
		"同意第六条":               false,
		"审批时限不应超过十个工作日":       false,
		"建议第六条规定须经周边居民同意":     false,
		"各方对第六条有不同意见，建议进一步论证": false,
		"对第六条没有反对意见":          false,
		"我对第六条有反对意见":          true,
	} {
		if got := opposes(text); got != want {
			t.Errorf("opposes(%q) = %v, want %v", text, got, want)
		}
	}
}

// Regression: feedback could be "published" on a date still to come, and feedback_on_issue then passed
// before anything was public.
func TestPublishNotAhead(t *testing.T) {
	defer func(f func() string) { today = f }(today)
	today = func() string { return "2026-05-01" }
	s, pid := newPolicy(t, "2026-06-01")
	for _, what := range []string{WhatFeedback, WhatEvaluation} {
		_, err := Publish(context.Background(), s, pid, what, "2026-06-02")
		inputError(t, err, "晚于今天")
	}
	if _, err := Publish(context.Background(), s, pid, WhatFeedback, "2026-05-01"); err != nil {
		t.Fatal(err)
	}
}

// Regression: one form letter sent behind six different personal stories split into 4 + 1 + 1 and so was
// not 较为集中; the same proposal on article 9 and on article 10 formed one cluster.
func TestHoldoutStoriesAndArticles(t *testing.T) {
	gs := groupsBySeq(t, "holdout_stories.xlsx")
	if got, want := seqs(gs), [][]int{{1, 2, 3, 4, 5, 6}, {7, 9}, {8}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("clusters %v, want %v", got, want)
	}
	if !gs[0].concentrated || !reflect.DeepEqual(gs[1].clauses, []string{"第九条"}) {
		t.Errorf("form letter concentrated %v; article cluster clauses %q", gs[0].concentrated, gs[1].clauses)
	}
}

// Regression: a NaN threshold reached the database (a NOT NULL error in English), and a too large
// concentrated count was refused with "应不少于 2".
func TestSettingsBounds(t *testing.T) {
	s, pid := newPolicy(t, "")
	ctx := context.Background()
	inputError(t, SetSettings(ctx, s, pid, Settings{Similarity: math.NaN(), ConcentratedMin: 5}), "相似度阈值应在 0 到 1 之间")
	inputError(t, SetSettings(ctx, s, pid, Settings{Similarity: math.Inf(1), ConcentratedMin: 5}), "相似度阈值应在 0 到 1 之间")
	inputError(t, SetSettings(ctx, s, pid, Settings{Similarity: 0.4, ConcentratedMin: 1_000_000}), "应在 2 到 100000 之间")
	if err := SetSettings(ctx, s, pid, Settings{Similarity: 0.4, ConcentratedMin: 3}); err != nil {
		t.Fatal(err)
	}
}

// Regression: with one more opinion to lengthen the period, the five to lengthen and the five to shorten
// it (same words otherwise) formed one concentrated cluster of eleven.
func TestHoldoutDirections(t *testing.T) {
	gs := groupsBySeq(t, "holdout_directions.csv")
	want := [][]int{{1, 2, 3, 4, 5, 19}, {6, 7, 8, 9, 10}, {11, 12, 15, 16, 18}, {13}, {14}, {17}}
	if got := seqs(gs); !reflect.DeepEqual(got, want) {
		t.Errorf("clusters %v, want %v", got, want)
	}
}

func TestDirections(t *testing.T) {
	long, short := directions("建议延长公示期"), directions("建议缩短公示期")
	if !long.conflict(short) || long.conflict(directions("公示期太短，建议延长至30天，提高透明度")) {
		t.Errorf("lengthen/shorten: %v %v", long, short)
	}
	if directions("延长办理时间，缩短排队时间").conflict(short) { // both ways: no direction on that axis
		t.Error("an opinion naming both changes conflicts")
	}
}

// Regression: an edit that changed nothing became a new version, and a withdrawal could be dated before
// the version it withdraws.
func TestRevisionVersionsMoveForward(t *testing.T) {
	ctx := context.Background()
	s, pid := newPolicy(t, "2026-06-01")
	r, err := AddRevision(ctx, s, pid, RevisionInput{Clause: "第五条", Before: "贴息一年", After: "贴息两年", Reason: "采纳集中意见", Date: "2026-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	same := RevisionInput{Clause: "第五条", Before: "贴息一年", After: "贴息两年", Reason: "采纳集中意见", Date: "2026-07-02"}
	_, err = EditRevision(ctx, s, pid, r.Record, same)
	inputError(t, err, "没有修改")
	_, err = EditRevision(ctx, s, pid, r.Record, RevisionInput{Clause: "第五条", Before: "贴息一年", After: "贴息三年", Reason: "采纳集中意见", Date: "2026-06-30"})
	inputError(t, err, "早于修订记录")
	_, err = WithdrawRevision(ctx, s, pid, r.Record, "2026-06-30")
	inputError(t, err, "早于修订记录")
	if _, err := WithdrawRevision(ctx, s, pid, r.Record, "2026-07-01"); err != nil {
		t.Fatal(err)
	}
	if _, err := EditRevision(ctx, s, pid, r.Record, same); err != nil { // reinstating a withdrawn record is a change
		t.Fatal(err)
	}
}

// Paraphrases join at the default threshold (0.43 before: the night-parking point split 4 + 1 + 1 and so
// was not 较为集中, the fee-scale paraphrases stayed three singletons); points sharing their words stay
// apart. Left out on purpose: 5 "早上7点前驶离" is a paraphrase bigrams cannot see.
func TestHoldoutParaphrasesAtDefault(t *testing.T) {
	gs := groupsBySeq(t, "holdout_parking.csv")
	var multi [][]int
	for _, g := range gs {
		if len(g.seqs) > 1 {
			multi = append(multi, g.seqs)
		}
	}
	want := [][]int{{1, 2, 3, 4, 6}, {7, 8, 9, 10, 11}, {14, 15, 16}, {18, 19}, {21, 23}}
	if !reflect.DeepEqual(multi, want) {
		t.Errorf("clusters of more than one %v, want %v", multi, want)
	}
	if len(gs) != 11 || !gs[0].concentrated || !gs[1].concentrated || gs[2].concentrated {
		t.Errorf("%d clusters: %v", len(gs), seqs(gs))
	}
}

// Regression: an amendment repeating the published decision and reason was stored as a correction.
func TestAmendmentMustChange(t *testing.T) {
	defer func(f func() string) { today = f }(today)
	today = func() string { return "2026-07-01" }
	ctx := context.Background()
	s, pid := newPolicy(t, "2026-06-01")
	if _, err := ImportFile(ctx, s, pid, filepath.Join("testdata", "holdout_stance.csv"), nil); err != nil {
		t.Fatal(err)
	}
	cs, err := Clusters(ctx, s, pid)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	if err := Decide(ctx, s, pid, DecideInput{Clusters: ids, Decision: NotAdopted, Reason: "与上位法不一致", Date: "2026-05-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Publish(ctx, s, pid, WhatFeedback, "2026-05-20"); err != nil {
		t.Fatal(err)
	}
	err = Decide(ctx, s, pid, DecideInput{Clusters: ids[:1], Decision: NotAdopted, Reason: "与上位法不一致", Date: "2026-06-01", Amend: true})
	inputError(t, err, "无需更正")
	if err := Decide(ctx, s, pid, DecideInput{Clusters: ids[:1], Decision: PartlyAdopted, Reason: "部分吸收", Date: "2026-06-01", Amend: true}); err != nil {
		t.Fatal(err)
	}
}
