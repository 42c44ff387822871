package score

// The definitions a published figure needs beside it, said once here: the report, the workbook and the
// window show these texts and do not write their own.

// SatisfiedScore is the respondent value at or above which a respondent counts as satisfied (满意率): 75 is
// "满意" on the five-step scale (非常满意 100, 满意 75, 一般 50 …).
const SatisfiedScore = 75

// Labels of the figures, for table headings.
const (
	LabelSatisfaction = "满意率"
	LabelSurveyCI     = "问卷部分95%置信区间"
	LabelScoreCI      = "维度得分95%置信区间"
	LabelIndicatorCI  = "95%置信区间" // an indicator's score is survey only: its interval is the score's
)

// Rules are the definitions of the result's figures, in Chinese, as a report prints them.
type Rules struct {
	Satisfaction string `json:"satisfaction"` // 满意率
	SurveyCI     string `json:"survey_ci"`    // Dimension.CI95 and Indicator.CI95
	ScoreCI      string `json:"score_ci"`     // Dimension.ScoreCI95
	IPA          string `json:"ipa"`          // IPAPoint.Quadrant
	Problems     string `json:"problems"`     // merging and ranking of Result.Problems
}

// SatisfactionRule defines 满意率.
const SatisfactionRule = "满意率：受访者在该项各题的平均分值不低于75分（单题即选择“满意”或“非常满意”）的人数占该项有效样本的比例"

// SurveyCIRule says what the survey's 95% interval is.
const SurveyCIRule = "问卷部分95%置信区间：受访者分值的平均数 ± 1.96 × 标准差 ÷ √有效样本数，只反映问卷抽样误差；维度的问卷部分区间以受访者在该维度的平均分值计算"

// ScoreCIRule says how a dimension score's interval is made from the survey's.
const ScoreCIRule = "维度得分95%置信区间：维度得分由问卷调查、第三方评估和政策体验官得分按来源权重合成；第三方评估和体验官评分不是抽样调查，视为确定值，只计问卷抽样误差，即以维度得分为中心，半宽为问卷部分置信区间半宽 × 问卷在该维度有数据来源权重中所占比例"

// IPARule says when an indicator is placed in a quadrant.
const IPARule = "重要性—表现分析：重要性为指标分值与总体评价分值的皮尔逊相关系数（95%置信区间按费希尔z变换计算），表现为指标得分（95%置信区间见指标得分表）；以各指标的平均重要性和平均表现为象限分界。只有重要性和表现与均值的差异都显著（置信区间不含均值）时才归入象限；只有一项显著时注明该项（如“表现显著偏低”），都不显著时注明“与均值无显著差异”"

// ProblemRule says how the problems are merged and ranked.
const ProblemRule = "存在问题：问卷调查选项、第三方评估和政策体验官反映的同一问题（文字相同，忽略空格和标点）合并为一条，注明全部来源；第三方评估指出问题的指标问卷得分低于60分的，一并注明。按证据排序：证据值 = 提及率 × 来源数，提及率取各来源中可计算的最高比例（问卷：选择该项的人数 ÷ 该题作答人数；政策体验官：反映该问题的体验官人数 ÷ 提交反馈的体验官人数）；第三方评估逐条指出、无提及率，只由第三方评估指出的问题排在其后，按来源数和条数排序"

// CurrentRules are the rules every result is computed by (a result frozen before they were recorded has none:
// a report of it reads these).
var CurrentRules = Rules{Satisfaction: SatisfactionRule, SurveyCI: SurveyCIRule, ScoreCI: ScoreCIRule, IPA: IPARule, Problems: ProblemRule}
