package data

import "time"

// This file is the contract between survey import (data/ingest, which owns and fills it in) and the
// scoring engine (data/score). Keep it small: types and the loader signatures both sides rely on.

// QuestionType is what kind of answer a question collects.
type QuestionType string

// Question types.
const (
	QSingle   QuestionType = "single"  // single choice
	QMulti    QuestionType = "multi"   // multi-select; answer = chosen option texts joined by MultiSep
	QRanking  QuestionType = "ranking" // ranking; answer = option texts in rank order joined by MultiSep
	QMatrix   QuestionType = "matrix"  // one row of a matrix question (its own question)
	QRating   QuestionType = "rating"  // numeric scale
	QFill     QuestionType = "fill"    // short fill-in
	QOpenText QuestionType = "text"    // open text
	QMeta     QuestionType = "meta"    // metadata column kept as a question (rare)
)

// MultiSep joins the chosen options of a multi-select or ranking answer.
const MultiSep = "┋"

// Question is one question of a survey round, in questionnaire order.
type Question struct {
	Key     string       `json:"key"`  // "Q3" (its number in the export); sub-questions documented by ingest
	Num     int          `json:"num"`  // number in the export
	Text    string       `json:"text"` // header text as exported
	Type    QuestionType `json:"type"`
	Options []string     `json:"options"` // discovered from the data, in first-seen or declared order
}

// Response is one respondent's submission. Answers[i] answers Questions[i]; "" is missing.
type Response struct {
	ID         int64     `json:"id"`
	Submitted  time.Time `json:"submitted"`  // zero when unknown
	Duration   float64   `json:"duration"`   // seconds; < 0 when unknown
	IP         string    `json:"ip"`         // personal data: never published unmasked
	Respondent string    `json:"respondent"` // respondent id or submitter name; personal data
	Source     string    `json:"source"`
	Answers    []string  `json:"answers"`
}

// SurveyData is everything imported into one round, as the scoring engine reads it.
type SurveyData struct {
	Round     Round
	Questions []Question
	Responses []Response
}
