// Package narrative drafts the text that opens each section of the evaluation report (评估报告) from the
// numbers: plain official Chinese such as "本次评估共回收有效问卷1,200份……执行过程维度得分66.3分，处于“中”等级".
//
// The sections are a fixed, ordered list with stable keys (Sections): the workspace stores the team's edited
// text per round under these keys, and the report uses an edited text when there is one and Draft's
// otherwise. Draft is a pure function of Inputs (the score result and the facts of the closed loop), so the
// window, the command line and the tests draft the same words.
//
// Every text Draft returns may quote imported text (indicator names, problem options, assessment texts):
// the report masks it like any other text before publishing.
package narrative

// Section is the key of one part of the evaluation report. The values are stored in workspaces: never
// change one.
type Section string

// The sections, in the order of the report.
const (
	Summary      Section = "summary"      // 摘要（总体结论）
	Background   Section = "background"   // 一、（一）评估背景
	Basis        Section = "basis"        // 一、（二）评估依据
	Period       Section = "period"       // 一、（三）评估时间
	Organisation Section = "organisation" // 一、（四）组织实施
	Method       Section = "method"       // 一、（五）评估方法
	Sample       Section = "sample"       // 一、（六）样本情况
	Execution    Section = "execution"    // 二、政策执行情况 (the composite and the three dimensions)
	Process      Section = "process"      // 二、（一）执行过程
	Standards    Section = "standards"    // 二、（二）细则标准
	Groups       Section = "groups"       // 二、（三）不同群体评价 (group breakdowns; optional)
	Results      Section = "results"      // 三、取得成效
	Problems     Section = "problems"     // 四、存在问题
	Suggestions  Section = "suggestions"  // 五、改进建议
	Revisions    Section = "revisions"    // 五、（二）修订完善情况
	Methods      Section = "methods"      // 附件 评价方法 (optional)
	Data         Section = "data"         // 附件 数据表
	Quotes       Section = "quotes"       // 附件 数据表：群众意见摘编 (optional)
	Charts       Section = "charts"       // 附件 图表
	Checks       Section = "checks"       // 附件 公众参与法定要求自查情况 (the statutory self-check; optional)
)

// Def describes a section.
type Def struct {
	Key   Section
	Title string // the heading as published, without its number
	// Optional sections may be left out of the report by the team (reports.Options.Sections); the others
	// are always there.
	Optional bool
}

// Sections lists every section in the order of the report.
var Sections = []Def{
	{Summary, "摘要", false},
	{Background, "评估背景", false},
	{Basis, "评估依据", false},
	{Period, "评估时间", false},
	{Organisation, "组织实施", false},
	{Method, "评估方法", false},
	{Sample, "样本情况", false},
	{Execution, "政策执行情况", false},
	{Process, "执行过程", false},
	{Standards, "细则标准", false},
	{Groups, "不同群体评价", true},
	{Results, "取得成效", false},
	{Problems, "存在问题", false},
	{Suggestions, "改进建议", false},
	{Revisions, "修订完善情况", false},
	{Methods, "评价方法", true},
	{Data, "数据表", false},
	{Quotes, "群众意见摘编", true},
	{Charts, "图表", false},
	{Checks, "公众参与法定要求自查情况", true},
}

// Lookup returns the definition of a section key; false for an unknown key (e.g. one stored by a newer
// version).
func Lookup(k Section) (Def, bool) {
	for _, d := range Sections {
		if d.Key == k {
			return d, true
		}
	}
	return Def{}, false
}

// Title is the section's heading text; the key itself when unknown.
func (k Section) Title() string {
	if d, ok := Lookup(k); ok {
		return d.Title
	}
	return string(k)
}
