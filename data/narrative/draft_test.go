package narrative

import (
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/score"
)

func f(v float64) *float64 { return &v }
func s(v string) *string   { return &v }
func b(v bool) *bool       { return &v }

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// fixture is a round like the bundled sample's, with round numbers so every sentence can be checked by hand.
func fixture() Inputs {
	res := &score.Result{
		Respondents: score.Respondents{Imported: 1250, Valid: 1200, Excluded: score.ExcludedCount{Speeders: 30, Straightliners: 15, Duplicates: 5}},
		Composite:   score.Composite{Score: f(70.24), Grade: s("中")},
		Sources:     score.SourceCounts{Responses: 1250, AssessmentRows: 9, OfficerRows: 5},
		Method:      score.Method{Sources: score.Sources{Survey: 0.6, Assessment: 0.3, Officers: 0.1}},
		Dimensions: []score.Dimension{
			{Key: "process", Name: "执行过程", Weight: 1.0 / 3, Score: f(66.26), Survey: f(58.5), Assessment: f(81.4), Officers: f(75), N: 1200,
				SatisfactionRate: f(0.632), Alpha: f(0.75), CI95: &[2]float64{57.3, 59.8},
				Indicators: []score.Indicator{{Name: "政策宣传解读", Score: f(73.2)}, {Name: "办理便捷度", Score: f(78.3)}, {Name: "执行规范性", Score: f(59.3)}}},
			{Key: "standards", Name: "细则标准", Weight: 1.0 / 3, Score: f(65.9), Survey: f(59.9), N: 1200, Alpha: f(0.70),
				Indicators: []score.Indicator{{Name: "细则明确性", Score: f(62.3)}}},
			{Key: "results", Name: "取得成效", Weight: 1.0 / 3, Score: f(78.5), Survey: f(78.5), N: 1200, Alpha: f(0.68),
				Indicators: []score.Indicator{{Name: "政策获得感", Score: f(80.4)}, {Name: "目标实现程度", Score: f(76.6)}}},
		},
		Problems: []score.Problem{
			{Item: "申请材料多", Source: score.SourceSurvey, Incidence: f(0.463)}, {Item: "其他", Source: score.SourceSurvey, Incidence: f(0.4)},
			{Item: "审批时限长", Source: score.SourceSurvey, Incidence: f(0.374)},
			{Item: "部分街道未开展解读。", Source: score.SourceAssessment}, {Item: "排队时间长", Source: score.SourceOfficers},
		},
		LowIndicators: []score.Problem{{Item: "执行规范性", Source: score.SourceIndicator, Score: f(59.3)}},
		Directions:    []score.Direction{{Item: "进一步简化办事流程", Source: score.SourceSurvey, Share: f(0.509)}, {Item: "高峰时段增开窗口", Source: score.SourceOfficers}},
		IPA: []score.IPAPoint{
			{Indicator: "政策宣传解读", Quadrant: score.QuadrantKeep, Importance: 0.556, Performance: 73.2},
			{Indicator: "执行规范性", Quadrant: score.QuadrantFix, Importance: 0.5, Performance: 59.3},
			{Indicator: "细则明确性", Quadrant: score.QuadrantFix, Importance: 0.53, Performance: 62.3},
		},
	}
	ok := true
	no := false
	return Inputs{
		Policy:       data.Policy{Title: "关于优化营商环境的若干措施", DocNo: "京政办发〔2026〕12号", Dept: "市发展改革委", Issued: "2026-04-15"},
		Consultation: &data.Consultation{Start: "2026-02-12", End: "2026-03-13", Channel: "首都之窗"},
		Round:        "2026年度", Result: res, Scheme: "营商环境政策评价方案",
		Agency: "北京某评估中心", Commissioner: "市发展改革委", Date: day(2026, 11, 20),
		SurveyFrom: day(2026, 9, 1), SurveyTo: day(2026, 9, 30), Officers: 6,
		Opinions:  Opinions{Total: 148, Clusters: 87, Concentrated: 6, AdoptionRate: f(0.858)},
		Revisions: []Revision{{Clause: "第五条", Opinions: 26, Findings: 2}, {Clause: "第十条", Findings: 1}},
		Checks:    &check.Result{Checks: []check.Item{{Name: "甲", OK: &ok}, {Name: "乙", OK: &no}, {Name: "丙"}}},
		Breakdowns: []*score.Breakdown{{Text: "1、您的身份", Groups: []score.Group{
			{Value: "企业负责人", N: 300, Composite: f(72.1)}, {Value: "个体工商户", N: 20, Composite: f(61.05)}, {Value: "其他", N: 5}}}},
		Open:       []OpenQuestion{{Question: "17、意见建议", Answered: 191, Distinct: 16}},
		MethodsRef: "附件1", QuotesRef: "附件2",
	}
}

