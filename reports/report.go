// Package reports writes the publishable outputs of an evaluation: the evaluation report (政策执行效果
// 评估报告) as one document (evaluation.go) written as a static, printable HTML page (report.html, through
// reports/dochtml: no script, charts as SVG) and a GB/T 9704 Word file (report.docx, through reports/docx),
// and an Excel workbook of the data (report.xlsx). All are made from one Report, which Assemble builds
// with every text masked for personal data (data/privacy); each section opens with a text drafted by
// data/narrative or edited by the team (Options.Texts). The rules of DESIGN.md "Publication safety" live in
// reports/dochtml (escaping, no network, CSP) and xlsxsafe.go (formulas, over-long cells).
package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

// File names written into the output folder.
const (
	HTMLName = "report.html"
	DOCXName = "report.docx"
	XLSXName = "report.xlsx"
)

// Options tune a report run. The zero value writes the report of the latest round with every section,
// GongPing's drafted texts, and the report dated the day the evaluation was last published (else today).
type Options struct {
	Round   string // round name; "" = the policy's latest round
	RawData bool   // add the 原始数据 sheet (valid responses, personal columns dropped)
	// Progress, when set, is told the fraction done (0–1); it is called from the writing goroutine.
	Progress func(done float64)

	// Date is the report date (成文日期): under the 落款 and wherever the report names its date.
	// Zero: the date the evaluation was last published (gongping publish --what evaluation), else today.
	Date time.Time
	// Agency is the 评估机构 (it signs the report); Commissioner the 委托单位. Both "" = the policy's
	// department evaluated its own policy and signs.
	Agency, Commissioner string
	// Texts are the team's edited section texts, keyed by narrative.Sections' stable keys (the workspace
	// stores them per round). A section with a non-blank text here is published with it; every other
	// section with GongPing's draft (narrative.Draft of the same numbers). Unknown keys are ignored.
	Texts map[narrative.Section]string
	// Sections switches the optional sections (those with narrative.Def.Optional: narrative.Groups,
	// narrative.Methods, narrative.Quotes, narrative.Checks): Sections[k] == false leaves k out; a
	// section not in the map is published. The other sections are always there.
	Sections map[narrative.Section]bool
	// GroupBy are the single-choice questions ("Q1" or the question's text) whose answers split the
	// respondents for 不同群体评价; each costs one more scoring pass. Empty: no group breakdown.
	GroupBy []string
	// Excluded are the open answers not to be quoted (the team's 不引用 and the proposals it left standing:
	// loop.Quotes); they are counted as answered but not listed.
	Excluded map[data.AnswerRef]bool
}

// Files are the paths of the files a report run wrote.
type Files struct{ HTML, DOCX, XLSX string }

// Write writes DIR/report.html, DIR/report.docx and DIR/report.xlsx for a round of a policy and returns
// the paths of the page and the workbook.
func Write(ctx context.Context, s *store.Store, policyID int64, roundName, outDir string, progress func(float64)) (htmlPath, xlsxPath string, err error) {
	return WriteWith(ctx, s, policyID, outDir, Options{Round: roundName, Progress: progress})
}

// WriteWith is Write with options.
func WriteWith(ctx context.Context, s *store.Store, policyID int64, outDir string, opt Options) (htmlPath, xlsxPath string, err error) {
	f, err := WriteFiles(ctx, s, policyID, outDir, opt)
	return f.HTML, f.XLSX, err
}

// WriteFiles writes DIR/report.html, DIR/report.docx and DIR/report.xlsx and returns their paths.
func WriteFiles(ctx context.Context, s *store.Store, policyID int64, outDir string, opt Options) (Files, error) {
	step := func(f float64) {
		if opt.Progress != nil {
			opt.Progress(f)
		}
	}
	step(0)
	r, err := Build(ctx, s, policyID, opt)
	if err != nil {
		return Files{}, err
	}
	step(0.5)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return Files{}, &data.InputError{Msg: fmt.Sprintf("无法创建文件夹 %s：%v", outDir, err), Err: err}
	}
	f := Files{HTML: filepath.Join(outDir, HTMLName), DOCX: filepath.Join(outDir, DOCXName), XLSX: filepath.Join(outDir, XLSXName)}
	for _, w := range []struct {
		path string
		fn   func(io.Writer, *Report) error
		done float64
	}{{f.HTML, WriteHTML, 0.6}, {f.DOCX, WriteDOCX, 0.8}, {f.XLSX, WriteXLSX, 1}} {
		if err := writeFile(w.path, func(out io.Writer) error { return w.fn(out, r) }); err != nil {
			return Files{}, err
		}
		if err := ctx.Err(); err != nil {
			return Files{}, err
		}
		step(w.done)
	}
	return f, nil
}

