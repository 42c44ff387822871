package loop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

// evaluationSummary returns the scoring engine's result for the policy's latest round, to freeze in an
// evaluation publication; nil when there is nothing to score yet (no round, no survey).
func evaluationSummary(ctx context.Context, s *store.Store, policyID int64) (any, error) {
	res, err := score.Score(ctx, s, policyID, "")
	var ie *data.InputError
	if errors.As(err, &ie) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Publish freezes what is published on date: the adoption feedback (what = feedback) or the evaluation
// summary with the revision records (what = evaluation). A later publication of the same kind is an
// amendment: a new dated version; the earlier versions stay as they were. An automatic backup is made
// first: a publication cannot be undone, the backup is the way back to before it.
func Publish(ctx context.Context, s *store.Store, policyID int64, what, date string) (Publication, error) {
	var pub Publication
	err := s.WithBackup(ctx, store.BackupPublish, func() error {
		var err error
		pub, err = publish(ctx, s, policyID, what, date, false)
		return err
	})
	return pub, err
}

// errDryRun rolls back a dry run.
var errDryRun = errors.New("dry run")

// CheckPublish tells whether Publish would succeed, without publishing: nil, or the refusal Publish
// would give (the window shows it before the user presses 公开).
func CheckPublish(ctx context.Context, s *store.Store, policyID int64, what, date string) error {
	_, err := publish(ctx, s, policyID, what, date, true)
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}

func publish(ctx context.Context, s *store.Store, policyID int64, what, date string, dryRun bool) (Publication, error) {
	d, err := data.ParseDate(date)
	if err != nil {
		return Publication{}, err
	}
	date = d.Format(data.DateLayout)
	p, err := s.Policy(ctx, policyID)
	if err != nil {
		return Publication{}, err
	}
	// A publication records what was made public; one dated ahead would let feedback_on_issue pass
	// before anything is public.
	if t := today(); date > t {
		return Publication{}, data.InputErrorf("公开日期 %s 晚于今天（%s）：请在实际公开当天或之后再记录", date, t)
	}
	var eval any
	var choices data.ReportChoices // the team's texts, settings and quotations of the report (evaluation)
	switch what {
	case WhatFeedback:
	case WhatEvaluation:
		if p.Issued == "" {
			return Publication{}, data.InputErrorf("政策尚未印发（未记录印发日期），执行后才能公开评价报告和修订情况")
		}
		if date < p.Issued {
			return Publication{}, data.InputErrorf("公开日期 %s 早于政策印发日期 %s：评价报告和修订情况应在政策执行后公开", date, p.Issued)
		}
		if eval, err = evaluationSummary(ctx, s, policyID); err != nil {
			return Publication{}, fmt.Errorf("evaluation summary: %w", err)
		}
		res, _ := eval.(*score.Result)
		if choices, err = ReportChoicesOf(ctx, s, policyID, "", res); err != nil {
			return Publication{}, fmt.Errorf("report choices: %w", err)
		}
	default:
		return Publication{}, data.InputErrorf("未知的公开内容 %q，可选：feedback（采纳情况）、evaluation（评价报告和修订情况）", what)
	}
	var pub Publication
	err = s.Tx(ctx, func(tx *store.Tx) error {
		prev, err := tx.Publications(ctx, policyID, what)
		if err != nil {
			return err
		}
		version := len(prev) + 1
		if len(prev) > 0 && date < prev[len(prev)-1].Date {
			return data.InputErrorf("公开日期 %s 早于上次公开的日期 %s", date, prev[len(prev)-1].Date)
		}
		if what == WhatFeedback {
			latest, err := tx.LatestDraftAmendment(ctx, policyID)
			if err != nil {
				return err
			}
			if date < latest {
				return data.InputErrorf("公开日期 %s 早于其中更正的日期 %s", date, latest)
			}
		}
		var snap any
		switch what {
		case WhatFeedback:
			fs, err := feedbackSnapshot(ctx, tx, policyID)
			if err != nil {
				return err
			}
			fs.Date, fs.Version = date, version
			snap = fs
		default:
			es, err := evaluationSnapshot(ctx, tx, policyID, eval)
			if err != nil {
				return err
			}
			if choices.Round != "" { // what the team wrote and chose, so the published report can be made again
				es.Report = &choices
			}
			es.Date, es.Version = date, version
			snap = es
		}
		js, err := json.Marshal(snap)
		if err != nil {
			return err
		}
		if len(prev) > 0 {
			last := prev[len(prev)-1]
			if same, err := sameContent(what, last.Snapshot, js); err != nil {
				return err
			} else if same {
				return data.InputErrorf("内容与 %s 公开的第 %d 版相同，无需再次公开", last.Date, last.Version)
			}
		}
		if dryRun {
			return errDryRun
		}
		made := Publication{PolicyID: policyID, What: what, Version: version, Date: date, Snapshot: js}
		if made.ID, err = tx.AddPublication(ctx, policyID, made); err != nil {
			return err
		}
		// Freeze what this publication contains: the feedback, every decision; the evaluation, the current
		// version of every revision record.
		if what == WhatFeedback {
			err = tx.FreezeDecisions(ctx, policyID, made.ID)
		} else {
			err = tx.FreezeRevisions(ctx, policyID, made.ID)
		}
		if err != nil {
			return err
		}
		pub = made
		return nil
	})
	return pub, err
}

// feedbackSnapshot builds the adoption feedback, refusing while a concentrated cluster is undecided or
// not adopted without a reason.
func feedbackSnapshot(ctx context.Context, tx *store.Tx, policyID int64) (FeedbackSnapshot, error) {
	st, err := loadState(ctx, tx, policyID)
	if err != nil {
		return FeedbackSnapshot{}, err
	}
	fs := FeedbackSnapshot{Policy: policyID, Opinions: len(st.opinions), ConcentratedMin: st.settings.ConcentratedMin,
		Counts: map[string]int{}, Clusters: []PublishedCluster{}}
	// What is published carries no personal data: the representative texts are masked (phones, ID
	// numbers, e-mail and IP addresses, the submitters' names).
	masker := privacy.NewMasker()
	for _, o := range st.opinions {
		masker.AddName(o.Submitter)
	}
	var undecided, noReason []int64
	for _, c := range st.clusterList() {
		if c.Concentrated && c.Undecided > 0 {
			undecided = append(undecided, c.ID)
		}
		if c.Concentrated && c.MissingReasons > 0 {
			noReason = append(noReason, c.ID)
		}
		pc := PublishedCluster{ID: c.ID, Size: c.Size, Concentrated: c.Concentrated, Representative: masker.Mask(c.Representative),
			Clauses: c.Clauses, Amended: c.Amended}
		if c.Decision != nil {
			pc.Decision, pc.Reason = *c.Decision, *c.Reason
		}
		fs.Clusters = append(fs.Clusters, pc)
	}
	if len(undecided) > 0 {
		return fs, data.InputErrorf("较为集中的意见分组 %s 尚未作出处理意见，暂不能公开采纳情况", idList(undecided))
	}
	if len(noReason) > 0 {
		return fs, data.InputErrorf("较为集中的意见分组 %s 未完全采纳但没有说明理由，暂不能公开采纳情况", idList(noReason))
	}
	fs.Decided = []PublishedOpinion{}
	for _, o := range st.opinionList() {
		if o.Decision != nil {
			fs.Counts[*o.Decision]++
		} else {
			fs.Counts[""]++
		}
		if o.OwnDecision {
			fs.Decided = append(fs.Decided, PublishedOpinion{ID: o.ID, Cluster: o.Cluster, Content: masker.Mask(o.Content),
				Clause: o.Clause, Decision: *o.Decision, Reason: *o.Reason})
		}
	}
	return fs, nil
}

func evaluationSnapshot(ctx context.Context, tx *store.Tx, policyID int64, eval any) (EvaluationSnapshot, error) {
	es := EvaluationSnapshot{Policy: policyID}
	if eval != nil {
		b, err := json.Marshal(eval)
		if err != nil {
			return es, fmt.Errorf("evaluation summary: %w", err)
		}
		if string(b) != "null" {
			es.Evaluation = b
		}
	}
	revs, err := tx.RevisionVersions(ctx, policyID)
	if err != nil {
		return es, err
	}
	es.Revisions = withDiffs(currentRevisions(revs))
	for i := range es.Revisions {
		es.Revisions[i].Publication = nil // frozen by this publication; the row says which
	}
	if es.Evaluation == nil && len(es.Revisions) == 0 {
		return es, data.InputErrorf("尚无评价结果或修订记录，暂不能公开评价报告和修订情况")
	}
	return es, nil
}

// sameContent tells whether two snapshots of one kind publish the same thing (dates and versions aside).
func sameContent(what string, a, b json.RawMessage) (bool, error) {
	norm := func(raw json.RawMessage) (string, error) {
		var v any
		if what == WhatFeedback {
			var fs FeedbackSnapshot
			if err := json.Unmarshal(raw, &fs); err != nil {
				return "", err
			}
			fs.Date, fs.Version = "", 0
			v = fs
		} else {
			var es EvaluationSnapshot
			if err := json.Unmarshal(raw, &es); err != nil {
				return "", err
			}
			es.Date, es.Version = "", 0
			for i := range es.Revisions {
				es.Revisions[i].Publication = nil
			}
			v = es
		}
		out, err := json.Marshal(v)
		return string(out), err
	}
	x, err := norm(a)
	if err != nil {
		return false, fmt.Errorf("read earlier publication: %w", err)
	}
	y, err := norm(b)
	return x == y, err
}
