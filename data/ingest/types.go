package ingest

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/gongping/gongping/data"
)

// Question types: the data decides when it is unambiguous, the header's wording only breaks ties, and
// the user's choice (Options.Types) decides over both.

const (
	clearMaxOptions = 30 // a choice the data makes clear has at most this many distinct answers…
	clearMinAnswers = 30 // …over at least this many answers…
	clearRepeat     = 10 // …each distinct answer given this many times on average
)

// clearChoice says whether a text column's answers are plainly a choice: few distinct values, each given
// many times, hardly any given only once. No open question answered by hundreds of people comes down to
// a handful of texts; one where most wrote 无 still has its suggestions given once each.
func clearChoice(st *slotStat) bool {
	d := len(st.opts)
	if st.overflow || d < 1 || d > clearMaxOptions || st.answered < clearMinAnswers || st.answered < clearRepeat*d {
		return false
	}
	once := 0
	for _, o := range st.opts {
		if !st.rep[o] {
			once++
		}
	}
	return once <= max(1, d/5)
}

// repeated notes that a slot has had the value v more than once.
func (p *parser) repeated(slot int, v string) {
	st := p.stats[slot]
	if st.overflow { // too many options to be a choice: no need to know which repeat
		return
	}
	if st.rep == nil {
		st.rep = map[string]bool{}
	}
	st.rep[v] = true
}

// hinted says whether a header's wording suggests an open question (建议, 意见, 请说明…).
func hinted(header string) bool {
	for _, h := range textHints {
		if strings.Contains(header, h) {
			return true
		}
	}
	return false
}

// typeFamily groups the types that read a column the same way: a choice among options, free text,
// a list of options.
func typeFamily(t data.QuestionType) string {
	switch t {
	case data.QSingle, data.QMatrix, data.QRating:
		return "choice"
	case data.QFill, data.QOpenText:
		return "text"
	}
	return string(t)
}

// typeName is a type's Chinese name for warnings.
func typeName(t data.QuestionType) string {
	if n := data.QuestionTypeNames[t]; n != "" {
		return n
	}
	return string(t)
}

// hintNotes are the warnings for text columns the data typed as a choice against their header's wording.
func (p *parser) hintNotes(out []data.QuestionLayout) []string {
	var w []string
	for _, l := range out {
		if l.Kind != data.AssembleValue || len(l.Slots) != 1 || l.Slots[0] >= len(p.stats) {
			continue
		}
		if st := p.stats[l.Slots[0]]; st.hintBeaten {
			w = append(w, fmt.Sprintf("%s「%s」的表头像开放题，但 %d 个回答只有 %d 种，已按选择题处理；如不对，请在导入时把它的题型改为开放题",
				l.Key, clip(l.Text), st.answered, len(st.opts)))
		}
	}
	return w
}

