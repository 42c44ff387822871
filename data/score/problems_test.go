package score

import (
	"fmt"
	"strings"
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
	if got := lowIndicators(nil); got == nil || len(got) != 0 {
		t.Errorf("no dimensions: %#v, want [] (JSON [], not null)", got)
	}
	if b := lowIndicators(dims)[0].Basis; b != "问卷调查：“细则”指标得分40.0分，低于60分" {
		t.Errorf("basis of a low indicator: %q", b)
	}
}

func TestProblems(t *testing.T) {
	assessment := []assess.Row{
		{Dimension: "执行过程", Problem: "窗口人手不足"}, {Dimension: "细则标准", Problem: "无"},
		{Dimension: "执行过程", Problem: " 窗口人手不足 "}, {Dimension: "取得成效", Problem: "宣传不够"},
	}
	officers := []assess.Feedback{{Problems: "材料清单不清楚"}, {Problems: ""}}
	low := []Dimension{{Key: "results", Indicators: []Indicator{{Name: "成效", Score: ptr(55.0), N: 4}}}}
	// Two dimensions whose indicators an assessment row can name: 办理便捷度 scores below 60.
	named := []Dimension{
		{Key: "process", Indicators: []Indicator{{Name: "办理便捷度", Score: ptr(52.0), N: 9}, {Name: "服务态度", Score: ptr(80.0), N: 9}}},
		{Key: "standards", Indicators: []Indicator{{Name: "目标实现程度", Score: ptr(58.0), N: 9}}},
	}
	cases := []struct {
		name string
		refs []string
		dims []Dimension
		rows []assess.Row
		fb   []assess.Feedback
		want []string // sources item count incidence evidence [question dimension indicator]
		low  []string // indicators below 60
	}{
		{name: "nothing", want: []string{}, low: []string{}},
		{name: "survey options by incidence, ties in option order", refs: []string{"Q1"},
			want: []string{"survey 材料多 3 1 1 Q1", "survey 排队久 1 0.333 0.333 Q1", "survey 其他 1 0.333 0.333 Q1", "survey 态度差 0 0 0 Q1"}},
		{name: "two questions ranked together", refs: []string{"Q2", "Q1"},
			want: []string{"survey 材料多 3 1 1 Q1", "survey 减材料 2 0.667 0.667 Q2", "survey 网上办 1 0.333 0.333 Q2", "survey 排队久 1 0.333 0.333 Q1",
				"survey 其他 1 0.333 0.333 Q1", "survey 态度差 0 0 0 Q1"}},
		{name: "a question the round lacks is skipped", refs: []string{"Q9", "Q2"},
			want: []string{"survey 减材料 2 0.667 0.667 Q2", "survey 网上办 1 0.333 0.333 Q2"}},
		{name: "officers' share ranks with the survey's; assessment texts (no incidence) after them; a low indicator is no row",
			refs: []string{"Q2"}, dims: low, rows: assessment, fb: officers,
			want: []string{"survey 减材料 2 0.667 0.667 Q2", "officers 材料清单不清楚 1 0.5 0.5", "survey 网上办 1 0.333 0.333 Q2",
				"assessment 窗口人手不足 2 - - process", "assessment 宣传不够 1 - - results"},
			low: []string{"成效 55"}},
		{name: "the same text from the survey and the officers is one row: its highest share × 2 sources",
			refs: []string{"Q2"}, fb: []assess.Feedback{{Name: "甲", Problems: "减 材料。"}, {Name: "乙", Problems: "网上办"}, {Name: "丙"}, {Name: "丁"}},
			want: []string{"survey+officers 减材料 3 0.667 1.33 Q2", "survey+officers 网上办 2 0.333 0.667 Q2"}},
		{name: "the same text from the assessment and the officers (width and punctuation aside) is one row",
			rows: []assess.Row{{Dimension: "执行过程", Problem: "窗口排队时间长"}, {Dimension: "执行过程", Problem: "审批慢"}},
			fb:   []assess.Feedback{{Problems: "窗口排队时间长！"}, {Problems: "其他问题"}, {Problems: "窗口 排队时间长"}},
			want: []string{"assessment+officers 窗口排队时间长 3 0.667 1.33 process", "officers 其他问题 1 0.333 0.333", "assessment 审批慢 1 - - process"}},
		{name: "an officer is counted once per problem, by name",
			fb:   []assess.Feedback{{Name: "甲", Problems: "排队久"}, {Name: "甲", Problems: "排队久"}, {Name: "乙", Problems: "无"}},
			want: []string{"officers 排队久 1 0.5 0.5"}},
		{name: "a low indicator joins the assessment's problem on it (its name inside the row's); two sources rank first among texts",
			dims: named, rows: []assess.Row{
				{Dimension: "执行过程", Indicator: "服务态度", Problem: "窗口态度生硬"},
				{Dimension: "执行过程", Indicator: "办理便捷度（15分）", Problem: "仍需线下提交纸质材料"},
				{Dimension: "执行过程", Indicator: "办理便捷度", Problem: "网办系统卡顿"},
				{Dimension: "细则标准", Indicator: "政策目标实现程度", Problem: "目标完成率82%"},
				{Dimension: "取得成效", Indicator: "办理便捷度", Problem: "另一维度的同名指标"}},
			want: []string{"assessment+indicator 仍需线下提交纸质材料 1 - - process 办理便捷度", "assessment+indicator 目标完成率82% 1 - - standards 目标实现程度",
				"assessment 窗口态度生硬 1 - - process 服务态度", "assessment 网办系统卡顿 1 - - process 办理便捷度", "assessment 另一维度的同名指标 1 - - results"},
			low: []string{"办理便捷度 52", "目标实现程度 58"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := NewScheme()
			sc.Problems = c.refs
			got, low := choiceRound(t, sc).problems(c.dims, c.rows, c.fb)
			if got == nil || low == nil {
				t.Fatal("nil list (JSON null)")
			}
			s := []string{}
			for _, p := range got {
				src := strings.Join(p.Sources, "+")
				if p.Source != p.Sources[0] {
					t.Errorf("%s: source %s, sources %v", p.Item, p.Source, p.Sources)
				}
				line := fmt.Sprintf("%s %s %d %s %s", src, p.Item, p.Count, num(p.Incidence), num(p.Evidence))
				for _, w := range []string{p.Question, p.Dimension, p.Indicator} {
					if w != "" {
						line += " " + w
					}
				}
				s = append(s, line)
			}
			if fmt.Sprint(s) != fmt.Sprint(c.want) {
				t.Errorf("got  %q\nwant %q", s, c.want)
			}
			l := []string{}
			for _, p := range low {
				l = append(l, fmt.Sprintf("%s %g", p.Item, *p.Score))
			}
			if c.low == nil {
				c.low = []string{}
			}
			if fmt.Sprint(l) != fmt.Sprint(c.low) {
				t.Errorf("low indicators %q, want %q", l, c.low)
			}
		})
	}
}

