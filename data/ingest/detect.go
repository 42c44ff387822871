package ingest

import (
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// headerScanRows is how many rows from the top may hold title lines before the header.
const headerScanRows = 30

// headerAt is where a file's header was found.
type headerAt struct {
	index int      // into the rows read ahead: the (first) header row
	rows  int      // header rows: 1, or 2 for a two-row header (question, then sub-item)
	cells []string // the header; a two-row header joined as "题目—子项"
	notes []string // warnings for the summary
}

// findHeader returns the index (into rows) of the header (see locateHeader).
func findHeader(rows [][]string) int {
	return detectHeader(rows)
}

// detectHeader returns the index of the first row that names metadata or numbered questions, or holds
// text (at most one number) in at least 2/3 as many cells as the widest row, or is the question row of a two-row header
// (a title row above a hand-made sheet has one or two cells; a data row holds numbers); else the first
// row at least 2/3 as wide as the widest row; else the first row.
func detectHeader(rows [][]string) int {
	widest := 0
	for _, r := range rows {
		widest = max(widest, countNonEmpty(r))
	}
	firstWide := -1
	for i, r := range rows {
		if i >= headerScanRows {
			break
		}
		nonEmpty, meta, numbered, numeric := 0, 0, 0, 0
		for _, c := range r {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			nonEmpty++
			if _, ok := lookupMeta(c); ok {
				meta++
			} else if reNumbered.MatchString(c) || reWJXOld.MatchString(c) || reWJXExpanded.MatchString(c) {
				numbered++
			} else if _, ok := parseNumber(c); ok {
				numeric++
			}
		}
		if nonEmpty >= 2 && (meta >= 1 || numbered >= 2) {
			return i
		}
		text := nonEmpty - numeric
		if text >= 2 && numeric <= 1 && (3*nonEmpty >= 2*widest || (i+1 < len(rows) && subHeader(r, rows[i+1]))) {
			return i
		}
		if nonEmpty >= 2 && 3*nonEmpty >= 2*widest && firstWide < 0 {
			firstWide = i
		}
	}
	if firstWide >= 0 {
		return firstWide
	}
	return 0
}

// subHeader says whether row sub holds the sub-items of header row top: text only (no numbers), some
// under an empty cell of top (a question merged across its sub-items) and some top cell with nothing
// below it (merged down over both rows, like 序号), nothing left of top's first cell.
func subHeader(top, sub []string) bool {
	under, alone, n, first := false, false, 0, -1
	for c := range max(len(top), len(sub)) {
		t, s := cellAt(top, c), cellAt(sub, c)
		if t != "" && first < 0 {
			first = c
		}
		if s == "" {
			if t != "" {
				alone = true
			}
			continue
		}
		if first < 0 || isInt(s) {
			return false
		}
		if _, ok := parseNumber(s); ok {
			return false
		}
		n++
		if t == "" {
			under = true
		}
	}
	return n >= 2 && under && alone
}

func cellAt(r []string, c int) string {
	if c < len(r) {
		return strings.TrimSpace(r[c])
	}
	return ""
}

// joinHeader joins a two-row header: a sub-item under a question merged across several columns is
// "题目—子项"; a cell with no sub-item keeps its own text.
func joinHeader(top, sub []string) []string {
	out := make([]string, max(len(top), len(sub)))
	carry := ""
	for c := range out {
		t, s := cellAt(top, c), cellAt(sub, c)
		switch {
		case t != "":
			carry = t
		case s != "":
			t = carry // under the merged question to the left
		default:
			carry = ""
		}
		switch {
		case s == "":
			out[c] = t
		case t == "":
			out[c] = s
		default:
			out[c] = t + "—" + s
		}
	}
	return out
}

// locateHeader finds the header among the rows read ahead (nums are their 1-based row numbers):
// at row want when want > 0, else by detectHeader; a two-row header below is joined; an integer
// header cell with integers below it is the 序号 column.
func locateHeader(rows [][]string, nums []int, want int, file string) (headerAt, error) {
	h := headerAt{rows: 1}
	if want > 0 {
		h.index = -1
		for i, n := range nums {
			if n == want {
				h.index = i
				break
			}
		}
		if h.index < 0 || countNonEmpty(rows[h.index]) == 0 {
			return h, data.InputErrorf("文件「%s」第%d行不能作表头（空行，或不在文件开头的 %d 行内）；请另选表头所在的行", file, want, headerScanRows)
		}
	} else {
		h.index = detectHeader(rows)
	}
	i := h.index
	h.cells = append([]string(nil), rows[i]...)
	if i > 0 {
		h.notes = append(h.notes, fmt.Sprintf("表头在第%d行，已跳过上方 %d 行标题", nums[i], i))
	}
	if i+1 < len(rows) && subHeader(rows[i], rows[i+1]) {
		h.cells, h.rows = joinHeader(rows[i], rows[i+1]), 2
		h.notes = append(h.notes, fmt.Sprintf("第%d行和第%d行是两行表头（题目在上、子项在下），已合并为“题目—子项”", nums[i], nums[i+1]))
	}
	data1 := rows[i+h.rows:]
	for c, v := range h.cells {
		v = strings.TrimSpace(v)
		if !isInt(v) {
			continue
		}
		ints, any := true, false
		for k, r := range data1 {
			if k >= sampleRows {
				break
			}
			if d := cellAt(r, c); d != "" {
				any = true
				ints = ints && isInt(d)
			}
		}
		if any && ints {
			h.cells[c] = "序号"
			h.notes = append(h.notes, fmt.Sprintf("第%d行第%s列的表头是数字 %s，下方都是整数，按“序号”列读取", nums[i], colName(c+1), v))
		}
	}
	return h, nil
}

// detectFormat picks the layout from the header names, with a look at a few data rows only to tell
// 问卷星's two exports apart (option texts or option numbers).
func detectFormat(header []string, sample [][]string) Format {
	score := map[Format]int{}
	wjx, wjxMeta, wjxNumbered := 0, 0, 0
	for _, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if a, ok := lookupMeta(h); ok {
			for _, f := range a.formats {
				if f == WJXText || f == WJXCode {
					if f == WJXText {
						wjxMeta++
					}
					continue
				}
				score[f]++
				if f == TxDocs { // "（自动）" is the collection form's own mark
					score[f]++
				}
			}
			continue
		}
		switch {
		case reWJXOld.MatchString(h), reWJXExpanded.MatchString(h):
			wjx += 2
		case reWenjuanSub.MatchString(h):
			score[Wenjuan]++
		case reWJXNumbered.MatchString(h):
			// "N、题目" is 问卷星's own numbering (腾讯问卷 writes "N."): with a single meta column such as
			// 提交答卷时间 the export is still 问卷星's. 问卷网 numbers the same way: its own metadata
			// (答卷编号, "(微信)" columns) decides then.
			wjxNumbered++
		case reTencentBlank.MatchString(h):
			score[Tencent]++
		case strings.Contains(h, "[") && reLime.MatchString(h):
			score[LimeSurvey]++
		}
	}
	wjx += wjxMeta
	if wjxMeta > 0 || score[Wenjuan] < 2 {
		wjx += wjxNumbered
	}
	best, bestScore := Generic, 1
	if wjx > bestScore {
		best, bestScore = WJXText, wjx
	}
	for _, f := range []Format{Tencent, Wenjuan, TxDocs, Jinshuju, LimeSurvey} {
		if score[f] > bestScore {
			best, bestScore = f, score[f]
		}
	}
	if best == WJXText && looksLikeCodes(header, sample) {
		return WJXCode
	}
	return best
}

