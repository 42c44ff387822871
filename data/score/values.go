package score

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/gongping/gongping/data"
)

// valuer turns the answers of one question into values 0–100 (NaN = missing), caching each distinct
// answer text: a round has few distinct answers per question and many respondents.
//
// A valuer is made in two steps: every answer of the question is looked up once (observe), then settle
// reads the question's option set — its imported options and every answer seen — and fixes what each
// label and each "N分" means for this question (inferred Likert scale, inferred points). Only then are
// values computed, so the same label can be 100 on one question's 4-point scale and 75 on another's
// 5-point one.
type valuer struct {
	labels  map[string]float64 // the question's labels: defaults, then its inferred scale, then the scheme's
	scheme  map[string]float64 // labels the scheme gives (they always win)
	missing map[string]bool
	scale   *Scale // declared numeric scale; nil = none
	cache   map[string]*answer
	full    bool               // the cache stopped growing: too many distinct answers to be a scale
	recent  [8]recentAnswer    // answers decoded from one dictionary share their bytes: compare pointers first
	unknown map[string]int     // distinct answer texts that are neither a label, a missing label nor a number
	badNum  int                // distinct numeric answers outside the scale
	numeric int                // numeric answers seen without a scale (an error)
	settled bool               //
	likert  *inferredScale     // the Likert scale read from the question's own options; nil = none
	points  *Scale             // the scale "N分"/"N星" answers are read on (declared or inferred)
	zero    bool               // inferred points scale starts at 0 ("0分" seen)
	guessed bool               // points inferred from the answers, not declared
	pts     map[string]float64 // "N分" answers seen: text → N
	notes   []string           // what settle inferred, for the warnings
	q       data.Question      //
}

// answer is what one distinct answer text means for a question.
type answer struct {
	value    float64 // NaN = missing (or unusable)
	clean    string  // trimmed, option free text dropped
	answered bool    // not blank and not a missing label
	noScale  bool    // a number, but the question has no declared scale
	unrec    bool    // answered but no value: an unknown label or a number outside the scale
}

type recentAnswer struct {
	p *byte
	n int
	a *answer
}

func newValuer(s *Scheme, scale *Scale, q data.Question) *valuer {
	v := &valuer{labels: map[string]float64{}, scheme: map[string]float64{}, missing: map[string]bool{}, scale: scale,
		cache: map[string]*answer{}, unknown: map[string]int{}, q: q}
	for l, x := range DefaultLabels {
		v.labels[l] = x
	}
	for l, x := range s.Likert.Labels {
		v.scheme[strings.TrimSpace(l)] = x
	}
	for _, m := range DefaultMissing {
		v.missing[m] = true
	}
	for _, m := range s.Likert.Missing {
		v.missing[strings.TrimSpace(m)] = true
	}
	return v
}

// cleanAnswer trims an answer and drops a 问卷星 option free text ("选项〖文本〗" → "选项").
func cleanAnswer(a string) string {
	a = strings.TrimSpace(a)
	if i := strings.Index(a, "〖"); i > 0 && strings.HasSuffix(a, "〗") {
		a = strings.TrimSpace(a[:i])
	}
	return a
}

// isMissing reports whether a cleaned answer counts as not answered (blank or a missing label).
func (v *valuer) isMissing(clean string) bool { return clean == "" || v.missing[clean] }

// lookup returns what a raw answer means, from the caches when it was seen before.
func (v *valuer) lookup(a string) *answer {
	p, n := unsafe.StringData(a), len(a)
	slot := &v.recent[n&7]
	if slot.a != nil && slot.p == p && slot.n == n {
		return slot.a
	}
	x, ok := v.cache[a]
	if !ok {
		x = v.compute(a)
		if len(v.cache) < 10000 { // hostile data with endless distinct answers: stop caching, stay correct
			v.cache[a] = x
		} else {
			v.full = true
		}
	}
	*slot = recentAnswer{p, n, x}
	return x
}

// value is the answer's value 0–100, NaN when missing.
func (v *valuer) value(a string) float64 {
	x := v.lookup(a)
	if x.noScale {
		v.numeric++
	}
	return x.value
}