// applyTypes sets the types the user chose. chosen are this import's choices by key or header text (a
// question the file does not have, or a type that is none of data.QuestionTypes, is an error), kept the
// round's earlier ones by key (applied where the file has the key, said in a warning). It returns the
// warnings (every choice the data contradicts, every choice that cannot apply) and this import's choices
// by key, to keep for the round.
func (p *parser) applyTypes(out []data.QuestionLayout, chosen, kept map[string]data.QuestionType) ([]string, map[string]data.QuestionType, error) {
	var w []string
	find := func(ref string) int {
		for i := range out {
			if out[i].Key == ref {
				return i
			}
		}
		qs := make([]data.Question, len(out))
		for i := range out {
			qs[i] = out[i].Question
		}
		if i, ok := data.FindQuestion(qs, ref); ok {
			return i
		}
		return -1
	}
	refs := make([]string, 0, len(chosen))
	for k := range chosen {
		refs = append(refs, k)
	}
	sort.Strings(refs)
	want := map[int]data.QuestionType{}
	byKey := map[string]data.QuestionType{}
	for _, ref := range refs {
		i := find(ref)
		if i < 0 {
			return nil, nil, data.InputErrorf("文件「%s」没有题目 %s，无法设置它的题型；请对照导入预览中的题号", p.file, ref)
		}
		if !slices.Contains(data.QuestionTypes, chosen[ref]) {
			return nil, nil, data.InputErrorf("题目 %s 的题型 %q 无法识别，请从单选题、多选题、排序题、矩阵题、评分题、填空题、开放题中选择", ref, string(chosen[ref]))
		}
		want[i] = chosen[ref]
		byKey[out[i].Key] = chosen[ref]
	}
	var reused []string
	for k, t := range kept {
		i := find(k)
		if _, set := want[i]; i < 0 || set {
			continue
		}
		want[i] = t
		reused = append(reused, fmt.Sprintf("%s %s", out[i].Key, typeName(t)))
	}
	if len(reused) > 0 {
		sort.Strings(reused)
		w = append(w, "沿用本轮次此前选择的题型："+strings.Join(reused, "、"))
	}
	idx := make([]int, 0, len(want))
	for i := range want {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, i := range idx {
		if note := p.setType(&out[i], want[i]); note != "" {
			w = append(w, note)
		}
	}
	return w, byKey, nil
}

// setType makes a question the type t and returns a warning when its data says otherwise.
func (p *parser) setType(l *data.QuestionLayout, t data.QuestionType) string {
	if l.Type == t {
		return ""
	}
	guess := l.Type
	name := fmt.Sprintf("%s「%s」", l.Key, clip(l.Text))
	if l.Kind != data.AssembleValue || len(l.Slots) != 1 || l.Slots[0] >= len(p.stats) {
		// Expanded columns (one per option or rank): the layout fixes what the answer is.
		return fmt.Sprintf("%s在文件中每个选项占一列，只能按%s导入，未采用所选的%s", name, typeName(guess), typeName(t))
	}
	st := p.stats[l.Slots[0]]
	note := ""
	if typeFamily(t) != typeFamily(guess) {
		note = fmt.Sprintf("%s按所选的%s导入，但数据看起来像%s（%d 个回答，%d 种不同内容）", name, typeName(t), typeName(guess), st.answered, len(st.opts))
		if st.overflow {
			note = fmt.Sprintf("%s按所选的%s导入，但数据看起来像%s（%d 个回答，超过 %d 种不同内容）", name, typeName(t), typeName(guess), st.answered, maxOptions)
		}
	}
	l.Type = t
	switch typeFamily(t) {
	case "text":
		l.Options, l.Sep = []string{}, ""
	case "choice":
		l.Sep = ""
		if st.overflow {
			l.Options = []string{}
			note += "；不同回答太多，未列出选项"
		} else {
			l.Options = orderOptions(st.opts)
		}
		if t == data.QRating && st.nonNumeric && note == "" {
			note = fmt.Sprintf("%s按所选的评分题导入，但有不是数字的回答", name)
		}
	default: // multi, ranking: options joined in one cell
		if guess == data.QMulti || guess == data.QRanking {
			break
		}
		if sep, alt := altMulti(st, ""); sep != "" {
			l.Sep, l.Options = sep, alt
			break
		}
		// The user says it is a list: the separators never guessed (they occur inside sentences) will do.
		if sep, parts := splitOptions(st, "，、"); sep != "" {
			l.Sep, l.Options = sep, parts
			break
		}
		l.Options = orderOptions(st.opts)
		if !st.multi && !st.arrow {
			note = fmt.Sprintf("%s按所选的%s导入，但回答中没有找到选项之间的分隔符，每个回答按一个选项计", name, typeName(t))
		}
	}
	if l.Options == nil {
		l.Options = []string{}
	}
	return note
}

// knownParts says whether every part of v split by sep is one of the options already seen: only then
// is a full-width comma, common inside sentences, taken as a separator.
func knownParts(v, sep string, seen map[string]bool) bool {
	for _, part := range strings.Split(v, sep) {
		if part = strings.TrimSpace(part); part != "" && !seen[part] {
			return false
		}
	}
	return true
}

// rowExtras is what the parser learns per row besides answers: completion flags and unreadable metadata.
type rowExtras struct {
	ready      bool
	statusCol  int  // the column of a completion state (答卷状态…), -1 when none
	limeSubmit bool // a LimeSurvey export with its submitdate column: an empty one = not finished
	limeOpen   int  // rows with submitdate empty
	incomplete []int
	bad        map[int]*badCells // unreadable metadata cells by column
}

// badCells counts a metadata column's unreadable cells, with the first as the example.
type badCells struct {
	n       int
	example string
}

// nullMarkers are what databases and owners write for "no value" in a metadata cell.
var nullMarkers = map[string]bool{"NULL": true, "null": true, "Null": true, "NaN": true, "nan": true, "N/A": true, "n/a": true,
	"#N/A": true, "None": true, "none": true, "-": true, "--": true, "—": true, "／": true, "/": true, "无": true, "未知": true,
	"保密": true, "隐藏": true, "0.0.0.0": true}

// badMeta counts an unreadable metadata cell of column i.
func (p *parser) badMeta(i int, v string) {
	if p.rowx.bad == nil {
		p.rowx.bad = map[int]*badCells{}
	}
	b := p.rowx.bad[i]
	if b == nil {
		b = &badCells{example: strings.Clone(v)}
		p.rowx.bad[i] = b
	}
	b.n++
}

// badMetaNotes are the warnings for unreadable metadata cells, one per column in column order.
func (p *parser) badMetaNotes() []string {
	cols := make([]int, 0, len(p.rowx.bad))
	for i := range p.rowx.bad {
		cols = append(cols, i)
	}
	sort.Ints(cols)
	var w []string
	for _, i := range cols {
		b := p.rowx.bad[i]
		w = append(w, fmt.Sprintf("%s列有 %d 个单元格无法识别（如 %q），已按缺失处理", p.cols[i].header, b.n, clip(b.example)))
	}
	return w
}

// statusHeaders are the headers of a completion-state column (normalised as by normHeader): 问卷网's
// 答卷状态 / 答题状态, 金数据 and hand-made sheets' 填写状态 / 完成状态, English exports' status.
var statusHeaders = map[string]bool{"答卷状态": true, "答题状态": true, "作答状态": true, "填写状态": true, "完成状态": true,
	"提交状态": true, "状态": true, "是否完成": true, "是否提交": true, "status": true, "completed": true, "responsestatus": true}

// unfinishedValues are the states that say a response was not finished.
var unfinishedValues = map[string]bool{"未完成": true, "未提交": true, "进行中": true, "答题中": true, "作答中": true, "部分完成": true,
	"草稿": true, "暂存": true, "中途退出": true, "未完成答卷": true, "incomplete": true, "partial": true, "notcompleted": true,
	"notfinished": true, "inprogress": true}

// initExtras finds the columns the per-row extras read, once.
func (p *parser) initExtras() {
	p.rowx = rowExtras{ready: true, statusCol: -1}
	for i, c := range p.cols {
		if statusHeaders[normHeader(c.header)] {
			p.rowx.statusCol = i
			break
		}
	}
	if i, ok := p.metaIdx[metaSubmitted]; ok && p.format == LimeSurvey && i < len(p.cols) {
		p.rowx.limeSubmit = true
	}
}

// unfinished says whether a completion-state cell marks its response as not finished.
func unfinished(v, header string) bool {
	n := normHeader(v)
	if n == "" {
		return false
	}
	if h := normHeader(header); h == "是否完成" || h == "是否提交" || h == "completed" {
		return n == "否" || n == "no" || n == "n" || n == "false" || n == "0"
	}
	return unfinishedValues[n]
}

// incompleteNote is the summary's warning about unfinished responses (empty when there are none).
func (p *parser) incompleteNote() string {
	n := len(p.rowx.incomplete)
	if n == 0 {
		return ""
	}
	why := ""
	switch {
	case p.rowx.limeOpen == n:
		why = "submitdate 列为空，即没有提交"
	case p.rowx.statusCol >= 0 && p.rowx.limeOpen == 0:
		why = fmt.Sprintf("“%s”列标记为未完成", p.cols[p.rowx.statusCol].header)
	default:
		why = "没有提交或标记为未完成"
	}
	return fmt.Sprintf("%d 份答卷未完成（%s），已导入，评分时按“未完成”剔除；如需计入，可在评分结果的剔除名单中恢复", n, why)
}

// splitOptions finds the first of seps's runes that some of a slot's answers contain and returns it with
// the options the answers split into ("" when none contains one, or the answers are too many to list).
func splitOptions(st *slotStat, seps string) (string, []string) {
	if st.overflow {
		return "", nil
	}
	for _, r := range seps {
		sep := string(r)
		found := false
		var parts []string
		seen := map[string]bool{}
		for _, v := range st.opts {
			found = found || strings.Contains(v, sep)
			for _, part := range strings.Split(v, sep) {
				if part = strings.TrimSpace(part); part != "" && !seen[part] {
					seen[part] = true
					parts = append(parts, part)
				}
			}
		}
		if found {
			return sep, orderOptions(parts)
		}
	}
	return "", nil
}
