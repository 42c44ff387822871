package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// QuestionTypes are the types a user may choose for a question before importing, with their Chinese names.
var QuestionTypes = []QuestionType{QSingle, QMulti, QRanking, QMatrix, QRating, QFill, QOpenText}

// QuestionTypeNames are the Chinese names of the question types (题型).
var QuestionTypeNames = map[QuestionType]string{
	QSingle: "单选题", QMulti: "多选题", QRanking: "排序题", QMatrix: "矩阵题", QRating: "评分题", QFill: "填空题",
	QOpenText: "开放题", QMeta: "系统信息",
}

// ParseQuestionType reads a type as the command line gives it: its code (single, text…) or its Chinese
// name (单选题, 单选, 开放题…).
func ParseQuestionType(s string) (QuestionType, error) {
	s = strings.TrimSpace(s)
	for _, t := range QuestionTypes {
		name := QuestionTypeNames[t]
		if strings.EqualFold(s, string(t)) || s == name || s == strings.TrimSuffix(name, "题") {
			return t, nil
		}
	}
	if strings.EqualFold(s, "open") || s == "文本" || s == "开放" {
		return QOpenText, nil
	}
	var codes []string
	for _, t := range QuestionTypes {
		codes = append(codes, fmt.Sprintf("%s（%s）", t, QuestionTypeNames[t]))
	}
	return "", InputErrorf("未知的题型 %q，可选：%s", s, strings.Join(codes, "、"))
}

// SurveyTypeChoices are the types the user chose for questions of a round, by question key.
func SurveyTypeChoices(ctx context.Context, s *Store, roundID int64) (map[string]QuestionType, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT key, type FROM survey_type_choices WHERE round_id=?`, roundID)
	if err != nil {
		return nil, fmt.Errorf("type choices of round %d: %w", roundID, err)
	}
	defer rows.Close()
	return scanTypeChoices(rows)
}

// TypeChoicesTx is SurveyTypeChoices inside a transaction.
func TypeChoicesTx(ctx context.Context, tx *sql.Tx, roundID int64) (map[string]QuestionType, error) {
	rows, err := tx.QueryContext(ctx, `SELECT key, type FROM survey_type_choices WHERE round_id=?`, roundID)
	if err != nil {
		return nil, fmt.Errorf("type choices of round %d: %w", roundID, err)
	}
	defer rows.Close()
	return scanTypeChoices(rows)
}

func scanTypeChoices(rows *sql.Rows) (map[string]QuestionType, error) {
	out := map[string]QuestionType{}
	for rows.Next() {
		var k, t string
		if err := rows.Scan(&k, &t); err != nil {
			return nil, err
		}
		out[k] = QuestionType(t)
	}
	return out, rows.Err()
}

// SaveTypeChoices records the types the user chose for questions of a round (replacing earlier choices
// for the same keys), inside the import's transaction.
func SaveTypeChoices(ctx context.Context, tx *sql.Tx, roundID int64, choices map[string]QuestionType) error {
	keys := make([]string, 0, len(choices))
	for k := range choices {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO survey_type_choices (round_id, key, type) VALUES (?,?,?)
			ON CONFLICT(round_id, key) DO UPDATE SET type=excluded.type`, roundID, k, string(choices[k])); err != nil {
			return fmt.Errorf("save type of %s: %w", k, err)
		}
	}
	return nil
}

// MarkIncomplete flags the responses of an import stored from the given rows of its file as not finished
// (未完成); it returns how many it flagged (rows the import left out as already stored are not counted).
func MarkIncomplete(ctx context.Context, tx *sql.Tx, importID int64, rowNums []int) (int, error) {
	if len(rowNums) == 0 {
		return 0, nil
	}
	js, err := json.Marshal(rowNums)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE survey_responses SET incomplete=1
		WHERE import_id=? AND row_num IN (SELECT value FROM json_each(?))`, importID, string(js))
	if err != nil {
		return 0, fmt.Errorf("mark incomplete responses of import %d: %w", importID, err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
