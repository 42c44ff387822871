package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gongping/gongping/data"
)

// Storage of survey responses. Each imported file keeps its own column layout: its answer cells go into
// "slots" (one per kept column, plus other-text slots), packed per response into one blob, and the
// file's []data.QuestionLayout says how each question's answer is assembled from its slots. That lets the
// importer decide a question's type after the last row (a wjx-code 0/1 group is a multi-select, a group
// of option numbers is a matrix) without ever rewriting a stored row.
//
// Blob format: per slot, a uvarint v: 0 = missing; odd = index v>>1 into the slot's dictionary (the
// import's dicts[slot], the short values seen most); even = a literal of v>>1 bytes that follows.

const (
	dictMaxEntries  = 4096     // per slot; beyond it values are stored as literals
	dictMaxValueLen = 96       // bytes; longer values (comments) are stored as literals
	dictMaxBytes    = 64 << 20 // all dictionaries of one import: a hostile file cannot grow them without bound
	// MaxResponseBytes bounds one packed response (SQLite refuses blobs near 1 GB anyway).
	MaxResponseBytes = 64 << 20
)

// SurveyWriter stores the responses of one file inside the caller's transaction.
type SurveyWriter struct {
	tx        *sql.Tx
	stmt      *sql.Stmt // one row
	batch     *sql.Stmt // insertBatch rows
	pending   []any     // arguments of the rows not stored yet
	imp       data.SurveyImport
	dicts     []map[string]uint64
	dictVals  [][]string
	dictBytes int
	known     [][]uint64      // known[k][id]: the code (idx<<1|1) of the value the caller calls id in slot k; 0 = not yet
	blobs     []byte          // the packed answers of the pending rows, back to back (SQLite copies them when bound)
	seen      map[string]bool // respondent + submit time of the responses the round had before (see AddKnown)
	skipped   int
}

