package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// metaField is what a metadata column holds.
type metaField int

const (
	metaNone       metaField = iota
	metaSubmitted            // submit / end time
	metaStart                // start time (duration = submitted − start when no duration column)
	metaDuration             // seconds, "123秒", "2分3秒"
	metaIP                   // IP address
	metaRespondent           // submitter / token: a respondent identity
	metaSerial               // 序号 / 编号 / id: the export's serial, used as respondent id when nothing better
	metaSource               // channel
	metaIgnore               // other metadata (device, browser, region, lastpage…): not a question
)

type metaAlias struct {
	field   metaField
	formats []Format // layouts this header is characteristic of (used for detection)
}

// metaAliases maps a normalised header (see normHeader) to its field. One table for every layout.
var metaAliases = map[string]metaAlias{
	// 问卷星
	"序号": {metaSerial, []Format{WJXText, WJXCode, Jinshuju}}, "提交答卷时间": {metaSubmitted, []Format{WJXText, WJXCode}},
	"所用时间": {metaDuration, []Format{WJXText, WJXCode}}, "来源": {metaSource, []Format{WJXText, WJXCode}},
	"来源详情": {metaIgnore, []Format{WJXText, WJXCode}}, "来自ip": {metaIP, []Format{WJXText, WJXCode}},
	"总分": {metaIgnore, nil}, "答卷编号": {metaSerial, nil},
	// 腾讯问卷
	"编号": {metaSerial, []Format{Tencent}}, "开始答题时间": {metaStart, []Format{Tencent}},
	"结束答题时间": {metaSubmitted, []Format{Tencent}}, "答题时长": {metaDuration, []Format{Tencent}},
	"ua": {metaIgnore, []Format{Tencent}}, "referrer": {metaIgnore, []Format{Tencent}}, "用户类型": {metaIgnore, []Format{Tencent}},
	"用户标识": {metaRespondent, []Format{Tencent}}, "昵称": {metaIgnore, []Format{Tencent}},
	"ip": {metaIP, []Format{Tencent, Jinshuju}},
	// 金数据
	"提交人": {metaRespondent, []Format{Jinshuju}}, "提交时间": {metaSubmitted, []Format{Jinshuju}},
	"修改时间": {metaIgnore, []Format{Jinshuju}}, "更新时间": {metaIgnore, []Format{Jinshuju}},
	"填写设备": {metaIgnore, []Format{Jinshuju}}, "操作系统": {metaIgnore, []Format{Jinshuju}},
	"浏览器": {metaIgnore, []Format{Jinshuju}}, "填写地区": {metaIgnore, []Format{Jinshuju}},
	"填写时长": {metaDuration, []Format{Jinshuju}}, "ip地址": {metaIP, []Format{Jinshuju}},
	"微信昵称": {metaIgnore, []Format{Jinshuju}}, "微信openid": {metaRespondent, []Format{Jinshuju}},
	"来源渠道": {metaSource, []Format{Jinshuju}}, "渠道": {metaSource, nil}, "填写ip": {metaIP, nil},
	"扩展属性": {metaIgnore, []Format{Jinshuju}}, "推广渠道": {metaSource, []Format{Jinshuju}},
	// LimeSurvey (question-code and full-text headings)
	"id": {metaSerial, []Format{LimeSurvey}}, "submitdate": {metaSubmitted, []Format{LimeSurvey}},
	"lastpage": {metaIgnore, []Format{LimeSurvey}}, "startlanguage": {metaIgnore, []Format{LimeSurvey}},
	"seed": {metaIgnore, []Format{LimeSurvey}}, "token": {metaRespondent, []Format{LimeSurvey}},
	"startdate": {metaStart, []Format{LimeSurvey}}, "datestamp": {metaIgnore, []Format{LimeSurvey}},
	"ipaddr": {metaIP, []Format{LimeSurvey}}, "refurl": {metaSource, []Format{LimeSurvey}},
	"interviewtime": {metaDuration, []Format{LimeSurvey}}, "responseid": {metaSerial, []Format{LimeSurvey}},
	"datesubmitted": {metaSubmitted, []Format{LimeSurvey}}, "lastpage.": {metaIgnore, nil},
	"startlanguage.": {metaIgnore, nil}, "datestarted": {metaStart, []Format{LimeSurvey}},
	"datelastaction": {metaIgnore, []Format{LimeSurvey}}, "ipaddress": {metaIP, []Format{LimeSurvey}},
	"referrerurl": {metaSource, []Format{LimeSurvey}}, "totaltime": {metaDuration, []Format{LimeSurvey}},
	"起答时间": {metaStart, []Format{Tencent}}, "开始时间": {metaStart, nil}, "结束时间": {metaSubmitted, nil},
	"答题开始时间": {metaStart, nil}, "答题结束时间": {metaSubmitted, nil}, "用户id": {metaRespondent, nil},
	"openid": {metaRespondent, nil}, "提交者": {metaRespondent, nil}, "填写人": {metaRespondent, nil},
	// common in hand-made sheets
	"填写时间": {metaSubmitted, nil}, "答题时间": {metaSubmitted, nil}, "完成时间": {metaSubmitted, nil},
	"作答时长": {metaDuration, nil}, "用时": {metaDuration, nil}, "用时(秒)": {metaDuration, nil}, "答题用时": {metaDuration, nil},
}

