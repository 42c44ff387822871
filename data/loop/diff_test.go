package loop

import (
	"reflect"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		before, after string
		want          []DiffOp
	}{
		{"", "", []DiffOp{}},
		{"abc", "abc", []DiffOp{{Op: "=", Text: "abc"}}},
		{"", "新增", []DiffOp{{Op: "+", Text: "新增"}}},
		{"删除", "", []DiffOp{{Op: "-", Text: "删除"}}},
		// a number is one unit: 20 → 12 is a replacement, not a kept "2"
		{"审批时限为20个工作日", "审批时限为12个工作日", []DiffOp{{Op: "=", Text: "审批时限为"}, {Op: "-", Text: "20"}, {Op: "+", Text: "12"}, {Op: "=", Text: "个工作日"}}},
		{"比例不超过1.5%", "比例不超过3%", []DiffOp{{Op: "=", Text: "比例不超过"}, {Op: "-", Text: "1.5%"}, {Op: "+", Text: "3%"}}},
		{"企业应当提交申请材料", "企业可以通过网上提交申请材料", []DiffOp{{Op: "=", Text: "企业"}, {Op: "-", Text: "应当"}, {Op: "+", Text: "可以通过网上"}, {Op: "=", Text: "提交申请材料"}}},
		// a lone matching "的" between two changes is folded into the change
		{"甲乙丙的丁戊己", "子丑寅的卯辰巳", []DiffOp{{Op: "-", Text: "甲乙丙的丁戊己"}, {Op: "+", Text: "子丑寅的卯辰巳"}}},
	} {
		got := Diff(tc.before, tc.after)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Diff(%q, %q) = %q, want %q", tc.before, tc.after, got, tc.want)
		}
		// Applying the ops must give back both texts.
		var b, a strings.Builder
		for _, op := range got {
			if op.Op != "+" {
				b.WriteString(op.Text)
			}
			if op.Op != "-" {
				a.WriteString(op.Text)
			}
		}
		if b.String() != tc.before || a.String() != tc.after {
			t.Errorf("Diff(%q, %q) does not rebuild the texts: %q / %q", tc.before, tc.after, b.String(), a.String())
		}
	}
}

func TestDiffLongTextFallsBack(t *testing.T) {
	a := strings.Repeat("甲乙", 5000) + "X" + strings.Repeat("丙丁", 5000)
	b := strings.Repeat("乙甲", 5000) + "Y" + strings.Repeat("丁丙", 5000)
	got := Diff(a, b)
	if len(got) == 0 {
		t.Fatal("no ops")
	}
}

func TestClauses(t *testing.T) {
	for in, want := range map[string][]string{
		"第五条":       {"第五条"},
		"第5条":       {"第五条"},
		"第 12 条第二款": {"第十二条"},
		"第三条、第五条":   {"第三条", "第五条"},
		"第三、五条":     {"第三条", "第五条"},
		"3,5":       {"第三条", "第五条"},
		"附件1":       {"附件1"},
		"第二十条":      {"第二十条"},
		"第105条":     {"第一百零五条"},
		"":          nil,
	} {
		if got := ParseClauses(in); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseClauses(%q) = %q, want %q", in, got, want)
		}
	}
	if got := ClausesInText("建议第十条和第3条合并"); !reflect.DeepEqual(got, []string{"第十条", "第三条"}) {
		t.Errorf("ClausesInText = %q", got)
	}
}

func TestParseSubmitted(t *testing.T) {
	for in, want := range map[string]string{
		"2026-02-13":              "2026-02-13",
		"2026/2/13 9:05":          "2026-02-13 09:05:00",
		"2026.2.13":               "2026-02-13",
		"2026年2月13日":              "2026-02-13",
		"2026年2月13日 10时20分":       "2026-02-13 10:20:00",
		"２０２６－０２－１３":              "2026-02-13",
		"2026-02-13T10:20:30Z":    "2026-02-13 10:20:30",
		"2026-02-13 10:20:30.123": "2026-02-13 10:20:30",
		"20260213":                "2026-02-13",
		"46066":                   "2026-02-13",
		"46066.5":                 "2026-02-13 12:00:00",
		"2026/13/01":              "",
		"2026-02-30":              "",
		"昨天":                      "",
		"3":                       "",
	} {
		got, ok := ParseSubmitted(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseSubmitted(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestArabicNumerals(t *testing.T) {
	for in, want := range map[string]string{
		"二十个工作日": "20个工作日",
		"八十岁以上":  "80岁以上",
		"三年":     "3年",
		"两个":     "2个",
		"二〇二六年":  "2026年",
		"第十五条":   "第15条",
		"一百零五项":  "105项",
		"统一标准":   "统一标准",
		"进一步":    "进一步",
		"一站式":    "一站式",
		"两岸":     "两岸",
		"十分重要":   "十分重要",
	} {
		if got := string(arabicNumerals([]rune(in))); got != want {
			t.Errorf("arabicNumerals(%q) = %q, want %q", in, got, want)
		}
	}
}