// NewSurveyWriter starts storing a file into a round inside tx. A file with the same SHA-256 already
// imported into the round is refused with an InputError (nothing is written).
func (t *Tx) NewSurveyWriter(ctx context.Context, roundID int64, fileName, sha256, format string) (*SurveyWriter, error) {
	tx := t.tx
	var prevID int64
	var prevAt, prevName string
	err := tx.QueryRowContext(ctx, `SELECT id, imported_at, file_name FROM survey_imports WHERE round_id=? AND sha256=?`, roundID, sha256).
		Scan(&prevID, &prevAt, &prevName)
	if err == nil {
		return nil, data.InputErrorf("文件 %s 已于 %s 导入到本轮次（导入编号 %d，原文件 %s），未重复导入；如需重新导入请先删除该次导入或选择其他轮次",
			fileName, prevAt, prevID, prevName)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("check earlier imports: %w", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO survey_imports (round_id, file_name, sha256, format) VALUES (?,?,?,?)`,
		roundID, fileName, sha256, format)
	if err != nil {
		return nil, fmt.Errorf("record import: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return nil, err
	}
	stmt, err := tx.PrepareContext(ctx, insertResponses(roundID, id, 1))
	if err != nil {
		return nil, err
	}
	batch, err := tx.PrepareContext(ctx, insertResponses(roundID, id, insertBatch))
	if err != nil {
		stmt.Close()
		return nil, err
	}
	seen, err := responseKeys(ctx, tx, roundID)
	if err != nil {
		stmt.Close()
		batch.Close()
		return nil, err
	}
	return &SurveyWriter{tx: tx, stmt: stmt, batch: batch, seen: seen,
		imp: data.SurveyImport{ID: id, RoundID: roundID, FileName: fileName, SHA256: sha256, Format: format}}, nil
}

// responseKeys are the respondent ids and submit times of a round's responses, which together name a
// response across exports: the same survey saved as xlsx and as CSV, or an export downloaded again later
// with the answers since, has other bytes but the same responses.
func responseKeys(ctx context.Context, tx *sql.Tx, roundID int64) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT respondent, submitted FROM survey_responses
		WHERE round_id=? AND respondent<>'' AND submitted IS NOT NULL`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var who, when string
		if err := rows.Scan(&who, &when); err != nil {
			return nil, err
		}
		seen[responseKey(who, when)] = true
	}
	return seen, rows.Err()
}

func responseKey(respondent, submitted string) string { return respondent + "\x00" + submitted }

// Skipped is how many responses AddKnown left out because the round already had them.
func (w *SurveyWriter) Skipped() int { return w.skipped }

// insertBatch responses go into one INSERT: far fewer statement executions than one per row.
const insertBatch = 128

// responseColumns are the parameters of one response; round and import ids are the same for every row of
// a writer, so they are part of its statements (each bound parameter costs two calls into SQLite).
const responseColumns = 7

func insertResponses(roundID, importID int64, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO survey_responses (round_id, import_id, row_num, submitted, duration, ip, respondent, source, answers) VALUES ")
	row := fmt.Sprintf("(%d,%d,?,?,?,?,?,?,?)", roundID, importID)
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	return b.String()
}

// Close releases the prepared statements.
func (w *SurveyWriter) Close() error {
	w.batch.Close()
	return w.stmt.Close()
}

// flush stores the pending rows: as one batch when full, else one by one.
func (w *SurveyWriter) flush(ctx context.Context) error {
	if len(w.pending) == insertBatch*responseColumns {
		if _, err := w.batch.ExecContext(ctx, w.pending...); err != nil {
			return fmt.Errorf("store responses: %w", err)
		}
	} else {
		for i := 0; i < len(w.pending); i += responseColumns {
			if _, err := w.stmt.ExecContext(ctx, w.pending[i:i+responseColumns]...); err != nil {
				return fmt.Errorf("store responses: %w", err)
			}
		}
	}
	w.pending, w.blobs = w.pending[:0], w.blobs[:0]
	return nil
}

// ImportID is the id of the import being written.
func (w *SurveyWriter) ImportID() int64 { return w.imp.ID }

// Add stores one response; slots[k] is the value of slot k ("" = missing).
func (w *SurveyWriter) Add(ctx context.Context, rowNum int, m data.ResponseMeta, slots []string) error {
	return w.AddKnown(ctx, rowNum, m, slots, nil)
}

// AddKnown is Add for a caller that recognises repeated values, as an importer does: ids[k] ≥ 0 names
// slots[k] among the values slot k has had in this import (one id, one value), so the value's dictionary
// entry is found without hashing its text again; -1 (or ids nil) = not known.
//
// A response whose respondent id and submit time the round had before this file is left out (Skipped
// counts it): it is already stored, from another export of the same survey.
func (w *SurveyWriter) AddKnown(ctx context.Context, rowNum int, m data.ResponseMeta, slots []string, ids []int32) error {
	var submitted, duration any
	if !m.Submitted.IsZero() {
		when := formatSurveyTime(m.Submitted)
		if len(w.seen) > 0 && m.Respondent != "" && w.seen[responseKey(m.Respondent, when)] {
			w.skipped++
			return nil
		}
		submitted = when
	}
	start := len(w.blobs)
	w.blobs = w.encodeKnown(w.blobs, slots, ids)
	blob := w.blobs[start:len(w.blobs):len(w.blobs)] // stays valid when w.blobs grows: the old array is left alone
	if len(blob) > MaxResponseBytes {
		return data.InputErrorf("文件「%s」第%d行内容过大（%d MB，上限 %d MB），请检查该行是否有异常的超长内容",
			w.imp.FileName, rowNum, len(blob)>>20, MaxResponseBytes>>20)
	}
	if m.Duration >= 0 {
		duration = m.Duration
	}
	// int64, not int: database/sql passes driver values through, other ints are converted (and allocated) again.
	w.pending = append(w.pending, int64(rowNum), submitted, duration, m.IP, m.Respondent, m.Source, blob)
	w.imp.Imported++
	if len(w.pending) == insertBatch*responseColumns {
		return w.flush(ctx)
	}
	return nil
}

// formatSurveyTime is t.In(data.Beijing).Format(data.SurveyTimeLayout), written out by hand (once per response).
func formatSurveyTime(t time.Time) string {
	t = t.In(data.Beijing)
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	if y < 0 || y > 9999 {
		return t.Format(data.SurveyTimeLayout)
	}
	b := [19]byte{'0' + byte(y/1000), '0' + byte(y/100%10), '0' + byte(y/10%10), '0' + byte(y%10), '-',
		'0' + byte(mo/10), '0' + byte(mo%10), '-', '0' + byte(d/10), '0' + byte(d%10), ' ',
		'0' + byte(h/10), '0' + byte(h%10), ':', '0' + byte(mi/10), '0' + byte(mi%10), ':', '0' + byte(s/10), '0' + byte(s%10)}
	return string(b[:])
}

func (w *SurveyWriter) encode(buf []byte, slots []string) []byte {
	return w.encodeKnown(buf, slots, nil)
}

// maxKnownID bounds the ids AddKnown remembers per slot.
const maxKnownID = 1 << 16

func (w *SurveyWriter) encodeKnown(buf []byte, slots []string, ids []int32) []byte {
	for len(w.dicts) < len(slots) {
		w.dicts = append(w.dicts, map[string]uint64{})
		w.dictVals = append(w.dictVals, nil)
		w.known = append(w.known, nil)
	}
	for k, v := range slots {
		if v == "" {
			buf = append(buf, 0)
			continue
		}
		id := -1
		if k < len(ids) && ids[k] >= 0 && ids[k] < maxKnownID {
			id = int(ids[k])
			if known := w.known[k]; id < len(known) && known[id] != 0 {
				buf = binary.AppendUvarint(buf, known[id])
				continue
			}
		}
		// A caller with ids has none for its rare values: once the dictionary is full, they are literals
		// without a lookup (for columns of comments the lookups cost more than the bytes saved).
		if len(v) <= dictMaxValueLen && (id >= 0 || ids == nil || len(w.dicts[k]) < dictMaxEntries) {
			d := w.dicts[k]
			idx, ok := d[v]
			if !ok && len(d) < dictMaxEntries && w.dictBytes+len(v) <= dictMaxBytes {
				idx = uint64(len(d))
				v = strings.Clone(v) // kept for the whole import: must not pin the caller's buffers
				d[v] = idx
				w.dictVals[k] = append(w.dictVals[k], v)
				w.dictBytes += len(v)
				ok = true
			}
			if ok {
				if id >= 0 {
					if id >= len(w.known[k]) {
						w.known[k] = append(w.known[k], make([]uint64, id+1-len(w.known[k]))...)
					}
					w.known[k][id] = idx<<1 | 1
				}
				buf = binary.AppendUvarint(buf, idx<<1|1)
				continue
			}
		}
		buf = binary.AppendUvarint(buf, uint64(len(v))<<1)
		buf = append(buf, v...)
	}
	return buf
}

// decodeSlots unpacks a blob into slots (reusing its backing array).
func decodeSlots(blob []byte, dict [][]string, slots []string) ([]string, error) {
	slots = slots[:0]
	for len(blob) > 0 {
		v, n := binary.Uvarint(blob)
		if n <= 0 {
			return nil, errors.New("corrupt answer blob")
		}
		blob = blob[n:]
		k := len(slots)
		switch {
		case v == 0:
			slots = append(slots, "")
		case v&1 == 1:
			i := v >> 1
			if k >= len(dict) || i >= uint64(len(dict[k])) {
				return nil, errors.New("corrupt answer blob: dictionary index")
			}
			slots = append(slots, dict[k][i])
		default:
			l := v >> 1
			if l > uint64(len(blob)) {
				return nil, errors.New("corrupt answer blob: length")
			}
			slots = append(slots, string(blob[:l]))
			blob = blob[l:]
		}
	}
	return slots, nil
}

// Finish records the file's question layout, row counts and warnings, and merges its questions into
// the round's. A question key the round already has with another header text is an InputError:
// that file belongs to another questionnaire (or another round).
func (w *SurveyWriter) Finish(ctx context.Context, layout []data.QuestionLayout, rows int, warnings []string) (data.SurveyImport, error) {
	if err := w.flush(ctx); err != nil {
		return w.imp, err
	}
	if warnings == nil {
		warnings = []string{}
	}
	for i := range layout {
		if layout[i].Options == nil {
			layout[i].Options = []string{}
		}
	}
	if err := mergeRoundQuestions(ctx, w.tx, w.imp.RoundID, layout); err != nil {
		return w.imp, err
	}
	dicts := w.dictVals
	for i := range dicts {
		if dicts[i] == nil {
			dicts[i] = []string{}
		}
	}
	if dicts == nil {
		dicts = [][]string{}
	}
	lj, err := json.Marshal(layout)
	if err != nil {
		return w.imp, err
	}
	dj, err := json.Marshal(dicts)
	if err != nil {
		return w.imp, err
	}
	wj, err := json.Marshal(warnings)
	if err != nil {
		return w.imp, err
	}
	w.imp.Rows, w.imp.Warnings = rows, warnings
	w.imp.Skipped = w.skipped
	if _, err := w.tx.ExecContext(ctx, `UPDATE survey_imports SET rows=?, imported=?, skipped=?, warnings=?, layout=?, dicts=? WHERE id=?`,
		rows, w.imp.Imported, w.skipped, string(wj), string(lj), string(dj), w.imp.ID); err != nil {
		return w.imp, fmt.Errorf("finish import: %w", err)
	}
	err = w.tx.QueryRowContext(ctx, `SELECT imported_at FROM survey_imports WHERE id=?`, w.imp.ID).Scan(&w.imp.ImportedAt)
	return w.imp, err
}

func mergeRoundQuestions(ctx context.Context, tx *sql.Tx, roundID int64, layout []data.QuestionLayout) error {
	qs, err := roundQuestions(ctx, tx, roundID)
	if err != nil {
		return err
	}
	if qs, err = data.MergeQuestions(qs, layout); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM survey_questions WHERE round_id=?`, roundID); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO survey_questions (round_id, pos, key, num, text, type, options) VALUES (?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for pos, q := range qs {
		if q.Options == nil {
			q.Options = []string{}
		}
		oj, err := json.Marshal(q.Options)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, roundID, pos, q.Key, q.Num, q.Text, string(q.Type), string(oj)); err != nil {
			return fmt.Errorf("store question %s: %w", q.Key, err)
		}
	}
	return nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func roundQuestions(ctx context.Context, q querier, roundID int64) ([]data.Question, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, num, text, type, options FROM survey_questions WHERE round_id=? ORDER BY pos`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []data.Question{}
	for rows.Next() {
		var q data.Question
		var opts string
		if err := rows.Scan(&q.Key, &q.Num, &q.Text, &q.Type, &opts); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(opts), &q.Options); err != nil {
			return nil, fmt.Errorf("question %s options: %w", q.Key, err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// SurveyQuestions lists the questions of a round in questionnaire order.
func (s *Store) SurveyQuestions(ctx context.Context, roundID int64) ([]data.Question, error) {
	return roundQuestions(ctx, s.db, roundID)
}

// SurveyImports lists the files imported into a round, oldest first.
func (s *Store) SurveyImports(ctx context.Context, roundID int64) ([]data.SurveyImport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, round_id, file_name, sha256, format, rows, imported, skipped, warnings, imported_at
		FROM survey_imports WHERE round_id=? ORDER BY id`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []data.SurveyImport{}
	for rows.Next() {
		var im data.SurveyImport
		var wj string
		if err := rows.Scan(&im.ID, &im.RoundID, &im.FileName, &im.SHA256, &im.Format, &im.Rows, &im.Imported, &im.Skipped, &wj, &im.ImportedAt); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(wj), &im.Warnings); err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// importDecoder turns one import's blobs into answers in round question order.
type importDecoder struct {
	dicts  [][]string
	layout []data.QuestionLayout
	target []int // round question index of layout[i]
}

func (s *Store) importDecoders(ctx context.Context, roundID int64, qs []data.Question) (map[int64]*importDecoder, error) {
	index := map[string]int{}
	for i, q := range qs {
		index[q.Key] = i
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, layout, dicts FROM survey_imports WHERE round_id=?`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*importDecoder{}
	for rows.Next() {
		var id int64
		var lj, dj string
		if err := rows.Scan(&id, &lj, &dj); err != nil {
			return nil, err
		}
		d := &importDecoder{}
		if err := json.Unmarshal([]byte(lj), &d.layout); err != nil {
			return nil, fmt.Errorf("import %d layout: %w", id, err)
		}
		if err := json.Unmarshal([]byte(dj), &d.dicts); err != nil {
			return nil, fmt.Errorf("import %d dictionaries: %w", id, err)
		}
		d.target = make([]int, len(d.layout))
		for i, l := range d.layout {
			t, ok := index[l.Key]
			if !ok {
				return nil, fmt.Errorf("import %d: question %s missing from round", id, l.Key)
			}
			d.target[i] = t
		}
		out[id] = d
	}
	return out, rows.Err()
}

// SurveyData loads every question and response of a round. Built for speed: one query, answers
// decoded from per-import dictionaries so repeated option texts share one string.
func (s *Store) SurveyData(ctx context.Context, roundID int64) (*data.SurveyData, error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return s.surveyPage(ctx, r, -1, 0)
}

// SurveyPage loads limit responses of a round starting at offset (in import order), with all questions.
func (s *Store) SurveyPage(ctx context.Context, roundID int64, offset, limit int) (*data.SurveyData, error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return s.surveyPage(ctx, r, limit, offset)
}

// SurveyCount is the number of responses stored in a round.
func (s *Store) SurveyCount(ctx context.Context, roundID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM survey_responses WHERE round_id=?`, roundID).Scan(&n)
	return n, err
}

func (s *Store) surveyPage(ctx context.Context, r data.Round, limit, offset int) (*data.SurveyData, error) {
	qs, err := roundQuestions(ctx, s.db, r.ID)
	if err != nil {
		return nil, err
	}
	n, err := s.SurveyCount(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	if limit >= 0 {
		n = max(0, min(limit, n-offset))
	}
	d := &data.SurveyData{Round: r, Questions: qs, Responses: make([]data.Response, 0, n)}
	nq := len(qs)
	backing := make([]string, n*nq) // one allocation for every answer slice
	err = s.eachResponse(ctx, r.ID, qs, limit, offset, true, func(resp *data.Response) error {
		if len(backing) < nq {
			backing = make([]string, nq*1024)
		}
		answers := backing[:nq:nq]
		backing = backing[nq:]
		copy(answers, resp.Answers)
		resp.Answers = answers
		d.Responses = append(d.Responses, *resp)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// eachResponse calls fn with the round's responses in import order (limit < 0: all of them); with meta
// false only ID and Answers are read. *resp and its Answers are reused: fn copies what it keeps.
func (s *Store) eachResponse(ctx context.Context, roundID int64, qs []data.Question, limit, offset int, meta bool, fn func(resp *data.Response) error) error {
	decs, err := s.importDecoders(ctx, roundID, qs)
	if err != nil {
		return err
	}
	cols := "id, import_id, answers"
	if meta {
		cols = "id, import_id, answers, submitted, duration, ip, respondent, source, incomplete"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM survey_responses WHERE round_id=? ORDER BY id LIMIT ? OFFSET ?`,
		roundID, limit, offset)
	if err != nil {
		return err
	}
	defer rows.Close()
	answers := make([]string, len(qs))
	var slots []string
	for n := 1; rows.Next(); n++ {
		resp := data.Response{Duration: -1}
		var importID int64
		var submitted sql.NullString
		var duration sql.NullFloat64
		var blob sql.RawBytes
		dest := []any{&resp.ID, &importID, &blob}
		if meta {
			dest = append(dest, &submitted, &duration, &resp.IP, &resp.Respondent, &resp.Source, &resp.Incomplete)
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if submitted.Valid {
			if t, err := time.ParseInLocation(data.SurveyTimeLayout, submitted.String, data.Beijing); err == nil {
				resp.Submitted = t
			}
		}
		if duration.Valid {
			resp.Duration = duration.Float64
		}
		dec := decs[importID]
		if dec == nil {
			return fmt.Errorf("response %d: unknown import %d", resp.ID, importID)
		}
		if slots, err = decodeSlots(blob, dec.dicts, slots); err != nil {
			return fmt.Errorf("response %d: %w", resp.ID, err)
		}
		clear(answers)
		for i := range dec.layout {
			answers[dec.target[i]] = dec.layout[i].Assemble(slots)
		}
		resp.Answers = answers
		if err := fn(&resp); err != nil {
			return err
		}
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	return rows.Err()
}

// QuestionFrequencies counts every question's answers in a round (per option, with percentages).
// It reads the responses one at a time: a round of 100,000 needs no more memory than its distinct answers.
func (s *Store) QuestionFrequencies(ctx context.Context, roundID int64) ([]data.Frequencies, error) {
	if _, err := s.Round(ctx, roundID); err != nil {
		return nil, err
	}
	qs, err := roundQuestions(ctx, s.db, roundID)
	if err != nil {
		return nil, err
	}
	tallies := make([]*data.Tally, len(qs))
	for i := range tallies {
		tallies[i] = data.NewTally()
	}
	n := 0
	err = s.eachResponse(ctx, roundID, qs, -1, 0, false, func(resp *data.Response) error {
		n++
		for i, a := range resp.Answers {
			tallies[i].Add(a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]data.Frequencies, len(qs))
	for i, q := range qs {
		out[i] = tallies[i].Frequencies(q, n)
	}
	return out, nil
}

// DeleteSurveyImport removes one imported file and its responses; the round's questions are rebuilt
// from the imports that remain. An automatic backup is made first (WithBackup).
func (s *Store) DeleteSurveyImport(ctx context.Context, policyID, importID int64) error {
	return s.WithBackup(ctx, BackupSurveyDelete, func() error { return s.deleteSurveyImport(ctx, policyID, importID) })
}

func (s *Store) deleteSurveyImport(ctx context.Context, policyID, importID int64) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var roundID int64
		err := tx.QueryRowContext(ctx, `SELECT i.round_id FROM survey_imports i JOIN rounds r ON r.id=i.round_id
			WHERE i.id=? AND r.policy_id=?`, importID, policyID).Scan(&roundID)
		if errors.Is(err, sql.ErrNoRows) {
			return &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的问卷导入记录", policyID, importID), Err: data.ErrNotFound,
				CLIHint: fmt.Sprintf("gongping survey imports --db F --policy %d 列出各次导入", policyID)}
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM survey_responses WHERE import_id=?`, importID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM survey_imports WHERE id=?`, importID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM survey_questions WHERE round_id=?`, roundID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT layout FROM survey_imports WHERE round_id=? ORDER BY id`, roundID)
		if err != nil {
			return err
		}
		var layouts [][]data.QuestionLayout
		for rows.Next() {
			var lj string
			var l []data.QuestionLayout
			if err := rows.Scan(&lj); err != nil {
				rows.Close()
				return err
			}
			if err := json.Unmarshal([]byte(lj), &l); err != nil {
				rows.Close()
				return err
			}
			layouts = append(layouts, l)
		}
		rows.Close()
		for _, l := range layouts {
			if err := mergeRoundQuestions(ctx, tx, roundID, l); err != nil {
				return err
			}
		}
		return nil
	})
}
