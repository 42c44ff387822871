package reports

import (
	"context"
	"fmt"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/data/store"
)

// What the team wrote and chose for a round's report reaches the report through Options, filled here and
// only here: the window's 发布 and 报告文字 tabs, gongping report and the demo call LoadOptions, so they
// cannot differ; a publication's frozen choices fill them the same way (OptionsFromPublication).

// LoadOptions returns opt with what the workspace holds for the round's report (opt.Round; "" = the
// policy's latest): the team's section texts, the optional parts on or off, the issuer, commissioner and
// report date, the open answers not quoted. What opt says of the run itself (round, raw data, progress,
// group breakdowns) stays. A policy with no round gets opt as it is.
func LoadOptions(ctx context.Context, s *store.Store, policyID int64, opt Options) (Options, error) {
	c, err := loop.ReportChoicesOf(ctx, s, policyID, opt.Round, nil)
	if err != nil {
		return opt, err
	}
	if c.Round == "" {
		return opt, nil
	}
	err = opt.Apply(c) // before returning opt: the order of a return's operands is not defined
	return opt, err
}

// OptionsFromPublication returns the options that make the report an evaluation publication froze: its
// round, and the texts, settings and excluded answers as they were when it was published. A publication
// made before these were frozen gives the options of its round with none of them.
func OptionsFromPublication(p data.Publication) (Options, error) {
	es, err := p.Evaluation()
	if err != nil {
		return Options{}, err
	}
	opt := Options{Round: es.Round()}
	if es.Report == nil {
		return opt, nil
	}
	opt.Round = es.Report.Round
	err = opt.Apply(*es.Report)
	return opt, err
}

// Apply sets the options from the team's choices: the texts by section, the optional parts on or off,
// issuer, commissioner and date, the answers not quoted. An unknown section key (stored by a newer
// version) is kept; the report ignores it.
func (o *Options) Apply(c data.ReportChoices) error {
	o.Texts = make(map[narrative.Section]string, len(c.Texts))
	for k, t := range c.Texts {
		o.Texts[narrative.Section(k)] = t
	}
	o.Sections = map[narrative.Section]bool{}
	for p, on := range c.Settings.Sections() {
		o.Sections[narrative.Section(p)] = on
	}
	o.Agency, o.Commissioner = c.Settings.Issuer, c.Settings.Commissioner
	o.Date = time.Time{}
	if c.Settings.Date != "" {
		d, err := time.Parse(data.DateLayout, c.Settings.Date)
		if err != nil {
			return fmt.Errorf("report date %q: %w", c.Settings.Date, err)
		}
		o.Date = d
	}
	o.Excluded = c.ExcludedSet()
	return nil
}

// Narrative is what the 报告文字 tab and gongping narrative get show of a round's report: each section's
// draft, the team's texts, and the choices they come with.
type Narrative struct {
	Round       data.Round
	Choices     data.ReportChoices                    // what the report reads: settings with the agency inherited
	OwnSettings data.ReportSettings                   // the round's own settings (no agency inherited; zero when never set)
	Texts       map[narrative.Section]data.ReportText // the team's texts, with when they were saved
	Drafts      map[narrative.Section]string          // what GongPing writes from the numbers, masked as published
	Quotes      []loop.Quote                          // the open answers, with the screen's proposals and the team's choices
}

// LoadNarrative reads a round's report texts and drafts. The drafts are the report's own: the report is
// assembled as it would be published, with the team's settings and quotations but none of its texts. The
// round is scored once, for the drafts and the quotations alike.
func LoadNarrative(ctx context.Context, s *store.Store, policyID int64, round string) (Narrative, error) {
	var n Narrative
	r, err := s.ResolveRound(ctx, policyID, round)
	if err != nil {
		return n, err
	}
	n.Round = r
	texts, err := s.ReportTexts(ctx, r.ID)
	if err != nil {
		return n, err
	}
	if n.OwnSettings, _, err = s.ReportSettings(ctx, r.ID); err != nil {
		return n, err
	}
	earlier, err := s.EarlierIssuer(ctx, policyID, r.ID)
	if err != nil {
		return n, err
	}
	n.Choices = data.ReportChoices{Round: r.Name, Texts: map[string]string{}, Settings: n.OwnSettings.InheritIssuer(earlier)}
	n.Texts = make(map[narrative.Section]data.ReportText, len(texts))
	for k, t := range texts {
		n.Texts[narrative.Section(k)] = t
		n.Choices.Texts[k] = t.Text
	}
	opt := Options{Round: r.Name}
	if err := opt.Apply(n.Choices); err != nil { // the drafts name the agency, the date, the parts published
		return n, err
	}
	opt.Texts = nil
	in, err := Load(ctx, s, policyID, opt)
	if err != nil {
		return n, err
	}
	rq, err := loop.Quotes(ctx, s, policyID, r.Name, in.Result)
	if err != nil {
		return n, err
	}
	n.Quotes = rq.Quotes
	n.Choices.Excluded = loop.Excluded(rq.Quotes)
	in.Excluded = n.Choices.ExcludedSet()
	if err := ctx.Err(); err != nil {
		return n, err
	}
	n.Drafts = Assemble(in).Texts
	return n, nil
}
