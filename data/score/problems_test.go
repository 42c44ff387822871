package score

import (
	"fmt"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

// choiceRound is Q1 (multi-choice: 排队久, 材料多, 态度差) and Q2 (single choice: 网上办, 减材料), with the
// answers of four valid respondents and an invalid one.
func choiceRound(t *testing.T, sc *Scheme) *run {
	qs := []data.Question{
		{Key: "Q1", Num: 1, Text: "遇到的问题", Type: data.QMulti, Options: []string{"排队久", "材料多", "态度差"}},
		{Key: "Q2", Num: 2, Text: "希望改进", Type: data.QSingle, Options: []string{"网上办", "减材料"}},
	}
	rows := [][]string{
		{"排队久┋材料多", "减材料"},
		{"材料多", "网上办"},
		{"", "不了解"},                // answered neither
		{"材料多┋其他〖停车难〗┋材料多", "减材料"}, // an option chosen twice counts once; free text dropped
		{"态度差", "网上办"},             // invalid
	}
	return stepRun(t, sc, qs, rows, true, true, true, true, false)
}

func TestOptionCounts(t *testing.T) {
	r := choiceRound(t, nil)
	type oc struct {
		option string
		count  int
		share  *float64
	}
	cases := []struct {
		name  string
		q     int
		valid []bool
		want  []oc
	}{
		{"declared options first, then those seen", 0, r.valid, []oc{
			{"排队久", 1, ptr(1.0 / 3)}, {"材料多", 3, ptr(1.0)}, {"态度差", 0, ptr(0.0)}, {"其他", 1, ptr(1.0 / 3)}}},
		{"single choice; a missing label is not an answer", 1, r.valid, []oc{{"网上办", 1, ptr(1.0 / 3)}, {"减材料", 2, ptr(2.0 / 3)}}},
		{"no valid respondent: counts 0, no share", 1, make([]bool, 5), []oc{{"网上办", 0, nil}, {"减材料", 0, nil}}},
	}
	for _, c := range cases {
		got := optionCounts(r.qs[c.q], c.q, r.resp, c.valid, r.valuerOf(c.q))
		if len(got) != len(c.want) {
			t.Fatalf("%s: %d options %+v, want %d", c.name, len(got), got, len(c.want))
		}
		for i, w := range c.want {
			if g := got[i]; g.option != w.option || g.count != w.count || !samePtr(g.share, w.share) {
				t.Errorf("%s: option %d = %s %d %s, want %s %d %s", c.name, i, g.option, g.count, showPtr(g.share), w.option, w.count, showPtr(w.share))
			}
		}
	}
}

func TestLowIndicators(t *testing.T) {
	ind := func(name string, score *float64, n int) Indicator { return Indicator{Name: name, Score: score, N: n} }
	dims := []Dimension{
		{Key: "process", Indicators: []Indicator{ind("便捷", ptr(59.0), 3), ind("态度", ptr(60.0), 3), ind("无人答", nil, 0)}},
		{Key: "standards", Indicators: []Indicator{ind("细则", ptr(40.0), 2), ind("公开", ptr(59.0), 4)}},
		{Key: "results", Indicators: []Indicator{ind("成效", ptr(59.9999999999), 5)}}, // 60 on paper
	}
	want := []string{"细则 standards 40 2", "便捷 process 59 3", "公开 standards 59 4"} // tie at 59: scheme order
	got := lowIndicators(dims)
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %q", got, want)
	}
	for i, p := range got {
		if s := fmt.Sprintf("%s %s %g %d", p.Item, p.Dimension, *p.Score, p.Count); s != want[i] || p.Source != SourceIndicator {
			t.Errorf("%d: %s (%s), want %s", i, s, p.Source, want[i])
		}
	}
	// Many ties (more than a sort keeps in order unless it is stable): scheme order within each score.
	var many Dimension
	for i := 0; i < 30; i++ {
		many.Indicators = append(many.Indicators, ind(fmt.Sprint(i), ptr(float64(50-10*(i%2))), 1))
	}
	var order []string
	for _, p := range lowIndicators([]Dimension{many}) {
		order = append(order, p.Item)
	}
	if got, want := fmt.Sprint(order), "[1 3 5 7 9 11 13 15 17 19 21 23 25 27 29 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28]"; got != want {
		t.Errorf("ties: %s, want %s", got, want)
	}
	if got := lowIndicators(nil); got != nil {
		t.Errorf("no dimensions: %+v", got)
	}
}

func TestProblems(t *testing.T) {
	assessment := []assess.Row{
		{Dimension: "执行过程", Problem: "窗口人手不足"}, {Dimension: "细则标准", Problem: "无"},
		{Dimension: "执行过程", Problem: " 窗口人手不足 "}, {Dimension: "取得成效", Problem: "宣传不够"},
	}
	officers := []assess.Feedback{{Problems: "材料清单不清楚"}, {Problems: ""}}
	low := []Dimension{{Key: "results", Indicators: []Indicator{{Name: "成效", Score: ptr(55.0), N: 4}}}}
	cases := []struct {
		name string
		refs []string
		dims []Dimension
		rows []assess.Row
		fb   []assess.Feedback
		want []string
	}{
		{name: "nothing", want: []string{}},
		{name: "survey options by incidence, ties in option order", refs: []string{"Q1"},
			want: []string{"survey 材料多 3 Q1", "survey 排队久 1 Q1", "survey 其他 1 Q1", "survey 态度差 0 Q1"}},
		{name: "two questions ranked together", refs: []string{"Q2", "Q1"},
			want: []string{"survey 材料多 3 Q1", "survey 减材料 2 Q2", "survey 网上办 1 Q2", "survey 排队久 1 Q1", "survey 其他 1 Q1", "survey 态度差 0 Q1"}},
		{name: "a question the round lacks is skipped", refs: []string{"Q9", "Q2"},
			want: []string{"survey 减材料 2 Q2", "survey 网上办 1 Q2"}},
		{name: "then low indicators, assessment and officers texts", refs: []string{"Q2"}, dims: low, rows: assessment, fb: officers,
			want: []string{"survey 减材料 2 Q2", "survey 网上办 1 Q2", "indicator 成效 4 results", "assessment 窗口人手不足 2 process",
				"assessment 宣传不够 1 results", "officers 材料清单不清楚 1 "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := NewScheme()
			sc.Problems = c.refs
			got := choiceRound(t, sc).problems(c.dims, c.rows, c.fb)
			if got == nil {
				t.Fatal("nil list (JSON null)")
			}
			var s []string
			for _, p := range got {
				where := p.Question + p.Dimension
				s = append(s, fmt.Sprintf("%s %s %d %s", p.Source, p.Item, p.Count, where))
			}
			if fmt.Sprint(s) != fmt.Sprint(c.want) {
				t.Errorf("got  %q\nwant %q", s, c.want)
			}
		})
	}
}
