package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/reports/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tinyPNG is a 4×3 PNG (aspect 0.75).
func tinyPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	for x := 0; x < 4; x++ {
		img.Set(x, 1, color.RGBA{0xC0, 0x39, 0x2B, 0xFF})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const tinySVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100"><rect width="200" height="100" fill="#eee"/></svg>`

func sample(t testing.TB) *doc.Document {
	return &doc.Document{
		Title:     "关于《某某办法（征求意见稿）》\n公开征求意见采纳情况的说明",
		Subtitle:  "（2026年11月20日）",
		Addressee: "各有关单位",
		Blocks: []doc.Block{
			doc.Heading{Level: 1, Number: "一、", Text: "征求意见基本情况"},
			doc.Paragraph{Text: "2026年10月1日至10月30日，通过政府网站公开征求意见。\n\n　　共收到意见建议42条。"},
			doc.Heading{Level: 2, Number: "（一）", Text: "意见来源"},
			doc.Heading{Level: 3, Number: "1.", Text: "网站留言。", Body: "共86条。"},
			&doc.Heading{Level: 4, Number: "（1）", Text: "“电话”与邮件"},
			doc.Table{
				Caption: "意见建议采纳情况",
				Columns: []doc.Column{{Title: "序号", WidthCM: 1.5, Align: doc.AlignCenter}, {Title: "意见建议（摘要）"},
					{Title: "采纳情况", WidthCM: 2.5, Align: doc.AlignCenter}, {Title: "理由或说明"}},
				Rows:   [][]string{{"1", "延长申报期限", "采纳", "已修改第五条"}, {"2", "简化材料"}},
				Source: "公开征求意见平台",
			},
			doc.PageBreak{},
			doc.Figure{Caption: "各渠道意见数量", PNG: tinyPNG(t), SVG: []byte(tinySVG), WidthCM: 12, Source: "资料来源：问卷"},
		},
		Attachments: []doc.Attachment{
			{Title: "意见建议汇总表", Blocks: []doc.Block{
				doc.Heading{Level: 2, Number: "（一）", Text: "网站留言"},
				doc.Table{Caption: "网站留言", Columns: []doc.Column{{Title: "序号", WidthCM: 1.5}, {Title: "意见建议"}},
					Rows: [][]string{{"1", "延长申报期限"}}, Source: "政府网站"},
			}},
			{Title: "意见数量图", Blocks: []doc.Block{doc.Figure{Caption: "各月意见数量", PNG: tinyPNG(t)}}},
		},
		Signature: doc.Signature{Issuer: "某某市某某局", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)},
		Colophon:  "本说明依据公开征求意见的记录编制。",
	}
}

func write(t *testing.T, d *doc.Document) map[string][]byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return unzip(t, b.Bytes())
}

func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	return files
}

// indent puts each paragraph, row and style on its own line so golden diffs are readable.
var breakBefore = regexp.MustCompile(`<(w:p|w:tbl|w:tr|w:tc|w:style|w:docDefaults|w:sectPr|w:body)[ >]`)

func indent(b []byte) []byte {
	return append(breakBefore.ReplaceAll(b, []byte("\n$0")), '\n')
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/docx -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update if the change is intended)\n--- got ---\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	files := write(t, sample(t))
	golden(t, "document.xml.golden", indent(files["word/document.xml"]))
	golden(t, "styles.xml.golden", indent(files["word/styles.xml"]))
	golden(t, "footer1.xml.golden", indent(files["word/footer1.xml"]))
}

// parseAll tokenizes every XML part strictly; a part that does not parse is what Word calls
// "unreadable content".
func parseAll(t *testing.T, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") && !strings.HasSuffix(name, ".svg") {
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		d.Strict = true
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s does not parse: %v", name, err)
			}
		}
	}
}

type rels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type types struct {
	Default []struct {
		Ext string `xml:"Extension,attr"`
	} `xml:"Default"`
	Override []struct {
		Part string `xml:"PartName,attr"`
	} `xml:"Override"`
}

