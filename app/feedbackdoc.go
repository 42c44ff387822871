package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/reports"
	"github.com/gongping/gongping/reports/doc"
)

// noticeSection is the 生成采纳情况说明 part of the 发布 tab's adoption-feedback card: it writes the
// notice (采纳情况说明.html and .docx, reports.WriteNotice) into the tab's output folder, off the UI
// goroutine, then says where the files are and whether they are the published version or a draft.
type noticeSection struct {
	u        *UI
	policyID int64
	folder   *widget.Entry     // the tab's output folder
	open     func(path string) // hands a file or folder to the system

	generate *widget.Button
	result   *widget.Label
	openHTML *widget.Button
	openDir  *widget.Button
	content  fyne.CanvasObject

	files reports.NoticeFiles
}

func newNoticeSection(u *UI, policyID int64, folder *widget.Entry, open func(string)) *noticeSection {
	n := &noticeSection{u: u, policyID: policyID, folder: folder, open: open}
	n.generate = widget.NewButtonWithIcon(lang.L("Generate the adoption-feedback notice"), theme.DocumentCreateIcon(), n.onGenerate)
	hint := widget.NewLabel(lang.L("The adoption-feedback notice is written as an HTML page and a Word document into the output folder of section 3: from the published adoption feedback or, before it is published, as a draft from the decisions as they stand."))
	hint.Wrapping = fyne.TextWrapWord
	n.result = widget.NewLabel("")
	n.result.Wrapping = fyne.TextWrapWord
	n.result.Hide()
	n.openHTML = widget.NewButtonWithIcon(lang.L("Open in browser"), theme.ComputerIcon(), func() { n.open(n.files.HTML) })
	n.openDir = widget.NewButtonWithIcon(lang.L("Open folder"), theme.FolderOpenIcon(), func() { n.open(filepath.Dir(n.files.HTML)) })
	n.openHTML.Hide()
	n.openDir.Hide()
	n.content = container.NewVBox(widget.NewSeparator(), hint, container.NewHBox(n.generate), n.result, container.NewHBox(n.openHTML, n.openDir))
	return n
}

func (n *noticeSection) onGenerate() {
	folder := strings.TrimSpace(n.folder.Text)
	if folder == "" {
		n.u.ShowError(data.InputErrorf("%s", lang.L("Choose the folder to write the report to.")))
		return
	}
	id, s := n.policyID, n.u.Store()
	var files reports.NoticeFiles
	n.generate.Disable()
	n.u.RunLong(lang.L("Writing the adoption-feedback notice"), func(ctx context.Context, progress func(done, total int)) error {
		var err error
		files, err = reports.WriteNotice(ctx, s, id, folder, reports.NoticeOptions{})
		return err
	}, func(err error) {
		n.generate.Enable()
		if err != nil {
			n.u.ShowError(err)
			return
		}
		n.done(files)
	})
}

// done says where the notice went and what it shows.
func (n *noticeSection) done(files reports.NoticeFiles) {
	n.files = files
	nt := files.Notice
	date := nt.Date
	if t, err := time.Parse(data.DateLayout, nt.Date); err == nil {
		date = doc.FormatDate(t)
	}
	var text string
	if nt.Draft {
		text = fmt.Sprintf(lang.L("Draft written (dated %s): the adoption feedback is not published yet, so the notice shows the decisions as they stand. Publish the feedback above, then generate it again for the published version."), date)
	} else {
		text = fmt.Sprintf(lang.L("Notice written from the adoption feedback published on %s (version %d)."), date, nt.Version)
	}
	if nt.Later > 0 {
		text += "\n" + fmt.Sprintf(lang.L("%d revision records dated after that publication are not listed."), nt.Later)
	}
	n.result.SetText(text + "\n" + files.HTML + "\n" + files.DOCX)
	n.result.Show()
	n.openHTML.Show()
	n.openDir.Show()
}
