package narrative

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/score"
)

// Measures is the title of the measures every evaluation follows.
const Measures = "《北京市深化政务公开扩大公众参与工作办法》"

// Inputs are the facts a draft is written from: the round's score result and what the closed loop holds.
type Inputs struct {
	Policy       data.Policy
	Consultation *data.Consultation // nil: not recorded
	Round        string             // the round's name; data.DefaultRound is not named in the text
	Result       *score.Result      // nil: the round could not be scored
	ScoreError   string             // why Result is nil
	Scheme       string             // the evaluation scheme's name ("" none)

	Agency       string    // 评估机构; "" = the department evaluated itself
	Commissioner string    // 委托单位; "" = none named
	Date         time.Time // the report date (zero: not said)
	// SurveyFrom and SurveyTo are the first and last submission dates of the valid responses (zero: unknown).
	SurveyFrom, SurveyTo time.Time

	Officers   int                // 体验官 on the policy's roster
	Opinions   Opinions           // the public's opinions on the draft
	Revisions  []Revision         // current revision records
	Checks     *check.Result      // the statutory checklist; nil: not run
	Breakdowns []*score.Breakdown // group breakdowns of the survey part (不同群体评价)
	Open       []OpenQuestion     // open questions whose answers are quoted

	// MethodsRef is how the text refers to the methods appendix ("附件1"); "" when the report carries none.
	MethodsRef string
	// QuotesRef is where the quoted open answers are ("附件2"); "" when they are not published.
	QuotesRef string
}

// Opinions counts the public's opinions and what was decided.
type Opinions struct {
	Total, Clusters, Concentrated int
	ByDecision                    map[string]int // opinions by decision ("" = undecided)
	AdoptionRate                  *float64       // (采纳 + 部分采纳) / decided
}

// Revision is one revision record as the drafts count it.
type Revision struct {
	Clause   string
	Opinions int // opinions it answers (directly or through its clusters)
	Findings int // evaluation findings it answers
}

// OpenQuestion counts the answers of one open question.
type OpenQuestion struct {
	Question                  string
	Answered, Empty, Distinct int
}

// MinGroup is the group size under which a group's score is said to be for reference only.
const MinGroup = 30

