package data

// LoopSettings are a policy's settings for grouping its opinions.
type LoopSettings struct {
	Similarity      float64 `json:"similarity"`       // clustering threshold (cosine of bigram TF-IDF vectors)
	ConcentratedMin int     `json:"concentrated_min"` // a cluster is 较为集中 at ≥ this many opinions
}

// Cluster is a group of opinions making the same point (意见分组; 较为集中的意见 when large enough).
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

// ClusterRecord is a cluster as stored: the opinions name their cluster, and the read model (Cluster) is
// computed from them.
type ClusterRecord struct {
	ID       int64
	PolicyID int64
	Manual   bool // shaped by the user (merge, split, move); re-clustering keeps it
}
