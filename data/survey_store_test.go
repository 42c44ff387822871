package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestAnswerBlobRoundTrip(t *testing.T) {
	w := &SurveyWriter{}
	long := strings.Repeat("长", 200)
	slots := []string{"", "满意", long, "满意", "", "A┋B"}
	blob := w.encode(nil, slots)
	got, err := decodeSlots(blob, w.dictVals, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(slots) {
		t.Errorf("decoded %q, want %q", got, slots)
	}
	if len(w.dictVals[2]) != 0 {
		t.Errorf("a %d-byte value went into the dictionary", len(long))
	}
	// Corrupt blobs are errors, never panics.
	for _, bad := range [][]byte{{0x80}, {0x03}, {0x10, 'a'}} {
		if _, err := decodeSlots(bad, [][]string{{}}, nil); err == nil {
			t.Errorf("decodeSlots(%v) accepted", bad)
		}
	}
}

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

// BenchmarkSurveyWriter stores 100,000 responses of 53 answers (the store's share of an import).
func BenchmarkSurveyWriter(b *testing.B) {
	likert := []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	slots := make([]string, 53)
	for i := 0; i < b.N; i++ {
		s, err := Open(filepath.Join(b.TempDir(), "w.gpw"))
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		pid, err := s.AddPolicy(ctx, Policy{Title: "t", Dept: "d", Category: "其他"})
		if err != nil {
			b.Fatal(err)
		}
		err = s.Tx(ctx, func(tx *sql.Tx) error {
			r, err := EnsureRound(ctx, tx, pid, "r")
			if err != nil {
				return err
			}
			w, err := NewSurveyWriter(ctx, tx, r.ID, "f", "h", "wjx-text")
			if err != nil {
				return err
			}
			defer w.Close()
			for n := 0; n < 100000; n++ {
				for k := range slots {
					slots[k] = likert[(n+k)%5]
				}
				slots[9] = fmt.Sprintf("意见%d：希望窗口服务更便捷", n)
				m := ResponseMeta{Submitted: time.Date(2026, 11, 1, 10, 0, 0, 0, Beijing), Duration: 100, IP: "10.0.0.1"}
				if err := w.Add(ctx, n+2, m, slots); err != nil {
					return err
				}
			}
			_, err = w.Finish(ctx, nil, 100000, nil)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
