package sheet

// The generator of testdata/: `go test -run TestGenerate -update` rewrites every file. The files are
// committed so that a reader change cannot silently change what the tests read.

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite testdata/")

func TestGenerate(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/")
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll("testdata", 0o755))
	for name, build := range excelizeFiles {
		f := excelize.NewFile()
		must(build(f))
		must(f.SaveAs(filepath.Join("testdata", name)))
		must(f.Close())
	}
	for name, parts := range rawFiles {
		must(os.WriteFile(filepath.Join("testdata", name), rawXLSX(parts), 0o644))
	}
	for name, data := range textFiles() {
		must(os.WriteFile(filepath.Join("testdata", name), data, 0o644))
	}
	// Broken files.
	good, err := os.ReadFile(filepath.Join("testdata", "survey.xlsx"))
	must(err)
	must(os.WriteFile(filepath.Join("testdata", "broken_truncated.xlsx"), good[:len(good)*2/3], 0o644))
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde")
	must(os.WriteFile(filepath.Join("testdata", "broken_png.xlsx"), png, 0o644))
	must(os.WriteFile(filepath.Join("testdata", "broken_png.csv"), png, 0o644))
	must(os.WriteFile(filepath.Join("testdata", "broken_empty.xlsx"), nil, 0o644))
	must(os.WriteFile(filepath.Join("testdata", "broken_empty.csv"), nil, 0o644))
	// Seed corpus for the fuzz targets (plain go test runs these).
	for target, files := range map[string][]string{
		"FuzzXLSX": {"raw_inline_noref.xlsx", "raw_prefixed_1904.xlsx", "raw_cdata_comment.xlsx", "broken_truncated.xlsx", "broken_png.xlsx"},
		"FuzzCSV":  {"bom.csv", "gbk.csv", "tencent.csv", "title_row.csv", "unicode_text.txt", "broken_quote.csv", "broken_png.csv"},
	} {
		dir := filepath.Join("testdata", "fuzz", target)
		must(os.MkdirAll(dir, 0o755))
		for _, name := range files {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			must(err)
			must(os.WriteFile(filepath.Join(dir, name), []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)), 0o644))
		}
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzFastVsExcelize")
	must(os.MkdirAll(dir, 0o755))
	for i, text := range []string{"问卷星 ┋ 腾讯问卷 〖其他〗", "&amp; <x> _x0041_ \r\n", "0.1 1e5 -3 TRUE #N/A"} {
		must(os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%d", i)), []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\nuint8(%d)\n", text, 30+20*i)), 0o644))
	}
	// Issue 11: cells out of order or past XFD (readers put them in the wrong column), a real .ods.
	for name, rows := range map[string]string{
		"broken_cells_out_of_order.xlsx": `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>1、您的性别</t></is></c><c r="C1" t="inlineStr"><is><t>2、满意度</t></is></c></row><row r="2"><c r="C2" t="inlineStr"><is><t>满意</t></is></c><c r="A2"><v>1</v></c></row>`,
		"broken_cell_repeated.xlsx":      `<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>`,
		"broken_col_past_xfd.xlsx":       `<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>`,
	} {
		must(os.WriteFile(filepath.Join("testdata", name), rawXLSX(map[string]string{"xl/worksheets/sheet1.xml": sheetXML(rows)}), 0o644))
	}
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	for _, part := range [][2]string{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
		{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row><table:table-cell><text:p>序号</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`},
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>`}} {
		method := zip.Deflate
		if part[0] == "mimetype" {
			method = zip.Store // as ODF requires
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part[0], Method: method})
		must(err)
		w.Write([]byte(part[1]))
	}
	must(zw.Close())
	must(os.WriteFile(filepath.Join("testdata", "survey.ods"), ods.Bytes(), 0o644))
	must(os.WriteFile(filepath.Join("testdata", "broken_bomb.xlsx"), rawXLSX(map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`) + strings.Repeat(" ", 40<<20),
	}), 0o644))
}

// excelizeFiles are written with excelize, as survey platforms' exports are (shared strings).
var excelizeFiles = map[string]func(f *excelize.File) error{
	"survey.xlsx": func(f *excelize.File) error {
		f.SetSheetRow("Sheet1", "A1", &[]any{"某市政策落实情况满意度调查"})
		f.SetSheetRow("Sheet1", "A3", &[]any{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、您对政策的了解程度", "2、您通过哪些渠道了解(多选)", "3、意见和建议"})
		opts := []string{"非常了解", "比较了解", "一般", "不了解"}
		for i := 1; i <= 40; i++ {
			f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+3), &[]any{i, fmt.Sprintf("2026/3/%d 9:%02d:05", i%28+1, i%60), fmt.Sprintf("%d秒", 60+i),
				"手机提交", fmt.Sprintf("10.0.0.%d(北京)", i), opts[i%4], "电视┋网络〖政务公众号〗", strings.Repeat("建议加强宣传。", i%3)})
		}
		return nil
	},
	"types.xlsx": func(f *excelize.File) error {
		f.SetSheetRow("Sheet1", "A1", &[]any{"int", "float", "neg", "big", "bool", "str num", "empty", "last"})
		f.SetSheetRow("Sheet1", "A2", &[]any{42, 3.25, -7.5, 123456789012345678, true, "0012", "", "x"})
		f.SetSheetRow("Sheet1", "A3", &[]any{0, 1e-7, 1.5e300, int64(-9007199254740993), false, " 空格 ", nil, "<&>\"'"})
		f.SetCellFormula("Sheet1", "A4", "SUM(A2:A3)")
		f.SetCellValue("Sheet1", "C5", "only C")
		f.SetCellValue("Sheet1", "Z7", "far")
		f.SetCellValue("Sheet1", "A9", "line1\nline2\r\nline3")
		f.SetCellValue("Sheet1", "B9", "tab\there _x000D_ and _x005F_x0041_")
		return nil
	},
	"dates.xlsx": func(f *excelize.File) error {
		tm := time.Date(2026, 3, 5, 9, 7, 31, 0, time.UTC)
		f.SetSheetRow("Sheet1", "A1", &[]any{"fmt", "value"})
		row := 2
		for _, nf := range []int{14, 15, 17, 18, 20, 21, 22, 45, 46, 47, 27, 31, 32, 58, 2, 10} {
			st, _ := f.NewStyle(&excelize.Style{NumFmt: nf})
			f.SetCellValue("Sheet1", fmt.Sprintf("A%d", row), nf)
			f.SetCellValue("Sheet1", fmt.Sprintf("B%d", row), tm)
			f.SetCellStyle("Sheet1", fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), st)
			f.SetCellValue("Sheet1", fmt.Sprintf("C%d", row), 0.75)
			f.SetCellStyle("Sheet1", fmt.Sprintf("C%d", row), fmt.Sprintf("C%d", row), st)
			f.SetCellValue("Sheet1", fmt.Sprintf("D%d", row), "45000")
			f.SetCellStyle("Sheet1", fmt.Sprintf("D%d", row), fmt.Sprintf("D%d", row), st)
			f.SetCellValue("Sheet1", fmt.Sprintf("E%d", row), -3)
			f.SetCellStyle("Sheet1", fmt.Sprintf("E%d", row), fmt.Sprintf("E%d", row), st)
			row++
		}
		for _, code := range []string{"yyyy-mm-dd hh:mm:ss", `yyyy"年"m"月"d"日"`, "[$-804]yyyy/m/d h:mm", "hh:mm:ss.000", "0.00", "@", "[h]:mm", "m/d;@", "#,##0.00_);[Red](#,##0.00)"} {
			code := code
			st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			f.SetCellValue("Sheet1", fmt.Sprintf("A%d", row), code)
			f.SetCellValue("Sheet1", fmt.Sprintf("B%d", row), 46086.3802662037)
			f.SetCellStyle("Sheet1", fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), st)
			f.SetCellValue("Sheet1", fmt.Sprintf("C%d", row), true)
			f.SetCellStyle("Sheet1", fmt.Sprintf("C%d", row), fmt.Sprintf("C%d", row), st)
			row++
		}
		return nil
	},
	"rich_merged.xlsx": func(f *excelize.File) error {
		f.SetCellRichText("Sheet1", "A1", []excelize.RichTextRun{{Text: "加粗", Font: &excelize.Font{Bold: true}}, {Text: " 普通 "}, {Text: "红", Font: &excelize.Font{Color: "FF0000"}}})
		f.SetCellValue("Sheet1", "B1", "合并标题")
		f.MergeCell("Sheet1", "B1", "D2")
		f.SetCellValue("Sheet1", "A3", "下面")
		return nil
	},
	"zero_rows.xlsx": func(f *excelize.File) error { return nil },
	"stream.xlsx": func(f *excelize.File) error {
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			return err
		}
		sw.SetRow("A1", []any{"编号", "开始答题时间", "1.您的性别", "2.满意度"})
		for i := 2; i <= 30; i++ {
			sw.SetRow(fmt.Sprintf("A%d", i), []any{i - 1, time.Date(2021, 2, 2, 20, 26, i, 0, time.UTC), "男", excelize.Cell{Value: i % 5, Formula: "1+1"}})
		}
		return sw.Flush()
	},
	"second_sheet.xlsx": func(f *excelize.File) error {
		f.SetSheetName("Sheet1", "答卷数据")
		f.NewSheet("统计")
		f.SetCellValue("统计", "A1", "not me")
		f.SetCellValue("答卷数据", "A1", "first sheet")
		return nil
	},
}

// rawFiles are hand-written packages for what excelize does not write.
var rawFiles = map[string]map[string]string{
	"raw_inline_noref.xlsx": {
		"xl/worksheets/sheet1.xml": sheetXML(
			`<row><c t="inlineStr"><is><t>无引用</t></is></c><c t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c><c><v>7</v></c></row>` +
				`<row><c r="C2" t="str"><f>A1&amp;"x"</f><v>cached &lt;str&gt;</v></c><c t="e"><v>#N/A</v></c><c t="b"><v>1</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
				`<row r="5" spans="1:3"><c r="A5" s="1"><v>46086.5</v></c><c r="B5" s="1" t="d"><v>2026-03-05T12:00:00Z</v></c><c r="C5" t="n"><v>1.5E-3</v></c><c r="D5"/><c r="E5" t="s"><v>1</v></c></row>` +
				`<row r="6"><c r="A6" t="inlineStr"><is><t>&#20013;&#x6587;&amp;&quot;&apos;_x000D__x005F_x0041_</t></is></c><c r="B6" t="s"><v> 0 </v></c><c r="C6" t="s"><v>2</v></c></row>` +
				`<row r="8"/><row r="9"><c r="B9" t="inlineStr"/><c r="C9"><f>NOW()</f></c></row>`),
		"xl/sharedStrings.xml": sstXML(`<si><t>共享</t></si><si><r><t>a</t></r><r><t>b</t></r><rPh><t>x</t></rPh><phoneticPr fontId="1"/></si><si><t xml:space="preserve">  空格  </t></si>`),
		"xl/styles.xml":        stylesXML(`<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d h:mm"/></numFmts>`, `<xf numFmtId="0"/><xf numFmtId="176"/>`),
	},
	"raw_prefixed_1904.xlsx": {
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>1000.25</x:v></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		"xl/sharedStrings.xml": sstXML(`<si><t>前缀</t></si>`),
		"xl/styles.xml":        stylesXML(``, `<xf numFmtId="0"/><xf numFmtId="22"/>`),
	},
	"long_cell.xlsx": { // 40,000 characters: over Excel's 32,767, so excelize will not write it
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>`),
		"xl/sharedStrings.xml":     sstXML(`<si><t>序号</t></si><si><t>3、意见和建议</t></si><si><t>` + strings.Repeat("很长的意见", 8000) + `</t></si>`),
	},
	"libreoffice.xlsx": { // as LibreOffice saves a 问卷星 export: rows with all attributes, t="n", dates by style, rich runs
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c><c r="C1" s="0" t="s"><v>2</v></c><c r="D1" s="0" t="s"><v>3</v></c></row>` +
			`<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A2" s="0" t="n"><v>1</v></c><c r="B2" s="1" t="n"><v>46327.4305555556</v></c><c r="C2" s="0" t="s"><v>4</v></c><c r="D2" s="0" t="s"><v>5</v></c></row>` +
			`<row r="3" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A3" s="0" t="n"><v>2.5</v></c><c r="B3" s="2" t="n"><v>0.75</v></c><c r="C3" s="0" t="s"><v>6</v></c><c r="D3" s="1" t="n"><v>-1.5E-3</v></c><c r="E3" s="0" t="s"><v>7</v></c></row>`),
		"xl/sharedStrings.xml": sstXML(`<si><t xml:space="preserve">序号</t></si><si><t xml:space="preserve">提交答卷时间</t></si>` +
			`<si><r><rPr><sz val="11"/><rFont val="Calibri"/><family val="2"/><charset val="1"/></rPr><t xml:space="preserve">1</t></r><r><rPr><sz val="11"/><rFont val="宋体"/><family val="2"/><charset val="134"/></rPr><t xml:space="preserve">、您的意见</t></r></si>` +
			`<si><r><t>2</t></r><r><rPr><b/></rPr><t>、满意度</t></r></si>` +
			`<si><r><rPr><sz val="11"/></rPr><t xml:space="preserve">123</t></r><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t xml:space="preserve">秒 &amp; &lt;x&gt; _x000D_</t></r></si>` +
			`<si><r><rPr><sz val="11"/></rPr><t xml:space="preserve">10.0.0.1</t></r><r><rPr><sz val="11"/></rPr><t xml:space="preserve">(北京)</t></r><rPh sb="0" eb="1"><t>ペキン</t></rPh></si>` +
			`<si><r><rPr><sz val="11"/></rPr><t xml:space="preserve">意见</t></r><r><rPr><sz val="11"/></rPr><t/></r><r><rPr><sz val="11"/></rPr><t>ABC</t></r></si>` +
			`<si><r><rPr><sz val="11"/></rPr><t xml:space="preserve">  </t></r></si>`),
		"xl/styles.xml": stylesXML(`<numFmts count="2"><numFmt numFmtId="164" formatCode="YYYY\-MM\-DD\ HH:MM:SS"/><numFmt numFmtId="165" formatCode="HH:MM:SS"/></numFmts>`, `<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/>`),
	},
	"raw_cdata_comment.xlsx": { // constructs the fast path leaves to excelize
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<cdata>]]></t></is></c><!-- note --><c r="B1"><v>2</v></c></row>`),
	},
	"raw_sst_index.xlsx": { // a shared string index past the table: excelize's error
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c></row>`),
		"xl/sharedStrings.xml":     sstXML(`<si><t>only</t></si>`),
	},
}

