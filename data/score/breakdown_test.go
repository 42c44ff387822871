package score

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

func TestBreakdownByRefused(t *testing.T) {
	r := choiceRound(t, nil) // Q1 multi-choice, Q2 single choice
	for _, c := range []struct{ ref, want string }{{"Q9", "不存在"}, {"Q1", "多选或排序题"}} {
		_, err := r.breakdownBy(c.ref, nil, nil)
		var ie *data.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want an InputError saying %s", c.ref, err, c.want)
		}
	}
}

func TestGroups(t *testing.T) {
	q := data.Question{Key: "Q1", Type: data.QSingle, Options: []string{"企业", "群众", "不了解"}}
	cases := []struct {
		name    string
		answers []string
		valid   []bool
		want    []string // value: members
	}{
		{"options first, then answers first seen", []string{"群众", "个体户", "企业", " 群众 ", "其他〖游客〗"}, nil,
			[]string{"企业: [2]", "群众: [0 3]", "个体户: [1]", "其他: [4]"}},
		{"empty group: an option nobody chose", []string{"企业", "企业"}, nil, []string{"企业: [0 1]", "群众: []"}},
		{"blank and missing answers are in no group", []string{"", "不了解", "不清楚", "群众"}, nil, []string{"企业: []", "群众: [3]"}},
		{"invalid respondents are in no group", []string{"企业", "群众", "个体户"}, []bool{false, true, false}, []string{"企业: []", "群众: [1]"}},
		{"no respondents", nil, nil, []string{"企业: []", "群众: []"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var rows [][]string
			for _, a := range c.answers {
				rows = append(rows, []string{a})
			}
			r := stepRun(t, nil, []data.Question{q}, rows, c.valid...)
			gs, members := groups(q, 0, r.resp, r.valid, r.valuerOf(0))
			var got []string
			for i, g := range gs {
				if g.N != len(members[i]) {
					t.Errorf("%s: n %d for %d members", g.Value, g.N, len(members[i]))
				}
				got = append(got, fmt.Sprintf("%s: %v", g.Value, members[i]))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestGroupScores(t *testing.T) {
	nan := math.NaN()
	// process: a (weight 0.75) and b (0.25); standards: c; results: none.
	calcs := map[string][]*indicatorCalc{
		"process":   {calc("a", 0.75, 100, 60, nan, 0), calc("b", 0.25, 20, nan, nan, 40)},
		"standards": {calc("c", 1, 50, 70, nan, 90)},
	}
	dims := func(held string) []Dimension {
		return []Dimension{{Key: "process", Weight: 0.5}, {Key: "standards", Weight: 0.25, HeldBack: held}, {Key: "results", Weight: 0.25}}
	}
	cases := []struct {
		name      string
		members   []int
		dims      []Dimension
		scores    []*float64 // process, standards, results
		n         []int
		composite *float64
	}{
		// a: (100+60)/2 = 80, b: 20 → 0.75·80 + 0.25·20 = 65; c: 60; composite (0.5·65 + 0.25·60)/0.75.
		// Respondents 2, 3: a 0, b 40 → 10; c 90; composite (0.5·10 + 0.25·90)/0.75.
		{"indicator means, weighted", []int{0, 1}, dims(""), []*float64{ptr(65.0), ptr(60.0), nil}, []int{2, 2, 0}, ptr(47.5 / 0.75)},
		{"a respondent with no value is not counted", []int{2, 3}, dims(""), []*float64{ptr(10.0), ptr(90.0), nil}, []int{1, 1, 0}, ptr(27.5 / 0.75)},
		{"empty group", nil, dims(""), []*float64{nil, nil, nil}, []int{0, 0, 0}, nil},
		{"all missing", []int{2}, dims(""), []*float64{nil, nil, nil}, []int{0, 0, 0}, nil},
		{"a held-back dimension: no score, no composite", []int{0, 1}, dims("暂缓"), []*float64{ptr(65.0), nil, nil}, []int{2, 2, 0}, nil},
	}
	for _, c := range cases {
		gds, comp := groupScores(c.members, calcs, c.dims)
		if len(gds) != 3 {
			t.Fatalf("%s: %d dimensions", c.name, len(gds))
		}
		for i, gd := range gds {
			if gd.Key != DimensionKeys[i] || !samePtr(gd.Score, c.scores[i]) || gd.N != c.n[i] {
				t.Errorf("%s: %s %s n %d, want %s n %d", c.name, gd.Key, showPtr(gd.Score), gd.N, showPtr(c.scores[i]), c.n[i])
			}
		}
		if !samePtr(comp, c.composite) {
			t.Errorf("%s: composite %s, want %s", c.name, showPtr(comp), showPtr(c.composite))
		}
	}
}
