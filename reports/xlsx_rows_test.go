package reports

import "testing"

func TestWrappedLines(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  int
	}{
		{"短", 20, 1},
		{"abcdefghij", 11, 1},
		{"abcdefghijk", 11, 2},
		{"一二三四五", 11, 1},
		{"一二三四五六", 11, 2},
		{"一\n二", 40, 2},
		{"任意", 0, 1},
	} {
		if got := wrappedLines(c.text, c.width); got != c.want {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
}
