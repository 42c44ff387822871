package sheet

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func readAll(t *testing.T, path string) ([][]string, []int, error) {
	t.Helper()
	r, err := Open(path, Limits{})
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	var rows [][]string
	var nums []int
	for r.Next() {
		rows = append(rows, append([]string(nil), r.Row()...))
		nums = append(nums, r.RowNum())
	}
	return rows, nums, r.Err()
}

func TestQuickXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"序号", "提交答卷时间", "分数", "bool"})
	f.SetSheetRow("Sheet1", "A3", &[]any{1, time.Date(2026, 3, 5, 9, 7, 1, 0, time.UTC), 3.5, true})
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 21})
	f.SetCellValue("Sheet1", "E3", 0.5)
	f.SetCellStyle("Sheet1", "E3", "E3", st)
	f.SetCellValue("Sheet1", "F3", "45000")
	f.SetCellStyle("Sheet1", "F3", "F3", st)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	rows, nums, err := readAll(t, path)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"序号", "提交答卷时间", "分数", "bool"}, {"1", "2026-03-05 09:07:01", "3.5", "1", "12:00:00", "45000"}}
	if !reflect.DeepEqual(rows, want) || !reflect.DeepEqual(nums, []int{1, 3}) {
		t.Fatalf("got %q %v, want %q", rows, nums, want)
	}
}

func TestQuickCSV(t *testing.T) {
	for name, data := range map[string]string{
		"bom":   "\xEF\xBB\xBF编号,1.题目\n1,\"a,b\"\n",
		"gbk":   "\xb1\xe0\xba\xc5,1.\xcc\xe2\xc4\xbf\n1,\"a,b\"\n",
		"comma": "编号,1.题目,\n1,\"a,b\",\n",
	} {
		path := filepath.Join(t.TempDir(), name+".csv")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		rows, _, err := readAll(t, path)
		want := [][]string{{"编号", "1.题目"}, {"1", "a,b"}}
		if err != nil || !reflect.DeepEqual(rows, want) {
			t.Errorf("%s: got %q, %v; want %q", name, rows, err, want)
		}
	}
}
