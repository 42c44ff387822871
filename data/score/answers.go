package score

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/gongping/gongping/data"
)

// The method's first step, "Answer value": each answer of a scored question becomes a value 0–100 (NaN =
// missing) by its question's valuer (values.go); what could not be read is said in the warnings.

// valuerOf is question q's valuer, made on first use: with the scale the scheme declares for it, and
// settled on the question's option set (every answer is looked up once first).
func (r *run) valuerOf(q int) *valuer {
	if v, ok := r.valuers[q]; ok {
		return v
	}
	var scale *Scale
	for _, ref := range sortedKeys(r.sc.Questions) { // sorted: the same scale whichever way it is named
		if i, ok := r.ix.find(ref); ok && i == q {
			s := r.sc.Questions[ref]
			scale = &s
		}
	}
	v := newValuer(r.sc, scale, r.qs[q])
	for i := range r.resp {
		if q < len(r.resp[i].Answers) {
			v.lookup(r.resp[i].Answers[q])
		}
	}
	v.settle()
	r.valuers[q] = v
	return v
}

// answerValues fills r.vals: the value of every response's answer to each scored question. A numeric
// answer to a question without a declared scale is an InputError that names the question.
func (r *run) answerValues(ctx context.Context, scored []int) error {
	r.vals = make(map[int][]float64, len(scored))
	for n, q := range scored {
		if n%8 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		v := r.valuerOf(q)
		col := make([]float64, len(r.resp))
		for i := range r.resp {
			col[i] = v.value(r.resp[i].Answers[q])
		}
		if v.numeric > 0 {
			qs := r.qs
			return data.InputErrorf("题目 %s（%s）有 %d 个数字答案，但评价方案没有声明它的量表：请在方案的 questions 中为 %s 填写 points（点数）和 best（最佳值 1 或点数）",
				qs[q].Key, shorten(qs[q].Text, 30), v.numeric, qs[q].Key)
		}
		r.vals[q] = col
	}
	return nil
}

// answerWarnings say, per scored question, what its valuer inferred and which answers it could not read.
func (r *run) answerWarnings(scored []int) []string {
	var out []string
	for _, q := range scored {
		v := r.valuers[q]
		name := questionName(r.qs[q])
		for _, n := range v.notes {
			out = append(out, name+"："+n)
		}
		if len(v.unknown) > 0 {
			out = append(out, fmt.Sprintf("%s有无法识别的答案（按缺失处理）：%s，可在评价方案的量表中补充",
				name, strings.Join(sortedKeys(v.unknown), "、")))
		}
		if v.badNum > 0 {
			s := v.scale
			if s == nil {
				s = v.points
			}
			out = append(out, fmt.Sprintf("%s有 %d 种超出 1–%d 分的数字答案（按缺失处理）", name, v.badNum, s.Points))
		}
	}
	return out
}

// questionName names a question for a user without its key: 第3题“办理便捷程度”.
func questionName(q data.Question) string {
	t := strings.TrimSpace(q.Text)
	if q.Num > 0 {
		// The header's own number ("3、", "3.", "Q3.") is said once, as 第3题.
		for _, p := range []string{strconv.Itoa(q.Num), "Q" + strconv.Itoa(q.Num)} {
			if rest, ok := strings.CutPrefix(t, p); ok && rest != "" {
				if r := strings.TrimLeft(rest, "、.．:：) "); r != rest && r != "" {
					t = r
				}
				break
			}
		}
		return fmt.Sprintf("第%d题“%s”", q.Num, shorten(t, 24))
	}
	return "“" + shorten(t, 24) + "”"
}

func shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
