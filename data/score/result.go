// Package score is GongPing's evaluation engine (评价): it turns a round's survey answers, third-party
// assessment rows (第三方评估) and 体验官 feedback into the scores of the three dimensions 执行过程 / 细则标准 /
// 取得成效, the composite grade, the ranked problems (存在问题) and improvement directions (改进方向), as
// DESIGN.md "Evaluation scheme" specifies. It imports no Fyne; the GUI and reports/ call Score.
//
// Output order (deterministic):
//   - dimensions: process, standards, results; indicators in scheme order;
//   - problems: the same problem from several sources merged into one entry, ranked by evidence
//     (problems.go, ProblemRule): incidence × number of sources (desc), entries without an incidence after
//     them by sources (desc) and count (desc); ties keep survey question and option order, then assessment
//     and officer texts in file order;
//   - low_indicators: indicators scoring < 60 by score (asc);
//   - directions: survey options by share (desc), count (desc), question and option order; then assessment
//     and officer suggestion texts in file order (merged like problems);
//   - ipa: indicators in scheme order (process, standards, results);
//   - excluded: by response id.
package score

// Result is the evaluation of one round: exactly the JSON of `gongping score --json` (DESIGN.md) plus the
// extra fields the report's appendix needs. Scores are 0–100 and never rounded here; a part with no data
// is nil (JSON null).
type Result struct {
	Policy      int64       `json:"policy"`
	Round       string      `json:"round"`
	Respondents Respondents `json:"respondents"`
	Dimensions  []Dimension `json:"dimensions"` // always the three, in DimensionKeys order
	Composite   Composite   `json:"composite"`
	Problems    []Problem   `json:"problems"`
	// LowIndicators are the indicators scoring below the pass mark (< 60), lowest first: a finding of the
	// indicator tables, not a problem of its own (it joins a problem the assessment names on that indicator).
	LowIndicators []Problem    `json:"low_indicators"`
	Directions    []Direction  `json:"directions"`
	IPA           []IPAPoint   `json:"ipa"`
	Excluded      []Excluded   `json:"excluded"`            // the responses screening (or a hand) excluded, and restored ones
	Breakdown     *Breakdown   `json:"breakdown,omitempty"` // only when asked for (--by)
	Method        Method       `json:"method"`              // scale, weights and screening used: the report's appendix
	Warnings      []string     `json:"warnings"`            // data the engine skipped (unknown labels, unmatched rows …)
	Sources       SourceCounts `json:"sources"`             // how much data each source contributed

	values map[string][]*indicatorCalc // per-respondent indicator values, only for EntropyWeights
}

// Respondents counts the round's responses. Imported = Valid + excluded (each excluded response is counted
// under one reason: the first of incomplete, speeders, straightliners, duplicates, manual that applies).
type Respondents struct {
	Imported int           `json:"imported"`
	Valid    int           `json:"valid"`
	Excluded ExcludedCount `json:"excluded"`
	Restored int           `json:"restored"` // screened out by a rule but restored by hand (counted as valid)
}

// ExcludedCount is the number of responses excluded per screening rule.
type ExcludedCount struct {
	Speeders       int `json:"speeders"`
	Straightliners int `json:"straightliners"`
	Duplicates     int `json:"duplicates"`
	Manual         int `json:"manual"`     // excluded by hand
	Incomplete     int `json:"incomplete"` // marked not finished by the platform (未完成)
}

// Dimension is one of the three scored dimensions (执行过程 / 细则标准 / 取得成效).
type Dimension struct {
	Key        string   `json:"key"`        // process, standards, results
	Name       string   `json:"name"`       // 执行过程 …
	Weight     float64  `json:"weight"`     // normalised over the three (sums to 1)
	Score      *float64 `json:"score"`      // C_d: sources combined; nil when no source has data
	Survey     *float64 `json:"survey"`     // S_d
	Assessment *float64 `json:"assessment"` // A_d
	Officers   *float64 `json:"officers"`   // O_d
	// Survey statistics over respondent dimension values (a respondent's dimension value is the weighted
	// mean of their indicator values, over the indicators they have a value for).
	N                int         `json:"n"`
	SatisfactionRate *float64    `json:"satisfaction_rate"` // share (0–1) of respondent dimension values ≥ 75
	Alpha            *float64    `json:"alpha"`             // Cronbach's α over the dimension's questions
	AlphaN           int         `json:"alpha_n"`           // listwise complete respondents α used
	CI95             *[2]float64 `json:"ci95"`              // survey part ± 1.96·sd/√n of respondent dimension values
	// ScoreCI95 is the interval of Score (C_d) from the survey's sampling error alone: CI95's half-width
	// times the survey's share of the source weights combined in C_d, around C_d (ScoreCIRule). nil when
	// the survey part has no interval or C_d has no survey part.
	ScoreCI95  *[2]float64 `json:"score_ci95"`
	Indicators []Indicator `json:"indicators"`
	// HeldBack says why the dimension is not scored (an indicator of it is held back); "" when scored.
	HeldBack string `json:"held_back,omitempty"`
}

