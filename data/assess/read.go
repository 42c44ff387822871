package assess

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/sheet"
)

// Bounds on a score sheet: real ones have tens of rows.
const (
	maxFileBytes = 32 << 20
	maxRows      = 20000
	maxCols      = 200
	maxCellRunes = 2000
)

// grid is a small sheet read whole: rows by their number as Excel shows it, merged cells filled in.
type grid struct {
	name   string
	format string // "xlsx" or "csv"
	sha    string
	rows   []gridRow
	mended []string // warnings of the cells the reader mended (sheet.RepairWarnings)
}

type gridRow struct {
	num   int
	cells []string
}

func (r gridRow) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// readGrid reads the first worksheet (or the CSV) of path, filling every merged range with its
// top-left value so a merged 一级指标 applies to each row it spans.
func readGrid(path string) (*grid, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, data.InputErrorf("无法打开文件 %s，请确认文件存在", name)
	}
	if st.Size() > maxFileBytes {
		return nil, data.InputErrorf("文件 %s 过大（超过 32 MB），评分表一般只有几十行，请检查是否选错文件", name)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, data.InputErrorf("无法读取文件 %s", name)
	}
	sum := sha256.Sum256(b)
	g := &grid{name: name, format: "csv", sha: hex.EncodeToString(sum[:])}
	rd, err := sheet.Open(path, sheet.Limits{MaxRows: maxRows, MaxCols: maxCols, MaxCellBytes: 4 * maxCellRunes, MaxUnzipBytes: 256 << 20})
	if err != nil {
		return nil, sheetErr(err)
	}
	defer rd.Close()
	idx := map[int]int{}
	for rd.Next() {
		row := append([]string(nil), rd.Row()...)
		idx[rd.RowNum()] = len(g.rows)
		g.rows = append(g.rows, gridRow{num: rd.RowNum(), cells: row})
	}
	if err := rd.Err(); err != nil {
		return nil, sheetErr(err)
	}
	g.mended = sheet.RepairWarnings(rd)
	if bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) { // .xls: merged 一级指标 cells are filled down by the header logic
		g.format = "xls"
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		g.format = "xlsx"
		if err := fillMerged(g, b, idx); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func sheetErr(err error) error {
	var se *sheet.Error
	if errors.As(err, &se) {
		return &data.InputError{Msg: se.Error(), Err: err}
	}
	return err
}

func fillMerged(g *grid, b []byte, idx map[int]int) error {
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: 256 << 20})
	if err != nil {
		return data.InputErrorf("文件 %s 不是有效的 xlsx 表格，请用 Excel/WPS 另存后再导入", g.name)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil
	}
	merged, err := f.GetMergeCells(sheets[0])
	if err != nil {
		return data.InputErrorf("无法读取 %s 的合并单元格：%v", g.name, err)
	}
	filled := 0
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c2 > maxCols || r2 > maxRows || r2-r1 > maxRows {
			continue
		}
		top, ok := idx[r1]
		if !ok {
			continue
		}
		v := g.rows[top].cell(c1 - 1)
		for r := r1; r <= r2; r++ {
			i, ok := idx[r]
			if !ok {
				continue // an empty row inside a merge carries no data
			}
			if filled += c2 - c1 + 1; filled > maxRows*maxCols/4 {
				return data.InputErrorf("文件 %s 的合并单元格过多，评分表一般只有几十行，请检查是否选错文件", g.name)
			}
			for c := c1; c <= c2; c++ {
				for len(g.rows[i].cells) < c {
					g.rows[i].cells = append(g.rows[i].cells, "")
				}
				g.rows[i].cells[c-1] = v
			}
		}
	}
	return nil
}

var headerNoise = regexp.MustCompile(`[\s　]+|[（(][^（）()]*[)）]$|[:：*]`)

// normHeader drops spaces, a trailing "（分）" and marks so "得分（分）" matches 得分.
func normHeader(h string) string { return headerNoise.ReplaceAllString(strings.TrimSpace(h), "") }

// findHeader finds the header row among the first 30 rows: of those naming every required column, the one
// naming the most columns.
// cols lists each field's aliases, matched exactly after normHeader, then as a prefix.
func findHeader(g *grid, cols []column, required []string) (int, map[string]int, error) {
	best, bestPos := -1, map[string]int(nil)
	for ri, r := range g.rows {
		if ri >= 30 {
			break
		}
		pos := matchColumns(r, cols)
		ok := true
		for _, f := range required {
			if _, has := pos[f]; !has {
				ok = false
			}
		}
		// The header is the row naming the most columns (a title row may mention one by chance).
		if ok && len(pos) > len(bestPos) {
			best, bestPos = ri, pos
		}
	}
	if best >= 0 {
		return best, bestPos, nil
	}
	var names []string
	for _, f := range required {
		for _, c := range cols {
			if c.field == f {
				names = append(names, strings.Join(c.aliases, "/"))
			}
		}
	}
	return 0, nil, data.InputErrorf("%s：在前 30 行中找不到表头，表头需包含列：%s", g.name, strings.Join(names, "，"))
}

// column is a field of a sheet and the header texts that name it.
type column struct {
	field   string
	aliases []string
}

func matchColumns(r gridRow, cols []column) map[string]int {
	pos := map[string]int{}
	used := map[int]bool{}
	for _, exact := range []bool{true, false} {
		for _, col := range cols {
			f, aliases := col.field, col.aliases
			if _, done := pos[f]; done {
				continue
			}
			for c := range r.cells {
				if used[c] {
					continue
				}
				h := normHeader(r.cells[c])
				if h == "" {
					continue
				}
				hit := false
				for _, a := range aliases {
					if (exact && h == a) || (!exact && strings.HasPrefix(h, a)) {
						hit = true
					}
				}
				if hit {
					pos[f] = c
					used[c] = true
					break
				}
			}
		}
	}
	return pos
}

// cellRef names a cell for an error message: "第5行第D列".
func cellRef(row, col int) string {
	name, _ := excelize.ColumnNumberToName(col + 1)
	return fmt.Sprintf("第%d行第%s列", row, name)
}
