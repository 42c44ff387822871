package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/gongping/gongping/data"
)

// SurveyTypeChoices are the types the user chose for questions of a round, by question key.
func (s *Store) SurveyTypeChoices(ctx context.Context, roundID int64) (map[string]data.QuestionType, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, type FROM survey_type_choices WHERE round_id=?`, roundID)
	if err != nil {
		return nil, fmt.Errorf("type choices of round %d: %w", roundID, err)
	}
	defer rows.Close()
	return scanTypeChoices(rows)
}

// TypeChoices is Store.SurveyTypeChoices inside a transaction.
func (tx *Tx) TypeChoices(ctx context.Context, roundID int64) (map[string]data.QuestionType, error) {
	rows, err := tx.tx.QueryContext(ctx, `SELECT key, type FROM survey_type_choices WHERE round_id=?`, roundID)
	if err != nil {
		return nil, fmt.Errorf("type choices of round %d: %w", roundID, err)
	}
	defer rows.Close()
	return scanTypeChoices(rows)
}

func scanTypeChoices(rows *sql.Rows) (map[string]data.QuestionType, error) {
	out := map[string]data.QuestionType{}
	for rows.Next() {
		var k, t string
		if err := rows.Scan(&k, &t); err != nil {
			return nil, err
		}
		out[k] = data.QuestionType(t)
	}
	return out, rows.Err()
}

// SaveTypeChoices records the types the user chose for questions of a round (replacing earlier choices
// for the same keys), inside the import's transaction.
func (tx *Tx) SaveTypeChoices(ctx context.Context, roundID int64, choices map[string]data.QuestionType) error {
	keys := make([]string, 0, len(choices))
	for k := range choices {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO survey_type_choices (round_id, key, type) VALUES (?,?,?)
			ON CONFLICT(round_id, key) DO UPDATE SET type=excluded.type`, roundID, k, string(choices[k])); err != nil {
			return fmt.Errorf("save type of %s: %w", k, err)
		}
	}
	return nil
}

// MarkIncomplete flags the responses of an import stored from the given rows of its file as not finished
// (未完成); it returns how many it flagged (rows the import left out as already stored are not counted).
func (tx *Tx) MarkIncomplete(ctx context.Context, importID int64, rowNums []int) (int, error) {
	if len(rowNums) == 0 {
		return 0, nil
	}
	js, err := json.Marshal(rowNums)
	if err != nil {
		return 0, err
	}
	res, err := tx.tx.ExecContext(ctx, `UPDATE survey_responses SET incomplete=1
		WHERE import_id=? AND row_num IN (SELECT value FROM json_each(?))`, importID, string(js))
	if err != nil {
		return 0, fmt.Errorf("mark incomplete responses of import %d: %w", importID, err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
