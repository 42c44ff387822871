package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

// publicationCard is the publication of one kind on the 发布 tab — the adoption feedback or the evaluation
// with its revision records: what publishing freezes, the date, what was published before (every version
// stays), and before 公开 whether it would be refused and which dates in it disagree (loop.PlanPublish).
type publicationCard struct {
	u        *UI
	policyID int64
	what     string

	status  *widget.Label // published or not, the latest version
	freezes *widget.Label // what publishing freezes now
	date    *widget.Entry
	verdict *widget.Label // refused and why, or ready
	warn    *widget.Label // dates that disagree (it can still be published)
	history *widget.Label
	publish *widget.Button
	content fyne.CanvasObject

	pubs   []loop.Publication
	plan   loop.PublishPlan
	onDone func(loop.Publication) // after a publication, on the UI goroutine
	onPlan func()                 // after plan is read again
}

func newPublicationCard(u *UI, policyID int64, what string, onDone func(loop.Publication)) *publicationCard {
	c := &publicationCard{u: u, policyID: policyID, what: what, onDone: onDone}
	wrap := func(l *widget.Label) *widget.Label {
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	c.status = wrap(widget.NewLabel(""))
	c.status.TextStyle.Bold = true
	c.freezes = wrap(widget.NewLabel(""))
	c.verdict = wrap(widget.NewLabel(""))
	c.warn = wrap(widget.NewLabel(""))
	c.warn.Importance = widget.WarningImportance
	c.warn.Hide()
	c.history = wrap(widget.NewLabel(""))
	c.date = dateEntry("")
	c.date.OnChanged = func(string) { c.check() }
	label := lang.L("Publish the adoption feedback…")
	if what == loop.WhatEvaluation {
		label = lang.L("Publish the evaluation and revisions…")
	}
	c.publish = widget.NewButtonWithIcon(label, theme.MailSendIcon(), c.onPublish)
	c.publish.Importance = widget.HighImportance
	c.publish.Disable()
	form := widget.NewForm(widget.NewFormItem(lang.L("Publication date"), c.date))
	c.content = container.NewVBox(c.status, c.freezes, form, c.verdict, c.warn, container.NewHBox(c.publish),
		widget.NewLabelWithStyle(lang.L("Published before"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.history)
	return c
}

// set shows the publications made so far and proposes a date: the issue date for a first adoption
// feedback (it is due then), today otherwise.
func (c *publicationCard) set(p data.Policy, pubs []loop.Publication) {
	c.pubs = pubs
	c.history.SetText(publicationHistory(pubs))
	if n := len(pubs); n == 0 {
		c.status.SetText(lang.L("Not published yet."))
	} else {
		c.status.SetText(fmt.Sprintf(lang.L("Published on %s (version %d)."), pubs[n-1].Date, pubs[n-1].Version))
	}
	date := todayDate()
	if c.what == loop.WhatFeedback && len(pubs) == 0 && p.Issued != "" && p.Issued <= date {
		date = p.Issued
	}
	if c.date.Text == date {
		c.check()
	} else {
		c.date.SetText(date) // checks
	}
}

// check asks, off the UI goroutine, what publishing on the typed date would freeze and whether it would
// be refused (a dry run of the same rules; the evaluation's scores the round).
func (c *publicationCard) check() {
	date := c.date.Text
	c.publish.Disable()
	load(c.u, func(ctx context.Context, s *store.Store) (loop.PublishPlan, error) {
		return loop.PlanPublish(ctx, s, c.policyID, c.what, date)
	}, func(plan loop.PublishPlan) {
		if date != c.date.Text { // the user typed on meanwhile
			return
		}
		c.plan = plan
		c.freezes.SetText(freezeText(plan))
		if plan.Refusal != nil {
			c.verdict.SetText(lang.L("Cannot publish yet: ") + plan.Refusal.Error())
			c.verdict.Importance = widget.WarningImportance
		} else {
			c.verdict.SetText(lang.L("Ready to publish."))
			c.verdict.Importance = widget.SuccessImportance
			c.publish.Enable()
		}
		c.verdict.Refresh()
		if len(plan.Warnings) > 0 {
			c.warn.SetText(lang.L("Please check the dates (it can still be published): ") + strings.Join(plan.Warnings, lang.L("; ")))
			c.warn.Show()
		} else {
			c.warn.Hide()
		}
		if c.onPlan != nil {
			c.onPlan()
		}
	})
}

// freezeText says what a publication freezes, as data/loop's Publish does: the feedback freezes every
// decision not yet published (FreezeDecisions) and with them the clusters they are on; the evaluation the
// scores of the latest round and the current version of every revision record (FreezeRevisions).
func freezeText(plan loop.PublishPlan) string {
	// The counts go last: Fyne wraps at spaces, and a number inside a long Chinese sentence leaves a
	// line nearly empty.
	switch {
	case plan.What == loop.WhatFeedback:
		return lang.L("Publishing freezes the decisions and reasons on the opinion clusters and on single opinions, personal data masked: they can no longer be changed or removed, a published cluster can no longer be merged or split and its opinions not deleted. A correction is dated and published as a new version.") +
			fmt.Sprintf(lang.L("Decisions not yet published: %d."), plan.Decisions)
	case plan.Round == "":
		return lang.L("No evaluation round yet: publishing freezes only the current version of every revision record, without scores. It must be dated on or after the issue date. Later changes are published as a new version.") +
			fmt.Sprintf(lang.L("Revision records not yet published: %d."), plan.Revisions)
	}
	return fmt.Sprintf(lang.L("Publishing freezes the scores of the latest round, “%s” — scoring again or changing the scheme later does not change what was published — and the current version of every revision record. It must be dated on or after the issue date. Later changes are published as a new version."), plan.Round) +
		fmt.Sprintf(lang.L("Revision records not yet published: %d."), plan.Revisions)
}

func publicationHistory(pubs []loop.Publication) string {
	if len(pubs) == 0 {
		return lang.L("Nothing yet.")
	}
	var b strings.Builder
	for _, p := range pubs {
		fmt.Fprintf(&b, lang.L("Version %d, published %s")+"\n", p.Version, p.Date)
	}
	return strings.TrimSpace(b.String())
}

// onPublish asks before publishing: a publication cannot be undone (the automatic backup is the way back).
func (c *publicationCard) onPublish() {
	title, what := lang.L("Publish the adoption feedback"), lang.L("the adoption feedback")
	if c.what == loop.WhatEvaluation {
		title, what = lang.L("Publish the evaluation and the revision record"), lang.L("the evaluation and the revision record")
	}
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Record that %s was made public on %s? What it contains is then frozen; this cannot be undone (the workspace is backed up first)."), what, c.date.Text))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, lang.L("Make public"), lang.L("Cancel"), container.NewGridWrap(fyne.NewSize(460, 90), msg), func(ok bool) {
		if ok {
			c.doPublish()
		}
	}, c.u.Win)
	d.Show()
}

// doPublish publishes off the UI goroutine: scoring the round and the automatic backup before it take time.
func (c *publicationCard) doPublish() {
	s, policy, what, date := c.u.store, c.policyID, c.what, c.date.Text
	var pub loop.Publication
	c.u.RunLong(lang.L("Publishing…"), func(ctx context.Context, _ func(int, int)) error {
		var err error
		pub, err = loop.Publish(ctx, s, policy, what, date)
		return err
	}, func(err error) {
		if err != nil {
			c.verdict.SetText(c.u.explain(err).Error())
			c.u.ShowError(err)
			return
		}
		if c.onDone != nil {
			c.onDone(pub)
		}
	})
}

// showPolicyTab brings the selected policy's tab registered as title (its lang key) to the front.
func (u *UI) showPolicyTab(title string) {
	if u.detail == nil || u.detail.tabs == nil {
		return
	}
	for i, it := range u.detail.tabs.Items {
		if it.Text == lang.L(title) {
			u.detail.tabs.SelectIndex(i)
			return
		}
	}
}
