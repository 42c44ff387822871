package data

import (
	"fmt"
	"strings"
)

// Categories are the 12 areas the Beijing measures list, plus 其他.
var Categories = []string{
	"经济社会发展规划", "城市精细化管理", "科技创新中心建设", "文化中心建设", "营商环境", "市场监管",
	"社会管理", "公共服务", "自然资源开发利用保护", "公共建设项目计划", "政府工作报告重点任务", "重要民生实事", "其他",
}

// Stage is a step of the closed loop a policy has reached.
type Stage string

// The stages of the closed loop, in order.
const (
	StageNeeds        Stage = "needs"          // 需求征集
	StageConsultation Stage = "consultation"   // 征求意见
	StageFeedback     Stage = "feedback"       // 采纳反馈
	StageImplement    Stage = "implementation" // 执行
	StageEvaluation   Stage = "evaluation"     // 评价
	StageRevision     Stage = "revision"       // 修订
	StagePublished    Stage = "published"      // 公开
)

// Stages lists every stage in loop order.
var Stages = []Stage{StageNeeds, StageConsultation, StageFeedback, StageImplement, StageEvaluation, StageRevision, StagePublished}

// StageNames gives each stage's Chinese name.
var StageNames = map[Stage]string{
	StageNeeds: "需求征集", StageConsultation: "征求意见", StageFeedback: "采纳反馈", StageImplement: "执行",
	StageEvaluation: "评价", StageRevision: "修订", StagePublished: "公开",
}

// ParseStage accepts a stage key or its Chinese name.
func ParseStage(s string) (Stage, error) {
	for _, st := range Stages {
		if s == string(st) || s == StageNames[st] {
			return st, nil
		}
	}
	return "", InputErrorf("未知的阶段 %q，可选：%s", s, strings.Join(stageKeys(), ", "))
}

func stageKeys() []string {
	out := make([]string, len(Stages))
	for i, s := range Stages {
		out[i] = string(s) + "/" + StageNames[s]
	}
	return out
}

// Policy is one policy document under evaluation (政策措施).
type Policy struct {
	ID           int64  `json:"id"`
	Title        string `json:"title"`
	DocNo        string `json:"doc_no"`     // 文号
	Dept         string `json:"dept"`       // 承办单位
	Category     string `json:"category"`   // one of Categories
	Stage        Stage  `json:"stage"`      // loop stage reached
	DraftDate    string `json:"draft_date"` // 起草日期, "" when unknown
	Issued       string `json:"issued"`     // 印发日期, "" when not issued
	UsesOfficers bool   `json:"uses_officers"`
}

// Validate checks a policy before it is stored and writes its dates as DateLayout; the error is safe to
// show a user.
func (p *Policy) Validate() error {
	p.Title = strings.TrimSpace(p.Title)
	p.Dept = strings.TrimSpace(p.Dept)
	p.Category = strings.TrimSpace(p.Category)
	p.DocNo = strings.TrimSpace(p.DocNo)
	switch {
	case p.Title == "":
		return InputErrorf("请填写政策标题 (title is required)")
	case len([]rune(p.Title)) > 500:
		return InputErrorf("政策标题过长（最多 500 字）")
	case p.Dept == "":
		return InputErrorf("请填写承办单位 (department is required)")
	case len([]rune(p.Dept)) > 200:
		return InputErrorf("承办单位过长（最多 200 字）")
	case !isCategory(p.Category):
		return InputErrorf("未知的政策类别 %q，可选：%s", p.Category, strings.Join(Categories, "、"))
	}
	if p.Stage == "" {
		p.Stage = StageNeeds
	}
	if _, err := ParseStage(string(p.Stage)); err != nil {
		return err
	}
	for _, d := range []struct {
		name string
		v    *string
	}{{"起草日期", &p.DraftDate}, {"印发日期", &p.Issued}} {
		v, err := NormalizeDate(*d.v)
		if err != nil {
			return InputErrorf("%s：%v", d.name, err)
		}
		*d.v = v
	}
	// Both dates are typed in one form: one of them is wrong (see ConsultationDateWarnings for dates
	// kept in different places).
	if p.DraftDate != "" && p.Issued != "" && p.Issued < p.DraftDate {
		return InputErrorf("印发日期 %s 早于起草日期 %s：政策应在起草之后印发，请核对这两个日期", p.Issued, p.DraftDate)
	}
	return nil
}

func isCategory(c string) bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// PolicyNotFound is the user-facing error for a missing policy id.
func PolicyNotFound(id int64) error {
	return &InputError{Msg: fmt.Sprintf("找不到政策 %d (no such policy)", id), Err: ErrNotFound}
}

// PolicyFilter narrows ListPolicies; empty fields match everything.
type PolicyFilter struct {
	Category, Dept string
	Stage          Stage
	Search         string // substring of the title
}
