package reports

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/score"
)

// Input is everything a report is made from, as read from the store. Assemble turns it into a Report;
// tests build an Input by hand to push hostile text through every field.
type Input struct {
	Policy       data.Policy
	Consultation *data.Consultation // nil when not recorded
	Round        string
	Result       *score.Result    // nil when the round cannot be scored
	ScoreError   string           // why Result is nil (shown in the report)
	Checks       *check.Result    // nil when not run
	Survey       *data.SurveyData // nil when the round has no survey data
	Adoptions    []Adoption       // cluster decisions; nil = the loop has none yet
	Opinions     OpinionCounts    // how many opinions the loop holds
	Revisions    []Revision       // current revision records; nil = none yet
	Names        []string         // more names to mask: opinion submitters, 体验官 (the survey's are taken from Survey)
	Generated    time.Time
	RawData      bool // include the 原始数据 sheet

	// Date is the report date (成文日期) the team set; zero: Generated.
	Date time.Time
	// Agency (评估机构) and Commissioner (委托单位) name who evaluated and for whom; "" = not named (the
	// department evaluated its own policy).
	Agency, Commissioner string
	// Texts are the team's edited section texts; a section not here (or blank) gets its draft.
	Texts map[narrative.Section]string
	// Sections[k] == false leaves the optional section k out; a section not in the map is published.
	Sections map[narrative.Section]bool
	// Breakdowns are the survey part per group of the questions asked for (不同群体评价).
	Breakdowns []*score.Breakdown
	Officers   int    // 体验官 on the policy's roster
	Scheme     string // the evaluation scheme's name
	// Excluded are the open answers not to be quoted.
	Excluded map[data.AnswerRef]bool
}

// Adoption is one cluster of opinions and what was decided about it (意见采纳情况).
type Adoption struct {
	Representative string
	Size           int
	Concentrated   bool
	Clauses        string
	Decision       string // "" while undecided
	Reason         string
}

// OpinionCounts sums up the public's opinions on the policy.
type OpinionCounts struct {
	Opinions, Clusters, Concentrated int
	AdoptionRate                     *float64 // (采纳 + 部分采纳) / decided opinions
}

// DiffOp is one run of a character diff: Op "=" kept, "-" deleted, "+" inserted.
type DiffOp struct {
	Op   string
	Text string
}

// Revision is one revision record (修订情况) with what it answers: the public's opinions (directly and
// through their clusters) and the evaluation's findings — "we asked, you said, we did".
type Revision struct {
	Clause, Before, After, Reason string
	Answers                       string // the findings and opinions it answers, in one line (the workbook)
	Date                          string
	Diff                          []DiffOp
	Findings                      []string          // evaluation findings it answers
	Clusters                      []AnsweredCluster // opinion clusters it answers
	Opinions                      []string          // opinions it answers one by one (not through a cluster above)
	OpinionCount                  int               // opinions it answers in all (its clusters' members included)
}

// AnsweredCluster is a cluster of opinions a revision answers.
type AnsweredCluster struct {
	Representative string
	Size           int
	Concentrated   bool
	Decision       string // "" undecided
}