// looksLikeCodes says whether a 问卷星 export holds option numbers: the older 第N题(选项) columns;
// else, when no cell joins options with ┋ (the text export's multi-select), a −2/−3 code or a group
// of expanded "N、(选项)" columns holding only 0/1; else every answered question cell is an integer.
// Fill-in and open questions hold text in both exports, so they alone must not decide.
func looksLikeCodes(header []string, sample [][]string) bool {
	var qcols []int
	group := map[int]int{} // column → question number of an expanded "N、(选项)" column
	for i, h := range header {
		h = strings.TrimSpace(h)
		if reWJXOld.MatchString(h) {
			return true
		}
		if _, ok := lookupMeta(h); !ok && h != "" {
			qcols = append(qcols, i)
			if m := reWJXExpanded.FindStringSubmatch(h); m != nil {
				group[i] = atoi(m[1])
			}
		}
	}
	answered, codes, allInt := 0, false, true
	notFlag := map[int]bool{} // question numbers with an expanded cell other than 0/1
	for _, r := range sample {
		for _, c := range qcols {
			if c >= len(r) {
				continue
			}
			v := cleanMissing(r[c], false)
			if v == "" {
				continue
			}
			answered++
			if strings.Contains(v, data.MultiSep) {
				return false
			}
			if v == "-2" || v == "-3" {
				codes = true
				continue
			}
			if n, ok := group[c]; ok && v != "0" && v != "1" {
				notFlag[n] = true
			}
			if !isInt(v) {
				allInt = false
			}
		}
	}
	size := map[int]int{}
	for _, n := range group {
		size[n]++
	}
	for n, k := range size {
		if k >= 2 && !notFlag[n] && answered > 0 {
			return true
		}
	}
	return codes || (allInt && answered > 0)
}

func isInt(v string) bool {
	if v == "" {
		return false
	}
	if v[0] == '-' || v[0] == '+' {
		v = v[1:]
	}
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

func countNonEmpty(r []string) int {
	n := 0
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}
