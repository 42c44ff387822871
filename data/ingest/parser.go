package ingest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
)

// qkind is how a question's columns are laid out in the export.
type qkind int

const (
	kPlain    qkind = iota // one column, one answer
	kWJX                   // 问卷星 expanded "N、(x)" columns: 0/1 flags, ranks or matrix rows
	kTencent               // 腾讯问卷 "N.题目:x" columns: flags (non-empty = chosen) or matrix rows
	kLime                  // LimeSurvey "code[SQ]" columns: Y flags, ranking positions or array rows
	kOther                 // free text of the "other" option (Q<n>.other)
	kFill                  // 腾讯问卷 blank "N.题目_填空k" (Q<n>.fill<k>)
	kComment               // LimeSurvey "code[comment]"
	kPersonal              // personal data (姓名, 证件号…): stored apart as a meta question (keys.go), never a Q<n>
)

// question is a question being built from its columns.
type question struct {
	num    int
	text   string
	kind   qkind
	sub    string   // suffix for companions: "other", "fill1", "comment"
	slots  []int    // kind-specific: one slot, or one per expanded column
	labels []string // per slot: option label / sub-question code
	heads  []string // per slot: the column header
	pos    int      // questionnaire order (first column × 8, companions just after)
	other  *question
	lime   string // LimeSurvey question code
	// rowDistinct stays true while every row's non-empty values across the slots are distinct.
	rowDistinct bool
}

// column is what one column of the sheet holds.
type column struct {
	header string
	meta   metaField
	q      *question
	slot   int // -1 when not an answer column
	// What the column's repeated texts become (see memoize): vals, found by raw text through memo or
	// by the reader's cell key through byKey (index+1; 0 = not known).
	memo  map[string]int32
	vals  []cellValue
	byKey []int32
	// looked counts texts looked up in memo; unique says the memo filled up with texts seen about once
	// (comments, ids): looking them up costs more than it saves, so the column stops doing it.
	looked int
	unique bool
}

// slotStat summarises the values of one slot, to decide types and options after the last row.
type slotStat struct {
	answered   int
	nonNumeric bool
	nonInt     bool
	nonFlag    bool // a value other than 0/1
	nonYN      bool // a value other than Y/N, Yes/No, 是/否
	maxNum     float64
	maxRunes   int
	totalRunes int
	multi      bool // saw MultiSep
	arrow      bool // saw → (ranking)
	first      string
	distinct2  bool // more than one distinct value
	opts       []string
	optIdx     map[string]bool
	overflow   bool // too many distinct options to be a choice
	// seps tracks, for 金数据 and generic sheets, values joined by another separator ("A,B", "A\nB"):
	// if their parts form a small set of short options, the column is a multi-select.
	seps map[string]*sepStat
	// hintBeaten: the header reads like an open question but the data made it a choice (a warning).
	hintBeaten bool
	// rep holds the values given more than once: a choice has hardly any given only once, while 无 plus
	// suggestions of one's own has many (see clearChoice).
	rep map[string]bool
}

// sepStat collects the parts of the values that contain one separator.
type sepStat struct {
	parts []string
	idx   map[string]bool
	bad   bool // a part too long, or too many parts: not a list of options
}

// altSeps are the separators other exports use for multi-select cells (never "、" or "，": they
// appear inside option texts and sentences).
var altSeps = []string{"\n", ",", ";", "；", "|"}

const (
	maxSepParts     = 30
	maxSepPartRunes = 20
)

const (
	maxOptions     = 200 // distinct options a choice question may have
	maxOptionRunes = 100
	previewRows    = 200 // rows kept in memory for preview samples
)

// parser turns the rows of one file into responses.
type parser struct {
	file    string
	format  Format
	cols    []column
	qs      []*question
	stats   []*slotStat
	nslots  int
	slotBuf []string
	idBuf   []int32           // per slot of the current row: the column's id of the value (see cellValue), or -1
	metaIdx map[metaField]int // first column of each metadata field
	respCol int               // column used as respondent id (-1: none)
	hasDur  bool
	rows    int
	samples [][]string // first rows' slots, for preview
	keep    bool       // keep samples

	date1904 bool // the workbook counts date serials from 1904 (Mac Excel)
	// budget is what the option statistics of all slots may still hold, in bytes; past it a slot
	// counts as having too many options. Keeps a hostile 16,384-column file within bounded memory.
	budget      int
	sampleBytes int // bytes kept in samples
	memoBytes   int // bytes of cell texts remembered by the columns
	memoKeys    int // byKey entries of all columns

	notes   []string     // warnings from reading the header: renumbered, sub-item and personal columns (keys.go)
	subRows map[int]bool // questions whose rows were bare headers after them (问卷星 2016 matrices)

	repeatedHeaders []int // rows equal to the header, skipped
	errorCells      int   // Excel error values (#N/A…) taken as missing

	rowx rowExtras // completion flags and unreadable metadata cells (types.go)
}

// excelErrors are Excel's error values: a formula gone wrong, never an answer.
var excelErrors = map[string]bool{"#N/A": true, "#VALUE!": true, "#REF!": true, "#DIV/0!": true, "#NAME?": true, "#NULL!": true, "#NUM!": true, "#GETTING_DATA": true}

