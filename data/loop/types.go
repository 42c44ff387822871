// Package loop runs the closed loop around a policy after its draft is published for comment:
// public opinions (意见建议), their clusters (较为集中的意见), adoption decisions (采纳情况), the frozen
// publications (采纳情况反馈, 评价报告和修订情况) and the revision records (修订记录) with their diffs.
//
// This file is the read API other packages (reports/, app/) rely on.
package loop

import (
	"encoding/json"
	"fmt"
)

// Sources of an opinion.
const (
	SourceConsultation = "consultation" // public comment on the draft (意见征集)
	SourceSurvey       = "survey"       // open-text answer of a survey round
	SourceManual       = "manual"       // added by hand (letter, meeting, phone)
	SourceHotline      = "hotline"      // 12345 hotline
	SourceOfficer      = "officer"      // 政策体验官
)

// Decision values (采纳情况).
const (
	Adopted       = "采纳"
	PartlyAdopted = "部分采纳"
	NotAdopted    = "未采纳"
	NotHandled    = "不予处理"
)

// Decisions lists the decision values in display order.
var Decisions = []string{Adopted, PartlyAdopted, NotAdopted, NotHandled}

// What is published.
const (
	WhatFeedback   = "feedback"   // 采纳情况反馈, due when the policy is issued
	WhatEvaluation = "evaluation" // 评价报告和修订情况, after implementation
)

// Defaults of the per-policy settings.
const (
	// Every test set (cluster_test.go, the sample, testdata/holdout_*) groups without error from 0.39 to
	// 0.43 since stance, article and direction keep opposite points apart; 0.41 is the middle of that.
	DefaultSimilarity      = 0.41
	DefaultConcentratedMin = 5
)

// Settings are a policy's loop settings.
type Settings struct {
	Similarity      float64 `json:"similarity"`       // clustering threshold (cosine of bigram TF-IDF vectors)
	ConcentratedMin int     `json:"concentrated_min"` // a cluster is 较为集中 at ≥ this many opinions
}

// Opinion is one comment or suggestion from the public (意见建议).
type Opinion struct {
	ID        int64    `json:"id"`
	PolicyID  int64    `json:"policy"`
	Source    string   `json:"source"`
	Seq       string   `json:"seq"` // 序号 in the source file
	Content   string   `json:"content"`
	Submitted string   `json:"submitted"`           // as given, normalised to YYYY-MM-DD[ HH:MM[:SS]]; "" unknown
	Submitter string   `json:"submitter,omitempty"` // personal data: never published
	Contact   string   `json:"contact,omitempty"`   // personal data: never published
	Clause    string   `json:"clause"`              // clauses it touches joined by "、", e.g. "第三条、第五条"
	Clauses   []string `json:"clauses"`
	Cluster   *int64   `json:"cluster"`
	Pinned    bool     `json:"pinned"` // placed in its cluster by the user
	// Decision and Reason: the opinion's own decision, else its cluster's; nil while undecided.
	Decision    *string `json:"decision"`
	Reason      *string `json:"reason"`
	OwnDecision bool    `json:"own_decision"` // the decision was made for this opinion alone
}

// Cluster is a group of opinions making the same point.
type Cluster struct {
	ID             int64    `json:"id"`
	Size           int      `json:"size"`
	Concentrated   bool     `json:"concentrated"`
	Representative string   `json:"representative"`         // the most central member's text
	RepOpinion     int64    `json:"representative_opinion"` // its id
	Clauses        []string `json:"clauses"`
	Decision       *string  `json:"decision"` // nil while undecided
	Reason         *string  `json:"reason"`
	DecidedOn      string   `json:"decided_on,omitempty"`
	Published      bool     `json:"published"` // the current decision is frozen in a publication
	Amended        bool     `json:"amended"`   // the current decision amends a published one
	Manual         bool     `json:"manual"`    // shaped by the user; re-clustering keeps it
	Opinions       []int64  `json:"opinions"`
	// Counted over the members, each with its own decision or else the cluster's: a cluster whose every
	// opinion was decided one by one is decided too.
	Undecided      int `json:"undecided"`       // members with no decision
	NotAdopted     int `json:"not_adopted"`     // members decided short of 采纳
	MissingReasons int `json:"missing_reasons"` // of those, without a reason
}

// DecisionRecord is one version of a decision, for the history.
type DecisionRecord struct {
	ID          int64  `json:"id"`
	Cluster     *int64 `json:"cluster"`
	Opinion     *int64 `json:"opinion"`
	Decision    string `json:"decision"`
	Reason      string `json:"reason"`
	Date        string `json:"date"`
	Amends      *int64 `json:"amends"`      // the published decision this one replaces
	Publication *int64 `json:"publication"` // the publication that froze it
}