// Draft writes the opening text of every section it has something to say for. A text may hold several
// paragraphs, one per line.
func Draft(in Inputs) map[Section]string {
	d := drafter{in: in, res: in.Result}
	out := map[Section]string{}
	for k, f := range map[Section]func() []string{
		Summary: d.summary, Background: d.background, Basis: d.basis, Period: d.period,
		Organisation: d.organisation, Method: d.method, Sample: d.sample, Execution: d.execution,
		Process:   func() []string { return d.dimension(score.DimensionKeys[0]) },
		Standards: func() []string { return d.dimension(score.DimensionKeys[1]) },
		Groups:    d.groups,
		Results:   d.results, Problems: d.problems, Suggestions: d.suggestions, Revisions: d.revisions,
		Quotes: d.quotes, Checks: d.checks,
	} {
		var ps []string
		for _, p := range f() {
			if p = strings.TrimSpace(p); p != "" {
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			out[k] = strings.Join(ps, "\n")
		}
	}
	return out
}

type drafter struct {
	in  Inputs
	res *score.Result
}

// policy names the policy as prose does: 《title》（文号）.
func (d drafter) policy() string {
	s := "《" + strings.TrimSpace(d.in.Policy.Title) + "》"
	if n := strings.TrimSpace(d.in.Policy.DocNo); n != "" {
		s += "（" + n + "）"
	}
	return s
}

// evaluator is who carried out the evaluation: "受A委托，B" / "B" / the department.
func (d drafter) evaluator() string {
	ag, co := strings.TrimSpace(d.in.Agency), strings.TrimSpace(d.in.Commissioner)
	switch {
	case ag != "" && co != "":
		return "受" + co + "委托，" + ag
	case ag != "":
		return ag
	case co != "":
		return co
	}
	if dept := strings.TrimSpace(d.in.Policy.Dept); dept != "" {
		return dept
	}
	return "评估组"
}

// sources names the kinds of data the round has: 问卷调查、第三方评估和政策体验官评价.
func (d drafter) sources() []string {
	if d.res == nil {
		return nil
	}
	var s []string
	if d.res.Sources.Responses > 0 {
		s = append(s, "问卷调查")
	}
	if d.res.Sources.AssessmentRows > 0 {
		s = append(s, "第三方评估")
	}
	if d.res.Sources.OfficerRows > 0 {
		s = append(s, "政策体验官评价")
	}
	return s
}

func (d drafter) dim(key string) *score.Dimension {
	if d.res == nil {
		return nil
	}
	for i := range d.res.Dimensions {
		if d.res.Dimensions[i].Key == key {
			return &d.res.Dimensions[i]
		}
	}
	return nil
}

func dimName(dm *score.Dimension, key string) string {
	if dm != nil && strings.TrimSpace(dm.Name) != "" {
		return dm.Name
	}
	if n, ok := score.DimensionNames[key]; ok {
		return n
	}
	return key
}

func (d drafter) notScored() string {
	if e := strings.TrimSpace(d.in.ScoreError); e != "" {
		return "本轮次尚未能计算评价得分：" + sentence(e)
	}
	return "本轮次尚无评价数据，尚未能计算评价得分。"
}

func (d drafter) summary() []string {
	var ps []string
	what := "政策执行效果评估"
	if r := roundName(d.in.Round); r != "" {
		what = r + what
	}
	s := d.evaluator() + "对" + d.policy() + "开展" + what + "。"
	if src := d.sources(); len(src) > 0 {
		s += "评估综合运用" + List(src) + "等方式"
		if d.res.Respondents.Valid > 0 {
			s += "，共回收有效问卷" + Count(d.res.Respondents.Valid) + "份"
		}
		s += "。"
	}
	ps = append(ps, s)
	if d.res == nil {
		return []string{strings.Join(append(ps, d.notScored()), "")}
	}
	var r strings.Builder
	c := d.res.Composite
	switch {
	case c.Score != nil:
		r.WriteString("评估结果显示，政策执行效果综合得分" + Score(*c.Score) + "分")
		if c.Grade != nil {
			r.WriteString("，处于" + Quote(*c.Grade) + "等级")
		}
	case c.HeldBack != "":
		r.WriteString("综合得分暂缓给出（" + trimEnd(c.HeldBack) + "）")
	default:
		r.WriteString("本轮次尚无综合得分")
	}
	var names, scores []string
	for _, k := range score.DimensionKeys {
		dm := d.dim(k)
		if dm == nil || dm.Score == nil {
			continue
		}
		names = append(names, dimName(dm, k))
		scores = append(scores, Score(*dm.Score)+"分")
	}
	switch len(names) {
	case 0:
	case 1:
		r.WriteString("；" + names[0] + "维度得分" + scores[0])
	default:
		r.WriteString("；" + strings.Join(names, "、") + ps3(len(names)) + "维度分别得分" + List(scores))
	}
	r.WriteString("。")
	ps = append(ps, r.String())
	if top := d.surveyProblems(3); len(top) > 0 {
		ps = append(ps, "问卷调查中，受访者反映较多的问题是"+List(top)+"。")
	}
	if fix := d.quadrant(score.QuadrantFix); len(fix) > 0 {
		ps = append(ps, "重要性—表现分析显示，"+QuoteList(fix)+"对总体评价影响较大而得分偏低，宜作为重点改进事项。")
	}
	if rv := d.revisionSentence(); rv != "" {
		ps = append(ps, rv)
	}
	return []string{strings.Join(ps, "")}
}

// ps3 is the count word before 维度: "两个"/"三个".
func ps3(n int) string {
	switch n {
	case 2:
		return "两个"
	case 3:
		return "三个"
	}
	return fmt.Sprintf("%d个", n)
}

func (d drafter) background() []string {
	p := d.in.Policy
	s := d.policy()
	if dept := strings.TrimSpace(p.Dept); dept != "" {
		s += "由" + dept + "承办"
		if p.Issued != "" {
			s += "，"
		}
	}
	if p.Issued != "" {
		s += "于" + DateText(p.Issued) + "印发实施"
	}
	s = strings.TrimSuffix(s, "，")
	s += "。"
	if c := d.in.Consultation; c != nil && (c.Start != "" || c.End != "") {
		s += "政策起草过程中，于" + SpanText(c.Start, c.End)
		if ch := strings.TrimSpace(c.Channel); ch != "" {
			s += "通过" + trimEnd(ch)
		}
		s += "公开征求意见"
		if n := d.in.Opinions.Total; n > 0 {
			s += "，共收到意见建议" + Count(n) + "条"
		}
		s += "。"
	}
	s += "为全面了解政策执行情况和实施效果，回应社会关切，依据" + Measures + "有关要求，开展本次政策执行效果评估。"
	return []string{s}
}

func (d drafter) basis() []string {
	items := []string{Measures, d.policy()}
	if n := strings.TrimSpace(d.in.Scheme); n != "" {
		items = append(items, "《"+strings.Trim(n, "《》")+"》")
	}
	out := []string{"本次评估的主要依据是："}
	for i, it := range items {
		end := "；"
		if i == len(items)-1 {
			end = "。"
		}
		out = append(out, fmt.Sprintf("%d.%s%s", i+1, it, end))
	}
	return out
}

func (d drafter) period() []string {
	var s string
	switch r := roundName(d.in.Round); {
	case !d.in.SurveyFrom.IsZero():
		s = "本次评估的问卷调查于" + Span(d.in.SurveyFrom, d.in.SurveyTo) + "开展（以有效问卷的提交时间计）。"
	case r != "":
		s = "本次评估为" + r + "评估。"
	}
	if !d.in.Date.IsZero() {
		s += "评估报告于" + Date(d.in.Date) + "形成。"
	}
	return []string{s}
}

func (d drafter) organisation() []string {
	ag, co := strings.TrimSpace(d.in.Agency), strings.TrimSpace(d.in.Commissioner)
	var s string
	switch {
	case ag != "" && co != "":
		s = "本次评估由" + co + "委托" + ag + "组织实施。"
	case ag != "":
		s = "本次评估由" + ag + "组织实施。"
	default:
		s = "本次评估由" + d.evaluator() + "组织实施。"
	}
	if d.res != nil {
		var ways []string
		if d.res.Sources.Responses > 0 {
			ways = append(ways, "面向政策服务对象开展社情民意问卷调查")
		}
		switch n := d.res.Sources.AssessmentUnits; {
		case n > 1:
			ways = append(ways, fmt.Sprintf("由独立评估机构按评价指标对%d个被评单位逐项打分", n))
		case d.res.Sources.AssessmentRows > 0:
			ways = append(ways, "由独立评估机构按评价指标逐项打分")
		}
		if d.res.Sources.OfficerRows > 0 {
			ways = append(ways, "由政策体验官对政策执行情况进行体验、打分并反馈意见")
		}
		if len(ways) > 0 {
			s += "评估期间，" + strings.Join(ways, "，") + "。"
		}
	}
	if n := d.in.Officers; n > 0 {
		s += "本政策聘请政策体验官" + Count(n) + "名。"
	}
	return []string{s}
}

func (d drafter) method() []string {
	if d.res == nil {
		return []string{"评估从执行过程、细则标准、取得成效三个维度开展。" + d.notScored()}
	}
	n := 0
	var names []string
	for _, k := range score.DimensionKeys {
		dm := d.dim(k)
		names = append(names, dimName(dm, k))
		if dm != nil {
			n += len(dm.Indicators)
		}
	}
	s := "评估从" + strings.Join(names, "、") + "三个维度"
	if n > 0 {
		s += "设置" + Count(n) + "项评价指标"
	} else {
		s += "开展"
	}
	s += "。问卷答案按量表换算为0至100分"
	if src := d.sourceWeights(); src != "" {
		s += "，各维度得分由" + src + "加权合成"
	}
	s += "，综合得分由各维度得分" + d.dimWeights() + "合成。"
	s += gradeRule()
	if ref := d.in.MethodsRef; ref != "" {
		s += "具体指标、权重和计算方法见" + ref + "。"
	}
	return []string{s}
}

// sourceWeights: "问卷调查（权重60%）、第三方评估（权重30%）和政策体验官评价（权重10%）" over the sources with data.
func (d drafter) sourceWeights() string {
	w := d.res.Method.Sources
	var parts []string
	total := 0.0
	type src struct {
		name string
		w    float64
		has  bool
	}
	all := []src{{"问卷调查", w.Survey, d.res.Sources.Responses > 0}, {"第三方评估", w.Assessment, d.res.Sources.AssessmentRows > 0},
		{"政策体验官评价", w.Officers, d.res.Sources.OfficerRows > 0}}
	for _, s := range all {
		if s.has && s.w > 0 {
			total += s.w
		}
	}
	if total <= 0 {
		return ""
	}
	for _, s := range all {
		if s.has && s.w > 0 {
			parts = append(parts, s.name+"（权重"+trimZero(s.w/total*100)+"%）")
		}
	}
	if len(parts) < 2 {
		return ""
	}
	return List(parts)
}

func (d drafter) dimWeights() string {
	var ws []float64
	for _, dm := range d.res.Dimensions {
		ws = append(ws, dm.Weight)
	}
	equal := len(ws) > 0
	for _, w := range ws {
		if math.Abs(w-ws[0]) > 1e-9 {
			equal = false
		}
	}
	if equal {
		return "等权"
	}
	var parts []string
	for i, dm := range d.res.Dimensions {
		parts = append(parts, dimName(&d.res.Dimensions[i], dm.Key)+trimZero(dm.Weight*100)+"%")
	}
	return "按权重（" + strings.Join(parts, "、") + "）"
}

// trimZero writes a percentage with at most one decimal and no trailing ".0".
func trimZero(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// gradeRule states the grade bands as prose: 90分及以上为“优”，80分至90分为“良”…
func gradeRule() string {
	bs := score.GradeBands
	var parts []string
	for i, b := range bs {
		switch {
		case i == 0:
			parts = append(parts, trimZero(b.Min)+"分及以上为"+Quote(b.Name))
		case i == len(bs)-1:
			parts = append(parts, trimZero(bs[i-1].Min)+"分以下为"+Quote(b.Name))
		default:
			parts = append(parts, trimZero(b.Min)+"分（含）至"+trimZero(bs[i-1].Min)+"分为"+Quote(b.Name))
		}
	}
	return "得分" + strings.Join(parts, "，") + "。"
}

func (d drafter) sample() []string {
	if d.res == nil {
		return []string{d.notScored()}
	}
	rs := d.res.Respondents
	if rs.Imported == 0 {
		return []string{"本轮次未开展问卷调查，评估以" + List(d.sources()) + "为依据。"}
	}
	s := "本次问卷调查共回收问卷" + Count(rs.Imported) + "份。"
	ex := rs.Excluded
	var why []string
	for _, e := range []struct {
		n    int
		what string
	}{{ex.Incomplete, "未完成作答的问卷"}, {ex.Speeders, "答题过快的问卷"}, {ex.Straightliners, "各题选择同一选项的问卷"},
		{ex.Duplicates, "重复提交的问卷"}, {ex.Manual, "经复核认定无效的问卷"}} {
		if e.n > 0 {
			why = append(why, e.what+Count(e.n)+"份")
		}
	}
	if len(why) > 0 {
		s += "经质量筛查，剔除" + strings.Join(why, "、") + "，共剔除" + Count(rs.Imported-rs.Valid) + "份"
		if rs.Restored > 0 {
			s += "（另有" + Count(rs.Restored) + "份经复核予以保留）"
		}
		s += "，"
	} else {
		s += "经质量筛查，未发现无效问卷，"
	}
	s += "有效问卷" + Count(rs.Valid) + "份，有效率" + Percent(float64(rs.Valid)/float64(rs.Imported)) + "。"
	var alphas []string
	var an []string
	for _, k := range score.DimensionKeys {
		dm := d.dim(k)
		if dm == nil || dm.Alpha == nil {
			continue
		}
		an = append(an, dimName(dm, k))
		alphas = append(alphas, fmt.Sprintf("%.2f", *dm.Alpha))
	}
	if len(alphas) > 0 {
		if len(alphas) == 1 {
			s += an[0] + "维度问卷题目的内部一致性信度（α系数）为" + alphas[0]
		} else {
			s += strings.Join(an, "、") + "维度问卷题目的内部一致性信度（α系数）分别为" + List(alphas)
		}
		low := false
		for _, k := range score.DimensionKeys {
			if dm := d.dim(k); dm != nil && dm.Alpha != nil && *dm.Alpha < 0.7 {
				low = true
			}
		}
		if low {
			s += "，个别维度信度偏低，相关结果宜结合其他来源综合判断。"
		} else {
			s += "，问卷信度可以接受。"
		}
	}
	return []string{s}
}

func (d drafter) execution() []string {
	if d.res == nil {
		return []string{d.notScored()}
	}
	c := d.res.Composite
	var s string
	switch {
	case c.Score != nil:
		s = "评估结果显示，政策执行效果综合得分" + Score(*c.Score) + "分"
		if c.Grade != nil {
			s += "，处于" + Quote(*c.Grade) + "等级"
		}
		s += "。"
	case c.HeldBack != "":
		s = "综合得分暂缓给出：" + sentence(c.HeldBack)
	default:
		s = "本轮次尚无综合得分。"
	}
	type ds struct {
		name string
		v    float64
	}
	var scored []ds
	for _, k := range score.DimensionKeys {
		if dm := d.dim(k); dm != nil && dm.Score != nil {
			scored = append(scored, ds{dimName(dm, k), *dm.Score})
		}
	}
	if len(scored) >= 2 {
		hi, lo := scored[0], scored[0]
		for _, x := range scored[1:] {
			if x.v > hi.v {
				hi = x
			}
			if x.v < lo.v {
				lo = x
			}
		}
		if Score(hi.v) != Score(lo.v) {
			s += "从" + ps3(len(scored)) + "维度看，" + hi.name + "得分最高，为" + Score(hi.v) + "分；" + lo.name + "得分最低，为" + Score(lo.v) + "分。"
		}
	}
	if src := d.sources(); len(src) > 1 {
		s += "各维度得分由" + List(src) + "的结果按来源权重合成。"
	}
	return []string{s}
}

// dimension drafts the text of one dimension's section.
func (d drafter) dimension(key string) []string {
	dm := d.dim(key)
	name := dimName(dm, key)
	if d.res == nil {
		return []string{d.notScored()}
	}
	if dm == nil {
		return []string{name + "维度本轮次尚无评价数据。"}
	}
	var s string
	switch {
	case dm.HeldBack != "":
		s = name + "维度暂缓计分：" + sentence(dm.HeldBack)
	case dm.Score == nil:
		return []string{name + "维度本轮次尚无评价数据。"}
	default:
		s = name + "维度得分" + Score(*dm.Score) + "分，处于" + Quote(score.Grade(*dm.Score)) + "等级。"
	}
	var parts []string
	for _, p := range []struct {
		name string
		v    *float64
	}{{"问卷调查", dm.Survey}, {"第三方评估", dm.Assessment}, {"政策体验官评价", dm.Officers}} {
		if p.v != nil {
			parts = append(parts, p.name+"得分"+Score(*p.v)+"分")
		}
	}
	if len(parts) > 1 {
		s += "分来源看，" + strings.Join(parts, "，") + "。"
	}
	if dm.SatisfactionRate != nil && dm.N > 0 {
		s += "问卷调查中，该维度满意率为" + Percent(*dm.SatisfactionRate) + "（受访者在该维度各题的平均分值不低于75分、即平均评价达到“满意”及以上的比例）"
		if dm.CI95 != nil {
			s += "，问卷得分的95%置信区间为" + Score(dm.CI95[0]) + "至" + Score(dm.CI95[1]) + "分"
		}
		s += "。"
	}
	var inds []score.Indicator
	for _, ind := range dm.Indicators {
		if ind.Score != nil {
			inds = append(inds, ind)
		}
	}
	if len(inds) >= 2 {
		hi, lo := inds[0], inds[0]
		for _, ind := range inds[1:] {
			if *ind.Score > *hi.Score {
				hi = ind
			}
			if *ind.Score < *lo.Score {
				lo = ind
			}
		}
		s += "各项指标中，" + Quote(hi.Name) + "得分最高（" + Score(*hi.Score) + "分），" + Quote(lo.Name) + "得分最低（" + Score(*lo.Score) + "分）"
		var low []string
		for _, ind := range inds {
			if *ind.Score < 60 {
				low = append(low, ind.Name)
			}
		}
		if len(low) > 0 {
			s += "；" + QuoteList(low) + "得分低于60分"
		}
		s += "。"
	} else if len(inds) == 1 {
		s += "该维度的问卷指标为" + Quote(inds[0].Name) + "，得分" + Score(*inds[0].Score) + "分。"
	}
	for _, ind := range dm.Indicators {
		if ind.HeldBack != "" {
			s += "指标" + Quote(ind.Name) + "暂缓计分：" + sentence(ind.HeldBack)
		}
	}
	return []string{s}
}

func (d drafter) groups() []string {
	var out []string
	for _, b := range d.in.Breakdowns {
		if b == nil {
			continue
		}
		type g struct {
			name string
			v    float64
			n    int
		}
		var gs []g
		small := 0
		for _, gr := range b.Groups {
			if gr.Composite == nil {
				continue
			}
			gs = append(gs, g{gr.Value, *gr.Composite, gr.N})
			if gr.N < MinGroup {
				small++
			}
		}
		q := QuestionText(b.Text)
		if len(gs) < 2 {
			continue
		}
		hi, lo := gs[0], gs[0]
		for _, x := range gs[1:] {
			if x.v > hi.v {
				hi = x
			}
			if x.v < lo.v {
				lo = x
			}
		}
		s := "按" + Quote(q) + "分组，" + Count(len(gs)) + "个群体的问卷综合得分中，" + Quote(hi.name) + "最高（" + Score(hi.v) + "分，" + Count(hi.n) + "人），" +
			Quote(lo.name) + "最低（" + Score(lo.v) + "分，" + Count(lo.n) + "人），相差" + Score(shown(hi.v)-shown(lo.v)) + "分。"
		if small > 0 {
			s += "样本不足" + Count(MinGroup) + "人的群体，其得分仅供参考。"
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return append([]string{"为了解不同群体对政策执行效果的评价差异，按受访者特征对问卷结果分组统计（分组得分仅含问卷调查部分）。"}, out...)
}

// QuestionText drops the number an export puts before a question ("1、您的身份" → "您的身份").
func QuestionText(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return s
	}
	rest := s[i:]
	for _, sep := range []string{"、", ".", "．", " ", "　"} {
		if strings.HasPrefix(rest, sep) {
			return strings.TrimSpace(strings.TrimPrefix(rest, sep))
		}
	}
	return s
}

func (d drafter) results() []string {
	out := d.dimension(score.DimensionKeys[2])
	if d.res == nil {
		return out
	}
	type ind struct {
		name string
		v    float64
	}
	var all []ind
	for _, dm := range d.res.Dimensions {
		for _, it := range dm.Indicators {
			if it.Score != nil {
				all = append(all, ind{it.Name, *it.Score})
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].v > all[j].v })
	if len(all) >= 3 {
		var top []string
		for _, it := range all[:3] {
			top = append(top, Quote(it.name)+"（"+Score(it.v)+"分）")
		}
		out = append(out, "从全部评价指标看，受访者评价较高的是"+List(top)+"。")
	}
	if keep := d.quadrant(score.QuadrantKeep); len(keep) > 0 {
		out = append(out, "重要性—表现分析中，"+QuoteList(keep)+"处于优势保持区，即对总体评价影响较大且得分较高，是政策取得成效的主要方面，宜继续保持。")
	}
	return out
}

// quadrant lists the indicators of an IPA quadrant by importance.
func (d drafter) quadrant(q string) []string {
	if d.res == nil {
		return nil
	}
	var ps []score.IPAPoint
	for _, p := range d.res.IPA {
		if p.Quadrant == q {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Importance > ps[j].Importance })
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Indicator
	}
	return out
}

// surveyProblems are the n most mentioned survey problem options: “申请材料多”（46.3%）; 其他 is left out.
// The list ranks problems by evidence (score.ProblemRule); here they go by the survey's own share.
func (d drafter) surveyProblems(n int) []string {
	type opt struct {
		item string
		inc  float64
	}
	var opts []opt
	for _, p := range d.res.Problems {
		if inc := p.SourceIncidence(score.SourceSurvey); inc != nil && !isOther(p.Item) {
			opts = append(opts, opt{p.Item, *inc})
		}
	}
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].inc > opts[j].inc })
	var out []string
	for _, o := range opts[:min(n, len(opts))] {
		out = append(out, Quote(o.item)+"（"+Percent(o.inc)+"）")
	}
	return out
}

