package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// clauseSep joins an opinion's clauses in its clauses column ("第三条、第五条").
const clauseSep = "、"

func splitClauses(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, clauseSep)
}

// nullID is an id for a nullable column: 0 is NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// idPtr is a nullable id column read back: nil for NULL.
func idPtr(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	v := n.Int64
	return &v
}

// ptrID is a nullable id for a column: nil is NULL.
func ptrID(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// Opinions lists a policy's opinions by id, each with its cluster (no decisions: see Decisions).
func (s *Store) Opinions(ctx context.Context, policyID int64) ([]data.Opinion, error) {
	return opinions(ctx, s.db, policyID)
}

// Opinions is Store.Opinions inside the transaction.
func (tx *Tx) Opinions(ctx context.Context, policyID int64) ([]data.Opinion, error) {
	return opinions(ctx, tx.tx, policyID)
}

func opinions(ctx context.Context, q querier, policyID int64) ([]data.Opinion, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, source, seq, content, submitted, submitter, contact, clauses, cluster_id, pinned
		FROM opinions WHERE policy_id=? ORDER BY id`, policyID)
	if err != nil {
		return nil, fmt.Errorf("load opinions of policy %d: %w", policyID, err)
	}
	defer rows.Close()
	out := []data.Opinion{}
	for rows.Next() {
		o := data.Opinion{PolicyID: policyID}
		var cl sql.NullInt64
		if err := rows.Scan(&o.ID, &o.Source, &o.Seq, &o.Content, &o.Submitted, &o.Submitter, &o.Contact, &o.Clause, &cl, &o.Pinned); err != nil {
			return nil, err
		}
		o.Clauses = splitClauses(o.Clause)
		o.Cluster = idPtr(cl)
		out = append(out, o)
	}
	return out, rows.Err()
}

// OpinionSeqs lists the 序号 of a policy's opinions from one source (a survey round's answers are known by
// theirs, so that answers taken before are not taken again).
func (s *Store) OpinionSeqs(ctx context.Context, policyID int64, source string) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq FROM opinions WHERE policy_id=? AND source=?`, policyID, source)
	if err != nil {
		return nil, fmt.Errorf("load opinion numbers of policy %d: %w", policyID, err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var seq string
		if err := rows.Scan(&seq); err != nil {
			return nil, err
		}
		out[seq] = true
	}
	return out, rows.Err()
}

// HasOpinion tells whether id is one of the policy's opinions.
func (tx *Tx) HasOpinion(ctx context.Context, policyID, id int64) (bool, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT count(*) FROM opinions WHERE id=? AND policy_id=?`, id, policyID).Scan(&n)
	return n > 0, err
}

// OpinionImportByFingerprint returns the policy's import of that content (its rows' fingerprint), or
// data.ErrNotFound.
func (tx *Tx) OpinionImportByFingerprint(ctx context.Context, policyID int64, fingerprint string) (data.OpinionImport, error) {
	im := data.OpinionImport{}
	err := tx.tx.QueryRowContext(ctx, `SELECT id, source, imported_at, file_name, rows FROM opinion_imports WHERE policy_id=? AND fingerprint=?`,
		policyID, fingerprint).Scan(&im.ID, &im.Source, &im.ImportedAt, &im.File, &im.Rows)
	if errors.Is(err, sql.ErrNoRows) {
		return im, data.ErrNotFound
	}
	return im, err
}

// AddOpinionImport records an imported batch and returns its id.
func (tx *Tx) AddOpinionImport(ctx context.Context, policyID int64, im data.OpinionImport, fingerprint string) (int64, error) {
	res, err := tx.tx.ExecContext(ctx, `INSERT INTO opinion_imports (policy_id, source, file_name, fingerprint, rows) VALUES (?,?,?,?,?)`,
		policyID, im.Source, im.File, fingerprint, im.Rows)
	if err != nil {
		return 0, fmt.Errorf("record import: %w", err)
	}
	return res.LastInsertId()
}

// AddOpinions stores opinions of the policy (their Source, Seq, Content, Submitted, Submitter, Contact and
// Clauses), from the imported batch importID (0: added by hand), and returns the id of the last one.
func (tx *Tx) AddOpinions(ctx context.Context, policyID, importID int64, ops []data.Opinion) (int64, error) {
	stmt, err := tx.tx.PrepareContext(ctx, `INSERT INTO opinions (policy_id, import_id, source, seq, content, submitted, submitter, contact, clauses)
		VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	var last int64
	for i, o := range ops {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		r, err := stmt.ExecContext(ctx, policyID, nullID(importID), o.Source, o.Seq, o.Content, o.Submitted, o.Submitter, o.Contact,
			strings.Join(o.Clauses, clauseSep))
		if err != nil {
			return 0, fmt.Errorf("store opinion: %w", err)
		}
		if last, err = r.LastInsertId(); err != nil {
			return 0, err
		}
	}
	return last, nil
}

// OpinionImports lists a policy's imported batches, oldest first, each with how many of its opinions are
// still stored.
func (s *Store) OpinionImports(ctx context.Context, policyID int64) ([]data.OpinionImport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, i.source, i.file_name, i.rows, i.imported_at,
		(SELECT count(*) FROM opinions o WHERE o.import_id = i.id) FROM opinion_imports i WHERE i.policy_id=? ORDER BY i.id`, policyID)
	if err != nil {
		return nil, fmt.Errorf("load imports of policy %d: %w", policyID, err)
	}
	defer rows.Close()
	out := []data.OpinionImport{}
	for rows.Next() {
		var im data.OpinionImport
		if err := rows.Scan(&im.ID, &im.Source, &im.File, &im.Rows, &im.ImportedAt, &im.Opinions); err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// ImportedOpinions lists the ids of the opinions still stored from one imported batch of the policy;
// data.ErrNotFound when the policy has no such batch.
func (s *Store) ImportedOpinions(ctx context.Context, policyID, importID int64) ([]int64, error) {
	ids := []int64{}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM opinions WHERE policy_id=? AND import_id=? ORDER BY id`, policyID, importID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM opinion_imports WHERE id=? AND policy_id=?`, importID, policyID).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, data.ErrNotFound
	}
	return ids, nil
}

// DeleteOpinion removes one opinion (its decisions go with it).
func (tx *Tx) DeleteOpinion(ctx context.Context, id int64) error {
	if _, err := tx.tx.ExecContext(ctx, `DELETE FROM opinions WHERE id=?`, id); err != nil {
		return fmt.Errorf("delete opinion %d: %w", id, err)
	}
	return nil
}

// DeleteOpinionImport removes the record of an imported batch (its opinions are deleted one by one first).
func (tx *Tx) DeleteOpinionImport(ctx context.Context, id int64) error {
	if _, err := tx.tx.ExecContext(ctx, `DELETE FROM opinion_imports WHERE id=?`, id); err != nil {
		return fmt.Errorf("delete import %d: %w", id, err)
	}
	return nil
}

// UnpinOpinions frees every opinion of the policy that the user placed by hand.
func (tx *Tx) UnpinOpinions(ctx context.Context, policyID int64) error {
	_, err := tx.tx.ExecContext(ctx, `UPDATE opinions SET pinned=0 WHERE policy_id=?`, policyID)
	return err
}

// Placement puts an opinion in a cluster.
type Placement struct{ Opinion, Cluster int64 }

// PlaceOpinions puts opinions in clusters (not pinned: re-clustering may move them again).
func (tx *Tx) PlaceOpinions(ctx context.Context, ps []Placement) error {
	upd, err := tx.tx.PrepareContext(ctx, `UPDATE opinions SET cluster_id=? WHERE id=?`)
	if err != nil {
		return err
	}
	defer upd.Close()
	for _, p := range ps {
		if _, err := upd.ExecContext(ctx, p.Cluster, p.Opinion); err != nil {
			return fmt.Errorf("place opinion %d: %w", p.Opinion, err)
		}
	}
	return nil
}

// PinOpinions puts opinions in a cluster by hand: re-clustering leaves them there.
func (tx *Tx) PinOpinions(ctx context.Context, ids []int64, cluster int64) error {
	for _, id := range ids {
		if _, err := tx.tx.ExecContext(ctx, `UPDATE opinions SET cluster_id=?, pinned=1 WHERE id=?`, cluster, id); err != nil {
			return fmt.Errorf("move opinion %d: %w", id, err)
		}
	}
	return nil
}
