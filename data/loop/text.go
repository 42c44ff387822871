package loop

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/gongping/gongping/data"
)

// foldWidth turns full-width ASCII forms and the ideographic space into their plain forms.
var foldWidth = data.FoldWidth

// particles carry no point of their own; dropping them lets "的审批" and "审批" read alike. (地, 得, 着 are
// kept: they are also characters of words such as 土地, 获得, 着力.)
var particles = map[rune]bool{'的': true, '了': true, '吗': true, '呢': true, '吧': true, '啊': true, '呀': true}

// segments splits a text into runs of letters and digits: punctuation, spaces and symbols separate
// runs; full-width forms are folded, Latin letters lowered, particles dropped.
func segments(text string) [][]rune {
	var out [][]rune
	var cur []rune
	flush := func() {
		cur = arabicNumerals(cur)
		// A run of 5 or more digits is a phone, ID or account number: it names a person, not a point.
		digits := 0
		for _, r := range cur {
			if r >= '0' && r <= '9' {
				digits++
				if digits >= 5 {
					break
				}
			} else {
				digits = 0
			}
		}
		if digits >= 5 {
			cur = dropLongNumbers(cur)
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, r := range text {
		r = unicode.ToLower(foldWidth(r))
		switch {
		case particles[r]:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// measures are the words after which a Chinese numeral counts something ("二十个工作日", "三年", "八十岁").
var measures = map[rune]bool{'个': true, '天': true, '日': true, '年': true, '月': true, '岁': true, '周': true, '项': true,
	'家': true, '条': true, '次': true, '元': true, '万': true, '亿': true, '倍': true, '名': true, '户': true, '小': true,
	'%': true, '台': true, '辆': true, '套': true, '层': true, '所': true, '批': true}

var cnDigit = map[rune]rune{'零': '0', '〇': '0', '一': '1', '二': '2', '两': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9'}

func isCnNumeral(r rune) bool {
	return strings.ContainsRune("零〇一二两三四五六七八九十百千", r)
}

// arabicNumerals writes Chinese numbers in Arabic digits, so that "二十个工作日" and "20个工作日" read
// alike: a numeral run with a unit (十百千), or one followed by a measure word. Other runs ("统一",
// "进一步", "一站式") stay as they are.
func arabicNumerals(rs []rune) []rune {
	if !slices.ContainsFunc(rs, isCnNumeral) {
		return rs
	}
	var out []rune
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && isCnNumeral(rs[j]) {
			j++
		}
		if j == i {
			out = append(out, rs[i])
			i++
			continue
		}
		run := string(rs[i:j])
		measured := j < len(rs) && measures[rs[j]]
		switch {
		case strings.ContainsAny(run, "十百千") && (measured || j-i >= 2):
			if n, ok := cnValue(run); ok {
				out = append(out, []rune(strconv.Itoa(n))...)
				i = j
				continue
			}
		case measured:
			for _, r := range run { // digit by digit: 二〇二六年 → 2026年, 三年 → 3年
				out = append(out, cnDigit[r])
			}
			i = j
			continue
		}
		out = append(out, rs[i:j]...)
		i = j
	}
	return out
}

// dropLongNumbers removes runs of 5 or more ASCII digits.
func dropLongNumbers(rs []rune) []rune {
	var out []rune
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		if j-i >= 5 {
			i = j
			continue
		}
		if j > i {
			out = append(out, rs[i:j]...)
			i = j
			continue
		}
		out = append(out, rs[i])
		i++
	}
	return out
}

// shingles returns the character bigrams and single characters of a text with their counts. Bigrams
// carry the wording and never span punctuation; single characters let "老人" meet "老年人" and "公交" meet
// "公交车", which bigrams alone miss (measured on the test sets: the threshold window without errors grew
// from 0.32–0.33 to 0.40–0.46).
func shingles(text string) map[string]int {
	m := map[string]int{}
	sentences := sentenceRe.Split(text, -1)
	proposals := 0
	for _, s := range sentences {
		if proposes(s) {
			proposals++
		}
	}
	for _, s := range sentences {
		// In an opinion that tells its story and then makes its proposal, the proposal is the point:
		// its words count three times, so form letters with different stories still meet.
		k := 1
		if proposals > 0 && proposals < countNonEmpty(sentences) && proposes(s) {
			k = 3
		}
		for _, seg := range segments(s) {
			for i := 0; i+1 < len(seg); i++ {
				m[string(seg[i:i+2])] += k
			}
			for _, r := range seg {
				m["\x00"+string(r)] += k // marked: never confused with a bigram
			}
		}
	}
	return m
}

var sentenceRe = regexp.MustCompile(`[。！？!?；;\n]+`)

var proposalWords = []string{"建议", "希望", "请求", "恳请", "呼吁", "要求", "应当", "应该"}

func proposes(s string) bool {
	for _, w := range proposalWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func countNonEmpty(ss []string) int {
	n := 0
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			n++
		}
	}
	return n
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// cnNumber writes 1..9999 in Chinese numerals as clause numbers are written (十二, 二十, 一百零五).
func cnNumber(n int) string {
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	units := []string{"", "十", "百", "千"}
	ds := []int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	var b strings.Builder
	zero := false
	started := false
	for i, d := range ds {
		u := units[3-i]
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(d == 1 && u == "十" && !started) {
			b.WriteString(cnDigits[d])
		}
		b.WriteString(u)
		started = true
	}
	return b.String()
}

// cnValue reads Chinese numerals (also 两, 〇) or Arabic digits; ok false when s is neither.
func cnValue(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n > 0
	}
	val := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	unit := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, digit := 0, -1
	for _, r := range s {
		if v, ok := val[r]; ok {
			digit = v
			continue
		}
		u, ok := unit[r]
		if !ok {
			return 0, false
		}
		if digit < 0 {
			digit = 1 // 十二 = 12
		}
		total += digit * u
		digit = -1
	}
	if digit > 0 {
		total += digit
	}
	return total, total > 0
}

var (
	clauseRe    = regexp.MustCompile(`第\s*([0-9０-９零〇一二两三四五六七八九十百千]+)\s*条`)
	clauseNumRe = regexp.MustCompile(`^[0-9零〇一二两三四五六七八九十百千]+$`)
	clauseSepRe = regexp.MustCompile(`[、,，;；/\s和及与]+`)
)

// NormalizeClause writes a clause reference the one way: "第5条", "第 五 条第二款", "5" → "第五条".
// A label that names no article (e.g. "附件1") is kept as written.
func NormalizeClause(s string) string {
	s = strings.Map(foldWidth, strings.TrimSpace(s))
	if m := clauseRe.FindStringSubmatch(s); m != nil {
		if n, ok := cnValue(m[1]); ok {
			return "第" + cnNumber(n) + "条"
		}
	}
	if clauseNumRe.MatchString(s) {
		if n, ok := cnValue(s); ok {
			return "第" + cnNumber(n) + "条"
		}
	}
	return s
}

// ParseClauses reads the clause column of an opinion ("第三条、第五条", "3,5", "第三、五条") into normalised
// clause references, in order, without duplicates.
func ParseClauses(s string) []string {
	s = strings.Map(foldWidth, strings.TrimSpace(s))
	if s == "" {
		return nil
	}
	var out []string
	add := func(c string) {
		c = strings.TrimSpace(c)
		if c == "" || len([]rune(c)) > 50 {
			return
		}
		for _, o := range out {
			if o == c {
				return
			}
		}
		out = append(out, c)
	}
	// "第三、五条" names two articles: expand before splitting.
	if m := regexp.MustCompile(`^第([0-9零〇一二两三四五六七八九十百千、,，]+)条$`).FindStringSubmatch(s); m != nil {
		for _, p := range clauseSepRe.Split(m[1], -1) {
			if p != "" {
				add(NormalizeClause(p))
			}
		}
		return out
	}
	if ms := clauseRe.FindAllString(s, -1); len(ms) > 0 {
		for _, m := range ms {
			add(NormalizeClause(m))
		}
		return out
	}
	for _, p := range clauseSepRe.Split(s, -1) {
		add(NormalizeClause(p))
	}
	return out
}

// ClausesInText finds the articles an opinion names in its text ("建议第五条增加…").
func ClausesInText(s string) []string {
	var out []string
	for _, m := range clauseRe.FindAllString(strings.Map(foldWidth, s), -1) {
		c := NormalizeClause(m)
		dup := false
		for _, o := range out {
			dup = dup || o == c
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// clauseOrder sorts clause references by article number, labels after them.
func clauseLess(a, b string) bool {
	na, oka := clauseNumber(a)
	nb, okb := clauseNumber(b)
	switch {
	case oka && okb:
		return na < nb
	case oka != okb:
		return oka
	}
	return a < b
}

func clauseNumber(c string) (int, bool) {
	if m := clauseRe.FindStringSubmatch(c); m != nil && m[0] == c {
		return cnValue(m[1])
	}
	return 0, false
}

// splitClauses splits a stored clause column.
func splitClauses(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "、")
}

// cleanText trims a cell and removes control characters (keeping newlines and tabs).
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\uFEFF' {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// againstWords say that the writer opposes what the opinion names ("不同意第六条…", "第八条不宜缩短"). Only
// explicit stance words: "不要", "不应" and the like often sit inside a proposal ("不应超过十个工作日").
var againstWords = []string{"不同意", "不赞成", "不赞同", "不认同", "反对", "不可行", "不建议", "不宜", "没必要", "没有必要", "无必要", "不必要"}

// notAgainst removes phrases that contain a stance word without taking a stance: "不同意见" is "differing
// views", "没有反对意见" is agreement.
var notAgainst = strings.NewReplacer("不同意见", "", "没有反对意见", "", "无反对意见", "", "没有不同意", "")

// opposes reports whether an opinion states opposition; clustering keeps such opinions apart from the
// others, which share their words but make the opposite point.
func opposes(text string) bool {
	t := notAgainst.Replace(strings.Map(foldWidth, text))
	for _, w := range againstWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// axes are pairs of opposite changes. "建议将公示期由15天延长至30天" and "建议将公示期由15天缩短至7天" share
// nearly every bigram, so the vectors alone join them once a few more opinions make the shared words common.
var axes = [...][2]string{{"延长", "缩短"}, {"提高", "降低"}, {"增加", "减少"}, {"扩大", "缩小"}, {"放宽", "收紧"}, {"上调", "下调"}, {"增设", "撤销"}}

// dirs holds, per axis, bit i of up when a text names the first change of axes[i] only, of down when it
// names the second only; neither bit when it names neither or both.
type dirs struct{ up, down uint8 }

var _ [8 - len(axes)]struct{} // at most 8 axes fit in a byte

func directions(text string) dirs {
	var d dirs
	for i, ax := range axes {
		a, b := strings.Contains(text, ax[0]), strings.Contains(text, ax[1])
		switch {
		case a && !b:
			d.up |= 1 << i
		case b && !a:
			d.down |= 1 << i
		}
	}
	return d
}

// conflict tells whether two texts (or groups) ask for opposite changes on some axis.
func (d dirs) conflict(o dirs) bool { return d.up&o.down|d.down&o.up != 0 }

// widen adds o's directions on the axes where d has none.
func (d dirs) widen(o dirs) dirs {
	free := ^(d.up | d.down)
	return dirs{d.up | o.up&free, d.down | o.down&free}
}
