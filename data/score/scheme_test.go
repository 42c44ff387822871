package score

import (
	"bytes"
	"strings"
	"testing"
)

// The JSON and xlsx forms carry the same fields: JSON → xlsx → scheme → JSON is the identity.
func TestSchemeRoundTrip(t *testing.T) {
	sc := fixture().Scheme
	sc.Name = "测试方案"
	sc.Likert.Labels["还行"] = 60
	sc.Dimensions.Results.Name = "实施成效"
	sc.Screening.Duplicates = false
	j := sc.JSON()
	back, err := ParseSchemeJSON(j)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.JSON(), j) {
		t.Errorf("JSON round trip:\n%s\n%s", j, back.JSON())
	}
	var buf bytes.Buffer
	if err := sc.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	x, err := ParseSchemeXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.JSON(), j) {
		t.Errorf("xlsx round trip:\n%s\n%s", j, x.JSON())
	}
}

func TestSchemeJSONDefaultsAndErrors(t *testing.T) {
	sc, err := ParseSchemeJSON([]byte(`{"name":"x","dimensions":{"process":{"indicators":[{"name":"a","questions":["Q1"]}]}},"screening":{"duplicates":false}}`))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Dimensions.Process.Weight != 1 || sc.Dimensions.Process.Indicators[0].Weight != 1 || sc.Dimensions.Results.Weight != 1 {
		t.Errorf("default weights not filled: %+v", sc.Dimensions)
	}
	if sc.Screening != (Screening{Speeders: 0.3, StraightlineMinItems: 8, Duplicates: false}) || sc.Sources != DefaultSources {
		t.Errorf("defaults: %+v %+v", sc.Screening, sc.Sources)
	}
	for in, want := range map[string]string{
		`{"dimensions":{"outcome":{}}}`:                                       "outcome",
		`{"dimensions":{"process":{"weight":-1}}}`:                            "权重",
		`{"dimensions":{"process":{"indicators":[{"name":"a","weight":0}]}}}`: "指标“a”的权重",
		`{"questions":{"Q3":{"points":5,"best":3}}}`:                          "Q3",
		`{"nme":"x"}`: "nme",
		`{"dimensions":{"process":{"weight":"x"}}}`: "weight 的值应为数字",
		`{"screening":{"duplicates":1}}`:            "duplicates 的值应为true 或 false",
		`{"problems":["Q1",]}`:                      "语法错误",
		`{"name":"x"`:                               "不完整",
	} {
		_, err := ParseSchemeJSON([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to mention %s", in, err, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	in := fixture()
	sc := DefaultScheme("测试政策")
	sugs := Suggest(sc, in.Survey.Questions)
	got := map[string]string{}
	for _, s := range sugs {
		got[s.Question] = s.Role + ":" + s.Indicator
	}
	for q, want := range map[string]string{"Q2": "indicator:办理便捷度", "Q3": "indicator:服务态度与效率", "Q4": "indicator:政策宣传解读",
		"Q5": "problems:", "Q6": "directions:", "Q7": "overall:"} {
		if got[q] != want {
			t.Errorf("%s suggested as %q, want %q", q, got[q], want)
		}
	}
	sc.Apply(sugs, in.Survey.Questions)
	if sc.Overall != "Q7" || len(sc.Dimensions.Process.Indicators[1].Questions) != 1 {
		t.Errorf("applied: %s", sc.JSON())
	}
}

func TestSplitRefs(t *testing.T) {
	for in, want := range map[string]string{
		"Q3、Q4, q5":     "Q3|Q4|q5",
		"4、政策知晓程度；Q7":   "4、政策知晓程度|Q7",
		"您对办理时限、流程是否满意": "您对办理时限、流程是否满意",
		"": "",
	} {
		if got := strings.Join(splitRefs(in), "|"); got != want {
			t.Errorf("splitRefs(%q) = %q, want %q", in, got, want)
		}
	}
}