// TestPackage unzips the output and checks the package holds together: every XML part parses,
// every part has a content type, every relationship points at a part, every r:id and r:embed in
// the document names a relationship.
func TestPackage(t *testing.T) {
	files := write(t, sample(t))
	parseAll(t, files)
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/footer1.xml", "word/footer2.xml", "word/media/image1.png", "word/media/image2.svg"} {
		if files[want] == nil {
			t.Errorf("missing part %s", want)
		}
	}
	var ct types
	if err := xml.Unmarshal(files["[Content_Types].xml"], &ct); err != nil {
		t.Fatal(err)
	}
	exts, overrides := map[string]bool{}, map[string]bool{}
	for _, d := range ct.Default {
		exts[d.Ext] = true
	}
	for _, o := range ct.Override {
		overrides[o.Part] = true
		if files[strings.TrimPrefix(o.Part, "/")] == nil {
			t.Errorf("content type for missing part %s", o.Part)
		}
	}
	for name := range files {
		if name == "[Content_Types].xml" {
			continue
		}
		if !overrides["/"+name] && !exts[path.Ext(name)[1:]] {
			t.Errorf("part %s has no content type", name)
		}
	}
	ids := map[string]bool{}
	for relFile, base := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word/"} {
		var r rels
		if err := xml.Unmarshal(files[relFile], &r); err != nil {
			t.Fatal(err)
		}
		for _, rel := range r.Rel {
			if files[base+rel.Target] == nil {
				t.Errorf("%s: %s points at missing %s", relFile, rel.ID, base+rel.Target)
			}
			if base != "" {
				ids[rel.ID] = true
			}
		}
	}
	for _, m := range regexp.MustCompile(`r:(?:id|embed)="([^"]*)"`).FindAllSubmatch(files["word/document.xml"], -1) {
		if !ids[string(m[1])] {
			t.Errorf("document.xml refers to unknown relationship %s", m[1])
		}
	}
	core := string(files["docProps/core.xml"])
	if !strings.Contains(core, "<dc:title>关于《某某办法（征求意见稿）》公开征求意见采纳情况的说明</dc:title>") ||
		!strings.Contains(core, "<dc:creator>某某市某某局</dc:creator>") {
		t.Errorf("core properties: %s", core)
	}
}

// paragraphs returns the text of every w:p of a WordprocessingML part, in order.
func paragraphs(t *testing.T, data []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var cur *strings.Builder
	inT := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			switch v.Name.Local {
			case "p":
				cur = &strings.Builder{}
			case "t":
				inT = true
			case "tab":
				cur.WriteString("\t")
			case "br":
				cur.WriteString("\n")
			}
		case xml.EndElement:
			switch v.Name.Local {
			case "p":
				out = append(out, cur.String())
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.Write(v)
			}
		}
	}
}

func TestText(t *testing.T) {
	got := paragraphs(t, write(t, sample(t))["word/document.xml"])
	want := []string{
		"关于《某某办法（征求意见稿）》\n公开征求意见采纳情况的说明", "（2026年11月20日）", "各有关单位：",
		"一、征求意见基本情况", "2026年10月1日至10月30日，通过政府网站公开征求意见。", "共收到意见建议42条。",
		"（一）意见来源", "1.网站留言。共86条。", "（1）“电话”与邮件",
		"表1　意见建议采纳情况", "序号", "意见建议（摘要）", "采纳情况", "理由或说明",
		"1", "延长申报期限", "采纳", "已修改第五条", "2", "简化材料", "", "", "资料来源：公开征求意见平台",
		"", "图1　各渠道意见数量", "资料来源：问卷",
		"附件：1.意见建议汇总表", "2.意见数量图",
		"某某市某某局", "2026年11月20日", "本说明依据公开征求意见的记录编制。",
		"附件1", "意见建议汇总表", "（一）网站留言", "表2　网站留言", "序号", "意见建议", "1", "延长申报期限", "资料来源：政府网站",
		"附件2", "意见数量图", "", "图2　各月意见数量",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
}

// TestHostileText pushes every kind of bad text through every field: the package still parses,
// the forbidden characters are gone, and the rest reads back exactly (no markup was injected).
const hostile = "a\x00b\x01\x08\x0b\x0c\x1b\x7fc\uFFFE\uFFFF</w:t></w:r></w:p><w:p>&amp;&lt;]]><![CDATA[\"'\xff\xfe\xc3(" +
	"\r\nd\re\u2028\U0001F600<?xml?>"

// hostileDoc puts hostile text, and long, in every field.
func hostileDoc(t testing.TB, long string) *doc.Document {
	bad := hostile
	return &doc.Document{
		Title: bad, Subtitle: bad, Addressee: bad, Colophon: bad,
		Blocks: []doc.Block{
			doc.Heading{Level: 9, Number: bad, Text: bad, Body: bad},
			doc.Heading{Level: -3, Text: bad},
			doc.Paragraph{Text: bad},
			doc.Paragraph{Text: long},
			doc.Table{Caption: bad, Source: bad, Columns: []doc.Column{{Title: bad, WidthCM: -1}, {Title: long, WidthCM: 1e9}},
				Rows: [][]string{{bad, long}, {}, {"\x00"}}},
			doc.Figure{Caption: bad, Alt: bad, Source: bad, PNG: tinyPNG(t), WidthCM: 1e300, HeightCM: -5},
			nil,
		},
		Attachments: []doc.Attachment{{Title: bad, Blocks: []doc.Block{doc.Paragraph{Text: bad}, nil}}, {Title: long}},
		Signature:   doc.Signature{Issuer: bad, Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)},
	}
}

