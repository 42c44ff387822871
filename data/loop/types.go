// Package loop runs the closed loop around a policy after its draft is published for comment:
// public opinions (意见建议), their clusters (较为集中的意见), adoption decisions (采纳情况), the frozen
// publications (采纳情况反馈, 评价报告和修订情况) and the revision records (修订记录) with their diffs.
//
// This file is the read API other packages (reports/, app/) rely on. The persisted types live in
// package data (the store reads and writes them); the names here are aliases so callers keep loop's.
package loop

import "github.com/gongping/gongping/data"

// Sources of an opinion.
const (
	SourceConsultation = data.SourceConsultation
	SourceSurvey       = data.SourceSurvey
	SourceManual       = data.SourceManual
	SourceHotline      = data.SourceHotline
	SourceOfficer      = data.SourceOfficer
)

// Decision values (采纳情况).
const (
	Adopted       = data.Adopted
	PartlyAdopted = data.PartlyAdopted
	NotAdopted    = data.NotAdopted
	NotHandled    = data.NotHandled
)

// Decisions lists the decision values in display order.
var Decisions = data.Decisions

// What is published.
const (
	WhatFeedback   = data.WhatFeedback
	WhatEvaluation = data.WhatEvaluation
)

// Defaults of the per-policy settings.
const (
	// Every test set (cluster_test.go, the sample, testdata/holdout_*) groups without error from 0.39 to
	// 0.43 since stance, article and direction keep opposite points apart; 0.41 is the middle of that.
	DefaultSimilarity      = 0.41
	DefaultConcentratedMin = 5
)

// The loop's types, kept in package data.
type (
	Settings           = data.LoopSettings
	Opinion            = data.Opinion
	Import             = data.OpinionImport
	Cluster            = data.Cluster
	DecisionRecord     = data.DecisionRecord
	ReasonTemplate     = data.ReasonTemplate
	DiffOp             = data.DiffOp
	Revision           = data.Revision
	Publication        = data.Publication
	PublishedCluster   = data.PublishedCluster
	PublishedOpinion   = data.PublishedOpinion
	FeedbackSnapshot   = data.FeedbackSnapshot
	EvaluationSnapshot = data.EvaluationSnapshot
)

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