// Report is the publishable content, every text already masked; the writers render it as it is.
type Report struct {
	// Generated is the report date as published (2026年11月20日); Issued the policy's issue date alike.
	Title, DocNo, Dept, Category, Issued, Round, Generated string
	Consultation                                           string // "2026年2月12日至3月13日（首都之窗…）"
	Date                                                   time.Time
	Agency, Commissioner                                   string
	// Texts are the section texts as published: the team's edit, else the draft (both masked).
	Texts map[narrative.Section]string
	// Off are the optional sections left out.
	Off        map[narrative.Section]bool
	Groups     []GroupTable
	SurveyFrom time.Time // first and last submission of the valid responses (zero: unknown)
	SurveyTo   time.Time

	Scored     bool
	ScoreError string
	Sample     score.Respondents
	Sources    score.SourceCounts
	Methods    []string // how the evaluation was done, one sentence each

	Composite *float64
	// CompositeHeldBack says why there is no composite score although there is data (score.Composite's
	// held_back): shown instead of a number.
	CompositeHeldBack string
	Grade             string
	Dimensions        []Dimension

	Problems   []Problem
	Directions []Direction
	IPA        []IPAPoint
	IPAMeans   *score.IPAMeans
	Priorities []Priority
	// Rules are the definitions to print beside the figures (满意率, the two intervals, IPA, problems).
	Rules score.Rules

	OpenText []OpenGroup

	Adoptions      []Adoption
	AdoptionCounts []KV // decision → clusters
	Opinions       OpinionCounts
	Revisions      []Revision

	Checks []CheckRow

	Appendix Appendix
	Warnings []string

	Masked privacy.Counts
	Raw    *RawData // nil unless asked for
}

// Dimension is one scored dimension with its indicators.
type Dimension struct {
	Key, Name                           string
	Weight                              float64
	Score, Survey, Assessment, Officers *float64
	N                                   int
	SatisfactionRate, Alpha             *float64
	AlphaBand                           string
	CI95                                *[2]float64
	// ScoreCI95 is Score's own interval (the survey's sampling error through the source weights:
	// score.ScoreCIRule); CI95 is the survey part's (score.LabelSurveyCI).
	ScoreCI95  *[2]float64
	Indicators []Indicator
	HeldBack   string // why the dimension is not scored; shown instead of a number
}

// Indicator is one indicator row.
type Indicator struct {
	Name, Questions  string
	Weight           float64
	Score            *float64
	N                int
	SatisfactionRate *float64
	CI95             *[2]float64
	HeldBack         string // why the indicator is not scored; shown instead of a number
}

// Problem is one ranked problem: one problem with all the sources naming it (score.ProblemRule).
type Problem struct {
	Rank      int
	Item      string
	Source    string // Chinese: every source naming it, "第三方评估、政策体验官"
	Incidence *float64
	Count     int
	Score     *float64
	Basis     string // what each source found, one line (score.Problem.Basis)
}

// Direction is one ranked improvement direction.
type Direction struct {
	Rank   int
	Item   string
	Source string
	Share  *float64
	Count  int
}

// IPAPoint is one indicator in the importance–performance plane. Quadrant is the verdict (a quadrant only
// when both gaps to the means are significant: score.IPARule), Position where the plot shows it.
type IPAPoint struct {
	Indicator, Dimension, Quadrant, Position string
	Importance, Performance                  float64
	ImportanceCI95, PerformanceCI95          *[2]float64
	N                                        int
}

// Priority is one entry of the improvement priority list, as score.Priorities ranks it.
type Priority struct {
	Rank       int
	Item, Why  string
	Importance string // "高"/"低"/"" when not from IPA
}

// OpenGroup is the open-text answers of one question, identical answers merged.
type OpenGroup struct {
	Question string
	Answered int // respondents who wrote something
	Empty    int // answers with no content ("无", "没有" …)
	Withheld int // answers the team chose not to quote (Input.Excluded)
	Answers  []OpenAnswer
}

// OpenAnswer is one distinct answer and how many respondents gave it.
type OpenAnswer struct {
	Text  string
	Count int
}

// CheckRow is one statutory check.
type CheckRow struct {
	Name, Status, Value, Required, Detail string
	OK                                    *bool
}

// GroupTable is the survey part per group of one question (不同群体评价).
type GroupTable struct {
	Question string // without its number
	Groups   []GroupRow
}

// GroupRow is one group: its respondents and survey scores by dimension (in Report.Dimensions order).
type GroupRow struct {
	Value     string
	N         int
	Scores    []*float64
	Composite *float64
}

// KV is a label and a value.
type KV struct{ Key, Value string }