// TestHostileText pushes every kind of bad text through every field: the package still parses,
// the forbidden characters are gone, and the rest reads back exactly (no markup was injected).
func TestHostileText(t *testing.T) {
	long := strings.Repeat("长", 200000) + strings.Repeat("x", 100000)
	cleaned := "abc</w:t></w:r></w:p><w:p>&amp;&lt;]]><![CDATA[\"'(" // up to the first line end
	d := hostileDoc(t, long)
	files := write(t, d)
	parseAll(t, files)
	for name, data := range files {
		if strings.HasSuffix(name, ".png") {
			continue
		}
		for _, c := range []string{"\x00", "\x01", "\x0b", "\x1b", "\uFFFE", "\uFFFF", "\uFFFD"} {
			if bytes.Contains(data, []byte(c)) {
				t.Errorf("%s contains %q", name, c)
			}
		}
		if strings.HasSuffix(name, ".xml") && !bytes.Equal(bytes.ToValidUTF8(data, nil), data) {
			t.Errorf("%s is not valid UTF-8", name)
		}
	}
	ps := paragraphs(t, files["word/document.xml"])
	joined := strings.Join(ps, "|")
	if !strings.Contains(joined, cleaned) {
		t.Errorf("cleaned text not found; paragraphs start %q", ps[:3])
	}
	if !strings.Contains(joined, long) {
		t.Error("the long text was cut")
	}
	for _, p := range ps {
		if strings.Contains(p, "\r") {
			t.Errorf("carriage return kept: %q", p)
		}
	}
	// The body paragraph of hostile text is split at its line ends, not at the markup it contains.
	if n := strings.Count(joined, cleaned); n < 11 { // 8 in the body and the 落款, 3 in the attachments

		t.Errorf("hostile text appears %d times, want one per field", n)
	}
}

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain 中文", "plain 中文"},
		{"a\x00b", "ab"},
		{"a\r\nb\rc\n", "a\nb\nc\n"},
		{"\xffa\xc3", "a"},
		{"\t\uFFFEz\U0010FFFF", "\tz\U0010FFFF"},
	} {
		if got := clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := lines("　　第一段\n\n  第二段  \n\t"); strings.Join(got, "|") != "第一段|第二段" {
		t.Errorf("lines = %q", got)
	}
	if got := joinLines("关于某某\n的说明\nPart one\nand two"); got != "关于某某的说明Part one and two" {
		t.Errorf("joinLines = %q", got)
	}
}

// TestSignature holds the 落款 placement of GB/T 9704-2012 7.3.5.3 for a short and a long issuer,
// as the left indent (in 315-twip characters) of each line.
func TestSignature(t *testing.T) {
	date := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) // 2026年11月20日 = 7 characters
	for _, c := range []struct {
		issuer string
		want   []int // characters from the left margin
	}{
		{"北京市某某区人民政府办公室", []int{13, 15}}, // 13 characters, 右空二字; the date two to the right
		{"某某局", []int{17, 19}},           // the date would pass the edge: it keeps 2, the issuer moves
		{"", []int{17}},                  // date alone: 右空四字
		{"甲单位\n乙单位", []int{17, 17, 19}},
		{strings.Repeat("很长的机关名称", 5), []int{0, 2}},
	} {
		files := write(t, &doc.Document{Title: "T", Signature: doc.Signature{Issuer: c.issuer, Date: date}})
		var got []string
		for _, m := range regexp.MustCompile(`<w:ind w:left="(\d+)"(?: w:right="-630")?/>`).FindAllSubmatch(files["word/document.xml"], -1) {
			got = append(got, string(m[1]))
		}
		var want []string
		for _, w := range c.want {
			want = append(want, strconv.Itoa(w*charW))
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("issuer %q: left indents %v, want %v", c.issuer, got, want)
		}
	}
	// The date, and only the date, may run into the two blank characters on its right rather than break.
	body := string(write(t, &doc.Document{Signature: doc.Signature{Issuer: "市发展改革委", Date: date}})["word/document.xml"])
	if got := regexp.MustCompile(`<w:ind w:left="\d+" w:right="-630"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">([^<]*)<`).FindAllStringSubmatch(body, -1); len(got) != 1 || got[0][1] != "2026年11月20日" {
		t.Errorf("lines with room on the right: %q", got)
	}
	if got := doc.FormatDate(time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)); got != "2026年3月5日" {
		t.Errorf("FormatDate = %q", got)
	}
}

