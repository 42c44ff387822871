package sheet

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// The fast path reads the first worksheet straight from the zip with xmlScanner instead of encoding/xml
// (excelize spends nearly all its time there). It yields exactly what excelizeReader yields; whatever it
// does not understand — unusual package layout, XML constructs, a broken part — hands the whole file to
// excelizeReader, which skips the rows already delivered.
//
// Three goroutines overlap on two cores: one inflates the sheet into chunks, one tokenises them into
// batches of rows, the caller consumes. Memory stays bounded: a few chunks, a few batches, and the shared
// strings table (its size is bounded by MaxUnzipBytes).
//
// By stage: fast.go plans (the package's small parts: which sheet, shared strings, date styles) and opens;
// fast_pipeline.go runs the producer (inflate → chunks → batches); fast_shared.go reads the shared strings
// table; fast_rows.go the sheet's rows; fast_cells.go each cell; fast_intern.go gives repeated inline
// texts keys; fast_reader.go is the caller's side (batches → rows, the fall back to excelize).

const (
	chunkSize    = 256 << 10
	batchRows    = 512
	batchArena   = 1 << 20
	queuedChunks = 16
	queuedBatch  = 4
)

const (
	relOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	nsRelationships   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	WorkbookPr *struct {
		Date1904 bool `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets struct {
		Sheet []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheet"`
	} `xml:"sheets"`
}

type xmlStyles struct {
	NumFmts *struct {
		NumFmt []*struct {
			NumFmtID     int    `xml:"numFmtId,attr"`
			FormatCode   string `xml:"formatCode,attr"`
			FormatCode16 string `xml:"http://schemas.microsoft.com/office/spreadsheetml/2015/02/main formatCode16,attr"`
		} `xml:"numFmt"`
	} `xml:"numFmts"`
	CellXfs *struct {
		Xf []struct {
			NumFmtID *int `xml:"numFmtId,attr"`
		} `xml:"xf"`
	} `xml:"cellXfs"`
}

// fastPlan is what openFast learns from the package before streaming.
type fastPlan struct {
	sheet, sst *zip.File
	kinds      []dateKind // per cell style index
	date1904   bool
}

// zipFiles indexes a package's parts by name.
func zipFiles(zr *zip.Reader) map[string]*zip.File {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[f.Name] = f
	}
	return files
}

// officeDocument is the workbook part the package's root relationships name ("" when they name none);
// ok is false when the relationships cannot be read.
func officeDocument(files map[string]*zip.File) (wbPath string, ok bool) {
	var rootRels xmlRels
	if !decodePart(files["_rels/.rels"], &rootRels) {
		return "", false
	}
	for _, r := range rootRels.Rels {
		if r.Type == relOfficeDocument {
			return strings.TrimPrefix(r.Target, "/"), true
		}
	}
	return "", true
}

