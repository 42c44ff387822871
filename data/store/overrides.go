package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
)

// Hand decisions about survey responses (response_overrides): keep a response whatever screening says, or
// exclude it.

// Override is the hand decision about one response.
type Override struct {
	Restore bool   // true: counted whatever screening says; false: excluded by hand
	Note    string // why
}

// SetOverride records (or replaces) the hand decision about response responseID of round roundID. A
// response that is not in that round is an error wrapping data.ErrNotFound; nothing is stored.
func (s *Store) SetOverride(ctx context.Context, roundID, responseID int64, o Override) error {
	var one int
	if err := s.db.QueryRowContext(ctx, `SELECT 1 FROM survey_responses WHERE id=? AND round_id=?`, responseID, roundID).Scan(&one); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("response %d of round %d: %w", responseID, roundID, data.ErrNotFound)
		}
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO response_overrides (response_id, round_id, restore, note) VALUES (?,?,?,?)
		ON CONFLICT(response_id) DO UPDATE SET restore=excluded.restore, note=excluded.note, at=strftime('%Y-%m-%dT%H:%M:%SZ','now')`,
		responseID, roundID, o.Restore, o.Note)
	if err != nil {
		return fmt.Errorf("override response %d: %w", responseID, err)
	}
	return nil
}

// ClearOverride drops the hand decision about a response.
func (s *Store) ClearOverride(ctx context.Context, responseID int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM response_overrides WHERE response_id=?`, responseID)
	return err
}

// Overrides are the hand decisions about a round's responses, by response id.
func (s *Store) Overrides(ctx context.Context, roundID int64) (map[int64]Override, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT response_id, restore, note FROM response_overrides WHERE round_id=?`, roundID)
	if err != nil {
		return nil, fmt.Errorf("overrides of round %d: %w", roundID, err)
	}
	defer rows.Close()
	out := map[int64]Override{}
	for rows.Next() {
		var id int64
		var o Override
		if err := rows.Scan(&id, &o.Restore, &o.Note); err != nil {
			return nil, err
		}
		out[id] = o
	}
	return out, rows.Err()
}
