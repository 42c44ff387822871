package loop

import (
	"strings"
	"unicode"
)

// maxDiffCells bounds the LCS table (units of before × units of after, after the common prefix and
// suffix are trimmed); beyond it the changed middle is shown as one deletion and one insertion.
const maxDiffCells = 16 << 20

// Diff is the character-level diff of two texts: a longest common subsequence over characters, shown as
// runs of kept ("="), deleted ("-") and inserted ("+") text. A number (or Latin word) counts as one unit, so
// "20个工作日" → "12个工作日" reads as 20 replaced by 12, not as a kept "2". Tiny islands of kept text
// between changes (a lone "的" that happens to match) are folded into the change, as a person would mark it.
func Diff(before, after string) []DiffOp {
	a, b := units(before), units(after)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var ops []DiffOp
	add := func(op string, us []string) {
		if len(us) == 0 {
			return
		}
		text := strings.Join(us, "")
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Text += text
			return
		}
		ops = append(ops, DiffOp{Op: op, Text: text})
	}
	add("=", a[:p])
	for _, op := range lcsOps(a[p:len(a)-s], b[p:len(b)-s]) {
		add(op.op, op.units)
	}
	add("=", a[len(a)-s:])
	if ops == nil {
		return []DiffOp{}
	}
	return cleanup(ops)
}

// units splits a text into diff units: a run of ASCII letters and digits (with . and %) is one unit,
// any other character is its own.
func units(s string) []string {
	var out []string
	rs := []rune(s)
	word := func(r rune) bool {
		return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%')
	}
	for i := 0; i < len(rs); {
		j := i + 1
		if word(rs[i]) {
			for j < len(rs) && word(rs[j]) {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

type unitOp struct {
	op    string
	units []string
}

// lcsOps diffs two unit slices with the classic LCS table.
func lcsOps(a, b []string) []unitOp {
	if len(a) == 0 || len(b) == 0 || len(a)*len(b) > maxDiffCells {
		return []unitOp{{"-", a}, {"+", b}}
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
	var ops []unitOp
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			ops = append(ops, unitOp{"=", a[i : i+1]})
			i++
			j++
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			ops = append(ops, unitOp{"-", a[i : i+1]})
			i++
		default:
			ops = append(ops, unitOp{"+", b[j : j+1]})
			j++
		}
	}
	ops = append(ops, unitOp{"-", a[i:]}, unitOp{"+", b[j:]})
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
			out = append(out, DiffOp{Op: "-", Text: del})
		}
		if ins != "" {
			out = append(out, DiffOp{Op: "+", Text: ins})
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
