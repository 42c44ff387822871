package store

import (
	"context"
	"database/sql"
)

// queryAll runs a query and scans each row into a T with scan: the loop every list of the store wrote out
// (query, defer close, scan, append, rows.Err). The list is empty, not nil, when no row matches, so it
// prints as [] in JSON.
func queryAll[T any](ctx context.Context, q querier, scan func(*sql.Rows, *T) error, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
