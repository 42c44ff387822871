package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/reports"
)

func init() {
	RegisterPolicyTab(PolicyTab{Order: 70, Title: "Publish", Build: buildPublish})
}

const prefReportFolder = "publish.folder"

// publishTab is where a policy's publications are made, in the order that makes the report true: 一、the
// adoption feedback and 二、the evaluation with its revision records, each with what publishing freezes,
// its date and the versions published before (publications.go); 三、the report (report.html +
// report.xlsx) of a round: choose the round and the folder, see how many personal items will be masked,
// generate, then open the page and the folder.
//
// The evaluation is published first and the report generated after it: the report's statutory checklist
// is read when it is written (check.Run), so a report written before the publication says 暂无法判断 for
// 执行后公开评价报告和修订情况, and only a report written after it shows what was frozen (the latest
// round's scores and the revision records as of that date). 公开后立即生成报告 makes the two one step.
type publishTab struct {
	u        *UI
	policyID int64

	feedback    *publicationCard
	evaluation  *publicationCard
	genAfter    *widget.Check // generate the report right after publishing the evaluation
	reportState *widget.Label // what the report will say of the evaluation's publication

	round    *widget.Select
	folder   *widget.Entry
	raw      *widget.Check
	openDone *widget.Check
	preview  *widget.Label
	generate *widget.Button
	result   *widget.Label
	openHTML *widget.Button
	openDir  *widget.Button
	content  fyne.CanvasObject

	policy            data.Policy
	evalPubs          []loop.Publication
	htmlPath, xlsPath string
}

func buildPublish(u *UI, policyID int64) fyne.CanvasObject {
	return newPublishTab(u, policyID).content
}

func newPublishTab(u *UI, policyID int64) *publishTab {
	t := &publishTab{u: u, policyID: policyID}
	t.round = widget.NewSelect(nil, func(string) { t.onRoundChanged() })
	t.round.PlaceHolder = lang.L("(no round yet)")
	t.folder = widget.NewEntry()
	t.folder.OnChanged = func(s string) { u.App.Preferences().SetString(prefReportFolder+fmt.Sprint(policyID), s) }
	browse := widget.NewButtonWithIcon(lang.L("Choose folder…"), theme.FolderOpenIcon(), t.onBrowse)
	t.raw = widget.NewCheck(lang.L("Add the raw data sheet (valid responses, personal columns removed)"), func(bool) { t.onRoundChanged() })
	t.openDone = widget.NewCheck(lang.L("Open the report in the browser when done"), nil)
	t.openDone.SetChecked(true)
	t.preview = widget.NewLabel("")
	t.preview.Wrapping = fyne.TextWrapWord
	t.generate = widget.NewButtonWithIcon(lang.L("Generate report"), theme.DocumentSaveIcon(), t.onGenerate)
	t.generate.Importance = widget.HighImportance
	t.result = widget.NewLabel("")
	t.result.Wrapping = fyne.TextWrapWord
	t.openHTML = widget.NewButtonWithIcon(lang.L("Open in browser"), theme.ComputerIcon(), func() { t.open(t.htmlPath) })
	t.openDir = widget.NewButtonWithIcon(lang.L("Open folder"), theme.FolderOpenIcon(), func() { t.open(filepath.Dir(t.htmlPath)) })
	t.openHTML.Hide()
	t.openDir.Hide()

	intro := widget.NewLabel(lang.L("The report is one HTML page that works offline and prints on A4, plus an Excel workbook with native charts. Personal data (mobile and ID numbers, e-mail and IP addresses, names) is masked before anything is written."))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Evaluation round"), t.round),
		widget.NewFormItem(lang.L("Output folder"), container.NewBorder(nil, nil, nil, browse, t.folder)),
	)
	privacyCard := widget.NewCard(lang.L("Personal data to be masked"), "", t.preview)
	t.reportState = widget.NewLabel("")
	t.reportState.Wrapping = fyne.TextWrapWord

	t.feedback = newPublicationCard(u, policyID, loop.WhatFeedback, func(loop.Publication) { t.reload() })
	t.evaluation = newPublicationCard(u, policyID, loop.WhatEvaluation, func(loop.Publication) {
		t.reload()
		if t.genAfter.Checked && !t.generate.Disabled() {
			t.onGenerate()
		}
	})
	t.evaluation.onPlan = t.showReportState
	t.genAfter = widget.NewCheck(lang.L("Generate the report right after publishing (section 3)"), nil)
	t.genAfter.SetChecked(true)
	order := widget.NewLabel(lang.L("Both publications are made here. Publishing records the date something was made public and freezes what it contains; it sends nothing. Publish the evaluation before generating the report that is made public: the report's checklist is read when the report is written."))
	order.Wrapping = fyne.TextWrapWord
	report := container.NewVBox(intro, form, t.raw, privacyCard, t.reportState, container.NewHBox(t.generate, t.openDone),
		widget.NewSeparator(), t.result, container.NewHBox(t.openHTML, t.openDir))
	t.content = container.NewPadded(container.NewVScroll(container.NewVBox(
		order,
		widget.NewCard(lang.L("1. Adoption feedback (at issue)"), "", container.NewVBox(t.feedback.content, newNoticeSection(u, policyID, t.folder, t.open).content)),
		widget.NewCard(lang.L("2. Evaluation report and revision record (after implementation)"), "", container.NewVBox(t.evaluation.content, t.genAfter)),
		widget.NewCard(lang.L("3. Report"), "", report),
	)))
	t.reload()
	return t
}

