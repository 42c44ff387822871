package sheet

import (
	"path/filepath"
	"strings"
	"testing"
)

// Files from a black-box tester (testdata/bug*): broken files that were read in part, or wrongly, without
// an error. Both xlsx paths must refuse them with an error that says what is wrong.
func TestHoldoutBrokenXLSX(t *testing.T) {
	cases := []struct{ file, want string }{
		{"broken_bug6_truncated_mid_row.xlsx", "工作表内容不完整"},
		{"broken_bug6b_truncated_at_row.xlsx", "工作表内容不完整"},
		{"broken_bug6c_mismatched_tags.xlsx", "工作表内容不完整"},
	}
	for _, c := range cases {
		path := filepath.Join("testdata", c.file)
		for name, read := range map[string]func(string, Limits) result{"fast": readFast, "excelize": readExcelize} {
			res := read(path, Limits{})
			if !strings.Contains(res.Err, c.want) {
				t.Errorf("%s (%s): err %q, want it to contain %q (rows %v)", c.file, name, res.Err, c.want, res.Nums)
			}
		}
		res := collect(Open(path, Limits{}))
		if !strings.Contains(res.Err, c.want) {
			t.Errorf("%s (Open): err %q, want %q", c.file, res.Err, c.want)
		}
	}
}

// bug7: <c t="s"><v>abc</v></c> read as shared string 0 (the header) without a word. The fast path names
// the cell; excelize alone still reads string 0 (documented in the package comment).
func TestHoldoutSharedIndexNotNumber(t *testing.T) {
	res := collect(Open(filepath.Join("testdata", "broken_bug7_sst_index_not_a_number.xlsx"), Limits{}))
	if !strings.Contains(res.Err, "共享文本编号") || !strings.Contains(res.Err, "列") {
		t.Fatalf("err %q, want the cell named and the index refused (rows %v)", res.Err, res.Rows)
	}
	t.Log(res.Err)
}
