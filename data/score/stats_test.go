package score

import (
	"math"
	"testing"
)

// TestCronbachAlphaPublished checks α on the worked example of "Survey reliability" (thinkdeeply.cc,
// https://thinkdeeply.cc/posts/survey-reliability, CC BY 4.0): 10 respondents × 4 five-point items,
// α = 0.674 by hand (average covariance 0.309, average variance 0.908) and by R's psych::alpha.
// The same value follows from k/(k−1)·(1 − Σvar/var(total)): Σvar = 3.6333, var(total) = 7.5667.
func TestCronbachAlphaPublished(t *testing.T) {
	rows := [][]float64{
		{3, 3, 3, 3}, {3, 3, 4, 3}, {3, 3, 3, 1}, {5, 4, 4, 5}, {2, 1, 4, 4},
		{4, 4, 4, 5}, {3, 2, 3, 3}, {3, 4, 3, 3}, {4, 2, 2, 3}, {3, 3, 2, 3},
	}
	a, ok := CronbachAlpha(rows)
	if !ok || math.Abs(a-0.674) > 0.0005 {
		t.Fatalf("alpha = %.4f (%v), want 0.674", a, ok)
	}
	// Rescaling every item linearly (1–5 → 0–100) leaves α unchanged.
	for _, r := range rows {
		for j := range r {
			r[j] = (r[j] - 1) / 4 * 100
		}
	}
	b, _ := CronbachAlpha(rows)
	if math.Abs(a-b) > 1e-12 {
		t.Errorf("alpha changed with a linear rescale: %v vs %v", a, b)
	}
	if _, ok := CronbachAlpha([][]float64{{1}, {2}}); ok {
		t.Error("alpha of one item should be undefined")
	}
	if _, ok := CronbachAlpha([][]float64{{1, 1}, {1, 1}}); ok {
		t.Error("alpha with zero total variance should be undefined")
	}
}

func TestGradeAndAlphaBands(t *testing.T) {
	for _, c := range []struct {
		s    float64
		want string
	}{{90, "优"}, {89.999, "良"}, {80, "良"}, {79.99, "中"}, {60, "中"}, {59.99, "差"}, {0, "差"}} {
		if got := Grade(c.s); got != c.want {
			t.Errorf("Grade(%v) = %s, want %s", c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		a    float64
		want string
	}{{0.9, "优秀"}, {0.85, "良好"}, {0.7, "可接受"}, {0.69, "偏低"}} {
		if got := AlphaBand(c.a); got != c.want {
			t.Errorf("AlphaBand(%v) = %s, want %s", c.a, got, c.want)
		}
	}
}

func TestPearson(t *testing.T) {
	r, ok := pearson([]float64{1, 2, 3, 4}, []float64{2, 4, 6, 8.5})
	if !ok || r < 0.99 || r > 1 {
		t.Errorf("r = %v", r)
	}
	if _, ok := pearson([]float64{1, 1, 1}, []float64{1, 2, 3}); ok {
		t.Error("r with zero variance should be undefined")
	}
}

// TestCronbachAlphaMtcars checks α on a published data set: R's mtcars (Henderson & Velleman 1981, from
// Motor Trend 1974), columns cyl, gear, carb, hp of the 32 cars; R (easystats/performance
// cronbachs_alpha, whose test suite pins it) gives 0.09463206.
func TestCronbachAlphaMtcars(t *testing.T) {
	rows := [][]float64{
		{6, 4, 4, 110}, {6, 4, 4, 110}, {4, 4, 1, 93}, {6, 3, 1, 110}, {8, 3, 2, 175}, {6, 3, 1, 105}, {8, 3, 4, 245}, {4, 4, 2, 62},
		{4, 4, 2, 95}, {6, 4, 4, 123}, {6, 4, 4, 123}, {8, 3, 3, 180}, {8, 3, 3, 180}, {8, 3, 3, 180}, {8, 3, 4, 205}, {8, 3, 4, 215},
		{8, 3, 4, 230}, {4, 4, 1, 66}, {4, 4, 2, 52}, {4, 4, 1, 65}, {4, 3, 1, 97}, {8, 3, 2, 150}, {8, 3, 2, 150}, {8, 3, 4, 245},
		{8, 3, 2, 175}, {4, 4, 1, 66}, {4, 5, 2, 91}, {4, 5, 2, 113}, {8, 5, 4, 264}, {6, 5, 6, 175}, {8, 5, 8, 335}, {4, 4, 2, 109},
	}
	a, ok := CronbachAlpha(rows)
	if !ok || math.Abs(a-0.09463206) > 1e-7 {
		t.Fatalf("alpha = %.8f, want 0.09463206", a)
	}
}
