package score

import (
	"math"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/assess"
)

// calc is an indicator with hand-made respondent values (weight already normalised).
func calc(name string, weight float64, vals ...float64) *indicatorCalc {
	return &indicatorCalc{spec: IndicatorSpec{Name: name}, weight: weight, vals: vals}
}

func TestSurveyPart(t *testing.T) {
	cases := []struct {
		name   string
		weight []float64
		score  []*float64
		want   *float64
	}{
		{"weighted over the indicators", []float64{2.0 / 3, 1.0 / 3}, []*float64{ptr(90.0), ptr(60.0)}, ptr(80.0)},
		{"an indicator without answers is left out", []float64{2.0 / 3, 1.0 / 3}, []*float64{nil, ptr(60.0)}, ptr(60.0)},
		{"all missing", []float64{0.5, 0.5}, []*float64{nil, nil}, nil},
		{"no indicators", nil, nil, nil},
	}
	for _, c := range cases {
		var cs []*indicatorCalc
		var inds []Indicator
		for i, w := range c.weight {
			cs = append(cs, calc("", w))
			inds = append(inds, Indicator{Score: c.score[i]})
		}
		if got := surveyPart(cs, inds); !samePtr(got, c.want) {
			t.Errorf("%s: S_d = %s, want %s", c.name, showPtr(got), showPtr(c.want))
		}
	}
}

func TestRespondentDimensionValues(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		cs   []*indicatorCalc
		nr   int
		want []float64
	}{
		{"weighted mean per respondent", []*indicatorCalc{calc("a", 0.75, 100, 0), calc("b", 0.25, 0, 100)}, 2, []float64{75, 25}},
		{"over the indicators a respondent has", []*indicatorCalc{calc("a", 0.75, nan, 40), calc("b", 0.25, 80, nan)}, 2, []float64{80, 40}},
		{"a respondent with none is left out", []*indicatorCalc{calc("a", 1, 50, nan, 70)}, 3, []float64{50, 70}},
		{"no indicators", nil, 2, nil},
		{"no respondents", []*indicatorCalc{calc("a", 1)}, 0, nil},
	}
	for _, c := range cases {
		if got := respondentDimensionValues(c.cs, c.nr); !sameFloats(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDimensionWeight(t *testing.T) {
	sc := NewScheme()
	sc.Dimensions.Process.Weight, sc.Dimensions.Standards.Weight, sc.Dimensions.Results.Weight = 1, 1, 2
	for k, want := range map[string]float64{"process": 0.25, "standards": 0.25, "results": 0.5} {
		if got := dimensionWeight(sc, k); !sameFloat(got, want) {
			t.Errorf("%s: weight %g, want %g", k, got, want)
		}
	}
}

// TestDimension runs the whole step on a hand-made round: Q1, Q2 are indicator 便捷 (weight 3), Q3 is
// 态度 (weight 1) of 执行过程.
func TestDimension(t *testing.T) {
	rows := [][]string{
		{"非常满意", "满意", "满意"},     // 便捷 87.5, 态度 75: dimension value 84.375
		{"一般", "一般", "不满意"},      // 50, 25: 43.75
		{"满意", "不了解", "不了解"},     // 75, —: 75
		{"不了解", "不了解", "不了解"},    // no value
		{"非常满意", "非常满意", "非常满意"}, // invalid
	}
	valid := []bool{true, true, true, true, false}
	assessment := []assess.Row{{Dimension: "执行过程", Max: 10, Score: 8}, {Dimension: "细则标准", Max: 10, Score: 2}}
	officers := []assess.Feedback{{Process: ptr(90.0)}, {Process: ptr(70.0)}, {Standards: ptr(10.0)}}
	cases := []struct {
		name     string
		rows     [][]string
		valid    []bool // nil: all valid
		srcRows  []assess.Row
		officers []assess.Feedback
		survey   *float64
		n        int
		rate     *float64
		alphaN   int
		score    *float64
		held     string
		warnings int
	}{
		{name: "survey only", rows: rows, valid: valid,
			// 便捷: 87.5, 50, 75 → 70.83̅; 态度: 75, 25 → 50; S_d = (3·70.83̅ + 50)/4 = 65.625
			survey: ptr(65.625), n: 3, rate: ptr(2.0 / 3), alphaN: 2, score: ptr(65.625)},
		{name: "three sources", rows: rows, valid: valid, srcRows: assessment, officers: officers,
			// A = 80, O = 80: C = 0.6·65.625 + 0.3·80 + 0.1·80 = 71.375
			survey: ptr(65.625), n: 3, rate: ptr(2.0 / 3), alphaN: 2, score: ptr(71.375)},
		{name: "empty group: no responses, other sources", srcRows: assessment, officers: officers,
			score: ptr(80.0)}, // (0.3·80 + 0.1·80)/0.4
		{name: "nothing at all"},
		{name: "a held-back indicator holds the dimension back", rows: append(rows[:4:4], []string{"随便吧", "满意", "满意"}),
			// 态度 alone gives respondent values (75, 25, 75); α needs Q1–Q3 complete (rows 1, 2)
			srcRows: assessment, n: 3, alphaN: 2, held: "指标“便捷”暂缓计分", warnings: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := NewScheme()
			sc.Dimensions.Process.Indicators = []IndicatorSpec{
				{Name: "便捷", Weight: 3, Questions: []string{"Q1", "Q2"}}, {Name: "态度", Weight: 1, Questions: []string{"Q3"}}}
			r := stepRun(t, sc, stepQuestions(3), c.rows, c.valid...)
			calcs, _ := mapIndicators(sc, r.ix)
			for _, ic := range calcs["process"] {
				r.indicatorValues(ic)
			}
			d, warnings := r.dimension("process", calcs["process"], c.srcRows, c.officers)
			if d.Key != "process" || d.Name != "执行过程" || !sameFloat(d.Weight, 1.0/3) || len(d.Indicators) != 2 {
				t.Errorf("dimension %s %s %g with %d indicators", d.Key, d.Name, d.Weight, len(d.Indicators))
			}
			if !samePtr(d.Survey, c.survey) || d.N != c.n || !samePtr(d.SatisfactionRate, c.rate) || d.AlphaN != c.alphaN || !samePtr(d.Score, c.score) {
				t.Errorf("survey %s n %d rate %s α n %d score %s, want %s %d %s %d %s", showPtr(d.Survey), d.N, showPtr(d.SatisfactionRate),
					d.AlphaN, showPtr(d.Score), showPtr(c.survey), c.n, showPtr(c.rate), c.alphaN, showPtr(c.score))
			}
			if c.held == "" && d.HeldBack != "" || !strings.Contains(d.HeldBack, c.held) || len(warnings) != c.warnings {
				t.Errorf("held back %q, warnings %q; want %q and %d", d.HeldBack, warnings, c.held, c.warnings)
			}
			if c.held != "" && (d.CI95 != nil || d.SatisfactionRate != nil) {
				t.Errorf("held-back dimension has a CI %v or a rate %s", d.CI95, showPtr(d.SatisfactionRate))
			}
		})
	}
}
