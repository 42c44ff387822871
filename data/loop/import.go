package loop

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/sheet"
	"github.com/gongping/gongping/data/store"
)

// Bounds of an opinions import: every imported cell is untrusted.
const (
	MaxOpinions   = 100_000 // rows of one file
	MaxContent    = 5000    // runes of one opinion
	maxSubmitter  = 100
	maxContact    = 200
	maxSeq        = 50
	maxClauseCell = 200
	maxWarnings   = 50
)

// ImportSummary is what an import reports (gongping import opinions prints it as JSON).
type ImportSummary struct {
	Format       string   `json:"format"` // "consultation" or "survey"
	File         string   `json:"file"`
	Rows         int      `json:"rows"`      // data rows read
	Imported     int      `json:"imported"`  // opinions stored
	Questions    int      `json:"questions"` // open-text questions read (survey); 0 for a consultation file
	Columns      []string `json:"columns"`   // recognised columns: field ← header
	Clusters     int      `json:"clusters"`
	Concentrated int      `json:"concentrated"`
	Warnings     []string `json:"warnings"`
}

// Fields of a consultation export and the header names they go by.
const (
	fSeq = iota
	fContent
	fTime
	fSubmitter
	fContact
	fClause
	nFields
)

var fieldNames = [nFields]string{"序号", "意见内容", "提交时间", "提交人", "联系方式", "涉及条款"}

