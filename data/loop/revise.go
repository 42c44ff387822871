package loop

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Bounds of a revision record.
const (
	maxClauseText = 20000 // runes of the clause text before or after
	maxReason     = 2000
	maxFindings   = 50
	maxFinding    = 500
)

// RevisionInput is a revision record as the user writes it.
type RevisionInput struct {
	Clause   string
	Before   string
	After    string
	Reason   string
	Findings []string // evaluation findings (problems, directions) it answers
	Opinions []int64  // opinion ids it answers
	Clusters []int64  // cluster ids it answers
	Date     string   // date of the change, YYYY-MM-DD; today when empty
}

// withDiffs fills each version's diff of its clause text.
func withDiffs(revs []Revision) []Revision {
	for i := range revs {
		revs[i].Diff = Diff(revs[i].Before, revs[i].After)
	}
	return revs
}

// currentRevisions keeps the latest version of each record; revs must be ordered by record, version.
func currentRevisions(revs []Revision) []Revision {
	out := []Revision{}
	for i, r := range revs {
		if i+1 < len(revs) && revs[i+1].Record == r.Record {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Revisions lists the current version of each of a policy's revision records (withdrawn ones included,
// marked), in the order they were first recorded.
func Revisions(ctx context.Context, s *store.Store, policyID int64) ([]Revision, error) {
	revs, err := s.RevisionVersions(ctx, policyID)
	if err != nil {
		return nil, err
	}
	return withDiffs(currentRevisions(revs)), nil
}

// RevisionHistory lists every version of one revision record, oldest first.
func RevisionHistory(ctx context.Context, s *store.Store, policyID, record int64) ([]Revision, error) {
	revs, err := s.RevisionHistory(ctx, policyID, record)
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		return nil, &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的修订记录", policyID, record), Err: data.ErrNotFound}
	}
	return withDiffs(revs), nil
}

// today is the local date; a variable so tests can fix it.
var today = func() string { return time.Now().Format(data.DateLayout) }

func dateOrToday(d string) (string, error) {
	if strings.TrimSpace(d) == "" {
		return today(), nil
	}
	t, err := data.ParseDate(d)
	if err != nil {
		return "", err
	}
	return t.Format(data.DateLayout), nil
}

// validate cleans a revision input; the error says what to fix.
func (in *RevisionInput) validate(ctx context.Context, tx *store.Tx, policyID int64) error {
	in.Clause = NormalizeClause(cleanText(in.Clause))
	in.Before, in.After, in.Reason = cleanText(in.Before), cleanText(in.After), cleanText(in.Reason)
	switch {
	case in.Clause == "":
		return data.InputErrorf("请填写修订的条款（如 第五条）")
	case len([]rune(in.Clause)) > 100:
		return data.InputErrorf("条款名称过长（最多 100 字）")
	case in.Before == "" && in.After == "":
		return data.InputErrorf("请填写修订前或修订后的条文")
	case in.Before == in.After:
		return data.InputErrorf("修订前后的条文相同，没有修订内容")
	case len([]rune(in.Before)) > maxClauseText || len([]rune(in.After)) > maxClauseText:
		return data.InputErrorf("条文过长（每段最多 %d 字）", maxClauseText)
	case in.Reason == "":
		return data.InputErrorf("请填写修订理由")
	case len([]rune(in.Reason)) > maxReason:
		return data.InputErrorf("修订理由过长（最多 %d 字）", maxReason)
	case len(in.Findings) > maxFindings:
		return data.InputErrorf("关联的评价发现过多（最多 %d 条）", maxFindings)
	}
	var fs []string
	for _, f := range in.Findings {
		f = cleanText(f)
		if f == "" {
			continue
		}
		if len([]rune(f)) > maxFinding {
			return data.InputErrorf("评价发现过长（每条最多 %d 字）", maxFinding)
		}
		fs = append(fs, f)
	}
	in.Findings = fs
	d, err := dateOrToday(in.Date)
	if err != nil {
		return err
	}
	in.Date = d
	for _, id := range in.Opinions {
		ok, err := tx.HasOpinion(ctx, policyID, id)
		if err != nil {
			return err
		}
		if !ok {
			return data.InputErrorf("政策 %d 没有编号为 %d 的意见", policyID, id)
		}
	}
	for _, id := range in.Clusters {
		ok, err := tx.HasCluster(ctx, policyID, id)
		if err != nil {
			return err
		}
		if !ok {
			return data.InputErrorf("政策 %d 没有编号为 %d 的意见分组", policyID, id)
		}
	}
	return nil
}

// AddRevision records a new revision record and returns it.
func AddRevision(ctx context.Context, s *store.Store, policyID int64, in RevisionInput) (Revision, error) {
	return writeRevision(ctx, s, policyID, 0, in, false)
}

// EditRevision records a new version of revision record `record`; earlier versions stay as they were.
func EditRevision(ctx context.Context, s *store.Store, policyID, record int64, in RevisionInput) (Revision, error) {
	return writeRevision(ctx, s, policyID, record, in, false)
}

// WithdrawRevision records a version of `record` that withdraws it (the change is no longer made).
func WithdrawRevision(ctx context.Context, s *store.Store, policyID, record int64, date string) (Revision, error) {
	return writeRevision(ctx, s, policyID, record, RevisionInput{Date: date}, true)
}

func writeRevision(ctx context.Context, s *store.Store, policyID, record int64, in RevisionInput, withdraw bool) (Revision, error) {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return Revision{}, err
	}
	var id int64
	err := s.Tx(ctx, func(tx *store.Tx) error {
		version := 1
		var prevVersion *Revision // the latest version of record, when editing or withdrawing
		if record != 0 {
			p, err := tx.LatestRevision(ctx, policyID, record)
			if errors.Is(err, data.ErrNotFound) {
				return &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的修订记录", policyID, record), Err: data.ErrNotFound}
			}
			if err != nil {
				return err
			}
			prevVersion = &p
			if withdraw {
				if p.Withdrawn {
					return data.InputErrorf("修订记录 %d 已撤回", record)
				}
				d := in.Date
				in = RevisionInput{Clause: p.Clause, Before: p.Before, After: p.After, Reason: p.Reason, Findings: p.Findings,
					Opinions: p.Opinions, Clusters: p.Clusters, Date: d}
			}
			version = p.Version + 1
		} else if withdraw {
			return data.InputErrorf("请指定要撤回的修订记录")
		}
		if err := in.validate(ctx, tx, policyID); err != nil {
			return err
		}
		if p := prevVersion; p != nil {
			// Versions follow one another in time, and a version changes something.
			if in.Date < p.Date {
				return data.InputErrorf("日期 %s 早于修订记录 %d 第 %d 版的日期 %s", in.Date, record, p.Version, p.Date)
			}
			if !withdraw && !p.Withdrawn && in.Clause == p.Clause && in.Before == p.Before && in.After == p.After &&
				in.Reason == p.Reason && slices.Equal(in.Findings, p.Findings) && slices.Equal(in.Opinions, p.Opinions) &&
				slices.Equal(in.Clusters, p.Clusters) {
				return data.InputErrorf("与修订记录 %d 第 %d 版相同，没有修改", record, p.Version)
			}
		}
		var err error
		id, err = tx.AddRevision(ctx, policyID, Revision{Record: record, Version: version, Clause: in.Clause, Before: in.Before,
			After: in.After, Reason: in.Reason, Findings: in.Findings, Opinions: in.Opinions, Clusters: in.Clusters, Date: in.Date,
			Withdrawn: withdraw})
		return err
	})
	if err != nil {
		return Revision{}, err
	}
	r, err := s.Revision(ctx, id)
	if err != nil {
		return Revision{}, fmt.Errorf("read revision %d: %w", id, err)
	}
	r.Diff = Diff(r.Before, r.After)
	return r, nil
}