func TestPageBreaks(t *testing.T) {
	files := write(t, &doc.Document{Blocks: []doc.Block{
		doc.Paragraph{Text: "a"}, doc.PageBreak{}, &doc.PageBreak{}, doc.Paragraph{Text: "b"},
		doc.PageBreak{}, doc.Table{Columns: []doc.Column{{Title: "c"}}}, doc.PageBreak{},
	}})
	body := string(files["word/document.xml"])
	if n := strings.Count(body, "<w:pageBreakBefore/>"); n != 2 {
		t.Errorf("%d page breaks, want 2 (two in a row are one, the last is dropped)", n)
	}
	if !regexp.MustCompile(`<w:pageBreakBefore/></w:pPr></w:p><w:tbl>`).MatchString(body) {
		t.Error("the break before an uncaptioned table is not carried by an empty paragraph")
	}
}

// TestRowSplit: ordinary rows stay whole on a page; a row too tall for that may break.
func TestRowSplit(t *testing.T) {
	files := write(t, &doc.Document{Blocks: []doc.Block{doc.Table{
		Columns: []doc.Column{{Title: "序号", WidthCM: 1.5}, {Title: "意见"}},
		Rows:    [][]string{{"1", strings.Repeat("短", 100)}, {"2", strings.Repeat("长", 2000)}},
	}}})
	rows := regexp.MustCompile(`<w:tr><w:trPr>(.*?)</w:trPr>`).FindAllStringSubmatch(string(files["word/document.xml"]), -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1])
	}
	want := []string{"<w:cantSplit/><w:tblHeader/>", "<w:cantSplit/>", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row properties %q, want %q", got, want)
	}
}

func TestFigureSize(t *testing.T) {
	extent := func(f doc.Figure) string {
		files := write(t, &doc.Document{Blocks: []doc.Block{f}})
		return regexp.MustCompile(`<wp:extent [^>]*>`).FindString(string(files["word/document.xml"]))
	}
	png := tinyPNG(t)
	for _, c := range []struct {
		f    doc.Figure
		want string
	}{
		{doc.Figure{PNG: png, WidthCM: 10}, `cx="3600000" cy="2700000"`},                       // 4×3 PNG
		{doc.Figure{PNG: png}, `cx="5040000" cy="3780000"`},                                    // default 14 cm
		{doc.Figure{PNG: png, WidthCM: 40}, `cx="5616575" cy="4212431"`},                       // clamped to 156 mm
		{doc.Figure{SVG: []byte(tinySVG), WidthCM: 10}, `cx="3600000" cy="1800000"`},           // viewBox 2:1
		{doc.Figure{PNG: png, SVG: []byte(tinySVG), WidthCM: 10}, `cx="3600000" cy="2700000"`}, // the PNG rules
		{doc.Figure{PNG: png, WidthCM: 10, HeightCM: 2}, `cx="3600000" cy="720000"`},
	} {
		if got := extent(c.f); !strings.Contains(got, c.want) {
			t.Errorf("%v cm: %s, want %s", c.f.WidthCM, got, c.want)
		}
	}
}

// TestBadModel: a malformed model is refused and nothing reaches the writer.
func TestBadModel(t *testing.T) {
	for name, d := range map[string]*doc.Document{
		"nil":          nil,
		"not a png":    {Blocks: []doc.Block{doc.Figure{PNG: []byte("\x89PNG\r\n\x1a\nbroken")}}},
		"cut png":      {Blocks: []doc.Block{doc.Figure{PNG: tinyPNG(t)[:40]}}},
		"not svg":      {Blocks: []doc.Block{doc.Figure{SVG: []byte("<html><svg/></html>")}}},
		"broken svg":   {Blocks: []doc.Block{doc.Figure{SVG: []byte("<svg><g></svg>")}}},
		"no picture":   {Blocks: []doc.Block{doc.Figure{Caption: "x"}}},
		"no columns":   {Blocks: []doc.Block{doc.Table{Rows: [][]string{{"a"}}}}},
		"row too long": {Blocks: []doc.Block{doc.Table{Columns: []doc.Column{{Title: "a"}}, Rows: [][]string{{"1", "2"}}}}},
	} {
		var b bytes.Buffer
		if err := Write(&b, d); err == nil {
			t.Errorf("%s: no error", name)
		}
		if b.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", name, b.Len())
		}
	}
}

