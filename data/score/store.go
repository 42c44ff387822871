package score

import (
	"context"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
	"github.com/gongping/gongping/data/store"
)

// loadSurvey returns everything imported into a round (an empty survey when none was).
func loadSurvey(ctx context.Context, s *store.Store, rd data.Round, have *data.SurveyData) (*data.SurveyData, error) {
	if have != nil && have.Round.ID == rd.ID {
		return have, nil
	}
	if rd.ID == 0 {
		return &data.SurveyData{Round: rd}, nil
	}
	return s.SurveyData(ctx, rd.ID)
}

// SchemeOf returns the policy's stored scheme; set is false (and the scheme the default one, see
// DefaultScheme) when none was stored yet.
func SchemeOf(ctx context.Context, s *store.Store, policyID int64) (sc *Scheme, set bool, err error) {
	js, ok, err := s.Scheme(ctx, policyID)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		p, err := s.Policy(ctx, policyID)
		if err != nil {
			return nil, false, err
		}
		return DefaultScheme(p.Title), false, nil
	}
	sc, err = ParseSchemeJSON([]byte(js))
	if err != nil {
		return nil, true, fmt.Errorf("stored scheme of policy %d: %w", policyID, err)
	}
	return sc, true, nil
}

// SchemeToEdit is the scheme a user starts from: the stored one, or (set false) the default scheme with
// the latest round's questions placed by Suggest, for the user to confirm. Returns the round's questions.
func SchemeToEdit(ctx context.Context, s *store.Store, policyID int64) (sc *Scheme, set bool, qs []data.Question, err error) {
	if sc, set, err = SchemeOf(ctx, s, policyID); err != nil {
		return nil, false, nil, err
	}
	if rd, rerr := s.ResolveRound(ctx, policyID, ""); rerr == nil {
		if qs, err = s.SurveyQuestions(ctx, rd.ID); err != nil {
			return nil, false, nil, err
		}
	}
	if !set && len(qs) > 0 {
		sc.Apply(Suggest(sc, qs), qs)
	}
	return sc, set, qs, nil
}

// SetScheme validates and stores a policy's scheme (SaveScheme without naming where it came from).
func SetScheme(ctx context.Context, s *store.Store, policyID int64, sc *Scheme) error {
	_, err := SaveScheme(ctx, s, policyID, sc, "")
	return err
}

// SaveScheme validates and stores a policy's scheme as its newest version; source says where it came from
// (a file name, 窗口). Question references are checked against the policy's latest round when it has survey
// questions. A scheme without any indicator is refused: storing one would wipe every survey score. The
// scheme it replaces stays in the history (SchemeHistory) and an automatic backup of the workspace is made
// first. Saving the scheme the policy already has changes nothing (Version 0).
func SaveScheme(ctx context.Context, s *store.Store, policyID int64, sc *Scheme, source string) (SchemeChange, error) {
	var ch SchemeChange
	if _, err := s.Policy(ctx, policyID); err != nil {
		return ch, err
	}
	sc.normalise()
	if err := sc.Validate(nil); err != nil {
		return ch, err
	}
	if sc.Indicators() == 0 {
		return ch, data.InputErrorf("评价方案没有任何指标（执行过程、细则标准、取得成效三个维度都是空的），保存它会清空所有问卷得分，因此没有保存：" +
			"请至少为一个维度添加指标和题目；可先导出当前方案作模板（评价方案页的“导出”）")
	}
	if rd, err := s.ResolveRound(ctx, policyID, ""); err == nil {
		sd, err := loadSurvey(ctx, s, rd, nil)
		if err != nil {
			return ch, err
		}
		if len(sd.Questions) > 0 {
			if err := sc.Validate(sd.Questions); err != nil {
				return ch, err
			}
			if err := sc.checkNumeric(sd); err != nil {
				return ch, err
			}
		}
	}
	js := string(sc.JSON())
	cur, err := currentVersion(ctx, s, policyID)
	if err != nil {
		return ch, err
	}
	if cur.Version > 0 && cur.json == js {
		return SchemeChange{Replaced: cur.Version}, nil
	}
	save := func() error {
		return s.Tx(ctx, func(tx *store.Tx) error {
			if cur.json != "" && cur.Version == 0 { // stored before the history began, or by hand: keep it too
				n, err := tx.AddSchemeVersion(ctx, policyID, cur.json, "此前的方案")
				if err != nil {
					return err
				}
				ch.Replaced = n
			}
			n, err := tx.AddSchemeVersion(ctx, policyID, js, source)
			if err != nil {
				return err
			}
			ch.Version = n
			return tx.SetScheme(ctx, policyID, js)
		})
	}
	if cur.json == "" {
		return ch, save()
	}
	ch.Replaced = cur.Version
	if ch.Published, err = PublishedWith(ctx, s, policyID, cur.json); err != nil {
		return ch, err
	}
	err = s.WithBackup(ctx, store.BackupScheme, save)
	if err == nil {
		if bs, _ := store.ListBackups(s.Path); len(bs) > 0 {
			ch.Backup = bs[0].Name
		}
	}
	return ch, err
}

// checkNumeric runs the engine's value check (numeric answers need a declared scale) without scoring.
func (sc *Scheme) checkNumeric(sd *data.SurveyData) error {
	_, err := Compute(context.Background(), Input{Scheme: sc, Survey: sd})
	return err
}

// SetOverride records a hand decision about a survey response: restore = true keeps it whatever screening
// says; false excludes it (note says why).
func SetOverride(ctx context.Context, s *store.Store, roundID, responseID int64, restore bool, note string) error {
	err := s.SetOverride(ctx, roundID, responseID, store.Override{Restore: restore, Note: note})
	if errors.Is(err, data.ErrNotFound) {
		return data.InputErrorf("答卷 %d 不属于该评价轮次，请检查答卷编号", responseID)
	}
	return err
}

// ClearOverride drops the hand decision about a response: screening decides again.
func ClearOverride(ctx context.Context, s *store.Store, responseID int64) error {
	return s.ClearOverride(ctx, responseID)
}

func overrides(ctx context.Context, s *store.Store, roundID int64) (map[int64]Override, error) {
	stored, err := s.Overrides(ctx, roundID)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Override, len(stored))
	for id, o := range stored {
		out[id] = Override{Restore: o.Restore, Note: o.Note}
	}
	return out, nil
}

// LoadInput reads everything a scoring run of one round needs from the workspace.
func LoadInput(ctx context.Context, s *store.Store, policyID int64, roundName string) (Input, error) {
	return loadInput(ctx, s, policyID, roundName, nil)
}

// loadInput is LoadInput with the round's survey when the caller has it (see Options.Survey).
func loadInput(ctx context.Context, s *store.Store, policyID int64, roundName string, survey *data.SurveyData) (Input, error) {
	rd, err := s.ResolveRound(ctx, policyID, roundName)
	if err != nil {
		return Input{}, err
	}
	sc, set, err := SchemeOf(ctx, s, policyID)
	if err != nil {
		return Input{}, err
	}
	in := Input{Policy: policyID, Round: rd.Name, Scheme: sc}
	if in.Survey, err = loadSurvey(ctx, s, rd, survey); err != nil {
		return in, err
	}
	// No scheme set: the suggested mapping (SchemeToEdit) is a draft for the editor, never scored.
	in.unconfirmed = !set
	if in.Assessment, err = assess.Rows(ctx, s, rd.ID); err != nil {
		return in, err
	}
	if in.Officers, err = assess.Feedbacks(ctx, s, rd.ID); err != nil {
		return in, err
	}
	in.Overrides, err = overrides(ctx, s, rd.ID)
	return in, err
}
