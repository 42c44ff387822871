package score

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/gongping/gongping/data"
)

// screen applies the screening rules and the hand overrides, fills res.Excluded and the counts, and returns
// which responses are valid and the round's median known duration. Each excluded response gets one reason,
// the first that applies of incomplete, speeder, straight-liner, duplicate; then hand exclusions. An
// incomplete response (not restored by hand) takes no part in the other rules: its duration does not lower
// the median, and a finished response is never a duplicate of it. Duplicates are judged
// in response-id order (positions when ids are equal), so the earliest of identical responses stays.
func screen(sc *Scheme, resp []data.Response, mapped []int, valuerOf func(int) *valuer, over map[int64]Override, res *Result) ([]bool, *float64) {
	n := len(resp)
	valid := make([]bool, n)
	reason := make([]string, n)
	detail := make([]string, n)

	// Incomplete: the platform says the respondent never finished; counted whatever the scheme says
	// (like a hand decision, only a restore overrides it).
	partial := make([]bool, n)
	for i, x := range resp {
		if x.Incomplete {
			partial[i] = !over[x.ID].Restore
			reason[i] = ReasonIncomplete
			detail[i] = "平台标记为未完成（未提交或中途退出）"
		}
	}
	var med *float64
	var durs []float64
	for i, r := range resp {
		if !partial[i] && r.Duration >= 0 && !math.IsNaN(r.Duration) {
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
			if reason[i] == "" && x.Duration >= 0 && x.Duration < limit {
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
				ans := vs[j].lookup(x.Answers[q])
				if !ans.answered {
					continue
				}
				a := ans.clean
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
		// Key by who (IP or respondent id) and a hash of the answers; a hash hit is confirmed by comparing
		// the answers themselves, so no collision can exclude a response.
		type key struct {
			who string
			h   uint64
		}
		seed := maphash.MakeSeed()
		seen := map[key][]int{}
		for _, i := range order {
			x := resp[i]
			if partial[i] {
				continue
			}
			var h maphash.Hash
			h.SetSeed(seed)
			for _, a := range x.Answers {
				h.WriteString(a)
				h.WriteByte(0)
			}
			sum := h.Sum64()
			hit := -1
			for _, who := range []string{"ip\x00" + strings.TrimSpace(x.IP), "id\x00" + strings.TrimSpace(x.Respondent)} {
				if strings.HasSuffix(who, "\x00") { // no IP / no respondent id: nothing to match on
					continue
				}
				k := key{who, sum}
				for _, j := range seen[k] {
					if hit < 0 && slices.Equal(resp[j].Answers, x.Answers) {
						hit = j
					}
				}
				seen[k] = append(seen[k], i)
			}
			if hit >= 0 && reason[i] == "" {
				reason[i] = ReasonDuplicate
				detail[i] = fmt.Sprintf("与第 %d 份答卷的 IP 或答题人相同且答案完全一致", resp[hit].ID)
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
		case ReasonIncomplete:
			res.Respondents.Excluded.Incomplete++
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