// answered reports whether a raw answer counts as answered.
func (v *valuer) answered(raw string) bool { return v.lookup(raw).answered }

func (v *valuer) compute(raw string) *answer {
	c := cleanAnswer(raw)
	x := &answer{clean: c, answered: !v.isMissing(c), value: math.NaN()}
	if v.settled {
		v.fill(x)
	}
	return x
}

// fill sets an answer's value (after settle).
func (v *valuer) fill(x *answer) {
	x.value = v.valueOf(x.clean)
	if x.value == numericNoScale {
		x.value, x.noScale = math.NaN(), true
	}
	x.unrec = x.answered && !x.noScale && math.IsNaN(x.value)
}

// numericNoScale marks a numeric answer to a question without a declared scale.
const numericNoScale = -1

func (v *valuer) valueOf(a string) float64 {
	if v.isMissing(a) {
		return math.NaN()
	}
	if x, ok := v.scheme[a]; ok {
		return x
	}
	if n, err := strconv.ParseFloat(a, 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
		if v.scale == nil {
			if x, ok := v.labels[a]; ok {
				return x
			}
			return numericNoScale
		}
		return v.onScale(a, n, v.scale, false)
	}
	if n, ok := pointsAnswer(a); ok && v.points != nil {
		return v.onScale(a, n, v.points, v.zero)
	}
	if x, ok := v.labels[a]; ok {
		return x
	}
	if len(v.unknown) < 20 {
		v.unknown[a]++
	}
	return math.NaN()
}

// onScale is DESIGN's value of a numeric answer: (points − |v − best| − 1)/(points − 1) × 100; on an
// inferred 0…points scale ("0分" seen) it is v/points × 100.
func (v *valuer) onScale(a string, n float64, s *Scale, zero bool) float64 {
	p, b := float64(s.Points), float64(s.Best)
	if zero {
		if n < 0 || n > p {
			v.badNum++
			return math.NaN()
		}
		return n / p * 100
	}
	if n < 1 || n > p {
		v.badNum++
		return math.NaN()
	}
	return (p - math.Abs(n-b) - 1) / (p - 1) * 100
}

// pointsAnswer reads "4分", "4 分", "４分", "4星", "★★★★" as 4.
func pointsAnswer(a string) (float64, bool) {
	if a == "" {
		return 0, false
	}
	if strings.Trim(a, "★") == "" {
		return float64(utf8.RuneCountInString(a)), true
	}
	var b strings.Builder
	for _, r := range a {
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		} else if r == '．' {
			r = '.'
		}
		b.WriteRune(r)
	}
	s := b.String()
	var num string
	switch {
	case strings.HasSuffix(s, "分"):
		num = strings.TrimSuffix(s, "分")
	case strings.HasSuffix(s, "星"):
		num = strings.TrimSuffix(s, "星")
	default:
		return 0, false
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || n < 0 {
		return 0, false
	}
	return n, true
}

// settle fixes the question's scale from its option set (its imported options and every answer seen)
// and computes the value of every answer looked up so far.
func (v *valuer) settle() {
	if v.settled {
		return
	}
	v.settled = true
	set := map[string]bool{}
	for _, o := range v.q.Options {
		if c := cleanAnswer(o); !v.isMissing(c) {
			set[c] = true
		}
	}
	if !v.full {
		for _, x := range v.cache {
			if x.answered {
				set[x.clean] = true
			}
		}
	}
	opts := sortedKeys(set)
	if v.full {
		opts = nil // not a scale: thousands of distinct answers
	}
	v.inferPoints(opts)
	if v.q.Type != data.QMulti && v.q.Type != data.QRanking {
		v.inferLikert(opts)
	}
	for _, x := range v.cache {
		v.fill(x)
	}
}

