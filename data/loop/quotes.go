package loop

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

// Quotations (引用) of open answers in the evaluation report, and what the team writes and chooses for a
// round's report (data.ReportChoices): one place that says which answers a report quotes, so that the
// window's list, the command line, the report and a publication's snapshot agree.

// Quote is one open answer of a round as the evaluation report would quote it.
type Quote struct {
	data.AnswerRef
	QuestionText string `json:"question_text"`
	Text         string `json:"text"`               // masked, as a published file shows it
	Proposed     string `json:"proposed,omitempty"` // why the automatic screen proposes not to quote it (privacy.ScreenQuote); "" when it does not
	// Choice is the team's choice: true = excluded (不引用), false = quoted (also against a proposal), nil =
	// none (the proposal stands).
	Choice   *bool `json:"choice"`
	Excluded bool  `json:"excluded"` // not quoted: by Choice, else by the proposal
}

// ListQuotes lists the open answers of sd a report quotes or would, in questionnaire order, then by
// response: the answers to open-text questions that are not withheld as personal (privacy.Withheld), of
// responses screening kept (screenedOut holds the others), that say something (not data.IsFiller). Each
// is masked by m; the screen proposes, choices decide.
func ListQuotes(sd *data.SurveyData, screenedOut map[int64]bool, m *privacy.Masker, choices map[data.AnswerRef]bool) []Quote {
	out := []Quote{}
	if sd == nil {
		return out
	}
	for qi, q := range sd.Questions {
		if q.Type != data.QOpenText || privacy.Withheld(q) {
			continue
		}
		qtext := m.Mask(q.Text)
		for _, resp := range sd.Responses {
			if screenedOut[resp.ID] || qi >= len(resp.Answers) {
				continue
			}
			ans := strings.TrimSpace(resp.Answers[qi])
			if ans == "" || data.IsFiller(ans) {
				continue
			}
			qt := Quote{AnswerRef: data.AnswerRef{Response: resp.ID, Question: q.Key}, QuestionText: qtext, Text: m.Mask(ans)}
			qt.Proposed = privacy.ScreenQuote(qt.Text)
			if c, ok := choices[qt.AnswerRef]; ok {
				qt.Choice = &c
				qt.Excluded = c
			} else {
				qt.Excluded = qt.Proposed != ""
			}
			out = append(out, qt)
		}
	}
	return out
}

// Excluded returns the answers of qs that are not quoted, by response then question, each with the
// proposal's reason when the team left the proposal standing.
func Excluded(qs []Quote) []data.ExcludedQuote {
	out := []data.ExcludedQuote{}
	for _, q := range qs {
		if !q.Excluded {
			continue
		}
		e := data.ExcludedQuote{AnswerRef: q.AnswerRef}
		if q.Choice == nil {
			e.Reason = q.Proposed
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b data.ExcludedQuote) int {
		if a.Response != b.Response {
			return int(a.Response - b.Response)
		}
		return strings.Compare(a.Question, b.Question)
	})
	return out
}

// PublishedNames are the names every published text of the policy masks besides the survey's own:
// the 体验官 (their feedback is signed) and the submitters of opinions.
func PublishedNames(ctx context.Context, s *store.Store, policyID int64) ([]string, error) {
	var names []string
	officers, err := s.Officers(ctx, policyID)
	if err != nil {
		return nil, err
	}
	for _, o := range officers {
		names = append(names, o.Name)
	}
	ops, err := s.Opinions(ctx, policyID)
	if err != nil {
		return nil, err
	}
	for _, o := range ops {
		if o.Submitter != "" {
			names = append(names, o.Submitter)
		}
	}
	return names, nil
}

// RoundQuotes is the quotations of one round with what they were listed from.
type RoundQuotes struct {
	Round  data.Round
	Quotes []Quote
}

