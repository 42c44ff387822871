package score

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

var likert5 = []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}

// fixture is testdata/fixture.md as Go values.
func fixture() Input {
	qs := []data.Question{
		{Key: "Q1", Num: 1, Text: "您的性别", Type: data.QSingle, Options: []string{"男", "女"}},
		{Key: "Q2", Num: 2, Text: "办理便捷程度", Type: data.QSingle, Options: likert5},
		{Key: "Q3", Num: 3, Text: "工作人员服务态度", Type: data.QSingle, Options: likert5},
		{Key: "Q4", Num: 4, Text: "4、政策知晓程度（1-5分）", Type: data.QRating},
		{Key: "Q5", Num: 5, Text: "您遇到过哪些问题", Type: data.QMulti, Options: []string{"排队久", "材料多", "态度差"}},
		{Key: "Q6", Num: 6, Text: "您希望在哪些方面改进", Type: data.QMulti, Options: []string{"网上办", "减材料", "延长时间"}},
		{Key: "Q7", Num: 7, Text: "总体满意度", Type: data.QSingle},
	}
	r := func(id int64, dur float64, ip string, ans ...string) data.Response {
		return data.Response{ID: id, Duration: dur, IP: ip, Answers: ans}
	}
	resp := []data.Response{
		r(1, 100, "a", "男", "满意", "非常满意", "5", "排队久┋材料多", "网上办", "满意"),
		r(2, 120, "b", "女", "一般", "满意", "3", "材料多", "网上办┋减材料", "一般"),
		r(3, 20, "c", "女", "满意", "满意", "4", "材料多", "网上办", "满意"),
		r(4, -1, "", "男", "不满意", "不了解", "2", "", "减材料", "不满意"),
		r(5, 110, "e", "男", "满意", "满意", "满意", "排队久", "网上办", "满意"),
		r(6, 100, "a", "男", "满意", "非常满意", "5", "排队久┋材料多", "网上办", "满意"),
		r(7, 95, "f", "女", "非常满意", "非常不满意", "4", "排队久", "延长时间", "非常满意"),
	}
	sc := NewScheme()
	sc.Dimensions.Process.Indicators = []IndicatorSpec{{Name: "便捷", Weight: 2, Questions: []string{"Q2"}}, {Name: "态度", Weight: 1, Questions: []string{"Q3"}}}
	sc.Dimensions.Standards.Indicators = []IndicatorSpec{{Name: "知晓", Weight: 1, Questions: []string{"4、政策知晓程度（1-5分）"}}}
	sc.Questions["Q4"] = Scale{Points: 5, Best: 5}
	sc.Overall, sc.Problems, sc.Directions = "Q7", []string{"Q5"}, []string{"Q6"}
	sc.Screening = Screening{Speeders: 0.5, StraightlineMinItems: 3, Duplicates: true}
	f := func(v float64) *float64 { return &v }
	return Input{Policy: 1, Round: "2026年度", Scheme: sc,
		Survey: &data.SurveyData{Questions: qs, Responses: resp},
		Assessment: []assess.Row{
			{Line: 3, Dimension: "一、执行过程（30分）", Indicator: "窗口", Max: 10, Score: 8, Problem: "窗口人手不足", Suggestion: "增加窗口"},
			{Line: 4, Dimension: "一、执行过程（30分）", Indicator: "流程", Max: 20, Score: 15, Problem: "窗口人手不足"},
			{Line: 5, Dimension: "细则标准", Indicator: "细则", Max: 10, Score: 9, Problem: "无"},
			{Line: 6, Dimension: "取得成效", Indicator: "成效", Max: 40, Score: 30},
		},
		Officers: []assess.Feedback{
			{Line: 2, Name: "王建国", Process: f(80), Results: f(70), Problems: "材料清单不清楚", Suggestions: "公布材料清单"},
			{Line: 3, Name: "李秀英", Process: f(90), Standards: f(60)},
		},
	}
}

func near(t *testing.T, what string, got *float64, want float64, tol float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = null, want %.6f", what, want)
		return
	}
	if math.Abs(*got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f", what, *got, want)
	}
}

