// Command gen writes the survey export samples in data/ingest/testdata (run from that folder's parent:
// `go generate ./data/ingest`), and with -big N -out F a large 问卷星-style xlsx for benchmarks.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	dir := flag.String("dir", "testdata", "output folder")
	big := flag.Int("big", 0, "write a large 问卷星 xlsx with this many rows to -out instead")
	cols := flag.Int("cols", 59, "columns of the large file")
	out := flag.String("out", "", "output file for -big")
	producer := flag.String("producer", "excel", "how the large file is saved: "+strings.Join(producers, ", "))
	flag.Parse()
	if *big > 0 {
		if err := writeBig(*out, *big, *cols, *producer); err != nil {
			log.Fatal(err)
		}
		return
	}
	files := map[string][][]string{
		"wjx_text":        wjxText(),
		"wjx_code":        wjxCode(),
		"tencent":         tencent(),
		"jinshuju":        jinshuju(),
		"limesurvey":      limesurvey(),
		"limesurvey_text": limesurveyText(),
		"generic":         generic(),
	}
	for name, rows := range files {
		must(writeXLSX(filepath.Join(*dir, name+".xlsx"), rows))
		must(writeCSV(filepath.Join(*dir, name+".csv"), rows, false, false))
	}
	must(writeCSV(filepath.Join(*dir, "wjx_text_later.csv"), wjxTextLater(), false, false))
	must(writeCSV(filepath.Join(*dir, "wjx_text_gbk.csv"), wjxText(), true, false))
	must(writeCSV(filepath.Join(*dir, "wjx_text_bom.csv"), wjxText(), false, true))
	must(writeTencentTrailingComma(filepath.Join(*dir, "tencent_trailing.csv"), tencent()))
	// Broken and edge-case files.
	xl, err := os.ReadFile(filepath.Join(*dir, "wjx_text.xlsx"))
	must(err)
	must(os.WriteFile(filepath.Join(*dir, "truncated.xlsx"), xl[:len(xl)/2], 0o644))
	must(os.WriteFile(filepath.Join(*dir, "not_a_sheet.xlsx"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), 0o644))
	must(os.WriteFile(filepath.Join(*dir, "empty.csv"), nil, 0o644))
	must(writeCSV(filepath.Join(*dir, "header_only.csv"), wjxText()[1:2], false, false))
	long := wjxText()
	long[3][len(long[3])-1] = strings.Repeat("很长的意见", 8000) // 40,000 characters
	must(writeCSV(filepath.Join(*dir, "long_cell.csv"), long, false, false))
	bad := wjxText()
	bad[5][1] = "2026/13/01 10:00:00" // row 6 of the file: a month that does not exist
	must(writeCSV(filepath.Join(*dir, "bad_row.csv"), bad, false, false))
	must(writeFuzzSeeds(filepath.Join(*dir, "fuzz", "FuzzParseRows"), files))
	extra := wjxText()
	extra[4] = append(extra[4], "", "多出来的内容")
	must(writeCSV(filepath.Join(*dir, "extra_cell.csv"), extra, false, false))
	writeShapes(*dir)
	writeKeyShapes(*dir)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// wjxText: 问卷星 按选项文本, with a title row above the header.
func wjxText() [][]string {
	return [][]string{
		{"2026年营商环境政策满意度调查"},
		{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
			"1、您对政务服务办事效率是否满意", "2、您办事时遇到过哪些问题", "3、请对下列渠道按使用频率排序", "4、您的年龄", "5、您对政策还有什么意见建议"},
		{"1", "2026/11/2 10:11:12", "123秒", "手机提交", "直接访问", "112.10.1.1(浙江-杭州)", "满意", "材料多┋跑腿多", "网站→APP→窗口", "35", "希望进一步简化流程"},
		{"2", "2026/11/2 10:12:12", "2分3秒", "微信", "直接访问", "112.10.1.2(浙江-杭州)", "非常满意", "其他〖窗口太少〗", "APP→网站", "42", "(跳过)"},
		{"3", "2026/11/2 10:13:12", "45秒", "微信", "直接访问", "112.10.1.3", "一般", "材料多┋其他〖排队久〗┋系统卡", "(跳过)", "28", "有问题请联系13812345678"},
		{"4", "2026/11/2 10:14:12", "1分0秒", "链接", "直接访问", "112.10.1.4", "(空)", "系统卡", "窗口→网站→APP", "51", ""},
		{"5", "2026/11/2 10:15:12", "300秒", "手机提交", "直接访问", "112.10.1.5", "不满意", "材料多", "网站", "60", "审批时间太长，建议公开进度"},
	}
}

// wjxTextLater is the same survey exported again a day later: responses 4 and 5 again, three new ones.
func wjxTextLater() [][]string {
	t := wjxText()
	return append(t[:2:2], t[5], t[6],
		[]string{"6", "2026/11/3 09:01:00", "88秒", "微信", "直接访问", "112.10.1.6", "满意", "跑腿多", "APP", "33", "窗口服务态度好"},
		[]string{"7", "2026/11/3 09:05:30", "2分0秒", "手机提交", "直接访问", "112.10.1.7", "一般", "其他〖窗口太少〗", "窗口→APP", "47", ""},
		[]string{"8", "2026/11/3 09:10:45", "150秒", "链接", "直接访问", "112.10.1.8", "非常满意", "材料多", "网站→窗口", "29", "无"})
}

