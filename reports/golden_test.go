package reports

import (
	"archive/zip"
	"context"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := "testdata/" + name
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -run Golden -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run with -update if the change is intended)\n--- got ---\n%s", name, got)
	}
}

var structRe = regexp.MustCompile(`<section class="chapter" id="([^"]+)">|<h([123])>(.*?)</h[123]>|<div class="chart" id="([^"]+)"|<table class="data">`)
var tagRe = regexp.MustCompile(`<[^>]+>`)

// htmlStructure lists the page's sections, headings, charts and tables in order: what must not
// change by accident, without the volatile bytes (numbers, dates, chart options).
func htmlStructure(page string) string {
	var b strings.Builder
	for _, m := range structRe.FindAllStringSubmatch(page, -1) {
		switch {
		case m[1] != "":
			fmt.Fprintf(&b, "section %s\n", m[1])
		case m[2] != "":
			fmt.Fprintf(&b, "  h%s %s\n", m[2], html.UnescapeString(tagRe.ReplaceAllString(m[3], "")))
		case m[4] != "":
			fmt.Fprintf(&b, "    chart %s\n", m[4])
		default:
			b.WriteString("    table\n")
		}
	}
	return b.String()
}

var (
	relTarget = regexp.MustCompile(`Target="([^"]+)"`)
	chartRel  = regexp.MustCompile(`relationships/chart"`)
)

// xlsxStructure lists the sheets with their header row, frozen rows and number of native charts.
func xlsxStructure(t *testing.T, p string) string {
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	x, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	for i, sh := range x.GetSheetList() {
		charts := 0
		rels := files[fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", i+1)]
		for _, m := range relTarget.FindAllStringSubmatch(rels, -1) {
			if strings.Contains(m[1], "drawing") {
				d := path.Base(m[1])
				charts += len(chartRel.FindAllString(files["xl/drawings/_rels/"+d+".rels"], -1))
			}
		}
		panes, _ := x.GetPanes(sh)
		rows, _ := x.GetRows(sh)
		head := ""
		for _, r := range rows {
			if len(r) > 1 { // the first table header (the overview has a title line above it)
				head = strings.Join(r, "|")
				break
			}
		}
		fmt.Fprintf(&b, "sheet %s frozen=%d charts=%d\n  %s\n", sh, panes.YSplit, charts, head)
	}
	return b.String()
}

func TestGoldenStructure(t *testing.T) {
	s, id := fixtureStore(t)
	dir := t.TempDir()
	hp, xp, err := Write(context.Background(), s, id, "", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(hp)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report.html.golden", htmlStructure(string(page)))
	golden(t, "report.xlsx.golden", xlsxStructure(t, xp))
}
