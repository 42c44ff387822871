package reports

import "github.com/gongping/gongping/data/score"

// The short notes under the evaluation document's tables and figures (资料来源 lines): score's rules in
// short; in full they are Report.Rules, printed in the methods attachment.

const (
	noteScoreCI     = "95%置信区间为" + score.LabelScoreCI + "，只计问卷抽样误差，第三方评估和政策体验官评分视为确定值"
	noteProblems    = "同一问题由多个来源反映的合并为一行；按证据值（提及率×来源数）排序，提及率取各来源中的最高比例"
	noteProblemPlot = "按证据值（提及率×来源数）排序，提及率取各来源中的最高比例"
	noteIPA         = "重要性和表现与均值的差异都显著（95%置信区间不含均值）时才归入象限，否则注明哪项显著或“与均值无显著差异”；各指标的置信区间见数据工作簿"
	noteIPAPlot     = "点所在区域仅按均值划分，与均值差异不显著的指标不归入象限（判定见附件数据表）"
)