// metaPrefixes are metadata headers recognised by their start (腾讯问卷 地理位置（省）…).
var metaPrefixes = []struct {
	prefix string
	alias  metaAlias
}{
	{"地理位置", metaAlias{metaIgnore, []Format{Tencent}}},
	{"自定义字段", metaAlias{metaIgnore, []Format{Tencent}}},
	{"答题时长", metaAlias{metaDuration, []Format{Tencent}}},
	{"所用时间", metaAlias{metaDuration, []Format{WJXText, WJXCode}}},
	{"填写时长", metaAlias{metaDuration, []Format{Jinshuju}}},
}

// normHeader lowercases and drops spaces, so "来自 IP" and "来自IP" match.
func normHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		if !unicode.IsSpace(r) && r != '\u00a0' && r != '\ufeff' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupMeta says which metadata a header names, if any.
func lookupMeta(h string) (metaAlias, bool) {
	n := normHeader(h)
	if a, ok := metaAliases[n]; ok {
		return a, true
	}
	for _, p := range metaPrefixes {
		if strings.HasPrefix(n, p.prefix) {
			return p.alias, true
		}
	}
	return metaAlias{}, false
}

var (
	// 问卷星 expanded columns: "6、(选项A)", older "第6题(选项A)"; also "6(行标题)".
	reWJXExpanded = regexp.MustCompile(`^(\d{1,4})\s*[、.．]?\s*[(（](.*)[)）]$`)
	reWJXOld      = regexp.MustCompile(`^第\s*(\d{1,4})\s*题\s*[(（](.*)[)）]$`)
	// A numbered question: "3、题目", "3.题目", "3．题目", "3 题目", "3:题目".
	reNumbered = regexp.MustCompile(`^(\d{1,4})\s*(?:[、.．:：]|\s)\s*(.+)$`)
	// 问卷星's own numbering "3、题目" (used to recognise its exports with few meta columns).
	reWJXNumbered = regexp.MustCompile(`^\d{1,4}\s*、`)
	// 腾讯问卷 blanks: "5.题目_填空1"; options: "4.题目:选项".
	reTencentBlank = regexp.MustCompile(`^(\d{1,4})\.(.*)_填空(\d+)$`)
	reTencentOpt   = regexp.MustCompile(`^(\d{1,4})\.(.*):(.*)$`)
	// LimeSurvey: "code", "code[SQ001]", "code[other]", optionally followed by ". text" or ": text".
	reLime = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(?:\s*[.:：]\s*(.*))?$`)
	// LimeSurvey full-text headings of a sub-question: "题目 [子项]".
	reLimeText = regexp.MustCompile(`^(.+?)\s*\[([^\]]+)\]$`)
)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
