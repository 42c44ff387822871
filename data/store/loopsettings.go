package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
)

// LoopSettings returns a policy's loop settings; ok is false when they were never set (data/loop then
// uses its defaults).
func (s *Store) LoopSettings(ctx context.Context, policyID int64) (st data.LoopSettings, ok bool, err error) {
	return loopSettings(ctx, s.db, policyID)
}

// LoopSettings is Store.LoopSettings inside the transaction.
func (tx *Tx) LoopSettings(ctx context.Context, policyID int64) (st data.LoopSettings, ok bool, err error) {
	return loopSettings(ctx, tx.tx, policyID)
}

func loopSettings(ctx context.Context, q querier, policyID int64) (data.LoopSettings, bool, error) {
	var st data.LoopSettings
	err := q.QueryRowContext(ctx, `SELECT similarity, concentrated_min FROM loop_settings WHERE policy_id=?`, policyID).
		Scan(&st.Similarity, &st.ConcentratedMin)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return st, false, fmt.Errorf("load loop settings of policy %d: %w", policyID, err)
	}
	return st, true, nil
}

// SetLoopSettings records (or replaces) a policy's loop settings.
func (tx *Tx) SetLoopSettings(ctx context.Context, policyID int64, st data.LoopSettings) error {
	if _, err := tx.tx.ExecContext(ctx, `INSERT INTO loop_settings (policy_id, similarity, concentrated_min) VALUES (?,?,?)
		ON CONFLICT(policy_id) DO UPDATE SET similarity=excluded.similarity, concentrated_min=excluded.concentrated_min`,
		policyID, st.Similarity, st.ConcentratedMin); err != nil {
		return fmt.Errorf("set loop settings: %w", err)
	}
	return nil
}
