package loop

import (
	"slices"
	"strings"
)

// UndecidedFilter is the decision filter that keeps the opinions without a decision.
const UndecidedFilter = "未处理"

// OpinionFilter picks opinions by cluster, clause and decision, as the window's lists and
// `gongping opinions --cluster/--clause/--decision` show them. The zero value keeps every opinion.
type OpinionFilter struct {
	Cluster  int64  // 0: any cluster
	Clause   string // "": any; compared as NormalizeClause reads it ("5", "第5条" and "第五条" are one clause)
	Decision string // "": any; UndecidedFilter: those without a decision; else a decision (采纳…)
}

// ParseDecisionFilter reads a decision filter: "" (any), "undecided" or 未处理 (UndecidedFilter), or a
// decision as ParseDecision reads it ("adopted", 部分采纳…).
func ParseDecisionFilter(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "undecided", UndecidedFilter:
		return UndecidedFilter, nil
	}
	return ParseDecision(s)
}

// FilterOpinions returns the opinions f keeps, in their order, in a new slice.
func FilterOpinions(ops []Opinion, f OpinionFilter) []Opinion {
	clause := NormalizeClause(f.Clause)
	out := []Opinion{}
	for _, o := range ops {
		if f.Cluster != 0 && (o.Cluster == nil || *o.Cluster != f.Cluster) {
			continue
		}
		if clause != "" && !slices.Contains(o.Clauses, clause) {
			continue
		}
		switch f.Decision {
		case "":
		case UndecidedFilter:
			if o.Decision != nil {
				continue
			}
		default:
			if o.Decision == nil || *o.Decision != f.Decision {
				continue
			}
		}
		out = append(out, o)
	}
	return out
}
