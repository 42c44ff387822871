// Command gen writes the assess package's test sheets (run in data/assess): go run ./testdata/gen
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/gongping/gongping/assets/sample/genscoring"
)

func main() {
	dir := "testdata"
	must(genscoring.WriteAssessment(filepath.Join(dir, "merged.xlsx")))
	must(genscoring.WriteOfficers(filepath.Join(dir, "officers5.xlsx")))

	// A bad score: row 6 (the second data row), column D.
	f := excelize.NewFile()
	rows := [][]any{{"评分表"}, {}, {"维度", "指标", "满分", "评分"}, {"执行过程", "宣传", 10, 8}, {"执行过程", "流程", 10, 7}, {"细则标准", "细则", 10, "八"}}
	for i, r := range rows {
		for j, v := range r {
			c, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue("Sheet1", c, v)
		}
	}
	must(f.SaveAs(filepath.Join(dir, "badscore.xlsx")))

	// A CSV without merges: blank 一级指标 cells are filled down; a 小计 row is skipped.
	must(os.WriteFile(filepath.Join(dir, "plain.csv"), []byte("\ufeff一级指标,二级指标,分值,得分,扣分说明,建议\n"+
		"执行过程,宣传,10,9,,\n,流程,10,6,材料多,减材料\n小计,,20,15,,\n取得成效,成效,20,15,,\n"), 0o644))

	// Officers on 0–100, one not on the roster, one row without a 细则标准 score.
	must(os.WriteFile(filepath.Join(dir, "officers100.csv"), []byte("姓名,日期,执行过程,细则标准,取得成效,问题,建议\n"+
		"王建国,2026/9/1,80,70,90,排队久,\n陌生人,2026年9月2日,60,,70,,多宣传\n"), 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
