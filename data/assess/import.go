package assess

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Summary is what an import prints (DESIGN.md's import summary JSON).
type Summary struct {
	Format    string   `json:"format"`
	Round     string   `json:"round"`
	Rows      int      `json:"rows"`      // data rows read
	Imported  int      `json:"imported"`  // rows stored (assessment: indicator rows, each stored once per unit)
	Questions int      `json:"questions"` // assessment: indicators; officers: score columns
	Scale     int      `json:"scale,omitempty"`
	Units     []string `json:"units,omitempty"` // assessment: the rated units, one score column each
	Warnings  []string `json:"warnings"`
}

// ImportAssessment reads a third-party score sheet into a round (created on first use) of a policy. The
// whole file is stored or nothing; the same file twice in a round is refused. A sheet with one score
// column per rated unit is stored as one assessment per unit.
func ImportAssessment(ctx context.Context, s *store.Store, policyID int64, round, path string) (*Summary, error) {
	return ImportAssessmentWith(ctx, s, policyID, round, path, AssessmentOptions{})
}

// AssessmentOptions are the choices of an assessment import.
type AssessmentOptions struct {
	// Units keeps only these rated units of a sheet with one score column per unit (the names the
	// summary's units lists); nil imports every unit, averaged into A_d. Naming a unit the sheet does
	// not have, or any unit on a sheet with one 得分 column, refuses the file.
	Units []string
}

// ImportAssessmentWith is ImportAssessment with options.
func ImportAssessmentWith(ctx context.Context, s *store.Store, policyID int64, round, path string, opt AssessmentOptions) (*Summary, error) {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return nil, err
	}
	rows, sum, sha, err := readAssessment(path, opt.Units)
	if err != nil {
		return nil, err
	}
	round = roundName(ctx, s, policyID, round)
	err = s.Tx(ctx, func(tx *store.Tx) error {
		rd, err := tx.EnsureRound(ctx, policyID, round)
		if err != nil {
			return err
		}
		sum.Round = rd.Name
		return tx.AddAssessment(ctx, rd, store.ImportFile{Name: baseName(path), SHA256: sha, Format: sum.Format, Warnings: sum.Warnings}, rows)
	})
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// roundName is the round an import goes to: the named one, else the policy's latest (默认 when none).
func roundName(ctx context.Context, s *store.Store, policyID int64, round string) string {
	if strings.TrimSpace(round) != "" {
		return round
	}
	if rd, err := s.ResolveRound(ctx, policyID, ""); err == nil {
		return rd.Name
	}
	return data.DefaultRound
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

var officerCols = []column{
	{"name", []string{"姓名", "体验官", "体验官姓名", "政策体验官"}},
	{"date", []string{"日期", "反馈日期", "填写日期", "体验日期", "时间"}},
	{"process", []string{"执行过程", "执行过程评分", "执行过程得分"}},
	{"standards", []string{"细则标准", "细则标准评分", "细则标准得分"}},
	{"results", []string{"取得成效", "取得成效评分", "取得成效得分"}},
	{"problems", []string{"存在问题", "问题", "发现问题"}},
	{"suggestions", []string{"改进建议", "建议", "意见建议"}},
}

// ReadOfficers parses a 体验官 feedback sheet. Scores are 0–100 or 1–5 for the whole sheet: 1–5 when a
// score header says so (5分制, 1-5, 五分) or, failing that, when every score is between 1 and 5.
func ReadOfficers(path string, roster []data.Officer) ([]Feedback, *Summary, string, error) {
	g, err := readGrid(path)
	if err != nil {
		return nil, nil, "", err
	}
	hi, pos, err := findHeader(g, officerCols, []string{"name"})
	if err != nil {
		return nil, nil, "", err
	}
	var scoreCols []string
	for _, k := range DimensionKeys {
		if _, ok := pos[k]; ok {
			scoreCols = append(scoreCols, k)
		}
	}
	if len(scoreCols) == 0 {
		return nil, nil, "", data.InputErrorf("%s：表头中没有评分列，请至少包含“执行过程”“细则标准”“取得成效”之一", g.name)
	}
	header := g.rows[hi]
	col := func(f string) int {
		if c, ok := pos[f]; ok {
			return c
		}
		return -1
	}
	scale := 0
	for _, k := range scoreCols {
		h := header.cell(pos[k])
		switch {
		case strings.Contains(h, "5分") || strings.Contains(h, "1-5") || strings.Contains(h, "1～5") || strings.Contains(h, "五分"):
			scale = 5
		case strings.Contains(h, "100") || strings.Contains(h, "百分"):
			scale = 100
		}
	}
	type raw struct {
		fb   Feedback
		vals map[string]float64
	}
	var out []raw
	onRoster := map[string]bool{}
	for _, o := range roster {
		onRoster[o.Name] = true
	}
	sum := &Summary{Format: "officers-" + g.format, Warnings: append([]string{}, g.mended...), Questions: len(scoreCols)}
	maxSeen := 0.0
	for _, r := range g.rows[hi+1:] {
		name := r.cell(col("name"))
		empty := name == ""
		for _, k := range scoreCols {
			if r.cell(pos[k]) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		sum.Rows++
		if name == "" {
			return nil, nil, "", data.InputErrorf("%s：%s缺少体验官姓名", g.name, cellRef(r.num, col("name")))
		}
		if len([]rune(name)) > 100 {
			return nil, nil, "", data.InputErrorf("%s：%s的姓名过长", g.name, cellRef(r.num, col("name")))
		}
		fb := Feedback{Line: r.num, Name: name, Problems: r.cell(col("problems")), Suggestions: r.cell(col("suggestions"))}
		if d := r.cell(col("date")); d != "" {
			t, ok := parseDate(d)
			if !ok {
				return nil, nil, "", data.InputErrorf("%s：%s无法识别的日期 %q，请使用 2026-05-01 这样的格式", g.name, cellRef(r.num, col("date")), d)
			}
			fb.Date = t
		}
		vals := map[string]float64{}
		for _, k := range scoreCols {
			s := r.cell(pos[k])
			if s == "" {
				continue
			}
			v, ok := parseNumber(s)
			if !ok || v < 0 || v > 100 {
				return nil, nil, "", data.InputErrorf("%s：%s的评分 %q 应为 0–100 或 1–5 的数字", g.name, cellRef(r.num, pos[k]), s)
			}
			vals[k] = v
			maxSeen = math.Max(maxSeen, v)
		}
		if !onRoster[name] {
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("第%d行的“%s”不在本政策的体验官名单中", r.num, name))
		}
		out = append(out, raw{fb, vals})
	}
	if len(out) == 0 {
		return nil, nil, "", data.InputErrorf("%s：表头下没有体验官反馈", g.name)
	}
	if scale == 0 {
		scale = 100
		if maxSeen <= 5 {
			scale = 5
		}
	}
	sum.Scale = scale
	fbs := make([]Feedback, len(out))
	for i, o := range out {
		fb := o.fb
		for _, k := range scoreCols {
			v, ok := o.vals[k]
			if !ok {
				continue
			}
			if scale == 5 {
				if v < 1 || v > 5 {
					return nil, nil, "", data.InputErrorf("%s：%s的评分 %g 不在 1–5 分之间（本表按 5 分制读取）", g.name, cellRef(fb.Line, pos[k]), v)
				}
				v = (v - 1) / 4 * 100
			}
			switch k {
			case "process":
				fb.Process = &v
			case "standards":
				fb.Standards = &v
			case "results":
				fb.Results = &v
			}
		}
		fbs[i] = fb
	}
	sum.Imported = len(fbs)
	return fbs, sum, g.sha, nil
}

var dateLayouts = []string{"2006-01-02", "2006/1/2", "2006-1-2", "2006.1.2", "2006年1月2日", "2006-01-02 15:04:05", "2006/1/2 15:04", "20060102"}

func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(data.DateLayout), true
		}
	}
	return "", false
}

