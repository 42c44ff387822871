package data

// Decision values (采纳情况).
const (
	Adopted       = "采纳"
	PartlyAdopted = "部分采纳"
	NotAdopted    = "未采纳"
	NotHandled    = "不予处理"
)

// Decisions lists the decision values in display order.
var Decisions = []string{Adopted, PartlyAdopted, NotAdopted, NotHandled}

// DecisionRecord is one version of a decision on a cluster or an opinion, for the history.
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

// ReasonTemplate is a reusable reason for decisions.
type ReasonTemplate struct {
	ID   int64  `json:"id"`
	Text string `json:"text"`
}
