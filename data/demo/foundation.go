package demo

import (
	"context"

	"github.com/gongping/gongping/data"
)

func foundationStep(ctx context.Context, s *data.Store) (int64, error) {
	return 0, nil
}
