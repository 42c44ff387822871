package loop

// maxDiffCells bounds the LCS table (runes of before × runes of after, after the common prefix and
// suffix are trimmed); beyond it the changed middle is shown as one deletion and one insertion.
const maxDiffCells = 16 << 20

// Diff is the character-level diff of two texts: a longest common subsequence over runes, shown as runs
// of kept ("="), deleted ("-") and inserted ("+") text. Tiny islands of kept text between changes (a lone
// "的" that happens to match) are folded into the change, so the result reads as a person would mark it.
func Diff(before, after string) []DiffOp {
	a, b := []rune(before), []rune(after)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var ops []DiffOp
	add := func(op string, r []rune) {
		if len(r) == 0 {
			return
		}
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Text += string(r)
			return
		}
		ops = append(ops, DiffOp{Op: op, Text: string(r)})
	}
	add("=", a[:p])
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	for _, op := range lcsOps(ma, mb) {
		add(op.Op, []rune(op.Text))
	}
	add("=", a[len(a)-s:])
	if ops == nil {
		return []DiffOp{}
	}
	return cleanup(ops)
}

// lcsOps diffs two rune slices with the classic LCS table (rune by rune ops, merged by the caller).
func lcsOps(a, b []rune) []DiffOp {
	if len(a) == 0 || len(b) == 0 || len(a)*len(b) > maxDiffCells {
		return []DiffOp{{"-", string(a)}, {"+", string(b)}}
	}
	n, m := len(a), len(b)
	// t[i][j] = LCS length of a[i:] and b[j:], stored flat.
	t := make([]int32, (n+1)*(m+1))
	w := m + 1
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			} else if t[(i+1)*w+j] >= t[i*w+j+1] {
				t[i*w+j] = t[(i+1)*w+j]
			} else {
				t[i*w+j] = t[i*w+j+1]
			}
		}
	}
	var ops []DiffOp
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			ops = append(ops, DiffOp{"=", string(a[i])})
			i++
			j++
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			ops = append(ops, DiffOp{"-", string(a[i])})
			i++
		default:
			ops = append(ops, DiffOp{"+", string(b[j])})
			j++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, DiffOp{"-", string(a[i])})
	}
	for ; j < m; j++ {
		ops = append(ops, DiffOp{"+", string(b[j])})
	}
	return ops
}

// cleanup folds kept runs of at most 2 runes that sit between changes (and are shorter than the change
// on either side) into the change, then writes each change as its deletion followed by its insertion.
func cleanup(ops []DiffOp) []DiffOp {
	changed := func(o DiffOp) bool { return o.Op != "=" }
	size := func(i, step int) int { // runes changed next to ops[i] in direction step
		n := 0
		for k := i + step; k >= 0 && k < len(ops) && changed(ops[k]); k += step {
			n += len([]rune(ops[k].Text))
		}
		return n
	}
	for i := 1; i+1 < len(ops); i++ {
		o := ops[i]
		l := len([]rune(o.Text))
		if o.Op == "=" && changed(ops[i-1]) && changed(ops[i+1]) && l <= 2 && l < size(i, -1) && l < size(i, 1) {
			ops[i].Op = "~" // both deleted and inserted
		}
	}
	var out []DiffOp
	var del, ins string
	flush := func() {
		if del != "" {
			out = append(out, DiffOp{"-", del})
		}
		if ins != "" {
			out = append(out, DiffOp{"+", ins})
		}
		del, ins = "", ""
	}
	for _, o := range ops {
		switch o.Op {
		case "-":
			del += o.Text
		case "+":
			ins += o.Text
		case "~":
			del += o.Text
			ins += o.Text
		default:
			flush()
			if n := len(out); n > 0 && out[n-1].Op == "=" {
				out[n-1].Text += o.Text
			} else {
				out = append(out, o)
			}
		}
	}
	flush()
	return out
}
