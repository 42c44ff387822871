package reports

import (
	"math"
	"strings"
)

// titleChars is how many 22 pt title characters a line of the 156 mm text block holds.
const titleChars = 20

// titleVerbs begin the phrases policy titles are made of ("优化营商环境", "降低企业成本"): a title line
// may start with one.
var titleVerbs = []string{"进一步", "关于", "优化", "降低", "促进", "加强", "推进", "推动", "支持", "加快", "深化", "做好", "实施",
	"开展", "完善", "建立", "健全", "提升", "提高", "规范", "鼓励", "扶持", "保障", "落实", "强化", "激发", "培育", "打造", "构建"}

// breakTitle breaks a title into lines by meaning, as GB/T 9704-2012 7.3.1 asks (词意完整，排列对称):
// lines of at most titleChars characters, each break between phrases (before fixed, a verb that
// opens a phrase, or after 的 / 和 / 与 / 及 / 、 / 》), as few lines as possible and as even as they can
// be. A title that fits on one line, or that cannot be broken so, is returned as it is (the writer
// wraps it).
func breakTitle(title, fixed string) string {
	r := []rune(title)
	if ems(title) <= titleChars || len(r) > 10*titleChars { // a title of ten lines is beyond arranging
		return title
	}
	ok := make([]bool, len(r)+1) // ok[i]: a line may start at rune i
	fixedAt := len([]rune(strings.TrimSuffix(title, fixed)))
	if fixed != "" && strings.HasSuffix(title, fixed) {
		ok[fixedAt] = true
	}
	for i := 1; i < len(r); i++ {
		switch r[i-1] {
		case '的', '和', '与', '及', '、', '》', '，':
			ok[i] = true
		}
		if r[i] == '《' || r[i] == '（' {
			ok[i] = true
		}
		for _, v := range titleVerbs {
			if strings.HasPrefix(string(r[i:]), v) {
				ok[i] = true
			}
		}
	}
	// No line starts with closing punctuation or ends with an opening mark.
	for i := 1; i < len(r); i++ {
		if strings.ContainsRune("》）、，。；：”", r[i]) || strings.ContainsRune("《（“", r[i-1]) {
			ok[i] = false
		}
	}
	// cost[i]: the least cost of laying out r[i:]; a line costs its empty space squared plus a
	// fixed price, so fewer lines win and then even ones.
	const linePrice = 1000
	cost := make([]float64, len(r)+1)
	next := make([]int, len(r)+1)
	for i := len(r) - 1; i >= 0; i-- {
		cost[i] = math.Inf(1)
		if i > 0 && !ok[i] {
			continue
		}
		w := 0.0
		for j := i + 1; j <= len(r); j++ {
			w += ems(string(r[j-1]))
			if w > titleChars {
				break
			}
			if j < len(r) && !ok[j] {
				continue
			}
			if c := linePrice + (titleChars-w)*(titleChars-w) + cost[j]; c < cost[i] {
				cost[i], next[i] = c, j
			}
		}
	}
	if math.IsInf(cost[0], 1) {
		return title
	}
	var lines []string
	for i := 0; i < len(r); i = next[i] {
		lines = append(lines, string(r[i:next[i]]))
	}
	return strings.Join(lines, "\n")
}

// ems is the width of s in title characters: ASCII letters and digits count half.
func ems(s string) float64 {
	w := 0.0
	for _, c := range s {
		if c < 0x2E80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}