// isHeader says whether a row repeats the header.
func (p *parser) isHeader(row []string) bool {
	if len(row) == 0 || len(p.cols) == 0 || strings.TrimSpace(row[0]) != p.cols[0].header {
		return false
	}
	n := 0
	for i, c := range row {
		c = strings.TrimSpace(c)
		if i >= len(p.cols) || c != p.cols[i].header {
			return false
		}
		if c != "" {
			n++
		}
	}
	return n >= 2
}

// warnings are the parser's notes for the summary.
func (p *parser) warnings() []string {
	var w []string
	if n := len(p.repeatedHeaders); n > 0 {
		rows := fmt.Sprintf("第%d行", p.repeatedHeaders[0])
		if n > 1 {
			rows = fmt.Sprintf("第%d行等 %d 行", p.repeatedHeaders[0], n)
		}
		w = append(w, rows+"与表头相同（可能是两次导出拼接而成），已跳过")
	}
	if p.errorCells > 0 {
		w = append(w, fmt.Sprintf("%d 个单元格是 Excel 错误值（如 #N/A），按未作答处理", p.errorCells))
	}
	if note := p.incompleteNote(); note != "" {
		w = append(w, note)
	}
	w = append(w, p.badMetaNotes()...)
	return w
}

const (
	statsBudget    = 64 << 20
	maxSampleBytes = 16 << 20
)

func newParser(file string, format Format, header []string) *parser {
	p := &parser{file: file, format: format, metaIdx: map[metaField]int{}, respCol: -1, budget: statsBudget}
	p.build(header)
	return p
}

func (p *parser) newSlot() int {
	p.stats = append(p.stats, &slotStat{optIdx: map[string]bool{}})
	p.nslots++
	return p.nslots - 1
}

func (p *parser) addQuestion(q *question) *question {
	q.rowDistinct = true
	p.qs = append(p.qs, q)
	return q
}