func isOther(s string) bool {
	s = strings.TrimSpace(s)
	return s == "其他" || s == "其它" || strings.HasPrefix(s, "其他（") || strings.HasPrefix(s, "其他(")
}

// maxTexts bounds how many assessment or officer texts a draft quotes (the table lists all).
const maxTexts = 5

func (d drafter) problems() []string {
	if d.res == nil {
		return []string{d.notScored()}
	}
	var out []string
	if top := d.surveyProblems(5); len(top) > 0 {
		out = append(out, "问卷调查中，受访者反映最多的问题依次是"+List(top)+"。括号内为提及率，即选择该项的受访者占该题作答人数的比例。")
	}
	var low []string
	for _, p := range d.res.LowIndicators {
		if p.Score != nil {
			low = append(low, Quote(p.Item)+"（"+Score(*p.Score)+"分）")
		}
	}
	if len(low) > 0 {
		out = append(out, "从指标得分看，"+List(low)+"得分低于60分，是政策执行中的薄弱环节。")
	}
	for _, src := range []struct{ key, lead string }{
		{score.SourceAssessment, "第三方评估发现的主要问题有："},
		{score.SourceOfficers, "政策体验官反映的主要问题有："},
	} {
		var ts []string
		for _, p := range d.res.Problems {
			if p.HasSource(src.key) && len(ts) < maxTexts {
				ts = append(ts, trimEnd(p.Item))
			}
		}
		if len(ts) > 0 {
			out = append(out, src.lead+strings.Join(ts, "；")+"。")
		}
	}
	if len(out) == 0 {
		out = append(out, "本轮次评估未发现突出问题。")
	}
	return out
}