func TestHandFixture(t *testing.T) {
	in := fixture()
	in.By = "Q1"
	res, err := Compute(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Respondents; got.Imported != 7 || got.Valid != 4 || got.Excluded != (ExcludedCount{Speeders: 1, Straightliners: 1, Duplicates: 1}) {
		t.Errorf("respondents = %+v", got)
	}
	wantEx := map[int64]string{3: ReasonSpeeder, 5: ReasonStraightline, 6: ReasonDuplicate}
	if len(res.Excluded) != 3 {
		t.Fatalf("excluded = %+v", res.Excluded)
	}
	for _, e := range res.Excluded {
		if wantEx[e.ResponseID] != e.Reason {
			t.Errorf("response %d excluded as %s", e.ResponseID, e.Reason)
		}
	}
	const tol = 1e-3
	p, s, r := res.Dimensions[0], res.Dimensions[1], res.Dimensions[2]
	if p.Key != "process" || s.Key != "standards" || r.Key != "results" || p.Name != "执行过程" {
		t.Fatalf("dimension order/names: %s %s %s %s", p.Key, s.Key, r.Key, p.Name)
	}
	b := p.Indicators[0]
	near(t, "便捷 score", b.Score, 62.5, tol)
	near(t, "便捷 sat", b.SatisfactionRate, 0.5, tol)
	if b.N != 4 || b.CI95 == nil || math.Abs(b.CI95[0]-30.8706) > tol || math.Abs(b.CI95[1]-94.1294) > tol {
		t.Errorf("便捷 n %d ci %v", b.N, b.CI95)
	}
	near(t, "态度 score", p.Indicators[1].Score, 58.33333, tol)
	near(t, "态度 sat", p.Indicators[1].SatisfactionRate, 2.0/3, tol)
	near(t, "process survey", p.Survey, 61.11111, tol)
	near(t, "process sat", p.SatisfactionRate, 0.25, tol)
	// Dimension CI over the respondents' dimension values (83.33, 58.33, 25, 66.67): centred on their
	// mean 58.33, not on the weighted indicator score 61.11, because respondent 4 skipped 态度.
	if p.CI95 == nil || math.Abs(p.CI95[0]-34.2913) > tol || math.Abs(p.CI95[1]-82.3753) > tol {
		t.Errorf("process ci = %v, want [34.2913, 82.3753]", p.CI95)
	}
	near(t, "process alpha", p.Alpha, -2.571429, 1e-5)
	near(t, "process assessment", p.Assessment, 76.66667, tol)
	near(t, "process officers", p.Officers, 85, tol)
	near(t, "process score", p.Score, 68.16667, tol)
	if p.N != 4 || p.AlphaN != 3 {
		t.Errorf("process n %d alpha n %d", p.N, p.AlphaN)
	}
	near(t, "standards survey", s.Survey, 62.5, tol)
	near(t, "standards score", s.Score, 70.5, tol)
	if s.Alpha != nil {
		t.Errorf("standards alpha = %v, want null (one question)", *s.Alpha)
	}
	if r.Survey != nil || r.N != 0 {
		t.Errorf("results survey = %v, want null", r.Survey)
	}
	near(t, "results score", r.Score, 73.75, tol)
	near(t, "composite", res.Composite.Score, 70.80556, tol)
	if res.Composite.Grade == nil || *res.Composite.Grade != "中" {
		t.Errorf("grade = %v", res.Composite.Grade)
	}

	var items []string
	for _, pr := range res.Problems {
		items = append(items, pr.Source+":"+pr.Item)
	}
	// By evidence: the officers' 1 of 2 (0.5) ranks between the survey's 2/3 and 0; the assessment's
	// text (no incidence) last; 态度 (58.3 < 60) is no row of its own.
	if got, want := strings.Join(items, ","), "survey:排队久,survey:材料多,officers:材料清单不清楚,survey:态度差,assessment:窗口人手不足"; got != want {
		t.Errorf("problems = %s\nwant %s", got, want)
	}
	near(t, "排队久 incidence", res.Problems[0].Incidence, 2.0/3, tol)
	near(t, "材料清单不清楚 incidence", res.Problems[2].Incidence, 0.5, tol)
	if res.Problems[4].Count != 2 || res.Problems[4].Dimension != "process" || res.Problems[4].Evidence != nil {
		t.Errorf("assessment problem = %+v", res.Problems[4])
	}
	if len(res.LowIndicators) != 1 || res.LowIndicators[0].Item != "态度" || res.LowIndicators[0].Dimension != "process" {
		t.Errorf("low indicators = %+v", res.LowIndicators)
	}
	// The process score's interval: the survey part's half-width (24.042) × the survey's share of the
	// weights combined (0.6 of 0.6 + 0.3 + 0.1), around C = 68.167.
	if ci := p.ScoreCI95; ci == nil || math.Abs(ci[0]-53.7417) > tol || math.Abs(ci[1]-82.5917) > tol {
		t.Errorf("process score ci = %v, want [53.7417, 82.5917]", ci)
	}
	if r.ScoreCI95 != nil {
		t.Errorf("results score ci = %v, want null (no survey part)", *r.ScoreCI95)
	}
	if res.Method.Rules.Satisfaction == "" || res.Method.Rules.ScoreCI == "" || res.Method.Rules.IPA == "" || res.Method.Rules.Problems == "" {
		t.Errorf("rules = %+v", res.Method.Rules)
	}
	items = nil
	for _, d := range res.Directions {
		items = append(items, d.Source+":"+d.Item)
	}
	if got, want := strings.Join(items, ","), "survey:网上办,survey:减材料,survey:延长时间,assessment:增加窗口,officers:公布材料清单"; got != want {
		t.Errorf("directions = %s\nwant %s", got, want)
	}
	near(t, "延长时间 share", res.Directions[2].Share, 0.25, tol)

	if len(res.IPA) != 3 {
		t.Fatalf("ipa = %+v", res.IPA)
	}
	// Four respondents: only 便捷's r = 1 leaves the mean r out of its interval; every score's interval
	// holds the mean performance (61.1).
	wantIPA := []struct {
		imp       float64
		pos, quad string
	}{{1, QuadrantKeep, QuadrantHighImp}, {-0.720577, QuadrantMinor, QuadrantNone}, {0.8, QuadrantKeep, QuadrantNone}}
	for i, w := range wantIPA {
		if math.Abs(res.IPA[i].Importance-w.imp) > 1e-5 || res.IPA[i].Position != w.pos || res.IPA[i].Quadrant != w.quad {
			t.Errorf("ipa[%d] = %+v, want r %.6f %s %s", i, res.IPA[i], w.imp, w.pos, w.quad)
		}
	}
	near(t, "ipa mean importance", &res.Method.IPAMeans.Importance, 0.359808, 1e-5)

	bd := res.Breakdown
	if bd == nil || len(bd.Groups) != 2 || bd.Groups[0].Value != "男" {
		t.Fatalf("breakdown = %+v", bd)
	}
	near(t, "男 process", bd.Groups[0].Dimensions[0].Score, 66.66667, tol)
	near(t, "女 process", bd.Groups[1].Dimensions[0].Score, 62.5, tol)
	near(t, "女 standards", bd.Groups[1].Dimensions[1].Score, 62.5, tol)
	if bd.Groups[0].N != 2 || bd.Groups[0].Dimensions[0].N != 2 || bd.Groups[0].Dimensions[2].Score != nil {
		t.Errorf("男 group = %+v", bd.Groups[0])
	}
}

func TestRestoreAndManualExclude(t *testing.T) {
	in := fixture()
	in.Overrides = map[int64]Override{5: {Restore: true}, 7: {Note: "电话核实为无效答卷"}}
	res, err := Compute(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Respondents; got.Valid != 4 || got.Restored != 1 || got.Excluded.Straightliners != 0 || got.Excluded.Manual != 1 {
		t.Errorf("respondents = %+v", got)
	}
	// 便捷 now 1, 2, 4, 5: 75, 50, 25, 75.
	near(t, "便捷", res.Dimensions[0].Indicators[0].Score, 56.25, 1e-9)
}

func TestNumericWithoutScaleNamesQuestion(t *testing.T) {
	in := fixture()
	delete(in.Scheme.Questions, "Q4")
	_, err := Compute(context.Background(), in)
	var ie *data.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "Q4") {
		t.Fatalf("err = %v, want an InputError naming Q4", err)
	}
}

func TestUnknownQuestion(t *testing.T) {
	in := fixture()
	in.Scheme.Dimensions.Results.Indicators = []IndicatorSpec{{Name: "成效", Weight: 1, Questions: []string{"Q99"}}}
	_, err := Compute(context.Background(), in)
	if err == nil || !strings.Contains(err.Error(), "Q99") {
		t.Fatalf("err = %v, want it to name Q99", err)
	}
}

// Scaling every weight by the same factor, and shuffling the respondents, change nothing.
func TestInvariance(t *testing.T) {
	base, err := Compute(context.Background(), fixture())
	if err != nil {
		t.Fatal(err)
	}
	scaled := fixture()
	for _, k := range DimensionKeys {
		d := scaled.Scheme.Dimensions.Get(k)
		d.Weight *= 7.5
		for i := range d.Indicators {
			d.Indicators[i].Weight *= 3
		}
	}
	scaled.Scheme.Sources = Sources{Survey: 6, Assessment: 3, Officers: 1}
	shuffled := fixture()
	rng := rand.New(rand.NewSource(4))
	rs := shuffled.Survey.Responses
	rng.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	for name, in := range map[string]Input{"scaled": scaled, "shuffled": shuffled} {
		got, err := Compute(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		near(t, name+" composite", got.Composite.Score, *base.Composite.Score, 1e-9)
		for i, d := range got.Dimensions {
			for _, p := range [][2]*float64{{d.Score, base.Dimensions[i].Score}, {d.Survey, base.Dimensions[i].Survey}, {d.Alpha, base.Dimensions[i].Alpha}} {
				if (p[0] == nil) != (p[1] == nil) || (p[0] != nil && math.Abs(*p[0]-*p[1]) > 1e-9) {
					t.Errorf("%s: dimension %s changed", name, d.Key)
				}
			}
		}
		if got.Respondents != base.Respondents {
			t.Errorf("%s: respondents %+v != %+v", name, got.Respondents, base.Respondents)
		}
	}
}

// A round with no survey (only assessment and 体验官 data) scores the other sources; the survey parts are null.
func TestRoundWithoutSurvey(t *testing.T) {
	in := fixture()
	in.Survey = nil
	in.By = ""
	res, err := Compute(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Dimensions {
		if d.Survey != nil || d.N != 0 || d.Alpha != nil {
			t.Errorf("%s: survey part %v n %d", d.Key, d.Survey, d.N)
		}
	}
	// process: (0.3·76.6667 + 0.1·85)/0.4 = 78.75
	near(t, "process", res.Dimensions[0].Score, 78.75, 1e-3)
	if len(res.IPA) != 0 || res.Respondents.Imported != 0 {
		t.Errorf("ipa %v respondents %+v", res.IPA, res.Respondents)
	}
	in.By = "Q1"
	if _, err := Compute(context.Background(), in); err == nil {
		t.Error("a breakdown without a survey should be an input error")
	}
}

// Hostile answers never panic: odd texts, numbers out of range, NaN durations, endless distinct options.
func TestComputeHostileAnswers(t *testing.T) {
	in := fixture()
	rng := rand.New(rand.NewSource(7))
	junk := []string{"", " ", "〖", "满意〖〗", "〗", "1e308", "-5", "NaN", "Inf", "┋┋", "非常满意┋满意", strings.Repeat("长", 5000), "0x10", "３"}
	for i := 0; i < 3000; i++ {
		ans := make([]string, len(in.Survey.Questions))
		for j := range ans {
			if rng.Intn(3) == 0 {
				ans[j] = fmt.Sprintf("选项%d", rng.Intn(100000))
			} else {
				ans[j] = junk[rng.Intn(len(junk))]
			}
		}
		in.Survey.Responses = append(in.Survey.Responses, data.Response{ID: int64(100 + i), Duration: []float64{math.NaN(), -1, 0, 1e9}[i%4], IP: "x", Answers: ans})
	}
	in.By = "Q1"
	for _, q := range []string{"Q2", "Q3", "Q7"} { // numbers are then valid answers (out of range: missing)
		in.Scheme.Questions[q] = Scale{Points: 5, Best: 5}
	}
	res, err := Compute(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 {
		t.Error("unknown answers should be warned about")
	}
}
