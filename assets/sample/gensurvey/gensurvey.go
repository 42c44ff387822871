// Package gensurvey writes the bundled sample survey: a 问卷星 按选项文本 export of a 营商环境 policy
// satisfaction survey (480 respondents) with Likert questions for the three evaluation dimensions, a
// problems and a directions multi-select, an overall satisfaction question and citizen comments (some
// with phone or ID numbers, for masking), plus a few speeders, straight-liners and duplicates.
// The output is deterministic: the same bytes every run.
package gensurvey

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// File is the sample's file name.
const File = "营商环境政策满意度调查_问卷星按选项文本.xlsx"

// Respondents is the number of responses in the sample.
const Respondents = 480

var likert = []string{"非常不满意", "不满意", "一般", "满意", "非常满意"}

// likertQuestions: text and the dimension effect (results trail process, as real evaluations tend to).
var likertQuestions = []struct {
	text   string
	effect float64
}{
	{"4、您对本政策宣传解读工作的满意程度", 0.05},
	{"5、您对涉企事项办理流程便捷程度的满意程度", 0.10},
	{"6、您对窗口和线上服务态度与效率的满意程度", 0.12},
	{"7、您对政策执行规范、公平公正的满意程度", 0.02},
	{"8、您对政策细则明确、可操作的满意程度", -0.04},
	{"9、您对申请条件和认定标准合理性的满意程度", -0.08},
	{"10、您对配套措施衔接完备的满意程度", -0.06},
	{"11、您对政策降低企业成本、减轻负担的满意程度", -0.12},
	{"12、您对政策解决企业实际诉求的满意程度", -0.10},
	{"13、您对政策达到预期目标、发挥作用的满意程度", -0.05},
}

// problems and directions with how often a typical respondent names them (a less satisfied one names
// problems more often).
var problems = []struct {
	text string
	rate float64
}{
	{"申请材料多、重复提交", 0.46}, {"审批时限长", 0.38}, {"线上系统不好用", 0.31}, {"政策条款看不懂", 0.27},
	{"部门之间推诿", 0.14}, {"窗口排队时间长", 0.19}, {"收费不透明", 0.07},
}
var directions = []struct {
	text string
	rate float64
}{
	{"进一步简化办事流程", 0.52}, {"加大资金和融资支持", 0.44}, {"加强政策宣传解读", 0.33}, {"提升线上办理体验", 0.29},
	{"畅通企业诉求反映渠道", 0.21}, {"统一执法和认定标准", 0.12},
}

var comments = []string{
	"希望进一步减少申请材料，能共享的数据就不要让企业重复提交。",
	"线上系统经常卡顿，上传附件老是失败，建议优化。",
	"政策好是好，但细则出台太慢，基层窗口也说不清楚怎么执行。",
	"窗口工作人员态度很好，办事效率比去年明显提高。",
	"建议设立专门的企业服务专员，一对一解答政策问题。",
	"小微企业申请门槛偏高，很多条件我们达不到，希望放宽。",
	"希望政策兑现能更快一些，资金拨付周期太长。",
	"各部门要求的材料口径不一致，来回跑了好几趟。",
	"建议把政策解读做成短视频，方便企业了解。",
	"整体感觉营商环境在变好，希望保持下去。",
	"执法检查次数还是偏多，希望推行综合查一次。",
	"有问题打12345反映后很快就有回复，点赞。",
}

// personal are comments with personal data the report must mask.
var personal = []string{
	"我们企业的补贴申请一直没有结果，请联系我：13912345678，谢谢。",
	"办理过程中遇到问题无人解答，联系人王先生 139-1234-5678。",
	"法人身份证号 %s 已提交多次仍提示信息不符，请核查。",
	"可以电话回访 +86 138 0013 8000，我详细说明情况。",
}

// idNumber makes an 18-digit ID number with a valid GB 11643 check digit.
func idNumber(body string) string {
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range body {
		sum += int(c-'0') * w[i]
	}
	return body + string("10X98765432"[sum%11])
}