func (d drafter) suggestions() []string {
	if d.res == nil {
		return nil
	}
	var items []string
	var fix []score.IPAPoint
	for _, p := range d.res.IPA {
		if p.Quadrant == score.QuadrantFix {
			fix = append(fix, p)
		}
	}
	sort.SliceStable(fix, func(i, j int) bool { return fix[i].Importance > fix[j].Importance })
	for _, p := range fix {
		items = append(items, "着力改进"+Quote(p.Indicator)+"。该指标与总体评价的相关程度较高（相关系数"+fmt.Sprintf("%.2f", p.Importance)+
			"），但得分为"+Score(p.Performance)+"分，低于各指标平均水平。")
	}
	n := 0
	for _, dir := range d.res.Directions {
		if n == score.MaxPriorityDirections {
			break
		}
		if dir.Source != score.SourceSurvey || dir.Share == nil || isOther(dir.Item) {
			continue
		}
		items = append(items, sentence(trimEnd(dir.Item))+Percent(*dir.Share)+"的受访者提出此项改进需求。")
		n++
	}
	var texts, who []string
	for _, src := range []struct{ key, name string }{{score.SourceAssessment, "第三方评估"}, {score.SourceOfficers, "政策体验官"}} {
		n := len(texts)
		for _, dir := range d.res.Directions {
			if dir.Source == src.key && len(texts) < maxTexts {
				texts = append(texts, trimEnd(dir.Item))
			}
		}
		if len(texts) > n {
			who = append(who, src.name)
		}
	}
	if len(texts) > 0 {
		items = append(items, List(who)+"还建议："+strings.Join(texts, "；")+"。")
	}
	if len(items) == 0 {
		return []string{"本轮次评估未形成具体改进建议。"}
	}
	out := []string{"根据评估发现的问题和受访者的改进需求，提出以下建议："}
	for i, it := range items {
		out = append(out, fmt.Sprintf("%d.%s", i+1, it))
	}
	return out
}

