package sheet

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFastMatchesExcelizeVariants builds hand-written sheets from random combinations of what real
// writers emit (and some they should not: odd types, values, spacing, quotes, prefixes, missing
// references) and checks the fast path against excelize on each.
func TestFastMatchesExcelizeVariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	types := []string{"", "", "s", "s", "n", "str", "b", "e", "inlineStr", "d", "x"}
	values := []string{"1", "0", " 1 ", "1.5E3", "abc", "-2", "45000.5", "", "2", "1e400", "NaN", "0x10", "&lt;&amp;", "&#49;", "a\r\nb", "007", "3", "9999999999"}
	dir := t.TempDir()
	fellBack := 0
	for n := 0; n < 600; n++ {
		var rows strings.Builder
		row := 0
		for r := 0; r < 1+rng.IntN(5); r++ {
			row += 1 + rng.IntN(2)
			rowTag := "row"
			if rng.IntN(8) == 0 {
				rowTag = "x:row"
			}
			if rng.IntN(6) == 0 {
				fmt.Fprintf(&rows, "<%s>", rowTag)
			} else {
				fmt.Fprintf(&rows, `<%s r="%d" spans="1:9">`, rowTag, row)
			}
			col := 0
			for c := 0; c < rng.IntN(6); c++ {
				col += 1 + rng.IntN(2)
				attrs := ""
				if rng.IntN(5) != 0 {
					attrs += fmt.Sprintf(` r="%s%d"`, colName(col), row)
				}
				switch rng.IntN(6) {
				case 0, 1, 2:
					attrs += fmt.Sprintf(` s="%d"`, rng.IntN(4))
				case 3:
					attrs += ` s="01"`
				}
				if typ := types[rng.IntN(len(types))]; typ != "" {
					attrs += ` t="` + typ + `"`
				}
				if rng.IntN(6) == 0 {
					attrs = strings.ReplaceAll(attrs, `"`, `'`)
				}
				if rng.IntN(6) == 0 {
					attrs += "  "
				}
				v := values[rng.IntN(len(values))]
				switch rng.IntN(7) {
				case 0:
					fmt.Fprintf(&rows, "<c%s/>", attrs)
				case 1:
					fmt.Fprintf(&rows, "<c%s><f>A1</f><v>%s</v></c>", attrs, v)
				case 2:
					fmt.Fprintf(&rows, "<c%s><is><t>%s</t></is></c>", attrs, v)
				case 3:
					fmt.Fprintf(&rows, "<c%s><is><r><t>%s</t></r><rPh><t>p</t></rPh><r><rPr><b/></rPr><t xml:space=\"preserve\"> %s</t></r></is></c>", attrs, v, v)
				case 4:
					fmt.Fprintf(&rows, "<c%s>\n  <v>%s</v>\n</c>", attrs, v)
				default:
					fmt.Fprintf(&rows, "<c%s><v>%s</v></c>", attrs, v)
				}
			}
			fmt.Fprintf(&rows, "</%s>", rowTag)
		}
		path := filepath.Join(dir, fmt.Sprintf("v%d.xlsx", n))
		pkg := rawXLSX(map[string]string{
			"xl/worksheets/sheet1.xml": strings.Replace(sheetXML(rows.String()), "<worksheet ", `<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `, 1),
			"xl/sharedStrings.xml":     sstXML(`<si><t>零</t></si><si><r><t>一</t></r><r><t>_x0031_</t></r></si><si><t/></si>`),
			"xl/styles.xml":            stylesXML(`<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d\ h:mm:ss"/></numFmts>`, `<xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="21"/><xf numFmtId="2"/>`),
		})
		if err := os.WriteFile(path, pkg, 0o644); err != nil {
			t.Fatal(err)
		}
		want, got := readExcelize(path, Limits{}), readFast(path, Limits{})
		if got.FellBack {
			fellBack++
		}
		if got.Err != "" && strings.Contains(got.Err, "共享文本") { // the one deliberate difference
			continue
		}
		got.FellBack = false
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("variant %d differs\nsheet: %s\n got: %s\nwant: %s", n, rows.String(), dump(got), dump(want))
		}
	}
	t.Logf("%d of 600 variants fell back to excelize", fellBack)
}