// wjxCode: 问卷星 按选项序号: single choice as option numbers, multi-select as 0/1 columns, a matrix and
// a ranking expanded, an older 第N题(选项) group, −2/−3 missing.
func wjxCode() [][]string {
	return [][]string{
		{"序号", "提交答卷时间", "所用时间", "来自IP",
			"1、您对办事效率是否满意", "2、(材料多)", "2、(跑腿多)", "2、(系统卡)",
			"3、(办事效率)", "3、(服务态度)", "4、(网站)", "4、(APP)", "4、(窗口)", "第5题(政策宣传)", "第5题(执法监管)", "6、您的建议"},
		{"1", "2026-11-02 10:11:12", "80秒", "10.0.0.1", "2", "1", "0", "1", "4", "5", "1", "2", "3", "1", "0", "多开窗口"},
		{"2", "2026-11-02 10:12:12", "95秒", "10.0.0.2", "1", "0", "0", "1", "3", "3", "2", "1", "0", "0", "1", "-3"},
		{"3", "2026-11-02 10:13:12", "60秒", "10.0.0.3", "-3", "-2", "-2", "-2", "2", "4", "3", "2", "1", "1", "1", "(跳过)"},
		{"4", "2026-11-02 10:14:12", "70秒", "10.0.0.4", "3", "1", "1", "0", "5", "5", "1", "3", "2", "0", "1", "网上办更方便"},
	}
}

// tencent: 腾讯问卷 CSV-style export: English-month dates, expanded multi-select (non-empty = chosen),
// a matrix as N.题目:行, a blank N.题目_填空1, a multi-select written as 1/0.
func tencent() [][]string {
	return [][]string{
		{"编号", "开始答题时间", "结束答题时间", "答题时长", "地理位置（国家）", "地理位置（省）", "自定义字段", "IP", "UA",
			"1.您对窗口服务满意吗", "2.您常用的办事渠道:政务网站", "2.您常用的办事渠道:手机APP", "2.您常用的办事渠道:线下窗口",
			"3.请评价:办事效率", "3.请评价:服务态度", "4.其他意见_填空1", "5.您了解的政策:减税降费", "5.您了解的政策:融资支持"},
		{"1001", "02-Feb-2021 20:25:00", "02-Feb-2021 20:26:58", "118", "中国", "北京", "", "1.1.1.1", "Mozilla", "满意", "政务网站", "", "线下窗口", "满意", "非常满意", "无", "1", "0"},
		{"1002", "02-Feb-2021 20:30:00", "02-Feb-2021 20:31:00", "60", "中国", "北京", "", "1.1.1.2", "Mozilla", "一般", "", "手机APP", "", "一般", "满意", "", "0", "0"},
		{"1003", "03-Feb-2021 09:00:00", "03-Feb-2021 09:05:30", "330", "中国", "河北", "", "1.1.1.3", "Mozilla", "非常满意", "政务网站", "手机APP", "", "非常满意", "非常满意", "希望延长办公时间", "1", "1"},
	}
}

// jinshuju: 金数据 with its metadata aliases; questions are not numbered; a multi-select joined by commas.
func jinshuju() [][]string {
	return [][]string{
		{"序号", "您的身份", "您对营商环境总体评价", "您的建议", "您常用的办事渠道", "提交人", "提交时间", "修改时间", "IP", "填写设备", "操作系统", "浏览器", "填写地区", "填写时长"},
		{"1", "企业", "满意", "多举办政策宣讲", "政务网站,手机APP", "张三", "2026-10-01 09:00:00", "2026-10-01 09:00:00", "2.2.2.1", "手机", "iOS", "微信", "北京", "1分30秒"},
		{"2", "个体工商户", "一般", "", "线下窗口", "李四", "2026-10-01 10:00:00", "2026-10-01 10:00:00", "2.2.2.2", "电脑", "Windows", "Chrome", "北京", "45秒"},
		{"3", "企业", "非常满意", "无", "手机APP,线下窗口", "王五", "2026-10-02 11:00:00", "2026-10-02 11:00:00", "2.2.2.3", "手机", "Android", "微信", "天津", "3分"},
	}
}

// limesurvey: question-code headings; a multiple choice (Y), an array (answer codes), other text.
func limesurvey() [][]string {
	return [][]string{
		{"id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp", "ipaddr", "refurl",
			"Q1", "Q2[SQ001]", "Q2[SQ002]", "Q2[SQ003]", "Q2[other]", "Q3[SQ001]", "Q3[SQ002]", "Q4"},
		{"1", "2026-09-01 10:05:00", "2", "zh-Hans", "123", "tokA", "2026-09-01 10:00:00", "2026-09-01 10:05:00", "3.3.3.1", "", "A1", "Y", "", "Y", "", "A2", "A3", "很好"},
		{"2", "2026-09-01 11:02:00", "2", "zh-Hans", "456", "tokB", "2026-09-01 11:00:00", "2026-09-01 11:02:00", "3.3.3.2", "", "A2", "", "Y", "", "政策解读", "A1", "A1", ""},
		{"3", "2026-09-02 08:10:00", "2", "zh-Hans", "789", "tokC", "2026-09-02 08:00:00", "2026-09-02 08:10:00", "3.3.3.3", "", "A1", "Y", "Y", "", "", "A3", "A2", "办事更快了"},
	}
}

// limesurveyText: LimeSurvey with full-text headings and answer texts.
func limesurveyText() [][]string {
	return [][]string{
		{"Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "IP address",
			"您对窗口服务是否满意", "您常用的办事渠道 [政务网站]", "您常用的办事渠道 [手机APP]", "您常用的办事渠道 [其他]", "您的建议"},
		{"1", "2026-09-01 10:05:00", "2", "zh-Hans", "1", "2026-09-01 10:00:00", "4.4.4.1", "满意", "是", "否", "", "无"},
		{"2", "2026-09-01 11:05:00", "2", "zh-Hans", "2", "2026-09-01 11:00:00", "4.4.4.2", "一般", "否", "是", "自助终端", "多设窗口"},
		{"3", "2026-09-01 12:05:00", "2", "zh-Hans", "3", "2026-09-01 12:00:00", "4.4.4.3", "满意", "是", "是", "", ""},
	}
}

