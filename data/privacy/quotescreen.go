package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
)

// The gentle screen of open answers before a report quotes them (引用). It only proposes: the team sees
// the proposal beside the answer and keeps or reverses it with one click. Gentle means that a real opinion
// is rarely proposed: a test word inside a sentence ("系统测试环节太多") is an opinion, so is a request that
// the department publish its own contacts ("希望公布联系电话"). What is proposed:
//   - test strings: an answer made only of test words (测试, test, 试试, asdf…) and filler around them
//     (一下, 这是, 数据…), only digits (111, 123456), one character repeated (啊啊啊), a short unit repeated
//     three times or more (哈哈哈哈, abcabcabc), a run of keys of one keyboard row (asdf, qwer, zxcv), or
//     Latin letters without a vowel (sdfsdf);
//   - personal appeals: the respondent asks to be contacted or gives a way to be (请联系我, 我的电话,
//     加我微信, 回复我…);
//   - personal data left after masking: a run of seven or more digits that is not an amount (landlines, QQ
//     numbers), a WeChat or QQ id, a house number (3号楼2单元501室).

// Reasons a quotation is proposed for exclusion.
const (
	QuoteTest     = "疑似测试内容"
	QuoteAppeal   = "个人诉求或联系请求"
	QuotePersonal = "含个人信息"
)

// ScreenQuote tells why an open answer, as the report would print it (masked), should not be quoted: one of
// QuoteTest, QuoteAppeal, QuotePersonal, or "" when nothing is wrong with it.
func ScreenQuote(masked string) string {
	k := quoteKey(masked)
	switch {
	case k == "":
		return ""
	case isTestString(k):
		return QuoteTest
	case isAppeal(k):
		return QuoteAppeal
	case leftPersonal(k):
		return QuotePersonal
	}
	return ""
}

// quoteKey folds widths, lower-cases, and drops spaces.
func quoteKey(s string) string {
	s = strings.ToLower(strings.Map(data.FoldWidth, s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// testWords are answers' only content when someone tries the questionnaire; testFiller what goes around them.
var (
	testWords  = []string{"testing", "test", "ceshi", "测试", "试试", "试一下", "asdf", "qwer"}
	testFiller = []string{"这是", "这个", "一下", "一条", "一个", "数据", "内容", "问卷", "填写", "看看", "用的", "的", "下", "了", "啊", "呀"}
)

func isTestString(k string) bool {
	letters := strings.Map(func(r rune) rune { // without punctuation: "测试！", "test..."
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, k)
	if letters == "" {
		return false // punctuation alone is a filler (data.IsFiller), not quoted anyway
	}
	rest, found := letters, false
	for _, w := range testWords {
		if strings.Contains(rest, w) {
			found = true
			rest = strings.ReplaceAll(rest, w, "")
		}
	}
	if found {
		for _, f := range testFiller {
			rest = strings.ReplaceAll(rest, f, "")
		}
		if strings.Trim(rest, "0123456789") == "" { // 测试123
			return true
		}
	}
	rs := []rune(letters)
	switch {
	case strings.Trim(letters, "0123456789") == "":
		return true // 111, 123456: digits say nothing (a phone number is masked, then 138****5678)
	case repeated(rs):
		return true
	case keyboardRun(letters):
		return true
	case len(rs) >= 4 && len(rs) <= 30 && asciiLetters(letters) && !strings.ContainsAny(letters, "aeiouy"):
		return true // sdfsdf, jjkkll: no word of any language we expect
	}
	return false
}

// repeated tells whether rs is one character three times or more (啊啊啊), or a unit of two or three
// characters three times or more (哈哈哈哈 is 哈 four times; abcabcabc).
func repeated(rs []rune) bool {
	for unit := 1; unit <= 3; unit++ {
		if len(rs) < 3*unit || len(rs)%unit != 0 {
			continue
		}
		same := true
		for i := unit; i < len(rs) && same; i++ {
			same = rs[i] == rs[i-unit]
		}
		if same {
			return true
		}
	}
	return false
}

var keyboardRows = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"}

// keyboardRun tells whether s (three Latin letters or more) is a run of neighbouring keys of one
// keyboard row, forwards or backwards (asdf, qwer, lkjh), repeated or not (asdfasdf).
func keyboardRun(s string) bool {
	if len(s) < 3 || !asciiLetters(s) {
		return false
	}
	for _, row := range keyboardRows {
		for _, r := range []string{row, reverse(row)} {
			for n := 3; n <= len(s) && n <= len(r); n++ {
				unit := s[:n]
				if strings.Contains(r, unit) && strings.Repeat(unit, len(s)/n+1)[:len(s)] == s {
					return true
				}
			}
		}
	}
	return false
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// appeals are the phrases of a respondent asking to be contacted or giving a way to be. Phrases that also
// make a suggestion about the department ("联系方式", "联系电话", "手机号") are not here: 希望公布联系电话
// is an opinion.
var appeals = []string{
	"请联系我", "联系我", "联系本人", "跟我联系", "与我联系", "和我联系", "给我打电话", "打电话给我", "打我电话",
	"给我回电", "回电话给我", "我的电话", "我电话", "本人电话", "我的手机", "本人手机", "我手机号", "我的联系方式",
	"本人联系方式", "加我微信", "加微信", "加我qq", "加qq", "加我好友", "我的微信", "我微信", "我的qq", "我qq",
	"我的邮箱", "回复我", "私信我", "请回电",
}

func isAppeal(k string) bool {
	for _, a := range appeals {
		if strings.Contains(k, a) {
			return true
		}
	}
	return false
}

// leftPersonal tells whether the masked text still holds something that identifies a person.
func leftPersonal(k string) bool {
	rs := []rune(k)
	for i := 0; i < len(rs); {
		if !isDigit(rs[i]) {
			i++
			continue
		}
		// A run of digits, spaces and dashes inside (010-6512 3456): spaces are already gone in k.
		j, digits := i, 0
		for j < len(rs) && (isDigit(rs[j]) || (rs[j] == '-' && j+1 < len(rs) && isDigit(rs[j+1]))) {
			if isDigit(rs[j]) {
				digits++
			}
			j++
		}
		next := at(rs, j)
		if digits >= 7 && !strings.ContainsRune("元万亿千百人户个份件次吨米平方公斤年", next) && next != '.' {
			return true
		}
		// House numbers: 3号楼2单元501室, 12栋301.
		if rest := string(rs[j:min(j+3, len(rs))]); strings.HasPrefix(rest, "号楼") || strings.HasPrefix(rest, "单元") ||
			strings.HasPrefix(rest, "室") || (strings.HasPrefix(rest, "栋") && utf8.RuneCountInString(rest) > 1 && isDigit([]rune(rest)[1])) {
			return true
		}
		i = j
	}
	// A WeChat or QQ id: 微信号abc_123, vx：zhang2020, qq12345.
	for _, w := range []string{"微信号", "微信", "vx", "wx", "qq号", "qq"} {
		for rest := k; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			rest = rest[i+len(w):]
			id := strings.TrimLeft(rest, ":：是为")
			n := 0
			for n < len(id) && (id[n] == '_' || id[n] == '-' || (id[n] >= '0' && id[n] <= '9') || (id[n] >= 'a' && id[n] <= 'z')) {
				n++
			}
			if n >= 5 && strings.ContainsAny(id[:n], "0123456789") {
				return true
			}
		}
	}
	return false
}