// revisionSentence says what was revised: "针对……已对政策第五条、第十条等3处条款作出修订。"
func (d drafter) revisionSentence() string {
	rs := d.in.Revisions
	if len(rs) == 0 {
		return ""
	}
	var clauses []string
	seen := map[string]bool{}
	for _, r := range rs {
		c := strings.TrimSpace(r.Clause)
		if c != "" && !seen[c] {
			seen[c] = true
			clauses = append(clauses, c)
		}
	}
	s := "针对评估发现的问题和公众意见建议，已对政策"
	switch {
	case len(clauses) == 0:
	case len(clauses) <= 3:
		s += strings.Join(clauses, "、")
	default:
		s += strings.Join(clauses[:3], "、") + "等"
	}
	return s + "共" + Count(len(rs)) + "处条款作出修订。"
}

func (d drafter) revisions() []string {
	var out []string
	o := d.in.Opinions
	if o.Total > 0 {
		s := "政策公开征求意见期间共收到意见建议" + Count(o.Total) + "条，归纳为" + Count(o.Clusters) + "类"
		if o.Concentrated > 0 {
			s += "，其中较为集中的意见" + Count(o.Concentrated) + "类"
		}
		if o.AdoptionRate != nil {
			s += "；已答复意见的采纳率（含部分采纳）为" + Percent(*o.AdoptionRate)
		}
		out = append(out, s+"。")
	}
	rs := d.in.Revisions
	if len(rs) == 0 {
		return append(out, "截至本报告形成时，尚未对政策条款作出修订。")
	}
	s := d.revisionSentence()
	answersOpinions, answersFindings := 0, 0
	for _, r := range rs {
		if r.Opinions > 0 {
			answersOpinions++
		}
		if r.Findings > 0 {
			answersFindings++
		}
	}
	var why []string
	if answersOpinions > 0 {
		why = append(why, Count(answersOpinions)+"处回应了公众意见建议")
	}
	if answersFindings > 0 {
		why = append(why, Count(answersFindings)+"处回应了评估发现的问题")
	}
	if len(why) > 0 {
		s = strings.TrimSuffix(s, "。") + "，其中" + strings.Join(why, "，") + "。"
	}
	out = append(out, s+"具体修订情况如下。")
	return out
}

