package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
)

// A policy's evaluation scheme (schemes: the current one, as JSON) and its history (scheme_versions:
// append-only, the database refuses to edit or delete a version). What the JSON says is data/score's.

// SchemeRecord is one version of a policy's scheme history as stored.
type SchemeRecord struct {
	Version int
	JSON    string
	Source  string // where it came from: a file name, 窗口, 恢复第 N 版 …
	SavedAt string
}

// Scheme returns the JSON of the policy's current scheme; ok is false when none was stored.
func (s *Store) Scheme(ctx context.Context, policyID int64) (js string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT json FROM schemes WHERE policy_id=?`, policyID).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("scheme of policy %d: %w", policyID, err)
	}
	return js, true, nil
}

// SchemeVersionOf is the newest version of the policy's scheme history whose JSON is js; 0 when none is.
func (s *Store) SchemeVersionOf(ctx context.Context, policyID int64, js string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM scheme_versions WHERE policy_id=? AND json=?`, policyID, js).Scan(&n)
	return n, err
}

// SchemeHistory lists every version of the policy's scheme history, oldest first.
func (s *Store) SchemeHistory(ctx context.Context, policyID int64) ([]SchemeRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version, json, source, saved_at FROM scheme_versions WHERE policy_id=? ORDER BY version`, policyID)
	if err != nil {
		return nil, fmt.Errorf("scheme history of policy %d: %w", policyID, err)
	}
	defer rows.Close()
	out := []SchemeRecord{}
	for rows.Next() {
		var r SchemeRecord
		if err := rows.Scan(&r.Version, &r.JSON, &r.Source, &r.SavedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SchemeVersion returns the JSON of version n of the policy's scheme history, or an error wrapping
// data.ErrNotFound.
func (s *Store) SchemeVersion(ctx context.Context, policyID int64, n int) (string, error) {
	var js string
	err := s.db.QueryRowContext(ctx, `SELECT json FROM scheme_versions WHERE policy_id=? AND version=?`, policyID, n).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("scheme version %d of policy %d: %w", n, policyID, data.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("scheme version %d of policy %d: %w", n, policyID, err)
	}
	return js, nil
}

// AddSchemeVersion appends js to the policy's scheme history as its newest version and returns the version.
func (tx *Tx) AddSchemeVersion(ctx context.Context, policyID int64, js, source string) (int, error) {
	var n int
	if err := tx.tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM scheme_versions WHERE policy_id=?`, policyID).Scan(&n); err != nil {
		return 0, err
	}
	n++
	if _, err := tx.tx.ExecContext(ctx, `INSERT INTO scheme_versions (policy_id, version, json, source) VALUES (?,?,?,?)`, policyID, n, js, source); err != nil {
		return 0, fmt.Errorf("keep scheme version: %w", err)
	}
	return n, nil
}

// SetScheme makes js the policy's current scheme (its history is AddSchemeVersion's).
func (tx *Tx) SetScheme(ctx context.Context, policyID int64, js string) error {
	_, err := tx.tx.ExecContext(ctx, `INSERT INTO schemes (policy_id, json) VALUES (?, ?)
		ON CONFLICT(policy_id) DO UPDATE SET json=excluded.json, updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')`, policyID, js)
	if err != nil {
		return fmt.Errorf("store scheme of policy %d: %w", policyID, err)
	}
	return nil
}
