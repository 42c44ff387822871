package data

import (
	"encoding/json"
	"fmt"
)

// What is published.
const (
	WhatFeedback   = "feedback"   // 采纳情况反馈, due when the policy is issued
	WhatEvaluation = "evaluation" // 评价报告和修订情况, after implementation
)

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
	// Report is what the team wrote and chose for the report of the round it froze (its texts, settings
	// and the answers not quoted); nil when the policy had no round, or for publications made before.
	Report *ReportChoices `json:"report,omitempty"`
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

// Round is the evaluation round whose scores the snapshot froze; "" when it froze no score.
func (es EvaluationSnapshot) Round() string {
	var r struct {
		Round string `json:"round"`
	}
	if len(es.Evaluation) == 0 || json.Unmarshal(es.Evaluation, &r) != nil {
		return ""
	}
	return r.Round
}
