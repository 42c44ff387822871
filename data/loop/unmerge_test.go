package loop

import (
	"slices"
	"testing"
)

func members(t *testing.T, cs []Cluster, id int64) []int64 {
	t.Helper()
	for _, c := range cs {
		if c.ID == id {
			return c.Opinions
		}
	}
	return nil
}

func clusterOf(t *testing.T, cs []Cluster, id int64) Cluster {
	t.Helper()
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no cluster %d", id)
	return Cluster{}
}

// An undone merge gives every merged cluster its opinions and decision back, and leaves the target as
// it was.
func TestUnmergeSplitsBack(t *testing.T) {
	s, pid, c := loopPolicy(t)
	reason := "涉及上位法规定，暂不采纳"
	for _, id := range []int64{c["pair"], c["other"]} {
		if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{id}, Decision: NotAdopted, Reason: reason, Date: "2026-04-02"}); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := Clusters(ctx, s, pid)
	pair, single, other := members(t, before, c["pair"]), members(t, before, c["single"]), members(t, before, c["other"])

	undo, err := MergeWithUndo(ctx, s, pid, c["pair"], []int64{c["single"], c["other"]})
	if err != nil {
		t.Fatal(err)
	}
	merged, _ := Clusters(ctx, s, pid)
	if got := len(members(t, merged, c["pair"])); got != len(pair)+len(single)+len(other) {
		t.Fatalf("after the merge the target holds %d opinions", got)
	}

	ids, err := Unmerge(ctx, s, undo)
	if err != nil || len(ids) != 2 {
		t.Fatalf("unmerge: %v %v", ids, err)
	}
	after, _ := Clusters(ctx, s, pid)
	if len(after) != len(before) {
		t.Errorf("%d clusters after the undo, %d before the merge", len(after), len(before))
	}
	if got := members(t, after, c["pair"]); !slices.Equal(got, pair) {
		t.Errorf("target holds %v after the undo, %v before", got, pair)
	}
	if d := clusterOf(t, after, c["pair"]).Decision; d == nil || *d != NotAdopted {
		t.Errorf("target's decision after the undo: %v", d)
	}
	back1, back2 := clusterOf(t, after, ids[0]), clusterOf(t, after, ids[1])
	if !slices.Equal(back1.Opinions, single) || back1.Decision != nil {
		t.Errorf("first group back as %+v, want %v undecided", back1, single)
	}
	if !slices.Equal(back2.Opinions, other) || back2.Decision == nil || *back2.Decision != NotAdopted || *back2.Reason != reason || back2.DecidedOn != "2026-04-02" {
		t.Errorf("second group back as %+v, want %v with its decision of 2026-04-02", back2, other)
	}
}

// An undo is refused, with nothing changed, once the merged cluster changed again.
func TestUnmergeRefusedAfterLaterChanges(t *testing.T) {
	s, pid, c := loopPolicy(t)
	undo, err := MergeWithUndo(ctx, s, pid, c["mass"], []int64{c["pair"]})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Move(ctx, s, pid, undo.Groups[0].Opinions[:1], c["other"]); err != nil {
		t.Fatal(err)
	}
	before, _ := Clusters(ctx, s, pid)
	_, err = Unmerge(ctx, s, undo)
	inputError(t, err, "无法撤销这次合并")
	if after, _ := Clusters(ctx, s, pid); len(after) != len(before) {
		t.Errorf("a refused undo changed the clusters: %d → %d", len(before), len(after))
	}

	// Published meanwhile: the target is frozen.
	s, pid, c = loopPolicy(t)
	undo, err = MergeWithUndo(ctx, s, pid, c["mass"], []int64{c["pair"]})
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := Clusters(ctx, s, pid)
	for _, cl := range cs {
		if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{cl.ID}, Decision: Adopted, Date: "2026-04-10"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Publish(ctx, s, pid, WhatFeedback, "2026-04-15"); err != nil {
		t.Fatal(err)
	}
	_, err = Unmerge(ctx, s, undo)
	inputError(t, err, "已冻结")
}