// ImportOfficers reads a 体验官 feedback sheet into a round; names not on the policy's roster are warnings.
func ImportOfficers(ctx context.Context, s *store.Store, policyID int64, round, path string) (*Summary, error) {
	roster, err := s.Officers(ctx, policyID)
	if err != nil {
		return nil, err
	}
	if _, err := s.Policy(ctx, policyID); err != nil {
		return nil, err
	}
	fbs, sum, sha, err := ReadOfficers(path, roster)
	if err != nil {
		return nil, err
	}
	round = roundName(ctx, s, policyID, round)
	err = s.Tx(ctx, func(tx *store.Tx) error {
		rd, err := tx.EnsureRound(ctx, policyID, round)
		if err != nil {
			return err
		}
		sum.Round = rd.Name
		return tx.AddOfficerFeedback(ctx, rd, store.ImportFile{Name: baseName(path), SHA256: sha, Format: sum.Format, Warnings: sum.Warnings}, sum.Scale, fbs)
	})
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// Rows returns a round's assessment rows in import and sheet order.
func Rows(ctx context.Context, s *store.Store, roundID int64) ([]Row, error) {
	return s.AssessmentRows(ctx, roundID)
}

// Feedbacks returns a round's 体验官 feedback in import and sheet order.
func Feedbacks(ctx context.Context, s *store.Store, roundID int64) ([]Feedback, error) {
	return s.OfficerFeedback(ctx, roundID)
}
