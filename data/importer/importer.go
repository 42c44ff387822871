// Package importer tells which importer a spreadsheet fits, by its content: a file dropped on the window
// goes to the one it fits, or the user is asked when it fits none or several.
package importer

import (
	"github.com/gongping/gongping/data/assess"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/loop"
)

// Kind is a kind of spreadsheet GongPing imports.
type Kind string

// The kinds, in the order a choice offers them.
const (
	Survey     Kind = "survey"     // a survey export (data/ingest)
	Opinions   Kind = "opinions"   // public comments (data/loop)
	Assessment Kind = "assessment" // a third-party score sheet (data/assess)
	Officers   Kind = "officers"   // 体验官 feedback (data/assess)
)

// Kinds lists every kind in the order a choice offers them.
var Kinds = []Kind{Survey, Opinions, Assessment, Officers}

// Fits says which importers the file's content fits, by its header row (never its name): a survey export
// by a known layout (not the generic one), opinions by an 意见内容 column, an assessment by 分值+得分,
// officer feedback by a name and a score column. The narrower signature wins: score columns over an
// opinion text column (every score sheet has a 建议 column), and that over a survey layout, which is told
// by metadata columns that consultation platforms share (序号, 提交时间, 提交人 are also 金数据's). It reads
// only the top of the file; an unreadable file fits nothing.
func Fits(path string) []Kind {
	var kinds []Kind
	a, o := assess.Sniff(path)
	if a {
		kinds = append(kinds, Assessment)
	}
	if o {
		kinds = append(kinds, Officers)
	}
	if len(kinds) == 0 && loop.Sniff(path) {
		return []Kind{Opinions}
	}
	if p, err := ingest.Preview(path, ingest.Auto); err == nil && p.Detected != ingest.Generic {
		kinds = append([]Kind{Survey}, kinds...)
	}
	return kinds
}
