// Package demo fills a workspace with the bundled sample evaluation: one realistic policy taken through
// the whole closed loop, so that every screen and report has something true to show.
package demo

import (
	"context"
	"fmt"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Run adds the sample policy (and its loop) to s and returns the policy ids it created.
func Run(ctx context.Context, s *store.Store) ([]int64, error) {
	id, err := foundationStep(ctx, s)
	if err != nil {
		return nil, fmt.Errorf("demo policy: %w", err)
	}
	// Each later step adds the data of one capability to the same policy.
	for _, step := range []struct {
		name string
		fn   func(context.Context, *store.Store, int64) error
	}{
		{"survey", surveyStep},
		{"scoring", scoringStep},
		{"loop", loopStep},
	} {
		if err := step.fn(ctx, s, id); err != nil {
			// Leave no half-built sample behind (a cancelled demo included); the cascade removes its data.
			_ = s.DeletePolicy(context.WithoutCancel(ctx), id)
			return nil, fmt.Errorf("demo %s: %w", step.name, err)
		}
	}
	// The loop step published the evaluation and the revisions: the sample has gone round the whole loop.
	p, err := s.Policy(ctx, id)
	if err != nil {
		return nil, err
	}
	p.Stage = data.StagePublished
	if err := s.UpdatePolicy(ctx, p); err != nil {
		return nil, err
	}
	return []int64{id}, nil
}
