package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// Third-party assessments (assessment_imports, assessment_rows) and 体验官 feedback (officer_imports,
// officer_feedback). An import is named by its file's SHA-256; a sheet with one score column per rated unit
// is stored as one assessment import per unit, keyed by the SHA-256, "#" and the unit's name.

// ImportFile is what an assessment or feedback import records about its file.
type ImportFile struct {
	Name     string   // base name of the file
	SHA256   string   // of its bytes
	Format   string   // assessment-csv, officers-xlsx …
	Warnings []string // said once, on the file's first unit
}

// AddAssessment stores a third-party score sheet's rows into round rd, one import per rated unit
// (Row.Unit). A file the round already has (same SHA-256) is refused with an InputError.
func (tx *Tx) AddAssessment(ctx context.Context, rd data.Round, f ImportFile, rows []data.AssessmentRow) error {
	if err := tx.refuseDuplicate(ctx, "assessment_imports", rd, f.SHA256); err != nil {
		return err
	}
	ids := map[string]int64{}
	for i, r := range rows {
		if _, ok := ids[r.Unit]; ok {
			continue
		}
		key, warnings := f.SHA256, f.Warnings
		if r.Unit != "" {
			key = f.SHA256 + "#" + r.Unit
		}
		if i > 0 {
			warnings = []string{} // the file's warnings are recorded once, on its first unit
		}
		id, err := tx.recordImport(ctx, "assessment_imports", rd, f.Name, key, f.Format, warnings, 0)
		if err != nil {
			return err
		}
		ids[r.Unit] = id
	}
	st, err := tx.tx.PrepareContext(ctx, `INSERT INTO assessment_rows (import_id, round_id, line, dimension, indicator, max_score, score, problem, suggestion) VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, r := range rows {
		if _, err := st.ExecContext(ctx, ids[r.Unit], rd.ID, r.Line, r.Dimension, r.Indicator, r.Max, r.Score, r.Problem, r.Suggestion); err != nil {
			return fmt.Errorf("store assessment row %d: %w", r.Line, err)
		}
	}
	return nil
}

// AddOfficerFeedback stores a 体验官 feedback sheet into round rd; scale is the sheet's score scale (5 or
// 100; the scores are already on 0–100). A file the round already has is refused with an InputError.
func (tx *Tx) AddOfficerFeedback(ctx context.Context, rd data.Round, f ImportFile, scale int, fbs []data.OfficerFeedback) error {
	if err := tx.refuseDuplicate(ctx, "officer_imports", rd, f.SHA256); err != nil {
		return err
	}
	id, err := tx.recordImport(ctx, "officer_imports", rd, f.Name, f.SHA256, f.Format, f.Warnings, scale)
	if err != nil {
		return err
	}
	st, err := tx.tx.PrepareContext(ctx, `INSERT INTO officer_feedback (import_id, round_id, line, name, date, process, standards, results, problems, suggestions) VALUES (?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, f := range fbs {
		if _, err := st.ExecContext(ctx, id, rd.ID, f.Line, f.Name, f.Date, f.Process, f.Standards, f.Results, f.Problems, f.Suggestions); err != nil {
			return fmt.Errorf("store feedback row %d: %w", f.Line, err)
		}
	}
	return nil
}

// refuseDuplicate refuses a file (by SHA-256, the first 64 characters of an import's key) the round has.
func (tx *Tx) refuseDuplicate(ctx context.Context, table string, rd data.Round, sha string) error {
	var dup string
	err := tx.tx.QueryRowContext(ctx, `SELECT file_name FROM `+table+` WHERE round_id=? AND substr(sha256, 1, 64)=? LIMIT 1`, rd.ID, sha).Scan(&dup)
	if err == nil {
		return data.InputErrorf("这个文件已导入过评价轮次“%s”（%s），不再重复导入", rd.Name, dup)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("look for an earlier import: %w", err)
	}
	return nil
}

func (tx *Tx) recordImport(ctx context.Context, table string, rd data.Round, name, key, format string, warnings []string, scale int) (int64, error) {
	w, _ := json.Marshal(warnings)
	q := `INSERT INTO ` + table + ` (round_id, file_name, sha256, format, warnings) VALUES (?,?,?,?,?)`
	args := []any{rd.ID, name, key, format, string(w)}
	if scale > 0 {
		q = `INSERT INTO ` + table + ` (round_id, file_name, sha256, format, warnings, scale) VALUES (?,?,?,?,?,?)`
		args = append(args, scale)
	}
	res, err := tx.tx.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("record import: %w", err)
	}
	return res.LastInsertId()
}

// AssessmentRows returns a round's assessment rows in import and sheet order.
func (s *Store) AssessmentRows(ctx context.Context, roundID int64) ([]data.AssessmentRow, error) {
	rs, err := s.db.QueryContext(ctx, `SELECT r.line, r.dimension, r.indicator, r.max_score, r.score, r.problem, r.suggestion, i.sha256
		FROM assessment_rows r JOIN assessment_imports i ON i.id = r.import_id WHERE r.round_id=? ORDER BY r.id`, roundID)
	if err != nil {
		return nil, fmt.Errorf("assessment rows of round %d: %w", roundID, err)
	}
	defer rs.Close()
	out := []data.AssessmentRow{}
	for rs.Next() {
		var r data.AssessmentRow
		var key string
		if err := rs.Scan(&r.Line, &r.Dimension, &r.Indicator, &r.Max, &r.Score, &r.Problem, &r.Suggestion, &key); err != nil {
			return nil, err
		}
		if _, unit, ok := strings.Cut(key, "#"); ok {
			r.Unit = unit
		}
		out = append(out, r)
	}
	return out, rs.Err()
}

// OfficerFeedback returns a round's 体验官 feedback in import and sheet order.
func (s *Store) OfficerFeedback(ctx context.Context, roundID int64) ([]data.OfficerFeedback, error) {
	rs, err := s.db.QueryContext(ctx, `SELECT line, name, date, process, standards, results, problems, suggestions FROM officer_feedback WHERE round_id=? ORDER BY id`, roundID)
	if err != nil {
		return nil, fmt.Errorf("officer feedback of round %d: %w", roundID, err)
	}
	defer rs.Close()
	out := []data.OfficerFeedback{}
	for rs.Next() {
		var f data.OfficerFeedback
		var p, st, re sql.NullFloat64
		if err := rs.Scan(&f.Line, &f.Name, &f.Date, &p, &st, &re, &f.Problems, &f.Suggestions); err != nil {
			return nil, err
		}
		f.Process, f.Standards, f.Results = nullF(p), nullF(st), nullF(re)
		out = append(out, f)
	}
	return out, rs.Err()
}

func nullF(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	return &n.Float64
}

// UnlistedOfficers counts the people who sent 体验官 feedback for any round of a policy but are not on its
// roster.
func (s *Store) UnlistedOfficers(ctx context.Context, policyID int64) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT f.name) FROM officer_feedback f JOIN rounds r ON r.id=f.round_id
		WHERE r.policy_id=? AND f.name NOT IN (SELECT name FROM officers WHERE policy_id=?)`, policyID, policyID).Scan(&n); err != nil {
		return 0, fmt.Errorf("officer feedback: %w", err)
	}
	return n, nil
}
