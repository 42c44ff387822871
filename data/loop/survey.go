package loop

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// isNoComment tells whether an open answer carries no point: a filler, or fewer than 2 letters.
func isNoComment(s string) bool {
	if data.IsFiller(s) {
		return true
	}
	n := 0
	for _, seg := range segments(s) {
		n += len(seg)
	}
	return n < 2
}

// ImportSurvey takes the open-text answers of a survey round as opinions (source survey), skipping empty
// and "无" answers and answers taken before (a round that grew takes only its new answers). Respondent ids
// and names stay out of the opinions.
func ImportSurvey(ctx context.Context, s *store.Store, policyID int64, roundName string) (ImportSummary, error) {
	res := ImportSummary{Format: SourceSurvey, Warnings: []string{}, Columns: []string{}}
	r, err := s.ResolveRound(ctx, policyID, roundName)
	if err != nil {
		return res, err
	}
	res.File = "评价轮次「" + r.Name + "」"
	sd, err := s.SurveyData(ctx, r.ID)
	if err != nil {
		return res, err
	}
	var qs []int
	for i, q := range sd.Questions {
		if q.Type == data.QOpenText {
			qs = append(qs, i)
			res.Columns = append(res.Columns, fmt.Sprintf("%s %s", q.Key, q.Text))
		}
	}
	res.Questions = len(qs)
	if len(qs) == 0 {
		return res, data.InputErrorf("评价轮次「%s」的问卷没有开放题，没有可作为意见的回答", r.Name)
	}
	// Answers taken before (the round may have grown since) are not taken again.
	taken, err := s.OpinionSeqs(ctx, policyID, SourceSurvey)
	if err != nil {
		return res, err
	}
	var ops []Opinion
	long, again := 0, 0
	var lastID int64
	for _, resp := range sd.Responses {
		lastID = max(lastID, resp.ID)
		for _, qi := range qs {
			if qi >= len(resp.Answers) {
				continue
			}
			a := cleanText(resp.Answers[qi])
			if a == "" {
				continue
			}
			res.Rows++
			if isNoComment(a) {
				continue
			}
			if utf8.RuneCountInString(a) > MaxContent {
				a = string([]rune(a)[:MaxContent])
				long++
			}
			o := Opinion{PolicyID: policyID, Source: SourceSurvey, Content: a, Seq: fmt.Sprintf("r%d-%s-%d", r.ID, sd.Questions[qi].Key, resp.ID)}
			if taken[o.Seq] {
				again++
				continue
			}
			if !resp.Submitted.IsZero() {
				o.Submitted = resp.Submitted.Format("2006-01-02 15:04:05")
			}
			o.Clauses = ClausesInText(a)
			ops = append(ops, o)
		}
	}
	if long > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d 条回答超过 %d 字，已截断", long, MaxContent))
	}
	if skipped := res.Rows - len(ops) - again; skipped > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d 条回答为“无”“没有”等，未作为意见", skipped))
	}
	switch {
	case len(ops) == 0 && again > 0:
		return res, data.InputErrorf("评价轮次「%s」开放题的回答已全部导入过（%d 条），不会重复导入", r.Name, again)
	case len(ops) == 0:
		return res, data.InputErrorf("评价轮次「%s」的开放题没有实质内容的回答", r.Name)
	case again > 0:
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d 条回答此前已导入，本次只导入新增的回答", again))
	}
	if _, err := storeOpinions(ctx, s, policyID, SourceSurvey, res.File, fmt.Sprintf("round:%d:%d", r.ID, lastID), res.Rows, ops); err != nil {
		return res, err
	}
	res.Imported = len(ops)
	return res, fillClusterCounts(ctx, s, policyID, &res)
}