// Rows returns the sample export: the header and one row per respondent.
func Rows() [][]string {
	rng := rand.New(rand.NewPCG(2026, 11))
	header := []string{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
		"1、您的身份", "2、您所在企业的规模", "3、您此前是否听说过《关于进一步优化营商环境降低企业制度性交易成本的若干措施》"}
	for _, q := range likertQuestions {
		header = append(header, q.text)
	}
	header = append(header, "14、您在办理涉企事项中遇到的主要问题有哪些（多选）", "15、您希望政府在哪些方面加强和改进（多选）",
		"16、您对本市营商环境政策实施的总体满意度", "17、您对进一步完善本政策还有哪些意见和建议", "18、您对政务服务窗口还有什么想说的")
	rows := [][]string{header}
	identities := []string{"企业负责人", "企业办事人员", "企业办事人员", "个体工商户", "其他"}
	sizes := []string{"大型企业", "中型企业", "小型企业", "小型企业", "微型企业", "个体工商户"}
	know := []string{"听说过，并仔细阅读过", "听说过，大致知道内容", "听说过，但不清楚具体内容", "没有听说过", "没有听说过"}
	sources := []string{"微信", "微信", "手机提交", "链接"}
	ipOf := func() string {
		return fmt.Sprintf("%d.%d.%d.%d(北京-北京)", 111+rng.IntN(10), rng.IntN(256), rng.IntN(256), 1+rng.IntN(254))
	}
	personalUsed := 0
	for i := 1; len(rows) <= Respondents; i++ {
		n := len(rows)
		day := n * 26 / Respondents
		sec := rng.IntN(12 * 3600)
		submitted := time.Date(2026, 10, 15+day, 8, 0, sec, 0, time.UTC).Format("2006/1/2 15:04:05")
		duration := 150 + rng.IntN(300)
		kind := "normal"
		switch {
		case n%29 == 7:
			kind = "speeder"
			duration = 25 + rng.IntN(30)
		case n%37 == 11:
			kind = "straight"
		case n%71 == 50 && n > 60:
			kind = "duplicate"
		}
		// A duplicate repeats an earlier respondent's IP and answers, submitted a little later.
		if kind == "duplicate" {
			src := rows[n-40]
			dup := append([]string(nil), src...)
			dup[0], dup[1], dup[2] = fmt.Sprint(n), submitted, fmt.Sprintf("%d秒", duration)
			rows = append(rows, dup)
			continue
		}
		latent := 0.66 + rng.NormFloat64()*0.16
		row := []string{fmt.Sprint(n), submitted, durationText(duration), sources[rng.IntN(len(sources))], "直接访问", ipOf(),
			identities[rng.IntN(len(identities))], sizes[rng.IntN(len(sizes))], know[clamp(int(math.Round(2.2-latent*2+rng.NormFloat64()*0.8)), 0, 4)]}
		straight := likert[3+rng.IntN(2)]
		values := make([]float64, len(likertQuestions))
		for k, q := range likertQuestions {
			v := latent + q.effect + rng.NormFloat64()*0.17
			values[k] = v
			a := likert[clamp(int(math.Floor(v*5)), 0, 4)]
			switch {
			case kind == "straight":
				a = straight
			case rng.Float64() < 0.04:
				a = "不了解"
			case rng.Float64() < 0.01:
				a = "(跳过)"
			}
			row = append(row, a)
		}
		// Problems: the less satisfied, the more problems named.
		var ps []string
		for _, p := range problems {
			if rng.Float64() < p.rate*(1.6-latent) {
				ps = append(ps, p.text)
			}
		}
		if rng.Float64() < 0.05 {
			ps = append(ps, "其他〖"+[]string{"政策兑现慢", "中介服务收费高", "信用修复难"}[rng.IntN(3)]+"〗")
		}
		if len(ps) == 0 {
			ps = append(ps, problems[rng.IntN(len(problems))].text)
		}
		var ds []string
		for _, d := range directions {
			if rng.Float64() < d.rate {
				ds = append(ds, d.text)
			}
		}
		if len(ds) == 0 {
			ds = append(ds, directions[rng.IntN(len(directions))].text)
		}
		overall := likert[clamp(int(math.Floor((latent+rng.NormFloat64()*0.1)*5)), 0, 4)]
		if kind == "straight" {
			overall = straight
		}
		comment, window := "(跳过)", "(跳过)"
		if rng.Float64() < 0.45 {
			comment = comments[rng.IntN(len(comments))]
		}
		if n%53 == 3 && personalUsed < len(personal) { // a few comments carry personal data
			comment = personal[personalUsed]
			if strings.Contains(comment, "%s") {
				comment = fmt.Sprintf(comment, idNumber("11010519850712"+fmt.Sprintf("%03d", 100+n%800)))
			}
			personalUsed++
		}
		if rng.Float64() < 0.2 {
			window = []string{"希望中午不休息，方便上班族办事。", "取号后等了一个多小时。", "工作人员很耐心，谢谢！", "自助机经常坏。"}[rng.IntN(4)]
		}
		if kind == "speeder" && rng.Float64() < 0.7 {
			comment, window = "(跳过)", "(跳过)"
		}
		row = append(row, strings.Join(ps, "┋"), strings.Join(ds, "┋"), overall, comment, window)
		rows = append(rows, row)
	}
	return rows
}

func durationText(sec int) string {
	if sec >= 60 && sec%2 == 0 {
		return fmt.Sprintf("%d分%d秒", sec/60, sec%60)
	}
	return fmt.Sprintf("%d秒", sec)
}

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }

// Write writes the sample export as .xlsx to path.
func Write(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range Rows() {
		vals := make([]any, len(r))
		for k, v := range r {
			vals[k] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			return err
		}
	}
	f.SetColWidth("Sheet1", "A", "A", 6)
	f.SetColWidth("Sheet1", "B", "B", 18)
	return f.SaveAs(path)
}