// Appendix holds the method: scale, weights, formulas, screening rules and counts.
type Appendix struct {
	Scale     []KV // value → its labels
	Missing   string
	Weights   []KV // "执行过程" → "1/3；指标：…"
	Sources   []KV
	Formulas  []string
	Screening []KV
	Grades    string
	AlphaRule string
}

// RawData is the valid responses with personal columns dropped (原始数据 sheet).
type RawData struct {
	Headers []string
	Rows    [][]string
	Dropped []string // headers of the columns left out as personal data
}

// SourceNames gives each problem/direction source's Chinese name.
var SourceNames = map[string]string{
	score.SourceSurvey:     "问卷调查",
	score.SourceAssessment: "第三方评估",
	score.SourceOfficers:   "政策体验官",
	score.SourceIndicator:  "指标得分低于60分",
}

// maxOpenPerQuestionHTML bounds how many distinct answers per question the HTML shows; the workbook has all.
const maxOpenPerQuestionHTML = 200

// assembler carries the masker and the running count of masked items.
type assembler struct {
	m     *privacy.Masker
	c     privacy.Counts
	cache map[string]maskedText
}

type maskedText struct {
	out string
	c   privacy.Counts
}

// tc is t for texts that repeat (answers): each distinct text is masked once, every occurrence counted.
func (a *assembler) tc(s string) string {
	m, ok := a.cache[s]
	if !ok {
		before := a.c
		a.c = privacy.Counts{}
		m.out = a.t(s)
		m.c, a.c = a.c, before
		if a.cache == nil {
			a.cache = map[string]maskedText{}
		}
		if len(a.cache) < 1<<16 {
			a.cache[s] = m
		}
	}
	a.c.Add(m.c)
	return m.out
}

// again is t for a text already counted where it first appeared in the report (a priority's item is an
// indicator or direction listed above it): the same masked text, not counted twice.
func (a *assembler) again(s string) string { return a.m.Mask(defang(clean(s))) }

// t is the one door every stored text passes through on its way into a report: control characters
// (which XML cannot hold) and broken UTF-8 are dropped, links are defanged, then personal data is masked.
func (a *assembler) t(s string) string {
	out, c := a.m.MaskCount(defang(clean(s)))
	a.c.Add(c)
	return out
}

