package score

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

// Input is everything one scoring run reads; Compute is pure over it.
type Input struct {
	Policy     int64
	Round      string
	Scheme     *Scheme
	Survey     *data.SurveyData // nil or empty when the round has no survey
	Assessment []assess.Row
	Officers   []assess.Feedback
	Overrides  map[int64]Override // by response id
	By         string             // breakdown question; "" = none

	keepValues  bool // EntropyWeights needs the per-respondent indicator values
	unconfirmed bool // no scheme is set: the default one is used for counts and texts, no score is given
}

// Override is a hand decision about one response: restore one screening excluded, or exclude one.
type Override struct {
	Restore bool   // true: count as valid whatever the rules say; false: exclude by hand
	Note    string // why
}

// indicatorCalc holds one indicator's per-respondent values during a run.
type indicatorCalc struct {
	spec   IndicatorSpec
	qs     []int     // question positions
	vals   []float64 // per response, NaN = no value
	weight float64   // normalised within the dimension
	// Answers of valid respondents to the indicator's questions, and those with no value (an unknown
	// label, a number off the scale): over HoldBackShare of them and the indicator is held back.
	answers, unrec int
	unknown        map[string]int
	heldBack       string
	heldN          int // respondents with a value before it was held back
}

// NoSchemeReason is why a round of a policy without a scheme is not scored.
const NoSchemeReason = "尚未设置评价方案，不给出得分和等级：请在“评价方案”页确认指标、题目和权重并保存后再计分"

// HoldBackShare is the share of unrecognised answers above which an indicator is not scored: the
// answers left would be a biased remainder (an unknown label is usually one end of the scale).
const HoldBackShare = 0.10

