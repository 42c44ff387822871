package score

import (
	"maps"
	"testing"
)

func TestExcludedIDs(t *testing.T) {
	r := &Result{Excluded: []Excluded{{ResponseID: 3, Reason: ReasonManual}, {ResponseID: 5, Restored: true}, {ResponseID: 8}}}
	if got, want := r.ExcludedIDs(), map[int64]bool{3: true, 8: true}; !maps.Equal(got, want) {
		t.Errorf("ExcludedIDs = %v, want %v (a restored response counts as valid)", got, want)
	}
	var none *Result
	if len(none.ExcludedIDs()) != 0 {
		t.Error("a nil result excludes something")
	}
}