// Quotes lists the open answers of the round (the latest when roundName is "") the report would quote,
// as ListQuotes does, with the team's choices. res, when not nil, is the round's score result (its
// screening); otherwise the round is scored here. A round that cannot be scored (no scheme yet) lists
// every response's answers.
func Quotes(ctx context.Context, s *store.Store, policyID int64, roundName string, res *score.Result) (RoundQuotes, error) {
	r, err := s.ResolveRound(ctx, policyID, roundName)
	if err != nil {
		return RoundQuotes{Round: r, Quotes: []Quote{}}, err
	}
	out := RoundQuotes{Round: r, Quotes: []Quote{}}
	sd, err := s.SurveyData(ctx, r.ID)
	if errors.Is(err, data.ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	if res == nil {
		res, err = score.ScoreWith(ctx, s, policyID, score.Options{Round: r.Name, Survey: sd})
		var ie *data.InputError
		if errors.As(err, &ie) {
			res, err = nil, nil
		}
		if err != nil {
			return out, fmt.Errorf("score round %q: %w", r.Name, err)
		}
	}
	names, err := PublishedNames(ctx, s, policyID)
	if err != nil {
		return out, err
	}
	m := privacy.NewMasker(privacy.SurveyNames(sd)...)
	for _, n := range names {
		m.AddName(n)
	}
	choices, err := s.QuoteChoices(ctx, r.ID)
	if err != nil {
		return out, err
	}
	out.Quotes = ListQuotes(sd, res.ExcludedIDs(), m, choices)
	return out, nil
}

// SetQuote records the team's choice about quoting answer a of the round (excluded true: 排除; false:
// 恢复引用, quoted even when the screen proposes otherwise); choice nil drops the choice, so the proposal
// stands again. Only an open-text question's answers are quoted, so only they take a choice.
func SetQuote(ctx context.Context, s *store.Store, policyID int64, roundName string, a data.AnswerRef, choice *bool) error {
	r, err := s.ResolveRound(ctx, policyID, roundName)
	if err != nil {
		return err
	}
	qs, err := s.SurveyQuestions(ctx, r.ID)
	if err != nil {
		return err
	}
	i, ok := data.FindQuestion(qs, a.Question)
	if !ok {
		return &data.InputError{Msg: fmt.Sprintf("评价轮次「%s」的问卷没有%s", r.Name, data.RefName(a.Question)), Err: data.ErrNotFound}
	}
	if qs[i].Type != data.QOpenText {
		return data.InputErrorf("%s不是文字题，报告不引用它的回答", data.RefName(qs[i].Key))
	}
	a.Question = qs[i].Key
	if choice == nil {
		return s.ClearQuoteChoice(ctx, r.ID, a)
	}
	return s.SetQuoteChoice(ctx, r.ID, a, *choice)
}

// ReportChoicesOf gathers what the team wrote and chose for the round's report (the latest round when
// roundName is ""): its texts, its settings with the agency inherited from an earlier round, and the
// answers not quoted. res is the round's score result when the caller has it (nil: scored here). A policy
// with no round has none: the zero choices.
func ReportChoicesOf(ctx context.Context, s *store.Store, policyID int64, roundName string, res *score.Result) (data.ReportChoices, error) {
	c := data.ReportChoices{Texts: map[string]string{}, Settings: data.ReportSettings{Off: []string{}}, Excluded: []data.ExcludedQuote{}}
	rq, err := Quotes(ctx, s, policyID, roundName, res)
	if roundName == "" && errors.Is(err, data.ErrNotFound) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	r := rq.Round
	c.Round = r.Name
	c.Excluded = Excluded(rq.Quotes)
	texts, err := s.ReportTexts(ctx, r.ID)
	if err != nil {
		return c, err
	}
	for k, t := range texts {
		c.Texts[k] = t.Text
	}
	own, _, err := s.ReportSettings(ctx, r.ID)
	if err != nil {
		return c, err
	}
	earlier, err := s.EarlierIssuer(ctx, policyID, r.ID)
	if err != nil {
		return c, err
	}
	c.Settings = own.InheritIssuer(earlier)
	return c, nil
}
