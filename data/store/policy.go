package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
)

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// AddPolicy stores a new policy and returns its id.
func (s *Store) AddPolicy(ctx context.Context, p data.Policy) (int64, error) {
	if err := p.Validate(); err != nil {
		return 0, err
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO policies (title, doc_no, dept, category, stage, draft_date, issued, uses_officers)
		VALUES (?,?,?,?,?,?,?,?)`, p.Title, p.DocNo, p.Dept, p.Category, p.Stage, nullable(p.DraftDate), nullable(p.Issued), p.UsesOfficers)
	if err != nil {
		return 0, fmt.Errorf("add policy: %w", err)
	}
	return res.LastInsertId()
}

// UpdatePolicy replaces the editable fields of policy p.ID.
func (s *Store) UpdatePolicy(ctx context.Context, p data.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `UPDATE policies SET title=?, doc_no=?, dept=?, category=?, stage=?, draft_date=?, issued=?, uses_officers=?
		WHERE id=?`, p.Title, p.DocNo, p.Dept, p.Category, p.Stage, nullable(p.DraftDate), nullable(p.Issued), p.UsesOfficers, p.ID)
	if err != nil {
		return fmt.Errorf("update policy %d: %w", p.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.PolicyNotFound(p.ID)
	}
	return nil
}

// DeletePolicy removes a policy and everything that belongs to it.
func (s *Store) DeletePolicy(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM policies WHERE id=?`, id)
	if err != nil {
		return fmt.Errorf("delete policy %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.PolicyNotFound(id)
	}
	return nil
}

const policyCols = `id, title, doc_no, dept, category, stage, coalesce(draft_date,''), coalesce(issued,''), uses_officers`

func scanPolicy(sc interface{ Scan(...any) error }) (data.Policy, error) {
	var p data.Policy
	err := sc.Scan(&p.ID, &p.Title, &p.DocNo, &p.Dept, &p.Category, &p.Stage, &p.DraftDate, &p.Issued, &p.UsesOfficers)
	return p, err
}

// Policy returns one policy.
func (s *Store) Policy(ctx context.Context, id int64) (data.Policy, error) {
	p, err := scanPolicy(s.db.QueryRowContext(ctx, `SELECT `+policyCols+` FROM policies WHERE id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, data.PolicyNotFound(id)
	}
	if err != nil {
		return p, fmt.Errorf("get policy %d: %w", id, err)
	}
	return p, nil
}

// ListPolicies lists policies, newest first.
func (s *Store) ListPolicies(ctx context.Context, f data.PolicyFilter) ([]data.Policy, error) {
	q := `SELECT ` + policyCols + ` FROM policies WHERE 1=1`
	var args []any
	if f.Category != "" {
		q += ` AND category=?`
		args = append(args, f.Category)
	}
	if f.Dept != "" {
		q += ` AND dept=?`
		args = append(args, f.Dept)
	}
	if f.Stage != "" {
		q += ` AND stage=?`
		args = append(args, f.Stage)
	}
	if f.Search != "" {
		q += ` AND instr(title, ?) > 0`
		args = append(args, f.Search)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list policies: %w", err)
	}
	defer rows.Close()
	out := []data.Policy{}
	for rows.Next() {
		p, err := scanPolicy(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Departments lists the distinct departments, for filters.
func (s *Store) Departments(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT dept FROM policies ORDER BY dept`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
