package score

import (
	"context"
	"fmt"

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

// NoSchemeReason is why a round of a policy without a scheme is not scored.
const NoSchemeReason = "尚未设置评价方案，不给出得分和等级：请在“评价方案”页确认指标、题目和权重并保存后再计分"

// Compute scores one round, step by step as DESIGN.md "Evaluation scheme" describes the method. The error
// is an InputError when the scheme does not fit the data (an unknown question, numeric answers without a
// declared scale, a breakdown question that is not single-choice).
func Compute(ctx context.Context, in Input) (*Result, error) {
	sc := in.Scheme
	if sc == nil {
		sc = NewScheme()
	}
	sd := in.Survey
	if sd == nil {
		sd = &data.SurveyData{}
	}
	if err := sc.Validate(sd.Questions); err != nil {
		return nil, err
	}
	if err := checkAnswerCounts(sd); err != nil {
		return nil, err
	}
	r := newRun(sc, sd)
	res := newResult(in, sc, sd)

	calcs, mapped := mapIndicators(sc, r.ix)
	overall := r.question(sc.Overall)
	scored := scoredQuestions(mapped, overall)
	if err := r.answerValues(ctx, scored); err != nil {
		return nil, err
	}
	r.valid, res.Method.Median = screen(sc, r.resp, mapped, r.valuerOf, in.Overrides, res)
	res.Respondents.Imported, res.Respondents.Valid = len(r.resp), countTrue(r.valid)

	for _, k := range DimensionKeys {
		for _, c := range calcs[k] {
			r.indicatorValues(c)
		}
	}
	for _, k := range DimensionKeys {
		dim, warnings := r.dimension(k, calcs[k], in.Assessment, in.Officers)
		res.Dimensions = append(res.Dimensions, dim)
		res.Warnings = append(res.Warnings, warnings...)
	}
	res.Warnings = append(res.Warnings, unmatchedAssessment(sc, in.Assessment)...)
	if in.keepValues {
		res.values = calcs
	}

	res.Composite = compositeScore(res.Dimensions)
	if in.unconfirmed {
		holdBackUnconfirmed(res)
	}
	res.Problems, res.LowIndicators = r.problems(res.Dimensions, in.Assessment, in.Officers)
	res.Directions = r.directions(in.Assessment, in.Officers)
	if overall >= 0 {
		res.IPA, res.Method.IPAMeans = ipa(calcs, res.Dimensions, r.vals[overall], r.valid)
	}
	if in.By != "" {
		b, err := r.breakdownBy(in.By, calcs, res.Dimensions)
		if err != nil {
			return nil, err
		}
		res.Breakdown = b
	}
	res.Warnings = append(res.Warnings, r.answerWarnings(scored)...)
	return res, nil
}

// newResult is a result with the run's counts and method and every list empty (JSON [], not null).
func newResult(in Input, sc *Scheme, sd *data.SurveyData) *Result {
	res := &Result{Policy: in.Policy, Round: in.Round, Problems: []Problem{}, LowIndicators: []Problem{}, Directions: []Direction{},
		IPA: []IPAPoint{}, Excluded: []Excluded{}, Warnings: []string{}, Dimensions: []Dimension{}}
	res.Sources = SourceCounts{Responses: len(sd.Responses), AssessmentRows: len(in.Assessment), OfficerRows: len(in.Officers)}
	units := map[string]bool{}
	for _, r := range in.Assessment {
		if r.Unit != "" {
			units[r.Unit] = true
		}
	}
	res.Sources.AssessmentUnits = len(units)
	res.Method = Method{Scheme: sc, Sources: sc.Sources, Grades: GradeRule, AlphaBand: AlphaRule, Rules: CurrentRules}
	return res
}

// checkAnswerCounts refuses a survey whose responses do not have one answer per question.
func checkAnswerCounts(sd *data.SurveyData) error {
	for _, r := range sd.Responses {
		if len(r.Answers) != len(sd.Questions) {
			return fmt.Errorf("response %d has %d answers for %d questions", r.ID, len(r.Answers), len(sd.Questions))
		}
	}
	return nil
}

// run is one scoring run's view of the round, shared by the steps: the scheme, the questions and
// responses, each question's valuer (made when a step first needs it), the values of the scored questions
// (answerValues) and which responses are valid (screening).
type run struct {
	sc      *Scheme
	qs      []data.Question
	resp    []data.Response
	ix      questionIndex
	valuers map[int]*valuer
	vals    map[int][]float64 // per scored question, per response; NaN = no value
	valid   []bool            // per response
}

func newRun(sc *Scheme, sd *data.SurveyData) *run {
	return &run{sc: sc, qs: sd.Questions, resp: sd.Responses, ix: newQuestionIndex(sd.Questions), valuers: map[int]*valuer{}}
}

// question is the position of the question ref names, -1 when none (or ref is "").
func (r *run) question(ref string) int {
	if i, ok := r.ix.find(ref); ok {
		return i
	}
	return -1
}

func countTrue(xs []bool) int {
	n := 0
	for _, x := range xs {
		if x {
			n++
		}
	}
	return n
}

func dimIndex(k string) int {
	for i, x := range DimensionKeys {
		if x == k {
			return i
		}
	}
	return -1
}

func questionKeys(qs []data.Question, idx []int) []string {
	out := make([]string, len(idx))
	for i, q := range idx {
		out[i] = qs[q].Key
	}
	return out
}