var fieldAliases = [nFields][]string{
	fSeq:       {"序号", "编号", "序", "no", "no.", "id", "意见编号", "留言编号"},
	fContent:   {"意见内容", "意见建议", "意见", "内容", "建议", "建议内容", "意见或建议", "意见和建议", "意见及建议", "意见建议内容", "具体意见", "具体意见建议", "修改意见", "修改建议", "留言内容", "留言", "反馈内容", "正文", "comment", "comments", "content", "opinion"},
	fTime:      {"提交时间", "时间", "日期", "提交日期", "留言时间", "反馈时间", "发布时间", "提交答卷时间", "创建时间", "收到时间", "来信时间"},
	fSubmitter: {"提交人", "姓名", "留言人", "提出人", "意见人", "建议人", "反馈人", "单位/个人", "单位或个人", "姓名/单位", "单位/姓名", "姓名或单位", "提交单位", "单位名称", "单位", "用户名", "昵称", "署名", "来信人", "提出单位", "联系人", "name"},
	fContact:   {"联系方式", "联系电话", "电话", "手机", "手机号", "手机号码", "邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "联系地址", "地址", "通讯地址", "phone"},
	fClause:    {"涉及条款", "条款", "对应条款", "相关条款", "条目", "涉及条目", "章节", "涉及章节", "针对条款", "意见针对条款", "修改条款"},
}

// aboutOpinion tells a header that describes an opinion (its type, handling, reply) from its text.
func aboutOpinion(k string) bool {
	for _, w := range []string{"类型", "分类", "类别", "状态", "编号", "序号", "时间", "日期", "提出人", "建议人", "方式", "条款", "处理", "采纳", "回复", "答复", "反馈情况", "结果", "来源", "渠道"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

var bracketRe = regexp.MustCompile(`[（(【\[][^）)】\]]*[）)】\]]`)

// headerKey normalises a header cell for matching: width folded, lower case, no spaces, marks or notes.
func headerKey(h string) string {
	h = strings.ToLower(strings.Map(foldWidth, h))
	h = bracketRe.ReplaceAllString(h, "")
	h = strings.Map(func(r rune) rune {
		if r == ' ' || r == '*' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, h)
	return strings.TrimRight(h, ":：")
}

// columns maps a header row to fields; content may come from several columns.
type columns struct {
	of      [nFields][]int
	unknown []string
	names   []string
}

func matchHeader(row []string) (columns, bool) {
	var c columns
	used := make([]bool, len(row))
	for f := 0; f < nFields; f++ {
		for i, h := range row {
			k := headerKey(h)
			for _, a := range fieldAliases[f] {
				if !used[i] && k == a {
					c.of[f] = append(c.of[f], i)
					used[i] = true
				}
			}
		}
	}
	cells := 0
	for _, h := range row {
		if strings.TrimSpace(h) != "" {
			cells++
		}
	}
	// "对征求意见稿的意见（请详细填写）" and the like; a lone cell is then a title, not a header. Columns about
	// the opinion rather than its text (意见类型, 处理意见, 采纳情况, 回复…) are not it.
	if len(c.of[fContent]) == 0 && cells >= 2 {
		for i, h := range row {
			k := headerKey(h)
			if !used[i] && (strings.Contains(k, "意见") || strings.Contains(k, "建议")) && !aboutOpinion(k) {
				c.of[fContent] = append(c.of[fContent], i)
				used[i] = true
				break
			}
		}
	}
	for f := 0; f < nFields; f++ {
		for _, i := range c.of[f] {
			c.names = append(c.names, fmt.Sprintf("%s ← %s", fieldNames[f], strings.TrimSpace(row[i])))
		}
	}
	for i, h := range row {
		if !used[i] && strings.TrimSpace(h) != "" {
			c.unknown = append(c.unknown, strings.TrimSpace(h))
		}
	}
	return c, len(c.of[fContent]) > 0
}

var compactDateRe = regexp.MustCompile(`^\d{8}$`)

var dateRe = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?(?:Z|[+-]\d{2}:?\d{2})?$`)

// ParseSubmitted reads a submission time as exports write it; ok false when it is not a date.
// Returns "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS".
func ParseSubmitted(s string) (string, bool) {
	s = strings.TrimSpace(strings.Map(foldWidth, s))
	if compactDateRe.MatchString(s) { // 20260213
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	if m := dateRe.FindStringSubmatch(s); m != nil {
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		y, mo, d := n(1), n(2), n(3)
		t := time.Date(y, time.Month(mo), d, n(4), n(5), n(6), 0, time.UTC)
		if t.Year() != y || int(t.Month()) != mo || t.Day() != d || n(4) > 23 || n(5) > 59 || n(6) > 59 {
			return "", false
		}
		if m[4] == "" {
			return t.Format(data.DateLayout), true
		}
		return t.Format("2006-01-02 15:04:05"), true
	}
	// An Excel serial date stored without a date format (20000 ≈ 1954, 80000 ≈ 2119).
	if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 20000 && v < 80000 {
		secs := math.Round((v - math.Floor(v)) * 86400)
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v)).Add(time.Duration(secs) * time.Second)
		if secs == 0 {
			return t.Format(data.DateLayout), true
		}
		return t.Format("2006-01-02 15:04:05"), true
	}
	return "", false
}

// Progress reports how far an import is: done of total (bytes or rows; total 0 when unknown).
type Progress func(done, total int64)

// ImportFile imports a consultation export (.xlsx or .csv) as opinions of the policy, all or nothing, and
// re-clusters. The same export imported twice into the same policy is refused: it is recognised by the
// content of its rows, so a copy saved again (or as .csv) is recognised too.
func ImportFile(ctx context.Context, s *store.Store, policyID int64, path string, progress Progress) (ImportSummary, error) {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return ImportSummary{}, err
	}
	r, err := sheet.Open(path, sheet.Limits{MaxRows: MaxOpinions + 1000, MaxCellBytes: 64 << 10})
	if err != nil {
		return ImportSummary{}, sheetError(err)
	}
	defer r.Close()
	return importRows(ctx, s, policyID, filepath.Base(path), r, progress)
}

// RowReader is the part of sheet.Reader the importer needs (tests may feed rows directly).
type RowReader interface {
	Next() bool
	Row() []string
	RowNum() int
	Err() error
}

func sheetError(err error) error {
	if se, ok := err.(*sheet.Error); ok {
		return &data.InputError{Msg: se.Error(), Err: err}
	}
	return err
}

// colLetter names a 0-based column as Excel does.
func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func importRows(ctx context.Context, s *store.Store, policyID int64, name string, r RowReader, progress Progress) (ImportSummary, error) {
	h := sha256.New() // of every row read, header included: the export's fingerprint
	hashRow := func(row []string) {
		for _, c := range row {
			h.Write([]byte(c))
			h.Write([]byte{0x1f})
		}
		h.Write([]byte{0x1e})
	}
	res := ImportSummary{Format: SourceConsultation, File: name, Warnings: []string{}, Columns: []string{}}
	where := func(row int, col int) string {
		if col < 0 {
			return fmt.Sprintf("文件「%s」第%d行", name, row)
		}
		return fmt.Sprintf("文件「%s」第%d行第%s列", name, row, colLetter(col))
	}
	warn := func(format string, args ...any) {
		if len(res.Warnings) < maxWarnings {
			res.Warnings = append(res.Warnings, fmt.Sprintf(format, args...))
		} else if len(res.Warnings) == maxWarnings {
			res.Warnings = append(res.Warnings, "……其余提示从略")
		}
	}
	// The header is the first row (of the first 20) that names a content column; rows above it are titles.
	var cols columns
	found := false
	for i := 0; i < 20 && !found && r.Next(); i++ {
		hashRow(r.Row())
		cols, found = matchHeader(r.Row())
	}
	if err := r.Err(); err != nil {
		return res, sheetError(err)
	}
	if !found {
		return res, data.InputErrorf("文件「%s」：找不到意见内容列（表头应含 意见内容、意见建议、内容 等之一），请检查表头", name)
	}
	res.Columns = cols.names
	if len(cols.unknown) > 0 {
		warn("未识别的列已忽略：%s", strings.Join(cols.unknown, "、"))
	}
	cell := func(row []string, i int) string {
		if i < len(row) {
			return cleanText(row[i])
		}
		return ""
	}
	joined := func(row []string, f int, sep string) (string, int) {
		var parts []string
		col := -1
		for _, i := range cols.of[f] {
			if v := cell(row, i); v != "" {
				parts = append(parts, v)
				if col < 0 {
					col = i
				}
			}
		}
		return strings.Join(parts, sep), col
	}
	var ops []Opinion
	skipped := 0
	for r.Next() {
		if len(ops)%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
			if progress != nil {
				if sr, ok := r.(sheet.Reader); ok {
					progress(sheet.Progress(sr))
				}
			}
		}
		row, n := r.Row(), r.RowNum()
		hashRow(row)
		res.Rows++
		if res.Rows > MaxOpinions {
			return res, data.InputErrorf("文件「%s」超过 %d 条意见的上限，请拆分后分批导入", name, MaxOpinions)
		}
		o := Opinion{PolicyID: policyID, Source: SourceConsultation}
		var col int
		o.Content, col = joined(row, fContent, "\n")
		if o.Content == "" {
			skipped++
			continue
		}
		if l := len([]rune(o.Content)); l > MaxContent {
			return res, data.InputErrorf("%s：意见内容过长（%d 字，上限 %d 字），请检查该单元格", where(n, col), l, MaxContent)
		}
		o.Seq, col = joined(row, fSeq, " ")
		if len([]rune(o.Seq)) > maxSeq {
			return res, data.InputErrorf("%s：序号过长（上限 %d 字），请检查序号列", where(n, col), maxSeq)
		}
		if t, col := joined(row, fTime, " "); t != "" {
			v, ok := ParseSubmitted(t)
			if !ok {
				return res, data.InputErrorf("%s：无法识别的日期 %q，请检查提交时间列", where(n, col), truncate(t, 40))
			}
			o.Submitted = v
		}
		o.Submitter, col = joined(row, fSubmitter, " ")
		if len([]rune(o.Submitter)) > maxSubmitter {
			return res, data.InputErrorf("%s：提交人过长（上限 %d 字），请检查提交人列", where(n, col), maxSubmitter)
		}
		o.Contact, col = joined(row, fContact, "；")
		if len([]rune(o.Contact)) > maxContact {
			return res, data.InputErrorf("%s：联系方式过长（上限 %d 字），请检查联系方式列", where(n, col), maxContact)
		}
		clause, col := joined(row, fClause, "、")
		if len([]rune(clause)) > maxClauseCell {
			return res, data.InputErrorf("%s：涉及条款过长（上限 %d 字），请检查条款列", where(n, col), maxClauseCell)
		}
		o.Clauses = ParseClauses(clause)
		if len(o.Clauses) == 0 {
			o.Clauses = ClausesInText(o.Content)
		}
		ops = append(ops, o)
	}
	if err := r.Err(); err != nil {
		return res, sheetError(err)
	}
	if sr, ok := r.(sheet.Reader); ok {
		for _, w := range sheet.RepairWarnings(sr) {
			warn("文件「%s」%s", name, w)
		}
	}
	if skipped > 0 {
		warn("%d 行意见内容为空，已跳过", skipped)
	}
	if len(ops) == 0 {
		return res, data.InputErrorf("文件「%s」中没有意见（意见内容列均为空），请检查文件", name)
	}
	if c, err := s.Consultation(ctx, policyID); err == nil {
		outside := 0
		for _, o := range ops {
			if o.Submitted != "" && (o.Submitted[:10] < c.Start || o.Submitted[:10] > c.End) {
				outside++
			}
		}
		if outside > 0 {
			warn("%d 条意见的提交时间不在征求意见期（%s 至 %s）内，请核对", outside, c.Start, c.End)
		}
	}
	fingerprint := "rows:" + hex.EncodeToString(h.Sum(nil))
	if _, err := storeOpinions(ctx, s, policyID, SourceConsultation, name, fingerprint, res.Rows, ops); err != nil {
		return res, err
	}
	res.Imported = len(ops)
	return res, fillClusterCounts(ctx, s, policyID, &res)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func fillClusterCounts(ctx context.Context, s *store.Store, policyID int64, res *ImportSummary) error {
	sum, err := GetSummary(ctx, s, policyID)
	if err != nil {
		return err
	}
	res.Clusters, res.Concentrated = sum.Clusters, sum.Concentrated
	return nil
}

// storeOpinions writes one batch of opinions and re-clusters, in one transaction. A batch whose fingerprint was
// imported before is refused.
// It returns the id of the last opinion stored.
func storeOpinions(ctx context.Context, s *store.Store, policyID int64, source, name, fingerprint string, rows int, ops []Opinion) (int64, error) {
	var last int64
	err := s.Tx(ctx, func(tx *store.Tx) error {
		var importID int64
		if fingerprint != "" {
			im, err := tx.OpinionImportByFingerprint(ctx, policyID, fingerprint)
			if err == nil {
				when := strings.TrimSuffix(strings.Replace(im.ImportedAt, "T", " ", 1), "Z")
				return data.InputErrorf("该内容已于 %s（UTC）导入过（「%s」，%d 行），不会重复导入", when, im.File, im.Rows)
			}
			if !errors.Is(err, data.ErrNotFound) {
				return err
			}
			if importID, err = tx.AddOpinionImport(ctx, policyID, Import{Source: source, File: name, Rows: rows}, fingerprint); err != nil {
				return err
			}
		}
		var err error
		if last, err = tx.AddOpinions(ctx, policyID, importID, ops); err != nil {
			return err
		}
		return recluster(ctx, tx, policyID, false)
	})
	return last, err
}

// AddOpinion adds one opinion by hand (a letter, a hotline call, a remark at a meeting) and re-clusters.
// Source defaults to manual; Clause may name several clauses.
func AddOpinion(ctx context.Context, s *store.Store, policyID int64, o Opinion) (int64, error) {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return 0, err
	}
	o.Content = cleanText(o.Content)
	o.Submitter, o.Contact = cleanText(o.Submitter), cleanText(o.Contact)
	if o.Source == "" {
		o.Source = SourceManual
	}
	switch o.Source {
	case SourceManual, SourceHotline, SourceOfficer, SourceConsultation, SourceSurvey:
	default:
		return 0, data.InputErrorf("未知的意见来源 %q，可选：manual、hotline、officer、consultation、survey", o.Source)
	}
	switch {
	case o.Content == "":
		return 0, data.InputErrorf("请填写意见内容")
	case len([]rune(o.Content)) > MaxContent:
		return 0, data.InputErrorf("意见内容过长（上限 %d 字）", MaxContent)
	case len([]rune(o.Submitter)) > maxSubmitter:
		return 0, data.InputErrorf("提交人过长（上限 %d 字）", maxSubmitter)
	case len([]rune(o.Contact)) > maxContact:
		return 0, data.InputErrorf("联系方式过长（上限 %d 字）", maxContact)
	case len([]rune(o.Clause)) > maxClauseCell:
		return 0, data.InputErrorf("涉及条款过长（上限 %d 字）", maxClauseCell)
	}
	if o.Submitted != "" {
		v, ok := ParseSubmitted(o.Submitted)
		if !ok {
			return 0, data.InputErrorf("无法识别的日期 %q，请使用 YYYY-MM-DD 格式", o.Submitted)
		}
		o.Submitted = v
	}
	o.Clauses = ParseClauses(o.Clause)
	if len(o.Clauses) == 0 {
		o.Clauses = ClausesInText(o.Content)
	}
	return storeOpinions(ctx, s, policyID, o.Source, "", "", 1, []Opinion{o})
}

// Imports lists a policy's imported batches, oldest first.
func Imports(ctx context.Context, s *store.Store, policyID int64) ([]Import, error) {
	return s.OpinionImports(ctx, policyID)
}

// DeleteImport removes an imported batch and its opinions (the wrong file was imported), unless one of
// them is already part of what was published or named by a revision record.
func DeleteImport(ctx context.Context, s *store.Store, policyID, importID int64) error {
	ids, err := s.ImportedOpinions(ctx, policyID, importID)
	if errors.Is(err, data.ErrNotFound) {
		return &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的导入批次", policyID, importID), Err: data.ErrNotFound}
	}
	if err != nil {
		return err
	}
	return deleteOpinions(ctx, s, policyID, ids, importID)
}

// DeleteOpinions removes opinions (entered twice, or by mistake), unless one of them is already part of
// what was published or named by a revision record.
func DeleteOpinions(ctx context.Context, s *store.Store, policyID int64, ids []int64) error {
	if len(ids) == 0 {
		return data.InputErrorf("请选择要删除的意见")
	}
	return deleteOpinions(ctx, s, policyID, ids, 0)
}

func deleteOpinions(ctx context.Context, s *store.Store, policyID int64, ids []int64, importID int64) error {
	return s.Tx(ctx, func(tx *store.Tx) error {
		st, err := loadState(ctx, tx, policyID)
		if err != nil {
			return err
		}
		linked := map[int64]bool{}
		revs, err := tx.RevisionVersions(ctx, policyID)
		if err != nil {
			return err
		}
		for _, r := range currentRevisions(revs) {
			for _, o := range r.Opinions {
				linked[o] = true
			}
		}
		touched := map[int64]bool{}
		for _, id := range ids {
			i, ok := st.byID[id]
			if !ok {
				return &data.InputError{Msg: fmt.Sprintf("政策 %d 没有编号为 %d 的意见", policyID, id), Err: data.ErrNotFound}
			}
			o := st.opinions[i]
			if d := st.decisions[opinionKey(id)]; d != nil && d.Publication != nil {
				return data.InputErrorf("意见 %d 的处理意见已公开，不能删除", id)
			}
			if o.Cluster != nil && st.frozen(*o.Cluster) {
				return data.InputErrorf("意见 %d 所在的分组 %d 已公开，不能删除", id, *o.Cluster)
			}
			if linked[id] {
				return data.InputErrorf("意见 %d 已被修订记录引用，不能删除", id)
			}
			if o.Cluster != nil {
				touched[*o.Cluster] = true
			}
			if err := tx.DeleteOpinion(ctx, id); err != nil {
				return err
			}
		}
		// A cluster left empty goes, with its (draft) decision, unless a revision record names it.
		for c := range touched {
			left := 0
			for _, m := range st.clusters[c].members {
				if !containsID(ids, st.opinions[m].ID) {
					left++
				}
			}
			if left == 0 && !st.revLinked[c] {
				if err := tx.DeleteCluster(ctx, c); err != nil {
					return err
				}
			}
		}
		if importID != 0 {
			if err := tx.DeleteOpinionImport(ctx, importID); err != nil {
				return err
			}
		}
		return recluster(ctx, tx, policyID, false)
	})
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
