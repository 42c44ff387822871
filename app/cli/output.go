package cli

import (
	"context"
	"encoding/json"
	"io"
	"text/tabwriter"

	"github.com/gongping/gongping/data/store"
)

// listCmd makes a command that lists something of one policy (opens policy, --json): it prints what list
// returns, as JSON with --json, else as text.
func listCmd[T any](list func(context.Context, *store.Store, int64) (T, error), text func(io.Writer, T) error) func(*flags) action {
	return func(f *flags) action {
		asJSON := f.jsonFlag()
		return func(e *env) error {
			v, err := list(e.ctx, e.store, e.policy)
			if err != nil {
				return err
			}
			if *asJSON {
				return printJSON(e.stdout, v)
			}
			return text(e.stdout, v)
		}
	}
}

// newTable starts an aligned text table on w; the caller writes tab-separated rows and flushes it.
func newTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0) }

// printJSON writes v as indented JSON without HTML escaping (the terminal is not a web page).
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
