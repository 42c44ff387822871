package reports

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/gongping/gongping/assets/echarts"
)

//go:embed report.html.tmpl
var pageSource string

// initJS starts every chart: the options come from the element's data-option attribute (JSON text that
// html/template escaped), so no report text is ever part of a script. SVG keeps printed charts sharp.
const initJS = `(function () {
  var charts = [];
  var els = document.querySelectorAll('div.chart[data-option]');
  for (var i = 0; i < els.length; i++) {
    var c = echarts.init(els[i], null, {renderer: 'svg'});
    c.setOption(JSON.parse(els[i].getAttribute('data-option')));
    charts.push(c);
  }
  function resize() { for (var i = 0; i < charts.length; i++) charts[i].resize(); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
})();`

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"f1": func(v *float64) string {
		if v == nil {
			return "—"
		}
		return fmt.Sprintf("%.1f", *v)
	},
	"f2": func(v *float64) string {
		if v == nil {
			return "—"
		}
		return fmt.Sprintf("%.2f", *v)
	},
	"pct": func(v *float64) string {
		if v == nil {
			return "—"
		}
		return fmt.Sprintf("%.1f%%", *v*100)
	},
	"ci": func(v *[2]float64) string {
		if v == nil {
			return "—"
		}
		return fmt.Sprintf("%.1f–%.1f", v[0], v[1])
	},
	"weight": func(w float64) string { return fmt.Sprintf("%.1f%%", w*100) },
	"ratio": func(a, b int) string {
		if b == 0 {
			return "—"
		}
		return fmt.Sprintf("%.1f%%", float64(a)/float64(b)*100)
	},
	"inc": func(i int) int { return i + 1 },
	"statusClass": func(ok *bool) string {
		switch {
		case ok == nil:
			return "unknown"
		case *ok:
			return "ok"
		}
		return "bad"
	},
}).Parse(pageSource))

// cnNumbers are chapter numbers.
var cnNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"}

type section struct{ ID, Title string }

type openView struct {
	Question                  string
	Answered, Empty, Distinct int
	Hidden                    int
	Answers                   []OpenAnswer
}

type pageData struct {
	R              *Report
	CSP            string
	ECharts        template.JS
	Init           template.JS
	EChartsVersion string
	EChartsNotice  string
	Sections       []section
	Radar          *Chart
	DimCharts      []*Chart
	Problems       *Chart
	Directions     *Chart
	IPA            *Chart
	DimNumbers     []string
	Num            struct{ Problems, Directions, Opinions, Adoption, Revisions, Checks, Appendix string }
	Open           []openView
}

func scriptHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}

// csp allows exactly our two scripts and nothing from the network: even if some text slipped through
// as markup, the browser would neither run it nor fetch anything.
var csp = "default-src 'none'; script-src " + scriptHash(echarts.MinJS) + " " + scriptHash(initJS) +
	"; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"

// noticeText is the library's NOTICE as one line, its web address left out (the page names no URL).
func noticeText() string {
	n := regexp.MustCompile(`\s*\(https?://[^)]*\)`).ReplaceAllString(echarts.Notice, "")
	return strings.Join(strings.Fields(n), " ")
}

// WriteHTML writes the report as one self-contained HTML page.
func WriteHTML(w io.Writer, r *Report) error {
	d := pageData{R: r, CSP: csp, ECharts: template.JS(echarts.MinJS), Init: template.JS(initJS), EChartsVersion: echarts.Version,
		EChartsNotice: noticeText()}
	var err error
	if d.Radar, err = radarChart(r); err != nil {
		return err
	}
	for i, dim := range r.Dimensions {
		c, err := indicatorChart(i, dim)
		if err != nil {
			return err
		}
		d.DimCharts = append(d.DimCharts, c)
	}
	if d.Problems, err = problemChart(r); err != nil {
		return err
	}
	if d.Directions, err = directionChart(r); err != nil {
		return err
	}
	if d.IPA, err = ipaChart(r); err != nil {
		return err
	}
	n := 0
	next := func() string { n++; return cnNumbers[(n-1)%len(cnNumbers)] }
	d.Sections = []section{{"overview", next() + "、概况"}, {"composite", next() + "、综合评价"}}
	for _, dim := range r.Dimensions {
		num := next()
		d.DimNumbers = append(d.DimNumbers, num)
		d.Sections = append(d.Sections, section{"dim-" + dim.Key, num + "、" + dim.Name})
	}
	for _, s := range []struct {
		id, title string
		num       *string
	}{
		{"problems", "存在问题", &d.Num.Problems}, {"directions", "改进方向", &d.Num.Directions},
		{"opinions", "群众意见摘编", &d.Num.Opinions}, {"adoption", "意见采纳情况", &d.Num.Adoption},
		{"revisions", "修订情况", &d.Num.Revisions}, {"checks", "合规检查", &d.Num.Checks},
		{"appendix", "附录：评价方法", &d.Num.Appendix},
	} {
		*s.num = next()
		d.Sections = append(d.Sections, section{s.id, *s.num + "、" + s.title})
	}
	for _, g := range r.OpenText {
		v := openView{Question: g.Question, Answered: g.Answered, Empty: g.Empty, Distinct: len(g.Answers), Answers: g.Answers}
		if len(v.Answers) > maxOpenPerQuestionHTML {
			v.Hidden = len(v.Answers) - maxOpenPerQuestionHTML
			v.Answers = v.Answers[:maxOpenPerQuestionHTML]
		}
		d.Open = append(d.Open, v)
	}
	return page.Execute(w, d)
}