// inferPoints decides the scale of "N分"/"N星" answers: the question's declared points and best, or,
// when none is declared, the family of the largest N seen (≤ 5: five points, ≤ 10: ten), best = the top.
func (v *valuer) inferPoints(opts []string) {
	v.pts = map[string]float64{}
	max, zero := -1.0, false
	for _, o := range opts {
		if _, err := strconv.ParseFloat(o, 64); err == nil {
			continue
		}
		if n, ok := pointsAnswer(o); ok {
			v.pts[o] = n
			if n > max {
				max = n
			}
			if n == 0 {
				zero = true
			}
		}
	}
	if len(v.pts) == 0 {
		return
	}
	if v.scale != nil {
		v.points = v.scale
		return
	}
	switch {
	case max <= 5:
		v.points = &Scale{Points: 5, Best: 5}
	case max <= 10:
		v.points = &Scale{Points: 10, Best: 10}
	default:
		return // "37分" and the like: no family to read them on; unrecognised
	}
	v.guessed, v.zero = true, zero
	lo := 1
	if zero {
		lo = 0
	}
	v.notes = append(v.notes, fmt.Sprintf("打分答案（如“4分”）按 %d–%d 分计，%d 分最好（由答案中出现的最高分推断；若不符，请在评价方案中填写该题的点数和最佳值）", lo, v.points.Points, v.points.Points))
}

// inferLikert reads the question's option set as one Likert scale when every label belongs to one family
// and fits one of the usual layouts of that family (see likertLayouts): top = 100, bottom = 0, evenly
// spaced. The scheme's labels still win over it, label by label.
func (v *valuer) inferLikert(opts []string) {
	sc := inferScale(opts)
	if sc == nil {
		return
	}
	v.likert = sc
	mattered := false
	for l, x := range sc.values {
		if _, given := v.scheme[l]; given {
			continue
		}
		if d, ok := DefaultLabels[l]; !ok || math.Abs(d-x) > 1e-9 {
			mattered = true
		}
		v.labels[l] = x
	}
	if mattered {
		note := fmt.Sprintf("选项按 %d 级%s量表计分（%s），由该题的选项推断", len(sc.order), familyNames[sc.family], sc.describe(v.scheme))
		if len(sc.unseen) > 0 {
			note += fmt.Sprintf("；该题没有出现“%s”，若问卷的量表不同", strings.Join(sc.unseen, "”“"))
		} else {
			note += "；若不符"
		}
		note += "，请在评价方案中填写选项分值"
		v.notes = append(v.notes, note)
	}
}

// Likert families: each label's step on its family's axis, from 3 (非常满意) through 0 (一般) to −3
// (非常不满意).
var (
	familyNames = map[string]string{"satisfaction": "满意度", "agreement": "认同度", "quality": "好坏",
		"importance": "重要性", "frequency": "频率"}
	likertFamilies = map[string]map[string]int{
		"satisfaction": bipolar("满意", "不满意"),
		"agreement":    bipolar("同意", "不同意"),
		"importance":   bipolar("重要", "不重要"),
		"quality": merge(bipolar("好", "差"), map[string]int{"不好": -2, "很不好": -3, "非常不好": -3,
			"较差": -1, "比较差": -1, "不太差": 1}),
		"frequency": merge(neutral(), map[string]int{"总是": 3, "每次都": 3, "一直": 3, "经常": 2, "常常": 2,
			"有时": 0, "有时候": 0, "偶尔": -2, "很少": -2, "较少": -1, "从不": -3, "从未": -3, "从来没有": -3, "从来不": -3}),
	}
	// likertLayouts are the usual scales as sets of steps, 5-point ones first (the most common, and
	// DESIGN's defaults).
	likertLayouts = [][]int{
		{3, 2, 0, -2, -3}, {3, 1, 0, -1, -3}, {2, 1, 0, -1, -2}, // 非常满意/满意/一般/不满意/非常不满意 …
		{2, 0, -2},                                     // 满意/一般/不满意
		{2, 1, -1, -2}, {3, 2, -2, -3}, {3, 1, -1, -3}, // 满意/较满意/较不满意/不满意 …
		{3, 2, 1, -1, -2, -3},    // six points, no middle
		{3, 2, 1, 0, -1, -2, -3}, // 非常满意/满意/比较满意/一般/不太满意/不满意/非常不满意
	}
)

func neutral() map[string]int { return map[string]int{"一般": 0, "中立": 0, "中等": 0} }

