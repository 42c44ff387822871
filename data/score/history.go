package score

import (
	"context"
	"database/sql"
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
	err := s.LegacyDB().QueryRowContext(ctx, `SELECT json FROM schemes WHERE policy_id=?`, policyID).Scan(&v.json)
	if errors.Is(err, sql.ErrNoRows) {
		return v, nil
	}
	if err != nil {
		return v, fmt.Errorf("scheme of policy %d: %w", policyID, err)
	}
	err = s.LegacyDB().QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM scheme_versions WHERE policy_id=? AND json=?`, policyID, v.json).Scan(&v.Version)
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
	rows, err := s.LegacyDB().QueryContext(ctx, `SELECT version, json, source, saved_at FROM scheme_versions WHERE policy_id=? ORDER BY version`, policyID)
	if err != nil {
		return nil, fmt.Errorf("scheme history of policy %d: %w", policyID, err)
	}
	defer rows.Close()
	out := []SchemeVersion{}
	for rows.Next() {
		var v SchemeVersion
		var js string
		if err := rows.Scan(&v.Version, &js, &v.Source, &v.SavedAt); err != nil {
			return nil, err
		}
		v.Current = v.Version == cur.Version
		v.Published = []PublishedUse{}
		if sc, err := ParseSchemeJSON([]byte(js)); err == nil {
			v.Name, v.Indicators = sc.Name, sc.Indicators()
			for _, u := range uses {
				if u.json == string(sc.JSON()) {
					v.Published = append(v.Published, u.PublishedUse)
				}
			}
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// SchemeAt returns version n of the policy's scheme history.
func SchemeAt(ctx context.Context, s *store.Store, policyID int64, n int) (*Scheme, error) {
	var js string
	err := s.LegacyDB().QueryRowContext(ctx, `SELECT json FROM scheme_versions WHERE policy_id=? AND version=?`, policyID, n).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &data.InputError{Msg: fmt.Sprintf("政策 %d 的评价方案没有第 %d 版（“方案历史”中列出各版）", policyID, n), Err: data.ErrNotFound,
			CLIHint: fmt.Sprintf("gongping scheme history --db F --policy %d", policyID)}
	}
	if err != nil {
		return nil, fmt.Errorf("scheme version %d of policy %d: %w", n, policyID, err)
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
	rows, err := s.LegacyDB().QueryContext(ctx, `SELECT version, date, snapshot FROM publications WHERE policy_id=? AND what='evaluation' ORDER BY version`, policyID)
	if err != nil {
		return nil, fmt.Errorf("publications of policy %d: %w", policyID, err)
	}
	defer rows.Close()
	var out []publishedScheme
	for rows.Next() {
		var p publishedScheme
		var snap string
		if err := rows.Scan(&p.Version, &p.Date, &snap); err != nil {
			return nil, err
		}
		var v struct {
			Evaluation *struct {
				Method struct {
					Scheme json.RawMessage `json:"scheme"`
				} `json:"method"`
			} `json:"evaluation"`
		}
		if json.Unmarshal([]byte(snap), &v) != nil || v.Evaluation == nil || len(v.Evaluation.Method.Scheme) == 0 {
			continue // feedback-only or revisions-only evaluation: no scores were published
		}
		sc, err := ParseSchemeJSON(v.Evaluation.Method.Scheme)
		if err != nil {
			continue
		}
		p.json = string(sc.JSON())
		out = append(out, p)
	}
	return out, rows.Err()
}
