package data

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Storage of survey responses. Each imported file keeps its own column layout: its answer cells go into
// "slots" (one per kept column, plus other-text slots), and the file's []QuestionLayout says how each
// question's answer is assembled from its slots. That lets the importer decide a question's type after
// the last row (a wjx-code 0/1 group is a multi-select, a group of option numbers is a matrix) without
// ever rewriting a stored row. The store packs the slots (data/store/survey.go).

// AssembleKind says how a question's answer is built from its slots.
type AssembleKind string

// Assembly kinds.
const (
	AssembleValue   AssembleKind = "value"   // the one slot's value (Sep, if set, is turned into MultiSep)
	AssembleFlags   AssembleKind = "flags"   // Labels[k] is chosen when slot k is not a "no" (see FlagChosen)
	AssembleRanks   AssembleKind = "ranks"   // slot k holds the rank (1 = first) of Labels[k]
	AssembleOrdered AssembleKind = "ordered" // slot k holds the option ranked k-th
)

// QuestionLayout is one question of an imported file and how to assemble its answer.
type QuestionLayout struct {
	Question
	Kind   AssembleKind `json:"kind"`
	Slots  []int        `json:"slots"`
	Labels []string     `json:"labels,omitempty"`
	Sep    string       `json:"sep,omitempty"`
}

// flagNo are the cells of an expanded multi-select column that mean "not chosen".
var flagNo = map[string]bool{"": true, "0": true, "N": true, "No": true, "no": true, "否": true, "未选": true, "未选中": true, "False": true, "false": true}

// FlagChosen says whether a cell of an expanded multi-select column (0/1, Y/N, 是/否, the option
// text, 腾讯问卷's non-empty) marks the option as chosen.
func FlagChosen(v string) bool { return !flagNo[v] }

// Assemble builds the answer from a response's slot values.
func (l *QuestionLayout) Assemble(slots []string) string {
	get := func(s int) string {
		if s < len(slots) {
			return slots[s]
		}
		return ""
	}
	switch l.Kind {
	case AssembleFlags:
		var b strings.Builder
		for k, s := range l.Slots {
			if v := get(s); FlagChosen(v) && k < len(l.Labels) {
				if b.Len() > 0 {
					b.WriteString(MultiSep)
				}
				b.WriteString(l.Labels[k])
			}
		}
		return b.String()
	case AssembleRanks:
		type ranked struct {
			rank  float64
			label string
		}
		var rs []ranked
		for k, s := range l.Slots {
			if r, err := strconv.ParseFloat(get(s), 64); err == nil && r > 0 && k < len(l.Labels) {
				rs = append(rs, ranked{r, l.Labels[k]})
			}
		}
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].rank < rs[j].rank })
		parts := make([]string, len(rs))
		for i, r := range rs {
			parts[i] = r.label
		}
		return strings.Join(parts, MultiSep)
	case AssembleOrdered:
		var parts []string
		for _, s := range l.Slots {
			if v := get(s); v != "" {
				parts = append(parts, v)
			}
		}
		return strings.Join(parts, MultiSep)
	default:
		if len(l.Slots) == 0 {
			return ""
		}
		v := get(l.Slots[0])
		if l.Sep != "" && v != "" {
			// Sep's runes each separate options (",，": 腾讯文档 forms mix the two commas).
			parts := strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(l.Sep, r) })
			out := parts[:0]
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			v = strings.Join(out, MultiSep)
		}
		return v
	}
}

// ResponseMeta is what an export tells about a response besides its answers.
type ResponseMeta struct {
	Submitted  time.Time // zero when unknown
	Duration   float64   // seconds; < 0 when unknown
	IP         string
	Respondent string
	Source     string
}

// SurveyImport is one imported file.
type SurveyImport struct {
	ID         int64    `json:"import_id"`
	RoundID    int64    `json:"round_id"`
	FileName   string   `json:"file"`
	SHA256     string   `json:"sha256"`
	Format     string   `json:"format"`
	Rows       int      `json:"rows"`
	Imported   int      `json:"imported"`
	Skipped    int      `json:"skipped"` // responses the round already had (see SurveyWriter.AddKnown)
	Warnings   []string `json:"warnings"`
	ImportedAt string   `json:"imported_at"`
}

// typeRank orders types when two imports disagree: a question seen as multi-select anywhere is one.
var typeRank = map[QuestionType]int{QOpenText: 1, QFill: 2, QRating: 3, QSingle: 4, QMatrix: 5, QRanking: 6, QMulti: 7}

// MergeQuestions merges the questions of one more imported file (layout) into a round's questions qs, in
// order: new keys are appended, a known key keeps the type ranked higher (typeRank) and gains the options
// it lacked. A question key the round already has with another header text is an InputError: that file
// belongs to another questionnaire (or another round).
func MergeQuestions(qs []Question, layout []QuestionLayout) ([]Question, error) {
	byKey := map[string]int{}
	for i, q := range qs {
		byKey[q.Key] = i
	}
	for _, l := range layout {
		i, ok := byKey[l.Key]
		if !ok {
			byKey[l.Key] = len(qs)
			qs = append(qs, l.Question)
			continue
		}
		q := &qs[i]
		if strings.TrimSpace(q.Text) != strings.TrimSpace(l.Text) {
			return nil, InputErrorf("题目 %s 与本轮次已导入的问卷不一致（已有“%s”，本文件为“%s”）；请确认是同一份问卷，或导入到新的轮次",
				l.Key, q.Text, l.Text)
		}
		if typeRank[l.Type] > typeRank[q.Type] {
			q.Type = l.Type
		}
		have := map[string]bool{}
		for _, o := range q.Options {
			have[o] = true
		}
		for _, o := range l.Options {
			if !have[o] {
				have[o] = true
				q.Options = append(q.Options, o)
			}
		}
	}
	return qs, nil
}

func sortCounts(cs []OptionCount) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Count != cs[j].Count {
			return cs[i].Count > cs[j].Count
		}
		return cs[i].Option < cs[j].Option
	})
}
