package score

import (
	"fmt"
	"math"
	"strings"

	"github.com/gongping/gongping/data/assess"
)

// The method's "Dimension" step: the survey part S_d over the dimension's indicators, the statistics over
// respondent dimension values, Cronbach's α (reliability.go), the assessment and officers parts (parts.go)
// and the dimension score C_d that combines the sources (composite.go).

// dimension scores dimension k from its indicators, whose respondent values indicatorValues has filled.
// An indicator held back holds the dimension back; the warnings say which indicators were.
func (r *run) dimension(k string, cs []*indicatorCalc, rows []assess.Row, fb []assess.Feedback) (Dimension, []string) {
	dim := Dimension{Key: k, Name: r.sc.DimensionName(k), Weight: dimensionWeight(r.sc, k), Indicators: []Indicator{}}
	var held, warnings []string
	for _, c := range cs {
		ind := r.indicatorResult(c)
		if c.heldBack != "" {
			held = append(held, "“"+c.spec.Name+"”")
			warnings = append(warnings, fmt.Sprintf("指标“%s”暂缓计分：%s", c.spec.Name, c.heldBack))
		}
		dim.Indicators = append(dim.Indicators, ind)
	}
	if len(held) == 0 {
		dim.Survey = surveyPart(cs, dim.Indicators)
	}
	xs := respondentDimensionValues(cs, len(r.resp))
	dim.N = len(xs)
	if dim.N > 0 {
		dim.SatisfactionRate = ptr(satisfied(xs))
		// DESIGN's "mean ± 1.96·sd/√n" over the respondents' dimension values: the interval is centred
		// on their mean, which differs from the weighted indicator score when respondents skip indicators.
		m, sdv := meanSD(xs)
		dim.CI95 = ci95(m, sdv, dim.N)
	}
	dim.Alpha, dim.AlphaN = alpha(dimensionQuestions(cs), r.vals, r.valid)
	dim.Assessment = assessmentPart(r.sc, k, rows)
	dim.Officers = officersPart(k, fb)
	dim.Score = dimensionScore(r.sc.Sources, dim.Survey, dim.Assessment, dim.Officers)
	dim.ScoreCI95 = dimensionScoreCI(r.sc.Sources, dim)
	if len(held) > 0 {
		// The scheme's weights say what the dimension is; without one of its indicators it would be
		// another measure published under the same name, so it is held back too.
		dim.Score, dim.ScoreCI95, dim.SatisfactionRate, dim.CI95 = nil, nil, nil, nil
		dim.HeldBack = fmt.Sprintf("指标%s暂缓计分（无法识别的回答过多），本维度暂不计分：补充选项分值后即可计算", strings.Join(held, "、"))
	}
	return dim, warnings
}

// dimensionWeight is dimension k's weight normalised over the three.
func dimensionWeight(sc *Scheme, k string) float64 {
	var sum float64
	for _, x := range DimensionKeys {
		sum += sc.Dimensions.Get(x).Weight
	}
	return sc.Dimensions.Get(k).Weight / sum
}

// surveyPart is S_d = Σ wᵢ·scoreᵢ / Σ wᵢ over the indicators with a score (inds are the results of cs,
// in order); nil when none has one.
func surveyPart(cs []*indicatorCalc, inds []Indicator) *float64 {
	var sw, sws float64
	for i, c := range cs {
		if s := inds[i].Score; s != nil {
			sw += c.weight * *s
			sws += c.weight
		}
	}
	if sws > 0 {
		return ptr(sw / sws)
	}
	return nil
}

// respondentDimensionValues are the dimension values of the respondents who have one, in response order:
// the weighted mean of a respondent's indicator values over the indicators they have a value for.
func respondentDimensionValues(cs []*indicatorCalc, nr int) []float64 {
	var xs []float64
	for i := 0; i < nr; i++ {
		var s, w float64
		for _, c := range cs {
			if x := c.vals[i]; !math.IsNaN(x) {
				s += c.weight * x
				w += c.weight
			}
		}
		if w > 0 {
			xs = append(xs, s/w)
		}
	}
	return xs
}