type publishData struct {
	policy               data.Policy
	rounds               []data.Round
	feedback, evaluation []loop.Publication
}

func (t *publishTab) reload() {
	id := t.policyID
	load(t.u, func(ctx context.Context, s *store.Store) (publishData, error) {
		var d publishData
		var err error
		if d.policy, err = s.Policy(ctx, id); err != nil {
			return d, err
		}
		if d.rounds, err = s.Rounds(ctx, id); err != nil {
			return d, err
		}
		if d.feedback, err = loop.Publications(ctx, s, id, loop.WhatFeedback); err != nil {
			return d, err
		}
		d.evaluation, err = loop.Publications(ctx, s, id, loop.WhatEvaluation)
		return d, err
	}, t.apply)
}

func (t *publishTab) apply(d publishData) {
	t.policy = d.policy
	t.evalPubs = d.evaluation
	t.feedback.set(d.policy, d.feedback)
	t.evaluation.set(d.policy, d.evaluation)
	t.showReportState()
	names := make([]string, len(d.rounds))
	for i, r := range d.rounds {
		names[i] = r.Name
	}
	t.round.Options = names
	if t.folder.Text == "" {
		t.folder.SetText(t.defaultFolder())
	}
	if len(names) == 0 {
		t.round.ClearSelected()
		t.preview.SetText(lang.L("This policy has no evaluation round yet: import a survey first."))
		t.generate.Disable()
		return
	}
	t.generate.Enable()
	t.round.SetSelected(names[len(names)-1]) // the latest round; triggers the preview
}

// defaultFolder is the folder last used for this policy, else 公评报告/<title> in the user's home.
func (t *publishTab) defaultFolder() string {
	if f := t.u.App.Preferences().String(prefReportFolder + fmt.Sprint(t.policyID)); f != "" {
		return f
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	return filepath.Join(home, lang.L("GongPing reports"), safeFileName(t.policy.Title, t.policyID))
}

// safeFileName turns a policy title into a folder name every system accepts.
func safeFileName(title string, id int64) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(title))
	if r := []rune(name); len(r) > 40 {
		name = string(r[:40])
	}
	if name == "" {
		name = fmt.Sprintf("policy-%d", id)
	}
	return name
}

func (t *publishTab) options() reports.Options {
	return reports.Options{Round: t.round.Selected, RawData: t.raw.Checked}
}

