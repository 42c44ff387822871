package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/sheet"
	"github.com/gongping/gongping/data/store"
)

// Options says what to import where.
type Options struct {
	PolicyID int64
	Round    string       // round name; "" = the policy's latest round, or "默认" when it has none
	Format   Format       // "" or Auto = detect from the header
	Path     string       // .xlsx or .csv file
	Limits   sheet.Limits // zero = the sheet package's defaults
	// HeaderRow is the 1-based row of the header (the first of a two-row header); 0 = find it (below
	// title rows). The wizard lets the user pick another row.
	HeaderRow int
	// Types are the question types the user chose (question key → type), honoured over the guess from the
	// data (a contradiction is a warning) and kept for the round's later files; nil = guess every type.
	Types map[string]data.QuestionType
}

// Summary is what an import did; its JSON is the CLI's output (DESIGN.md).
type Summary struct {
	Format    Format `json:"format"`
	Rows      int    `json:"rows"`      // data rows read (empty rows not counted)
	Imported  int    `json:"imported"`  // responses stored
	Skipped   int    `json:"skipped"`   // responses the round already had (same respondent and submit time)
	Questions int    `json:"questions"` // questions of this file (from its columns)
	// HeaderRow is the 1-based row the header was read from; HeaderRows is 2 when a two-row header
	// (question, then sub-item) was joined. Personal counts the personal-data columns stored apart.
	HeaderRow  int `json:"header_row"`
	HeaderRows int `json:"header_rows"`
	Personal   int `json:"personal"`
	// OtherTexts counts the extra open-text questions Q<n>.other made for 问卷星's `选项〖文本〗`
	// free texts; they are not columns of the file, so Questions leaves them out.
	OtherTexts int      `json:"other_texts"`
	Warnings   []string `json:"warnings"`
	Round      string   `json:"round"`
	RoundID    int64    `json:"round_id"`
	ImportID   int64    `json:"import_id"`
	File       string   `json:"file"`
	Seconds    float64  `json:"seconds"`

	// Incomplete counts the stored responses the platform marks as not finished (LimeSurvey's empty
	// submitdate, a 答卷状态 of 未完成…): screening excludes them as 未完成.
	Incomplete int `json:"incomplete"`
}

const (
	sampleRows   = 50       // data rows looked at to tell 问卷星's text and code exports apart
	maxReadAhead = 64 << 20 // bytes of rows read ahead for that
)

// session is an open file positioned after its header.
type session struct {
	r        sheet.Reader
	file     string
	format   Format
	detected Format
	p        *parser
	buf      [][]string // rows read ahead for detection, replayed first
	bufNums  []int
	bufKeys  [][]int32
	warn     []string
	header   headerAt
	headRow  int // 1-based row of the header
}

func (s *session) Close() { s.r.Close() }

// next returns the next data row and its cell keys (sheet.CellKeys, may be nil).
func (s *session) next() (int, []string, []int32, bool) {
	if len(s.buf) > 0 {
		row, num, keys := s.buf[0], s.bufNums[0], s.bufKeys[0]
		s.buf, s.bufNums, s.bufKeys = s.buf[1:], s.bufNums[1:], s.bufKeys[1:]
		return num, row, keys, true
	}
	if !s.r.Next() {
		return 0, nil, nil, false
	}
	return s.r.RowNum(), s.r.Row(), sheet.CellKeys(s.r), true
}

// readErr is the reader's error as a user-facing one.
func readErr(file string, err error) error {
	if err == nil {
		return nil
	}
	var se *sheet.Error
	if errors.As(err, &se) {
		return &data.InputError{Msg: se.Error(), Err: err}
	}
	return &data.InputError{Msg: fmt.Sprintf("文件「%s」无法读取：%v", file, err), Err: err}
}

// openSession opens a file, finds its header and layout, and builds the parser.
func openSession(path string, format Format, lim sheet.Limits) (*session, error) {
	return openSessionAt(path, format, lim, 0)
}

