package main

import (
	"github.com/gongping/gongping/data"
)

// writeDemoReport writes the demo policy's report. Placeholder until reports/ lands (issue 5).
func writeDemoReport(e *env, s *data.Store, ids []int64, dir string) error {
	return data.InputErrorf("报告功能尚未完成 (report writer not built yet)")
}
