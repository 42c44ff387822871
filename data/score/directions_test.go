package score

import (
	"fmt"
	"testing"

	"github.com/gongping/gongping/data/assess"
)

func TestDirections(t *testing.T) {
	assessment := []assess.Row{{Dimension: "执行过程", Suggestion: "增加窗口"}, {Suggestion: "增加窗口"}, {Suggestion: "暂无"}}
	officers := []assess.Feedback{{Suggestions: "公布材料清单"}, {Suggestions: "N/A"}}
	cases := []struct {
		name string
		refs []string
		rows []assess.Row
		fb   []assess.Feedback
		want []string
	}{
		{name: "nothing", want: []string{}},
		{name: "options by share", refs: []string{"Q2"}, want: []string{"survey 减材料 2 0.667", "survey 网上办 1 0.333"}},
		{name: "ties keep option order", refs: []string{"Q1"},
			want: []string{"survey 材料多 3 1", "survey 排队久 1 0.333", "survey 其他 1 0.333", "survey 态度差 0 0"}},
		{name: "then suggestion texts, merged", refs: []string{"Q2"}, rows: assessment, fb: officers,
			want: []string{"survey 减材料 2 0.667", "survey 网上办 1 0.333", "assessment 增加窗口 2 -", "officers 公布材料清单 1 -"}},
		{name: "texts only", rows: assessment, want: []string{"assessment 增加窗口 2 -"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := NewScheme()
			sc.Directions = c.refs
			got := choiceRound(t, sc).directions(c.rows, c.fb)
			if got == nil {
				t.Fatal("nil list (JSON null)")
			}
			s := []string{}
			for _, d := range got {
				share := "-"
				if d.Share != nil {
					share = fmt.Sprintf("%.3g", *d.Share)
				}
				s = append(s, fmt.Sprintf("%s %s %d %s", d.Source, d.Item, d.Count, share))
			}
			if fmt.Sprint(s) != fmt.Sprint(c.want) {
				t.Errorf("got  %q\nwant %q", s, c.want)
			}
		})
	}
}
