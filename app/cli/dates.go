package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// warnDates prints the dates that contradict another record's (data.ConsultationDateWarnings and the
// like) as one line on stderr after a command that saved all the same; stdout stays what scripts read.
func warnDates(e *env, cmd string, ws []string) {
	if len(ws) > 0 {
		fmt.Fprintf(e.stderr, "gongping %s: 注意：%s\n", cmd, strings.Join(ws, "；"))
	}
}

// policyDateWarnings compares a stored policy's dates with its comment period and needs.
func policyDateWarnings(e *env, id int64) ([]string, error) {
	p, err := e.store.Policy(e.ctx, id)
	if err != nil {
		return nil, err
	}
	var c *data.Consultation
	switch got, err := e.store.Consultation(e.ctx, id); {
	case err == nil:
		c = &got
	case !errors.Is(err, data.ErrNotFound):
		return nil, err
	}
	needs, err := e.store.Needs(e.ctx, id)
	if err != nil {
		return nil, err
	}
	return data.PolicyDateWarnings(p, c, needs), nil
}
