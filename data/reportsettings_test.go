package data

import (
	"reflect"
	"testing"
)

func TestReportSettingsNormalize(t *testing.T) {
	for _, c := range []struct {
		in   ReportSettings
		want ReportSettings
		bad  bool
	}{
		{in: ReportSettings{}, want: ReportSettings{Off: []string{}}},
		{in: ReportSettings{Issuer: " 某评估中心 ", Date: "2026/11/20", Off: []string{"公众参与法定要求自查情况", "groups", "GROUPS"}},
			want: ReportSettings{Issuer: "某评估中心", Date: "2026-11-20", Off: []string{PartGroups, PartChecks}}},
		{in: ReportSettings{Date: "2026-13-01"}, bad: true},
		{in: ReportSettings{Off: []string{"摘要"}}, bad: true}, // not an optional part
	} {
		got, err := c.in.Normalize()
		if c.bad != (err != nil) || (!c.bad && !reflect.DeepEqual(got, c.want)) {
			t.Errorf("Normalize(%+v) = %+v, %v; want %+v (error %v)", c.in, got, err, c.want, c.bad)
		}
	}
	s := ReportSettings{Off: []string{PartMethods}}
	if want := map[string]bool{PartGroups: true, PartMethods: false, PartQuotes: true, PartChecks: true}; !reflect.DeepEqual(s.Sections(), want) {
		t.Errorf("Sections = %v", s.Sections())
	}
	in := ReportSettings{Commissioner: "本轮委托单位", Date: "2026-11-20"}.InheritIssuer(ReportSettings{Issuer: "上一轮机构", Commissioner: "上一轮委托", Date: "2025-11-20"})
	if in.Issuer != "上一轮机构" || in.Commissioner != "本轮委托单位" || in.Date != "2026-11-20" {
		t.Errorf("InheritIssuer = %+v", in)
	}
}
