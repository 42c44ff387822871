package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

func schemeSet(f *flags) action {
	path := f.takeFile("评价方案")
	var sc *score.Scheme
	f.checkWith(func() error {
		b, err := os.ReadFile(*path)
		if err != nil {
			return data.InputErrorf("无法读取评价方案文件 %s", filepath.Base(*path))
		}
		sc, err = score.ParseSchemeFile(b)
		return err
	})
	return func(e *env) error {
		ch, err := score.SaveScheme(e.ctx, e.store, e.policy, sc, filepath.Base(*path))
		if err != nil {
			return err
		}
		printSchemeChange(e, ch)
		return nil
	}
}

// printSchemeChange tells, on stderr, what replacing a scheme did and how to undo it.
func printSchemeChange(e *env, ch score.SchemeChange) {
	switch {
	case ch.Version == 0:
		fmt.Fprintf(e.stderr, "gongping: 评价方案与当前方案（第 %d 版）相同，没有改动\n", ch.Replaced)
		return
	case ch.Replaced == 0:
		return
	}
	fmt.Fprintf(e.stderr, "gongping: 评价方案已保存为第 %d 版；替换前的第 %d 版仍在方案历史中，可用 gongping scheme restore --db %s --policy %d --version %d 恢复",
		ch.Version, ch.Replaced, e.db, e.policy, ch.Replaced)
	if ch.Backup != "" {
		fmt.Fprintf(e.stderr, "；替换前已自动备份工作区（%s）", ch.Backup)
	}
	fmt.Fprintln(e.stderr)
	for _, p := range ch.Published {
		fmt.Fprintf(e.stderr, "gongping: 注意：被替换的方案给出了 %s 公开的评价报告（第 %d 版）中的得分；已公开的内容不变，此后的评分使用新方案\n", p.Date, p.Version)
	}
}

// printSchemeHistory shows the versions of a policy's scheme, the current one and those a publication used marked.
func printSchemeHistory(w io.Writer, h []score.SchemeVersion) error {
	if len(h) == 0 {
		fmt.Fprintln(w, "尚未保存评价方案")
		return nil
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "版本\t保存时间 (UTC)\t来源\t方案名称\t指标数\t说明")
	for _, v := range h {
		var notes []string
		if v.Current {
			notes = append(notes, "当前方案")
		}
		for _, p := range v.Published {
			notes = append(notes, fmt.Sprintf("用于 %s 公开的评价（第 %d 版）", p.Date, p.Version))
		}
		src := v.Source
		if src == "" {
			src = "—"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", v.Version, strings.Replace(strings.TrimSuffix(v.SavedAt, "Z"), "T", " ", 1), src, v.Name, v.Indicators, strings.Join(notes, "；"))
	}
	return tw.Flush()
}

func schemeRestore(f *flags) action {
	ver := f.id("version", "要恢复的方案版本（gongping scheme history 列出）")
	f.need("version")
	return func(e *env) error {
		ch, err := score.RestoreScheme(e.ctx, e.store, e.policy, int(*ver))
		if err != nil {
			return err
		}
		printSchemeChange(e, ch)
		return nil
	}
}

func schemeGet(f *flags) action {
	out := f.String("out", "", "写入这个文件（.json 或 .xlsx；默认：以 JSON 输出到标准输出）")
	return func(e *env) error {
		sc, set, _, err := score.SchemeToEdit(e.ctx, e.store, e.policy)
		if err != nil {
			return err
		}
		if !set {
			fmt.Fprintln(e.stderr, "gongping scheme get: 尚未设置评价方案，输出的是默认方案（题目按文字自动匹配），请核对后用 scheme set 保存")
		}
		if *out == "" {
			_, err := e.stdout.Write(sc.JSON())
			return err
		}
		var buf bytes.Buffer
		if strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			if err := sc.WriteXLSX(&buf); err != nil {
				return err
			}
		} else {
			buf.Write(sc.JSON())
		}
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return data.InputErrorf("无法写入 %s：%v", *out, err)
		}
		return nil
	}
}

// importAssessment imports a score sheet; a sheet with one score column per rated unit gives one
// assessment per unit, or only those named with --unit (repeatable).
func importAssessment(f *flags) action {
	var units multi
	f.Var(&units, "unit", "只导入这一被评单位的得分列（每个单位一列得分的评分表；可重复）")
	return importSheet(f, "第三方评估", func(ctx context.Context, s *store.Store, policyID int64, round, path string) (*assess.Summary, error) {
		var opt assess.AssessmentOptions
		if len(units) > 0 {
			opt.Units = units
		}
		return assess.ImportAssessmentWith(ctx, s, policyID, round, path, opt)
	})
}

