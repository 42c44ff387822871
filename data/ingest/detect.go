package ingest

import (
	"strings"

	"github.com/gongping/gongping/data"
)

// headerScanRows is how many rows from the top may hold title lines before the header.
const headerScanRows = 30

// findHeader returns the index (into rows) of the header: the first row that names metadata or
// numbered questions, else the first row at least 2/3 as wide as the widest row (a title row above a
// hand-made sheet has one or two cells), else the first row.
func findHeader(rows [][]string) int {
	widest := 0
	for _, r := range rows {
		widest = max(widest, countNonEmpty(r))
	}
	firstWide := -1
	for i, r := range rows {
		if i >= headerScanRows {
			break
		}
		nonEmpty, meta, numbered := 0, 0, 0
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
			}
		}
		if nonEmpty >= 2 && (meta >= 1 || numbered >= 2) {
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

// detectFormat picks the layout from the header names, with a look at a few data rows only to tell
// 问卷星's two exports apart (option texts or option numbers).
func detectFormat(header []string, sample [][]string) Format {
	score := map[Format]int{}
	wjx := 0
	for _, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if a, ok := lookupMeta(h); ok {
			for _, f := range a.formats {
				if f == WJXText || f == WJXCode {
					if f == WJXText {
						wjx++
					}
					continue
				}
				score[f]++
			}
			continue
		}
		switch {
		case reWJXOld.MatchString(h), reWJXExpanded.MatchString(h):
			wjx += 2
		case reWJXNumbered.MatchString(h):
			// "N、题目" is 问卷星's own numbering (腾讯问卷 writes "N."): with a single meta column such as
			// 提交答卷时间 the export is still 问卷星's.
			wjx++
		case reTencentBlank.MatchString(h):
			score[Tencent]++
		case strings.Contains(h, "[") && reLime.MatchString(h):
			score[LimeSurvey]++
		}
	}
	best, bestScore := Generic, 1
	if wjx > bestScore {
		best, bestScore = WJXText, wjx
	}
	for _, f := range []Format{Tencent, Jinshuju, LimeSurvey} {
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
