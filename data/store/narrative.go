package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
)

// The team's texts and settings of a round's evaluation report (report_texts, report_settings). Nothing
// that scores writes them: re-scoring, re-importing another file or changing the scheme keeps them.

// ReportTexts returns the team's texts of the round's report, by section key (a section not there is
// drafted from the numbers).
func (s *Store) ReportTexts(ctx context.Context, roundID int64) (map[string]data.ReportText, error) {
	return reportTexts(ctx, s.db, roundID)
}

// ReportTexts is Store.ReportTexts inside the transaction.
func (tx *Tx) ReportTexts(ctx context.Context, roundID int64) (map[string]data.ReportText, error) {
	return reportTexts(ctx, tx.tx, roundID)
}

func reportTexts(ctx context.Context, q querier, roundID int64) (map[string]data.ReportText, error) {
	rows, err := q.QueryContext(ctx, `SELECT section, text, updated_at FROM report_texts WHERE round_id=? ORDER BY section`, roundID)
	if err != nil {
		return nil, fmt.Errorf("report texts of round %d: %w", roundID, err)
	}
	defer rows.Close()
	out := map[string]data.ReportText{}
	for rows.Next() {
		var t data.ReportText
		if err := rows.Scan(&t.Section, &t.Text, &t.Updated); err != nil {
			return nil, err
		}
		out[t.Section] = t
	}
	return out, rows.Err()
}

// SetReportText stores (or replaces) the team's text of one section of the round's report. A round that
// does not exist is an error wrapping data.ErrNotFound.
func (s *Store) SetReportText(ctx context.Context, roundID int64, section, text string) error {
	if err := data.CheckReportText(section, text); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, roundID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO report_texts (round_id, section, text) VALUES (?,?,?)
			ON CONFLICT(round_id, section) DO UPDATE SET text=excluded.text, updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')`,
			roundID, section, text)
		if err != nil {
			return fmt.Errorf("save report text %q of round %d: %w", section, roundID, err)
		}
		return nil
	})
}

// ResetReportText drops the team's text of one section (恢复为自动草稿): the report drafts it again. It
// tells whether there was a text to drop.
func (s *Store) ResetReportText(ctx context.Context, roundID int64, section string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM report_texts WHERE round_id=? AND section=?`, roundID, section)
	if err != nil {
		return false, fmt.Errorf("reset report text %q of round %d: %w", section, roundID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// ReportSettings returns the settings of the round's report as stored; set is false when they were never
// set (the zero settings: nothing named, every part in).
func (s *Store) ReportSettings(ctx context.Context, roundID int64) (st data.ReportSettings, set bool, err error) {
	return reportSettings(ctx, s.db, roundID)
}

// ReportSettings is Store.ReportSettings inside the transaction.
func (tx *Tx) ReportSettings(ctx context.Context, roundID int64) (data.ReportSettings, bool, error) {
	return reportSettings(ctx, tx.tx, roundID)
}

func reportSettings(ctx context.Context, q querier, roundID int64) (data.ReportSettings, bool, error) {
	st := data.ReportSettings{Off: []string{}}
	var off string
	err := q.QueryRowContext(ctx, `SELECT issuer, commissioner, date, parts_off FROM report_settings WHERE round_id=?`, roundID).
		Scan(&st.Issuer, &st.Commissioner, &st.Date, &off)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return st, false, fmt.Errorf("report settings of round %d: %w", roundID, err)
	}
	if err := json.Unmarshal([]byte(off), &st.Off); err != nil {
		return st, true, fmt.Errorf("report settings of round %d: parts: %w", roundID, err)
	}
	return st, true, nil
}

// EarlierIssuer returns the settings of the latest round of the policy before roundID whose report names
// an issuer or a commissioner (the zero settings when none does): what a new round's report inherits
// (data.ReportSettings.InheritIssuer).
func (s *Store) EarlierIssuer(ctx context.Context, policyID, roundID int64) (data.ReportSettings, error) {
	return earlierIssuer(ctx, s.db, policyID, roundID)
}

// EarlierIssuer is Store.EarlierIssuer inside the transaction.
func (tx *Tx) EarlierIssuer(ctx context.Context, policyID, roundID int64) (data.ReportSettings, error) {
	return earlierIssuer(ctx, tx.tx, policyID, roundID)
}

func earlierIssuer(ctx context.Context, q querier, policyID, roundID int64) (data.ReportSettings, error) {
	st := data.ReportSettings{Off: []string{}}
	err := q.QueryRowContext(ctx, `SELECT rs.issuer, rs.commissioner FROM report_settings rs JOIN rounds r ON r.id = rs.round_id
		WHERE r.policy_id=? AND r.id < ? AND (rs.issuer <> '' OR rs.commissioner <> '') ORDER BY r.id DESC LIMIT 1`, policyID, roundID).
		Scan(&st.Issuer, &st.Commissioner)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("earlier report settings of policy %d: %w", policyID, err)
	}
	return st, nil
}

// SetReportSettings stores (or replaces) the settings of the round's report, normalised
// (data.ReportSettings.Normalize), and returns them as stored.
func (s *Store) SetReportSettings(ctx context.Context, roundID int64, st data.ReportSettings) (data.ReportSettings, error) {
	st, err := st.Normalize()
	if err != nil {
		return st, err
	}
	off, err := json.Marshal(st.Off)
	if err != nil {
		return st, err
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, roundID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO report_settings (round_id, issuer, commissioner, date, parts_off) VALUES (?,?,?,?,?)
			ON CONFLICT(round_id) DO UPDATE SET issuer=excluded.issuer, commissioner=excluded.commissioner, date=excluded.date,
			parts_off=excluded.parts_off, updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')`,
			roundID, st.Issuer, st.Commissioner, st.Date, string(off))
		if err != nil {
			return fmt.Errorf("save report settings of round %d: %w", roundID, err)
		}
		return nil
	})
	return st, err
}

// roundExists is nil when the round exists, else an error wrapping data.ErrNotFound.
func roundExists(ctx context.Context, q querier, roundID int64) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM rounds WHERE id=?`, roundID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &data.InputError{Msg: fmt.Sprintf("评价轮次 %d 不存在", roundID), Err: data.ErrNotFound}
	}
	return err
}
