// Package assess imports the two non-survey sources of an evaluation round: third-party assessment score
// sheets (第三方评估) and 政策体验官 feedback, and reads them back for the scoring engine.
package assess

import "github.com/gongping/gongping/data"

// Row is one indicator row of a third-party assessment sheet (stored by data/store).
type Row = data.AssessmentRow

// Feedback is one 体验官's feedback (stored by data/store).
type Feedback = data.OfficerFeedback