// onRoundChanged recomputes the masking preview for the chosen round.
func (t *publishTab) onRoundChanged() {
	if t.round.Selected == "" {
		return
	}
	t.showReportState()
	t.preview.SetText(lang.L("Counting…"))
	id, opt := t.policyID, t.options()
	load(t.u, func(ctx context.Context, s *store.Store) (privacy.Counts, error) {
		full, err := reports.LoadOptions(ctx, s, id, opt) // the 报告文字 tab's texts, settings and quotations
		if err != nil {
			return privacy.Counts{}, err
		}
		return reports.Preview(ctx, s, id, full)
	}, func(c privacy.Counts) {
		if t.round.Selected == opt.Round && t.raw.Checked == opt.RawData { // not a stale answer
			t.preview.SetText(previewText(c))
		}
	})
}

// showReportState says what the report written now will say of the evaluation's publication.
func (t *publishTab) showReportState() {
	n := len(t.evalPubs)
	if n == 0 {
		t.reportState.SetText(lang.L("The evaluation is not published yet: a report written now is a draft to review, and its checklist says “cannot be judged yet” for the published evaluation. For the report to be made public, publish the evaluation first (section 2)."))
		t.reportState.Importance = widget.WarningImportance
		t.reportState.Refresh()
		return
	}
	last := t.evalPubs[n-1]
	text := fmt.Sprintf(lang.L("The evaluation was published on %s (version %d): the report's checklist says so."), last.Date, last.Version)
	t.reportState.Importance = widget.SuccessImportance
	if es, err := last.Evaluation(); err == nil {
		if r := es.Round(); r != "" && t.round.Selected != "" && r != t.round.Selected {
			text += " " + fmt.Sprintf(lang.L("The published scores are those of round “%s”, not of the round chosen here."), r)
			t.reportState.Importance = widget.WarningImportance
		}
	}
	if n := t.evaluation.plan.Revisions; n > 0 {
		text += " " + fmt.Sprintf(lang.L("%d revision records changed since and are not published yet: the report shows them as they are now."), n)
		t.reportState.Importance = widget.WarningImportance
	}
	t.reportState.SetText(text)
	t.reportState.Refresh()
}

func previewText(c privacy.Counts) string {
	if c.Total() == 0 {
		return lang.L("No personal data found in the texts to be published.")
	}
	return fmt.Sprintf(lang.L("%d items will be masked: %d mobile numbers, %d ID numbers, %d e-mail addresses, %d IP addresses, %d names."),
		c.Total(), c.Phones, c.IDs, c.Emails, c.IPs, c.Names)
}

func (t *publishTab) onBrowse() {
	t.u.pickFolder(t.folder.Text, t.folder.SetText)
}

func (t *publishTab) onGenerate() {
	folder := strings.TrimSpace(t.folder.Text)
	if folder == "" {
		t.u.ShowError(data.InputErrorf("%s", lang.L("Choose the folder to write the report to.")))
		return
	}
	id, opt := t.policyID, t.options()
	s := t.u.Store()
	var htmlPath, xlsPath string
	t.u.RunLong(lang.L("Writing the report"), func(ctx context.Context, progress func(done, total int)) error {
		opt.Progress = func(f float64) { progress(int(f*100), 100) }
		full, err := reports.LoadOptions(ctx, s, id, opt) // the 报告文字 tab's texts, settings and quotations
		if err != nil {
			return err
		}
		htmlPath, xlsPath, err = reports.WriteWith(ctx, s, id, folder, full)
		return err
	}, func(err error) {
		if err != nil {
			t.u.ShowError(err)
			return
		}
		t.done(htmlPath, xlsPath)
	})
}

// done shows where the files are and opens the page when asked to.
func (t *publishTab) done(htmlPath, xlsPath string) {
	t.htmlPath, t.xlsPath = htmlPath, xlsPath
	t.result.SetText(fmt.Sprintf(lang.L("Report written:\n%s\n%s"), htmlPath, xlsPath))
	t.openHTML.Show()
	t.openDir.Show()
	if t.openDone.Checked {
		t.open(htmlPath)
	}
}

// open hands a file or folder to the system (default browser for the page, file manager for the folder);
// when nothing can open it the window says why (openfile.go).
func (t *publishTab) open(path string) { t.u.openWithSystem(path) }
