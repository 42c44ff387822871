package score

import "testing"

// The rule texts are written from the same bands Grade and AlphaBand decide by: what the window and the
// report state is what the score got.
func TestBandRules(t *testing.T) {
	if GradeRule != "优≥90，良≥80，中≥60，差<60" {
		t.Errorf("GradeRule = %q", GradeRule)
	}
	if AlphaRule != "优秀≥0.9，良好≥0.8，可接受≥0.7，偏低<0.7" {
		t.Errorf("AlphaRule = %q", AlphaRule)
	}
	for _, c := range []struct {
		bands []Band
		band  func(float64) string
	}{{GradeBands, Grade}, {AlphaBands, AlphaBand}} {
		for i, b := range c.bands[:len(c.bands)-1] {
			if got := c.band(b.Min); got != b.Name {
				t.Errorf("at %v: %s, want %s", b.Min, got, b.Name)
			}
			below := b.Min - b.Min/1000
			if got := c.band(below); got != c.bands[i+1].Name {
				t.Errorf("just below %v: %s, want %s", b.Min, got, c.bands[i+1].Name)
			}
		}
	}
}
