package data

// AssessmentRow is one indicator row of a third-party assessment sheet.
type AssessmentRow struct {
	Line       int     `json:"line"`      // row number in the sheet (1-based)
	Dimension  string  `json:"dimension"` // 一级指标/维度 as written (merged cells filled down)
	Indicator  string  `json:"indicator"` // 二级指标/指标
	Max        float64 `json:"max"`       // 分值/满分
	Score      float64 `json:"score"`     // 得分/评分
	Problem    string  `json:"problem"`   // 存在问题/扣分说明
	Suggestion string  `json:"suggestion"`
	// Unit is the rated unit (被评单位: a district, an expert, a quarter) when the sheet has one score
	// column per unit; "" for a sheet with one 得分 column.
	Unit string `json:"unit,omitempty"`
}

// OfficerFeedback is one 体验官's feedback. Scores are on 0–100 (a 1–5 sheet is converted at import with
// (v−1)/4×100); nil when the officer gave no score for that dimension.
type OfficerFeedback struct {
	Line        int      `json:"line"`
	Name        string   `json:"name"`
	Date        string   `json:"date"` // YYYY-MM-DD or ""
	Process     *float64 `json:"process"`
	Standards   *float64 `json:"standards"`
	Results     *float64 `json:"results"`
	Problems    string   `json:"problems"`
	Suggestions string   `json:"suggestions"`
}

// Score returns the feedback's score of a dimension key (process, standards, results).
func (f *OfficerFeedback) Score(key string) *float64 {
	switch key {
	case "process":
		return f.Process
	case "standards":
		return f.Standards
	case "results":
		return f.Results
	}
	return nil
}