// Assemble builds the publishable report from its input; every text is masked here and nowhere else.
func Assemble(in Input) *Report {
	a := &assembler{m: privacy.NewMasker(privacy.SurveyNames(in.Survey)...)}
	for _, n := range in.Names {
		if privacy.LooksLikeName(n) { // a submitter "市民" or "匿名" must not be masked everywhere
			a.m.AddName(n)
		}
	}
	p := in.Policy
	date := in.Date
	if date.IsZero() {
		date = in.Generated
	}
	r := &Report{
		Title: a.t(p.Title), DocNo: a.t(p.DocNo), Dept: a.t(p.Dept), Category: a.t(p.Category), Issued: a.t(narrative.DateText(p.Issued)),
		Round: a.t(in.Round), Generated: narrative.Date(date), Date: date,
		Agency: a.t(strings.TrimSpace(in.Agency)), Commissioner: a.t(strings.TrimSpace(in.Commissioner)),
	}
	if c := in.Consultation; c != nil {
		r.Consultation = a.t(narrative.SpanText(c.Start, c.End))
		if c.Channel != "" {
			r.Consultation += "（" + a.t(c.Channel) + "）"
		}
	}
	if res := in.Result; res != nil {
		r.Scored = true
		a.scores(r, res)
	} else {
		r.ScoreError = a.t(in.ScoreError)
	}
	a.openText(r, in)
	for _, ad := range in.Adoptions {
		r.Adoptions = append(r.Adoptions, Adoption{
			Representative: a.t(ad.Representative), Size: ad.Size, Concentrated: ad.Concentrated,
			Clauses: a.t(ad.Clauses), Decision: a.t(ad.Decision), Reason: a.t(ad.Reason),
		})
	}
	r.AdoptionCounts = adoptionCounts(r.Adoptions)
	r.Opinions = in.Opinions
	for _, rv := range in.Revisions {
		out := Revision{Clause: a.t(rv.Clause), Before: a.t(rv.Before), After: a.t(rv.After), Reason: a.t(rv.Reason),
			Answers: a.t(rv.Answers), Date: a.t(narrative.DateText(rv.Date)), OpinionCount: rv.OpinionCount}
		for _, d := range rv.Diff {
			out.Diff = append(out.Diff, DiffOp{Op: d.Op, Text: a.t(d.Text)})
		}
		for _, f := range rv.Findings {
			out.Findings = append(out.Findings, a.t(f))
		}
		for _, c := range rv.Clusters {
			out.Clusters = append(out.Clusters, AnsweredCluster{Representative: a.tc(c.Representative), Size: c.Size,
				Concentrated: c.Concentrated, Decision: a.t(c.Decision)})
		}
		for _, o := range rv.Opinions {
			out.Opinions = append(out.Opinions, a.tc(o))
		}
		r.Revisions = append(r.Revisions, out)
	}
	if in.Checks != nil {
		for _, it := range in.Checks.Checks {
			// The details are GongPing's own sentences: their dates take the published style.
			r.Checks = append(r.Checks, CheckRow{Name: a.t(it.Name), Status: checkStatus(it.OK), Value: intText(it.Value),
				Required: intText(it.Required), Detail: a.t(narrative.Dates(it.Detail)), OK: it.OK})
		}
	}
	r.SurveyFrom, r.SurveyTo = surveyPeriod(in)
	a.groups(r, in)
	r.Off = map[narrative.Section]bool{}
	for k, on := range in.Sections {
		if d, ok := narrative.Lookup(k); ok && d.Optional && !on {
			r.Off[k] = true
		}
	}
	a.texts(r, in)
	if in.RawData {
		r.Raw = a.raw(in)
	}
	r.Masked = a.c
	return r
}

func (a *assembler) scores(r *Report, res *score.Result) {
	r.Sample, r.Sources = res.Respondents, res.Sources
	r.Composite = res.Composite.Score
	r.CompositeHeldBack = a.t(res.Composite.HeldBack)
	if res.Composite.Grade != nil {
		r.Grade = a.t(*res.Composite.Grade)
	}
	for _, d := range res.Dimensions {
		dim := Dimension{Key: d.Key, Name: a.t(d.Name), Weight: d.Weight, Score: d.Score, Survey: d.Survey,
			Assessment: d.Assessment, Officers: d.Officers, N: d.N, SatisfactionRate: d.SatisfactionRate, Alpha: d.Alpha, CI95: d.CI95,
			ScoreCI95: d.ScoreCI95, HeldBack: a.t(d.HeldBack)}
		if d.Alpha != nil {
			dim.AlphaBand = score.AlphaBand(*d.Alpha)
		}
		for _, ind := range d.Indicators {
			dim.Indicators = append(dim.Indicators, Indicator{Name: a.t(ind.Name), Questions: a.t(data.RefNames(ind.Questions)),
				Weight: ind.Weight, Score: ind.Score, N: ind.N, SatisfactionRate: ind.SatisfactionRate, CI95: ind.CI95,
				HeldBack: a.t(ind.HeldBack)})
		}
		r.Dimensions = append(r.Dimensions, dim)
	}
	for i, p := range res.Problems {
		r.Problems = append(r.Problems, Problem{Rank: i + 1, Item: a.t(p.Item), Source: sourceNames(p),
			Incidence: p.Incidence, Count: p.Count, Score: p.Score, Basis: a.t(p.Basis)})
	}
	for i, d := range res.Directions {
		r.Directions = append(r.Directions, Direction{Rank: i + 1, Item: a.t(d.Item), Source: a.t(sourceName(d.Source)),
			Share: d.Share, Count: d.Count})
	}
	for _, p := range res.IPA {
		r.IPA = append(r.IPA, IPAPoint{Indicator: a.t(p.Indicator), Dimension: a.t(dimensionName(p.Dimension)),
			Quadrant: a.t(p.Quadrant), Position: p.Position, Importance: p.Importance, Performance: p.Performance,
			ImportanceCI95: p.ImportanceCI95, PerformanceCI95: p.PerformanceCI95, N: p.N})
	}
	r.IPAMeans = res.Method.IPAMeans
	r.Rules = resultRules(res)
	for _, p := range score.Priorities(res.IPA, res.Directions) {
		// The items are the IPA's and the directions' texts, counted as masked there.
		r.Priorities = append(r.Priorities, Priority{Rank: p.Rank, Item: a.again(p.Item), Why: p.Why, Importance: p.Importance})
	}
	for _, w := range res.Warnings {
		r.Warnings = append(r.Warnings, a.t(w))
	}
	r.Methods = methods(res)
	r.Appendix = a.appendix(res)
}