// Compute scores one round. The error is an InputError when the scheme does not fit the data (an unknown
// question, numeric answers without a declared scale).
func Compute(ctx context.Context, in Input) (*Result, error) {
	sc := in.Scheme
	if sc == nil {
		sc = NewScheme()
	}
	sd := in.Survey
	if sd == nil {
		sd = &data.SurveyData{}
	}
	qs := sd.Questions
	if err := sc.Validate(qs); err != nil {
		return nil, err
	}
	ix := newQuestionIndex(qs)
	res := &Result{Policy: in.Policy, Round: in.Round, Problems: []Problem{}, Directions: []Direction{},
		IPA: []IPAPoint{}, Excluded: []Excluded{}, Warnings: []string{}, Dimensions: []Dimension{}}
	res.Sources = SourceCounts{Responses: len(sd.Responses), AssessmentRows: len(in.Assessment), OfficerRows: len(in.Officers)}
	units := map[string]bool{}
	for _, r := range in.Assessment {
		if r.Unit != "" {
			units[r.Unit] = true
		}
	}
	res.Sources.AssessmentUnits = len(units)
	res.Method = Method{Scheme: sc, Sources: sc.Sources, Grades: GradeRule, AlphaBand: AlphaRule}

	// Valuers for every question a score uses; a numeric answer without a declared scale is an error.
	valuers := map[int]*valuer{}
	valuerOf := func(q int) *valuer {
		if v, ok := valuers[q]; ok {
			return v
		}
		var scale *Scale
		for _, ref := range sortedKeys(sc.Questions) { // sorted: the same scale whichever way it is named
			if i, ok := ix.find(ref); ok && i == q {
				s := sc.Questions[ref]
				scale = &s
			}
		}
		v := newValuer(sc, scale, qs[q])
		for r := range sd.Responses { // the question's option set decides its scale (settle)
			if q < len(sd.Responses[r].Answers) {
				v.lookup(sd.Responses[r].Answers[q])
			}
		}
		v.settle()
		valuers[q] = v
		return v
	}
	resp := sd.Responses
	nr := len(resp)
	for _, r := range resp {
		if len(r.Answers) != len(qs) {
			return nil, fmt.Errorf("response %d has %d answers for %d questions", r.ID, len(r.Answers), len(qs))
		}
	}

	// Values of every scored question, per response.
	var mapped []int // distinct questions mapped to indicators, in first-mapped order
	seenQ := map[int]bool{}
	calcs := map[string][]*indicatorCalc{}
	for _, k := range DimensionKeys {
		d := sc.Dimensions.Get(k)
		var wsum float64
		for _, ind := range d.Indicators {
			wsum += ind.Weight
		}
		for _, ind := range d.Indicators {
			c := &indicatorCalc{spec: ind, weight: ind.Weight / wsum}
			for _, ref := range ind.Questions {
				i, ok := ix.find(ref)
				if !ok {
					continue // only when the round has no survey: Validate checked every reference otherwise
				}
				c.qs = append(c.qs, i)
				if !seenQ[i] {
					seenQ[i] = true
					mapped = append(mapped, i)
				}
			}
			calcs[k] = append(calcs[k], c)
		}
	}
	overall := -1
	if i, ok := ix.find(sc.Overall); ok {
		overall = i
	}
	scored := append([]int(nil), mapped...)
	if overall >= 0 && !seenQ[overall] {
		scored = append(scored, overall)
	}
	vals := map[int][]float64{}
	for n, q := range scored {
		if n%8 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		v := valuerOf(q)
		col := make([]float64, nr)
		for r := range resp {
			col[r] = v.value(resp[r].Answers[q])
		}
		if v.numeric > 0 {
			return nil, data.InputErrorf("题目 %s（%s）有 %d 个数字答案，但评价方案没有声明它的量表：请在方案的 questions 中为 %s 填写 points（点数）和 best（最佳值 1 或点数）",
				qs[q].Key, shorten(qs[q].Text, 30), v.numeric, qs[q].Key)
		}
		vals[q] = col
	}

	// Screening.
	valid, med := screen(sc, resp, mapped, valuerOf, in.Overrides, res)
	res.Method.Median = med
	for _, ok := range valid {
		if ok {
			res.Respondents.Valid++
		}
	}
	res.Respondents.Imported = nr

	// Indicators.
	for _, k := range DimensionKeys {
		for _, c := range calcs[k] {
			c.vals = make([]float64, nr)
			for r := range resp {
				c.vals[r] = math.NaN()
				if !valid[r] {
					continue
				}
				var s float64
				var n int
				for _, q := range c.qs {
					if x := vals[q][r]; !math.IsNaN(x) {
						s += x
						n++
					}
				}
				if n > 0 {
					c.vals[r] = s / float64(n)
				}
				for _, q := range c.qs {
					if x := valuers[q].lookup(resp[r].Answers[q]); x.answered {
						c.answers++
						if x.unrec {
							c.unrec++
							if c.unknown == nil {
								c.unknown = map[string]int{}
							}
							if len(c.unknown) < 50 {
								c.unknown[x.clean]++
							}
						}
					}
				}
			}
			if c.answers > 0 && float64(c.unrec) > HoldBackShare*float64(c.answers) {
				c.heldBack = fmt.Sprintf("有 %d%% 的回答（%d/%d）无法识别（如“%s”），请在评价方案中补充这些选项的分值",
					int(math.Round(100*float64(c.unrec)/float64(c.answers))), c.unrec, c.answers, shorten(mostFrequent(c.unknown), 20))
				for r, x := range c.vals {
					if !math.IsNaN(x) {
						c.heldN++
					}
					c.vals[r] = math.NaN() // counts nowhere: dimension values, IPA, breakdown, entropy weights
				}
			}
		}
	}

	// Dimensions.
	dimW := 0.0
	for _, k := range DimensionKeys {
		dimW += sc.Dimensions.Get(k).Weight
	}
	dimVals := map[string][]float64{}
	for _, k := range DimensionKeys {
		d := sc.Dimensions.Get(k)
		dim := Dimension{Key: k, Name: sc.DimensionName(k), Weight: d.Weight / dimW, Indicators: []Indicator{}}
		var sw, sws float64
		var held []string
		for _, c := range calcs[k] {
			ind := indicatorStats(c.vals)
			ind.Name, ind.Questions, ind.Weight = c.spec.Name, questionKeys(qs, c.qs), c.weight
			if c.heldBack != "" {
				ind.HeldBack, ind.N = c.heldBack, c.heldN
				held = append(held, "“"+c.spec.Name+"”")
				res.Warnings = append(res.Warnings, fmt.Sprintf("指标“%s”暂缓计分：%s", c.spec.Name, c.heldBack))
			}
			if ind.Score != nil {
				sw += c.weight * *ind.Score
				sws += c.weight
			}
			dim.Indicators = append(dim.Indicators, ind)
		}
		if sws > 0 && len(held) == 0 {
			dim.Survey = ptr(sw / sws)
		}
		// Respondent dimension values: weighted mean over the indicators the respondent has a value for.
		dv := make([]float64, nr)
		var xs []float64
		for r := range resp {
			dv[r] = math.NaN()
			var s, w float64
			for _, c := range calcs[k] {
				if x := c.vals[r]; !math.IsNaN(x) {
					s += c.weight * x
					w += c.weight
				}
			}
			if w > 0 {
				dv[r] = s / w
				xs = append(xs, dv[r])
			}
		}
		dimVals[k] = dv
		dim.N = len(xs)
		if dim.N > 0 {
			dim.SatisfactionRate = ptr(satisfied(xs))
			// DESIGN's "mean ± 1.96·sd/√n" over the respondents' dimension values: the interval is centred
			// on their mean, which differs from the weighted indicator score when respondents skip indicators.
			m, sdv := meanSD(xs)
			dim.CI95 = ci95(m, sdv, dim.N)
		}
		// Cronbach's α over the dimension's distinct questions, listwise complete valid respondents.
		var dq []int
		seen := map[int]bool{}
		for _, c := range calcs[k] {
			for _, q := range c.qs {
				if !seen[q] {
					seen[q] = true
					dq = append(dq, q)
				}
			}
		}
		if len(dq) >= 2 {
			var rows [][]float64
			for r := range resp {
				if !valid[r] {
					continue
				}
				row := make([]float64, len(dq))
				ok := true
				for j, q := range dq {
					row[j] = vals[q][r]
					if math.IsNaN(row[j]) {
						ok = false
						break
					}
				}
				if ok {
					rows = append(rows, row)
				}
			}
			dim.AlphaN = len(rows)
			if a, ok := CronbachAlpha(rows); ok {
				dim.Alpha = ptr(a)
			}
		}
		dim.Assessment = assessmentPart(sc, k, in.Assessment)
		dim.Officers = officersPart(k, in.Officers)
		var cs, cw float64
		for _, p := range []struct {
			x *float64
			w float64
		}{{dim.Survey, sc.Sources.Survey}, {dim.Assessment, sc.Sources.Assessment}, {dim.Officers, sc.Sources.Officers}} {
			if p.x != nil && p.w > 0 {
				cs += p.w * *p.x
				cw += p.w
			}
		}
		if cw > 0 {
			dim.Score = ptr(cs / cw)
		}
		if len(held) > 0 {
			// The scheme's weights say what the dimension is; without one of its indicators it would be
			// another measure published under the same name, so it is held back too.
			dim.Score, dim.SatisfactionRate, dim.CI95 = nil, nil, nil
			dim.HeldBack = fmt.Sprintf("指标%s暂缓计分（无法识别的回答过多），本维度暂不计分：补充选项分值后即可计算", strings.Join(held, "、"))
		}
		res.Dimensions = append(res.Dimensions, dim)
	}
	res.Warnings = append(res.Warnings, unmatchedAssessment(sc, in.Assessment)...)
	if in.keepValues {
		res.values = calcs
	}

	// Composite.
	var cs, cw float64
	var heldDims []string
	for _, d := range res.Dimensions {
		if d.HeldBack != "" {
			heldDims = append(heldDims, d.Name)
		}
		if d.Score != nil {
			cs += d.Weight * *d.Score
			cw += d.Weight
		}
	}
	if in.unconfirmed {
		// A guessed mapping once scored a parenting questionnaire on policy indicators (54.5 差): without
		// a scheme the team has set, the weights and the questions are nobody's decision, so no score.
		for i := range res.Dimensions {
			d := &res.Dimensions[i]
			if d.Score != nil {
				d.Score, d.HeldBack = nil, NoSchemeReason
			}
		}
		res.Composite.HeldBack = NoSchemeReason
		res.Warnings = append([]string{NoSchemeReason}, res.Warnings...)
	} else if len(heldDims) > 0 {
		res.Composite.HeldBack = fmt.Sprintf("%s维度暂缓计分，综合得分和等级暂不给出：请先在评价方案中补充无法识别的选项分值", strings.Join(heldDims, "、"))
	} else if cw > 0 {
		res.Composite.Score = ptr(cs / cw)
		res.Composite.Grade = ptr(Grade(*res.Composite.Score))
	}

	// Problems and directions.
	for _, ref := range sc.Problems {
		q, ok := ix.find(ref)
		if !ok {
			continue
		}
		for _, o := range optionCounts(qs[q], q, resp, valid, valuerOf(q)) {
			res.Problems = append(res.Problems, Problem{Item: o.option, Source: SourceSurvey, Incidence: o.share, Count: o.count, Question: qs[q].Key})
		}
	}
	sortSurvey(res.Problems, func(p Problem) (*float64, int) { return p.Incidence, p.Count })
	var low []Problem
	for _, d := range res.Dimensions {
		for _, ind := range d.Indicators {
			if ind.Score != nil && BelowPass(*ind.Score) {
				low = append(low, Problem{Item: ind.Name, Source: SourceIndicator, Count: ind.N, Score: ind.Score, Dimension: d.Key})
			}
		}
	}
	sort.SliceStable(low, func(i, j int) bool { return *low[i].Score < *low[j].Score })
	res.Problems = append(res.Problems, low...)
	for _, t := range mergeTexts(assessTexts(sc, in.Assessment, false)) {
		res.Problems = append(res.Problems, Problem{Item: t.text, Source: SourceAssessment, Count: t.count, Dimension: t.dim})
	}
	for _, t := range mergeTexts(officerTexts(in.Officers, false)) {
		res.Problems = append(res.Problems, Problem{Item: t.text, Source: SourceOfficers, Count: t.count})
	}
	for _, ref := range sc.Directions {
		q, ok := ix.find(ref)
		if !ok {
			continue
		}
		for _, o := range optionCounts(qs[q], q, resp, valid, valuerOf(q)) {
			res.Directions = append(res.Directions, Direction{Item: o.option, Source: SourceSurvey, Share: o.share, Count: o.count, Question: qs[q].Key})
		}
	}
	sortSurvey(res.Directions, func(d Direction) (*float64, int) { return d.Share, d.Count })
	for _, t := range mergeTexts(assessTexts(sc, in.Assessment, true)) {
		res.Directions = append(res.Directions, Direction{Item: t.text, Source: SourceAssessment, Count: t.count})
	}
	for _, t := range mergeTexts(officerTexts(in.Officers, true)) {
		res.Directions = append(res.Directions, Direction{Item: t.text, Source: SourceOfficers, Count: t.count})
	}

	// Importance–performance analysis.
	if overall >= 0 {
		ov := vals[overall]
		var pts []IPAPoint
		for _, k := range DimensionKeys {
			for i, c := range calcs[k] {
				ind := res.Dimensions[dimIndex(k)].Indicators[i]
				if ind.Score == nil {
					continue
				}
				var xs, ys []float64
				for r := range resp {
					if valid[r] && !math.IsNaN(c.vals[r]) && !math.IsNaN(ov[r]) {
						xs = append(xs, c.vals[r])
						ys = append(ys, ov[r])
					}
				}
				if rr, ok := pearson(xs, ys); ok {
					pts = append(pts, IPAPoint{Indicator: c.spec.Name, Dimension: k, Importance: rr, Performance: *ind.Score, N: len(xs)})
				}
			}
		}
		if len(pts) > 0 {
			var mi, mp float64
			for _, p := range pts {
				mi += p.Importance
				mp += p.Performance
			}
			mi /= float64(len(pts))
			mp /= float64(len(pts))
			res.Method.IPAMeans = &IPAMeans{Importance: mi, Performance: mp}
			for i := range pts {
				pts[i].Quadrant = quadrant(pts[i].Importance >= mi, pts[i].Performance >= mp)
			}
			res.IPA = pts
		}
	}

	// Breakdown by a single-choice question.
	if in.By != "" {
		q, ok := ix.find(in.By)
		if !ok {
			return nil, data.InputErrorf("分组题目 %q 不存在，请用 Q<题号> 或完整题目文字", in.By)
		}
		if qs[q].Type == data.QMulti || qs[q].Type == data.QRanking {
			return nil, data.InputErrorf("分组题目 %s 是多选或排序题，请选择单选题", qs[q].Key)
		}
		res.Breakdown = breakdown(sc, qs[q], q, resp, valid, calcs, res.Dimensions, valuerOf(q))
	}

	for _, q := range scored {
		v := valuers[q]
		for _, n := range v.notes {
			res.Warnings = append(res.Warnings, questionName(qs[q])+"："+n)
		}
		if len(v.unknown) > 0 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s有无法识别的答案（按缺失处理）：%s，可在评价方案的量表中补充",
				questionName(qs[q]), strings.Join(sortedKeys(v.unknown), "、")))
		}
		if v.badNum > 0 {
			s := v.scale
			if s == nil {
				s = v.points
			}
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s有 %d 种超出 1–%d 分的数字答案（按缺失处理）", questionName(qs[q]), v.badNum, s.Points))
		}
	}
	return res, nil
}

