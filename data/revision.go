package data

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
	Diff        []DiffOp `json:"diff"` // of Before and After (data/loop computes it; not stored)
}