func dimensionName(k string) string {
	if n, ok := score.DimensionNames[k]; ok {
		return n
	}
	return k
}

// resultRules are the definitions a result was computed by; one frozen before they were recorded reads
// today's.
func resultRules(res *score.Result) score.Rules {
	if res.Method.Rules == (score.Rules{}) {
		return score.CurrentRules
	}
	return res.Method.Rules
}

// sourceNames names every source of a problem, "第三方评估、政策体验官"; the indicator below 60 that joins an
// assessment's problem is said by its basis, not as a source of its own.
func sourceNames(p score.Problem) string {
	var ns []string
	for _, s := range p.Sources {
		if s != score.SourceIndicator || len(p.Sources) == 1 {
			ns = append(ns, sourceName(s))
		}
	}
	if len(ns) == 0 {
		return sourceName(p.Source)
	}
	return strings.Join(ns, "、")
}

func sourceName(s string) string {
	if n, ok := SourceNames[s]; ok {
		return n
	}
	return s
}

func methods(res *score.Result) []string {
	out := []string{}
	if res.Sources.Responses > 0 {
		out = append(out, fmt.Sprintf("社情民意问卷调查：回收问卷 %d 份，经质量筛查后有效问卷 %d 份。", res.Respondents.Imported, res.Respondents.Valid))
	}
	switch n := res.Sources.AssessmentUnits; {
	case n > 1:
		out = append(out, fmt.Sprintf("第三方评估：独立评估机构按评价指标逐项打分，对 %d 个被评单位各评 %d 项，取各单位得分的平均。", n, res.Sources.AssessmentRows/n))
	case res.Sources.AssessmentRows > 0:
		out = append(out, fmt.Sprintf("第三方评估：独立评估机构按评价指标逐项打分，共 %d 项。", res.Sources.AssessmentRows))
	}
	if res.Sources.OfficerRows > 0 {
		out = append(out, fmt.Sprintf("政策体验官评价：体验官对政策执行情况打分并反馈意见，共 %d 条。", res.Sources.OfficerRows))
	}
	if len(out) == 0 {
		out = append(out, "本轮次尚无问卷、第三方评估或体验官数据。")
	}
	return out
}

