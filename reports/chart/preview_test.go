package chart

import (
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/gongping/gongping/assets/echarts"
)

// TestPreview writes preview.html (every sample chart as the report will show it: the SVG inside the
// ECharts box, replaced by ECharts when scripts run) into $CHART_PREVIEW_DIR, to be looked at in a
// browser with scripts on and off. Without the variable it does nothing.
func TestPreview(t *testing.T) {
	dir := os.Getenv("CHART_PREVIEW_DIR")
	if dir == "" {
		t.Skip("set CHART_PREVIEW_DIR to write the preview page")
	}
	type item struct {
		Name   string
		Height int
		Option string
		SVG    template.HTML
	}
	var items []item
	for name, c := range samples {
		o, err := ECharts(c)
		if err != nil {
			t.Fatal(err)
		}
		_, h := Size(c)
		items = append(items, item{name, h, o, template.HTML(InlineSVG(c))}) // SVG text is escaped by SVG itself
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Name < items[j].Name })
	page := template.Must(template.New("p").Parse(`<!DOCTYPE html><html><head><meta charset="utf-8">
<style>body{margin:0;font-family:sans-serif} .chart{width:680px;margin:0 0 16px}</style></head><body>
{{range .Items}}<div class="chart" style="height:{{.Height}}px" data-option="{{.Option}}">{{.SVG}}</div>
{{end}}<script>{{.JS}}</script>
<script>
var els = document.querySelectorAll('div.chart[data-option]');
for (var i = 0; i < els.length; i++) {
  els[i].textContent = '';
  echarts.init(els[i], null, {renderer: 'svg'}).setOption(JSON.parse(els[i].getAttribute('data-option')));
}
</script></body></html>`))
	f, err := os.Create(filepath.Join(dir, "preview.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := page.Execute(f, map[string]any{"Items": items, "JS": template.JS(echarts.MinJS)}); err != nil {
		t.Fatal(err)
	}
}