// build classifies every header cell: metadata, personal data, a plain question, or part of an
// expanded group, and gives each question its number (see keys.go).
func (p *parser) build(header []string) {
	p.cols = make([]column, len(header))
	p.subRows = map[int]bool{}
	groups := map[string]*question{} // expanded groups by number / LimeSurvey code
	limeNum := map[string]int{}
	nk := newNumbering(p.format, header)
	// 问卷星's 2016 matrix layout: "N、题目" then bare headers, one per row of the matrix (when the
	// question reads like a matrix's: 以下/下列/各项…; else a bare header is a column of its own).
	var lastPlain *question
	var bare []string
	flushBare := func() {
		if lastPlain != nil && len(bare) > 0 {
			p.notes = append(p.notes, subRowNote(lastPlain.num, bare))
			p.subRows[lastPlain.num] = true
		}
		bare = nil
	}
	// Sheets that do not number their questions: neighbouring "题目—子项" columns (a joined two-row
	// header) are the rows of one question.
	stems := map[int]string{}
	if !nk.numbered && p.format != LimeSurvey && p.format != Tencent {
		for i := range header {
			h := strings.TrimSpace(header[i])
			k := strings.Index(h, "—")
			if k <= 0 || k+len("—") == len(h) {
				continue
			}
			if _, meta := lookupMeta(h); meta {
				continue
			}
			stem := h[:k]
			prev := i > 0 && strings.HasPrefix(strings.TrimSpace(header[i-1]), stem+"—")
			next := i+1 < len(header) && strings.HasPrefix(strings.TrimSpace(header[i+1]), stem+"—")
			if prev || next {
				stems[i] = stem
			}
		}
	}
	// Numbered sheets (not 问卷星/腾讯问卷, whose finish reads same-number columns as matrix rows): a
	// number on several columns is one question with rows.
	numCount := map[int]int{}
	if nk.numbered && (p.format == Generic || p.format == Jinshuju || p.format == TxDocs) {
		for _, raw := range header {
			h := strings.TrimSpace(raw)
			if _, meta := lookupMeta(h); meta || h == "" {
				continue
			}
			if n, ok := headerNum(p.format, h); ok {
				numCount[n]++
			}
		}
	}
	for i, raw := range header {
		h := strings.TrimSpace(raw)
		c := &p.cols[i]
		c.header, c.slot = h, -1
		pos := i * 8
		if a, ok := lookupMeta(h); ok && h != "" {
			c.meta = a.field
			if a.field == metaPersonal {
				s := p.newSlot()
				c.slot = s
				c.q = p.addQuestion(&question{text: h, kind: kPersonal, slots: []int{s}, heads: []string{h}, pos: pos})
				continue
			}
			if _, dup := p.metaIdx[a.field]; !dup {
				p.metaIdx[a.field] = i
			}
			continue
		}
		addPlain := func(num int, text string) {
			s := p.newSlot()
			c.slot = s
			c.q = p.addQuestion(&question{num: num, text: text, kind: kPlain, slots: []int{s}, heads: []string{h}, pos: pos})
		}
		addMember := func(key string, kind qkind, num int, text, label string) {
			q := groups[key]
			if q == nil {
				q = p.addQuestion(&question{num: num, text: text, kind: kind, pos: pos})
				groups[key] = q
			}
			s := p.newSlot()
			c.slot, c.q = s, q
			q.slots = append(q.slots, s)
			q.labels = append(q.labels, label)
			q.heads = append(q.heads, h)
		}
		addCompanion := func(num int, kind qkind, sub string) {
			s := p.newSlot()
			c.slot = s
			c.q = p.addQuestion(&question{num: num, text: h, kind: kind, sub: sub, slots: []int{s}, heads: []string{h}, pos: pos})
		}
		if h == "" {
			if p.format == WJXText || p.format == WJXCode || p.format == Tencent || p.format == Wenjuan {
				// The export numbers its questions: an unnamed column takes no number of theirs
				// (it would turn the next question into rows of a matrix); it is kept as Q0.
				addPlain(0, fmt.Sprintf("（第%s列）", colName(i+1)))
				continue
			}
			addPlain(nk.free(""), fmt.Sprintf("（第%s列）", colName(i+1)))
			continue
		}
		switch p.format {
		case WJXText, WJXCode, Wenjuan:
			if m := reWJXOld.FindStringSubmatch(h); m != nil {
				flushBare()
				lastPlain = nil
				n := atoi(m[1])
				addMember("n"+m[1], kWJX, n, fmt.Sprintf("第%d题", n), strings.TrimSpace(m[2]))
			} else if m := reWJXExpanded.FindStringSubmatch(h); m != nil {
				flushBare()
				lastPlain = nil
				n := atoi(m[1])
				addMember("n"+m[1], kWJX, n, fmt.Sprintf("第%d题", n), strings.TrimSpace(m[2]))
			} else if m := reWenjuanSub.FindStringSubmatch(h); m != nil && p.format == Wenjuan {
				flushBare()
				lastPlain = nil
				n := atoi(m[1])
				text, label := m[2], ""
				if k := strings.LastIndex(text, "_"); k > 0 {
					text, label = text[:k], text[k+1:]
				}
				if label == "" {
					addPlain(n, h)
				} else {
					addMember("n"+m[1], kWJX, n, fmt.Sprintf("%d、%s", n, text), label)
				}
			} else if n, ok := headerNum(p.format, h); ok {
				flushBare()
				addPlain(n, h)
				lastPlain = c.q
			} else if lastPlain != nil && p.format != Wenjuan && matrixStem(lastPlain.text) {
				bare = append(bare, h)
				addPlain(lastPlain.num, lastPlain.text+"—"+h)
			} else {
				addPlain(nk.free(h), h)
			}
		case Tencent:
			if m := reTencentBlank.FindStringSubmatch(h); m != nil {
				addCompanion(atoi(m[1]), kFill, "fill"+m[3])
			} else if m := reTencentOpt.FindStringSubmatch(h); m != nil {
				addMember("n"+m[1], kTencent, atoi(m[1]), h, "")
			} else if m := reNumbered.FindStringSubmatch(h); m != nil {
				addPlain(atoi(m[1]), h)
			} else {
				addPlain(nk.free(h), h)
			}
		case LimeSurvey:
			m := reLime.FindStringSubmatch(h)
			if m == nil {
				// Full-text headings: "您常用的渠道 [网站]" is option 网站 of that question; "您的职业 [其他]"
				// is the other-text of the question headed "您的职业".
				if t := reLimeText.FindStringSubmatch(h); t != nil {
					code := "t" + strings.TrimSpace(t[1])
					n, seen := limeNum[code]
					if !seen {
						n = nk.free("")
						limeNum[code] = n
					}
					if sub := strings.TrimSpace(t[2]); sub == "其他" || strings.EqualFold(sub, "other") {
						addCompanion(n, kOther, "other")
						c.q.lime = code
					} else {
						addMember("c"+code, kLime, n, t[1], sub)
						groups["c"+code].lime = code
					}
					continue
				}
				code := "t" + h
				n, seen := limeNum[code]
				if !seen {
					n = nk.free("")
					limeNum[code] = n
				}
				addPlain(n, h)
				c.q.lime = code
				continue
			}
			code, sub := m[1], m[2]
			n, seen := limeNum[code]
			if !seen {
				if num, ok := limeCodeNum(code); ok {
					n = num
				} else {
					n = nk.free(code)
				}
				limeNum[code] = n
			}
			switch {
			case !strings.Contains(h, "["):
				addPlain(n, h)
				c.q.lime = code
			case strings.EqualFold(sub, "other"):
				addCompanion(n, kOther, "other")
				c.q.lime = code
			case strings.EqualFold(sub, "comment"):
				addCompanion(n, kComment, "comment")
			default:
				// "code[SQ001]. 题目 [选项]" (code and text headings) gives the option its label.
				text, label := code, sub
				if t := strings.TrimSpace(m[3]); t != "" {
					text = t
					if i := strings.LastIndex(t, " ["); i > 0 && strings.HasSuffix(t, "]") {
						text, label = strings.TrimSpace(t[:i]), t[i+2:len(t)-1]
					}
				}
				addMember("c"+code, kLime, n, text, label)
				groups["c"+code].lime = code
			}
		default: // 金数据, collection forms, hand-made sheets
			if stem, ok := stems[i]; ok { // "题目—子项" of a joined two-row header
				key := "s" + stem
				n := 0
				if g := groups[key]; g != nil {
					n = g.num
				} else {
					n = nk.free(h)
				}
				addMember(key, kWJX, n, stem, strings.TrimPrefix(h, stem+"—"))
				continue
			}
			if n, ok := headerNum(p.format, h); ok && nk.numbered {
				if numCount[n] > 1 {
					label := h
					if k := strings.Index(h, "—"); k > 0 {
						label = h[k+len("—"):]
					}
					addMember(fmt.Sprintf("n%d", n), kWJX, n, h, label)
					continue
				}
				addPlain(n, h)
				continue
			}
			addPlain(nk.free(h), h)
		}
	}
	flushBare()
	// 腾讯问卷 groups: the question text is the longest prefix all its headers share before a ':'.
	for _, q := range p.qs {
		if q.kind != kTencent {
			continue
		}
		prefix := tencentPrefix(q.heads)
		q.text = prefix
		for k, h := range q.heads {
			q.labels[k] = strings.TrimSpace(strings.TrimPrefix(h, prefix+":"))
		}
	}
	// LimeSurvey "code[other]" belongs to the code's question (its flags may count it as 其他).
	for _, q := range p.qs {
		if q.kind == kOther && q.lime != "" {
			if g := groups["c"+q.lime]; g != nil {
				g.other = q
			} else {
				for _, o := range p.qs {
					if o.kind == kPlain && o.lime == q.lime {
						o.other = q
					}
				}
			}
		}
	}
	// The respondent id: a real identity beats the export's serial number.
	if i, ok := p.metaIdx[metaRespondent]; ok {
		p.respCol = i
	} else if i, ok := p.metaIdx[metaSerial]; ok {
		p.respCol = i
	}
	_, p.hasDur = p.metaIdx[metaDuration]
	p.slotBuf = make([]string, p.nslots)
	p.notes = append(append(append(nk.notes(p.format), p.notes...), p.sameNumberNotes()...), p.personalNote()...)
}

