// Command gen writes the hold-out consultation exports in data/loop/testdata (go run ./data/loop/testdata/gen).
// The comments are written by hand: form letters with small edits (one point), paraphrases, and distinct
// points that share most of their words (different points).
package main

import (
	"bytes"
	"encoding/csv"
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Opinion groups. Each inner slice is one point; the hold-out test expects each to form its own cluster.
var (
	// Form letter on clause 5 (贴息期限), eight copies with small edits: one concentrated cluster.
	massSubsidy = []string{
		"建议将第五条中小微企业贷款贴息期限由一年延长至三年，切实减轻企业负担。",
		"建议将第五条中小微企业贷款贴息期限由一年延长至三年，切实减轻企业负担！",
		"强烈建议将第五条中小微企业贷款贴息期限由一年延长至三年，切实减轻企业负担。",
		"建议将第五条小微企业贷款贴息期限由一年延长到三年，切实减轻企业负担。",
		"我们建议：将第五条中小微企业贷款贴息期限由一年延长至三年，切实减轻企业的负担。",
		"建议将第五条中小微企业贷款贴息期限由1年延长至3年，切实减轻企业负担",
		"建议将第五条中小微企业贷款贴息期限由一年延长至三年，真正减轻企业负担。谢谢！",
		"建议将第五条中小微企业贷款贴息期限由一年延长至三年，切实减轻企业负担。（某商会会员）",
	}
	// Same clause and most words, a different point: abolish 贴息 and give direct grants.
	distinctSubsidyCancel = []string{
		"建议取消第五条中小微企业贷款贴息，改为按纳税额直接给予现金补贴。",
	}
	// Same clause, a different point: the 贴息 application needs too much paperwork.
	distinctSubsidyPaper = []string{
		"第五条中小微企业贷款贴息的申请材料太多，需要提供十几份证明，建议精简申请材料。",
		"第五条贷款贴息申请要交的证明材料过多，建议精简，最好网上一次办好。",
	}
	// Paraphrases on clause 8 (审批时限): six opinions making one point in different words.
	paraApproval = []string{
		"建议将第八条规定的审批时限由20个工作日缩短为10个工作日。",
		"第八条审批时限20个工作日太长了，建议缩短到10个工作日以内。",
		"审批时限建议从二十个工作日压缩到十个工作日。",
		"第八条的审批时间过长，二十个工作日应缩短为十个工作日。",
		"建议缩短第八条审批时限，由20个工作日改为10个工作日。",
		"希望把审批时限从20个工作日减到10个工作日，提高办事效率。",
	}
	// Same clause, opposite point: keep 20 days because of on-site checks.
	distinctApprovalKeep = []string{
		"第八条审批时限20个工作日不宜缩短，涉及现场核查的事项时间本来就紧，建议保留。",
	}
	// Parking near the service hall, a different topic entirely; two near-identical.
	parking = []string{
		"政务服务中心周边停车太难，建议增设停车位或者开放周边单位停车场。",
		"政务服务中心附近停车难，建议增加停车位，开放周边单位的停车场。",
	}
	// Singletons.
	singles = []string{
		"第十二条“相关部门”表述不清，建议明确牵头部门和配合部门。",
		"建议在第三条增加对个体工商户的适用规定。",
		"政策发布后请同步发布政策解读和办事指南。",
	}
)

// stance: three agree, three disagree with the same clause in the same words; then a proposal that names
// 同意 inside it. The agreeing and the disagreeing opinions make opposite points and must stay apart.
var stance = [][2]string{
	{"同意第六条关于夜间施工审批的规定。", "第六条"},
	{"不同意第六条关于夜间施工审批的规定。", "第六条"},
	{"同意第六条关于夜间施工审批的规定，没有意见。", "第六条"},
	{"不同意第六条关于夜间施工审批的规定，应当禁止夜间施工。", "第六条"},
	{"第六条夜间施工审批的规定可行。", "第六条"},
	{"第六条夜间施工审批的规定不可行。", "第六条"},
	{"建议第六条规定夜间施工必须经过周边居民同意，并且限定在晚上十点以前。", "第六条"},
	{"建议第六条规定夜间施工须征得周边居民同意，时间限定在晚上10点以前。", "第六条"},
}

// stories: one form letter behind six different personal stories (one concentrated cluster), then the
// same proposal on article 9 twice and on article 10 once (two clusters: different articles).
var stories = []string{
	"我是一家小餐馆的老板，疫情三年下来亏了不少钱，现在刚刚缓过来。建议将小微企业贷款贴息期限延长至三年。",
	"本人经营一家五金店十几年了，资金周转一直很紧张，银行贷款利息压力很大。建议将小微企业贷款贴息期限延长至三年。",
	"我们公司是做软件外包的，二十来个人，去年订单少了一半。建议将小微企业贷款贴息期限延长至三年。",
	"作为一名个体户，我深刻体会到融资难融资贵。建议将小微企业贷款贴息期限延长至三年，谢谢政府！",
	"建议将小微企业贷款贴息期限延长至三年。联系电话13912345678。",
	"建议将小微企业贷款贴息期限延长至三年。",
	"建议第九条增加对个体工商户的支持措施。",
	"建议第十条增加对个体工商户的支持措施。",
	"建议第九条增加对个体工商户的支持措施，比如减免房租。",
}

// directions: five opinions to lengthen a period and five to shorten it, in almost the same words, then
// one more to lengthen: three clusters' worth of points on one subject (lengthen, shorten, raise a subsidy).
var directions = []string{
	"建议将公示期由15天延长至30天，便于群众充分了解。",
	"建议将公示期由15天延长到30天，便于群众充分了解情况。",
	"建议公示期由15天延长至30天，让群众充分了解。",
	"公示期建议由15天延长至30天，便于群众充分了解。",
	"建议将公示期由15天延长至30天。",
	"建议将公示期由15天缩短至7天，提高工作效率。",
	"建议将公示期由15天缩短到7天，提高效率。",
	"公示期建议由15天缩短至7天，提高工作效率。",
	"建议将公示期由15天缩短至7天。",
	"建议将公示期由15天缩短至7天，加快办理进度。",
	"老旧小区加装电梯的补贴标准偏低，建议提高到每部30万元。",
	"老旧小区加装电梯补贴标准太低，建议提高至每台30万元。",
	"老旧小区加装电梯应当取消补贴，由业主自行承担费用。",
	"老旧小区加装电梯的审批流程太复杂，建议简化审批。",
	"加装电梯补贴偏低，希望提高标准。",
	"电梯加装补贴标准低，应适当提高。",
	"建议明确加装电梯后低层住户的补偿办法。",
	"建议提高老旧小区加装电梯补贴标准。",
	"建议将公示期由15天延长至30天。",
}

// parkingFees: paraphrases of three points (night parking near old compounds, halve fees for new-energy
// cars, publish the fee scale) among points that share their words (charging bays, priority for the
// elderly, fee review, remove or add kerbside bays, parking near hospitals and schools).
var parkingFees = []string{
	"建议在老旧小区周边道路设置夜间临时停车位，缓解居民停车难。",
	"建议在老旧小区周边道路设置夜间临时停车位，缓解停车难问题。",
	"老旧小区停车难，建议在周边道路划设夜间临时停车位。",
	"希望在老旧小区附近的道路上施划夜间临时停车泊位。",
	"建议老旧小区周边道路晚上允许临时停车，早上7点前驶离。",
	"建议在老旧小区周边支路设置夜间临时停车位。",
	"建议对新能源汽车停车费减半收取。",
	"建议新能源汽车停车费减半。",
	"新能源汽车停车费应该减半收取，鼓励绿色出行。",
	"建议对新能源汽车停车收费给予半价优惠。",
	"新能源车停车费建议减半。",
	"建议对新能源汽车充电车位超时占用收取费用。",
	"建议老旧小区停车位优先分配给老年人和残疾人。",
	"停车收费标准应当公示，杜绝乱收费。",
	"希望所有停车场公示收费标准，防止乱收费。",
	"停车场收费标准要公开公示，严禁乱收费现象。",
	"建议停车收费标准每三年评估调整一次。",
	"建议取消部分路侧停车位，缓解道路拥堵。",
	"路边停车位太多导致道路拥堵，建议取消部分路侧停车位。",
	"建议增设路侧停车位，方便市民临时停车。",
	"建议医院周边增设停车位。",
	"建议学校周边增设临时停车位，方便家长接送。",
	"医院周边停车太难，建议增加停车位。",
}

type row struct{ content, clause, submitter, contact, when string }

func rows() []row {
	var out []row
	add := func(list []string, clause string) {
		for _, c := range list {
			n := len(out) + 1
			out = append(out, row{c, clause, names[n%len(names)], phones[n%len(phones)], "2026-03-" + two(1+n%20) + " 09:" + two(n%60)})
		}
	}
	add(massSubsidy, "第五条")
	add(distinctSubsidyCancel, "第五条")
	add(distinctSubsidyPaper, "第五条")
	add(paraApproval, "第八条")
	add(distinctApprovalKeep, "第八条")
	add(parking, "")
	add(singles, "")
	return out
}

var names = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"}
var phones = []string{"13812345678", "139-1234-5678", "+86 137 1234 5678", "zhang@example.com", ""}

func two(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

func main() {
	dir := "data/loop/testdata"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	rs := rows()

	// xlsx: a title row, a blank row, then 序号 意见内容 提交时间 提交人 联系方式 涉及条款.
	f := excelize.NewFile()
	sh := "Sheet1"
	f.SetSheetRow(sh, "A1", &[]any{"《关于进一步优化营商环境的若干措施（征求意见稿）》公开征求意见情况汇总"})
	f.SetSheetRow(sh, "A3", &[]any{"序号", "意见内容", "提交时间", "提交人", "联系方式", "涉及条款"})
	for i, r := range rs {
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		f.SetSheetRow(sh, cell, &[]any{i + 1, r.content, r.when, r.submitter, r.contact, r.clause})
	}
	if err := f.SaveAs(filepath.Join(dir, "holdout_opinions.xlsx")); err != nil {
		log.Fatal(err)
	}

	// GBK csv: a title line, aliases 编号/意见建议/留言时间/姓名/联系电话/条款, columns in another order.
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"征求意见汇总（网站留言）", "", "", "", "", ""})
	w.Write([]string{"编号", "条款", "意见建议", "姓名", "联系电话", "留言时间"})
	for i, r := range rs {
		w.Write([]string{two(i + 1), r.clause, r.content, r.submitter, r.contact, r.when})
	}
	w.Flush()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "holdout_opinions_gbk.csv"), gbk, 0o644); err != nil {
		log.Fatal(err)
	}

	// UTF-8 csv with a BOM: 序号 意见内容 涉及条款.
	b.Reset()
	b.WriteString("\uFEFF")
	w = csv.NewWriter(&b)
	w.Write([]string{"序号", "意见内容", "涉及条款"})
	for i, r := range stance {
		w.Write([]string{two(i + 1), r[0], r[1]})
	}
	w.Flush()
	if err := os.WriteFile(filepath.Join(dir, "holdout_stance.csv"), b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}

	// UTF-8 csv without a BOM: 序号 意见内容.
	b.Reset()
	w = csv.NewWriter(&b)
	w.Write([]string{"序号", "意见内容"})
	for i, c := range directions {
		w.Write([]string{two(i + 1), c})
	}
	w.Flush()
	if err := os.WriteFile(filepath.Join(dir, "holdout_directions.csv"), b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}

	// UTF-8 csv: 意见建议 only, no 序号 column.
	b.Reset()
	w = csv.NewWriter(&b)
	w.Write([]string{"意见建议"})
	for _, c := range parkingFees {
		w.Write([]string{c})
	}
	w.Flush()
	if err := os.WriteFile(filepath.Join(dir, "holdout_parking.csv"), b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}

	// xlsx without a clause column: 序号 意见.
	f = excelize.NewFile()
	f.SetSheetRow(sh, "A1", &[]any{"序号", "意见"})
	for i, c := range stories {
		cell, _ := excelize.CoordinatesToCellName(1, 2+i)
		f.SetSheetRow(sh, cell, &[]any{i + 1, c})
	}
	if err := f.SaveAs(filepath.Join(dir, "holdout_stories.xlsx")); err != nil {
		log.Fatal(err)
	}
}
