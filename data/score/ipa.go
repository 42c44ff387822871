package score

import "math"

// The method's importance–performance analysis (IPA), when the scheme names an overall question:
// importance is the Pearson r between an indicator's respondent values and the overall values (pairwise
// complete), performance is the indicator's score; quadrants are split at the means over the plotted
// indicators. The gaps to the means are often about a point, inside the intervals: an indicator is put in
// a quadrant only when both gaps are significant (IPARule): its score's 95% interval leaves out the mean
// performance, and r's 95% interval (Fisher z) leaves out the mean r.

// ipa places every scored indicator with a defined r (in scheme order) against overall, the values of
// the overall question; the means are nil when no indicator could be placed.
func ipa(calcs map[string][]*indicatorCalc, dims []Dimension, overall []float64, valid []bool) ([]IPAPoint, *IPAMeans) {
	pts := []IPAPoint{}
	for _, k := range DimensionKeys {
		for i, c := range calcs[k] {
			ind := dims[dimIndex(k)].Indicators[i]
			if ind.Score == nil {
				continue
			}
			var xs, ys []float64
			for r := range valid {
				if valid[r] && !math.IsNaN(c.vals[r]) && !math.IsNaN(overall[r]) {
					xs = append(xs, c.vals[r])
					ys = append(ys, overall[r])
				}
			}
			if rr, ok := pearson(xs, ys); ok {
				pts = append(pts, IPAPoint{Indicator: c.spec.Name, Dimension: k, Importance: rr, Performance: *ind.Score, N: len(xs),
					ImportanceCI95: correlationCI(rr, len(xs)), PerformanceCI95: ind.CI95})
			}
		}
	}
	if len(pts) == 0 {
		return pts, nil
	}
	var mi, mp float64
	for _, p := range pts {
		mi += p.Importance
		mp += p.Performance
	}
	mi /= float64(len(pts))
	mp /= float64(len(pts))
	for i := range pts {
		p := &pts[i]
		p.Position = quadrant(p.Importance >= mi, p.Performance >= mp)
		p.ImportanceSignificant = excludes(p.ImportanceCI95, mi)
		p.PerformanceSignificant = excludes(p.PerformanceCI95, mp)
		p.Quadrant = verdict(p.Importance >= mi, p.Performance >= mp, p.ImportanceSignificant, p.PerformanceSignificant)
	}
	return pts, &IPAMeans{Importance: mi, Performance: mp}
}

// correlationCI is the 95% interval of a Pearson r over n pairs by Fisher's z: tanh(atanh r ± 1.96/√(n−3));
// nil when n < 4.
func correlationCI(r float64, n int) *[2]float64 {
	if n < 4 {
		return nil
	}
	z := math.Atanh(math.Max(-1, math.Min(1, r)))
	h := 1.96 / math.Sqrt(float64(n-3))
	return &[2]float64{math.Tanh(z - h), math.Tanh(z + h)}
}

// excludes reports whether the interval ci leaves out m (nil: no interval, nothing shown).
func excludes(ci *[2]float64, m float64) bool {
	return ci != nil && (m < ci[0] || m > ci[1])
}

// verdict is an indicator's IPA verdict: its quadrant when both gaps to the means are significant,
// else the one gap that is, else QuadrantNone.
func verdict(highImp, highPerf, impSig, perfSig bool) string {
	switch {
	case impSig && perfSig:
		return quadrant(highImp, highPerf)
	case perfSig && highPerf:
		return QuadrantHighPerf
	case perfSig:
		return QuadrantLowPerf
	case impSig && highImp:
		return QuadrantHighImp
	case impSig:
		return QuadrantLowImp
	}
	return QuadrantNone
}

func quadrant(highImp, highPerf bool) string {
	switch {
	case highImp && !highPerf:
		return QuadrantFix
	case highImp:
		return QuadrantKeep
	case !highPerf:
		return QuadrantMinor
	}
	return QuadrantOverkill
}
