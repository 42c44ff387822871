package loop

import (
	"slices"
	"testing"
)

func TestFilterOpinions(t *testing.T) {
	id := func(v int64) *int64 { return &v }
	dec := func(s string) *string { return &s }
	ops := []Opinion{
		{ID: 1, Cluster: id(10), Clauses: []string{"第五条"}, Decision: dec(Adopted)},
		{ID: 2, Cluster: id(10), Clauses: []string{"第五条", "第十二条"}},
		{ID: 3, Cluster: id(11), Clauses: []string{"第十二条"}, Decision: dec(NotAdopted)},
		{ID: 4}, // not clustered, no clause, undecided
		{ID: 5, Cluster: id(11), Decision: dec(Adopted)},
	}
	for _, c := range []struct {
		name string
		f    OpinionFilter
		want []int64
	}{
		{"zero value keeps all", OpinionFilter{}, []int64{1, 2, 3, 4, 5}},
		{"cluster", OpinionFilter{Cluster: 10}, []int64{1, 2}},
		{"unknown cluster", OpinionFilter{Cluster: 99}, []int64{}},
		{"clause as stored", OpinionFilter{Clause: "第十二条"}, []int64{2, 3}},
		{"clause as typed", OpinionFilter{Clause: " 12 "}, []int64{2, 3}},
		{"clause in Arabic numerals", OpinionFilter{Clause: "第5条"}, []int64{1, 2}},
		{"undecided", OpinionFilter{Decision: UndecidedFilter}, []int64{2, 4}},
		{"decision", OpinionFilter{Decision: Adopted}, []int64{1, 5}},
		{"all three", OpinionFilter{Cluster: 10, Clause: "第五条", Decision: UndecidedFilter}, []int64{2}},
		{"cluster and decision", OpinionFilter{Cluster: 11, Decision: NotAdopted}, []int64{3}},
	} {
		var got []int64
		for _, o := range FilterOpinions(ops, c.f) {
			got = append(got, o.ID)
		}
		if got == nil {
			got = []int64{}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if got := FilterOpinions(nil, OpinionFilter{}); got == nil || len(got) != 0 {
		t.Errorf("no opinions: %#v, want an empty list (printed as [])", got)
	}
}

func TestParseDecisionFilter(t *testing.T) {
	for in, want := range map[string]string{"": "", " ": "", "undecided": UndecidedFilter, "Undecided": UndecidedFilter,
		"未处理": UndecidedFilter, "adopted": Adopted, "部分采纳": PartlyAdopted, "不予处理": NotHandled} {
		if got, err := ParseDecisionFilter(in); err != nil || got != want {
			t.Errorf("ParseDecisionFilter(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseDecisionFilter("maybe"); err == nil {
		t.Error("an unknown decision was taken")
	}
}
