package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/importer"
	"github.com/gongping/gongping/data/ingest"
)

func init() {
	RegisterDropHandler(dropSheet)
}

// dropKinds are the choice dialog's words for each kind of sheet (data/importer), in its order.
var dropKinds = []struct {
	kind  importer.Kind
	label string
}{
	{importer.Survey, "Survey export"},
	{importer.Opinions, "Opinions export"},
	{importer.Assessment, "Third-party assessment"},
	{importer.Officers, "体验官 feedback"},
}

// dropSheet takes a spreadsheet dropped while a policy is open: it reads the file's header off the UI
// goroutine and hands the file to the one importer it fits, or asks the user when it fits none or several.
func dropSheet(u *UI, policyID int64, path string) bool {
	if policyID == 0 || !isSurveyFile(path) {
		return false
	}
	route := func(kinds []importer.Kind) {
		if len(kinds) == 1 {
			importDropped(u, policyID, path, kinds[0])
			return
		}
		askDropKind(u, policyID, path)
	}
	if u.inline {
		route(importer.Fits(path))
		return true
	}
	go func() {
		kinds := importer.Fits(path)
		fyne.Do(func() { route(kinds) })
	}()
	return true
}

// importDropped starts the importer of kind on path.
func importDropped(u *UI, policyID int64, path string, kind importer.Kind) {
	switch kind {
	case importer.Survey:
		showSurveyWizard(u, policyID, path, "", func(ingest.Summary) { u.Refresh() })
	case importer.Opinions:
		importOpinionsFile(u, policyID, path)
	case importer.Assessment, importer.Officers:
		importScoreSheet(u, policyID, "", string(kind), path, func() { u.Refresh() })
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