func (a *assembler) appendix(res *score.Result) Appendix {
	ap := Appendix{Grades: score.GradeRule, AlphaRule: score.AlphaRule}
	sch := res.Method.Scheme
	if sch == nil {
		sch = score.NewScheme()
	}
	labels := map[string]float64{}
	for k, v := range score.DefaultLabels {
		labels[k] = v
	}
	for k, v := range sch.Likert.Labels { // the scheme's labels come on top of the default families
		labels[k] = v
	}
	// One row per value, its labels together: "100 → 非常满意、很满意、非常同意、非常好".
	byValue := map[float64][]string{}
	for k, v := range labels {
		byValue[v] = append(byValue[v], a.t(k))
	}
	values := make([]float64, 0, len(byValue))
	for v := range byValue {
		values = append(values, v)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(values)))
	for _, v := range values {
		sort.Strings(byValue[v])
		ap.Scale = append(ap.Scale, KV{fmt.Sprintf("%g", v), strings.Join(byValue[v], "、")})
	}
	var missing []string
	for _, m := range sch.Likert.Missing {
		missing = append(missing, a.t(m))
	}
	ap.Missing = strings.Join(missing, "、")
	for _, d := range res.Dimensions {
		var inds []string
		for _, ind := range d.Indicators {
			inds = append(inds, fmt.Sprintf("%s（权重 %.3g，题目 %s）", a.t(ind.Name), ind.Weight, a.t(data.RefNames(ind.Questions))))
		}
		v := fmt.Sprintf("%.3g", d.Weight)
		if len(inds) > 0 {
			v += "；指标：" + strings.Join(inds, "；")
		}
		ap.Weights = append(ap.Weights, KV{a.t(d.Name), v})
	}
	src := res.Method.Sources
	ap.Sources = []KV{{"问卷调查", fmt.Sprintf("%g", src.Survey)}, {"第三方评估", fmt.Sprintf("%g", src.Assessment)}, {"政策体验官", fmt.Sprintf("%g", src.Officers)}}
	rules := resultRules(res)
	ap.Formulas = []string{
		"答题分值：文字选项按量表换算为 0–100 分；数字量表 分值 = (量表点数 − |答案 − 最优值| − 1) ÷ (量表点数 − 1) × 100。",
		"指标得分：受访者在该指标各题分值的平均数，再对有效受访者取平均。",
		"维度问卷得分 S = Σ 指标权重 × 指标得分 ÷ Σ 指标权重；内部一致性信度为克龙巴赫α系数。",
		"第三方评估得分 A = 100 × Σ 得分 ÷ Σ 满分；体验官得分 O = 体验官维度评分的平均（1–5 分换算为 0–100 分）。",
		"维度得分 C = Σ 来源权重 × 来源得分 ÷ Σ 有数据来源的权重；综合得分 = Σ 维度权重 × 维度得分 ÷ Σ 维度权重。",
		rules.Satisfaction + "。",
		rules.SurveyCI + "。",
		rules.ScoreCI + "。",
		rules.Problems + "。改进方向按需求占比排序。",
		rules.IPA + "。",
	}
	scr := sch.Screening
	ex := res.Respondents.Excluded
	onOff := func(on bool, rule string, n int) string {
		if !on {
			return "未启用"
		}
		return fmt.Sprintf("%s；剔除 %d 份", rule, n)
	}
	median := "未知"
	if res.Method.Median != nil {
		median = fmt.Sprintf("%.0f 秒", *res.Method.Median)
	}
	ap.Screening = []KV{
		{"未完成", fmt.Sprintf("平台标记为未提交或未完成的答卷；剔除 %d 份", ex.Incomplete)},
		{"答题过快", onOff(scr.Speeders > 0, fmt.Sprintf("用时低于本轮中位数（%s）的 %.0f%%", median, scr.Speeders*100), ex.Speeders)},
		{"直线作答", onOff(scr.StraightlineMinItems > 0, fmt.Sprintf("回答不少于 %d 道指标题且全部选同一选项", scr.StraightlineMinItems), ex.Straightliners)},
		{"重复提交", onOff(scr.Duplicates, "同一 IP 或答题人且答案完全相同", ex.Duplicates)},
		{"经复核认定无效", fmt.Sprintf("逐份复核后认定无效的答卷；剔除 %d 份", ex.Manual)},
		{"经复核予以保留", fmt.Sprintf("被上述规则筛出、逐份复核后认定有效的答卷；保留 %d 份", res.Respondents.Restored)},
	}
	return ap
}

func checkStatus(ok *bool) string {
	switch {
	case ok == nil:
		return "暂无法判断"
	case *ok:
		return "符合"
	}
	return "不符合"
}

func intText(v *int) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprint(*v)
}

