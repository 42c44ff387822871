package demo

import (
	"context"
	"os"
	"path/filepath"

	"github.com/gongping/gongping/assets/sample/genscoring"
	"github.com/gongping/gongping/data/assess"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

// scoringStep gives the sample policy its evaluation scheme (the default indicators, with the sample
// survey's questions mapped by their text, as a user would confirm them), and imports the sample
// third-party assessment sheet and 体验官 feedback through the real importers.
func scoringStep(ctx context.Context, s *store.Store, policyID int64) error {
	p, err := s.Policy(ctx, policyID)
	if err != nil {
		return err
	}
	sc := score.DefaultScheme(p.Title)
	if rd, err := s.ResolveRound(ctx, policyID, RoundName); err == nil {
		sd, err := s.SurveyData(ctx, rd.ID)
		if err != nil {
			return err
		}
		sc.Apply(score.Suggest(sc, sd.Questions), sd.Questions)
	}
	if err := score.SetScheme(ctx, s, policyID, sc); err != nil {
		// The suggested mapping must never stop the demo: keep the indicators, unmapped.
		if err := score.SetScheme(ctx, s, policyID, score.DefaultScheme(p.Title)); err != nil {
			return err
		}
	}
	dir, err := os.MkdirTemp("", "gongping-demo-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ap, op := filepath.Join(dir, genscoring.AssessmentFile), filepath.Join(dir, genscoring.OfficersFile)
	if err := genscoring.WriteAssessment(ap); err != nil {
		return err
	}
	if err := genscoring.WriteOfficers(op); err != nil {
		return err
	}
	if _, err := assess.ImportAssessment(ctx, s, policyID, RoundName, ap); err != nil {
		return err
	}
	_, err = assess.ImportOfficers(ctx, s, policyID, RoundName, op)
	return err
}