func TestEmpty(t *testing.T) {
	files := write(t, &doc.Document{})
	parseAll(t, files)
	if !bytes.Contains(files["word/document.xml"], []byte("<w:body><w:p/><w:sectPr>")) {
		t.Errorf("empty document body: %s", files["word/document.xml"])
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, sample(t)); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, sample(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same document differ")
	}
}

// TestAttachments: the 附件说明 stands under the body, two characters in, each next name under the
// first one's number and wrapped lines under the name (GB/T 9704-2012 7.3.4); the 落款 and the
// colophon follow it, and each attachment starts a page with its label and title; a body ending in
// a table keeps its last row and note with the list and the 落款.
func TestAttachments(t *testing.T) {
	date := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	table := doc.Table{Columns: []doc.Column{{Title: "a"}}, Rows: [][]string{{"1"}, {"2"}}, Source: "来源"}
	body := string(write(t, &doc.Document{
		Blocks:      []doc.Block{table},
		Attachments: []doc.Attachment{{Title: "评价方法", Blocks: []doc.Block{doc.Paragraph{Text: "甲"}}}, {Title: "数据表"}},
		Signature:   doc.Signature{Issuer: "某某局", Date: date}, Colophon: "附注",
	})["word/document.xml"])
	ind := func(left, hang int) string {
		return `<w:ind w:left="` + strconv.Itoa(left) + `" w:hanging="` + strconv.Itoa(hang) + `"/>`
	}
	const one = 155 + 75 // "1." in Times New Roman 16 pt, condensed by ¼ pt a character
	for _, want := range []string{
		// the list: 附件： from character 2, 1. at 5, the names after it; the second name's 2. at 5
		`<w:pStyle w:val="AttachmentList"/><w:keepNext/><w:spacing w:before="579"/>` + ind(5*charW+one, 3*charW+one) + `</w:pPr>`,
		`<w:pStyle w:val="AttachmentList"/><w:keepNext/>` + ind(5*charW+one, one) + `</w:pPr>`,
		`<w:pStyle w:val="AttachmentLabel"/><w:keepNext/><w:pageBreakBefore/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">附件1</w:t>`,
		`<w:pStyle w:val="AttachmentTitle"/><w:keepNext/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">评价方法</w:t>`,
		`<w:pStyle w:val="AttachmentLabel"/><w:keepNext/><w:pageBreakBefore/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">附件2</w:t>`,
		// the body's last row and its note keep with the list
		`<w:pStyle w:val="TableText"/><w:keepNext/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">2</w:t>`,
		`<w:pStyle w:val="Source"/><w:keepNext/></w:pPr>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document lacks %s", want)
		}
	}
	if strings.Contains(body, `<w:keepNext/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">1</w:t>`) {
		t.Error("a row but the last keeps with the next")
	}
	got := paragraphs(t, []byte(body))
	order := strings.Join(got, "|")
	if want := "资料来源：来源|附件：1.评价方法|2.数据表|某某局|2026年11月20日|附注|附件1|评价方法|甲|附件2|数据表"; !strings.HasSuffix(order, want) {
		t.Errorf("paragraphs %q, want them to end %q", order, want)
	}
	if n := strings.Count(body, "<w:pageBreakBefore/>"); n != 2 {
		t.Errorf("%d page breaks, want one before each attachment", n)
	}

	// One attachment has no number; a name that wraps goes on under its first character.
	body = string(write(t, &doc.Document{Blocks: []doc.Block{doc.Paragraph{Text: "正文"}},
		Attachments: []doc.Attachment{{Title: "评价方法"}}})["word/document.xml"])
	for _, want := range []string{
		`<w:pStyle w:val="Normal"/><w:keepNext/></w:pPr>`, // the body keeps with the list; unsigned, the list keeps with nothing
		`<w:pStyle w:val="AttachmentList"/><w:spacing w:before="579"/>` + ind(5*charW, 3*charW) + `</w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">附件：评价方法</w:t>`,
		`<w:t xml:space="preserve">附件</w:t>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("single attachment: document lacks %s", want)
		}
	}
}
