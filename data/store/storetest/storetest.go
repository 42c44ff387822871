// Package storetest builds real workspaces for tests: a new SQLite file in the test's temporary folder
// (MustOpen) and the rows a test needs, written through the store's own methods (Policy, Round, Survey).
// No mocks: what a test reads back is what the store wrote.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// MustOpen opens a new workspace (a file in tb's temporary folder), closed when the test ends.
func MustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "ws.gpw"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// Policy stores p and returns it with its ID. An empty title, department or category is filled in
// (测试政策, 市发展改革委, 营商环境), so Policy(tb, st, data.Policy{}) is a valid policy.
func Policy(tb testing.TB, st *store.Store, p data.Policy) data.Policy {
	tb.Helper()
	if p.Title == "" {
		p.Title = "测试政策"
	}
	if p.Dept == "" {
		p.Dept = "市发展改革委"
	}
	if p.Category == "" {
		p.Category = "营商环境"
	}
	id, err := st.AddPolicy(context.Background(), p)
	if err != nil {
		tb.Fatal(err)
	}
	p, err = st.Policy(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// Round returns the round of that name of the policy, creating it on first use ("" is data.DefaultRound).
func Round(tb testing.TB, st *store.Store, policyID int64, name string) data.Round {
	tb.Helper()
	var rd data.Round
	err := st.Tx(context.Background(), func(tx *store.Tx) error {
		var err error
		rd, err = tx.EnsureRound(context.Background(), policyID, name)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return rd
}

// SurveyQuestions is the questionnaire Survey stores when given none: one satisfaction question and one
// open question.
var SurveyQuestions = []data.Question{
	{Key: "Q1", Num: 1, Text: "1、您对本政策的总体满意度", Type: data.QSingle, Options: []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}},
	{Key: "Q2", Num: 2, Text: "2、您的意见和建议", Type: data.QOpenText},
}

// SurveyAnswers are the responses Survey stores when given none, one row of answers each (for
// SurveyQuestions).
var SurveyAnswers = [][]string{
	{"非常满意", "办事更方便了"},
	{"满意", ""},
	{"一般", "希望简化材料"},
	{"不满意", "窗口排队时间长"},
}

// Survey imports one file's worth of responses into round rd: the questions qs (nil: SurveyQuestions),
// each answered by one row of answers (none given: SurveyAnswers; answers[i][k] answers qs[k], "" is
// missing). Each call is a separate import with its own file name.
func Survey(tb testing.TB, st *store.Store, rd data.Round, qs []data.Question, answers ...[]string) data.SurveyImport {
	tb.Helper()
	if qs == nil {
		qs = SurveyQuestions
	}
	if len(answers) == 0 {
		answers = SurveyAnswers
	}
	ctx := context.Background()
	n, err := st.SurveyImports(ctx, rd.ID)
	if err != nil {
		tb.Fatal(err)
	}
	name := fmt.Sprintf("survey%d.csv", len(n)+1)
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00", rd.ID, name)
	for _, a := range answers {
		fmt.Fprintln(h, strings.Join(a, "\x00"))
	}
	layout := make([]data.QuestionLayout, len(qs))
	for k, q := range qs {
		layout[k] = data.QuestionLayout{Question: q, Kind: data.AssembleValue, Slots: []int{k}}
	}
	var imp data.SurveyImport
	err = st.Tx(ctx, func(tx *store.Tx) error {
		w, err := tx.NewSurveyWriter(ctx, rd.ID, name, hex.EncodeToString(h.Sum(nil)), "generic")
		if err != nil {
			return err
		}
		defer w.Close()
		for i, a := range answers {
			if err := w.Add(ctx, i+2, data.ResponseMeta{Duration: -1}, a); err != nil {
				return err
			}
		}
		imp, err = w.Finish(ctx, layout, len(answers), nil)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return imp
}
