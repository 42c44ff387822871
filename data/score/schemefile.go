package score

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/gongping/gongping/data"
)

// ParseSchemeFile reads a scheme file of either form, deciding which by its content, not its name: an xlsx
// workbook (a zip with xl/workbook.xml) or JSON. Other spreadsheets — an OpenDocument .ods, an Excel 97-2003
// .xls, a workbook with an opening password — are refused with a message that says what they are and what
// to do.
func ParseSchemeFile(b []byte) (*Scheme, error) {
	switch {
	case len(b) > maxSchemeBytes*4:
		return nil, data.InputErrorf("评价方案文件过大（超过 16 MB），不像是评价方案：请导入从评价方案页“导出”得到的 .xlsx 或 .json 文件")
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06")):
		return parseSchemeZip(b)
	case bytes.HasPrefix(b, oleMagic):
		return nil, oleError(b)
	}
	return ParseSchemeJSON(b)
}

// oleMagic starts a Compound File (OLE2): Excel 97-2003 workbooks, and OOXML files with an opening password
// (the encrypted package inside an OLE container).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

const (
	msgEncrypted = "评价方案文件设置了打开密码（已加密），公评无法读取：请在 Excel/WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），另存为 .xlsx 后再导入"
	msgXLS       = "评价方案文件是旧版 Excel 97-2003 工作簿（.xls），评价方案只能是 .xlsx 或 .json：请在 Excel/WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再导入"
	msgODS       = "评价方案文件是 OpenDocument 表格（.ods），评价方案只能是 .xlsx 或 .json：请在 WPS 或 LibreOffice 中打开它，另存为“Excel 工作簿（*.xlsx）”后再导入"
)

// oleError says what an OLE2 file is, by the names in its directory (UTF-16LE).
func oleError(b []byte) error {
	has := func(name string) bool { return bytes.Contains(b, utf16le(name)) }
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		return data.InputErrorf(msgEncrypted)
	case has("Workbook") || has("Book"):
		return data.InputErrorf(msgXLS)
	case has("WordDocument"):
		return data.InputErrorf("评价方案文件是 Word 文档（.doc），不是评价方案：请导入从评价方案页“导出”得到的 .xlsx 或 .json 文件")
	}
	return data.InputErrorf("评价方案文件是旧版 Office 文件，不是 .xlsx 或 .json：请在 Excel/WPS 中另存为 .xlsx 后再导入")
}

func utf16le(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// parseSchemeZip reads a zip that should be an xlsx workbook.
func parseSchemeZip(b []byte) (*Scheme, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, &data.InputError{Msg: "评价方案文件是 zip 格式，但已损坏或不完整：请重新保存或重新下载后再导入", Err: err}
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
		if f.Flags&1 != 0 {
			return nil, data.InputErrorf(msgEncrypted)
		}
	}
	if f := files["mimetype"]; f != nil {
		mt, _ := readPart(f, 256)
		switch {
		case strings.HasPrefix(string(mt), "application/vnd.oasis.opendocument.spreadsheet"):
			return nil, data.InputErrorf(msgODS)
		case strings.HasPrefix(string(mt), "application/vnd.oasis.opendocument."):
			return nil, data.InputErrorf("评价方案文件是 OpenDocument 文档，不是评价方案：请导入从评价方案页“导出”得到的 .xlsx 或 .json 文件")
		}
	}
	switch {
	case files["xl/workbook.xml"] != nil:
	case files["word/document.xml"] != nil:
		return nil, data.InputErrorf("评价方案文件是 Word 文档（.docx），不是评价方案：请导入从评价方案页“导出”得到的 .xlsx 或 .json 文件")
	default:
		return nil, data.InputErrorf("评价方案文件是 zip 压缩包，但不是 xlsx 工作簿：请导入从评价方案页“导出”得到的 .xlsx 或 .json 文件")
	}
	if err := checkWorkbookParts(files); err != nil {
		return nil, err
	}
	return parseSchemeWorkbook(b)
}

// maxPartBytes bounds the unzipped XML a scheme workbook may hold (as excelize's UnzipSizeLimit does).
const maxPartBytes = 64 << 20

