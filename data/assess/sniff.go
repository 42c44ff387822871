package assess

import "github.com/gongping/gongping/data/sheet"

// Sniff reports whether the file's header (within its first 30 rows) is that of a third-party assessment
// sheet (分值/满分 and 得分/评分 columns, or 一级指标, 分值 and one score column per rated unit) or of a 体验官 feedback sheet (a name column and at least one
// dimension score column), by the importers' own column aliases. It reads only the top of the file; an
// unreadable file is neither. Used to route a file dropped on the window to its importer.
func Sniff(path string) (assessment, officers bool) {
	rd, err := sheet.Open(path, sheet.Limits{MaxRows: maxRows, MaxCols: maxCols, MaxCellBytes: 4 * maxCellRunes, MaxUnzipBytes: 256 << 20})
	if err != nil {
		return false, false
	}
	defer rd.Close()
	g := &grid{}
	for len(g.rows) < 30 && rd.Next() {
		g.rows = append(g.rows, gridRow{num: rd.RowNum(), cells: append([]string(nil), rd.Row()...)})
	}
	_, _, err = findHeader(g, assessmentCols, []string{"max", "score"})
	assessment = err == nil
	if hi, pos, err := findAssessmentHeader(g); !assessment && err == nil {
		_, _, _, err = unitColumns(g, hi, pos) // one score column per rated unit
		assessment = err == nil
	}
	if _, pos, err := findHeader(g, officerCols, []string{"name"}); err == nil {
		for _, k := range DimensionKeys {
			if _, ok := pos[k]; ok {
				officers = true
			}
		}
	}
	return assessment, officers
}