func merge(a, b map[string]int) map[string]int {
	for k, x := range b {
		a[k] = x
	}
	return a
}

// bipolar is the family of a positive word and its negative (满意/不满意, 好/差) with the usual adverbs.
func bipolar(pos, neg string) map[string]int {
	m := neutral()
	m[pos], m[neg] = 2, -2
	for _, s := range []string{"非常", "很", "十分", "特别", "完全", "极其", "极为"} {
		m[s+pos], m[s+neg] = 3, -3
	}
	for _, w := range []string{"比较", "较", "还算", "较为"} {
		m[w+pos] = 1
	}
	for _, w := range []string{"不太", "不大", "较不", "比较不", "不怎么"} {
		m[w+pos] = -1
	}
	m["基本"+pos] = 0 // 很满意/满意/基本满意/不满意/很不满意: the middle point (DESIGN's 50)
	return m
}

// inferredScale is the Likert scale read from one question's options.
type inferredScale struct {
	family string
	order  []int              // the layout's steps, best first
	values map[string]float64 // every option of the question → its value
	labels []string           // the options, best first
	unseen []string           // layout points no option of the question has (described by a typical label)
}

// inferScale reads a set of option labels as one scale: all labels (at least one that is not a middle
// word such as 一般) in one family; the layout whose points they are exactly, or else the first 5-point
// layout holding them, or else the smallest layout holding them.
func inferScale(opts []string) *inferredScale {
	if len(opts) < 2 {
		return nil
	}
	var fam string
	for _, f := range sortedKeys(likertFamilies) {
		ok, polar := true, false
		for _, o := range opts {
			if _, in := likertFamilies[f][o]; !in {
				ok = false
				break
			}
			if !isNeutralWord(o) {
				polar = true
			}
		}
		if ok && polar {
			if fam != "" {
				return nil // two families fit (cannot happen with distinct words, but never guess)
			}
			fam = f
		}
	}
	if fam == "" {
		return nil
	}
	steps := map[int][]string{}
	for _, o := range opts {
		st := likertFamilies[fam][o]
		steps[st] = append(steps[st], o)
	}
	for _, ls := range steps {
		if len(ls) > 1 {
			return nil // two labels on one step (很满意 and 非常满意): not one scale
		}
	}
	holds := func(l []int) bool {
		in := map[int]bool{}
		for _, s := range l {
			in[s] = true
		}
		for s := range steps {
			if !in[s] {
				return false
			}
		}
		return true
	}
	var layout []int
	for _, l := range likertLayouts {
		if len(l) == len(steps) && holds(l) {
			layout = l
		}
	}
	if layout == nil {
		for _, l := range likertLayouts {
			if len(l) == 5 && holds(l) {
				layout = l
				break
			}
		}
	}
	if layout == nil {
		for _, l := range likertLayouts {
			if holds(l) && (layout == nil || len(l) < len(layout)) {
				layout = l
			}
		}
	}
	if layout == nil {
		return nil
	}
	sc := &inferredScale{family: fam, order: layout, values: map[string]float64{}}
	n := float64(len(layout) - 1)
	for i, st := range layout {
		if ls, ok := steps[st]; ok {
			sc.values[ls[0]] = (n - float64(i)) / n * 100
			sc.labels = append(sc.labels, ls[0])
		} else {
			sc.unseen = append(sc.unseen, typicalLabel(fam, st))
		}
	}
	return sc
}

func isNeutralWord(o string) bool { _, ok := neutral()[o]; return ok }

// typicalLabel names a step of a family for a message ("非常不满意").
func typicalLabel(fam string, step int) string {
	var best string
	for _, l := range sortedKeys(likertFamilies[fam]) {
		if likertFamilies[fam][l] != step {
			continue
		}
		if best == "" || preferLabel(l, best) {
			best = l
		}
	}
	return best
}

