package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func option(t *testing.T, c Chart) map[string]any {
	t.Helper()
	o, err := ECharts(c)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(o), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// at walks a decoded JSON value by keys and indexes ("series.0.data.3.label").
func at(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var i int
			fmt.Sscan(k, &i)
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func TestEChartsGolden(t *testing.T) {
	for name, c := range samples {
		o, err := ECharts(c)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		json.Indent(&b, []byte(o), "", " ")
		b.WriteByte('\n')
		golden(t, name+".echarts.json", b.Bytes())
	}
}

func TestEChartsRadar(t *testing.T) {
	v := option(t, samples["radar-five"])
	if got := fmt.Sprint(at(v, "series.0.data.0.value")); got != "[77.2 65.9 67.4 40 -]" {
		t.Errorf("values %s", got)
	}
	if got := at(v, "radar.indicator.3.name"); got != "群众满意度与获得感（含企业和个人）" {
		t.Errorf("indicator %v", got)
	}
	if at(v, "series.0.label.backgroundColor") == nil || at(v, "series.0.label.distance") == nil {
		t.Errorf("radar labels on no ground / at no distance: %v", at(v, "series.0.label"))
	}
}

func TestEChartsHBar(t *testing.T) {
	c := samples["hbar-problems"]
	v := option(t, c)
	names := at(v, "yAxis.0.data").([]any)
	for i, it := range c.Items {
		if names[i] != it.Name {
			t.Errorf("category %d = %v, want the whole name %q", i, names[i], it.Name)
		}
	}
	if got := at(v, "yAxis.0.axisLabel.overflow"); got != "break" {
		t.Errorf("long names %v, want wrapped (break)", got)
	}
	if got := at(v, "xAxis.0.max"); got != 50.0 {
		t.Errorf("axis max %v, want the SVG's 50", got)
	}
	if got := at(v, "series.0.data.6.label.formatter"); got != "8.0%" {
		t.Errorf("label %v, want 8.0%%", got)
	}
}

func TestEChartsScatter(t *testing.T) {
	c := samples["scatter-ipa"]
	v := option(t, c)
	if at(v, "xAxis.0.min") != 50.0 || at(v, "xAxis.0.max") != 85.0 {
		t.Errorf("x axis %v–%v, want 50–85 as the SVG", at(v, "xAxis.0.min"), at(v, "xAxis.0.max"))
	}
	var labels []string
	for _, d := range at(v, "series.0.markLine.data").([]any) {
		if f, ok := at(d, "label.formatter").(string); ok {
			labels = append(labels, f)
		}
	}
	// ECharts would print the line's value at two decimals ("0.53").
	if got := strings.Join(labels, "|"); got != "表现均值 65.6|重要性均值 0.525" {
		t.Errorf("quadrant line labels %q", got)
	}
	s := layout(c)
	for _, p := range s.placed {
		pos, ok := at(v, fmt.Sprintf("series.0.data.%d.label.position", p.point)).([]any)
		if !ok || len(pos) != 2 {
			t.Errorf("point %d: label position %v", p.point, pos)
		}
	}
	if got := at(v, "grid.0.left"); got != fmt.Sprint(int(s.plot.x0)) {
		t.Errorf("grid left %v, want the SVG plot's %v", got, s.plot.x0)
	}
	if got := at(v, "series.0.markArea.data.1.0.label.position"); got != "insideTopRight" {
		t.Errorf("优势保持区 name at %v, want its outer corner", got)
	}

	// Crowded: one leader line per label placed away from its point.
	c = crowded()
	v = option(t, c)
	leaders := 0
	for _, p := range layout(c).placed {
		if p.leader {
			leaders++
		}
	}
	if got := len(at(v, "series.0.markLine.data").([]any)) - 2; got != leaders || leaders == 0 {
		t.Errorf("%d leader lines in the options, %d in the SVG", got, leaders)
	}
}