// generic: a hand-made sheet.
func generic() [][]string {
	return [][]string{
		{"受访者类型", "办事便捷度", "多选问题", "填写时间", "备注意见"},
		{"企业", "满意", "A┋B", "2026-08-01 09:00", "无"},
		{"群众", "一般", "B", "2026-08-01 10:00", ""},
		{"企业", "满意", "A┋C", "2026-08-02 11:00", "希望窗口延长服务时间"},
	}
}

func writeXLSX(path string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(r))
		for k, v := range r {
			vals[k] = v
		}
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

func writeCSV(path string, rows [][]string, gbk, bom bool) error {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	out := b.Bytes()
	if gbk {
		enc, err := simplifiedchinese.GBK.NewEncoder().Bytes(out)
		if err != nil {
			return err
		}
		out = enc
	}
	if bom {
		out = append([]byte("\xEF\xBB\xBF"), out...)
	}
	return os.WriteFile(path, out, 0o644)
}

// writeTencentTrailingComma writes 腾讯问卷's CSV, whose lines end with a comma.
func writeTencentTrailingComma(path string, rows [][]string) error {
	var b bytes.Buffer
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + ",\r\n")
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// writeBig writes a 问卷星 text export with n rows and cols columns (6 metadata, the rest questions:
// Likert single choice, a multi-select every 10th column, an open text every 15th) with a shared
// strings table, as Excel and WPS save it. excelize's stream writer only writes inline strings, so
// the few XML parts are written here directly.
// producers are the ways writeBig saves the large file, as each program writes a 问卷星 export it opened:
//   - excel: shared strings, <c r="B2" t="s">, numbers bare (Excel, 问卷星's own download);
//   - wps: every cell styled (s="1"), the submit time a date-styled number, as WPS saves it;
//   - libreoffice: rows with all their attributes, every cell s= and t= ("n" for numbers), the submit
//     time a date-styled number, and texts mixing Chinese with Latin letters or digits stored as
//     rich-text runs, one per script (<si><r><rPr>…</rPr><t xml:space="preserve">…</t></r>…</si>);
//   - inline: inline strings (<c t="inlineStr"><is><t>…</t></is></c>), as excelize's StreamWriter and
//     Apache POI's SXSSF write.
var producers = []string{"excel", "wps", "libreoffice", "inline"}

