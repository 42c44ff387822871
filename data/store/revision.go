package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/gongping/gongping/data"
)

// Revision records are append-only: a change is a new version of its record, a withdrawal too; the
// database refuses to edit or delete a version. Diff is not stored (data/loop computes it).

const revisionCols = `id, record, version, policy_id, clause, before, after, reason, findings, opinions, clusters, date, withdrawn,
	publication_id, created_at`

func revisions(ctx context.Context, q querier, where string, args ...any) ([]data.Revision, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+revisionCols+` FROM revisions `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("load revisions: %w", err)
	}
	defer rows.Close()
	out := []data.Revision{}
	for rows.Next() {
		var r data.Revision
		var fi, op, cl string
		var pub sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Record, &r.Version, &r.PolicyID, &r.Clause, &r.Before, &r.After, &r.Reason, &fi, &op, &cl,
			&r.Date, &r.Withdrawn, &pub, &r.CreatedAt); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(fi), &r.Findings); err != nil {
			return nil, fmt.Errorf("revision %d findings: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(op), &r.Opinions); err != nil {
			return nil, fmt.Errorf("revision %d opinions: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(cl), &r.Clusters); err != nil {
			return nil, fmt.Errorf("revision %d clusters: %w", r.ID, err)
		}
		r.Publication = idPtr(pub)
		out = append(out, r)
	}
	return out, rows.Err()
}

// RevisionVersions lists every version of every revision record of a policy, by record, then version.
func (s *Store) RevisionVersions(ctx context.Context, policyID int64) ([]data.Revision, error) {
	return revisions(ctx, s.db, `WHERE policy_id=? ORDER BY record, version`, policyID)
}

// RevisionVersions is Store.RevisionVersions inside the transaction.
func (tx *Tx) RevisionVersions(ctx context.Context, policyID int64) ([]data.Revision, error) {
	return revisions(ctx, tx.tx, `WHERE policy_id=? ORDER BY record, version`, policyID)
}

// RevisionHistory lists every version of one revision record of a policy, oldest first (none when the
// policy has no such record).
func (s *Store) RevisionHistory(ctx context.Context, policyID, record int64) ([]data.Revision, error) {
	return revisions(ctx, s.db, `WHERE policy_id=? AND record=? ORDER BY version`, policyID, record)
}

// Revision returns one version of a revision record, or data.ErrNotFound.
func (s *Store) Revision(ctx context.Context, id int64) (data.Revision, error) {
	revs, err := revisions(ctx, s.db, `WHERE id=?`, id)
	if err != nil {
		return data.Revision{}, err
	}
	if len(revs) == 0 {
		return data.Revision{}, data.ErrNotFound
	}
	return revs[0], nil
}

// LatestRevision returns the latest version of one revision record of a policy, or data.ErrNotFound.
func (tx *Tx) LatestRevision(ctx context.Context, policyID, record int64) (data.Revision, error) {
	revs, err := revisions(ctx, tx.tx, `WHERE policy_id=? AND record=? ORDER BY version DESC LIMIT 1`, policyID, record)
	if err != nil {
		return data.Revision{}, err
	}
	if len(revs) == 0 {
		return data.Revision{}, data.ErrNotFound
	}
	return revs[0], nil
}

func jsonList[T any](v []T) string {
	if v == nil {
		v = []T{}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// AddRevision stores a version of a revision record (r.Record 0: the first version of a new record, which
// is then named by its own id) and returns its id. Its fields are written as given: Clause, Before, After,
// Reason, Findings, Opinions, Clusters, Date, Version and Withdrawn.
func (tx *Tx) AddRevision(ctx context.Context, policyID int64, r data.Revision) (int64, error) {
	// The first version names its own record: take the next id inside this (write-locked) transaction.
	var id int64
	if err := tx.tx.QueryRowContext(ctx, `SELECT coalesce(max(id),0)+1 FROM revisions`).Scan(&id); err != nil {
		return 0, err
	}
	if r.Record == 0 {
		r.Record = id
	}
	_, err := tx.tx.ExecContext(ctx, `INSERT INTO revisions (id, policy_id, record, version, clause, before, after, reason, findings,
		opinions, clusters, date, withdrawn) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		id, policyID, r.Record, r.Version, r.Clause, r.Before, r.After, r.Reason, jsonList(r.Findings), jsonList(r.Opinions),
		jsonList(r.Clusters), r.Date, r.Withdrawn)
	if err != nil {
		return 0, fmt.Errorf("add revision: %w", err)
	}
	return id, nil
}