func importOfficers(f *flags) action { return importSheet(f, "体验官反馈", assess.ImportOfficers) }

// importSheet runs a score-sheet importer; what names the kind of sheet in the message.
func importSheet(f *flags, what string, fn func(ctx context.Context, s *store.Store, policyID int64, round, path string) (*assess.Summary, error)) action {
	round := f.String("round", "", "导入到哪一轮（不存在时新建；默认：该政策最近的一轮）")
	path := f.takeFile(what)
	return func(e *env) error {
		sum, err := fn(e.ctx, e.store, e.policy, *round, *path)
		if err != nil {
			return err
		}
		return printJSON(e.stdout, sum)
	}
}

func scoreCmd(f *flags) action {
	round := f.roundFlag()
	by := f.String("by", "", "按这道题的选项分组列出得分（题号如 Q2，或题目文字）")
	asJSON := f.jsonFlag()
	return func(e *env) error {
		res, err := score.ScoreWith(e.ctx, e.store, e.policy, score.Options{Round: *round, By: *by})
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, res)
		}
		w := e.stdout
		fmt.Fprintf(w, "政策 %d　评价轮次：%s\n", res.Policy, res.Round)
		r := res.Respondents
		incomplete := ""
		if r.Excluded.Incomplete > 0 {
			incomplete = fmt.Sprintf("未完成 %d，", r.Excluded.Incomplete)
		}
		fmt.Fprintf(w, "答卷：导入 %d，有效 %d（%s快速作答 %d，直线作答 %d，重复 %d，人工剔除 %d，人工恢复 %d）\n",
			r.Imported, r.Valid, incomplete, r.Excluded.Speeders, r.Excluded.Straightliners, r.Excluded.Duplicates, r.Excluded.Manual, r.Restored)
		if res.Composite.HeldBack == score.NoSchemeReason {
			// No grade, no dimension scores: say how to set a scheme (the editor's draft can be exported).
			fmt.Fprintf(w, "尚未设置评价方案，不计分：请用 gongping scheme set --db %s --policy %d 方案.json（或 .xlsx）设置评价方案；"+
				"gongping scheme get --db %s --policy %d --out 方案.xlsx 可导出按题目文字匹配的草稿，核对后再导入\n", e.db, e.policy, e.db, e.policy)
			for _, wn := range res.Warnings {
				if wn != score.NoSchemeReason {
					fmt.Fprintf(w, "注意：%s\n", wn)
				}
			}
			return nil
		}
		for _, d := range res.Dimensions {
			if d.HeldBack != "" {
				fmt.Fprintf(w, "%s：暂缓计分（%s）\n", d.Name, d.HeldBack)
				continue
			}
			fmt.Fprintf(w, "%s：%s（问卷 %s，第三方 %s，体验官 %s，n=%d）\n", d.Name, num1(d.Score), num1(d.Survey), num1(d.Assessment), num1(d.Officers), d.N)
		}
		if res.Composite.HeldBack != "" {
			fmt.Fprintf(w, "综合得分：暂缓计分　等级：—（%s）\n", res.Composite.HeldBack)
		} else {
			grade := "—"
			if res.Composite.Grade != nil {
				grade = *res.Composite.Grade
			}
			fmt.Fprintf(w, "综合得分：%s　等级：%s\n", num1(res.Composite.Score), grade)
		}
		for _, wn := range res.Warnings {
			fmt.Fprintf(w, "注意：%s\n", wn)
		}
		return nil
	}
}

// num1 shows a score with one decimal, "—" when there is no data.
func num1(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f", *v)
}

// responseOverride records, or with reset clears, a hand decision on one response of the round.
func responseOverride(act string) func(*flags) action {
	return func(f *flags) action {
		respID := f.id("id", "答卷编号（窗口“问卷”页表格的第一列）")
		note := new(string)
		if act == "exclude" {
			note = f.String("note", "", "剔除的原因")
		}
		f.need("id")
		return func(e *env) error {
			if act == "reset" {
				return score.ClearOverride(e.ctx, e.store, *respID)
			}
			return score.SetOverride(e.ctx, e.store, e.round.ID, *respID, act == "restore", *note)
		}
	}
}
