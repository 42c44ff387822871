package data

import (
	"strings"
	"testing"
)

func TestAssemble(t *testing.T) {
	slots := []string{"1", "0", "1", "", "2", "1", "3", "网站,APP", "Y", ""}
	cases := []struct {
		l    QuestionLayout
		want string
	}{
		{QuestionLayout{Kind: AssembleValue, Slots: []int{0}}, "1"},
		{QuestionLayout{Kind: AssembleFlags, Slots: []int{0, 1, 2, 3}, Labels: []string{"A", "B", "C", "D"}}, "A┋C"},
		{QuestionLayout{Kind: AssembleFlags, Slots: []int{8, 9}, Labels: []string{"是", "否"}}, "是"},
		{QuestionLayout{Kind: AssembleRanks, Slots: []int{4, 5, 6, 1}, Labels: []string{"A", "B", "C", "D"}}, "B┋A┋C"},
		{QuestionLayout{Kind: AssembleOrdered, Slots: []int{7, 3, 8}}, "网站,APP┋Y"},
		{QuestionLayout{Kind: AssembleValue, Slots: []int{7}, Sep: ","}, "网站┋APP"},
		{QuestionLayout{Kind: AssembleValue, Slots: []int{42}}, ""},
	}
	for i, c := range cases {
		if got := c.l.Assemble(slots); got != c.want {
			t.Errorf("case %d: %q, want %q", i, got, c.want)
		}
	}
}

func TestFindQuestion(t *testing.T) {
	qs := []Question{{Key: "Q1", Text: "1、您的身份"}, {Key: "Q5.2", Text: "5、(服务态度)"}}
	for ref, want := range map[string]int{"Q1": 0, "q1": 0, "1、您的身份": 0, "5、(服务态度)": 1, "Q5.2": 1, "Q9": -1, "": -1} {
		if got, ok := FindQuestion(qs, ref); got != want || ok != (want >= 0) {
			t.Errorf("FindQuestion(%q) = %d, %v; want %d", ref, got, ok, want)
		}
	}
}

// How one more file's questions join a round's: new keys appended in order, a known key keeps the type
// ranked higher (a multi-select anywhere is one) and gains the options it lacked; another header text
// under a known key is refused.
func TestMergeQuestions(t *testing.T) {
	round := []Question{
		{Key: "Q1", Text: "1、您的身份", Type: QSingle, Options: []string{"企业", "个人"}},
		{Key: "Q2", Text: "2、满意度", Type: QRating},
	}
	file := []QuestionLayout{
		{Question: Question{Key: "Q1", Text: " 1、您的身份 ", Type: QMulti, Options: []string{"个人", "社会组织"}}},
		{Question: Question{Key: "Q3", Text: "3、建议", Type: QOpenText}},
		{Question: Question{Key: "Q2", Text: "2、满意度", Type: QOpenText}},
	}
	got, err := MergeQuestions(append([]Question(nil), round...), file)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Type != QMulti || strings.Join(got[0].Options, ",") != "企业,个人,社会组织" ||
		got[1].Type != QRating || got[2].Key != "Q3" || got[2].Type != QOpenText {
		t.Errorf("merged = %+v", got)
	}
	_, err = MergeQuestions(round, []QuestionLayout{{Question: Question{Key: "Q2", Text: "2、另一份问卷的题目"}}})
	if _, ok := err.(*InputError); !ok || !strings.Contains(err.Error(), "题目 Q2 与本轮次已导入的问卷不一致") {
		t.Errorf("another questionnaire's Q2: %v", err)
	}
}

// Round and officer names: trimmed, an empty round name is DefaultRound, over 100 characters refused.
func TestRoundAndOfficerNames(t *testing.T) {
	long := strings.Repeat("名", 101)
	for in, want := range map[string]string{"": DefaultRound, "  2026年度 ": "2026年度", long: ""} {
		got, err := RoundName(in)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("RoundName(%q) = %q, %v", in, got, err)
		}
	}
	for in, want := range map[string]string{" 王建国 ": "王建国", "": "", " ": "", long: ""} {
		got, err := OfficerName(in)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("OfficerName(%q) = %q, %v", in, got, err)
		}
	}
}
