package score

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Scheme history (评价方案历史): every scheme a policy has had is kept, append-only like revision records.
// Saving adds a version; restoring an old version adds a copy of it as the newest, so the history itself
// never changes.

// SchemeChange says what SaveScheme did.
type SchemeChange struct {
	Version   int            `json:"version"`   // the version stored; 0 when the scheme was the one already stored
	Replaced  int            `json:"replaced"`  // the version it replaced (0 when the policy had none)
	Backup    string         `json:"backup"`    // the automatic backup made before replacing ("" when none)
	Published []PublishedUse `json:"published"` // evaluation publications the replaced scheme scored
}

// PublishedUse is an evaluation publication (评价报告公开) whose frozen scores a scheme produced.
type PublishedUse struct {
	Version int    `json:"version"` // the publication's version
	Date    string `json:"date"`
}

// SchemeVersion is one entry of a policy's scheme history.
type SchemeVersion struct {
	Version    int            `json:"version"`
	SavedAt    string         `json:"saved_at"`
	Source     string         `json:"source"` // the file it came from, 窗口, 恢复第 N 版 …
	Name       string         `json:"name"`   // the scheme's name
	Indicators int            `json:"indicators"`
	Current    bool           `json:"current"`
	Published  []PublishedUse `json:"published"` // evaluation publications scored with this scheme
}

type storedVersion struct {
	Version int
	json    string
}

// currentVersion is the policy's stored scheme and the newest history version holding it (Version 0 and
// json "" when the policy has no stored scheme; Version 0 with json set when the history lacks it).
func currentVersion(ctx context.Context, s *store.Store, policyID int64) (storedVersion, error) {
	var v storedVersion
	js, ok, err := s.Scheme(ctx, policyID)
	if err != nil || !ok {
		return v, err
	}
	v.json = js
	v.Version, err = s.SchemeVersionOf(ctx, policyID, js)
	return v, err
}

// SchemeHistory lists every scheme the policy has had, oldest first.
func SchemeHistory(ctx context.Context, s *store.Store, policyID int64) ([]SchemeVersion, error) {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return nil, err
	}
	cur, err := currentVersion(ctx, s, policyID)
	if err != nil {
		return nil, err
	}
	uses, err := publishedSchemes(ctx, s, policyID)
	if err != nil {
		return nil, err
	}
	recs, err := s.SchemeHistory(ctx, policyID)
	if err != nil {
		return nil, err
	}
	out := []SchemeVersion{}
	for _, r := range recs {
		v := SchemeVersion{Version: r.Version, Source: r.Source, SavedAt: r.SavedAt, Current: r.Version == cur.Version, Published: []PublishedUse{}}
		if sc, err := ParseSchemeJSON([]byte(r.JSON)); err == nil {
			v.Name, v.Indicators = sc.Name, sc.Indicators()
			for _, u := range uses {
				if u.json == string(sc.JSON()) {
					v.Published = append(v.Published, u.PublishedUse)
				}
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// SchemeAt returns version n of the policy's scheme history.
func SchemeAt(ctx context.Context, s *store.Store, policyID int64, n int) (*Scheme, error) {
	js, err := s.SchemeVersion(ctx, policyID, n)
	if errors.Is(err, data.ErrNotFound) {
		return nil, &data.InputError{Msg: fmt.Sprintf("政策 %d 的评价方案没有第 %d 版（“方案历史”中列出各版）", policyID, n), Err: data.ErrNotFound,
			CLIHint: fmt.Sprintf("gongping scheme history --db F --policy %d", policyID)}
	}
	if err != nil {
		return nil, err
	}
	return ParseSchemeJSON([]byte(js))
}

// RestoreScheme makes version n of the history the policy's scheme again: it is saved as the newest
// version (the one it replaces stays in the history), with the same checks and backup as SaveScheme.
func RestoreScheme(ctx context.Context, s *store.Store, policyID int64, n int) (SchemeChange, error) {
	sc, err := SchemeAt(ctx, s, policyID, n)
	if err != nil {
		return SchemeChange{}, err
	}
	return SaveScheme(ctx, s, policyID, sc, fmt.Sprintf("恢复第 %d 版", n))
}

// SchemePublished lists the evaluation publications whose scores the policy's current scheme produced:
// replacing that scheme changes the scores from those published (the window asks first).
func SchemePublished(ctx context.Context, s *store.Store, policyID int64) ([]PublishedUse, error) {
	cur, err := currentVersion(ctx, s, policyID)
	if err != nil || cur.json == "" {
		return []PublishedUse{}, err
	}
	return PublishedWith(ctx, s, policyID, cur.json)
}

// PublishedWith lists the evaluation publications scored with the scheme whose JSON form is js.
func PublishedWith(ctx context.Context, s *store.Store, policyID int64, js string) ([]PublishedUse, error) {
	out := []PublishedUse{}
	sc, err := ParseSchemeJSON([]byte(js))
	if err != nil {
		return out, nil
	}
	want := string(sc.JSON())
	uses, err := publishedSchemes(ctx, s, policyID)
	for _, u := range uses {
		if u.json == want {
			out = append(out, u.PublishedUse)
		}
	}
	return out, err
}

type publishedScheme struct {
	PublishedUse
	json string // the scheme's JSON form, normalised
}

// publishedSchemes reads the scheme each evaluation publication of the policy was scored with: the frozen
// snapshot holds the scoring result, whose method names the scheme used (Result.Method.Scheme).
func publishedSchemes(ctx context.Context, s *store.Store, policyID int64) ([]publishedScheme, error) {
	pubs, err := s.Publications(ctx, policyID, data.WhatEvaluation)
	if err != nil {
		return nil, err
	}
	var out []publishedScheme
	for _, pub := range pubs {
		p := publishedScheme{PublishedUse: PublishedUse{Version: pub.Version, Date: pub.Date}}
		var v struct {
			Evaluation *struct {
				Method struct {
					Scheme json.RawMessage `json:"scheme"`
				} `json:"method"`
			} `json:"evaluation"`
		}
		if json.Unmarshal(pub.Snapshot, &v) != nil || v.Evaluation == nil || len(v.Evaluation.Method.Scheme) == 0 {
			continue // feedback-only or revisions-only evaluation: no scores were published
		}
		sc, err := ParseSchemeJSON(v.Evaluation.Method.Scheme)
		if err != nil {
			continue
		}
		p.json = string(sc.JSON())
		out = append(out, p)
	}
	return out, nil
}
