package score

import (
	"context"
	"strings"
	"testing"
)

// Scales beyond DESIGN's default labels, read through the real importer (testdata/likert_scales.csv,
// ten respondents, every one valid). Each question is its own indicator; the expected scores:
//
//	Q1 完全同意 3, 比较同意 3, 一般 2, 不太同意 1, 完全不同意 1 — the 5-point agreement scale 100/75/50/25/0:
//	   (3·100 + 3·75 + 2·50 + 25 + 0)/10 = 65. (Before: 完全… dropped, (225+100+25)/6 = 58.3.)
//	Q2 满意 4, 较满意 3, 较不满意 2, 不满意 1 — a 4-point scale, 满意 is its top: 100/66.7/33.3/0:
//	   (400 + 200 + 66.67 + 0)/10 = 66.667. (Before: 满意 75, 较… dropped, (300+25)/5 = 65.)
//	Q3 the 7-point 非常满意 1, 满意 3, 比较满意 2, 一般 1, 不太满意 1, 不满意 1, 非常不满意 1 — steps of 100/6:
//	   (100 + 3·83.33 + 2·66.67 + 50 + 33.33 + 16.67 + 0)/10 = 58.333. (Before: 57.5.)
//	Q4 非常重要 4, 比较重要 3, 一般 2, 不太重要 1 — importance, 5 points (非常不重要 unseen): 100/75/50/25:
//	   (400 + 225 + 100 + 25)/10 = 75. (Before: nothing known, no score.)
//	Q5 5分 3, 4分 3 + ４分 1, 3 分 2, 2分 1 — no scale declared, the highest is ≤ 5: five points, 5 best:
//	   (300 + 4·75 + 2·50 + 25)/10 = 72.5, with a warning that the scale was inferred.
//	Q6 10分 2, 9分 3, 8分 3, 6分 2 — ten points: (n−1)/9·100:
//	   (2·100 + 3·88.889 + 3·77.778 + 2·55.556)/10 = 81.111.
func TestLikertScalesInferred(t *testing.T) {
	ctx := context.Background()
	s, id := surveyWorkspace(t, "likert_scales.csv")
	sc := likertScheme()
	if err := SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	res, err := Score(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	inds := res.Dimensions[0].Indicators
	for i, want := range []float64{65, 200.0 / 3, 175.0 / 3, 75, 72.5, 730.0 / 9} {
		if inds[i].N != 10 {
			t.Errorf("%s: n = %d, want 10", inds[i].Name, inds[i].N)
		}
		near(t, inds[i].Name, inds[i].Score, want, 1e-9)
	}
	all := strings.Join(res.Warnings, "\n")
	for _, w := range []string{
		"第2题“您对窗口办理服务的满意程度”：选项按 4 级满意度量表计分（满意 100、较满意 66.7、较不满意 33.3、不满意 0）",
		"第4题“您认为本政策对企业发展的重要程度”：选项按 5 级重要性量表计分（非常重要 100、比较重要 75、一般 50、不太重要 25）",
		"没有出现“非常不重要”",
		"第5题“请为网上申报系统的易用性打分”：打分答案（如“4分”）按 1–5 分计",
		"第6题“请为政策整体实施效果打分（1-10分）”：打分答案（如“4分”）按 1–10 分计",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q in\n%s", w, all)
		}
	}
	if strings.Contains(all, "无法识别") || strings.Contains(all, "Q") {
		t.Errorf("warnings name unknown answers or question keys:\n%s", all)
	}
}

// The scheme's own labels and scales win over what is inferred: 较满意 70 on Q2 gives
// (400 + 3·70 + 2·33.33 + 0)/10 = 67.667; Q5 declared 1–5 (5 best) scores the same 72.5 with no
// inference warning.
func TestLikertSchemeWins(t *testing.T) {
	ctx := context.Background()
	s, id := surveyWorkspace(t, "likert_scales.csv")
	sc := likertScheme()
	sc.Likert.Labels["较满意"] = 70
	sc.Questions["Q5"] = Scale{Points: 5, Best: 5}
	if err := SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	res, err := Score(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	inds := res.Dimensions[0].Indicators
	near(t, "Q2", inds[1].Score, (400+210+200.0/3)/10, 1e-9)
	near(t, "Q5", inds[4].Score, 72.5, 1e-9)
	all := strings.Join(res.Warnings, "\n")
	if strings.Contains(all, "第5题") {
		t.Errorf("declared scale still warned about:\n%s", all)
	}
	if !strings.Contains(all, "较满意 70") {
		t.Errorf("the mapping shown does not use the scheme's 较满意 70:\n%s", all)
	}
}

func likertScheme() *Scheme {
	sc := NewScheme()
	for i, n := range []string{"条件清晰", "窗口服务", "兑现速度", "重要程度", "系统易用", "整体效果"} {
		sc.Dimensions.Process.Indicators = append(sc.Dimensions.Process.Indicators,
			IndicatorSpec{Name: n, Weight: 1, Questions: []string{"Q" + string(rune('1'+i))}})
	}
	return sc
}

// The scheme editor's mapping per question: the values the engine uses, best first.
func TestMappingOf(t *testing.T) {
	ctx := context.Background()
	s, id := surveyWorkspace(t, "likert_scales.csv")
	sc, _, qs, err := SchemeToEdit(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	m := MappingOf(sc, qs, 1)
	var got []string
	for _, a := range m.Answers {
		got = append(got, a.Answer+" "+fmtValue(*a.Value))
	}
	if strings.Join(got, "、") != "满意 100、较满意 66.7、较不满意 33.3、不满意 0" || len(m.Notes) != 1 {
		t.Errorf("mapping of %s = %v, notes %q", m.Question, got, m.Notes)
	}
	m = MappingOf(sc, qs, 4)
	if len(m.Answers) == 0 || m.Answers[0].Value == nil || len(m.Notes) != 1 || !strings.Contains(m.Notes[0], "1–5 分") {
		t.Errorf("mapping of %s = %+v, notes %q", m.Question, m.Answers, m.Notes)
	}
}