// preferLabel orders the wordings of one step: 非常… and 比较…/不太… first, then the shortest.
func preferLabel(a, b string) bool {
	rank := func(s string) int {
		for i, p := range []string{"非常", "比较", "不太", "一般"} {
			if strings.HasPrefix(s, p) {
				return i
			}
		}
		return 9
	}
	if rank(a) != rank(b) {
		return rank(a) < rank(b)
	}
	return len(a) < len(b)
}

// describe lists the scale's options with their values ("满意 100、较满意 66.7、…"); labels the
// scheme gives are shown with the scheme's value.
func (sc *inferredScale) describe(scheme map[string]float64) string {
	parts := make([]string, len(sc.labels))
	for i, l := range sc.labels {
		x := sc.values[l]
		if s, ok := scheme[l]; ok {
			x = s
		}
		parts[i] = l + " " + fmtValue(x)
	}
	return strings.Join(parts, "、")
}

// fmtValue writes a value 0–100 with at most one decimal ("66.7", "75").
func fmtValue(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// options splits an answer of a choice question into its chosen options.
func splitOptions(a string) []string {
	parts := strings.Split(a, data.MultiSep)
	out := parts[:0]
	for _, p := range parts {
		if c := cleanAnswer(p); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// AnswerValue is what one option of a question is worth in scoring (the scheme editor shows it).
type AnswerValue struct {
	Answer string
	Value  *float64 // nil: missing (不了解…) or not recognised
	Status string   // "" valued, "missing", "unrecognised"
}

// QuestionMapping is the mapping answer → value the engine uses for question qs[i] under sc, read from
// the question's imported options: labels, the inferred Likert scale, "N分" on its scale.
type QuestionMapping struct {
	Question string // 第3题“…”
	Answers  []AnswerValue
	Notes    []string // what was inferred (the same texts the score warnings give)
}

// MappingOf returns the mapping of question qs[i] (see QuestionMapping).
func MappingOf(sc *Scheme, qs []data.Question, i int) QuestionMapping {
	ix := newQuestionIndex(qs)
	var scale *Scale
	for _, ref := range sortedKeys(sc.Questions) {
		if j, ok := ix.find(ref); ok && j == i {
			s := sc.Questions[ref]
			scale = &s
		}
	}
	q := qs[i]
	v := newValuer(sc, scale, q)
	v.settle()
	m := QuestionMapping{Question: questionName(q), Answers: []AnswerValue{}}
	seen := map[string]bool{}
	var opts []string
	for _, o := range q.Options {
		if c := cleanAnswer(o); c != "" && !seen[c] {
			seen[c] = true
			opts = append(opts, c)
		}
	}
	if v.likert != nil { // best first, as the scale reads
		rank := map[string]int{}
		for k, l := range v.likert.labels {
			rank[l] = k + 1
		}
		sort.SliceStable(opts, func(a, b int) bool {
			ra, rb := rank[opts[a]], rank[opts[b]]
			if ra == 0 || rb == 0 {
				return ra != 0 && rb == 0
			}
			return ra < rb
		})
	}
	for _, o := range opts {
		x := v.lookup(o)
		av := AnswerValue{Answer: o}
		switch {
		case !x.answered:
			av.Status = "missing"
		case x.noScale || math.IsNaN(x.value):
			av.Status = "unrecognised"
		default:
			av.Value = ptr(x.value)
		}
		m.Answers = append(m.Answers, av)
	}
	m.Notes = append(m.Notes, v.notes...)
	return m
}

// SchemeMappings is MappingOf for every question sc's indicators use, and its overall question, each once,
// in the order the scheme names them: what the scheme editor shows so the team can check the values.
func SchemeMappings(sc *Scheme, qs []data.Question) []QuestionMapping {
	ix := newQuestionIndex(qs)
	var out []QuestionMapping
	seen := map[int]bool{}
	add := func(ref string) {
		if i, ok := ix.find(ref); ok && !seen[i] {
			seen[i] = true
			out = append(out, MappingOf(sc, qs, i))
		}
	}
	for _, k := range DimensionKeys {
		for _, ind := range sc.Dimensions.Get(k).Indicators {
			for _, ref := range ind.Questions {
				add(ref)
			}
		}
	}
	if sc.Overall != "" {
		add(sc.Overall)
	}
	return out
}