func adoptionCounts(as []Adoption) []KV {
	if len(as) == 0 {
		return nil
	}
	n := map[string]int{}
	for _, a := range as {
		n[a.Decision]++
	}
	var out []KV
	for _, d := range append(slices.Clone(data.Decisions), "") { // the decisions in their order, then the undecided
		if n[d] > 0 {
			name := d
			if d == "" {
				name = "尚未答复"
			}
			out = append(out, KV{name, fmt.Sprint(n[d])})
		}
	}
	return out
}

func (a *assembler) openText(r *Report, in Input) {
	sd := in.Survey
	if sd == nil {
		return
	}
	ex := in.Result.ExcludedIDs()
	for qi, q := range sd.Questions {
		if q.Type != data.QOpenText || privacy.Withheld(q) {
			continue
		}
		g := OpenGroup{Question: a.t(q.Text)}
		index := map[string]int{} // masked answer → its entry
		for _, resp := range sd.Responses {
			if ex[resp.ID] || qi >= len(resp.Answers) {
				continue
			}
			ans := strings.TrimSpace(resp.Answers[qi])
			if ans == "" {
				continue
			}
			g.Answered++
			if data.IsFiller(ans) { // "无", "没有意见", "满意" …: counted, not listed
				g.Empty++
				continue
			}
			if in.Excluded[data.AnswerRef{Response: resp.ID, Question: q.Key}] {
				g.Withheld++
				continue
			}
			ans = a.t(ans)
			if k, ok := index[ans]; ok {
				g.Answers[k].Count++
				continue
			}
			index[ans] = len(g.Answers)
			g.Answers = append(g.Answers, OpenAnswer{Text: ans, Count: 1})
		}
		sort.SliceStable(g.Answers, func(i, j int) bool { return g.Answers[i].Count > g.Answers[j].Count })
		r.OpenText = append(r.OpenText, g)
	}
}

func (a *assembler) raw(in Input) *RawData {
	sd := in.Survey
	if sd == nil {
		return nil
	}
	ex := in.Result.ExcludedIDs()
	rd := &RawData{Headers: []string{"序号", "提交时间", "用时（秒）"}}
	var keep []int
	for i, q := range sd.Questions {
		if privacy.Withheld(q) {
			rd.Dropped = append(rd.Dropped, a.t(q.Text))
			continue
		}
		keep = append(keep, i)
		rd.Headers = append(rd.Headers, a.t(q.Text))
	}
	n := 0
	for _, resp := range sd.Responses {
		if ex[resp.ID] {
			continue
		}
		n++
		row := make([]string, 0, len(keep)+3)
		sub, dur := "", ""
		if !resp.Submitted.IsZero() {
			sub = resp.Submitted.Format("2006-01-02 15:04:05")
		}
		if resp.Duration >= 0 {
			dur = fmt.Sprintf("%.0f", resp.Duration)
		}
		row = append(row, fmt.Sprint(n), sub, dur)
		for _, i := range keep {
			v := ""
			if i < len(resp.Answers) {
				v = a.tc(resp.Answers[i]) // answers repeat a lot (option texts)
			}
			row = append(row, v)
		}
		rd.Rows = append(rd.Rows, row)
	}
	return rd
}

// clean drops invalid UTF-8 and the control characters an XML file cannot hold (keeping tab and line breaks).
func clean(s string) string {
	bad := !utf8.ValidString(s)
	for i := 0; i < len(s) && !bad; i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			bad = true
		}
	}
	if !bad {
		return s
	}
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// linkScheme matches the scheme of a link or script URL written in a text.
var linkScheme = regexp.MustCompile(`(?i)\b(https?|ftp|file|javascript|vbscript|data|mailto)\s*:`)

// defang turns "https://…" in a text into "https：//…" (full-width colon): still readable, but no
// browser, spreadsheet or crawler takes it for a link, so a published report points nowhere.
func defang(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	return linkScheme.ReplaceAllStringFunc(s, func(m string) string {
		return strings.TrimRight(m[:len(m)-1], " \t") + "："
	})
}
