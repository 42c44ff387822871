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

// The attachments follow the body in reading order, and their tables and figures are numbered on
// from the body's; a single attachment has no number.
func TestAttachments(t *testing.T) {
	d := &Document{
		Blocks: []Block{Table{Caption: "正文表"}, Figure{Caption: "正文图"}},
		Attachments: []Attachment{
			{Title: "数据表", Blocks: []Block{Table{Caption: "附表"}}},
			{Title: "图表", Blocks: []Block{&Figure{Caption: "附图"}, Table{Caption: "又一表"}}},
		},
	}
	if got, want := strings.Join(Labels(d.AllBlocks()), ","), "表1,图1,表2,图2,表3"; got != want {
		t.Errorf("Labels(AllBlocks) = %q, want %q", got, want)
	}
	if n := len((&Document{Blocks: []Block{Paragraph{}}}).AllBlocks()); n != 1 {
		t.Errorf("AllBlocks of a document without attachments has %d blocks", n)
	}
	for _, c := range []struct {
		i, n         int
		label, numbr string
	}{{0, 1, "附件", ""}, {0, 2, "附件1", "1."}, {1, 2, "附件2", "2."}, {11, 12, "附件12", "12."}} {
		if l, nb := AttachmentLabel(c.i, c.n), AttachmentNumber(c.i, c.n); l != c.label || nb != c.numbr {
			t.Errorf("attachment %d of %d: %q %q, want %q %q", c.i, c.n, l, nb, c.label, c.numbr)
		}
	}
}
