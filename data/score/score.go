package score

import (
	"context"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Options narrow a scoring run.
type Options struct {
	Round string // round name; "" = the policy's latest round
	By    string // breakdown question ("Q2" or its text); "" = none
	// Progress, when set, is told the fraction done (0–1); it may be called from the scoring goroutine.
	Progress func(done float64)
	// Survey is the round's survey when the caller has loaded it already (the report does): it is not read
	// a second time (a third of a report's time on 100,000 responses).
	Survey *data.SurveyData
}

// Score evaluates a round of a policy with its stored scheme. With none set it gives no score (every
// score held back, see Input.unconfirmed) but still the counts, screening, problems and texts:
// the entry point of `gongping score`, the results page and the report.
func Score(ctx context.Context, s *store.Store, policyID int64, roundName string) (*Result, error) {
	return ScoreWith(ctx, s, policyID, Options{Round: roundName})
}

// ScoreWith is Score with options (breakdown, progress).
func ScoreWith(ctx context.Context, s *store.Store, policyID int64, opt Options) (*Result, error) {
	if opt.Progress != nil {
		opt.Progress(0)
	}
	in, err := loadInput(ctx, s, policyID, opt.Round, opt.Survey)
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		opt.Progress(0.7) // loading the answers is most of the work
	}
	in.By = opt.By
	res, err := Compute(ctx, in)
	if opt.Progress != nil && err == nil {
		opt.Progress(1)
	}
	return res, err
}
