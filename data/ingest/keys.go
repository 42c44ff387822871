package ingest

import (
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// Question keys (DESIGN.md "Survey export layouts"): a scheme names a question Q<n> by its number IN
// THE EXPORT, so a numbered header keeps its own number and a column without one never takes a number
// a later header uses. Such a column is numbered after the highest number of the export (not given a
// name-based key): Q<n> is the one key form schemes, the scheme editor and `survey questions` know,
// and the column stays reachable by its exact header text, which is what stays stable between exports.

// numbering hands out the numbers of a file's question columns.
type numbering struct {
	numbered bool // the export numbers its questions: unnumbered columns go after its highest number
	top      int  // highest number given so far
	next     int  // next column-order number (unnumbered exports)
	moved    []string
	movedTo  []int
	hidden   bool // a numbered layout (问卷星, 腾讯问卷, 问卷网) with no number at all
	columns  int
}

// limeCodeNum reads the number of a LimeSurvey question code: "Q7", "q07", "G1Q7".
func limeCodeNum(code string) (int, bool) {
	c := strings.ToLower(code)
	if g := strings.IndexByte(c, 'q'); g > 0 && c[0] == 'g' && isInt(c[1:g]) {
		c = c[g:]
	}
	if len(c) < 2 || c[0] != 'q' || !isInt(c[1:]) || c[1] == '-' || c[1] == '+' || len(c) > 5 {
		return 0, false
	}
	return atoi(c[1:]), true
}

// headerNum is the question number a header carries in a layout, if any.
func headerNum(format Format, h string) (int, bool) {
	switch format {
	case LimeSurvey:
		if m := reLime.FindStringSubmatch(h); m != nil {
			return limeCodeNum(m[1])
		}
		return 0, false
	case Tencent:
		for _, re := range [](interface{ FindStringSubmatch(string) []string }){reTencentBlank, reTencentOpt, reNumbered} {
			if m := re.FindStringSubmatch(h); m != nil {
				return atoi(m[1]), true
			}
		}
		return 0, false
	}
	if format == Wenjuan {
		if m := reWenjuanSub.FindStringSubmatch(h); m != nil {
			return atoi(m[1]), true
		}
	}
	for _, re := range [](interface{ FindStringSubmatch(string) []string }){reWJXOld, reWJXExpanded, reDiTi, reNumbered} {
		if m := re.FindStringSubmatch(h); m != nil {
			return atoi(m[1]), true
		}
	}
	return 0, false
}

// newNumbering looks at every question header first: which numbers the export uses.
func newNumbering(format Format, header []string) *numbering {
	nk := &numbering{next: 1}
	count := 0
	for _, raw := range header {
		h := strings.TrimSpace(raw)
		if h == "" {
			continue
		}
		if _, ok := lookupMeta(h); ok {
			continue
		}
		nk.columns++
		if n, ok := headerNum(format, h); ok {
			count++
			nk.top = max(nk.top, n)
		}
	}
	switch format {
	case WJXText, WJXCode, Tencent, Wenjuan, LimeSurvey:
		nk.numbered = count > 0
		nk.hidden = count == 0 && nk.columns > 0 && format != LimeSurvey
	default: // hand-made sheets, 金数据, collection forms: numbers only when most headers carry one
		nk.numbered = count >= 2 && 2*count >= nk.columns
	}
	if !nk.numbered {
		nk.top = 0
	}
	return nk
}

// free numbers an unnumbered question column: after the export's numbers, or in column order.
func (nk *numbering) free(h string) int {
	if !nk.numbered {
		n := nk.next
		nk.next++
		return n
	}
	nk.top++
	if h != "" {
		nk.moved = append(nk.moved, h)
		nk.movedTo = append(nk.movedTo, nk.top)
	}
	return nk.top
}

// notes are the warnings about numbers: every renumbering is one the user sees.
func (nk *numbering) notes(format Format) []string {
	var w []string
	if len(nk.moved) > 0 {
		var hs, ks []string
		for i, h := range nk.moved {
			if i == 5 {
				hs = append(hs, fmt.Sprintf("等 %d 列", len(nk.moved)))
				break
			}
			hs = append(hs, "「"+clip(h)+"」")
		}
		for i, n := range nk.movedTo {
			if i == 5 {
				ks = append(ks, "…")
				break
			}
			ks = append(ks, fmt.Sprintf("Q%d", n))
		}
		w = append(w, fmt.Sprintf("%s没有题号，编为 %s（排在有题号的题目之后，不占用导出中的题号）", strings.Join(hs, ""), strings.Join(ks, "、")))
	}
	if nk.hidden && nk.next > 1 {
		w = append(w, fmt.Sprintf("导出的题目都没有题号（导出时隐藏了题号），已按列的顺序编为 Q1–Q%d；请按问卷核对评价方案中的题号", nk.next-1))
	}
	return w
}

// matrixWords mark a matrix question's stem ("您对以下方面的评价", "请对下列各项打分：").
var matrixWords = []string{"以下", "下列", "如下", "各项", "各方面", "几个方面"}

// matrixStem says whether a numbered header reads like the stem of a matrix question, whose rows may
// follow as bare headers (问卷星 2016).
func matrixStem(text string) bool {
	t := strings.TrimSpace(text)
	if strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") {
		return true
	}
	for _, w := range matrixWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// subRowNotes warns about 问卷星's 2016 matrix layout: bare headers read as the rows of the numbered
// question before them.
func subRowNote(num int, heads []string) string {
	names := make([]string, 0, len(heads))
	for i, h := range heads {
		if i == 4 {
			names = append(names, "…")
			break
		}
		names = append(names, clip(h))
	}
	return fmt.Sprintf("第%d题后的 %d 列（%s）没有题号，按第%d题的子项读取为 Q%d.2–Q%d.%d", num, len(heads), strings.Join(names, "、"), num, num, num, len(heads)+1)
}

// sameNumberNotes warns when plain columns share a number without looking like rows of one matrix
// ("5、题目—行"): they are read as rows Q<n>.1, Q<n>.2…, which is wrong if the export numbered twice.
func (p *parser) sameNumberNotes() []string {
	by := map[int][]*question{}
	var order []int
	for _, q := range p.qs {
		if q.kind != kPlain || q.num <= 0 {
			continue
		}
		if by[q.num] == nil {
			order = append(order, q.num)
		}
		by[q.num] = append(by[q.num], q)
	}
	var w []string
	for _, n := range order {
		qs := by[n]
		if len(qs) < 2 || p.subRows[n] {
			continue
		}
		stem := func(t string) string {
			if i := strings.Index(t, "—"); i > 0 {
				return t[:i]
			}
			return "\x00" + t
		}
		same := true
		for _, q := range qs[1:] {
			if stem(q.text) != stem(qs[0].text) {
				same = false
			}
		}
		if same {
			continue
		}
		var hs []string
		for _, q := range qs {
			hs = append(hs, "「"+clip(q.text)+"」")
		}
		w = append(w, fmt.Sprintf("第%d题有 %d 列（%s），按同一题的各行读取为 Q%d.1–Q%d.%d；若是不同的题，请检查导出的题号", n, len(qs), strings.Join(hs, ""), n, n, len(qs)))
	}
	return w
}

// personalNote says which columns were taken as personal data.
func (p *parser) personalNote() []string {
	var hs []string
	for _, q := range p.qs {
		if q.kind == kPersonal {
			hs = append(hs, "「"+clip(q.text)+"」")
		}
	}
	if len(hs) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s是个人信息，单独保存：不作为题目、不参与评分、不出现在公开的文件中", strings.Join(hs, ""))}
}

// personalLayouts are the personal columns, stored as questions of type meta with keys P1, P2…
// (no Q-number: they are not questions of the questionnaire).
func (p *parser) personalLayouts() []data.QuestionLayout {
	var out []data.QuestionLayout
	for _, q := range p.qs {
		if q.kind != kPersonal {
			continue
		}
		out = append(out, data.QuestionLayout{Question: data.Question{Key: fmt.Sprintf("P%d", len(out)+1), Text: q.text, Type: data.QMeta, Options: []string{}},
			Kind: data.AssembleValue, Slots: q.slots})
	}
	return out
}

// keyNotes warns about keys that finish had to make unique ("Q5#2").
func keyNotes(layout []data.QuestionLayout) []string {
	var w []string
	for _, l := range layout {
		if i := strings.IndexByte(l.Key, '#'); i > 0 {
			w = append(w, fmt.Sprintf("题目「%s」的编号 %s 与前面的题目重复，记为 %s；请检查导出的题号", clip(l.Text), l.Key[:i], l.Key))
		}
	}
	return w
}
