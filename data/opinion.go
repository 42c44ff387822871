package data

// Sources of an opinion.
const (
	SourceConsultation = "consultation" // public comment on the draft (意见征集)
	SourceSurvey       = "survey"       // open-text answer of a survey round
	SourceManual       = "manual"       // added by hand (letter, meeting, phone)
	SourceHotline      = "hotline"      // 12345 hotline
	SourceOfficer      = "officer"      // 政策体验官
)

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

// OpinionImport is one imported batch of opinions (a consultation export, or a survey round's open answers).
type OpinionImport struct {
	ID         int64  `json:"id"`
	Source     string `json:"source"`
	File       string `json:"file"`
	Rows       int    `json:"rows"`
	Opinions   int    `json:"opinions"` // still stored
	ImportedAt string `json:"imported_at"`
}