// Indicator is one indicator's survey result.
type Indicator struct {
	Name             string      `json:"name"`
	Questions        []string    `json:"questions"` // question keys ("Q3")
	Weight           float64     `json:"weight"`    // normalised within its dimension (sums to 1)
	Score            *float64    `json:"score"`     // mean of respondent values; nil when n = 0
	N                int         `json:"n"`
	SatisfactionRate *float64    `json:"satisfaction_rate"` // share (0–1) of respondent values ≥ 75
	CI95             *[2]float64 `json:"ci95"`              // mean ± 1.96·sd/√n; nil when n < 2
	// HeldBack says why the indicator is not scored although it has answers: more than HoldBackShare of
	// them could not be read (Score, SatisfactionRate and CI95 are then nil). "" when scored.
	HeldBack string `json:"held_back,omitempty"`
}

// Composite is the overall score over the three dimensions and its grade.
type Composite struct {
	Score *float64 `json:"score"`
	Grade *string  `json:"grade"` // 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60
	// HeldBack says why there is no composite score although there is data (a dimension held back, no
	// scheme set); "" otherwise.
	HeldBack string `json:"held_back,omitempty"`
}

// Problem sources.
const (
	SourceSurvey     = "survey"
	SourceAssessment = "assessment"
	SourceOfficers   = "officers"
	SourceIndicator  = "indicator" // an indicator scoring below 60
)

// Problem is one entry of the ranked 存在问题 list: one problem with every source that names it
// (problems.go). In LowIndicators it is one indicator (Source indicator, Count its n, Score its score).
type Problem struct {
	Item string `json:"item"`
	// Source is the first source naming it (survey, assessment, officers); Sources all of them, in that
	// order, with indicator when the indicator an assessment row names it on scores below 60.
	Source    string   `json:"source"`
	Sources   []string `json:"sources"`
	Incidence *float64 `json:"incidence"`           // the highest share its sources measure (0–1); nil when none does
	Evidence  *float64 `json:"evidence"`            // Incidence × len(Sources), the rank key; nil with Incidence
	Count     int      `json:"count"`               // mentions over its sources (chosen, rows, officers)
	Question  string   `json:"question,omitempty"`  // survey: the question key
	Score     *float64 `json:"score,omitempty"`     // the low indicator's score (indicator among Sources)
	Dimension string   `json:"dimension,omitempty"` // indicator/assessment: dimension key when known
	Indicator string   `json:"indicator,omitempty"` // the scheme indicator an assessment row names, when matched
	// Mentions say what each source found, in Sources order; Basis says it in one Chinese line for the
	// report ("问卷调查：203人选择，占该题作答人数的46.3%；政策体验官：5人中1人反映").
	Mentions []Mention `json:"mentions"`
	Basis    string    `json:"basis"`
}

// HasSource reports whether source s names the problem.
func (p Problem) HasSource(s string) bool {
	if p.Source == s {
		return true
	}
	for _, x := range p.Sources {
		if x == s {
			return true
		}
	}
	return false
}

// SourceIncidence is the share source s measures for the problem (the highest, when it names it in several
// questions); nil when s does not name it or measures no share. A problem without mentions (built by
// hand) has its Incidence under its Source.
func (p Problem) SourceIncidence(s string) *float64 {
	if len(p.Mentions) == 0 {
		if p.Source == s {
			return p.Incidence
		}
		return nil
	}
	var best *float64
	for _, m := range p.Mentions {
		if m.Source == s && m.Incidence != nil && (best == nil || *m.Incidence > *best) {
			best = m.Incidence
		}
	}
	return best
}

// Mention is what one source says about a problem.
type Mention struct {
	Source    string   `json:"source"`
	Count     int      `json:"count"`               // survey: respondents choosing it; assessment: rows; officers: officers
	Of        int      `json:"of"`                  // survey: respondents who answered; officers: officers giving feedback; 0 otherwise
	Incidence *float64 `json:"incidence"`           // Count / Of; nil when Of = 0
	Question  string   `json:"question,omitempty"`  // survey
	Score     *float64 `json:"score,omitempty"`     // indicator
	Indicator string   `json:"indicator,omitempty"` // assessment/indicator: the indicator's name
}

// Direction is one entry of the ranked 改进方向 list.
type Direction struct {
	Item     string   `json:"item"`
	Source   string   `json:"source"` // survey, assessment, officers
	Share    *float64 `json:"share"`  // survey: chosen / answered (0–1); nil for texts
	Count    int      `json:"count"`
	Question string   `json:"question,omitempty"`
}

