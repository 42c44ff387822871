package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// EnsureRound returns the round of that name, creating it on first use (data.RoundName: an empty name is
// data.DefaultRound).
func (tx *Tx) EnsureRound(ctx context.Context, policyID int64, name string) (data.Round, error) {
	name, err := data.RoundName(name)
	if err != nil {
		return data.Round{}, err
	}
	r := data.Round{PolicyID: policyID, Name: name}
	err = tx.tx.QueryRowContext(ctx, `SELECT id FROM rounds WHERE policy_id=? AND name=?`, policyID, name).Scan(&r.ID)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.tx.ExecContext(ctx, `INSERT INTO rounds (policy_id, name) VALUES (?,?)`, policyID, name)
		if err != nil {
			return r, fmt.Errorf("create round %q: %w", name, err)
		}
		r.ID, err = res.LastInsertId()
		return r, err
	}
	return r, err
}

// Rounds lists a policy's rounds, oldest first.
func (s *Store) Rounds(ctx context.Context, policyID int64) ([]data.Round, error) {
	return queryAll(ctx, s.db, func(rows *sql.Rows, r *data.Round) error {
		return rows.Scan(&r.ID, &r.PolicyID, &r.Name)
	}, `SELECT id, policy_id, name FROM rounds WHERE policy_id=? ORDER BY id`, policyID)
}

// ResolveRound finds the named round of a policy; an empty name means the latest round
// (and "默认" when the policy has none yet). A named round that does not exist is ErrNotFound.
func (s *Store) ResolveRound(ctx context.Context, policyID int64, name string) (data.Round, error) {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return data.Round{}, err
	}
	rs, err := s.Rounds(ctx, policyID)
	if err != nil {
		return data.Round{}, err
	}
	if strings.TrimSpace(name) == "" {
		if len(rs) == 0 {
			return data.Round{PolicyID: policyID, Name: data.DefaultRound}, &data.InputError{Msg: fmt.Sprintf("政策 %d 尚无评价轮次，请先导入问卷", policyID), Err: data.ErrNotFound}
		}
		return rs[len(rs)-1], nil
	}
	for _, r := range rs {
		if r.Name == strings.TrimSpace(name) {
			return r, nil
		}
	}
	return data.Round{PolicyID: policyID, Name: name}, &data.InputError{Msg: fmt.Sprintf("政策 %d 没有名为 %q 的评价轮次", policyID, name), Err: data.ErrNotFound}
}

// Round returns a round by id, or ErrNotFound.
func (s *Store) Round(ctx context.Context, roundID int64) (data.Round, error) {
	r := data.Round{ID: roundID}
	err := s.db.QueryRowContext(ctx, `SELECT policy_id, name FROM rounds WHERE id=?`, roundID).Scan(&r.PolicyID, &r.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return r, &data.InputError{Msg: fmt.Sprintf("评价轮次 %d 不存在", roundID), Err: data.ErrNotFound}
	}
	return r, err
}