func readPart(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err == nil && int64(len(b)) > limit {
		err = errors.New("解压后过大")
	}
	return b, err
}

// checkWorkbookParts reads the workbook's parts strictly before excelize does: excelize skips a part it
// cannot read (a DOCTYPE, bytes that are not UTF-8, a part the workbook names but the zip lacks) and goes on
// with empty cells, which would turn a broken template into an empty scheme.
func checkWorkbookParts(files map[string]*zip.File) error {
	bad := func(part, why string) error {
		what := "工作簿结构"
		switch {
		case part == "xl/sharedStrings.xml":
			what = "单元格文字"
		case strings.HasPrefix(part, "xl/worksheets/"):
			what = "工作表"
		}
		return data.InputErrorf("评价方案 xlsx 的%s（%s）无法读取：%s。请在 Excel/WPS 中打开它，另存为新的 .xlsx 后再导入", what, part, why)
	}
	budget := int64(maxPartBytes)
	parse := func(part string, onStart func(xml.StartElement)) error {
		f := files[part]
		if f == nil {
			return bad(part, "文件中缺少这一部分")
		}
		b, err := readPart(f, budget)
		if err != nil {
			return bad(part, err.Error())
		}
		budget -= int64(len(b))
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return bad(part, fmt.Sprintf("XML 有误（%v）", err))
			}
			switch t := tok.(type) {
			case xml.Directive:
				return bad(part, "含有 DOCTYPE 声明")
			case xml.StartElement:
				if onStart != nil {
					onStart(t)
				}
			}
		}
	}
	// The workbook's relationships name its sheets and its shared strings.
	var targets []string
	sharedStrings := ""
	err := parse("xl/_rels/workbook.xml.rels", func(e xml.StartElement) {
		if e.Name.Local != "Relationship" {
			return
		}
		var target, typ, mode string
		for _, a := range e.Attr {
			switch a.Name.Local {
			case "Target":
				target = a.Value
			case "Type":
				typ = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if mode == "External" || target == "" {
			return
		}
		p := path.Join("xl", target)
		if strings.HasPrefix(target, "/") {
			p = strings.TrimPrefix(target, "/")
		}
		switch {
		case strings.HasSuffix(typ, "/worksheet"):
			targets = append(targets, p)
		case strings.HasSuffix(typ, "/sharedStrings"):
			sharedStrings = p
		}
	})
	if err != nil {
		return err
	}
	if err := parse("xl/workbook.xml", nil); err != nil {
		return err
	}
	count := -1
	if sharedStrings != "" {
		count = 0
		if err := parse(sharedStrings, func(e xml.StartElement) {
			if e.Name.Local == "si" {
				count++
			}
		}); err != nil {
			return err
		}
	}
	for _, sheet := range targets {
		if err := parse(sheet, nil); err != nil {
			return err
		}
		b, _ := readPart(files[sheet], maxPartBytes)
		switch max := maxSharedIndex(b); {
		case max >= 0 && count < 0:
			return bad("xl/sharedStrings.xml", "文件中缺少这一部分（工作表的文字单元格引用了它）")
		case max >= count && count >= 0:
			return bad("xl/sharedStrings.xml", fmt.Sprintf("只有 %d 段文字，工作表却引用了第 %d 段", count, max+1))
		}
	}
	return nil
}

// maxSharedIndex is the largest shared-string index a worksheet's cells use (-1 when none).
func maxSharedIndex(b []byte) int {
	dec := xml.NewDecoder(bytes.NewReader(b))
	max, shared, inV := -1, false, false
	for {
		tok, err := dec.Token()
		if err != nil {
			return max
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				shared = false
				for _, a := range t.Attr {
					if a.Name.Local == "t" && a.Value == "s" {
						shared = true
					}
				}
			case "v":
				inV = shared
			}
		case xml.EndElement:
			if t.Name.Local == "v" {
				inV = false
			}
		case xml.CharData:
			if inV {
				if i, err := strconv.Atoi(strings.TrimSpace(string(t))); err == nil && i > max {
					max = i
				}
			}
		}
	}
}