// IPA quadrants (importance–performance analysis), and the verdicts of an indicator whose gaps to the
// means are not both significant (ipa.go, IPARule).
const (
	QuadrantFix      = "重点改进区" // high importance, low performance
	QuadrantKeep     = "优势保持区" // high importance, high performance
	QuadrantMinor    = "次要改进区" // low importance, low performance
	QuadrantOverkill = "过度供给区" // low importance, high performance

	QuadrantNone     = "与均值无显著差异" // neither gap significant
	QuadrantLowPerf  = "表现显著偏低"   // performance significantly below the mean, importance not significant
	QuadrantHighPerf = "表现显著偏高"
	QuadrantHighImp  = "重要性显著偏高" // importance significantly above the mean r, performance not significant
	QuadrantLowImp   = "重要性显著偏低"
)

// IPAPoint places one indicator in the importance–performance plane. Importance is the Pearson r between
// the indicator value and the overall value; "high" means ≥ the mean over the plotted indicators.
type IPAPoint struct {
	Indicator   string  `json:"indicator"`
	Dimension   string  `json:"dimension"`
	Importance  float64 `json:"importance"`
	Performance float64 `json:"performance"`
	// Quadrant is the verdict: a quadrant only when both gaps to the means are significant, else which
	// gap is (QuadrantLowPerf …) or QuadrantNone. Position is the quadrant the point lies in by the means
	// alone, which the plot shows.
	Quadrant string `json:"quadrant"`
	Position string `json:"position"`
	N        int    `json:"n"` // pairwise complete respondents
	// ImportanceCI95 is r's 95% interval (Fisher z, nil when n < 4), PerformanceCI95 the indicator
	// score's; a gap is significant when the interval leaves out the mean.
	ImportanceCI95         *[2]float64 `json:"importance_ci95"`
	PerformanceCI95        *[2]float64 `json:"performance_ci95"`
	ImportanceSignificant  bool        `json:"importance_significant"`
	PerformanceSignificant bool        `json:"performance_significant"`
}

// IPAMeans are the quadrant lines of an IPA plot.
type IPAMeans struct {
	Importance  float64 `json:"importance"`
	Performance float64 `json:"performance"`
}

// Exclusion reasons.
const (
	ReasonIncomplete   = "incomplete"
	ReasonSpeeder      = "speeder"
	ReasonStraightline = "straightliner"
	ReasonDuplicate    = "duplicate"
	ReasonManual       = "manual"
)

// Excluded is a response screening excluded (or one restored by hand after being excluded).
type Excluded struct {
	ResponseID int64   `json:"response"`
	Reason     string  `json:"reason"`   // speeder, straightliner, duplicate, manual
	Detail     string  `json:"detail"`   // Chinese, e.g. "用时 20 秒，低于中位数的 30%（60 秒）"
	Restored   bool    `json:"restored"` // restored by hand: counted as valid
	Duration   float64 `json:"duration"` // seconds; < 0 unknown
}

// Breakdown is the survey part per group of a single-choice question (--by Q2).
type Breakdown struct {
	Question string  `json:"question"` // key
	Text     string  `json:"text"`
	Groups   []Group `json:"groups"` // in the question's option order, then first seen
}

// Group is one answer of the breakdown question.
type Group struct {
	Value      string           `json:"value"`
	N          int              `json:"n"` // valid respondents in the group
	Dimensions []GroupDimension `json:"dimensions"`
	Composite  *float64         `json:"composite"` // survey parts combined by dimension weight
}

// GroupDimension is one dimension's survey part within a group.
type GroupDimension struct {
	Key   string   `json:"key"`
	Score *float64 `json:"score"`
	N     int      `json:"n"`
}

// Method records how the result was computed, for the report's appendix.
type Method struct {
	Scheme    *Scheme   `json:"scheme"`          // the scheme used (defaults filled in)
	Sources   Sources   `json:"sources"`         // source weights as given
	Median    *float64  `json:"median_duration"` // median known duration of the round (seconds)
	IPAMeans  *IPAMeans `json:"ipa_means"`
	Grades    string    `json:"grades"` // "优≥90，良≥80，中≥60，差<60"
	AlphaBand string    `json:"alpha_bands"`
	// Rules are the definitions the published figures need beside them (rules.go): what 满意率 is, which
	// interval each 95% CI is, how IPA verdicts and the problem ranking are made.
	Rules Rules `json:"rules"`
}

// SourceCounts says how much data each source had in the round.
type SourceCounts struct {
	Responses      int `json:"responses"`       // survey responses imported
	AssessmentRows int `json:"assessment_rows"` // third-party rows
	// AssessmentUnits is how many rated units (被评单位) the rows score, each on every indicator (0: none
	// named, one assessment)
	AssessmentUnits int `json:"assessment_units"`
	OfficerRows     int `json:"officer_rows"` // 体验官 feedback rows
}