func (d drafter) quotes() []string {
	if len(d.in.Open) == 0 {
		return nil
	}
	answered, distinct := 0, 0
	for _, q := range d.in.Open {
		answered += q.Answered
		distinct += q.Distinct
	}
	if answered == 0 {
		return nil
	}
	return []string{"问卷开放题共有" + Count(answered) + "人次作答，归并内容相同的回答后有不同意见" + Count(distinct) +
		"条，摘编如下。内容相同的意见合并计数，“无”“没有”等无实质内容的回答未列出，个人信息已隐去。"}
}

func (d drafter) checks() []string {
	c := d.in.Checks
	if c == nil || len(c.Checks) == 0 {
		return nil
	}
	ok, bad, unknown := 0, 0, 0
	var badNames []string
	for _, it := range c.Checks {
		switch {
		case it.OK == nil:
			unknown++
		case *it.OK:
			ok++
		default:
			bad++
			badNames = append(badNames, it.Name)
		}
	}
	s := "对照" + Measures + "有关要求，对本政策的公众参与工作开展自查，共" + Count(len(c.Checks)) + "项，其中符合" + Count(ok) + "项"
	if bad > 0 {
		s += "，不符合" + Count(bad) + "项（" + strings.Join(badNames, "；") + "）"
	}
	if unknown > 0 {
		s += "，暂无法判断" + Count(unknown) + "项"
	}
	return []string{s + "。"}
}