// mostFrequent is the key with the highest count (the first in order on a tie).
func mostFrequent(m map[string]int) string {
	best, n := "", -1
	for _, k := range sortedKeys(m) {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// questionName names a question for a user without its key: 第3题“办理便捷程度”.
func questionName(q data.Question) string {
	t := strings.TrimSpace(q.Text)
	if q.Num > 0 {
		// The header's own number ("3、", "3.", "Q3.") is said once, as 第3题.
		for _, p := range []string{strconv.Itoa(q.Num), "Q" + strconv.Itoa(q.Num)} {
			if rest, ok := strings.CutPrefix(t, p); ok && rest != "" {
				if r := strings.TrimLeft(rest, "、.．:：) "); r != rest && r != "" {
					t = r
				}
				break
			}
		}
		return fmt.Sprintf("第%d题“%s”", q.Num, shorten(t, 24))
	}
	return "“" + shorten(t, 24) + "”"
}

func dimIndex(k string) int {
	for i, x := range DimensionKeys {
		if x == k {
			return i
		}
	}
	return -1
}

func quadrant(highImp, highPerf bool) string {
	switch {
	case highImp && !highPerf:
		return QuadrantFix
	case highImp:
		return QuadrantKeep
	case !highPerf:
		return QuadrantMinor
	}
	return QuadrantOverkill
}

func questionKeys(qs []data.Question, idx []int) []string {
	out := make([]string, len(idx))
	for i, q := range idx {
		out[i] = qs[q].Key
	}
	return out
}

func shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// indicatorStats computes score, n, satisfaction rate and CI over the non-NaN respondent values.
func indicatorStats(vals []float64) Indicator {
	xs := make([]float64, 0, len(vals))
	for _, x := range vals {
		if !math.IsNaN(x) {
			xs = append(xs, x)
		}
	}
	ind := Indicator{N: len(xs)}
	if len(xs) == 0 {
		return ind
	}
	m, sdv := meanSD(xs)
	ind.Score = ptr(m)
	ind.SatisfactionRate = ptr(satisfied(xs))
	ind.CI95 = ci95(m, sdv, len(xs))
	return ind
}

// satisfied is the share of values ≥ 75.
func satisfied(xs []float64) float64 {
	var n int
	for _, x := range xs {
		if atLeast(x, 75) {
			n++
		}
	}
	return float64(n) / float64(len(xs))
}

type optionCount struct {
	option string
	count  int
	share  *float64
}

// optionCounts counts how often each option of a choice question was chosen by the valid respondents who
// answered it: the question's declared options first, then options first seen in the answers.
func optionCounts(q data.Question, qi int, resp []data.Response, valid []bool, v *valuer) []optionCount {
	pos := map[string]int{}
	var out []optionCount
	add := func(o string) int {
		if i, ok := pos[o]; ok {
			return i
		}
		pos[o] = len(out)
		out = append(out, optionCount{option: o})
		return len(out) - 1
	}
	for _, o := range q.Options {
		if c := cleanAnswer(o); c != "" && !v.missing[c] {
			add(c)
		}
	}
	answered := 0
	for r := range resp {
		if !valid[r] {
			continue
		}
		a := resp[r].Answers[qi]
		if !v.answered(a) {
			continue
		}
		answered++
		seen := map[string]bool{}
		for _, o := range splitOptions(a) {
			if v.missing[o] || seen[o] {
				continue
			}
			seen[o] = true
			if _, known := pos[o]; known || len(out) < 500 { // bound hostile free text
				out[add(o)].count++
			}
		}
	}
	for i := range out {
		if answered > 0 {
			out[i].share = ptr(float64(out[i].count) / float64(answered))
		}
	}
	return out
}
