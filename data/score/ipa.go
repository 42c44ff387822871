package score

import "math"

// The method's importance–performance analysis (IPA), when the scheme names an overall question:
// importance is the Pearson r between an indicator's respondent values and the overall values (pairwise
// complete), performance is the indicator's score; quadrants are split at the means over the plotted
// indicators.

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
				pts = append(pts, IPAPoint{Indicator: c.spec.Name, Dimension: k, Importance: rr, Performance: *ind.Score, N: len(xs)})
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
		pts[i].Quadrant = quadrant(pts[i].Importance >= mi, pts[i].Performance >= mp)
	}
	return pts, &IPAMeans{Importance: mi, Performance: mp}
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
