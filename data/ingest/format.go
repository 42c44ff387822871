// Package ingest imports survey exports (问卷星, 腾讯问卷, 问卷网, 腾讯文档/金山表单, 金数据, LimeSurvey, any sheet) into a round of a
// policy: it finds the header, detects the layout by header names, builds the question model and
// stores every response in one transaction (whole file or nothing).
//
// Pipeline: data/sheet reads rows → detect (header row, layout) → parser (columns → metadata and
// answer slots, per-slot statistics) → store.SurveyWriter stores packed rows → finish (question types
// and options decided from the statistics) → store.SurveyWriter.Finish records the layout.
package ingest

import (
	"strings"

	"github.com/gongping/gongping/data"
)

// Format is a survey export layout.
type Format string

// Export layouts (see DESIGN.md "Survey export layouts").
const (
	Auto       Format = "auto"
	WJXText    Format = "wjx-text"   // 问卷星 按选项文本
	WJXCode    Format = "wjx-code"   // 问卷星 按选项序号
	Tencent    Format = "tencent"    // 腾讯问卷
	Jinshuju   Format = "jinshuju"   // 金数据
	LimeSurvey Format = "limesurvey" // LimeSurvey
	Wenjuan    Format = "wenjuan"    // 问卷网
	TxDocs     Format = "txdocs"     // 腾讯文档 / 金山表单 collection forms (收集表)
	Generic    Format = "generic"    // any sheet: header found below title rows, every non-metadata column a question
)

// Formats lists the concrete layouts, in the order the wizard offers them.
var Formats = []Format{WJXText, WJXCode, Tencent, Wenjuan, TxDocs, Jinshuju, LimeSurvey, Generic}

// FormatNames gives each layout's Chinese name.
var FormatNames = map[Format]string{
	Auto: "自动识别", WJXText: "问卷星（按选项文本）", WJXCode: "问卷星（按选项序号）", Tencent: "腾讯问卷",
	Wenjuan: "问卷网", TxDocs: "腾讯文档/金山表单收集表", Jinshuju: "金数据", LimeSurvey: "LimeSurvey", Generic: "通用表格",
}

// ParseFormat accepts a layout key ("" means auto).
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == string(Auto) {
		return Auto, nil
	}
	for _, f := range Formats {
		if s == string(f) {
			return f, nil
		}
	}
	keys := []string{string(Auto)}
	for _, f := range Formats {
		keys = append(keys, string(f))
	}
	return "", data.InputErrorf("未知的问卷格式 %q，可选：%s", s, strings.Join(keys, ", "))
}
