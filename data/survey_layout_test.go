package data

import "testing"

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