// DiffOp is one run of a character-level diff: Op "=" kept, "-" deleted, "+" inserted.
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Revision is one version of a revision record (修订记录).
type Revision struct {
	ID          int64    `json:"id"`     // this version
	Record      int64    `json:"record"` // stable across versions: the first version's id
	Version     int      `json:"version"`
	PolicyID    int64    `json:"policy"`
	Clause      string   `json:"clause"`
	Before      string   `json:"before"`
	After       string   `json:"after"`
	Reason      string   `json:"reason"`
	Findings    []string `json:"findings"` // evaluation findings (problems, directions) it answers
	Opinions    []int64  `json:"opinions"`
	Clusters    []int64  `json:"clusters"`
	Date        string   `json:"date"` // date of the change
	Withdrawn   bool     `json:"withdrawn"`
	Publication *int64   `json:"publication"` // the evaluation publication that froze this version
	CreatedAt   string   `json:"created_at"`
	Diff        []DiffOp `json:"diff"`
}

// Publication is one dated, frozen version of what was published.
type Publication struct {
	ID        int64           `json:"id"`
	PolicyID  int64           `json:"policy"`
	What      string          `json:"what"`
	Version   int             `json:"version"` // 1 = first publication; > 1 = amendments
	Date      string          `json:"date"`
	Snapshot  json.RawMessage `json:"snapshot"` // FeedbackSnapshot or EvaluationSnapshot
	CreatedAt string          `json:"created_at"`
}

// PublishedCluster is a cluster as frozen in a feedback publication; personal data in the representative
// text is masked (data/privacy).
type PublishedCluster struct {
	ID             int64    `json:"id"`
	Size           int      `json:"size"`
	Concentrated   bool     `json:"concentrated"`
	Representative string   `json:"representative"`
	Clauses        []string `json:"clauses"`
	Decision       string   `json:"decision"`
	Reason         string   `json:"reason"`
	Amended        bool     `json:"amended"`
}

// PublishedOpinion is an opinion decided on its own, as frozen in a feedback publication (text masked).
type PublishedOpinion struct {
	ID       int64  `json:"id"`
	Cluster  *int64 `json:"cluster"`
	Content  string `json:"content"`
	Clause   string `json:"clause"`
	Decision string `json:"decision"`
	Reason   string `json:"reason"`
}

// FeedbackSnapshot is what a feedback publication froze.
type FeedbackSnapshot struct {
	Policy          int64              `json:"policy"`
	Date            string             `json:"date"`
	Version         int                `json:"version"`
	Opinions        int                `json:"opinions"`
	ConcentratedMin int                `json:"concentrated_min"`
	Counts          map[string]int     `json:"counts"` // opinions by decision ("" = undecided)
	Clusters        []PublishedCluster `json:"clusters"`
	Decided         []PublishedOpinion `json:"decided_opinions"` // opinions decided on their own
}

// EvaluationSnapshot is what an evaluation publication froze: the evaluation summary as it stood
// (whatever the scoring engine provided, nil when nothing) and the current revision records.
type EvaluationSnapshot struct {
	Policy     int64           `json:"policy"`
	Date       string          `json:"date"`
	Version    int             `json:"version"`
	Evaluation json.RawMessage `json:"evaluation"`
	Revisions  []Revision      `json:"revisions"`
}

// Summary counts a policy's loop for overviews and reports.
type Summary struct {
	Opinions     int            `json:"opinions"`
	BySource     map[string]int `json:"by_source"`
	Clusters     int            `json:"clusters"`
	Concentrated int            `json:"concentrated"`
	Undecided    int            `json:"undecided_concentrated"` // concentrated clusters without a decision
	ByDecision   map[string]int `json:"by_decision"`            // opinions by decision ("" = undecided)
	AdoptionRate *float64       `json:"adoption_rate"`          // (采纳 + 部分采纳) / decided, nil when none decided
	Revisions    int            `json:"revisions"`              // current, not withdrawn
	Feedback     *Publication   `json:"feedback"`               // latest feedback publication
	Evaluation   *Publication   `json:"evaluation"`             // latest evaluation publication
}

// Feedback decodes the snapshot of a feedback publication.
func (p Publication) Feedback() (FeedbackSnapshot, error) {
	var fs FeedbackSnapshot
	if p.What != WhatFeedback {
		return fs, fmt.Errorf("publication %d is %s, not feedback", p.ID, p.What)
	}
	err := json.Unmarshal(p.Snapshot, &fs)
	return fs, err
}

// Evaluation decodes the snapshot of an evaluation publication.
func (p Publication) Evaluation() (EvaluationSnapshot, error) {
	var es EvaluationSnapshot
	if p.What != WhatEvaluation {
		return es, fmt.Errorf("publication %d is %s, not evaluation", p.ID, p.What)
	}
	err := json.Unmarshal(p.Snapshot, &es)
	return es, err
}
