package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
)

// Decisions lists every version of the decisions of a policy, oldest first: drafts as last edited,
// published ones and the amendments that replaced them.
func (s *Store) Decisions(ctx context.Context, policyID int64) ([]data.DecisionRecord, error) {
	return decisions(ctx, s.db, policyID)
}

// Decisions is Store.Decisions inside the transaction.
func (tx *Tx) Decisions(ctx context.Context, policyID int64) ([]data.DecisionRecord, error) {
	return decisions(ctx, tx.tx, policyID)
}

func decisions(ctx context.Context, q querier, policyID int64) ([]data.DecisionRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, cluster_id, opinion_id, decision, reason, date, amends, publication_id FROM decisions
		WHERE policy_id=? ORDER BY id`, policyID)
	if err != nil {
		return nil, fmt.Errorf("load decisions of policy %d: %w", policyID, err)
	}
	defer rows.Close()
	out := []data.DecisionRecord{}
	for rows.Next() {
		var d data.DecisionRecord
		var cl, op, am, pub sql.NullInt64
		if err := rows.Scan(&d.ID, &cl, &op, &d.Decision, &d.Reason, &d.Date, &am, &pub); err != nil {
			return nil, err
		}
		d.Cluster, d.Opinion, d.Amends, d.Publication = idPtr(cl), idPtr(op), idPtr(am), idPtr(pub)
		out = append(out, d)
	}
	return out, rows.Err()
}

// AddDecision stores a decision of the policy on d.Cluster or d.Opinion (one of them), amending the
// published decision d.Amends when set, and returns its id. d.Publication is not written: Freeze sets it.
func (tx *Tx) AddDecision(ctx context.Context, policyID int64, d data.DecisionRecord) (int64, error) {
	res, err := tx.tx.ExecContext(ctx, `INSERT INTO decisions (policy_id, cluster_id, opinion_id, decision, reason, date, amends) VALUES (?,?,?,?,?,?,?)`,
		policyID, ptrID(d.Cluster), ptrID(d.Opinion), d.Decision, d.Reason, d.Date, ptrID(d.Amends))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// UpdateDecision edits a draft decision in place (the database refuses to edit a published one).
func (tx *Tx) UpdateDecision(ctx context.Context, id int64, decision, reason, date string) error {
	_, err := tx.tx.ExecContext(ctx, `UPDATE decisions SET decision=?, reason=?, date=? WHERE id=?`, decision, reason, date, id)
	return err
}

// DeleteDecision removes a draft decision (the database refuses to remove a published one).
func (tx *Tx) DeleteDecision(ctx context.Context, id int64) error {
	_, err := tx.tx.ExecContext(ctx, `DELETE FROM decisions WHERE id=?`, id)
	return err
}

// LatestDraftAmendment is the date of the policy's latest amendment not yet published ("" when none).
func (tx *Tx) LatestDraftAmendment(ctx context.Context, policyID int64) (string, error) {
	var latest string
	err := tx.tx.QueryRowContext(ctx, `SELECT coalesce(max(date),'') FROM decisions WHERE policy_id=? AND publication_id IS NULL
		AND amends IS NOT NULL`, policyID).Scan(&latest)
	return latest, err
}

// ReasonTemplates lists the reusable reasons (workspace-wide), oldest first.
func (s *Store) ReasonTemplates(ctx context.Context) ([]data.ReasonTemplate, error) {
	return queryAll(ctx, s.db, func(rows *sql.Rows, t *data.ReasonTemplate) error {
		return rows.Scan(&t.ID, &t.Text)
	}, `SELECT id, text FROM reason_templates ORDER BY id`)
}

// ReasonTemplate returns one reusable reason, or data.ErrNotFound.
func (tx *Tx) ReasonTemplate(ctx context.Context, id int64) (data.ReasonTemplate, error) {
	t := data.ReasonTemplate{ID: id}
	err := tx.tx.QueryRowContext(ctx, `SELECT text FROM reason_templates WHERE id=?`, id).Scan(&t.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return t, data.ErrNotFound
	}
	return t, err
}

// AddReasonTemplate stores a reusable reason and returns its id (the existing one for a known text).
func (s *Store) AddReasonTemplate(ctx context.Context, text string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO reason_templates (text) VALUES (?) ON CONFLICT(text) DO UPDATE SET text=excluded.text RETURNING id`, text).Scan(&id)
	return id, err
}

// DeleteReasonTemplate removes a reusable reason (decisions keep their text); data.ErrNotFound when
// there is none of that id.
func (s *Store) DeleteReasonTemplate(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM reason_templates WHERE id=?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.ErrNotFound
	}
	return nil
}