// planFast reads the small parts of the package; a nil plan means "use excelize".
func planFast(zr *zip.Reader, lim Limits) *fastPlan {
	files := map[string]*zip.File{}
	lower := map[string]int{}
	for _, f := range zr.File {
		if strings.Contains(f.Name, "\\") {
			return nil
		}
		files[f.Name] = f
		lower[strings.ToLower(f.Name)]++
	}
	for _, n := range lower {
		if n > 1 { // names that differ only by case: excelize would pick one we cannot predict
			return nil
		}
	}
	wbPath, ok := officeDocument(files)
	if !ok || wbPath != "xl/workbook.xml" {
		return nil
	}
	var wb xmlWorkbook
	var wbRels xmlRels
	if !decodePart(files[wbPath], &wb) || !decodePart(files["xl/_rels/workbook.xml.rels"], &wbRels) ||
		len(wb.Sheets.Sheet) == 0 {
		return nil
	}
	if lim.sheet >= len(wb.Sheets.Sheet) {
		return nil
	}
	first := wb.Sheets.Sheet[lim.sheet]
	for i, s := range wb.Sheets.Sheet {
		if i != lim.sheet && strings.EqualFold(s.Name, first.Name) {
			return nil
		}
	}
	target := ""
	for _, r := range wbRels.Rels {
		if r.ID == first.ID {
			if target != "" {
				return nil
			}
			target = r.Target
		}
	}
	if target == "" || strings.Contains(target, "..") {
		return nil
	}
	sheetPath := strings.TrimPrefix(path.Clean("xl/"+target), "/")
	if strings.HasPrefix(target, "/") {
		sheetPath = strings.TrimPrefix(path.Clean(target), "/")
	}
	p := &fastPlan{sheet: files[sheetPath]}
	if p.sheet == nil || !strings.HasPrefix(sheetPath, "xl/worksheets/") {
		return nil
	}
	for name, f := range files {
		if strings.EqualFold(name, "xl/sharedStrings.xml") {
			p.sst = f
		}
	}
	if wb.WorkbookPr != nil {
		p.date1904 = wb.WorkbookPr.Date1904
	}
	if f := files["xl/styles.xml"]; f != nil {
		var st xmlStyles
		if !decodePart(f, &st) {
			return nil
		}
		p.kinds = styleKinds(&st)
	}
	return p
}

// styleKinds decides the date kind of every cell style, as excelizeReader.markDateStyles does.
func styleKinds(st *xmlStyles) []dateKind {
	if st.CellXfs == nil {
		return nil
	}
	custom := map[int]string{}
	if st.NumFmts != nil {
		for _, nf := range st.NumFmts.NumFmt {
			if nf == nil {
				continue
			}
			if _, seen := custom[nf.NumFmtID]; seen {
				continue
			}
			code := nf.FormatCode
			if nf.FormatCode16 != "" {
				code = nf.FormatCode16
			}
			custom[nf.NumFmtID] = code
		}
	}
	kinds := make([]dateKind, len(st.CellXfs.Xf))
	for i, xf := range st.CellXfs.Xf {
		if i == 0 { // excelize never formats style 0
			continue
		}
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		kinds[i] = numFmtKind(id, custom)
	}
	return kinds
}

// decodePart decodes a small package part; false when missing, too large or malformed.
func decodePart(f *zip.File, v any) bool {
	if f == nil || f.UncompressedSize64 > 64<<20 {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v) == nil
}

// openFast returns a fast reader, or (nil, nil) when excelize must read the file.
func openFast(path, name string, lim Limits) (Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, nil
	}
	var unzipped int64
	for _, zf := range zr.File {
		unzipped += zf.FileInfo().Size()
		if unzipped > lim.MaxUnzipBytes || zf.FileInfo().Size() < 0 {
			f.Close()
			return nil, unzipLimitError(name, lim)
		}
	}
	plan := planFast(zr, lim)
	if plan == nil {
		f.Close()
		return nil, nil
	}
	r := &fastReader{path: path, name: name, lim: lim, file: f, plan: plan,
		total: int64(plan.sheet.UncompressedSize64), stop: make(chan struct{}),
		batches: make(chan *batch, queuedBatch), free: make(chan *batch, queuedBatch+2),
		freeChunks: make(chan []byte, queuedChunks+2)}
	r.wg.Add(1)
	go r.produce()
	return r, nil
}

func sharedTooBigError(name string, lim Limits) *Error {
	return &Error{File: name, Msg: fmt.Sprintf("文件中的文字内容解压后超过 %d MiB 的上限（可能是恶意文件，或一次导出的答卷过多），未导入任何数据；请检查文件来源，或分批导出后再导入", lim.MaxSharedBytes>>20)}
}

func unzipLimitError(name string, lim Limits) *Error {
	return &Error{File: name, Msg: fmt.Sprintf("解压后超过 %d MiB 的上限（可能是恶意文件），请检查文件来源", lim.MaxUnzipBytes>>20)}
}
