package reports

import (
	"strings"
	"time"

	"github.com/gongping/gongping/data/narrative"
)

// surveyPeriod is the first and last submission day of the round's valid responses (zero when unknown).
func surveyPeriod(in Input) (from, to time.Time) {
	if in.Survey == nil {
		return
	}
	ex := in.Result.ExcludedIDs()
	for _, r := range in.Survey.Responses {
		if ex[r.ID] || r.Submitted.IsZero() {
			continue
		}
		if from.IsZero() || r.Submitted.Before(from) {
			from = r.Submitted
		}
		if to.IsZero() || r.Submitted.After(to) {
			to = r.Submitted
		}
	}
	return from, to
}

// groups turns the breakdowns into tables, dimensions in the report's order.
func (a *assembler) groups(r *Report, in Input) {
	for _, b := range in.Breakdowns {
		if b == nil || len(b.Groups) == 0 {
			continue
		}
		g := GroupTable{Question: a.t(narrative.QuestionText(b.Text))}
		for _, gr := range b.Groups {
			row := GroupRow{Value: a.tc(gr.Value), N: gr.N, Composite: gr.Composite}
			for _, d := range r.Dimensions {
				var v *float64
				for _, gd := range gr.Dimensions {
					if gd.Key == d.Key {
						v = gd.Score
					}
				}
				row.Scores = append(row.Scores, v)
			}
			g.Groups = append(g.Groups, row)
		}
		r.Groups = append(r.Groups, g)
	}
}

// on reports whether a section is published (only optional ones can be left out).
func (r *Report) on(k narrative.Section) bool { return !r.Off[k] }

// texts fills r.Texts: the team's text of a section when there is one, else GongPing's draft. Both are
// masked like every other text (a draft quotes imported names, counted where they first appear).
func (a *assembler) texts(r *Report, in Input) {
	ni := narrative.Inputs{
		Policy: in.Policy, Consultation: in.Consultation, Round: in.Round, Result: in.Result, ScoreError: in.ScoreError,
		Scheme: in.Scheme, Agency: in.Agency, Commissioner: in.Commissioner, Date: r.Date,
		SurveyFrom: r.SurveyFrom, SurveyTo: r.SurveyTo, Officers: in.Officers, Checks: in.Checks, Breakdowns: in.Breakdowns,
		Opinions: narrative.Opinions{Total: in.Opinions.Opinions, Clusters: in.Opinions.Clusters, Concentrated: in.Opinions.Concentrated,
			AdoptionRate: in.Opinions.AdoptionRate},
	}
	for _, rv := range in.Revisions {
		ni.Revisions = append(ni.Revisions, narrative.Revision{Clause: rv.Clause, Opinions: rv.OpinionCount, Findings: len(rv.Findings)})
	}
	for _, g := range r.OpenText {
		ni.Open = append(ni.Open, narrative.OpenQuestion{Question: g.Question, Answered: g.Answered, Empty: g.Empty, Distinct: len(g.Answers)})
	}
	for _, at := range r.attachments() {
		switch at.key {
		case narrative.Methods:
			ni.MethodsRef = at.label
		case narrative.Data:
			if r.on(narrative.Quotes) && len(r.OpenText) > 0 {
				ni.QuotesRef = at.label
			}
		}
	}
	r.Texts = map[narrative.Section]string{}
	for k, v := range narrative.Draft(ni) {
		r.Texts[k] = a.again(v)
	}
	for k, v := range in.Texts {
		if _, known := narrative.Lookup(k); known && strings.TrimSpace(v) != "" {
			r.Texts[k] = a.t(v)
		}
	}
}
