package gensurvey

import (
	"regexp"
	"strings"
	"testing"
)

// TestSample checks what the demo relies on: the size, the personal data to mask, and a few speeders,
// straight-liners and duplicates for screening.
func TestSample(t *testing.T) {
	rows := Rows()
	if len(rows) != Respondents+1 {
		t.Fatalf("%d rows, want header + %d", len(rows), Respondents)
	}
	text := ""
	for _, r := range rows[1:] {
		text += strings.Join(r, "|") + "\n"
	}
	if !regexp.MustCompile(`1[3-9]\d{9}`).MatchString(text) {
		t.Error("no mobile number in the comments")
	}
	id := regexp.MustCompile(`\d{17}[\dX]`).FindString(text)
	if id == "" || idNumber(id[:17]) != id {
		t.Errorf("no ID number with a valid check digit (found %q)", id)
	}
	speeders, straight, dups := 0, 0, 0
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		if strings.HasSuffix(r[2], "秒") && !strings.Contains(r[2], "分") && len(r[2]) <= len("59秒") {
			speeders++
		}
		likert := r[9:19]
		same := true
		for _, a := range likert {
			same = same && a == likert[0]
		}
		if same {
			straight++
		}
		key := r[5] + strings.Join(r[6:], "|")
		if seen[key] {
			dups++
		}
		seen[key] = true
	}
	if speeders < 5 || straight < 5 || dups < 3 {
		t.Errorf("speeders %d, straight-liners %d, duplicates %d: want a few of each", speeders, straight, dups)
	}
}
