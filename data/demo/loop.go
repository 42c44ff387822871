package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gongping/gongping/assets/sample/opinions"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

// Dates of the sample's loop, between the consultation's end and the policy's issue, then after the evaluation.
const (
	DecidedDate  = "2026-04-08"
	RevisionDate = "2026-11-18"
)

// concentratedDecisions decides the sample's mass comments, found by a phrase of their text.
var concentratedDecisions = []struct{ phrase, decision, reason string }{
	{"审批时限", loop.PartlyAdopted, "已将社会投资简易低风险项目审批时限由20个工作日压缩至15个工作日；进一步压缩至10个工作日需规划、消防、人防等部门并联审批系统改造到位，将在实施细则中研究推进。"},
	{"保证金", loop.Adopted, "已在第六条中明确工程质量保证金预留比例不超过工程价款结算总额的1.5%，并允许以银行保函替代现金缴纳。"},
	{"拖欠", loop.Adopted, "已在第十四条中明确30日内支付的要求和逾期利息。"},
	{"房产税", loop.NotAdopted, "房产税、城镇土地使用税的减免属于国家税收法定权限，本市无权自行规定；已将意见转请税务部门研究，第十一条已明确全面落实国家对小微企业的税费优惠政策。"},
	{"免申即享", loop.Adopted, "已在第十条中明确惠企政策“免申即享”。"},
	{"综合查一次", loop.Adopted, "已在第九条中明确推行“综合查一次”。"},
}

// loopStep runs the closed loop on the sample policy as a team would: import the public comments, cluster
// them, decide (with reasons), publish the adoption feedback on the issue date, record the revisions the
// evaluation led to, and publish the evaluation.
func loopStep(ctx context.Context, s *store.Store, policyID int64) error {
	dir, err := os.MkdirTemp("", "gongping-demo-opinions-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "征求意见汇总.xlsx")
	if err := os.WriteFile(path, opinions.XLSX, 0o600); err != nil {
		return err
	}
	if _, err := loop.ImportFile(ctx, s, policyID, path, nil); err != nil {
		return fmt.Errorf("import opinions: %w", err)
	}
	cs, err := loop.Clusters(ctx, s, policyID)
	if err != nil {
		return err
	}
	byPhrase := map[string]int64{}
	var adopt, reject, unrelated []int64
	for _, c := range cs {
		matched := false
		for _, d := range concentratedDecisions {
			if c.Concentrated && strings.Contains(c.Representative, d.phrase) {
				if err := loop.Decide(ctx, s, policyID, loop.DecideInput{Clusters: []int64{c.ID}, Decision: d.decision, Reason: d.reason, Date: DecidedDate}); err != nil {
					return fmt.Errorf("decide cluster %d: %w", c.ID, err)
				}
				byPhrase[d.phrase] = c.ID
				matched = true
			}
		}
		switch {
		case matched:
		case c.Concentrated:
			return fmt.Errorf("sample cluster %d (%s) has no decision", c.ID, c.Representative)
		case strings.Contains(c.Representative, "停车") || strings.Contains(c.Representative, "物业费") || strings.Contains(c.Representative, "稳岗补贴"):
			unrelated = append(unrelated, c.ID)
		case c.ID%7 == 0:
			reject = append(reject, c.ID)
		default:
			adopt = append(adopt, c.ID)
		}
	}
	for _, d := range concentratedDecisions {
		if byPhrase[d.phrase] == 0 {
			return fmt.Errorf("sample has no concentrated cluster about %s", d.phrase)
		}
	}
	// The other, single points in bulk, with the reason templates of the migration.
	for _, b := range []struct {
		ids      []int64
		decision string
		template int64
	}{{adopt, loop.Adopted, 1}, {reject, loop.NotAdopted, 5}, {unrelated, loop.NotHandled, 4}} {
		if len(b.ids) == 0 {
			continue
		}
		if err := loop.Decide(ctx, s, policyID, loop.DecideInput{Clusters: b.ids, Decision: b.decision, Template: b.template, Date: DecidedDate}); err != nil {
			return fmt.Errorf("bulk decisions: %w", err)
		}
	}
	if _, err := loop.Publish(ctx, s, policyID, loop.WhatFeedback, Issued); err != nil {
		return fmt.Errorf("publish feedback: %w", err)
	}

	ops, err := loop.Opinions(ctx, s, policyID)
	if err != nil {
		return err
	}
	var reminder []int64
	for _, o := range ops {
		if strings.Contains(o.Content, "短信提醒") {
			reminder = append(reminder, o.ID)
		}
	}
	for _, r := range []loop.RevisionInput{
		{Clause: "第五条", Before: "社会投资简易低风险项目审批时限不超过20个工作日。",
			After:    "社会投资简易低风险项目审批时限不超过15个工作日，工程规划许可与施工许可并联办理。",
			Reason:   "公众意见中要求压缩审批时限的意见最为集中，执行效果评价中“审批时间长”仍是企业反映最多的问题。",
			Clusters: []int64{byPhrase["审批时限"]}, Findings: []string{"存在问题：审批时间长、环节多", "改进方向：进一步压缩审批时限"}},
		{Clause: "第十条", Before: "符合条件的企业可按规定申请享受惠企政策。",
			After:    "惠企政策实行“免申即享”，符合条件的企业无需申请即可直接享受；确需申请的，审核通过后15个工作日内拨付资金。",
			Reason:   "落实公众意见，并回应评价中政策兑现慢的问题。",
			Clusters: []int64{byPhrase["免申即享"]}, Findings: []string{"存在问题：政策兑现周期长"}},
		{Clause: "第十二条", Before: "推进政务服务“一网通办”。",
			After:    "推进政务服务“一网通办”，办件进度实时推送短信提醒，高频事项实现“全程网办”。",
			Reason:   "体验官和问卷反映办件进度不透明。",
			Opinions: reminder, Findings: []string{"改进方向：提升线上办理便利度"}},
	} {
		r.Date = RevisionDate
		if _, err := loop.AddRevision(ctx, s, policyID, r); err != nil {
			return fmt.Errorf("revision of %s: %w", r.Clause, err)
		}
	}
	if _, err := loop.Publish(ctx, s, policyID, loop.WhatEvaluation, EvalDate); err != nil {
		return fmt.Errorf("publish evaluation: %w", err)
	}
	return nil
}