// writeFile writes a report through data.WriteFileAtomic: a failed or cancelled run never leaves a
// half-written report where the old one was.
func writeFile(path string, fn func(io.Writer) error) error { return data.WriteFileAtomic(path, fn) }

// Preview reports how many personal items the report of this round would mask, without writing it.
func Preview(ctx context.Context, s *store.Store, policyID int64, opt Options) (privacy.Counts, error) {
	r, err := Build(ctx, s, policyID, opt)
	if err != nil {
		return privacy.Counts{}, err
	}
	return r.Masked, nil
}

// Build reads everything the report shows from the store and assembles it (masked).
func Build(ctx context.Context, s *store.Store, policyID int64, opt Options) (*Report, error) {
	in, err := Load(ctx, s, policyID, opt)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return Assemble(in), nil
}

// Load reads the report's input from the store.
func Load(ctx context.Context, s *store.Store, policyID int64, opt Options) (Input, error) {
	in := Input{Generated: time.Now(), RawData: opt.RawData, Date: opt.Date, Agency: opt.Agency, Commissioner: opt.Commissioner,
		Texts: opt.Texts, Sections: opt.Sections, Excluded: opt.Excluded}
	p, err := s.Policy(ctx, policyID)
	if err != nil {
		return in, err
	}
	in.Policy = p
	if c, err := s.Consultation(ctx, policyID); err == nil {
		in.Consultation = &c
	} else if !errors.Is(err, data.ErrNotFound) {
		return in, err
	}
	round, err := s.ResolveRound(ctx, policyID, opt.Round)
	switch {
	case err == nil:
		in.Round = round.Name
		if in.Survey, err = loadSurvey(ctx, s, round); err != nil {
			return in, err
		}
		in.Result, in.ScoreError, err = loadScore(ctx, s, policyID, round.Name, in.Survey, opt.Progress)
		if err != nil {
			return in, err
		}
		if in.Result != nil {
			if sc := in.Result.Method.Scheme; sc != nil {
				in.Scheme = sc.Name
			}
			if in.Breakdowns, err = loadBreakdowns(ctx, s, policyID, round.Name, in.Survey, opt.GroupBy); err != nil {
				return in, err
			}
		}
	case opt.Round == "" && errors.Is(err, data.ErrNotFound):
		// No round yet (e.g. only the consultation's opinions): the report shows the rest and says why.
		in.ScoreError = "尚无评价轮次（未导入问卷、第三方评估或体验官反馈）"
	default:
		return in, err
	}
	cr, err := check.Run(ctx, s, policyID)
	if err != nil {
		return in, fmt.Errorf("checklist: %w", err)
	}
	in.Checks = &cr
	if err := loadLoop(ctx, s, policyID, &in); err != nil {
		return in, err
	}
	// 体验官 feedback is signed; their names stay out of the published texts too.
	officers, err := s.Officers(ctx, policyID)
	if err != nil {
		return in, err
	}
	for _, o := range officers {
		in.Names = append(in.Names, o.Name)
	}
	in.Officers = len(officers)
	if in.Date.IsZero() {
		// The report is dated the day it was published, so "已于……公开" and the 落款 agree.
		pubs, err := loop.Publications(ctx, s, policyID, loop.WhatEvaluation)
		if err != nil {
			return in, fmt.Errorf("publications: %w", err)
		}
		if n := len(pubs); n > 0 {
			if t, err := time.ParseInLocation(data.DateLayout, pubs[n-1].Date, time.Local); err == nil {
				in.Date = t
			}
		}
	}
	return in, nil
}

// loadBreakdowns scores the round once more per group question (不同群体评价); a question that does not
// exist or cannot split the respondents is the user's error.
func loadBreakdowns(ctx context.Context, s *store.Store, policyID int64, round string, survey *data.SurveyData, by []string) ([]*score.Breakdown, error) {
	var out []*score.Breakdown
	for _, q := range by {
		if strings.TrimSpace(q) == "" {
			continue
		}
		res, err := score.ScoreWith(ctx, s, policyID, score.Options{Round: round, Survey: survey, By: q})
		if err != nil {
			return nil, err
		}
		if res.Breakdown != nil {
			out = append(out, res.Breakdown)
		}
	}
	return out, nil
}

// loadScore scores the round; a round that cannot be scored (bad scheme, no data) gives the reason as
// scoreErr, since the report still shows everything else and says why there is no score.
func loadScore(ctx context.Context, s *store.Store, policyID int64, round string, survey *data.SurveyData, progress func(float64)) (res *score.Result, scoreErr string, err error) {
	res, err = score.ScoreWith(ctx, s, policyID, score.Options{Round: round, Survey: survey, Progress: func(f float64) {
		if progress != nil {
			progress(0.05 + 0.4*f) // scoring is most of the reading
		}
	}})
	var ie *data.InputError
	switch {
	case err == nil:
		return res, "", nil
	case errors.As(err, &ie):
		return nil, ie.Error(), nil
	}
	return nil, "", fmt.Errorf("score round %q: %w", round, err)
}

