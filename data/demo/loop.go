package demo

import (
	"context"

	"github.com/gongping/gongping/data"
)

// loopStep adds the sample's loop data. Placeholder until that capability lands; owned by its issue.
func loopStep(ctx context.Context, s *data.Store, policyID int64) error { return nil }