// The fixture's summary, word for word: the example of the issue ("本次评价共回收有效问卷1,200份……").
func TestDraftSummary(t *testing.T) {
	want := "受市发展改革委委托，北京某评估中心对《关于优化营商环境的若干措施》（京政办发〔2026〕12号）开展2026年度政策执行效果评估。" +
		"评估综合运用问卷调查、第三方评估和政策体验官评价等方式，共回收有效问卷1,200份。" +
		"评估结果显示，政策执行效果综合得分70.2分，处于“中”等级；执行过程、细则标准、取得成效三个维度分别得分66.3分、65.9分和78.5分。" +
		"问卷调查中，受访者反映较多的问题是“申请材料多”（46.3%）和“审批时限长”（37.4%）。" +
		"重要性—表现分析显示，“细则明确性”和“执行规范性”对总体评价影响较大而得分偏低，宜作为重点改进事项。" +
		"针对评估发现的问题和公众意见建议，已对政策第五条、第十条共2处条款作出修订。"
	if got := Draft(fixture())[Summary]; got != want {
		t.Errorf("summary:\n got %s\nwant %s", got, want)
	}
}

// Each case changes the fixture and names what the section's draft must and must not say.
func TestDraft(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(*Inputs)
		section Section
		want    []string
		not     []string
	}{
		{"dimension grade and sources", nil, Process,
			[]string{"执行过程维度得分66.3分，处于“中”等级。", "问卷调查得分58.5分，第三方评估得分81.4分，政策体验官评价得分75.0分", "满意率为63.2%", "95%置信区间为57.3至59.8分",
				"“办理便捷度”得分最高（78.3分），“执行规范性”得分最低（59.3分）；“执行规范性”得分低于60分"}, nil},
		{"one source: no split by source", nil, Standards, []string{"细则标准维度得分65.9分", "该维度的问卷指标为“细则明确性”，得分62.3分"}, []string{"分来源看"}},
		{"grade of a good dimension", func(in *Inputs) { in.Result.Dimensions[2].Score = f(85) }, Results, []string{"取得成效维度得分85.0分，处于“良”等级"}, nil},
		{"held back dimension", func(in *Inputs) {
			in.Result.Dimensions[0].Score, in.Result.Dimensions[0].HeldBack = nil, "指标“服务态度”暂缓计分"
		}, Process, []string{"执行过程维度暂缓计分：指标“服务态度”暂缓计分。"}, []string{"处于"}},
		{"held back composite", func(in *Inputs) {
			in.Result.Composite = score.Composite{HeldBack: "执行过程维度暂缓计分"}
		}, Execution, []string{"综合得分暂缓给出：执行过程维度暂缓计分。"}, []string{"综合得分70.2"}},
		{"highest and lowest dimension", nil, Execution, []string{"取得成效得分最高，为78.5分；细则标准得分最低，为65.9分"}, nil},
		{"not scored", func(in *Inputs) { in.Result, in.ScoreError = nil, "尚未设置评价方案" }, Execution, []string{"本轮次尚未能计算评价得分：尚未设置评价方案。"}, nil},
		{"not scored summary", func(in *Inputs) { in.Result, in.ScoreError = nil, "尚未设置评价方案" }, Summary, []string{"开展2026年度政策执行效果评估。本轮次尚未能计算评价得分"}, []string{"回收有效问卷"}},
		{"thousands", nil, Sample, []string{"共回收问卷1,250份", "答题过快的问卷30份", "共剔除50份，有效问卷1,200份，有效率96.0%", "分别为0.75、0.70和0.68", "信度偏低"}, []string{"人工"}},
		{"excluded by hand and restored", func(in *Inputs) {
			in.Result.Respondents = score.Respondents{Imported: 100, Valid: 97, Excluded: score.ExcludedCount{Manual: 3}, Restored: 2}
		}, Sample, []string{"经复核认定无效的问卷3份，共剔除3份（另有2份经复核予以保留）"}, []string{"人工"}},
		{"clean sample", func(in *Inputs) {
			in.Result.Respondents = score.Respondents{Imported: 10, Valid: 10}
			for i := range in.Result.Dimensions {
				in.Result.Dimensions[i].Alpha = f(0.8)
			}
		}, Sample, []string{"未发现无效问卷，有效问卷10份，有效率100.0%", "问卷信度可以接受"}, nil},
		{"no survey", func(in *Inputs) { in.Result.Respondents = score.Respondents{}; in.Result.Sources.Responses = 0 }, Sample,
			[]string{"本轮次未开展问卷调查，评估以第三方评估和政策体验官评价为依据。"}, nil},
		{"agency only", func(in *Inputs) { in.Commissioner = "" }, Organisation, []string{"本次评估由北京某评估中心组织实施。"}, []string{"委托"}},
		{"self evaluation", func(in *Inputs) { in.Agency, in.Commissioner = "", "" }, Summary, []string{"市发展改革委对《关于优化营商环境的若干措施》"}, []string{"委托"}},
		{"officers on the roster", nil, Organisation, []string{"本政策聘请政策体验官6名。"}, nil},
		{"background with consultation", nil, Background, []string{"由市发展改革委承办，于2026年4月15日印发实施。", "于2026年2月12日至3月13日通过首都之窗公开征求意见，共收到意见建议148条。"}, nil},
		{"no consultation, no issue date", func(in *Inputs) { in.Consultation, in.Policy.Issued = nil, "" }, Background, []string{"由市发展改革委承办。为全面了解"}, []string{"征求意见"}},
		{"basis", nil, Basis, []string{"1.《北京市深化政务公开扩大公众参与工作办法》；\n2.《关于优化营商环境的若干措施》（京政办发〔2026〕12号）；\n3.《营商环境政策评价方案》。"}, nil},
		{"period", nil, Period, []string{"问卷调查于2026年9月1日至9月30日开展", "评估报告于2026年11月20日形成。"}, nil},
		{"period across years", func(in *Inputs) { in.SurveyFrom = day(2025, 12, 20) }, Period, []string{"2025年12月20日至2026年9月30日"}, nil},
		{"period of the default round", func(in *Inputs) { in.SurveyFrom, in.SurveyTo, in.Round = time.Time{}, time.Time{}, data.DefaultRound }, Period,
			[]string{"评估报告于2026年11月20日形成。"}, []string{data.DefaultRound, "问卷调查于"}},
		{"default round not named", func(in *Inputs) { in.Round = data.DefaultRound }, Summary, []string{"开展政策执行效果评估。"}, []string{data.DefaultRound}},
		{"method weights", nil, Method, []string{"三个维度设置6项评价指标", "问卷调查（权重60%）、第三方评估（权重30%）和政策体验官评价（权重10%）", "等权合成",
			"90分及以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”", "见附件1。"}, nil},
		{"method without appendix", func(in *Inputs) { in.MethodsRef = "" }, Method, nil, []string{"见附件"}},
		{"method source weights over the sources with data", func(in *Inputs) { in.Result.Sources.OfficerRows = 0 }, Method,
			[]string{"问卷调查（权重66.7%）和第三方评估（权重33.3%）"}, []string{"体验官"}},
		{"unequal dimension weights", func(in *Inputs) {
			in.Result.Dimensions[0].Weight, in.Result.Dimensions[1].Weight, in.Result.Dimensions[2].Weight = 0.5, 0.25, 0.25
		}, Method, []string{"按权重（执行过程50%、细则标准25%、取得成效25%）合成"}, nil},
		{"problems", nil, Problems, []string{"依次是“申请材料多”（46.3%）和“审批时限长”（37.4%）", "“执行规范性”（59.3分）得分低于60分",
			"第三方评估发现的主要问题有：部分街道未开展解读。", "政策体验官反映的主要问题有：排队时间长。"}, []string{"“其他”"}},
		{"merged problems: the survey's own shares, in their order", func(in *Inputs) {
			in.Result.Problems = append([]score.Problem{{Item: "窗口排队", Source: score.SourceSurvey, Sources: []string{score.SourceSurvey, score.SourceOfficers},
				Incidence: f(0.6), Mentions: []score.Mention{{Source: score.SourceSurvey, Incidence: f(0.2)}, {Source: score.SourceOfficers, Incidence: f(0.6)}}}},
				in.Result.Problems...)
		}, Problems, []string{"依次是“申请材料多”（46.3%）、“审批时限长”（37.4%）和“窗口排队”（20.0%）", "政策体验官反映的主要问题有：窗口排队；排队时间长。"}, []string{"（60.0%）"}},
		{"no problems", func(in *Inputs) { in.Result.Problems, in.Result.LowIndicators = nil, nil }, Problems, []string{"本轮次评估未发现突出问题。"}, nil},
		{"suggestions", nil, Suggestions, []string{"1.着力改进“细则明确性”。", "（相关系数0.53），但得分为62.3分", "3.进一步简化办事流程。50.9%的受访者提出此项改进需求。",
			"4.政策体验官还建议：高峰时段增开窗口。"}, []string{"第三方评估和"}},
		{"results strengths", nil, Results, []string{"评价较高的是“政策获得感”（80.4分）、“办理便捷度”（78.3分）和“目标实现程度”（76.6分）", "“政策宣传解读”处于优势保持区"}, nil},
		{"groups", nil, Groups, []string{"按“您的身份”分组，2个群体", "“企业负责人”最高（72.1分，300人），“个体工商户”最低（61.0分，20人），相差11.1分", "样本不足30人的群体，其得分仅供参考"}, []string{"1、"}},
		{"no groups", func(in *Inputs) { in.Breakdowns = nil }, Groups, nil, []string{"分组"}},
		{"revisions", nil, Revisions, []string{"共收到意见建议148条，归纳为87类，其中较为集中的意见6类；已答复意见的采纳率（含部分采纳）为85.8%",
			"已对政策第五条、第十条共2处条款作出修订，其中1处回应了公众意见建议，2处回应了评估发现的问题。具体修订情况如下。"}, nil},
		{"many revised clauses", func(in *Inputs) {
			in.Revisions = []Revision{{Clause: "第一条"}, {Clause: "第二条"}, {Clause: "第三条"}, {Clause: "第四条"}}
		}, Revisions, []string{"第一条、第二条、第三条等共4处条款"}, []string{"第四条", "回应了"}},
		{"no revisions", func(in *Inputs) { in.Revisions = nil }, Revisions, []string{"尚未对政策条款作出修订"}, nil},
		{"checks", nil, Checks, []string{"共3项，其中符合1项，不符合1项（乙），暂无法判断1项。"}, nil},
		{"quotes", nil, Quotes, []string{"共有191人次作答", "不同意见16条"}, nil},
	}
	for _, c := range cases {
		in := fixture()
		if c.edit != nil {
			c.edit(&in)
		}
		got := Draft(in)[c.section]
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %s lacks %q:\n%s", c.name, c.section, w, got)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %s says %q:\n%s", c.name, c.section, n, got)
			}
		}
	}
}

