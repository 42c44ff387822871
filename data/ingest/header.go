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
	metaPersonal             // personal data the platform adds or the form asks outside the questions (姓名, 证件号, 手机…):
	// stored apart as a question of type meta, never scored, never published
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
	"总分": {metaIgnore, nil},
	// 问卷网
	// (答题时间/开始时间/结束时间 are as common in hand-made sheets: they are no sign of 问卷网)
	"答卷编号": {metaSerial, []Format{Wenjuan}}, "答题时间": {metaSubmitted, nil},
	"开始时间": {metaStart, nil}, "结束时间": {metaSubmitted, nil},
	"来源渠道(问卷网)": {metaSource, []Format{Wenjuan}},
	// 腾讯文档 / 金山表单 collection forms: "提交者（自动）", "提交时间（自动）" (see autoSuffixes)
	"提交者（自动）": {metaRespondent, []Format{TxDocs}}, "提交时间（自动）": {metaSubmitted, []Format{TxDocs}},
	// 腾讯问卷
	"编号": {metaSerial, []Format{Tencent}}, "开始答题时间": {metaStart, []Format{Tencent}},
	"结束答题时间": {metaSubmitted, []Format{Tencent}}, "答题时长": {metaDuration, []Format{Tencent}},
	"ua": {metaIgnore, []Format{Tencent}}, "referrer": {metaIgnore, []Format{Tencent}}, "用户类型": {metaIgnore, []Format{Tencent}},
	"用户标识": {metaRespondent, []Format{Tencent}}, "昵称": {metaPersonal, []Format{Tencent}},
	"ip": {metaIP, []Format{Tencent, Jinshuju}},
	// 金数据
	"提交人": {metaRespondent, []Format{Jinshuju}}, "提交时间": {metaSubmitted, []Format{Jinshuju}},
	"修改时间": {metaIgnore, []Format{Jinshuju}}, "更新时间": {metaIgnore, []Format{Jinshuju}},
	"填写设备": {metaIgnore, []Format{Jinshuju}}, "操作系统": {metaIgnore, []Format{Jinshuju}},
	"浏览器": {metaIgnore, []Format{Jinshuju}}, "填写地区": {metaIgnore, []Format{Jinshuju}},
	"填写时长": {metaDuration, []Format{Jinshuju}}, "ip地址": {metaIP, []Format{Jinshuju, Wenjuan}},
	"微信昵称": {metaPersonal, []Format{Jinshuju}}, "微信openid": {metaRespondent, []Format{Jinshuju}},
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
	"起答时间":   {metaStart, []Format{Tencent}},
	"答题开始时间": {metaStart, nil}, "答题结束时间": {metaSubmitted, nil}, "用户id": {metaRespondent, nil},
	"openid": {metaRespondent, nil}, "提交者": {metaRespondent, nil}, "填写人": {metaRespondent, nil},
	// common in hand-made sheets
	"填写时间": {metaSubmitted, nil}, "完成时间": {metaSubmitted, nil},
	"作答时长": {metaDuration, nil}, "用时": {metaDuration, nil}, "用时(秒)": {metaDuration, nil}, "答题用时": {metaDuration, nil},
}

// A completion-state column (答卷状态, 填写状态…: statusHeaders) is metadata, not a question: screening reads it.
func init() {
	for h := range statusHeaders {
		if _, ok := metaAliases[h]; !ok {
			metaAliases[h] = metaAlias{metaIgnore, nil}
		}
	}
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
	// LimeSurvey timings with full-text headings: "Group time: 基本情况", "Question time: Q1"
	{"grouptime:", metaAlias{metaIgnore, []Format{LimeSurvey}}},
	{"questiontime:", metaAlias{metaIgnore, []Format{LimeSurvey}}},
}

// personalHeaders are headers of personal data when they stand alone (not a numbered question of the
// questionnaire): normalised as by normHeader, after "您的", "（自动）", "(微信)", "*" and a trailing
// colon are taken off (see personalName).
var personalHeaders = map[string]bool{
	"姓名": true, "名字": true, "真实姓名": true, "称呼": true, "昵称": true, "微信昵称": true, "用户昵称": true,
	"证件号": true, "证件号码": true, "身份证": true, "身份证号": true, "身份证号码": true, "证件类型": true,
	"手机": true, "手机号": true, "手机号码": true, "电话": true, "电话号码": true, "联系电话": true, "联系方式": true,
	"邮箱": true, "电子邮箱": true, "邮件": true, "电子邮件": true, "邮箱地址": true, "email": true, "e-mail": true,
	"微信号": true, "qq": true, "qq号": true, "住址": true, "家庭住址": true, "联系地址": true, "通讯地址": true,
	"工号": true, "学号": true,
}

