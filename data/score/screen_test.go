package score

import (
	"context"
	"testing"

	"github.com/gongping/gongping/data"
)

// screenInput builds a round with four Likert questions all mapped to one indicator.
func screenInput(sc Screening, resp ...data.Response) Input {
	qs := []data.Question{{Key: "Q1", Num: 1, Text: "a"}, {Key: "Q2", Num: 2, Text: "b"}, {Key: "Q3", Num: 3, Text: "c"}, {Key: "Q4", Num: 4, Text: "d"}}
	s := NewScheme()
	s.Dimensions.Process.Indicators = []IndicatorSpec{{Name: "i", Weight: 1, Questions: []string{"Q1", "Q2", "Q3", "Q4"}}}
	s.Screening = sc
	return Input{Scheme: s, Survey: &data.SurveyData{Questions: qs, Responses: resp}}
}

func rsp(id int64, dur float64, ip, who string, ans ...string) data.Response {
	return data.Response{ID: id, Duration: dur, IP: ip, Respondent: who, Answers: ans}
}

func excluded(t *testing.T, in Input) ExcludedCount {
	t.Helper()
	res, err := Compute(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return res.Respondents.Excluded
}

func TestSpeederEdge(t *testing.T) {
	a := []string{"满意", "一般", "满意", "一般"}
	// Durations 30, 100, 100, 200 → median 100; limit 0.3 × 100 = 30: exactly 30 is kept, 29.9 is not.
	in := screenInput(Screening{Speeders: 0.3}, rsp(1, 30, "", "", a...), rsp(2, 100, "", "", a...), rsp(3, 100, "", "", a...), rsp(4, 200, "", "", a...), rsp(5, -1, "", "", a...))
	if got := excluded(t, in); got.Speeders != 0 {
		t.Errorf("30 s at a 30 s limit excluded: %+v", got)
	}
	in.Survey.Responses[0].Duration = 29.9
	// Median of 29.9, 100, 100, 200 is still 100.
	if got := excluded(t, in); got.Speeders != 1 {
		t.Errorf("29.9 s not excluded: %+v", got)
	}
	in.Scheme.Screening.Speeders = 0
	if got := excluded(t, in); got.Speeders != 0 {
		t.Errorf("speeders switched off still excluded: %+v", got)
	}
}

func TestStraightlinerEdge(t *testing.T) {
	same3 := rsp(1, -1, "", "", "满意", "满意", "满意", "")
	same3miss := rsp(2, -1, "", "", "满意", "满意", "不清楚", "满意")
	differ := rsp(3, -1, "", "", "满意", "满意", "满意", "一般")
	in := screenInput(Screening{StraightlineMinItems: 3}, same3, same3miss, differ)
	if got := excluded(t, in); got.Straightliners != 2 {
		t.Errorf("min 3: %+v, want 2 (3 answered the same; a missing label does not break the line)", got)
	}
	in.Scheme.Screening.StraightlineMinItems = 4
	if got := excluded(t, in); got.Straightliners != 0 {
		t.Errorf("min 4: %+v, want 0 (only 3 answered)", got)
	}
}

func TestDuplicateEdge(t *testing.T) {
	a := []string{"满意", "一般", "满意", "一般"}
	b := []string{"满意", "一般", "满意", "满意"}
	in := screenInput(Screening{Duplicates: true},
		rsp(1, -1, "1.2.3.4", "", a...),
		rsp(2, -1, "1.2.3.4", "", b...), // same IP, other answers: kept
		rsp(3, -1, "5.6.7.8", "", a...), // same answers, other IP: kept
		rsp(4, -1, "1.2.3.4", "", a...), // same IP and answers as 1: duplicate
		rsp(5, -1, "", "张三", b...),
		rsp(6, -1, "9.9.9.9", "张三", b...), // same respondent and answers as 5: duplicate
		rsp(7, -1, "", "", b...),          // nothing to match on: kept
	)
	res, err := Compute(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Respondents.Excluded.Duplicates != 2 || res.Excluded[0].ResponseID != 4 || res.Excluded[1].ResponseID != 6 {
		t.Errorf("duplicates: %+v", res.Excluded)
	}
	in.Scheme.Screening.Duplicates = false
	if got := excluded(t, in); got.Duplicates != 0 {
		t.Errorf("duplicates switched off: %+v", got)
	}
}

// Incomplete responses (未完成) are excluded first, do not lower the speeders' median, are never the
// original a later duplicate is measured against, and can be restored like any other.
func TestIncompleteExcluded(t *testing.T) {
	a := []string{"满意", "一般", "满意", "一般"}
	part := rsp(1, 5, "1.1.1.1", "", a...)
	part.Incomplete = true
	in := screenInput(Screening{Speeders: 0.3, Duplicates: true}, part, rsp(2, 100, "1.1.1.1", "", a...), rsp(3, 100, "", "", a...), rsp(4, 20, "", "", a...))
	res, err := Compute(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	// Median of 100, 100, 20 (the incomplete 5 s left out) is 100: 20 s is a speeder.
	want := ExcludedCount{Incomplete: 1, Speeders: 1}
	if got := res.Respondents.Excluded; got != want {
		t.Errorf("excluded %+v, want %+v (response 2 is no duplicate of an incomplete one)", got, want)
	}
	if res.Respondents.Valid != 2 || len(res.Excluded) != 2 || res.Excluded[0].Reason != ReasonIncomplete || res.Excluded[0].Detail == "" {
		t.Errorf("valid %d, excluded %+v", res.Respondents.Valid, res.Excluded)
	}
	// Restored by hand: a response like the others (its 100 s count in the median, and response 2, the
	// same answers from the same address, is now its duplicate).
	in.Survey.Responses[0].Duration = 100
	in.Overrides = map[int64]Override{1: {Restore: true}}
	res, _ = Compute(context.Background(), in)
	want = ExcludedCount{Speeders: 1, Duplicates: 1}
	if got := res.Respondents; got.Excluded != want || got.Restored != 1 || got.Valid != 2 {
		t.Errorf("restored: %+v, want excluded %+v, 1 restored, 2 valid", got, want)
	}
}
