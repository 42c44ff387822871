package doc

import "strconv"

// Labels gives the 表N / 图N label of each block, as every writer numbers them: tables and figures
// are counted apart, in reading order (values and pointers alike); each table or figure takes the
// next number, and the label is shown only when it has a caption (Caption not blank). Other blocks,
// and uncaptioned tables and figures, get "". The result has one entry per block.
func Labels(blocks []Block) []string {
	out := make([]string, len(blocks))
	tables, figures := 0, 0
	for i, b := range blocks {
		switch v := b.(type) {
		case Table:
			tables++
			out[i] = label("表", tables, v.Caption)
		case *Table:
			tables++
			out[i] = label("表", tables, v.Caption)
		case Figure:
			figures++
			out[i] = label("图", figures, v.Caption)
		case *Figure:
			figures++
			out[i] = label("图", figures, v.Caption)
		}
	}
	return out
}

func label(kind string, n int, caption string) string {
	if OneLine(caption) == "" {
		return ""
	}
	return kind + strconv.Itoa(n)
}
