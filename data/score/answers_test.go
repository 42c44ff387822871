package score

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

// Helpers shared by the tests of the method's steps (answers, indicators, dimensions, reliability,
// problems, directions, IPA, breakdown): hand-made rounds small enough to compute by hand.

// stepQuestions are single-choice questions Q1…Qn offering the five satisfaction options (so each
// question's scale is the default 100/75/50/25/0 whatever subset of it the answers use).
func stepQuestions(n int) []data.Question {
	qs := make([]data.Question, n)
	for i := range qs {
		qs[i] = data.Question{Key: fmt.Sprintf("Q%d", i+1), Num: i + 1, Text: fmt.Sprintf("第%d题", i+1), Type: data.QSingle, Options: likert5}
	}
	return qs
}

// stepRun is a run over hand-made answers, one row per response, every question's answers valued and
// every response valid unless valid (one per row) says otherwise.
func stepRun(t *testing.T, sc *Scheme, qs []data.Question, rows [][]string, valid ...bool) *run {
	t.Helper()
	if sc == nil {
		sc = NewScheme()
	}
	sd := &data.SurveyData{Questions: qs}
	for i, row := range rows {
		sd.Responses = append(sd.Responses, data.Response{ID: int64(i + 1), Duration: -1, Answers: row})
	}
	r := newRun(sc, sd)
	all := make([]int, len(qs))
	for i := range all {
		all[i] = i
	}
	if err := r.answerValues(context.Background(), all); err != nil {
		t.Fatal(err)
	}
	r.valid = valid
	if valid == nil {
		r.valid = make([]bool, len(rows))
		for i := range r.valid {
			r.valid[i] = true
		}
	}
	return r
}

// sameFloat is a == b within 1e-9, NaN equal to NaN.
func sameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9
}

func sameFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameFloat(a[i], b[i]) {
			return false
		}
	}
	return true
}

// samePtr compares optional values (nil = no value).
func samePtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return sameFloat(*a, *b)
}

func showPtr(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func TestAnswerValues(t *testing.T) {
	nan := math.NaN()
	single := func(opts ...string) []data.Question {
		return []data.Question{{Key: "Q1", Num: 1, Text: "办理便捷程度", Type: data.QSingle, Options: opts}}
	}
	rating := []data.Question{{Key: "Q1", Num: 1, Text: "打分（1-5分）", Type: data.QRating}}
	withScale := func(points, best int) *Scheme {
		sc := NewScheme()
		sc.Questions["Q1"] = Scale{Points: points, Best: best}
		return sc
	}
	cases := []struct {
		name    string
		sc      *Scheme
		qs      []data.Question
		answers []string
		want    []float64
		err     string // part of the error; "" = none
	}{
		{"labels on the default steps", nil, single(likert5...), likert5, []float64{100, 75, 50, 25, 0}, ""},
		{"blank and missing labels have no value", nil, single(likert5...), []string{"不了解", " ", "", "满意", "无法评价"}, []float64{nan, nan, nan, 75, nan}, ""},
		{"no responses", nil, single(likert5...), nil, []float64{}, ""},
		{"all missing", nil, single(likert5...), []string{"不清楚", "", "说不清"}, []float64{nan, nan, nan}, ""},
		{"an unknown label has no value", nil, single(likert5...), []string{"满意", "随便吧"}, []float64{75, nan}, ""},
		{"the scheme's label wins", func() *Scheme { sc := NewScheme(); sc.Likert.Labels["满意"] = 80; return sc }(), single(likert5...), []string{"满意", "一般"}, []float64{80, 50}, ""},
		{"numeric, best = points", withScale(5, 5), rating, []string{"5", "1", "3", "4"}, []float64{100, 0, 50, 75}, ""},
		{"numeric, best = 1", withScale(5, 1), rating, []string{"1", "5", "2"}, []float64{100, 0, 75}, ""},
		{"numeric off the scale", withScale(5, 5), rating, []string{"5", "9"}, []float64{100, nan}, ""},
		{"numeric without a declared scale", nil, rating, []string{"", "4"}, nil, "Q1"}, // one is enough
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := c.sc
			if sc == nil {
				sc = NewScheme()
			}
			sd := &data.SurveyData{Questions: c.qs}
			for i, a := range c.answers {
				sd.Responses = append(sd.Responses, data.Response{ID: int64(i + 1), Answers: []string{a}})
			}
			r := newRun(sc, sd)
			err := r.answerValues(context.Background(), []int{0})
			if c.err != "" {
				var ie *data.InputError
				if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want an InputError naming %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := r.vals[0]; !sameFloats(got, c.want) {
				t.Errorf("values = %v, want %v", got, c.want)
			}
		})
	}
}

func TestAnswerValuesCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := newRun(NewScheme(), &data.SurveyData{Questions: stepQuestions(1)})
	if err := r.answerValues(ctx, []int{0}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestAnswerWarnings(t *testing.T) {
	rating := func(sc *Scheme) *Scheme { sc.Questions["Q2"] = Scale{Points: 5, Best: 5}; return sc }
	qs := append(stepQuestions(1), data.Question{Key: "Q2", Num: 2, Text: "2、打分（1-5分）", Type: data.QRating})
	cases := []struct {
		name string
		rows [][]string
		want []string // each a part of one warning, in order
	}{
		{"nothing to say", [][]string{{"满意", "5"}, {"一般", "3"}}, nil},
		{"unknown labels, sorted", [][]string{{"随便吧", "5"}, {"还凑合", "3"}, {"随便吧", "4"}},
			[]string{"第1题“第1题”有无法识别的答案（按缺失处理）：还凑合、随便吧"}},
		{"numbers off the scale, counted once each", [][]string{{"满意", "7"}, {"满意", "7"}, {"满意", "0"}},
			[]string{"第2题“打分（1-5分）”有 2 种超出 1–5 分的数字答案"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := stepRun(t, rating(NewScheme()), qs, c.rows)
			got := r.answerWarnings([]int{0, 1})
			if len(got) != len(c.want) {
				t.Fatalf("warnings = %q, want %d", got, len(c.want))
			}
			for i := range got {
				if !strings.Contains(got[i], c.want[i]) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestQuestionName(t *testing.T) {
	cases := []struct {
		q    data.Question
		want string
	}{
		{data.Question{Num: 3, Text: "3、办理便捷程度"}, "第3题“办理便捷程度”"},
		{data.Question{Num: 3, Text: "Q3. 办理便捷程度"}, "第3题“办理便捷程度”"},
		{data.Question{Num: 3, Text: "30天内办结"}, "第3题“30天内办结”"}, // a number that is not the header's own
		{data.Question{Text: "  总体满意度 "}, "“总体满意度”"},
		{data.Question{Num: 1, Text: strings.Repeat("长", 30)}, "第1题“" + strings.Repeat("长", 24) + "…”"},
	}
	for _, c := range cases {
		if got := questionName(c.q); got != c.want {
			t.Errorf("questionName(%q) = %q, want %q", c.q.Text, got, c.want)
		}
	}
}