// wechatProfile marks 问卷网's columns from the respondent's WeChat profile: "昵称(微信)", "性别(微信)".
var wechatProfile = []string{"(微信)", "（微信）"}

// wechatFields are the profile fields 问卷网 adds (a question "3、(微信)" is an option column, not one).
var wechatFields = map[string]bool{"昵称": true, "性别": true, "城市": true, "省份": true, "国家": true, "地区": true,
	"头像": true, "openid": true, "unionid": true, "语言": true}

// wechatColumn says whether a normalised header is a WeChat profile column.
func wechatColumn(n string) bool {
	for _, w := range wechatProfile {
		if base, ok := strings.CutSuffix(n, w); ok && wechatFields[base] {
			return true
		}
	}
	return false
}

// personalName says whether an unnumbered header names personal data.
func personalName(h string) bool {
	n := normHeader(h)
	if wechatColumn(n) {
		return true
	}
	for _, s := range []string{"（自动）", "(自动)", "（必填）", "(必填)", "：", ":", "*"} {
		n = strings.TrimSuffix(n, s)
	}
	n = strings.TrimPrefix(strings.TrimPrefix(n, "*"), "您的")
	n = strings.TrimPrefix(n, "请输入")
	n = strings.TrimPrefix(n, "请填写")
	return personalHeaders[n]
}

// autoSuffixes mark the fields a 腾讯文档 / 金山表单 collection form fills in itself.
var autoSuffixes = []string{"（自动）", "(自动)"}

var (
	// LimeSurvey timings: "interviewtime", "groupTime12", "Q1Time", "123X4X5Time" (any heading style).
	reLimeTime = regexp.MustCompile(`^(?:interviewtime|[Gg]roup[Tt]ime\d*|[A-Za-z0-9_]+Time)$`)
	// LimeSurvey "code. text" heading: "submitdate. Date submitted".
	reLimeCodeText = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_]*)\s*\.\s+\S`)
)

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
	h = strings.TrimSpace(h)
	if m := reLimeCodeText.FindStringSubmatch(h); m != nil { // "id. Response ID": the code decides
		if a, ok := metaAliases[strings.ToLower(m[1])]; ok && len(a.formats) == 1 && a.formats[0] == LimeSurvey {
			return a, true
		}
		if reLimeTime.MatchString(m[1]) {
			return limeTime(m[1]), true
		}
	}
	if reLimeTime.MatchString(h) {
		return limeTime(h), true
	}
	for _, s := range autoSuffixes {
		if base, ok := strings.CutSuffix(n, s); ok && base != "" {
			if a, ok := metaAliases[base]; ok {
				return metaAlias{a.field, []Format{TxDocs}}, true
			}
			if personalName(base) {
				return metaAlias{metaPersonal, []Format{TxDocs}}, true
			}
			return metaAlias{metaIgnore, []Format{TxDocs}}, true
		}
	}
	if wechatColumn(n) {
		return metaAlias{metaPersonal, []Format{Wenjuan}}, true
	}
	if personalName(h) {
		return metaAlias{metaPersonal, nil}, true
	}
	for _, p := range metaPrefixes {
		if strings.HasPrefix(n, p.prefix) {
			return p.alias, true
		}
	}
	return metaAlias{}, false
}

// limeTime is a LimeSurvey timing column: the interview's total time is the duration, the rest are
// per-group and per-question times (kept out of the questions).
func limeTime(code string) metaAlias {
	if strings.EqualFold(code, "interviewtime") {
		return metaAlias{metaDuration, []Format{LimeSurvey}}
	}
	return metaAlias{metaIgnore, []Format{LimeSurvey}}
}

var (
	// 问卷星 expanded columns: "6、(选项A)", older "第6题(选项A)"; also "6(行标题)".
	reWJXExpanded = regexp.MustCompile(`^(\d{1,4})\s*[、.．]?\s*[(（](.*)[)）]$`)
	reWJXOld      = regexp.MustCompile(`^第\s*(\d{1,4})\s*题\s*[(（](.*)[)）]$`)
	// A numbered question: "3、题目", "3.题目", "3．题目", "3 题目", "3:题目".
	reNumbered = regexp.MustCompile(`^(\d{1,4})\s*(?:[、.．:：]|\s)\s*(.+)$`)
	// 问卷星's own numbering "3、题目" (used to recognise its exports with few meta columns).
	reWJXNumbered = regexp.MustCompile(`^\d{1,4}\s*、`)
	// 问卷网 expanded columns: "Q3_题目_子项" (also "Q3_题目").
	reWenjuanSub = regexp.MustCompile(`^[Qq](\d{1,4})_(.+)$`)
	// "第3题 题目" / "第3题、题目".
	reDiTi = regexp.MustCompile(`^第\s*(\d{1,4})\s*题\s*[、.．:：]?\s*(.+)$`)
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
