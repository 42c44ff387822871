package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/assess"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/loop"
)

func init() {
	RegisterDropHandler(dropSheet)
}

// Kinds of spreadsheet a dropped file can be, in the order the choice dialog offers them.
const (
	kindSurvey     = "survey"
	kindOpinions   = "opinions"
	kindAssessment = "assessment"
	kindOfficers   = "officers"
)

var dropKinds = []struct{ kind, label string }{
	{kindSurvey, "Survey export"},
	{kindOpinions, "Opinions export"},
	{kindAssessment, "Third-party assessment"},
	{kindOfficers, "体验官 feedback"},
}

// sniffSheet says which importers the file's content fits, by its header row (never its name): a survey
// export by a known layout (not the generic one), opinions by an 意见内容 column, an assessment by
// 分值+得分, officer feedback by a name and a score column. The narrower signature wins: score columns over
// an opinion text column (every score sheet has a 建议 column), and that over a survey layout, which is
// told by metadata columns that consultation platforms share (序号, 提交时间, 提交人 are also 金数据's).
func sniffSheet(path string) []string {
	var kinds []string
	a, o := assess.Sniff(path)
	if a {
		kinds = append(kinds, kindAssessment)
	}
	if o {
		kinds = append(kinds, kindOfficers)
	}
	if len(kinds) == 0 && loop.Sniff(path) {
		return []string{kindOpinions}
	}
	if p, err := ingest.Preview(path, ingest.Auto); err == nil && p.Detected != ingest.Generic {
		kinds = append([]string{kindSurvey}, kinds...)
	}
	return kinds
}

// dropSheet takes a spreadsheet dropped while a policy is open: it reads the file's header off the UI
// goroutine and hands the file to the one importer it fits, or asks the user when it fits none or several.
func dropSheet(u *UI, policyID int64, path string) bool {
	if policyID == 0 || !isSurveyFile(path) {
		return false
	}
	route := func(kinds []string) {
		if len(kinds) == 1 {
			importDropped(u, policyID, path, kinds[0])
			return
		}
		askDropKind(u, policyID, path)
	}
	if u.inline {
		route(sniffSheet(path))
		return true
	}
	go func() {
		kinds := sniffSheet(path)
		fyne.Do(func() { route(kinds) })
	}()
	return true
}

// importDropped starts the importer of kind on path.
func importDropped(u *UI, policyID int64, path, kind string) {
	switch kind {
	case kindSurvey:
		showSurveyWizard(u, policyID, path, "", func(ingest.Summary) { u.Refresh() })
	case kindOpinions:
		importOpinionsFile(u, policyID, path)
	case kindAssessment, kindOfficers:
		importScoreSheet(u, policyID, "", kind, path, func() { u.Refresh() })
	}
}

// askDropKind lets the user say what a dropped file holds when its header does not tell.
func askDropKind(u *UI, policyID int64, path string) {
	var d dialog.Dialog
	box := container.NewVBox(widget.NewLabel(fmt.Sprintf(lang.L("GongPing cannot tell which kind of sheet %s is. Import it as:"), filepath.Base(path))))
	for _, k := range dropKinds {
		kind := k.kind
		box.Add(widget.NewButton(lang.L(k.label), func() {
			d.Hide()
			importDropped(u, policyID, path, kind)
		}))
	}
	d = dialog.NewCustom(lang.L("Which kind of file?"), lang.L("Cancel"), box, u.Win)
	d.Show()
}
