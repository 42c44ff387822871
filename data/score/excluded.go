package score

// ExcludedIDs are the responses left out of the round's statistics: excluded by screening or by hand and
// not restored (a restored response counts as valid). Empty for a nil result.
func (r *Result) ExcludedIDs() map[int64]bool {
	out := map[int64]bool{}
	if r != nil {
		for _, e := range r.Excluded {
			if !e.Restored {
				out[e.ResponseID] = true
			}
		}
	}
	return out
}
