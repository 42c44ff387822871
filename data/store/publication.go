package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/gongping/gongping/data"
)

// Publications are append-only: the database refuses to edit or delete one.

// Publications lists a policy's publications of one kind (data.WhatFeedback, data.WhatEvaluation; ""
// both), by kind, then version.
func (s *Store) Publications(ctx context.Context, policyID int64, what string) ([]data.Publication, error) {
	return publications(ctx, s.db, policyID, what)
}

// Publications is Store.Publications inside the transaction.
func (tx *Tx) Publications(ctx context.Context, policyID int64, what string) ([]data.Publication, error) {
	return publications(ctx, tx.tx, policyID, what)
}

func publications(ctx context.Context, q querier, policyID int64, what string) ([]data.Publication, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, policy_id, what, version, date, snapshot, created_at FROM publications
		WHERE policy_id=? AND (?='' OR what=?) ORDER BY what, version`, policyID, what, what)
	if err != nil {
		return nil, fmt.Errorf("load publications: %w", err)
	}
	defer rows.Close()
	out := []data.Publication{}
	for rows.Next() {
		var p data.Publication
		var snap string
		if err := rows.Scan(&p.ID, &p.PolicyID, &p.What, &p.Version, &p.Date, &snap, &p.CreatedAt); err != nil {
			return nil, err
		}
		p.Snapshot = json.RawMessage(snap)
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddPublication stores a publication of the policy (What, Version, Date, Snapshot) and returns its id.
func (tx *Tx) AddPublication(ctx context.Context, policyID int64, p data.Publication) (int64, error) {
	res, err := tx.tx.ExecContext(ctx, `INSERT INTO publications (policy_id, what, version, date, snapshot) VALUES (?,?,?,?,?)`,
		policyID, p.What, p.Version, p.Date, string(p.Snapshot))
	if err != nil {
		return 0, fmt.Errorf("publish: %w", err)
	}
	return res.LastInsertId()
}

// FreezeDecisions marks every unpublished decision of the policy as published by publication pubID:
// the database then refuses to edit or delete them.
func (tx *Tx) FreezeDecisions(ctx context.Context, policyID, pubID int64) error {
	if _, err := tx.tx.ExecContext(ctx, `UPDATE decisions SET publication_id=? WHERE policy_id=? AND publication_id IS NULL`, pubID, policyID); err != nil {
		return fmt.Errorf("freeze: %w", err)
	}
	return nil
}

// FreezeRevisions marks the latest version of each revision record of the policy, when not yet
// published, as published by publication pubID.
func (tx *Tx) FreezeRevisions(ctx context.Context, policyID, pubID int64) error {
	if _, err := tx.tx.ExecContext(ctx, `UPDATE revisions SET publication_id=? WHERE publication_id IS NULL AND id IN
		(SELECT max(id) FROM revisions WHERE policy_id=? GROUP BY record)`, pubID, policyID); err != nil {
		return fmt.Errorf("freeze: %w", err)
	}
	return nil
}