func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>` + rows + `</sheetData><mergeCells count="0"/></worksheet>`
}

func sstXML(items string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + items + `</sst>`
}

func stylesXML(numFmts, xfs string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + numFmts + `<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs>` + xfs + `</cellXfs></styleSheet>`
}

// rawXLSX zips the given parts with defaults for the package plumbing.
func rawXLSX(parts map[string]string) []byte {
	all := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/styles.xml":              stylesXML("", `<xf numFmtId="0"/>`),
	}
	for k, v := range parts {
		all[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"} {
		if v, ok := all[name]; ok {
			w, _ := zw.Create(name)
			w.Write([]byte(v))
		}
	}
	zw.Close()
	return buf.Bytes()
}

func textFiles() map[string][]byte {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("序号,提交答卷时间,1、您的性别\r\n1,2026/3/5 9:07:01,男\r\n2,2026/3/5 9:08:01,女\r\n")
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("id\tsubmitdate\tQ1[SQ001]\r\n1\t2026-03-05 09:07:01\t是\r\n")
	return map[string][]byte{
		"bom.csv":          []byte("\xEF\xBB\xBF序号,1、题目\n1,\"含,逗号\"\n2,\"多\n行\"\n"),
		"gbk.csv":          []byte(gbk),
		"tencent.csv":      []byte("编号,开始答题时间,1.您的性别,\n1,02-Feb-2021 20:26:58,男,\n2,02-Feb-2021 20:27:58,女,\n"),
		"title_row.csv":    []byte("某市调查问卷导出\n\n序号,1、题目\n1,A\n"),
		"unicode_text.txt": []byte(utf16),
		"broken_quote.csv": []byte("序号,1、题目\n1,ok\n2,\"bad\"quote\n"),
		"long_cell.csv":    []byte("序号,意见\n1," + strings.Repeat("很长的意见", 8000) + "\n"),
	}
}

// Files with characters XML does not allow in a few cells, as broken exporters write them (issue 11):
// the fast path mends those cells and reads on, excelize's reader stops at the first one without a word.
// ctrl_survey_*.xlsx: a 1,000-response 问卷星 export, bad characters in five answers from row 501 on;
// ctrl_opinions.xlsx: 60 consultation comments, a VT in row 40; ctrl_assessment.xlsx: a score sheet.
func init() {
	bad := map[int]string{501: "\v", 502: "\x00", 640: "\x1b", 777: "\xff\xfe", 1001: "&#0;"}
	rawFiles["ctrl_survey_sst.xlsx"] = ctrlSurvey(bad, false)
	rawFiles["ctrl_survey_inline.xlsx"] = ctrlSurvey(bad, true)
	rawFiles["ctrl_opinions.xlsx"] = ctrlSheet([]string{"序号", "提交时间", "意见内容", "涉及条款"}, 60, map[int]string{40: "\v"}, 2, func(i int) []string {
		return []string{fmt.Sprint(i), fmt.Sprintf("2026-03-%02d 10:%02d:00", i%20+1, i%60), fmt.Sprintf("建议第%d条延长申报期限，方便企业办理。", i%9+1), fmt.Sprintf("第%d条", i%9+1)}
	})
	var rows strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>%d</v></c><!-- 注释 --><c r="B%d" t="inlineStr"><is><t>意见%d</t></is></c></row>`, i, i, i, i, i)
	}
	good := rows.String()
	rawFiles["ctrl_comment.xlsx"] = map[string]string{"xl/worksheets/sheet1.xml": sheetXML(strings.Replace(good, "意见30", "意\v见30", 1) + `<row r="31"><c r="A31"><v>31</v></c></row>`)}
	rawFiles["ctrl_comment_last.xlsx"] = map[string]string{"xl/worksheets/sheet1.xml": sheetXML(strings.Replace(good, "意见30", "意\x00见30", 1))}
	rawFiles["ctrl_assessment.xlsx"] = ctrlSheet([]string{"一级指标", "二级指标", "满分", "得分", "存在问题"}, 9, map[int]string{5: "\x1b"}, 4, func(i int) []string {
		dims := []string{"执行过程", "细则标准", "取得成效"}
		return []string{dims[(i-2)/3%3], fmt.Sprintf("指标%d", i-1), "10", fmt.Sprint(6 + i%4), "部分窗口材料要求不一致"}
	})
}