// openSessionAt is openSession with the header at row headerRow (1-based; 0 = find it).
func openSessionAt(path string, format Format, lim sheet.Limits, headerRow int) (*session, error) {
	file := filepath.Base(path)
	r, err := sheet.Open(path, lim)
	if err != nil {
		return nil, readErr(file, err)
	}
	s, err := startSessionAt(r, file, format, headerRow)
	if err != nil {
		r.Close()
		return nil, err
	}
	return s, nil
}

// startSession reads ahead to the header and a few data rows, then sets up the parser.
func startSession(r sheet.Reader, file string, format Format) (*session, error) {
	return startSessionAt(r, file, format, 0)
}

// startSessionAt is startSession with the header at row headerRow (1-based; 0 = find it).
func startSessionAt(r sheet.Reader, file string, format Format, headerRow int) (*session, error) {
	s := &session{r: r, file: file}
	var rows [][]string
	var nums []int
	var keys [][]int32
	size := 0 // bytes read ahead: a few rows, but never without bound
	for len(rows) < headerScanRows+sampleRows && size < maxReadAhead && r.Next() {
		row := append([]string(nil), r.Row()...)
		for _, c := range row {
			size += len(c)
		}
		rows = append(rows, row)
		nums = append(nums, r.RowNum())
		keys = append(keys, append([]int32(nil), sheet.CellKeys(r)...))
	}
	if err := r.Err(); err != nil {
		return nil, readErr(file, err)
	}
	if len(rows) == 0 {
		return nil, data.InputErrorf("文件「%s」没有任何内容，请确认导出是否完整", file)
	}
	at, err := locateHeader(rows, nums, headerRow, file)
	if err != nil {
		return nil, err
	}
	s.header, s.headRow = at, nums[at.index]
	header := at.cells
	s.warn = append(s.warn, at.notes...)
	h := at.index + at.rows - 1 // the last header row: data follows
	detected := detectFormat(header, rows[h+1:])
	if format == "" || format == Auto {
		format = detected
	} else if format != detected {
		s.warn = append(s.warn, fmt.Sprintf("按指定格式“%s”导入；自动识别的结果是“%s”", FormatNames[format], FormatNames[detected]))
	}
	s.format, s.detected = format, detected
	s.p = newParser(file, format, header)
	s.warn = append(s.warn, s.p.notes...)
	s.p.date1904 = sheet.Date1904(r)
	s.buf, s.bufNums, s.bufKeys = rows[h+1:], nums[h+1:], keys[h+1:]
	return s, nil
}