// tencentPrefix finds the question part of "N.题目:选项" headers.
func tencentPrefix(heads []string) string {
	first := heads[0]
	best := ""
	for i := 0; i < len(first); i++ {
		if first[i] != ':' {
			continue
		}
		cand := first[:i]
		ok := true
		for _, h := range heads {
			if !strings.HasPrefix(h, cand+":") || len(h) == len(cand)+1 {
				ok = false
				break
			}
		}
		if ok {
			best = cand
			if len(heads) == 1 { // one column: the first ':' splits question and option
				break
			}
		}
	}
	if best == "" {
		if i := strings.IndexByte(first, ':'); i >= 0 {
			best = first[:i]
		}
	}
	return best
}

// colName is the spreadsheet letter of a 1-based column number.
func colName(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// cellErr is an InputError naming the file, row and column.
func (p *parser) cellErr(row, col int, format string, args ...any) error {
	return data.InputErrorf("文件「%s」第%d行第%s列：%s", p.file, row, colName(col+1), fmt.Sprintf(format, args...))
}

// parseRow turns one data row into metadata and slot values. skip is true for a row with no content.
// keys are the reader's cell keys (sheet.CellKeys; may be nil). The returned slots are valid until the
// next call.
func (p *parser) parseRow(rowNum int, row []string, keys []int32) (m data.ResponseMeta, slots []string, skip bool, err error) {
	empty := true
	for _, c := range row {
		if trimSpace(c) != "" {
			empty = false
			break
		}
	}
	if empty {
		return m, nil, true, nil
	}
	if p.isHeader(row) { // a second export pasted below the first
		p.repeatedHeaders = append(p.repeatedHeaders, rowNum)
		return m, nil, true, nil
	}
	for i := len(p.cols); i < len(row); i++ {
		if v := trimSpace(row[i]); v != "" {
			return m, nil, false, p.cellErr(rowNum, i, "该列没有表头，却有内容 %q；请检查文件是否错位或表头是否缺失", clip(v))
		}
	}
	m.Duration = -1
	if len(p.slotBuf) < p.nslots {
		p.slotBuf = append(p.slotBuf, make([]string, p.nslots-len(p.slotBuf))...)
	}
	slots = p.slotBuf[:p.nslots]
	for k := range slots {
		slots[k] = ""
	}
	ids := p.idBuf[:0]
	for range p.nslots {
		ids = append(ids, -1)
	}
	p.idBuf = ids
	var start time.Time
	codes := p.format == WJXCode
	if !p.rowx.ready {
		p.initExtras()
	}
	incomplete := false
	submitted := false // the submit-time cell holds something (LimeSurvey: the response was submitted)
	for i := range p.cols {
		c := &p.cols[i]
		v := ""
		if i < len(row) {
			v = row[i]
		}
		if i == p.rowx.statusCol && unfinished(v, c.header) {
			incomplete = true
		}
		if c.slot < 0 {
			if c.meta == metaNone || c.meta == metaIgnore || p.metaIdx[c.meta] != i {
				continue
			}
			v = cleanMissing(v, false)
			if v == "" {
				continue
			}
			// An unreadable metadata cell is missing, counted per column in a warning: only answers
			// follow the strict rules (a NULL submit time must not refuse 1,000 good responses).
			if nullMarkers[v] {
				p.badMeta(i, v)
				continue
			}
			if c.meta == metaSubmitted {
				submitted = true
			}
			switch c.meta {
			case metaSubmitted, metaStart:
				raw := v
				if p.date1904 {
					v = shift1904(v)
				}
				t, ok := parseTime(v)
				if !ok {
					if p.format == LimeSurvey && strings.HasPrefix(raw, "1980-01-01") {
						break // LimeSurvey's stand-in date when an anonymous survey keeps no dates
					}
					p.badMeta(i, raw)
					break
				}
				if c.meta == metaSubmitted {
					m.Submitted = t
				} else {
					start = t
				}
			case metaDuration:
				d, ok := parseDuration(v)
				if !ok {
					p.badMeta(i, v)
					break
				}
				m.Duration = d
			case metaIP:
				m.IP = cleanIP(v) // any other text still tells respondents apart (NULL and the like are gone above)
			case metaSource:
				m.Source = v
			}
			if i == p.respCol {
				m.Respondent = v
			}
			continue
		}
		if v == "" {
			continue
		}
		key := int32(-1)
		if i < len(keys) {
			key = keys[i]
		}
		var e cellValue
		again := false // the column has had this text before: its statistics barely change
		if key >= 0 && int(key) < len(c.byKey) && c.byKey[key] > 0 {
			e, again = c.vals[c.byKey[key]-1], true
		} else {
			e, again = p.value(c, v, key, codes)
		}
		switch {
		case e.missing:
		case e.excelError:
			p.errorCells++
		default:
			if e.other != "" {
				p.otherSlot(c.q, slots, e.other)
				slots = p.slotBuf[:p.nslots]
			}
			slots[c.slot], ids[c.slot] = e.v, e.id
			if again {
				p.observeAgain(c.slot, e.runes)
				if !c.vals[e.id].twice { // the second time the column has this text: the slot learns it repeats
					c.vals[e.id].twice = true
					if !strings.Contains(e.v, data.MultiSep) {
						p.repeated(c.slot, e.v)
					}
				}
			} else {
				p.observe(c.slot, e.v)
			}
		}
	}
	if p.rowx.limeSubmit && !submitted {
		incomplete = true // LimeSurvey fills submitdate when the respondent submits the last page
		p.rowx.limeOpen++
	}
	if incomplete {
		p.rowx.incomplete = append(p.rowx.incomplete, rowNum)
	}
	if !p.hasDur && !start.IsZero() && !m.Submitted.IsZero() && !m.Submitted.Before(start) {
		m.Duration = m.Submitted.Sub(start).Seconds()
	}
	if m.Submitted.IsZero() && !start.IsZero() {
		m.Submitted = start
	}
	for _, q := range p.qs {
		if q.kind == kWJX || q.kind == kLime {
			if q.rowDistinct && !distinctValues(slots, q.slots) {
				q.rowDistinct = false
			}
		}
	}
	p.rows++
	if p.keep && len(p.samples) < previewRows && p.sampleBytes < maxSampleBytes {
		row := append([]string(nil), slots...)
		for _, v := range row {
			p.sampleBytes += len(v)
		}
		p.samples = append(p.samples, row)
	}
	return m, slots, false, nil
}

// cellValue is what an answer cell's text becomes; a column remembers it for the texts it has seen.
type cellValue struct {
	v          string // the answer ("" when only an other-text was given)
	other      string // free text of an "other" option, for the question's companion
	runes      int    // runes in v (set when remembered)
	id         int32  // index in the column's vals: equal ids, equal values (-1 when not remembered)
	missing    bool   // empty or a "no answer" marker
	excelError bool   // #N/A and the like: counted, taken as missing
	twice      bool   // the column has had this text twice (its slot knows the value repeats)
}

// cook turns an answer cell's raw text into its value.
func (p *parser) cook(c *column, v string, codes bool) cellValue {
	v = cleanMissing(wholeNumber(trimSpace(v)), codes)
	if v == "" {
		return cellValue{missing: true}
	}
	if v[0] == '#' && excelErrors[v] {
		return cellValue{excelError: true}
	}
	var e cellValue
	if c.q.kind == kPlain || c.q.kind == kWJX {
		v, e.other = splitOther(v)
	}
	if p.format == LimeSurvey {
		switch v {
		case "-oth-":
			v = "其他"
		case "N/A": // LimeSurvey's "no answer"
			return cellValue{missing: true}
		}
	}
	if strings.Contains(v, "→") {
		v = strings.ReplaceAll(v, "→", data.MultiSep)
		p.stats[c.slot].arrow = true
	}
	e.v = v
	return e
}

// value returns what the raw text v of column c becomes, remembering it when it may come again; again
// is true when the column has had v before. key is the reader's cell key (-1 when none).
func (p *parser) value(c *column, v string, key int32, codes bool) (e cellValue, again bool) {
	if !c.unique {
		c.looked++
		if n, ok := c.memo[v]; ok {
			p.learnKey(c, key, n)
			return c.vals[n], true
		}
	}
	text, remember := p.memoize(c, v)
	if remember {
		v = text // the stored copy: slot values must not pin the reader's buffers
	}
	e = p.cook(c, v, codes)
	e.id = -1
	if remember {
		n := int32(len(c.vals))
		e.runes, e.id = utf8.RuneCountInString(e.v), n
		c.vals = append(c.vals, e)
		c.memo[text] = n
		p.learnKey(c, key, n)
		c.unique = len(c.vals) == memoMaxEntries && c.looked < 2*memoMaxEntries
	}
	return e, false
}

// Survey answers repeat: a choice column holds a handful of distinct texts over 100,000 rows. Each
// column remembers what its short texts became, so a repeated cell costs one map lookup instead of
// cleaning, splitting and full statistics. Bounded per column and in total.
const (
	memoMaxEntries = 512
	memoMaxKey     = 128 // bytes; longer texts (comments) are rarely repeated
	memoMaxBytes   = 16 << 20
	memoMaxKeys    = 4 << 20 // byKey entries of all columns (4 bytes each)
)

// memoize says whether column c is to remember v, and returns the copy of v to remember it by.
func (p *parser) memoize(c *column, v string) (string, bool) {
	if len(v) > memoMaxKey || len(c.memo) >= memoMaxEntries || p.memoBytes+len(v) > memoMaxBytes {
		return "", false
	}
	if c.memo == nil {
		c.memo = map[string]int32{}
	}
	p.memoBytes += len(v)
	return strings.Clone(v), true
}

// learnKey lets column c find vals[n] by the reader's key for its text from now on: a slice index
// instead of hashing the text (shared strings repeat the same key).
func (p *parser) learnKey(c *column, key, n int32) {
	if key < 0 {
		return
	}
	if grow := int(key) + 1 - len(c.byKey); grow > 0 {
		if p.memoKeys+grow > memoMaxKeys {
			return
		}
		p.memoKeys += grow
		c.byKey = append(c.byKey, make([]int32, grow)...)
	}
	c.byKey[key] = n + 1
}

// metaColumns lists the metadata columns and their use, in column order.
func (p *parser) metaColumns() []MetaColumn {
	out := []MetaColumn{}
	for i, c := range p.cols {
		if c.meta == metaPersonal {
			out = append(out, MetaColumn{Header: c.header, Use: "personal"})
			continue
		}
		if c.slot >= 0 || c.meta == metaNone {
			continue
		}
		use := "ignored"
		if p.metaIdx[c.meta] == i {
			use = map[metaField]string{metaSubmitted: "submitted", metaStart: "start", metaDuration: "duration", metaIP: "ip",
				metaRespondent: "respondent", metaSource: "source"}[c.meta]
		}
		if i == p.respCol {
			use = "respondent"
		}
		if use == "" {
			use = "ignored"
		}
		out = append(out, MetaColumn{Header: c.header, Use: use})
	}
	return out
}

// derivedOthers counts the other-text questions made from cell contents (not from a column).
func (p *parser) derivedOthers() int {
	n := 0
	for _, q := range p.qs {
		if q.kind == kOther && len(q.heads) == 0 {
			n++
		}
	}
	return n
}

// otherSlot stores the free text of an "other" option in the question's companion, made on first use.
func (p *parser) otherSlot(q *question, slots []string, text string) {
	if q.other == nil {
		s := p.newSlot()
		q.other = p.addQuestion(&question{num: q.num, text: q.text + "〖其他〗", kind: kOther, sub: "other", slots: []int{s}, pos: q.pos + 1})
		p.slotBuf = append(p.slotBuf, "")
	}
	s := q.other.slots[0]
	p.slotBuf[s] = text
	p.observe(s, text)
}

func distinctValues(slots []string, idx []int) bool {
	for a := 0; a < len(idx); a++ {
		va := slots[idx[a]]
		if va == "" || va == "0" { // 0: an option left unranked
			continue
		}
		for b := a + 1; b < len(idx); b++ {
			if slots[idx[b]] == va {
				return false
			}
		}
	}
	return true
}

func clip(v string) string {
	if utf8.RuneCountInString(v) > 40 {
		r := []rune(v)
		return string(r[:40]) + "…"
	}
	return v
}

// observeAgain updates a slot's statistics with a value it has observed before, of runes runes: only the
// counts change (every flag, maximum, option and separator part already took that value in).
func (p *parser) observeAgain(slot, runes int) {
	st := p.stats[slot]
	st.answered++
	st.totalRunes += runes
}

// observe updates a slot's statistics with one value.
func (p *parser) observe(slot int, v string) {
	st := p.stats[slot]
	st.answered++
	if st.answered == 1 {
		st.first = v
	} else if !st.distinct2 && v != st.first {
		st.distinct2 = true
	}
	if !st.nonFlag && v != "0" && v != "1" {
		st.nonFlag = true
	}
	if !st.nonYN && !yesNo[v] {
		st.nonYN = true
	}
	if !st.nonNumeric {
		if f, ok := parseNumber(v); !ok {
			st.nonNumeric, st.nonInt = true, true
		} else {
			if !isInt(v) {
				st.nonInt = true
			}
			if st.answered == 1 || f > st.maxNum {
				st.maxNum = f
			}
		}
	}
	n := utf8.RuneCountInString(v)
	st.totalRunes += n
	if n > st.maxRunes {
		st.maxRunes = n
	}
	if st.overflow {
		return
	}
	add := func(o string) {
		if st.optIdx[o] {
			return
		}
		if len(st.opts) >= maxOptions || utf8.RuneCountInString(o) > maxOptionRunes || p.budget < len(o) {
			st.overflow = true
			st.opts, st.optIdx = nil, nil
			return
		}
		st.optIdx[o] = true
		st.opts = append(st.opts, o)
		p.budget -= len(o)
	}
	if st.optIdx[v] && !strings.Contains(v, data.MultiSep) {
		p.repeated(slot, v)
	}
	if !st.multi && p.format != WJXText && p.format != WJXCode && p.format != Tencent && p.format != LimeSurvey {
		// Layouts with no multi-select form of their own (金数据, 腾讯文档 forms, any sheet) join options
		// with a separator of the owner's choosing.
		p.observeSeps(st, v)
	}
	if strings.Contains(v, data.MultiSep) {
		st.multi = true
		for _, o := range strings.Split(v, data.MultiSep) {
			if o = strings.TrimSpace(o); o != "" && !st.overflow {
				add(o)
			}
		}
		return
	}
	add(v)
}

// yesNo are the cells of a LimeSurvey multiple-choice column (codes or answer texts).
var yesNo = map[string]bool{"Y": true, "N": true, "Yes": true, "No": true, "是": true, "否": true, "已选": true, "未选": true}

// textHints in a header suggest an open question even when few people answered it.
var textHints = []string{"建议", "意见", "请说明", "请填写", "请写出", "请简述", "留言", "其他想法", "具体"}

// inferType decides a one-slot question's type from its statistics.
func (p *parser) inferType(st *slotStat, header string) (data.QuestionType, []string) {
	switch {
	case st.arrow:
		return data.QRanking, orderOptions(st.opts)
	case st.multi && !st.overflow:
		return data.QMulti, orderOptions(st.opts)
	case st.answered == 0:
		return data.QSingle, []string{}
	}
	if !st.nonNumeric {
		if p.format == WJXCode && !st.nonInt {
			return data.QSingle, orderOptions(st.opts)
		}
		if !st.nonInt && !st.overflow && len(st.opts) <= 11 && st.maxNum <= 10 {
			return data.QRating, orderOptions(st.opts)
		}
		return data.QFill, []string{}
	}
	hinted := hinted(header)
	distinct := len(st.opts)
	avg := float64(st.totalRunes) / float64(st.answered)
	// The data decides when it is plain (a handful of answers, each given many times, whatever their
	// length); the header's wording only decides the cases the data leaves open.
	if clearChoice(st) {
		st.hintBeaten = hinted && !inScale(st.opts)
		return data.QSingle, orderOptions(st.opts)
	}
	if hinted && !inScale(st.opts) {
		return data.QOpenText, []string{}
	}
	choice := !st.overflow && distinct <= 50 && st.maxRunes <= 30 && (st.answered >= 2*distinct || distinct <= 5)
	if choice {
		return data.QSingle, orderOptions(st.opts)
	}
	if st.maxRunes <= 20 && avg <= 10 && !hinted {
		return data.QFill, []string{}
	}
	return data.QOpenText, []string{}
}

// finish decides every question's type and options and returns the file's layout, in questionnaire
// order with unique keys.
func (p *parser) finish() []data.QuestionLayout {
	sort.SliceStable(p.qs, func(i, j int) bool { return p.qs[i].pos < p.qs[j].pos })
	var out []data.QuestionLayout
	add := func(l data.QuestionLayout) {
		if l.Options == nil {
			l.Options = []string{}
		}
		out = append(out, l)
	}
	key := func(n int, sub string) string {
		if sub == "" {
			return fmt.Sprintf("Q%d", n)
		}
		return fmt.Sprintf("Q%d.%s", n, sub)
	}
	// Several plain columns with one number ("5、题目—服务态度", "5、题目—办事效率") are the rows of
	// question 5: Q5.1, Q5.2, ….
	plainByNum := map[int]int{}
	for _, q := range p.qs {
		if q.kind == kPlain && q.num > 0 {
			plainByNum[q.num]++
		}
	}
	row := map[int]int{}
	for _, q := range p.qs {
		switch q.kind {
		case kPlain:
			st := p.stats[q.slots[0]]
			if st.answered == 0 && strings.HasPrefix(q.text, "（第") {
				continue // an unnamed, empty column (formatting left over in the sheet)
			}
			if plainByNum[q.num] > 1 && p.format != Generic && p.format != Jinshuju {
				row[q.num]++
				t, opts := p.inferType(st, q.text)
				if t == data.QSingle || t == data.QRating {
					t = data.QMatrix
				}
				add(data.QuestionLayout{Question: data.Question{Key: key(q.num, strconv.Itoa(row[q.num])), Num: q.num, Text: q.text, Type: t, Options: opts},
					Kind: data.AssembleValue, Slots: q.slots})
				continue
			}
			t, opts := p.inferType(st, q.text)
			if sep, alt := altMulti(st, q.text); sep != "" && t != data.QMulti && t != data.QRanking {
				add(data.QuestionLayout{Question: data.Question{Key: key(q.num, ""), Num: q.num, Text: q.text, Type: data.QMulti, Options: alt},
					Kind: data.AssembleValue, Slots: q.slots, Sep: sep})
				continue
			}
			add(data.QuestionLayout{Question: data.Question{Key: key(q.num, ""), Num: q.num, Text: q.text, Type: t, Options: opts},
				Kind: data.AssembleValue, Slots: q.slots})
		case kOther, kComment:
			add(data.QuestionLayout{Question: data.Question{Key: key(q.num, q.sub), Num: q.num, Text: q.text, Type: data.QOpenText},
				Kind: data.AssembleValue, Slots: q.slots})
		case kFill:
			add(data.QuestionLayout{Question: data.Question{Key: key(q.num, q.sub), Num: q.num, Text: q.text, Type: data.QFill},
				Kind: data.AssembleValue, Slots: q.slots})
		case kWJX, kTencent, kLime:
			out = append(out, p.finishGroup(q, key)...)
		}
	}
	// Unique keys: a repeat gets "#2", "#3"…
	seen := map[string]int{}
	for i := range out {
		k := out[i].Key
		seen[k]++
		if seen[k] > 1 {
			out[i].Key = fmt.Sprintf("%s#%d", k, seen[k])
		}
	}
	return out
}

// finishGroup decides what an expanded group is: one multi-select (flags), one ranking, or matrix rows.
func (p *parser) finishGroup(q *question, key func(int, string) string) []data.QuestionLayout {
	all := func(f func(st *slotStat) bool) bool {
		for _, s := range q.slots {
			if !f(p.stats[s]) {
				return false
			}
		}
		return true
	}
	answered := !all(func(st *slotStat) bool { return st.answered == 0 })
	labels := q.labels
	switch q.kind {
	case kWJX:
		if all(func(st *slotStat) bool { return !st.nonFlag }) {
			return []data.QuestionLayout{{Question: data.Question{Key: key(q.num, ""), Num: q.num, Text: q.text, Type: data.QMulti, Options: labels},
				Kind: data.AssembleFlags, Slots: q.slots, Labels: labels}}
		}
		if answered && q.rowDistinct && all(func(st *slotStat) bool { return !st.nonInt && st.maxNum <= float64(len(q.slots)) }) {
			return []data.QuestionLayout{{Question: data.Question{Key: key(q.num, ""), Num: q.num, Text: q.text, Type: data.QRanking, Options: labels},
				Kind: data.AssembleRanks, Slots: q.slots, Labels: labels}}
		}
	case kTencent:
		// Non-empty = chosen: one constant text per column ("选中", the option), or 0/1.
		if all(func(st *slotStat) bool { return !st.distinct2 || !st.nonFlag }) {
			return []data.QuestionLayout{{Question: data.Question{Key: key(q.num, ""), Num: q.num, Text: q.text, Type: data.QMulti, Options: labels},
				Kind: data.AssembleFlags, Slots: q.slots, Labels: labels}}
		}
	case kLime:
		if all(func(st *slotStat) bool { return !st.nonYN || !st.nonFlag }) {
			// Y/N flags (or 1/0 when exported with "convert Y to 1"); a filled [other] column also
			// counts as choosing 其他.
			slots, labels := append([]int(nil), q.slots...), append([]string(nil), q.labels...)
			if q.other != nil {
				slots = append(slots, q.other.slots[0])
				labels = append(labels, "其他")
			}
			return []data.QuestionLayout{{Question: data.Question{Key: key(q.num, ""), Num: q.num, Text: q.text, Type: data.QMulti, Options: labels},
				Kind: data.AssembleFlags, Slots: slots, Labels: labels}}
		}
		consecutive := true
		for k, l := range q.labels {
			if l != strconv.Itoa(k+1) {
				consecutive = false
			}
		}
		if consecutive && answered && q.rowDistinct && all(func(st *slotStat) bool { return st.nonNumeric || st.answered == 0 }) {
			var opts []string
			seen := map[string]bool{}
			for _, s := range q.slots {
				for _, o := range p.stats[s].opts {
					if !seen[o] {
						seen[o] = true
						opts = append(opts, o)
					}
				}
			}
			return []data.QuestionLayout{{Question: data.Question{Key: key(q.num, ""), Num: q.num, Text: q.text, Type: data.QRanking, Options: opts},
				Kind: data.AssembleOrdered, Slots: q.slots}}
		}
	}
	// Matrix rows (or LimeSurvey array sub-questions): one question per column.
	var out []data.QuestionLayout
	for k, s := range q.slots {
		t, opts := p.inferType(p.stats[s], q.heads[k])
		if t == data.QSingle || t == data.QRating {
			t = data.QMatrix
		}
		out = append(out, data.QuestionLayout{Question: data.Question{Key: key(q.num, strconv.Itoa(k+1)), Num: q.num, Text: q.heads[k], Type: t, Options: opts},
			Kind: data.AssembleValue, Slots: []int{s}})
	}
	return out
}

func (p *parser) observeSeps(st *slotStat, v string) {
	for _, sep := range altSeps {
		if !strings.Contains(v, sep) {
			continue
		}
		if st.seps == nil {
			st.seps = map[string]*sepStat{}
		}
		ss := st.seps[sep]
		if ss == nil {
			ss = &sepStat{idx: map[string]bool{}}
			st.seps[sep] = ss
		}
		if ss.bad {
			continue
		}
		for _, part := range strings.Split(v, sep) {
			part = strings.TrimSpace(part)
			if part == "" || ss.idx[part] {
				continue
			}
			if utf8.RuneCountInString(part) > maxSepPartRunes || len(ss.parts) >= maxSepParts || p.budget < len(part) {
				ss.bad = true
				ss.parts, ss.idx = nil, nil
				break
			}
			ss.idx[part] = true
			ss.parts = append(ss.parts, part)
			p.budget -= len(part)
		}
	}
}

// altMulti finds a separator that makes a column a multi-select: its parts, with the values that are a
// single option, form at most maxSepParts short options. It returns the separator and the options.
func altMulti(st *slotStat, header string) (string, []string) {
	if st.multi || st.arrow || st.seps == nil {
		return "", nil
	}
	if hinted(header) {
		return "", nil
	}
	for _, sep := range altSeps {
		ss := st.seps[sep]
		if ss == nil || ss.bad {
			continue
		}
		opts := append([]string(nil), ss.parts...)
		seen := map[string]bool{}
		for _, o := range opts {
			seen[o] = true
		}
		ok := !st.overflow
		wide := false // some answers joined by "，" instead (腾讯文档 forms mix both)
		for _, v := range st.opts {
			if strings.Contains(v, sep) || seen[v] {
				continue
			}
			if sep == "," && strings.Contains(v, "，") && knownParts(v, "，", seen) {
				wide = true
				continue
			}
			if utf8.RuneCountInString(v) > maxSepPartRunes {
				ok = false
				break
			}
			seen[v] = true
			opts = append(opts, v)
		}
		if ok && len(opts) <= maxSepParts && len(opts) >= 2 {
			if wide {
				sep = ",，"
			}
			return sep, orderOptions(opts)
		}
	}
	return "", nil
}
