package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/store/storetest"
	"github.com/gongping/gongping/reports/doc"
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

// docStructure lists the document's title, headings, tables and figures (with their 表N/图N labels and
// 资料来源), the list of attachments, its 落款 and each attachment: what must not change by accident,
// without the volatile text.
func docStructure(d *doc.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %s\n", strings.ReplaceAll(d.Title, "\n", " / "))
	if d.Subtitle != "" {
		fmt.Fprintf(&b, "subtitle %s\n", d.Subtitle)
	}
	labels := doc.Labels(d.AllBlocks())
	at := 0
	list := func(blocks []doc.Block) {
		for i, bl := range blocks {
			switch v := bl.(type) {
			case doc.Heading:
				fmt.Fprintf(&b, "%sh%d %s%s\n", strings.Repeat("  ", v.Level-1), v.Level, v.Number, v.Text)
			case doc.Table:
				fmt.Fprintf(&b, "      %s %s [%d×%d] 资料来源：%s\n", labels[at+i], v.Caption, len(v.Rows), len(v.Columns), v.Source)
			case doc.Figure:
				fmt.Fprintf(&b, "      %s %s 资料来源：%s\n", labels[at+i], v.Caption, v.Source)
			case doc.PageBreak:
				b.WriteString("  ---- page break\n")
			}
		}
		at += len(blocks)
	}
	list(d.Blocks)
	for i, a := range d.Attachments {
		fmt.Fprintf(&b, "attachment list %s%s\n", doc.AttachmentNumber(i, len(d.Attachments)), a.Title)
	}
	fmt.Fprintf(&b, "signature %s %s\n", d.Signature.Issuer, doc.FormatDate(d.Signature.Date))
	for i, a := range d.Attachments {
		fmt.Fprintf(&b, "==== new page: %s %s\n", doc.AttachmentLabel(i, len(d.Attachments)), a.Title)
		list(a.Blocks)
	}
	return b.String()
}

// headingsAndCaptions are the lines a reader sees of the structure, in order: "一、评估工作基本情况", "表1　…",
// the names of the attachments listed under the body, the 落款, then each attachment's label, title,
// headings and captions.
func headingsAndCaptions(d *doc.Document) []string {
	var out []string
	labels := doc.Labels(d.AllBlocks())
	at := 0
	list := func(blocks []doc.Block) {
		for i, bl := range blocks {
			switch v := bl.(type) {
			case doc.Heading:
				out = append(out, v.Number+v.Text)
			case doc.Table:
				out = append(out, labels[at+i]+"\u3000"+v.Caption)
			case doc.Figure:
				out = append(out, labels[at+i]+"\u3000"+v.Caption)
			}
		}
		at += len(blocks)
	}
	list(d.Blocks)
	n := len(d.Attachments)
	for i, a := range d.Attachments {
		if i == 0 {
			out = append(out, "附件：")
		}
		out = append(out, doc.AttachmentNumber(i, n)+a.Title)
	}
	out = append(out, d.Signature.Issuer, doc.FormatDate(d.Signature.Date))
	for i, a := range d.Attachments {
		out = append(out, doc.AttachmentLabel(i, n), a.Title)
		list(a.Blocks)
	}
	return out
}

// inOrder reports the first of want that text does not hold after the ones before it ("" when all do).
func inOrder(text string, want []string) string {
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w
		}
		at += i + len(w)
	}
	return ""
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

// The demo's evaluation report keeps its structure (testdata/report.doc.golden), and the page and the
// Word file both show every heading and caption of it, in order; the workbook keeps its sheets.
func TestGoldenStructure(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	ids, err := demo.Run(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(ctx, s, ids[0], Options{GroupBy: []string{"Q1"}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := EvaluationDocument(r)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report.doc.golden", docStructure(d))
	var hb, db bytes.Buffer
	if err := WriteHTML(&hb, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteDOCX(&db, r); err != nil {
		t.Fatal(err)
	}
	want := headingsAndCaptions(d)
	if miss := inOrder(pageText(hb.String()), want); miss != "" {
		t.Errorf("report.html lacks %q (in order)", miss)
	}
	if miss := inOrder(checkDOCXSafe(t, db.Bytes()), want); miss != "" {
		t.Errorf("report.docx lacks %q (in order)", miss)
	}

	fs, id := fixtureStore(t)
	dir := t.TempDir()
	_, xp, err := Write(ctx, fs, id, "", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report.xlsx.golden", xlsxStructure(t, xp))
}
