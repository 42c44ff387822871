package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
)

// The team's choices about quoting open answers in a round's report (quote_choices). An answer without a
// choice follows the automatic proposal (data/loop.Quotes).

// QuoteChoices returns the team's choices about the round's open answers: true = excluded (不引用),
// false = quoted against the automatic proposal.
func (s *Store) QuoteChoices(ctx context.Context, roundID int64) (map[data.AnswerRef]bool, error) {
	return quoteChoices(ctx, s.db, roundID)
}

// QuoteChoices is Store.QuoteChoices inside the transaction.
func (tx *Tx) QuoteChoices(ctx context.Context, roundID int64) (map[data.AnswerRef]bool, error) {
	return quoteChoices(ctx, tx.tx, roundID)
}

func quoteChoices(ctx context.Context, q querier, roundID int64) (map[data.AnswerRef]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT response_id, question, excluded FROM quote_choices WHERE round_id=?`, roundID)
	if err != nil {
		return nil, fmt.Errorf("quote choices of round %d: %w", roundID, err)
	}
	defer rows.Close()
	out := map[data.AnswerRef]bool{}
	for rows.Next() {
		var a data.AnswerRef
		var ex bool
		if err := rows.Scan(&a.Response, &a.Question, &ex); err != nil {
			return nil, err
		}
		out[a] = ex
	}
	return out, rows.Err()
}

// SetQuoteChoice records (or replaces) the team's choice about quoting answer a of round roundID:
// excluded, or quoted. A response that is not in the round, or a question the round does not have, is an
// error wrapping data.ErrNotFound; nothing is stored.
func (s *Store) SetQuoteChoice(ctx context.Context, roundID int64, a data.AnswerRef, excluded bool) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if err := answerExists(ctx, tx, roundID, a); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO quote_choices (response_id, question, round_id, excluded) VALUES (?,?,?,?)
			ON CONFLICT(response_id, question) DO UPDATE SET excluded=excluded.excluded, at=strftime('%Y-%m-%dT%H:%M:%SZ','now')`,
			a.Response, a.Question, roundID, excluded)
		if err != nil {
			return fmt.Errorf("quote choice %s: %w", a, err)
		}
		return nil
	})
}

// SetQuoteChoices records several choices of round roundID in one transaction (确认全部建议); the first
// answer that is not in the round stops it, nothing stored.
func (s *Store) SetQuoteChoices(ctx context.Context, roundID int64, as []data.AnswerRef, excluded bool) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		for _, a := range as {
			if err := answerExists(ctx, tx, roundID, a); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO quote_choices (response_id, question, round_id, excluded) VALUES (?,?,?,?)
				ON CONFLICT(response_id, question) DO UPDATE SET excluded=excluded.excluded, at=strftime('%Y-%m-%dT%H:%M:%SZ','now')`,
				a.Response, a.Question, roundID, excluded); err != nil {
				return fmt.Errorf("quote choice %s: %w", a, err)
			}
		}
		return nil
	})
}

// ClearQuoteChoice drops the team's choice about answer a: it follows the automatic proposal again.
func (s *Store) ClearQuoteChoice(ctx context.Context, roundID int64, a data.AnswerRef) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM quote_choices WHERE round_id=? AND response_id=? AND question=?`,
		roundID, a.Response, a.Question); err != nil {
		return fmt.Errorf("clear quote choice %s: %w", a, err)
	}
	return nil
}

// answerExists is nil when response a.Response is in the round and the round has question a.Question.
func answerExists(ctx context.Context, q querier, roundID int64, a data.AnswerRef) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM survey_responses WHERE id=? AND round_id=?`, a.Response, roundID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &data.InputError{Msg: fmt.Sprintf("这一轮评价没有编号为 %d 的答卷", a.Response), Err: data.ErrNotFound}
	}
	if err != nil {
		return err
	}
	err = q.QueryRowContext(ctx, `SELECT 1 FROM survey_questions WHERE round_id=? AND key=?`, roundID, a.Question).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &data.InputError{Msg: fmt.Sprintf("这一轮问卷没有%s", data.RefName(a.Question)), Err: data.ErrNotFound}
	}
	return err
}
