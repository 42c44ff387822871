package score

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/gongping/gongping/data"
)

// screen applies the screening rules and the hand overrides, fills res.Excluded and the counts, and returns
// which responses are valid and the round's median known duration. Each excluded response gets one reason,
// the first that applies of speeder, straight-liner, duplicate; then hand exclusions. Duplicates are judged
// in response-id order (positions when ids are equal), so the earliest of identical responses stays.
func screen(sc *Scheme, resp []data.Response, mapped []int, valuerOf func(int) *valuer, over map[int64]Override, res *Result) ([]bool, *float64) {
	n := len(resp)
	valid := make([]bool, n)
	reason := make([]string, n)
	detail := make([]string, n)

	var med *float64
	var durs []float64
	for _, r := range resp {
		if r.Duration >= 0 && !math.IsNaN(r.Duration) {
			durs = append(durs, r.Duration)
		}
	}
	if len(durs) > 0 {
		sort.Float64s(durs)
		m := durs[len(durs)/2]
		if len(durs)%2 == 0 {
			m = (durs[len(durs)/2-1] + durs[len(durs)/2]) / 2
		}
		med = &m
	}
	if r := sc.Screening.Speeders; r > 0 && med != nil {
		limit := r * *med
		for i, x := range resp {
			if x.Duration >= 0 && x.Duration < limit {
				reason[i] = ReasonSpeeder
				detail[i] = fmt.Sprintf("用时 %.0f 秒，低于本轮中位数 %.0f 秒的 %g%%", x.Duration, *med, r*100)
			}
		}
	}
	if min := sc.Screening.StraightlineMinItems; min > 0 && len(mapped) >= min {
		vs := make([]*valuer, len(mapped))
		for j, q := range mapped {
			vs[j] = valuerOf(q)
		}
		for i, x := range resp {
			if reason[i] != "" {
				continue
			}
			answered, same, first := 0, true, ""
			for j, q := range mapped {
				a := cleanAnswer(x.Answers[q])
				if vs[j].isMissing(a) {
					continue
				}
				if answered == 0 {
					first = a
				} else if a != first {
					same = false
					break
				}
				answered++
			}
			if same && answered >= min {
				reason[i] = ReasonStraightline
				detail[i] = fmt.Sprintf("%d 道指标题全部选择“%s”", answered, shorten(first, 20))
			}
		}
	}
	if sc.Screening.Duplicates {
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return resp[order[a]].ID < resp[order[b]].ID })
		seen := map[string]int64{}
		for _, i := range order {
			x := resp[i]
			ans := strings.Join(x.Answers, "\x00")
			var hit int64 = -1
			for _, k := range []string{"ip\x00" + strings.TrimSpace(x.IP), "id\x00" + strings.TrimSpace(x.Respondent)} {
				if strings.HasSuffix(k, "\x00") { // no IP / no respondent id: nothing to match on
					continue
				}
				key := k + "\x00" + ans
				if id, ok := seen[key]; ok && hit < 0 {
					hit = id
				} else if !ok {
					seen[key] = x.ID
				}
			}
			if hit >= 0 && reason[i] == "" {
				reason[i] = ReasonDuplicate
				detail[i] = fmt.Sprintf("与第 %d 份答卷的 IP 或答题人相同且答案完全一致", hit)
			}
		}
	}
	for i, x := range resp {
		o, has := over[x.ID]
		switch {
		case has && o.Restore:
			valid[i] = true
			if reason[i] != "" {
				res.Respondents.Restored++
				res.Excluded = append(res.Excluded, Excluded{ResponseID: x.ID, Reason: reason[i], Detail: detail[i], Restored: true, Duration: x.Duration})
			}
			continue
		case reason[i] == "" && has:
			reason[i], detail[i] = ReasonManual, o.Note
		}
		switch reason[i] {
		case "":
			valid[i] = true
			continue
		case ReasonSpeeder:
			res.Respondents.Excluded.Speeders++
		case ReasonStraightline:
			res.Respondents.Excluded.Straightliners++
		case ReasonDuplicate:
			res.Respondents.Excluded.Duplicates++
		case ReasonManual:
			res.Respondents.Excluded.Manual++
		}
		res.Excluded = append(res.Excluded, Excluded{ResponseID: x.ID, Reason: reason[i], Detail: detail[i], Duration: x.Duration})
	}
	sort.SliceStable(res.Excluded, func(a, b int) bool { return res.Excluded[a].ResponseID < res.Excluded[b].ResponseID })
	return valid, med
}
