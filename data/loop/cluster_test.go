package loop

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// writeCSV writes a consultation export with the given rows under a standard header.
func writeCSV(t testing.TB, header []string, rows [][]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "opinions.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(header)
	w.WriteAll(rows)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// pointGroups are opinions on a 养老服务 draft (a domain the sample does not use): each inner list makes one
// point — small edits of a mass comment, or paraphrases — and must form one cluster; different lists make
// different points (some on the same subject with the same words) and must stay apart.
var pointGroups = [][]string{
	{ // paraphrases: raise the allowance
		"建议提高80周岁以上老年人的高龄津贴标准，每月至少增加100元。",
		"希望把80岁以上老人的高龄津贴标准每月提高100元以上。",
		"高龄津贴标准太低，建议80周岁以上老人每月增加100元。",
	},
	{ // same subject, different point: widen who gets it
		"建议扩大高龄津贴发放范围，将75周岁以上老年人纳入。",
		"高龄津贴的发放范围建议扩大到75周岁以上的老年人。",
	},
	{ // paraphrases: meal service at stations
		"建议社区养老服务驿站提供助餐服务，解决独居老人吃饭难问题。",
		"希望每个社区养老服务驿站都开设助餐服务，解决独居老人吃饭难。",
		"建议社区养老驿站普遍提供老年助餐服务，方便独居老人吃饭。",
	},
	{ // mass comment with small edits
		"强烈要求取消养老机构床位补贴中的户籍限制，非京籍老人同样享受补贴！",
		"强烈要求取消养老机构床位补贴中的户籍限制，非京籍老人同样享受补贴",
		"强烈要求取消养老机构床位补贴的户籍限制,非京籍老人同样享受补贴!",
		"我们强烈要求取消养老机构床位补贴中的户籍限制，非京籍老人也应同样享受补贴。",
		"恳请取消养老机构床位补贴中的户籍限制，非京籍老人同样享受补贴！谢谢",
		"强烈要求取消养老机构床位补贴中的户籍限制，非京籍老人同样享受补贴！联系电话13912345678",
	},
	{"建议提高养老机构床位运营补贴标准，每张床位每月增加200元。"},
	{"建议养老服务驿站的运营补贴按实际服务人次发放，而不是按床位发放。"},
	{"建议加强养老护理员队伍建设，提高护理员工资待遇。"},
	{"建议老旧小区加装电梯给予财政补贴，方便老年人上下楼。"},
	{"建议建立家庭养老照护床位，由专业机构上门提供护理服务。"},
	{"希望简化长期护理保险的申请流程，失能老人评估结果互认。"},
	{"建议在公园和社区增设适合老年人的健身器材和休息座椅。"},
	{"建议发展老年教育，扩大老年大学招生规模。"},
	{ // the same number written two ways
		"建议居家养老上门服务补贴提高到每月八百元。",
		"居家养老上门服务补贴建议提高至每月800元。",
	},
}

// transitGroups are opinions on a 公共交通 draft, same idea as pointGroups.
var transitGroups = [][]string{
	{"建议延长地铁末班车运营时间至夜间12点。", "希望地铁末班车运营时间延长到夜里12点。", "地铁末班车太早了，建议延长运营时间到晚上12点", "建议延长地铁末班车运营时间至24时，方便加班族。"},
	{"建议增加地铁早高峰时段的发车频次。", "早高峰地铁太挤，希望增加发车频次。"},
	{"建议在学校周边设置限速标志和减速带，保障学生安全。", "学校周边应设置减速带和限速标志，保障孩子上下学安全。"},
	{"建议公交站台增设遮阳避雨棚。"},
	{"建议共享单车停放点规范管理，避免乱停乱放。"},
	{"建议老年人乘坐公交免费范围扩大到60岁以上。", "希望60岁以上老人乘公交也能免费。"},
	{"建议老年人乘坐地铁享受半价优惠。"},
	{"强烈反对取消5路公交车！", "强烈反对取消5路公交车", "坚决反对取消5路公交车！！", "强烈反对取消5路公交，我们小区居民出行全靠它！", "强烈反对取消5路公交车!"},
	{"建议取消12路公交车的绕行路段，缩短行程时间。"},
	{"建议停车收费标准按区域差异化，核心区提高、外围降低。"},
	{"建议居住区夜间允许路边临时停车。"},
}

// housingGroups are opinions on a 住房/教育 draft, written after the threshold was chosen (a check, not a
// tuning set). Left out: "延长到下午六点" vs "延长到18点", a paraphrase character n-grams cannot see.
var housingGroups = [][]string{
	{"建议公租房申请条件中的收入标准适当放宽。", "希望适当放宽公租房申请的收入标准。", "公租房收入标准太严，建议放宽。"},
	{"建议缩短公租房轮候时间，目前要等三年以上。", "公租房轮候时间太长了，等了三年多还没配租，希望缩短。"},
	{"建议增加学区内公办幼儿园学位。", "希望多建公办幼儿园，增加学位供给。"},
	{"建议对租房提取公积金的额度提高到每月二千元。", "租房提取公积金额度建议提到每月2000元"},
	{"建议老旧小区改造同步加装电梯。"},
	{"建议规范住房租赁中介收费，禁止收取高额服务费。"},
	{"建议人才公寓租金按市场价的七折收取。"},
	{"坚决要求恢复我们小区门口的公交站！", "坚决要求恢复我们小区门口的公交站", "坚决要求恢复小区门口的公交站！！", "我们坚决要求恢复小区门口的公交站！", "坚决要求恢复我们小区门口的公交站点！", "坚决要求恢复我们小区门口公交站，老人孩子出行不便！"},
	{"建议提高公积金贷款最高额度。"},
	{"建议降低公积金贷款利率。"},
	{"建议义务教育阶段取消择校费。"},
}

func TestClusteringJoinsAndSeparates(t *testing.T) {
	for name, groups := range map[string][][]string{"elderly care": pointGroups, "transit": transitGroups, "housing": housingGroups} {
		t.Run(name, func(t *testing.T) { checkGroups(t, groups) })
	}
}

// checkGroups imports the groups' opinions and checks that each group is one cluster and no cluster
// holds two groups; the largest cluster must be the only concentrated one.
func checkGroups(t *testing.T, pointGroups [][]string) {
	var rows [][]string
	want := map[string]int{} // text → group
	for g, texts := range pointGroups {
		for _, tx := range texts {
			rows = append(rows, []string{tx})
			want[tx] = g
		}
	}
	// Interleave the groups as submissions arrive, deterministically.
	sort.SliceStable(rows, func(i, j int) bool { return len(rows[i][0])%7 < len(rows[j][0])%7 })
	s, pid := newPolicy(t, "")
	if _, err := ImportFile(context.Background(), s, pid, writeCSV(t, []string{"意见内容"}, rows), nil); err != nil {
		t.Fatal(err)
	}
	ops, err := Opinions(context.Background(), s, pid)
	if err != nil {
		t.Fatal(err)
	}
	clusterOf := map[int]map[int64]bool{} // group → clusters its texts landed in
	groupsOf := map[int64]map[int]bool{}  // cluster → groups in it
	for _, o := range ops {
		g := want[o.Content]
		if o.Cluster == nil {
			t.Fatalf("opinion %q has no cluster", o.Content)
		}
		if clusterOf[g] == nil {
			clusterOf[g] = map[int64]bool{}
		}
		clusterOf[g][*o.Cluster] = true
		if groupsOf[*o.Cluster] == nil {
			groupsOf[*o.Cluster] = map[int]bool{}
		}
		groupsOf[*o.Cluster][g] = true
	}
	for g, cs := range clusterOf {
		if len(cs) != 1 {
			t.Errorf("point %d (%s…) split over %d clusters", g, pointGroups[g][0][:30], len(cs))
		}
	}
	for c, gs := range groupsOf {
		if len(gs) > 1 {
			var names []string
			for g := range gs {
				names = append(names, strings.Split(pointGroups[g][0], "，")[0])
			}
			sort.Strings(names)
			t.Errorf("cluster %d joins distinct points: %q", c, names)
		}
	}
	cs, err := Clusters(context.Background(), s, pid)
	if err != nil {
		t.Fatal(err)
	}
	largest := 0
	for _, g := range pointGroups {
		largest = max(largest, len(g))
	}
	if !cs[0].Concentrated || cs[0].Size != largest || cs[1].Concentrated {
		t.Errorf("largest clusters: %d (concentrated %v), %d (concentrated %v); want the %d-opinion mass comment alone concentrated",
			cs[0].Size, cs[0].Concentrated, cs[1].Size, cs[1].Concentrated, largest)
	}
}
