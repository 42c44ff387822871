package doc

import (
	"strings"
	"testing"
)

func TestLabels(t *testing.T) {
	blocks := []Block{
		Paragraph{Text: "正文"},
		Table{Caption: "采纳情况"},
		&Figure{Caption: "意见数量"},
		Table{},                   // takes 表2, shows no label
		&Table{Caption: " \n\t "}, // blank caption: 表3, no label
		Figure{Caption: "渠道\n分布"}, // 图2
		&Table{Caption: "修订情况"},   // 表4
		nil, PageBreak{}, Heading{Text: "二、"},
	}
	got := strings.Join(Labels(blocks), ",")
	if want := ",表1,图1,,,图2,表4,,,"; got != want {
		t.Errorf("Labels = %q, want %q", got, want)
	}
	if n := len(Labels(nil)); n != 0 {
		t.Errorf("Labels(nil) has %d entries", n)
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain 中文", "plain 中文"},
		{"a\x00b", "ab"},
		{"a\r\nb\rc\n", "a\nb\nc\n"},
		{"\xffa\xc3", "a"},
		{"\t\uFFFEz\U0010FFFF", "\tz\U0010FFFF"},
		{"c1\u0085\u009fend\u007f", "c1end"},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Lines("　　第一段\n\n  第二段  \r\n\t"); strings.Join(got, "|") != "第一段|第二段" {
		t.Errorf("Lines = %q", got)
	}
	if got := OneLine("  表\n题\t甲  "); got != "表 题 甲" {
		t.Errorf("OneLine = %q", got)
	}
}
