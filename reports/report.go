// Package reports writes the publishable outputs of an evaluation: one self-contained HTML page
// (report.html, ECharts inlined) and an Excel workbook (report.xlsx). Both are made from one Report,
// which Assemble builds with every text masked for personal data (data/privacy); the rules of
// DESIGN.md "Publication safety" live in html.go (escaping, no network) and xlsxsafe.go (formulas,
// over-long cells).
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
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

// File names written into the output folder.
const (
	HTMLName = "report.html"
	XLSXName = "report.xlsx"
)

// Options tune a report run.
type Options struct {
	Round   string // round name; "" = the policy's latest round
	RawData bool   // add the 原始数据 sheet (valid responses, personal columns dropped)
	// Progress, when set, is told the fraction done (0–1); it is called from the writing goroutine.
	Progress func(done float64)
}

// Write writes DIR/report.html and DIR/report.xlsx for a round of a policy and returns their paths.
func Write(ctx context.Context, s *store.Store, policyID int64, roundName, outDir string, progress func(float64)) (htmlPath, xlsxPath string, err error) {
	return WriteWith(ctx, s, policyID, outDir, Options{Round: roundName, Progress: progress})
}

// WriteWith is Write with options.
func WriteWith(ctx context.Context, s *store.Store, policyID int64, outDir string, opt Options) (htmlPath, xlsxPath string, err error) {
	step := func(f float64) {
		if opt.Progress != nil {
			opt.Progress(f)
		}
	}
	step(0)
	r, err := Build(ctx, s, policyID, opt)
	if err != nil {
		return "", "", err
	}
	step(0.5)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", "", &data.InputError{Msg: fmt.Sprintf("无法创建文件夹 %s：%v", outDir, err), Err: err}
	}
	htmlPath, xlsxPath = filepath.Join(outDir, HTMLName), filepath.Join(outDir, XLSXName)
	if err := writeFile(htmlPath, func(w io.Writer) error { return WriteHTML(w, r) }); err != nil {
		return "", "", err
	}
	if err := ctx.Err(); err != nil {
		return "", "", err
	}
	step(0.7)
	if err := writeFile(xlsxPath, func(w io.Writer) error { return WriteXLSX(w, r) }); err != nil {
		return "", "", err
	}
	step(1)
	return htmlPath, xlsxPath, nil
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
	in := Input{Generated: time.Now(), RawData: opt.RawData}
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
	return in, nil
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
		answers := strings.Join(r.Findings, "；")
		if n := len(r.Opinions); n > 0 {
			if answers != "" {
				answers += "；"
			}
			answers += fmt.Sprintf("回应公众意见 %d 条", n)
		}
		rv := Revision{Clause: r.Clause, Before: r.Before, After: r.After, Reason: r.Reason, Answers: answers, Date: r.Date}
		for _, d := range r.Diff {
			rv.Diff = append(rv.Diff, DiffOp{Op: d.Op, Text: d.Text})
		}
		in.Revisions = append(in.Revisions, rv)
	}
	return nil
}
