package score

import "testing"

// inferScale on option sets alone: the layouts, the 5-point preference and what it refuses.
func TestInferScale(t *testing.T) {
	cases := []struct {
		opts []string
		want map[string]float64 // nil: no scale
	}{
		{[]string{"满意", "较满意", "较不满意", "不满意"}, map[string]float64{"满意": 100, "较满意": 200.0 / 3, "较不满意": 100.0 / 3, "不满意": 0}},
		{[]string{"非常满意", "满意", "一般", "不满意", "非常不满意"}, map[string]float64{"非常满意": 100, "满意": 75, "一般": 50, "不满意": 25, "非常不满意": 0}},
		{[]string{"很满意", "满意", "基本满意", "不满意", "很不满意"}, map[string]float64{"很满意": 100, "满意": 75, "基本满意": 50, "不满意": 25, "很不满意": 0}},
		{[]string{"非常好", "好", "一般", "差", "非常差"}, map[string]float64{"非常好": 100, "好": 75, "一般": 50, "差": 25, "非常差": 0}},
		{[]string{"满意", "一般", "不满意"}, map[string]float64{"满意": 100, "一般": 50, "不满意": 0}},
		// Too few points seen to tell: the 5-point layout (DESIGN's defaults) is taken.
		{[]string{"满意", "不满意"}, map[string]float64{"满意": 75, "不满意": 25}},
		{[]string{"总是", "经常", "有时", "偶尔", "从不"}, map[string]float64{"总是": 100, "经常": 75, "有时": 50, "偶尔": 25, "从不": 0}},
		{[]string{"满意", "同意"}, nil},                 // two families
		{[]string{"非常满意", "满意", "挺好的"}, nil},        // a label no family has
		{[]string{"一般", "中立"}, nil},                 // middle words only
		{[]string{"很满意", "非常满意", "满意", "不满意"}, nil}, // two labels on one step
	}
	for _, c := range cases {
		got := inferScale(c.opts)
		if c.want == nil {
			if got != nil {
				t.Errorf("%v: inferred %v, want none", c.opts, got.values)
			}
			continue
		}
		if got == nil {
			t.Errorf("%v: no scale", c.opts)
			continue
		}
		for l, x := range c.want {
			if d := got.values[l] - x; d > 1e-9 || d < -1e-9 {
				t.Errorf("%v: %s = %g, want %g", c.opts, l, got.values[l], x)
			}
		}
	}
}
