// Command gen writes the .xls samples in data/sheet/testdata/xls (run from data/sheet:
// `go run ./testdata/xls/gen`). It needs LibreOffice (soffice) on the PATH: the .xls files are what
// LibreOffice writes when it saves a workbook as "Excel 97–2003", and each has a twin, wjx_text_lo.xlsx,
// that LibreOffice converted back from the .xls, for the differential test. The tests read the committed
// files and never need soffice.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	dir := flag.String("dir", "testdata/xls", "output folder")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "genxls")
	must(err)
	defer os.RemoveAll(tmp)

	// 1. The 问卷星 按选项文本 export as an .xlsx with real date cells and numbers, then saved as .xls by
	// LibreOffice, then that .xls converted back to .xlsx by LibreOffice (the twin).
	src := filepath.Join(tmp, "wjx_text.xlsx")
	must(writeSource(src, wjxRows()))
	must(soffice(tmp, "xls", src))
	xls := filepath.Join(tmp, "wjx_text.xls")
	loDir := filepath.Join(tmp, "back")
	must(os.MkdirAll(loDir, 0o755))
	must(soffice(loDir, "xlsx", xls))
	copyFile(xls, filepath.Join(*dir, "wjx_text.xls"))
	copyFile(filepath.Join(loDir, "wjx_text.xlsx"), filepath.Join(*dir, "wjx_text_lo.xlsx"))

	// A small one (a header and two answers) to seed the fuzz target.
	small := filepath.Join(tmp, "small", "wjx_small.xlsx")
	must(os.MkdirAll(filepath.Dir(small), 0o755))
	must(writeSource(small, wjxRows()[:3]))
	must(soffice(filepath.Dir(small), "xls", small))
	copyFile(filepath.Join(filepath.Dir(small), "wjx_small.xls"), filepath.Join(*dir, "wjx_small.xls"))

	// Other packages' sheets as .xls, for the importers that go through Open: public comments
	// (data/loop) and a third-party score sheet (data/assess).
	for from, to := range map[string]string{
		"../loop/testdata/holdout_opinions.xlsx": "opinions.xls",
		"../assess/testdata/experts.xlsx":        "assessment.xls",
	} {
		d := filepath.Join(tmp, "other", to)
		must(os.MkdirAll(d, 0o755))
		must(soffice(d, "xls", from))
		copyFile(filepath.Join(d, strings.TrimSuffix(filepath.Base(from), ".xlsx")+".xls"), filepath.Join(*dir, to))
	}

	data, err := os.ReadFile(xls)
	must(err)
	// 2. Broken: cut in half (the Workbook stream's sectors are partly missing).
	must(os.WriteFile(filepath.Join(*dir, "broken_truncated.xls"), data[:len(data)/2], 0o644))
	// 3. Password-protected .xls: the WRITEACCESS record of the globals replaced in place by a FILEPASS
	// record of the same length, as Excel writes one right after BOF when a file has a password.
	must(os.WriteFile(filepath.Join(*dir, "password_filepass.xls"), withFilePass(data), 0o644))
	// 4. An encrypted OOXML workbook (what Excel/WPS save as .xlsx with a password: an OLE file holding
	// EncryptionInfo and EncryptedPackage), named .xls as some users rename them.
	f := excelize.NewFile()
	must(f.SetSheetRow("Sheet1", "A1", &[]any{"序号", "1、您的性别"}))
	must(f.SaveAs(filepath.Join(tmp, "password_ooxml.xlsx"), excelize.Options{Password: "gongping"}))
	copyFile(filepath.Join(tmp, "password_ooxml.xlsx"), filepath.Join(*dir, "password_ooxml.xls"))
	// 5. 问卷星 downloads named .xls that are an HTML table or tab-separated text inside.
	must(os.WriteFile(filepath.Join(*dir, "wjx_html.xls"), htmlExport(), 0o644))
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(string(htmlExport()),
		"\uFEFF<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n", "", 1))
	must(err)
	must(os.WriteFile(filepath.Join(*dir, "wjx_html_gbk.xls"), []byte(gbk), 0o644)) // GBK, no charset named
	tsv, err := simplifiedchinese.GBK.NewEncoder().String(tsvExport())
	must(err)
	must(os.WriteFile(filepath.Join(*dir, "wjx_tsv.xls"), []byte(tsv), 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func copyFile(from, to string) {
	b, err := os.ReadFile(from)
	must(err)
	must(os.WriteFile(to, b, 0o644))
}

func soffice(outDir, format, file string) error {
	cmd := exec.Command("soffice", "--headless", "--convert-to", format, "--outdir", outDir, file)
	cmd.Env = append(os.Environ(), "HOME="+outDir) // a profile of its own, not the user's
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("soffice: %v: %s", err, out)
	}
	return nil
}

var (
	genders  = []string{"男", "女"}
	satisfy  = []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	services = []string{"企业开办", "不动产登记", "社保办理", "公积金提取", "税务申报", "户籍办理"}
	sources  = []string{"手机提交", "微信", "链接"}
	opinions = []string{"希望进一步简化办事流程，减少重复提交材料", "窗口工作人员态度很好，点赞", "网上办事系统有时卡顿，建议升级",
		"建议延长周末办公时间", "政策宣传不够，很多企业不知道可以享受", "审批时间太长，建议公开办理进度"}
	places = []string{"北京-朝阳", "北京-海淀", "北京-丰台", "河北-廊坊", "天津-滨海"}
	income = []any{1.5, 0.8, 2.35, 3, 12.25, 0.1, 6, 4.75}
)

// wjxRows: 300 answers, so that the shared strings (every IP and opinion is distinct) are far past 255
// texts and 8,224 bytes and need CONTINUE records; answer 7's opinion alone is 5,250 characters
// (10,500 bytes as UTF-16), so it spans two CONTINUE records.
func wjxRows() [][]any {
	rows := [][]any{{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
		"1、您的性别", "2、您对政务服务的总体满意度", "3、您办理过哪些业务（多选）", "4、您对本政策的意见建议", "5、您的家庭月收入（万元）"}}
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= 300; i++ {
		multi := services[i%len(services)]
		if i%3 == 0 {
			multi += "┋" + services[(i+2)%len(services)]
		}
		if i%7 == 0 {
			multi += "┋其他〖跨区通办〗"
		}
		opinion := fmt.Sprintf("%s（第%d位受访者）", opinions[i%len(opinions)], i)
		switch {
		case i == 7:
			opinion = strings.Repeat("对营商环境政策的详细意见：流程还要再简化。", 250) // 5,250 characters
		case i%5 == 0:
			opinion = "" // an empty cell between answered ones
		case i%11 == 0:
			opinion = "(跳过)"
		}
		var inc any = income[i%len(income)]
		if i%13 == 0 {
			inc = "" // not answered
		}
		rows = append(rows, []any{i, start.Add(time.Duration(i*397) * time.Second),
			fmt.Sprintf("%d秒", 60+i*7%400), sources[i%len(sources)], "直接访问",
			fmt.Sprintf("112.10.%d.%d(%s)", i/200, i%200, places[i%len(places)]),
			genders[i%2], satisfy[i*7%len(satisfy)], multi, opinion, inc})
	}
	return rows
}

func writeSource(path string, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	dt, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy/m/d h:mm:ss")})
	if err != nil {
		return err
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(row))
		for j, v := range row {
			if s, ok := v.(string); ok && s == "" {
				v = nil
			}
			vals[j] = v
		}
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			return err
		}
		if i > 0 {
			c, _ := excelize.CoordinatesToCellName(2, i+1)
			if err := f.SetCellStyle("Sheet1", c, c, dt); err != nil {
				return err
			}
		}
	}
	return f.SaveAs(path)
}