// No draft names a question by key, says a round is the default one, or writes a stored date.
func TestDraftNoInternalText(t *testing.T) {
	in := fixture()
	in.Round = data.DefaultRound
	for k, v := range Draft(in) {
		for _, bad := range []string{data.DefaultRound, "2026-", "Q1", "--", "null", "NaN", "%!"} {
			if strings.Contains(v, bad) {
				t.Errorf("%s holds %q: %s", k, bad, v)
			}
		}
	}
}

func TestSectionsKeys(t *testing.T) {
	seen := map[Section]bool{}
	for _, d := range Sections {
		if seen[d.Key] || d.Key == "" || d.Title == "" {
			t.Errorf("section %q repeated or unnamed", d.Key)
		}
		seen[d.Key] = true
		if got, ok := Lookup(d.Key); !ok || got != d {
			t.Errorf("Lookup(%q) = %v %v", d.Key, got, ok)
		}
	}
	for k := range Draft(fixture()) {
		if !seen[k] {
			t.Errorf("Draft writes unknown section %q", k)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("unknown key found")
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(0), "0"}, {Count(999), "999"}, {Count(1200), "1,200"}, {Count(1234567), "1,234,567"}, {Count(-1200), "-1,200"},
		{Score(66.25), "66.2"}, {Score(66.26), "66.3"}, {Percent(0.4625), "46.2%"}, {Percent(1), "100.0%"},
		{Date(day(2026, 1, 5)), "2026年1月5日"}, {DateText("2026-11-20"), "2026年11月20日"}, {DateText("明年"), "明年"},
		{Span(day(2026, 2, 12), day(2026, 3, 13)), "2026年2月12日至3月13日"}, {Span(day(2026, 2, 12), day(2026, 2, 12)), "2026年2月12日"},
		{SpanText("2026-02-12", "2027-01-02"), "2026年2月12日至2027年1月2日"},
		{Dates("评价报告已于 2026-11-20 公开（首次公开于 2026-04-15）"), "评价报告已于2026年11月20日公开（首次公开于2026年4月15日）"},
		{Dates("起草（2026-01-20）前"), "起草（2026年1月20日）前"}, {Dates("v 2026-01-20 x"), "v 2026年1月20日 x"}, {Dates("2026-1-2"), "2026-1-2"},
		{List([]string{"A"}), "A"}, {List([]string{"A", "B", "C"}), "A、B和C"}, {QuoteList([]string{"A", "B", "C"}), "“A”“B”和“C”"},
		{QuestionText("1、您的身份"), "您的身份"}, {QuestionText("12.您的年龄"), "您的年龄"}, {QuestionText("2026年度"), "2026年度"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