// num prints a share with three significant digits, "-" for none.
func num(x *float64) string {
	if x == nil {
		return "-"
	}
	return fmt.Sprintf("%.3g", *x)
}

func TestProblemBasis(t *testing.T) {
	sc := NewScheme()
	sc.Problems = []string{"Q2"}
	dims := []Dimension{{Key: "process", Indicators: []Indicator{{Name: "办理便捷度", Score: ptr(52.26), N: 9}}}}
	got, _ := choiceRound(t, sc).problems(dims,
		[]assess.Row{{Dimension: "执行过程", Indicator: "办理便捷度", Problem: "减材料"}},
		[]assess.Feedback{{Name: "甲", Problems: "减材料"}, {Name: "乙"}, {Name: "丙"}})
	want := "问卷调查：2人选择，占该题作答人数的66.7%；第三方评估：“办理便捷度”指标评分中指出（1条）；政策体验官：3人中1人反映；问卷调查：“办理便捷度”指标得分52.3分，低于60分"
	if len(got) == 0 || got[0].Basis != want {
		t.Fatalf("basis\n got %q\nwant %q", got[0].Basis, want)
	}
	if p := got[0]; fmt.Sprint(p.Sources) != "[survey assessment officers indicator]" || p.Count != 4 || *p.Evidence != *p.Incidence*4 || *p.Score != 52.26 {
		t.Errorf("merged row: sources %v count %d evidence %v score %v", p.Sources, p.Count, *p.Evidence, *p.Score)
	}
}

func TestProblemKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"窗口排队时间长", " 窗口 排队时间长！"}, {"ＡＢＣ材料", "abc材料"}, {"材料多、重复提交", "材料多重复提交"},
	} {
		if problemKey(c.a) != problemKey(c.b) {
			t.Errorf("%q and %q differ: %q, %q", c.a, c.b, problemKey(c.a), problemKey(c.b))
		}
	}
	if problemKey("材料多") == problemKey("材料少") {
		t.Error("two problems share a key")
	}
	if k := problemKey(" …… "); k != "……" {
		t.Errorf("punctuation alone: %q", k)
	}
}

func TestMatchIndicator(t *testing.T) {
	dims := []Dimension{{Key: "process", Indicators: []Indicator{{Name: "办理"}, {Name: "办理便捷度"}, {Name: "宣传解读"}, {Name: "效"}}}}
	for _, c := range []struct{ dim, text, want string }{
		{"process", "办理便捷度", "办理便捷度"},          // the same name
		{"process", "办理 便捷度（15分）", "办理便捷度"},    // the longest name inside the row's
		{"process", "政策宣传解读到位", "宣传解读"},        // inside
		{"process", "宣传", "宣传解读"},              // the row's inside the name
		{"process", "效率", ""},                  // a one-character name matches nothing by containment
		{"standards", "办理便捷度", ""},             // another dimension
		{"", "办理便捷度", ""}, {"process", "", ""}, // nothing to match
	} {
		if got := matchIndicator(dims, c.dim, c.text); got != c.want {
			t.Errorf("matchIndicator(%s, %q) = %q, want %q", c.dim, c.text, got, c.want)
		}
	}
}

func TestProblemSourceIncidence(t *testing.T) {
	merged := Problem{Source: SourceSurvey, Sources: []string{SourceSurvey, SourceOfficers}, Incidence: ptr(0.5), Mentions: []Mention{
		{Source: SourceSurvey, Incidence: ptr(0.2)}, {Source: SourceSurvey, Incidence: ptr(0.3)}, {Source: SourceOfficers, Incidence: ptr(0.5)}}}
	byHand := Problem{Source: SourceSurvey, Incidence: ptr(0.4)}
	for _, c := range []struct {
		name string
		p    Problem
		src  string
		want *float64
		has  bool
	}{
		{"the survey's own share, not the officers' higher one", merged, SourceSurvey, ptr(0.3), true},
		{"the officers'", merged, SourceOfficers, ptr(0.5), true},
		{"a source not naming it", merged, SourceAssessment, nil, false},
		{"built by hand: its incidence under its source", byHand, SourceSurvey, ptr(0.4), true},
		{"built by hand, another source", byHand, SourceOfficers, nil, false},
	} {
		if got := c.p.SourceIncidence(c.src); !samePtr(got, c.want) {
			t.Errorf("%s: %s, want %s", c.name, showPtr(got), showPtr(c.want))
		}
		if got := c.p.HasSource(c.src); got != c.has {
			t.Errorf("%s: HasSource = %v", c.name, got)
		}
	}
}