func ptr[T any](v T) *T { return &v }

// withFilePass replaces the WRITEACCESS record (type 0x005C, 112 bytes) that follows the globals' BOF with
// a FILEPASS record (0x002F) of the same size: the stream keeps its length, only the record type changes.
func withFilePass(data []byte) []byte {
	out := bytes.Clone(data)
	i := bytes.Index(out, []byte{0x5C, 0x00, 0x70, 0x00})
	if i < 0 {
		log.Fatal("no WRITEACCESS record found")
	}
	binary.LittleEndian.PutUint16(out[i:], 0x002F)
	binary.LittleEndian.PutUint16(out[i+4:], 1) // RC4 encryption, as Excel 97–2003 writes
	return out
}

// htmlExport is what 问卷星 serves as "下载到Excel" on some accounts: an HTML table with a BOM and a
// <meta> charset, entities, <br> line breaks and a colspan.
func htmlExport() []byte {
	var b strings.Builder
	b.WriteString("\uFEFF<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n")
	b.WriteString("<html><head><style>td{mso-number-format:'\\@';}</style></head><body>\n<table border=\"1\">\n")
	b.WriteString("<tr><th>序号</th><th>提交答卷时间</th><th>所用时间</th><th>来源</th><th>来自IP</th>" +
		"<th>1、您的性别</th><th>2、您对政务服务的总体满意度</th><th>3、您办理过哪些业务（多选）</th><th>4、您对本政策的意见建议</th></tr>\n")
	b.WriteString("<tr><td>1</td><td>2026/11/2 10:11:12</td><td>123秒</td><td>微信</td><td>112.10.1.1(北京-朝阳)</td>" +
		"<td>男</td><td>满意</td><td>企业开办┋社保办理</td><td>流程&lt;简化&gt;&amp;提速<br>第二行意见</td></tr>\n")
	b.WriteString("<tr><td>2</td><td>2026/11/2 10:15:40</td><td>2分3秒</td><td>手机提交</td><td>112.10.1.2(北京-海淀)</td>" +
		"<td>女</td><td>非常满意</td><td>其他〖跨区通办〗</td><td></td></tr>\n")
	b.WriteString("<tr><td>3</td><td>2026/11/2 10:20:05</td><td>45秒</td><td>链接</td><td>112.10.1.3</td>" +
		"<td colspan=\"2\">（未作答）</td><td>税务申报</td><td>  希望 &nbsp;多开窗口  </td></tr>\n")
	b.WriteString("</table>\n</body></html>\n")
	return []byte(b.String())
}

// tsvExport: the same answers as tab-separated text (问卷星's older "下载到Excel" of large surveys), GBK.
func tsvExport() string {
	rows := [][]string{
		{"序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、您的性别", "2、您对政务服务的总体满意度", "3、您办理过哪些业务（多选）", "4、您对本政策的意见建议"},
		{"1", "2026/11/2 10:11:12", "123秒", "微信", "112.10.1.1(北京-朝阳)", "男", "满意", "企业开办┋社保办理", "希望进一步简化流程"},
		{"2", "2026/11/2 10:15:40", "2分3秒", "手机提交", "112.10.1.2(北京-海淀)", "女", "非常满意", "其他〖跨区通办〗", ""},
		{"3", "2026/11/2 10:20:05", "45秒", "链接", "112.10.1.3", "男", "一般", "税务申报", "多开窗口"},
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\r\n")
	}
	return b.String()
}
