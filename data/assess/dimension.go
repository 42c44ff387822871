package assess

import (
	"regexp"
	"strings"
)

// The three dimensions, their keys and Chinese names; data/score re-exports them.
var (
	DimensionKeys  = []string{"process", "standards", "results"}
	DimensionNames = map[string]string{"process": "执行过程", "standards": "细则标准", "results": "取得成效"}
)

// dimensionAliases are other names sheets use for the dimensions, matched as substrings.
var dimensionAliases = map[string][]string{
	"process":   {"执行过程", "执行情况", "政策执行", "实施过程"},
	"standards": {"细则标准", "配套细则", "标准规范", "细则"},
	"results":   {"取得成效", "实施成效", "执行效果", "政策成效", "成效"},
}

var (
	ordinalPrefix = regexp.MustCompile(`^\s*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十\d]+[部分项])\s*`)
	trailingParen = regexp.MustCompile(`\s*[（(][^（）()]*[)）]\s*$`)
)

// DimensionOf maps a sheet's dimension text ("一、执行过程（30分）", "process", a scheme's own dimension
// name given in names) to a dimension key; "" when none fits.
func DimensionOf(text string, names map[string]string) string {
	t := strings.TrimSpace(ordinalPrefix.ReplaceAllString(text, ""))
	t = strings.TrimSpace(trailingParen.ReplaceAllString(t, ""))
	if t == "" {
		return ""
	}
	for _, k := range DimensionKeys {
		if strings.EqualFold(t, k) || t == names[k] || t == DimensionNames[k] {
			return k
		}
	}
	for _, k := range DimensionKeys {
		if n := names[k]; n != "" && strings.Contains(t, n) {
			return k
		}
	}
	for _, k := range DimensionKeys {
		for _, a := range dimensionAliases[k] {
			if strings.Contains(t, a) {
				return k
			}
		}
	}
	return ""
}