// fileHash is the SHA-256 of the file's bytes: the same export imported twice is recognised.
func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", data.InputErrorf("无法打开文件「%s」，请确认文件存在且有读取权限", filepath.Base(path))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", data.InputErrorf("无法读取文件「%s」：%v", filepath.Base(path), err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Import stores a survey export in a round of a policy, in one transaction: the whole file or nothing
// (also when ctx is cancelled or the process dies). progress, if not nil, gets (rows done, estimated
// total rows) now and then; total is 0 while unknown. A file already imported into that round is refused.
func Import(ctx context.Context, st *store.Store, opt Options, progress func(done, total int)) (sum Summary, err error) {
	started := time.Now()
	file := filepath.Base(opt.Path)
	row := 0
	defer func() {
		if r := recover(); r != nil { // a hostile file must never take the program down
			err = data.InputErrorf("文件「%s」第%d行附近导入失败（内部错误：%v），文件未导入", file, row, r)
		}
	}()
	if opt.Path == "" {
		return sum, data.InputErrorf("请选择要导入的问卷文件")
	}
	format, err := ParseFormat(string(opt.Format))
	if err != nil {
		return sum, err
	}
	roundName, err := defaultRound(ctx, st, opt.PolicyID, opt.Round)
	if err != nil {
		return sum, err
	}
	type hashed struct {
		hash string
		err  error
	}
	hashc := make(chan hashed, 1)
	go func() { // overlaps with reading the shared strings and the header
		h, err := fileHash(opt.Path)
		hashc <- hashed{h, err}
	}()
	s, err := openSessionAt(opt.Path, format, opt.Limits, opt.HeaderRow)
	if err != nil {
		<-hashc
		return sum, err
	}
	defer s.Close()
	h := <-hashc
	if h.err != nil {
		return sum, h.err
	}
	hash := h.hash
	p := s.p
	report := func() {
		if progress == nil {
			return
		}
		total := 0
		if done, all := sheet.Progress(s.r); done > 0 && all > 0 {
			total = int(float64(p.rows) * float64(all) / float64(done))
		}
		progress(p.rows, max(total, p.rows))
	}
	report()
	err = st.Tx(ctx, func(tx *store.Tx) error {
		round, err := tx.EnsureRound(ctx, opt.PolicyID, roundName)
		if err != nil {
			return err
		}
		w, err := tx.NewSurveyWriter(ctx, round.ID, file, hash, string(s.format))
		if err != nil {
			return err
		}
		defer w.Close()
		parsing := startParsing(ctx, s, report)
		defer parsing.Close()
		for {
			b, ok := parsing.Next()
			if !ok {
				break
			}
			for i := range b.nums {
				num, m, slots, ids := b.row(i)
				row = num
				if err := w.AddKnown(ctx, num, m, slots, ids); err != nil {
					return err
				}
			}
			if b.err != nil {
				return b.err
			}
		}
		if p.rows == 0 {
			return data.InputErrorf("文件「%s」只有表头，没有答卷数据；请确认导出时选择了全部答卷", file)
		}
		warnings := append(append(s.warn, p.warnings()...), sheet.RepairWarnings(s.r)...)
		if n := w.Skipped(); n == p.rows {
			return data.InputErrorf("文件「%s」的 %d 份答卷本轮次都已有（答卷编号与提交时间相同，可能是同一问卷的另一种导出格式），未重复导入；如需替换，请先删除原来的导入", file, n)
		} else if n > 0 {
			warnings = append(warnings, fmt.Sprintf("跳过 %d 份本轮次已有的答卷（答卷编号与提交时间相同），只导入其余 %d 份", n, p.rows-n))
		}
		layout := p.finish()
		warnings = append(warnings, keyNotes(layout)...)
		questions := len(layout)
		layout = append(layout, p.personalLayouts()...) // stored apart as meta questions P1, P2…
		kept, err := tx.TypeChoices(ctx, round.ID)
		if err != nil {
			return err
		}
		typeNotes, chosen, err := p.applyTypes(layout, opt.Types, kept)
		if err != nil {
			return err
		}
		if err := tx.SaveTypeChoices(ctx, round.ID, chosen); err != nil {
			return err
		}
		warnings = append(append(warnings, p.hintNotes(layout)...), typeNotes...)
		imp, err := w.Finish(ctx, layout, p.rows, warnings)
		if err != nil {
			return err
		}
		incomplete, err := tx.MarkIncomplete(ctx, imp.ID, p.rowx.incomplete)
		if err != nil {
			return err
		}
		derived := p.derivedOthers()
		sum = Summary{Format: s.format, Rows: p.rows, Imported: imp.Imported, Skipped: imp.Skipped, Questions: questions - derived, OtherTexts: derived,
			HeaderRow: s.headRow, HeaderRows: s.header.rows, Personal: len(layout) - questions, Warnings: imp.Warnings,
			Round: round.Name, RoundID: round.ID, ImportID: imp.ID, File: file}
		sum.Incomplete = incomplete
		return nil
	})
	if err != nil {
		if ctx.Err() != nil { // cancelled: database/sql may report it as a closed statement or transaction
			return Summary{}, ctx.Err()
		}
		return Summary{}, err
	}
	report()
	sum.Seconds = time.Since(started).Seconds()
	return sum, nil
}

// defaultRound is the round an import goes to: the named one, else the latest, else "默认".
func defaultRound(ctx context.Context, st *store.Store, policyID int64, name string) (string, error) {
	if policyID <= 0 {
		return "", data.InputErrorf("请先选择政策")
	}
	if _, err := st.Policy(ctx, policyID); err != nil {
		return "", err
	}
	if name != "" {
		return name, nil
	}
	r, err := st.ResolveRound(ctx, policyID, "")
	if errors.Is(err, data.ErrNotFound) {
		return data.DefaultRound, nil
	}
	if err != nil {
		return "", err
	}
	return r.Name, nil
}

// PreviewQuestion is a parsed question with a few of its answers.
type PreviewQuestion struct {
	data.Question
	Samples []string `json:"samples"`
}

// PreviewResult is what the wizard shows before importing.
type PreviewResult struct {
	File       string            `json:"file"`
	Format     Format            `json:"format"`   // the layout used
	Detected   Format            `json:"detected"` // what auto-detection found
	Rows       int               `json:"rows"`     // data rows read
	Complete   bool              `json:"complete"` // false when only the first rows were read
	Questions  []PreviewQuestion `json:"questions"`
	Meta       []MetaColumn      `json:"meta"`        // columns read as metadata, not questions
	HeaderRow  int               `json:"header_row"`  // 1-based row the header was read from
	HeaderRows int               `json:"header_rows"` // 2 when a two-row header was joined
	Warnings   []string          `json:"warnings"`
}

// MetaColumn is a column taken as metadata and what it is used for: "submitted", "start", "duration",
// "ip", "respondent", "source", "personal" (stored apart as a meta question, never scored or published), or "ignored" (device, region, browser…: kept out of the questions).
type MetaColumn struct {
	Header string `json:"header"`
	Use    string `json:"use"`
}

// previewMaxRows bounds how much of a file Preview reads.
const previewMaxRows = 5000

// Preview parses the start of a file (up to previewMaxRows data rows) without storing anything: the
// layout, the questions with their types and sample answers, and warnings. Errors are the ones Import
// would give for those rows.
func Preview(path string, format Format) (res PreviewResult, err error) {
	return PreviewAt(path, format, 0)
}

// PreviewAt is Preview with the header at row headerRow (1-based; 0 = find it below title rows).
func PreviewAt(path string, format Format, headerRow int) (res PreviewResult, err error) {
	file := filepath.Base(path)
	defer func() {
		if r := recover(); r != nil {
			err = data.InputErrorf("文件「%s」无法解析（内部错误：%v）", file, r)
		}
	}()
	format, err = ParseFormat(string(format))
	if err != nil {
		return res, err
	}
	s, err := openSessionAt(path, format, sheet.Limits{}, headerRow)
	if err != nil {
		return res, err
	}
	defer s.Close()
	return preview(s)
}

func preview(s *session) (PreviewResult, error) {
	p := s.p
	p.keep = true
	res := PreviewResult{File: s.file, Format: s.format, Complete: true, HeaderRow: s.headRow, HeaderRows: s.header.rows}
	res.Detected = s.detected
	for {
		if p.rows >= previewMaxRows {
			res.Complete = false
			break
		}
		num, cells, keys, ok := s.next()
		if !ok {
			break
		}
		if _, _, _, err := p.parseRow(num, cells, keys); err != nil {
			return res, err
		}
	}
	if err := readErr(s.file, s.r.Err()); err != nil {
		return res, err
	}
	layout := p.finish()
	res.Rows = p.rows
	res.Warnings = append(append(append([]string{}, s.warn...), p.warnings()...), p.hintNotes(layout)...)
	res.Warnings = append(res.Warnings, keyNotes(layout)...)
	layout = append(layout, p.personalLayouts()...)
	for _, l := range layout {
		pq := PreviewQuestion{Question: l.Question, Samples: []string{}}
		seen := map[string]bool{}
		for _, slots := range p.samples {
			a := l.Assemble(slots)
			if a != "" && !seen[a] && len(pq.Samples) < 3 {
				seen[a] = true
				pq.Samples = append(pq.Samples, clip(a))
			}
		}
		res.Questions = append(res.Questions, pq)
	}
	if p.rows == 0 {
		res.Warnings = append(res.Warnings, "文件只有表头，没有答卷数据")
	}
	res.Meta = p.metaColumns()
	return res, nil
}