func writeBig(path string, n, cols int, producer string) error {
	known := false
	for _, p := range producers {
		known = known || p == producer
	}
	if !known {
		return fmt.Errorf("unknown -producer %q", producer)
	}
	header := []string{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"}
	for q := 1; len(header) < cols; q++ {
		header = append(header, fmt.Sprintf("%d、第%d题：您对该项服务是否满意", q, q))
	}
	likert := []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	opts := []string{"材料多", "跑腿多", "系统卡", "排队久", "政策不清楚"}
	rng := rand.New(rand.NewPCG(1, 2))
	sst := map[string]int{}
	var strs []string
	index := func(v string) int {
		i, ok := sst[v]
		if !ok {
			i = len(strs)
			sst[v] = i
			strs = append(strs, v)
		}
		return i
	}
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	// The submit time (column B) as the day serial a date-styled cell holds.
	serial := func(v string) string {
		t, err := time.Parse("2006-01-02 15:04:05", v)
		if err != nil {
			return ""
		}
		return strconv.FormatFloat(float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)))/float64(24*time.Hour), 'f', -1, 64)
	}
	writeRow := func(r int, cells []string, numberFirst bool) {
		if producer == "libreoffice" {
			fmt.Fprintf(&sheet, `<row r="%d" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">`, r)
		} else {
			fmt.Fprintf(&sheet, `<row r="%d">`, r)
		}
		for c, v := range cells {
			ref, _ := excelize.CoordinatesToCellName(c+1, r)
			number := c == 0 && numberFirst
			date := ""
			if c == 1 && numberFirst && producer != "excel" && producer != "inline" {
				date = serial(v)
			}
			switch {
			case date != "" && producer == "libreoffice":
				fmt.Fprintf(&sheet, `<c r="%s" s="1" t="n"><v>%s</v></c>`, ref, date)
			case date != "":
				fmt.Fprintf(&sheet, `<c r="%s" s="2"><v>%s</v></c>`, ref, date)
			case producer == "libreoffice" && number:
				fmt.Fprintf(&sheet, `<c r="%s" s="0" t="n"><v>%s</v></c>`, ref, v)
			case producer == "libreoffice":
				fmt.Fprintf(&sheet, `<c r="%s" s="0" t="s"><v>%d</v></c>`, ref, index(v))
			case producer == "wps" && number:
				fmt.Fprintf(&sheet, `<c r="%s" s="1"><v>%s</v></c>`, ref, v)
			case producer == "wps":
				fmt.Fprintf(&sheet, `<c r="%s" s="1" t="s"><v>%d</v></c>`, ref, index(v))
			case number:
				fmt.Fprintf(&sheet, `<c r="%s"><v>%s</v></c>`, ref, v)
			case producer == "inline":
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>`, ref)
				xml.EscapeText(&sheet, []byte(v))
				sheet.WriteString(`</t></is></c>`)
			default:
				fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, index(v))
			}
		}
		sheet.WriteString(`</row>`)
	}
	writeRow(1, header, false)
	row := make([]string, cols)
	for i := 1; i <= n; i++ {
		row[0] = fmt.Sprint(i)
		row[1] = fmt.Sprintf("2026-11-%02d %02d:%02d:%02d", 1+i%28, i%24, i%60, (i*7)%60)
		row[2] = fmt.Sprintf("%d秒", 60+rng.IntN(600))
		row[3] = "手机提交"
		row[4] = "直接访问"
		row[5] = fmt.Sprintf("10.%d.%d.%d(北京)", i>>16&255, i>>8&255, i&255)
		for c := 6; c < cols; c++ {
			switch {
			case (c-5)%15 == 0:
				row[c] = fmt.Sprintf("意见%d：希望窗口服务更便捷", rng.IntN(50000))
			case (c-5)%10 == 0:
				a := rng.IntN(5)
				row[c] = opts[a] + "┋" + opts[(a+1+rng.IntN(4))%5]
			default:
				row[c] = likert[rng.IntN(5)]
			}
		}
		writeRow(i+1, row, true)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	var ss bytes.Buffer
	fmt.Fprintf(&ss, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(strs), len(strs))
	for _, v := range strs {
		if producer == "libreoffice" {
			writeLibreOfficeSI(&ss, v)
			continue
		}
		ss.WriteString("<si><t>")
		xml.EscapeText(&ss, []byte(v))
		ss.WriteString("</t></si>")
	}
	ss.WriteString("</sst>")
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", ss.String()},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	}
	if producer != "excel" && producer != "inline" { // styles: 1 a date-time (LibreOffice), 2 the same (WPS)
		parts = append(parts, struct{ name, body string }{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="YYYY\-MM\-DD\ HH:MM:SS"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`})
		parts[3].body = strings.Replace(parts[3].body, `</Relationships>`, `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, 1)
	}
	if producer == "inline" {
		parts = append(parts[:4], parts[5:]...) // no shared strings
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			out.Close()
			return err
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			out.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// writeLibreOfficeSI writes a shared string as LibreOffice does: plain, or, when it mixes Chinese with
// Latin letters or digits, one rich-text run per script, each with its font.
func writeLibreOfficeSI(w *bytes.Buffer, v string) {
	type run struct {
		text string
		cjk  bool
	}
	var runs []run
	for _, r := range v {
		cjk := r >= 0x2E80
		if len(runs) == 0 || runs[len(runs)-1].cjk != cjk {
			runs = append(runs, run{cjk: cjk})
		}
		runs[len(runs)-1].text += string(r)
	}
	if len(runs) < 2 {
		w.WriteString(`<si><t xml:space="preserve">`)
		xml.EscapeText(w, []byte(v))
		w.WriteString(`</t></si>`)
		return
	}
	w.WriteString("<si>")
	for _, r := range runs {
		if r.cjk {
			w.WriteString(`<r><rPr><sz val="11"/><rFont val="宋体"/><family val="2"/><charset val="134"/></rPr><t xml:space="preserve">`)
		} else {
			w.WriteString(`<r><rPr><sz val="11"/><rFont val="Calibri"/><family val="2"/><charset val="1"/></rPr><t xml:space="preserve">`)
		}
		xml.EscapeText(w, []byte(r.text))
		w.WriteString(`</t></r>`)
	}
	w.WriteString("</si>")
}

// writeFuzzSeeds writes each sample as a seed of FuzzParseRows (lines of comma-joined cells).
func writeFuzzSeeds(dir string, files map[string][][]string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, name := range []string{"wjx_text", "wjx_code", "tencent", "jinshuju", "limesurvey", "generic"} {
		var lines []string
		for _, r := range files[name] {
			lines = append(lines, strings.Join(r, ","))
		}
		seed := fmt.Sprintf("go test fuzz v1\nuint8(%d)\nstring(%q)\n", i+1, strings.Join(lines, "\n"))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(seed), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ---- Type guesses, incomplete responses and bad metadata cells (issue 12, patterns 5, 6 and 8) ----

// writeShapes writes the files of those patterns; each has the shape of a real export that was read wrong.
func writeShapes(dir string) {
	must(writeCSV(filepath.Join(dir, "wjx_matrix_hint.csv"), wjxMatrixHint(), false, false))
	must(writeXLSX(filepath.Join(dir, "wjx_long_options.xlsx"), wjxLongOptions()))
	must(writeCSV(filepath.Join(dir, "txdocs_multi.csv"), txdocsMulti(), false, false))
	must(writeCSV(filepath.Join(dir, "limesurvey_incomplete.csv"), limesurveyIncomplete(), false, false))
	must(writeCSV(filepath.Join(dir, "wjx_null_times.csv"), wjxNullTimes(), false, false))
	must(writeCSV(filepath.Join(dir, "wenjuan_status.csv"), wenjuanStatus(), false, false))
	must(writeCSV(filepath.Join(dir, "limesurvey_anonymous.csv"), limesurveyAnonymous(), false, false))
	must(writeCSV(filepath.Join(dir, "txdocs_wide.csv"), txdocsWide(), false, false))
}

// shapeRand is the generator's fixed random source: the files come out the same on every run.
func shapeRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 12)) }

// shapeTime is the submit time of response i (one every 7 minutes from 2026-11-02 08:00).
func shapeTime(i int, layout string) string {
	return time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * 7 * time.Minute).Format(layout)
}

// shapeSuggestion is a free-text suggestion: "无" for some, else one of many distinct sentences.
func shapeSuggestion(r *rand.Rand) string {
	if r.IntN(10) < 4 {
		return []string{"无", "没有", "暂无"}[r.IntN(3)]
	}
	what := []string{"窗口办理", "网上申报", "材料审核", "政策解读", "咨询电话", "预约系统", "证照邮寄", "企业开办", "不动产登记", "社保转移", "公积金提取", "税费申报"}
	how := []string{"希望进一步简化流程", "建议公开办理进度", "希望缩短等待时间", "建议增加周末服务", "希望工作人员解释得更清楚", "建议减少重复提交材料", "希望提供上门服务", "建议统一各区标准", "希望手机上就能办完", "建议设置老年人专窗"}
	return what[r.IntN(len(what))] + "方面，" + how[r.IntN(len(how))]
}

// wjxMatrixHint: 问卷星 text export, 260 responses. Question 2 is a matrix whose rows are suggestions
// ("…改进建议…—延长窗口服务时间"), answered on a 4-point scale of no known wording (赞成…不赞成); question 3
// is a real open question.
func wjxMatrixHint() [][]string {
	r := shapeRand(5)
	stem := "2、您是否赞成以下改进建议—"
	rowsQ2 := []string{"延长窗口服务时间", "推行预约办理", "增加自助终端"}
	scale := []string{"赞成", "基本赞成", "不太赞成", "不赞成"}
	header := []string{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、您的身份"}
	for _, q := range rowsQ2 {
		header = append(header, stem+q)
	}
	header = append(header, "3、您对政策还有哪些意见建议", "4、其他建议")
	out := [][]string{header}
	for i := 0; i < 260; i++ {
		row := []string{strconv.Itoa(i + 1), shapeTime(i, "2006/1/2 15:04:05"), fmt.Sprintf("%d秒", 90+r.IntN(400)), "微信",
			fmt.Sprintf("36.112.%d.%d(北京-北京)", i/200, i%200+1), []string{"企业", "个体工商户", "群众"}[r.IntN(3)]}
		for range rowsQ2 {
			row = append(row, scale[min(r.IntN(6), 3)]) // 不赞成 half the time: the options are not evenly used
		}
		other := "无" // most write nothing more; every 17th a suggestion of their own
		if i%17 == 0 {
			other = fmt.Sprintf("第%d号窗口的叫号屏经常不显示，建议尽快维修", i/17+1)
		}
		row = append(row, shapeSuggestion(r), other)
		out = append(out, row)
	}
	return out
}

// wjxLongOptions: 问卷星 text export (xlsx) whose single-choice options are long sentences (over 30
// characters), as policy questionnaires write them.
func wjxLongOptions() [][]string {
	r := shapeRand(6)
	opts := []string{
		"企业开办、变更、注销等登记事项办理环节仍然较多，需要多次往返不同窗口提交材料",
		"涉企行政审批的时限承诺没有完全兑现，部分事项实际办理时间明显超过公开的办结时限",
		"惠企政策信息分散在多个部门网站，企业难以及时全面了解自己能够享受的扶持政策内容",
		"政务服务平台与各部门业务系统的数据没有完全打通，同一份材料需要在不同系统重复上传",
		"基层窗口工作人员对新出台政策的理解不够准确，咨询同一问题时不同人员的答复不一致",
	}
	out := [][]string{{"序号", "提交答卷时间", "所用时间", "来自IP", "1、您所在单位的类型", "2、您认为当前营商环境中最突出的问题是", "3、您对改进工作的其他意见"}}
	for i := 0; i < 150; i++ {
		out = append(out, []string{strconv.Itoa(i + 1), shapeTime(i, "2006-01-02 15:04:05"), fmt.Sprintf("%d秒", 120+r.IntN(300)),
			fmt.Sprintf("58.30.%d.%d", i/100, i%100+1), []string{"民营企业", "国有企业", "外资企业", "个体工商户"}[r.IntN(4)],
			opts[r.IntN(len(opts))], shapeSuggestion(r)})
	}
	return out
}

// txdocsMulti: a 腾讯文档 collection form: "（自动）" system columns, unnumbered questions, a multi-select
// joined by ", " (a few answers by "，"), 120 responses.
func txdocsMulti() [][]string {
	r := shapeRand(7)
	channels := []string{"北京市政务服务网", "京通小程序", "区政务服务中心窗口", "街道便民服务站", "12345热线", "自助服务终端"}
	out := [][]string{{"提交者（自动）", "提交时间（自动）", "您的身份", "您办理业务时使用过哪些渠道", "您对办理体验的总体评价", "您对我们的工作有什么建议"}}
	names := []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇"}
	for i := 0; i < 120; i++ {
		k := 1 + r.IntN(3)
		picked := r.Perm(len(channels))[:k]
		var parts []string
		for _, p := range picked {
			parts = append(parts, channels[p])
		}
		sep := ", "
		if i%15 == 7 {
			sep = "，"
		}
		out = append(out, []string{names[r.IntN(len(names))] + strconv.Itoa(i%7), shapeTime(i, "2006/01/02 15:04:05"),
			[]string{"企业人员", "个体工商户", "居民"}[r.IntN(3)], strings.Join(parts, sep),
			[]string{"非常满意", "满意", "一般", "不满意"}[min(r.IntN(5), 3)], shapeSuggestion(r)})
	}
	return out
}

// limesurveyIncomplete: LimeSurvey code export, 40 responses: the even ones stopped on page 1 (empty
// submitdate, later questions blank); Q1's unanswered cells read "N/A", as LimeSurvey writes its no-answer.
func limesurveyIncomplete() [][]string {
	r := shapeRand(8)
	out := [][]string{{"id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
		"Q1", "Q2[SQ001]", "Q2[SQ002]", "Q2[SQ003]", "Q3"}}
	for i := 0; i < 40; i++ {
		start := shapeTime(i, "2006-01-02 15:04:05")
		q1 := []string{"满意", "一般", "不满意", "N/A"}[r.IntN(4)]
		row := []string{strconv.Itoa(i + 1), "", "1", "zh-Hans", strconv.Itoa(1000 + i), start, start, fmt.Sprintf("59.110.%d.%d", i/50, i%50+1), q1}
		if i%2 == 1 {
			row[1], row[2] = shapeTime(i, "2006-01-02 15:04")+":30", "2"
			row = append(row, []string{"Y", ""}[r.IntN(2)], []string{"Y", ""}[r.IntN(2)], "Y", shapeSuggestion(r))
		} else {
			row = append(row, "", "", "", "")
		}
		out = append(out, row)
	}
	return out
}

// wjxNullTimes: 问卷星 text export whose owner blanked 37 submit times, 4 durations and 4 addresses as NULL.
func wjxNullTimes() [][]string {
	r := shapeRand(9)
	out := [][]string{{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、您对办事效率是否满意", "2、您对服务态度是否满意", "3、您的建议"}}
	sat := []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	for i := 0; i < 80; i++ {
		row := []string{strconv.Itoa(i + 1), shapeTime(i, "2006/1/2 15:04:05"), fmt.Sprintf("%d秒", 100+r.IntN(300)), "手机提交",
			fmt.Sprintf("111.20.%d.%d", i/100, i%100+1), sat[r.IntN(4)], sat[r.IntN(5)], shapeSuggestion(r)}
		if i%2 == 0 && i < 74 {
			row[1] = "NULL"
		}
		if i%25 == 3 {
			row[2] = "NULL"
		}
		if i%20 == 9 {
			row[4] = "NULL"
		}
		out = append(out, row)
	}
	return out
}

// wenjuanStatus: a 问卷网-style export with its 答题状态 column: 6 of 30 responses 未完成.
func wenjuanStatus() [][]string {
	r := shapeRand(10)
	out := [][]string{{"答卷编号", "答题状态", "开始时间", "结束时间", "答题时长", "IP地址", "1、您对社区养老服务是否满意", "2、您的建议"}}
	sat := []string{"非常满意", "满意", "一般", "不满意"}
	for i := 0; i < 30; i++ {
		status, q1, q2 := "已完成", sat[r.IntN(4)], shapeSuggestion(r)
		if i%5 == 2 {
			status, q2 = "未完成", ""
		}
		out = append(out, []string{strconv.Itoa(20260001 + i), status, shapeTime(i, "2006-01-02 15:04:05"), shapeTime(i, "2006-01-02 15:04") + ":59",
			strconv.Itoa(60 + r.IntN(200)), fmt.Sprintf("123.56.%d.%d", i/50, i%50+1), q1, q2})
	}
	return out
}

// ---- Question keys, system and personal columns, hand-made headers (issue 12, patterns 1, 2 and 4) ----

// writeKeyShapes writes the files of those patterns; each has the shape of a real export that was
// numbered or read wrong.
func writeKeyShapes(dir string) {
	must(writeCSV(filepath.Join(dir, "wjx_name_first.csv"), wjxNameFirst(), false, false))
	must(writeCSV(filepath.Join(dir, "limesurvey_codetext.csv"), limesurveyCodeText(), false, false))
	must(writeCSV(filepath.Join(dir, "limesurvey_other_text.csv"), limesurveyOtherText(), false, false))
	must(writeCSV(filepath.Join(dir, "wjx_no_numbers.csv"), wjxNoNumbers(), false, false))
	must(writeCSV(filepath.Join(dir, "wjx_2016_matrix.csv"), wjx2016Matrix(), false, false))
	must(writeCSV(filepath.Join(dir, "txdocs_form.csv"), txdocsForm(), false, false))
	must(writeCSV(filepath.Join(dir, "wenjuan_gbk.csv"), wenjuanGBK(), true, false))
	rows, merges := handmadeSatisfaction()
	must(writeMergedXLSX(filepath.Join(dir, "handmade_satisfaction.xlsx"), rows, merges))
	// The same sheet with its title row deleted, as a user would try next: A1 then holds the number 1.
	noTitle := rows[1:]
	noTitle[0] = append([]any{1}, noTitle[0][1:]...)
	var shifted [][2]string
	for _, m := range merges[1:] {
		shifted = append(shifted, [2]string{upRow(m[0]), upRow(m[1])})
	}
	must(writeMergedXLSX(filepath.Join(dir, "handmade_notitle.xlsx"), noTitle, shifted))
}

// keyRand, keyTime and keySuggestion are this block's own fixed random source, submit times (one every
// 7 minutes from 2026-11-02 08:00) and free-text suggestions.
func keyRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 12)) }

func keyTime(i int, layout string) string {
	return time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * 7 * time.Minute).Format(layout)
}

func keySuggestion(r *rand.Rand) string {
	if r.IntN(10) < 4 {
		return []string{"无", "没有", "暂无"}[r.IntN(3)]
	}
	what := []string{"窗口办理", "网上申报", "材料审核", "政策解读", "咨询电话", "预约系统", "证照邮寄", "企业开办", "不动产登记", "社保转移", "公积金提取", "税费申报"}
	how := []string{"希望进一步简化流程", "建议公开办理进度", "希望缩短等待时间", "建议增加周末服务", "希望工作人员解释得更清楚", "建议减少重复提交材料", "希望提供上门服务", "建议统一各区标准", "希望手机上就能办完", "建议设置老年人专窗"}
	return what[r.IntN(len(what))] + "方面，" + how[r.IntN(len(how))]
}

var keyNames = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴霞", "徐明", "孙丽"}

// wjxNameFirst: 问卷星 text export whose owner put 姓名 and 联系电话 (unnumbered, filled in by the
// respondent) before the numbered questions, and a 所在街道 column the form did not number.
func wjxNameFirst() [][]string {
	r := keyRand(21)
	out := [][]string{{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "姓名", "联系电话", "所在街道",
		"1、您的年龄段", "2、您对社区养老服务是否满意", "3、您希望增加哪些服务", "4、您对养老服务还有什么建议"}}
	sat := []string{"非常满意", "满意", "一般", "不满意"}
	for i := 0; i < 24; i++ {
		out = append(out, []string{strconv.Itoa(i + 1), keyTime(i, "2006/1/2 15:04:05"), fmt.Sprintf("%d秒", 80+r.IntN(300)), "微信",
			fmt.Sprintf("223.72.%d.%d(北京-北京)", i/100, i%100+1), keyNames[i%len(keyNames)], fmt.Sprintf("139%08d", 10001234+i*7),
			[]string{"和平里街道", "安定门街道", "东直门街道"}[r.IntN(3)], []string{"60岁以下", "60-69岁", "70-79岁", "80岁及以上"}[r.IntN(4)],
			sat[r.IntN(4)], []string{"助餐┋助浴", "上门医疗", "助餐┋日间照料┋上门医疗", "日间照料"}[r.IntN(4)], keySuggestion(r)})
	}
	return out
}

// limesurveyCodeText: LimeSurvey "question code and question text" headings: system fields as
// "id. Response ID", timings (interviewtime, groupTime…, …Time), an [other] column, codes that are
// not Q<n> (age, job).
func limesurveyCodeText() [][]string {
	r := keyRand(22)
	out := [][]string{{"id. Response ID", "submitdate. Date submitted", "lastpage. Last page", "startlanguage. Start language",
		"seed. Seed", "startdate. Date started", "datestamp. Date last action", "ipaddr. IP address", "refurl. Referrer URL",
		"age. 您的年龄段", "job. 您的职业", "job[other]. 您的职业 [Other]", "sat[SQ001]. 请评价以下方面 [办事效率]", "sat[SQ002]. 请评价以下方面 [服务态度]",
		"advice. 您的建议", "interviewtime. Total time", "groupTime12. Group time: 基本情况", "ageTime. Question time: age", "jobTime. Question time: job"}}
	for i := 0; i < 16; i++ {
		t := keyTime(i, "2006-01-02 15:04:05")
		job, other := []string{"企业职工", "公务员", "个体经营", "其他"}[r.IntN(4)], ""
		if job == "其他" {
			other = []string{"自由职业", "退休返聘", "在校学生"}[r.IntN(3)]
		}
		out = append(out, []string{strconv.Itoa(i + 1), t, "3", "zh-Hans", strconv.Itoa(3000 + i*17), t, t, fmt.Sprintf("61.48.%d.%d", i/50, i%50+1), "",
			[]string{"18-30岁", "31-45岁", "46-60岁"}[r.IntN(3)], job, other,
			[]string{"满意", "一般", "不满意"}[r.IntN(3)], []string{"满意", "一般", "不满意"}[r.IntN(3)], keySuggestion(r),
			fmt.Sprintf("%d.%02d", 60+r.IntN(400), r.IntN(100)), fmt.Sprintf("%d.5", 20+r.IntN(60)), fmt.Sprintf("%d.1", 3+r.IntN(20)), fmt.Sprintf("%d.7", 3+r.IntN(20))})
	}
	return out
}

// limesurveyOtherText: LimeSurvey full-text headings, seven questions; question 2 has an "Other"
// field headed "您的职业 [Other]", which must not push questions 3–7 to numbers 4–8.
func limesurveyOtherText() [][]string {
	r := keyRand(23)
	out := [][]string{{"Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "IP address", "Total time",
		"您的年龄段", "您的职业", "您的职业 [Other]", "您对办事效率是否满意", "您对服务态度是否满意", "您对政策宣传是否满意", "您对总体环境是否满意", "您的建议"}}
	sat := []string{"非常满意", "满意", "一般", "不满意"}
	for i := 0; i < 12; i++ {
		t := keyTime(i, "2006-01-02 15:04:05")
		job, other := []string{"企业职工", "公务员", "其他"}[r.IntN(3)], ""
		if job == "其他" {
			other = "自由职业"
		}
		out = append(out, []string{strconv.Itoa(i + 1), t, "2", "zh-Hans", strconv.Itoa(70 + i), t, fmt.Sprintf("61.49.0.%d", i+1), strconv.Itoa(90 + r.IntN(200)),
			[]string{"18-30岁", "31-45岁", "46-60岁"}[r.IntN(3)], job, other, sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(4)], keySuggestion(r)})
	}
	return out
}

// wjxNoNumbers: 问卷星 text export of a questionnaire set to hide its question numbers.
func wjxNoNumbers() [][]string {
	r := keyRand(24)
	out := [][]string{{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
		"您的身份", "您对不动产登记办理速度是否满意", "您办理时遇到过哪些困难", "您对窗口工作人员的服务是否满意", "您的其他意见"}}
	sat := []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	for i := 0; i < 20; i++ {
		out = append(out, []string{strconv.Itoa(i + 1), keyTime(i, "2006/1/2 15:04:05"), fmt.Sprintf("%d秒", 60+r.IntN(400)), "手机提交", "直接访问",
			fmt.Sprintf("114.242.%d.%d", i/100, i%100+1), []string{"企业", "群众"}[r.IntN(2)], sat[r.IntN(5)],
			[]string{"材料多┋排队久", "排队久", "系统卡┋材料多", "(跳过)"}[r.IntN(4)], sat[r.IntN(5)], keySuggestion(r)})
	}
	return out
}

// wjx2016Matrix: 问卷星's 2016 layout of a matrix question: the numbered question header over its
// first row's answers, then one bare header per further row (服务态度, 办事效率, 窗口环境).
func wjx2016Matrix() [][]string {
	r := keyRand(25)
	out := [][]string{{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、您的身份", "2、您对办事大厅以下方面的评价", "服务态度", "办事效率", "窗口环境",
		"3、您是否通过网上办理过业务", "4、您的建议"}}
	sat := []string{"非常满意", "满意", "一般", "不满意"}
	for i := 0; i < 18; i++ {
		out = append(out, []string{strconv.Itoa(i + 1), keyTime(i, "2006/1/2 15:04:05"), fmt.Sprintf("%d秒", 70+r.IntN(300)), "链接",
			fmt.Sprintf("121.69.%d.%d", i/100, i%100+1), []string{"企业", "群众"}[r.IntN(2)],
			sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(4)], []string{"是", "否"}[r.IntN(2)], keySuggestion(r)})
	}
	return out
}

// txdocsForm: a 腾讯文档 collection form (收集表): the "（自动）" submitter and time, the respondent's own
// name and phone asked as unnumbered questions, then the questions.
func txdocsForm() [][]string {
	r := keyRand(26)
	out := [][]string{{"提交者（自动）", "提交时间（自动）", "姓名", "手机号码", "所在单位", "您对本次政策宣讲是否满意", "您希望下次宣讲的主题", "您的意见建议"}}
	for i := 0; i < 15; i++ {
		out = append(out, []string{"微信用户" + strconv.Itoa(100+i), keyTime(i, "2006/01/02 15:04"), keyNames[i%len(keyNames)], fmt.Sprintf("1360108%04d", 2000+i*3),
			[]string{"东城区市场监管局", "西城区税务局", "朝阳区人社局"}[r.IntN(3)], []string{"非常满意", "满意", "一般"}[r.IntN(3)],
			[]string{"减税降费", "融资支持", "人才政策"}[r.IntN(3)], keySuggestion(r)})
	}
	return out
}

// wenjuanGBK: a 问卷网 export saved as GBK CSV: its system and WeChat profile columns, the
// respondent's name, ID number and e-mail, questions "N、题目" and "QN_题目_子项".
func wenjuanGBK() [][]string {
	r := keyRand(27)
	out := [][]string{{"答卷编号", "答题时间", "开始时间", "结束时间", "答题时长", "IP地址", "昵称(微信)", "性别(微信)", "城市(微信)", "姓名", "证件号", "邮件",
		"1、您的身份", "Q2_您常用的办事渠道_政务服务网", "Q2_您常用的办事渠道_京通小程序", "Q2_您常用的办事渠道_线下窗口",
		"Q3_请评价以下方面_办事效率", "Q3_请评价以下方面_服务态度", "4、您的建议"}}
	sat := []string{"非常满意", "满意", "一般", "不满意"}
	for i := 0; i < 20; i++ {
		start := keyTime(i, "2006-01-02 15:04:05")
		end := keyTime(i, "2006-01-02 15:04") + ":48"
		out = append(out, []string{strconv.Itoa(31000 + i), end, start, end, strconv.Itoa(48 + r.IntN(100)), fmt.Sprintf("106.39.%d.%d", i/100, i%100+1),
			"微信用户" + strconv.Itoa(i), []string{"男", "女"}[r.IntN(2)], "北京", keyNames[i%len(keyNames)], fmt.Sprintf("11010519800101%04d", 1000+i),
			fmt.Sprintf("user%d@example.com", i), []string{"企业", "群众", "个体工商户"}[r.IntN(3)],
			strconv.Itoa(r.IntN(2)), strconv.Itoa(r.IntN(2)), strconv.Itoa(r.IntN(2)), sat[r.IntN(4)], sat[r.IntN(4)], keySuggestion(r)})
	}
	return out
}

// handmadeSatisfaction: a company's own satisfaction sheet: a merged title row, a two-row header
// (序号 and 部门 merged down, 工作环境 and 薪酬福利 merged across their sub-items), 序号 as numbers.
func handmadeSatisfaction() ([][]any, [][2]string) {
	r := keyRand(28)
	rows := [][]any{
		{"某科技有限公司2026年度员工满意度调查汇总表"},
		{"序号", "部门", "工作环境", "", "", "薪酬福利", "", "总体满意度", "意见建议"},
		{"", "", "办公条件", "设备设施", "食堂", "薪酬水平", "福利待遇", "", ""},
	}
	sat := []string{"非常满意", "满意", "一般", "不满意"}
	depts := []string{"行政部", "研发中心", "市场部", "财务部", "生产车间"}
	advice := []string{"希望改善食堂伙食", "建议更新电脑设备", "", "希望增加年度体检项目", "建议完善加班调休制度", ""}
	for i := 0; i < 14; i++ {
		rows = append(rows, []any{i + 1, depts[i%len(depts)], sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(4)], sat[r.IntN(3)], advice[r.IntN(len(advice))]})
	}
	merges := [][2]string{{"A1", "I1"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "E2"}, {"F2", "G2"}, {"H2", "H3"}, {"I2", "I3"}}
	return rows, merges
}

// upRow moves a cell reference one row up ("C3" → "C2").
func upRow(ref string) string {
	col, row, err := excelize.CellNameToCoordinates(ref)
	must(err)
	name, err := excelize.CoordinatesToCellName(col, row-1)
	must(err)
	return name
}

// writeMergedXLSX writes rows (numbers stay numbers) and merges the given ranges.
func writeMergedXLSX(path string, rows [][]any, merges [][2]string) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(r))
		for k, v := range r {
			if s, ok := v.(string); ok && s == "" {
				vals[k] = nil
				continue
			}
			vals[k] = v
		}
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			return err
		}
	}
	for _, m := range merges {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// limesurveyAnonymous: an anonymous LimeSurvey survey that keeps no dates writes 1980-01-01 00:00:00 as the
// submitdate of every submitted response; two of the eight stopped early (empty submitdate).
func limesurveyAnonymous() [][]string {
	out := [][]string{{"id", "submitdate", "lastpage", "startlanguage", "seed", "Q1", "Q2"}}
	for i := 0; i < 8; i++ {
		sub, q2 := "1980-01-01 00:00:00", []string{"办事效率高", "无", "希望增加夜间服务"}[i%3]
		if i == 2 || i == 5 {
			sub, q2 = "", ""
		}
		out = append(out, []string{strconv.Itoa(i + 1), sub, "2", "zh-Hans", strconv.Itoa(500 + i), []string{"满意", "一般", "不满意"}[i%3], q2})
	}
	return out
}

// txdocsWide: a 金山表单 collection form whose multi-select is joined by "，" only: never guessed (the
// full-width comma is the comma of every Chinese sentence), read as a list when the user says so.
func txdocsWide() [][]string {
	r := shapeRand(11)
	topics := []string{"社保", "医保", "公积金", "户籍", "不动产", "营业执照"}
	out := [][]string{{"提交者（自动）", "提交时间（自动）", "您近一年办理过哪些业务", "您对办理结果是否满意"}}
	for i := 0; i < 30; i++ {
		var parts []string
		for _, k := range r.Perm(len(topics))[:1+r.IntN(3)] {
			parts = append(parts, topics[k])
		}
		out = append(out, []string{"用户" + strconv.Itoa(i+1), shapeTime(i, "2006-01-02 15:04"), strings.Join(parts, "，"),
			[]string{"满意", "基本满意", "不满意"}[r.IntN(3)]})
	}
	return out
}