// ctrlSurvey is the 问卷星 export of ctrl_survey_*.xlsx: header in row 1, responses in rows 2–1001; the
// open answer (column G) of each row in bad has that text in it, as a shared or an inline string.
func ctrlSurvey(bad map[int]string, inline bool) map[string]string {
	opts := []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	return ctrlSheet([]string{"序号", "提交答卷时间", "所用时间", "来源", "1、您的性别", "2、您对政策宣传的满意度", "3、您对政策的意见和建议"}, 1001, bad, 6, func(i int) []string {
		sex := "男"
		if i%2 == 0 {
			sex = "女"
		}
		return []string{fmt.Sprint(i - 1), fmt.Sprintf("2026-03-%02d 09:%02d:%02d", i%28+1, i%60, i%60), fmt.Sprintf("%d秒", 90+i%200), "手机提交", sex, opts[i%5], fmt.Sprintf("希望第%d项措施尽快落地", i%7+1)}
	}, inline)
}

// ctrlSheet writes header and rows 2..last of row(i); in each row of bad the cell of column badCol (0-based)
// gets that text before its last character. Texts are shared strings, or inline strings when inline[0].
func ctrlSheet(header []string, last int, bad map[int]string, badCol int, row func(i int) []string, inline ...bool) map[string]string {
	var sheet, sst strings.Builder
	nsst := 0
	cell := func(ref, text string, number bool) {
		switch {
		case number:
			fmt.Fprintf(&sheet, `<c r="%s"><v>%s</v></c>`, ref, text)
		case len(inline) > 0 && inline[0]:
			fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
		default:
			fmt.Fprintf(&sst, `<si><t>%s</t></si>`, text)
			fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, nsst)
			nsst++
		}
	}
	for i := 1; i <= last; i++ {
		cells := header
		if i > 1 {
			cells = row(i)
		}
		fmt.Fprintf(&sheet, `<row r="%d">`, i)
		for j, c := range cells {
			if b, ok := bad[i]; ok && j == badCol {
				r := []rune(c)
				c = string(r[:len(r)-1]) + b + string(r[len(r)-1:])
			}
			_, err := strconv.Atoi(c)
			cell(fmt.Sprintf("%c%d", 'A'+j, i), c, err == nil && i > 1)
		}
		sheet.WriteString(`</row>`)
	}
	return map[string]string{"xl/worksheets/sheet1.xml": sheetXML(sheet.String()), "xl/sharedStrings.xml": sstXML(sst.String())}
}
