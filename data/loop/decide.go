package loop

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// DecideInput is one decision applied to one or more clusters and opinions at once (bulk).
type DecideInput struct {
	Clusters []int64
	Opinions []int64
	Decision string // 采纳 / 部分采纳 / 未采纳 / 不予处理 (English keys accepted, see ParseDecision)
	Reason   string
	Template int64  // a reason template id; used when Reason is empty
	Date     string // YYYY-MM-DD; today when empty
	// Amend must be set to change a decision that was already published: the change is then a new dated
	// version beside the published one, never an edit of it.
	Amend bool
}

// ParseDecision accepts a decision in Chinese or by its English key.
func ParseDecision(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case Adopted, "adopted", "adopt":
		return Adopted, nil
	case PartlyAdopted, "partly", "partial", "partly_adopted":
		return PartlyAdopted, nil
	case NotAdopted, "not_adopted", "rejected", "reject":
		return NotAdopted, nil
	case NotHandled, "not_handled", "ignored", "none":
		return NotHandled, nil
	}
	return "", data.InputErrorf("未知的处理意见 %q，可选：采纳、部分采纳、未采纳、不予处理", s)
}

// needsReason tells whether a decision on a concentrated cluster must give a reason: every decision
// short of full adoption (the measures: 未予采纳的较为集中意见要说明理由).
func needsReason(decision string) bool { return decision != Adopted }

// Decide records a decision for every cluster and opinion named, all or nothing.
func Decide(ctx context.Context, s *store.Store, policyID int64, in DecideInput) error {
	dec, err := ParseDecision(in.Decision)
	if err != nil {
		return err
	}
	if len(in.Clusters)+len(in.Opinions) == 0 {
		return data.InputErrorf("请选择要处理的意见分组或意见")
	}
	date, err := dateOrToday(in.Date)
	if err != nil {
		return err
	}
	if _, err := s.Policy(ctx, policyID); err != nil {
		return err
	}
	return s.Tx(ctx, func(tx *store.Tx) error {
		reason := cleanText(in.Reason)
		if reason == "" && in.Template != 0 {
			t, err := tx.ReasonTemplate(ctx, in.Template)
			if errors.Is(err, data.ErrNotFound) {
				return data.InputErrorf("没有编号为 %d 的理由模板", in.Template)
			}
			if err != nil {
				return err
			}
			reason = t.Text
		}
		if len([]rune(reason)) > maxReason {
			return data.InputErrorf("理由过长（最多 %d 字）", maxReason)
		}
		st, err := checkClusters(ctx, tx, policyID, in.Clusters...)
		if err != nil {
			return err
		}
		type target struct {
			key  [2]int64
			name string
		}
		var ts []target
		for _, id := range in.Clusters {
			c := st.clusters[id]
			if reason == "" && st.concentrated(c) && needsReason(dec) {
				return &data.InputError{Msg: fmt.Sprintf("分组 %d 是较为集中的意见（%d 条），%s须说明理由：请填写理由", id, len(c.members), dec), CLIHint: "--reason 理由"}
			}
			ts = append(ts, target{clusterKey(id), fmt.Sprintf("分组 %d", id)})
		}
		for _, id := range in.Opinions {
			i, ok := st.byID[id]
			if !ok {
				return &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的意见", policyID, id), Err: data.ErrNotFound}
			}
			if c := st.opinions[i].Cluster; c != nil && reason == "" && st.concentrated(st.clusters[*c]) && needsReason(dec) {
				return &data.InputError{Msg: fmt.Sprintf("意见 %d 属于较为集中的分组 %d，%s须说明理由：请填写理由", id, *c, dec), CLIHint: "--reason 理由"}
			}
			ts = append(ts, target{opinionKey(id), fmt.Sprintf("意见 %d", id)})
		}
		for _, t := range ts {
			cur := st.decisions[t.key]
			d := DecisionRecord{Decision: dec, Reason: reason, Date: date}
			if id := t.key[1]; t.key[0] == 0 {
				d.Cluster = &id
			} else {
				d.Opinion = &id
			}
			switch {
			case cur == nil:
				_, err = tx.AddDecision(ctx, policyID, d)
			case cur.Publication == nil:
				err = tx.UpdateDecision(ctx, cur.ID, dec, reason, date)
			case !in.Amend:
				return &data.InputError{Msg: fmt.Sprintf("%s 的处理意见已于 %s 公开，不能直接修改；如需更正，请以更正方式提交（注明更正日期，作为新的版本）", t.name, st.publishedOn(cur)),
					CLIHint: "--amend --date YYYY-MM-DD"}
			case date < st.publishedOn(cur):
				return data.InputErrorf("更正日期 %s 早于原处理意见的公开日期 %s", date, st.publishedOn(cur))
			case dec == cur.Decision && reason == cur.Reason:
				return data.InputErrorf("%s 的更正与 %s 公开的处理意见相同（%s），无需更正", t.name, st.publishedOn(cur), dec)
			default:
				d.Amends = &cur.ID
				_, err = tx.AddDecision(ctx, policyID, d)
			}
			if err != nil {
				return fmt.Errorf("decide %s: %w", t.name, err)
			}
		}
		return nil
	})
}

// ClearDecision removes the draft decision of clusters and opinions; a published one cannot be removed.
func ClearDecision(ctx context.Context, s *store.Store, policyID int64, clusters, opinions []int64) error {
	return s.Tx(ctx, func(tx *store.Tx) error {
		st, err := checkClusters(ctx, tx, policyID, clusters...)
		if err != nil {
			return err
		}
		var keys [][2]int64
		for _, id := range clusters {
			keys = append(keys, clusterKey(id))
		}
		for _, id := range opinions {
			if _, ok := st.byID[id]; !ok {
				return &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的意见", policyID, id), Err: data.ErrNotFound}
			}
			keys = append(keys, opinionKey(id))
		}
		for _, k := range keys {
			d := st.decisions[k]
			if d == nil {
				continue
			}
			if d.Publication != nil {
				return data.InputErrorf("处理意见已于 %s 公开，不能撤销；如需更正请提交更正", st.publishedOn(d))
			}
			if err := tx.DeleteDecision(ctx, d.ID); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddReasonTemplate stores a reusable reason and returns its id (the existing one for a known text).
func AddReasonTemplate(ctx context.Context, s *store.Store, text string) (int64, error) {
	text = cleanText(text)
	if text == "" || len([]rune(text)) > 500 {
		return 0, data.InputErrorf("理由模板应为 1 到 500 字")
	}
	return s.AddReasonTemplate(ctx, text)
}

// DeleteReasonTemplate removes a reusable reason (decisions keep their text).
func DeleteReasonTemplate(ctx context.Context, s *store.Store, id int64) error {
	err := s.DeleteReasonTemplate(ctx, id)
	if errors.Is(err, data.ErrNotFound) {
		return &data.InputError{Msg: fmt.Sprintf("没有编号为 %d 的理由模板", id), Err: data.ErrNotFound}
	}
	return err
}