// loadSurvey reads the round's survey answers (open text and raw data); nil when the round has none.
func loadSurvey(ctx context.Context, s *store.Store, round data.Round) (*data.SurveyData, error) {
	if round.ID == 0 {
		return nil, nil
	}
	sd, err := s.SurveyData(ctx, round.ID)
	if errors.Is(err, data.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("survey data of round %q: %w", round.Name, err)
	}
	return sd, nil
}

// loadLoop reads the adoption decisions and the current revision records of the policy, and the
// opinion submitters' names (to be masked wherever they appear). Published are the concentrated
// clusters, every cluster with a decision and every opinion decided on its own; scattered undecided
// opinions are left to the adoption feedback work.
func loadLoop(ctx context.Context, s *store.Store, policyID int64, in *Input) error {
	cs, err := loop.Clusters(ctx, s, policyID)
	if err != nil {
		return fmt.Errorf("opinion clusters: %w", err)
	}
	for _, c := range cs {
		if !c.Concentrated && c.Decision == nil {
			continue
		}
		a := Adoption{Representative: c.Representative, Size: c.Size, Concentrated: c.Concentrated, Clauses: strings.Join(c.Clauses, "、")}
		if c.Decision != nil {
			a.Decision = *c.Decision
		}
		if c.Reason != nil {
			a.Reason = *c.Reason
		}
		in.Adoptions = append(in.Adoptions, a)
	}
	sum, err := loop.GetSummary(ctx, s, policyID)
	if err != nil {
		return fmt.Errorf("opinion summary: %w", err)
	}
	in.Opinions = OpinionCounts{Opinions: sum.Opinions, Clusters: sum.Clusters, Concentrated: sum.Concentrated, AdoptionRate: sum.AdoptionRate}
	ops, err := loop.Opinions(ctx, s, policyID)
	if err != nil {
		return fmt.Errorf("opinions: %w", err)
	}
	clusterOf := map[int64]loop.Cluster{}
	for _, c := range cs {
		clusterOf[c.ID] = c
	}
	opinionOf := map[int64]loop.Opinion{}
	for _, o := range ops {
		opinionOf[o.ID] = o
	}
	for _, o := range ops {
		in.Names = append(in.Names, o.Submitter)
		if o.OwnDecision && o.Decision != nil {
			a := Adoption{Representative: o.Content, Size: 1, Clauses: o.Clause, Decision: *o.Decision}
			if o.Reason != nil {
				a.Reason = *o.Reason
			}
			in.Adoptions = append(in.Adoptions, a)
		}
	}
	rs, err := loop.Revisions(ctx, s, policyID)
	if err != nil {
		return fmt.Errorf("revision records: %w", err)
	}
	for _, r := range rs {
		if r.Withdrawn {
			continue
		}
		rv := Revision{Clause: r.Clause, Before: r.Before, After: r.After, Reason: r.Reason, Date: r.Date, Findings: r.Findings}
		// What the public said that this revision answers: its clusters, then the opinions named one by
		// one that are not members of those clusters; counted once each.
		answered := map[int64]bool{}
		for _, id := range r.Clusters {
			c, ok := clusterOf[id]
			if !ok {
				continue // a cluster since dissolved by re-grouping: its opinions may be named below
			}
			ac := AnsweredCluster{Representative: c.Representative, Size: c.Size, Concentrated: c.Concentrated}
			if c.Decision != nil {
				ac.Decision = *c.Decision
			}
			rv.Clusters = append(rv.Clusters, ac)
			for _, o := range c.Opinions {
				answered[o] = true
			}
		}
		for _, id := range r.Opinions {
			if answered[id] {
				continue
			}
			if o, ok := opinionOf[id]; ok {
				answered[id] = true
				rv.Opinions = append(rv.Opinions, o.Content)
			}
		}
		rv.OpinionCount = len(answered)
		answers := strings.Join(r.Findings, "；")
		if n := rv.OpinionCount; n > 0 {
			if answers != "" {
				answers += "；"
			}
			answers += fmt.Sprintf("回应公众意见 %d 条", n)
		}
		rv.Answers = answers
		for _, d := range r.Diff {
			rv.Diff = append(rv.Diff, DiffOp{Op: d.Op, Text: d.Text})
		}
		in.Revisions = append(in.Revisions, rv)
	}
	return nil
}
