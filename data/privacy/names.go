package privacy

import (
	"strings"

	"github.com/gongping/gongping/data"
)

// nameHeaders are words that make a survey column hold the names of the people who answered: its answers
// are names to mask wherever they occur in a published text (an answer quoting them too).
var nameHeaders = []string{"姓名", "名字", "提交人", "填写人", "联系人", "称呼"}

// IsNameColumn reports whether a survey column with this header holds the respondents' names (姓名, 提交人,
// 联系人…). Such a column is also personal (IsPersonalColumn): never published itself.
func IsNameColumn(header string) bool {
	for _, w := range nameHeaders {
		if strings.Contains(header, w) {
			return true
		}
	}
	return false
}

// Withheld reports whether a survey column never reaches a published file, neither its answers quoted nor
// the column in the raw data: personal data by its header (IsPersonalColumn: 姓名, 手机, IP…) or a
// metadata column the import set apart (submit times, durations, devices, the personal columns it knew).
func Withheld(q data.Question) bool { return q.Type == data.QMeta || IsPersonalColumn(q.Text) }

// SurveyNames are the names a published text about the round must not show: each response's respondent
// (id or submitter name) and its answers to name columns, those that look like a name (LooksLikeName:
// "R0012" or "匿名" would mask ordinary words), each once, in the order met.
func SurveyNames(sd *data.SurveyData) []string {
	if sd == nil {
		return nil
	}
	var nameCols []int
	for i, q := range sd.Questions {
		if IsNameColumn(q.Text) {
			nameCols = append(nameCols, i)
		}
	}
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if !seen[s] && LooksLikeName(s) {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, r := range sd.Responses {
		add(r.Respondent)
		for _, i := range nameCols {
			if i < len(r.Answers) {
				add(r.Answers[i])
			}
		}
	}
	return out
}
