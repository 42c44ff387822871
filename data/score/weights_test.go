package score

import (
	"context"
	"math"
	"testing"
)

// A consistent matrix (w = 4:2:1) gives those weights, λmax = n and CR = 0.
func TestAHPConsistent(t *testing.T) {
	a, err := PairwiseMatrix(3, []float64{2, 4, 2})
	if err != nil {
		t.Fatal(err)
	}
	r, err := AHP(a)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{4.0 / 7, 2.0 / 7, 1.0 / 7} {
		if math.Abs(r.Weights[i]-w) > 1e-9 {
			t.Errorf("w[%d] = %v, want %v", i, r.Weights[i], w)
		}
	}
	if math.Abs(r.LambdaMax-3) > 1e-9 || math.Abs(r.CR) > 1e-9 || !r.Consistent {
		t.Errorf("λ %v CR %v", r.LambdaMax, r.CR)
	}
}

// An intransitive judgement (A>B, B>C, C>A) is flagged: CR ≥ 0.1.
func TestAHPInconsistent(t *testing.T) {
	a, _ := PairwiseMatrix(3, []float64{3, 1.0 / 3, 3})
	r, err := AHP(a)
	if err != nil {
		t.Fatal(err)
	}
	if r.Consistent || r.CR < 0.1 {
		t.Errorf("CR = %v, want ≥ 0.1", r.CR)
	}
	// CR is CI/RI with Saaty's RI(3) = 0.58.
	if want := (r.LambdaMax - 3) / 2 / 0.58; math.Abs(r.CR-want) > 1e-12 {
		t.Errorf("CR = %v, want (λ−n)/(n−1)/RI = %v", r.CR, want)
	}
	if _, err := AHP([][]float64{{1, 2}, {2, 1}}); err == nil {
		t.Error("a non-reciprocal matrix was accepted")
	}
}

// Entropy: a column without variation gets weight 0; two columns with the same spread share equally.
func TestEntropy(t *testing.T) {
	w := entropy([][]float64{{1, 5, 1}, {2, 5, 2}, {3, 5, 3}}, 3)
	if math.Abs(w[0]-0.5) > 1e-12 || w[1] != 0 || math.Abs(w[2]-0.5) > 1e-12 {
		t.Errorf("w = %v", w)
	}
	ws, err := EntropyWeights(context.Background(), fixture())
	if err != nil {
		t.Fatal(err)
	}
	if len(ws["process"]) != 2 || ws["standards"] != nil || math.Abs(ws["process"][0]+ws["process"][1]-1) > 1e-12 {
		t.Errorf("entropy weights = %v", ws)
	}
	if got := Normalise([]float64{2, 1, 1}); got[0] != 0.5 || got[1] != 0.25 {
		t.Errorf("Normalise = %v", got)
	}
}
