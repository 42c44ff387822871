package data

import (
	"strings"
	"unicode"
)

// fillers are open answers that say there is nothing to say. One list decides both whether an answer is
// taken as an opinion (data/loop) and whether a published report quotes it (reports): before, 一般 was hidden
// in the report but became an opinion, and 满意 the other way round.
var fillers = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`无 没有 暂无 没 没了 无意见 没意见 没有意见 暂无意见 无建议 没有建议 暂无建议 无其他 无其它
		无其他意见 无其他建议 没有了 不知道 不清楚 说不清 好 很好 挺好 都好 都挺好 还行 可以 一般 满意 无所谓 略 空 (空) (跳过)
		none no n/a na nil null 0`) {
		fillers[s] = true
	}
}

// IsFiller tells whether an open answer is a filler (无, 没有意见, 一般, 满意, n/a…), whatever its width,
// case, spaces and punctuation; an answer of punctuation alone (/, -, ……) is one too.
func IsFiller(s string) bool {
	if len(s) > 48 { // longer than any filler: decided without folding the text
		return false
	}
	k := strings.ToLower(strings.TrimFunc(strings.Map(FoldWidth, s), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}))
	return k == "" || fillers[k] || fillers[strings.ToLower(strings.TrimSpace(strings.Map(FoldWidth, s)))]
}

// FoldWidth maps full-width ASCII (ＮＡ, （空）) and the ideographic space to their plain forms.
func FoldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}
