package cli

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
)

// roundListCmd is listCmd for what belongs to a round (opens round: --round R, the policy's latest by default).
func roundListCmd[T any](list func(*store.Store, context.Context, int64) ([]T, error), text func(io.Writer, data.Round, []T) error) func(*flags) action {
	return func(f *flags) action {
		asJSON := f.jsonFlag()
		return func(e *env) error {
			v, err := list(e.store, e.ctx, e.round.ID)
			if err != nil {
				return err
			}
			if *asJSON {
				if v == nil {
					v = []T{}
				}
				return printJSON(e.stdout, v)
			}
			return text(e.stdout, e.round, v)
		}
	}
}

// printQuestions shows a round's questions (key, type, text, options and answer counts): the keys a
// scheme refers to.
func printQuestions(w io.Writer, r data.Round, fs []data.Frequencies) error {
	tw := newTable(w)
	fmt.Fprintf(tw, "轮次 %s\n题号\t题型\t作答\t题目\t选项\n", r.Name)
	for _, f := range fs {
		q := f.Question
		opts := make([]string, 0, len(f.Options))
		for _, o := range f.Options {
			opts = append(opts, fmt.Sprintf("%s(%d)", o.Option, o.Count))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", q.Key, q.Type, f.Answered, oneLine(q.Text), oneLine(strings.Join(opts, " ")))
	}
	return tw.Flush()
}

// printSurveyImports shows the files imported into a round: the numbers survey delete takes.
func printSurveyImports(w io.Writer, r data.Round, ims []data.SurveyImport) error {
	tw := newTable(w)
	fmt.Fprintf(tw, "轮次 %s\n编号\t文件\t格式\t读取\t导入\t导入时间\n", r.Name)
	for _, im := range ims {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d 行\t%d 份\t%s\n", im.ID, oneLine(im.FileName), im.Format, im.Rows, im.Imported, im.ImportedAt)
		for _, warn := range im.Warnings {
			fmt.Fprintf(tw, "\t  %s\n", oneLine(warn))
		}
	}
	return tw.Flush()
}

// surveyDelete removes one imported file and its responses (the file can then be imported again).
func surveyDelete(f *flags) action {
	imp := f.id("import", "问卷导入的编号（gongping survey imports 列出）")
	f.need("import")
	return func(e *env) error { return e.store.DeleteSurveyImport(e.ctx, e.policy, *imp) }
}

// importSurvey imports one survey export and prints the summary JSON.
func importSurvey(f *flags) action {
	round := f.String("round", "", "导入到哪一轮（不存在时新建；默认：该政策最近的一轮，还没有轮次时为“默认”）")
	formats := []string{"auto（自动识别）"}
	for _, fm := range ingest.Formats {
		formats = append(formats, string(fm)+"（"+ingest.FormatNames[fm]+"）")
	}
	format := f.String("format", "auto", "导出文件的格式："+strings.Join(formats, "、"))
	var typeFlags multi
	qtypes := make([]string, len(data.QuestionTypes))
	for i, t := range data.QuestionTypes {
		qtypes[i] = string(t)
	}
	f.Var(&typeFlags, "type", "指定一道题的题型：题号或题目文字=题型（如 Q5=single；可重复），题型为 "+strings.Join(qtypes, "、"))
	path := f.takeFile("问卷")
	var fm ingest.Format
	var types map[string]data.QuestionType
	f.checkWith(func() error {
		var err error
		if fm, err = ingest.ParseFormat(*format); err != nil {
			return usagef("%v", err)
		}
		types, err = parseTypeFlags(typeFlags)
		return err
	})
	return func(e *env) error {
		// The import is all this process does: collecting garbage at 5× the live heap instead of 2× takes
		// ~7% off a 100,000-row import (0.57 → 0.53 s); the soft limit keeps the peak far below 300 MiB.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(192 << 20))
		sum, err := ingest.Import(e.ctx, e.store, ingest.Options{PolicyID: e.policy, Round: *round, Format: fm, Path: *path, Types: types}, nil)
		if err != nil {
			return err
		}
		return printJSON(e.stdout, sum)
	}
}

// parseTypeFlags reads --type Q5=single (repeatable): the type chosen for a question, by key or header text.
func parseTypeFlags(vs multi) (map[string]data.QuestionType, error) {
	if len(vs) == 0 {
		return nil, nil
	}
	out := map[string]data.QuestionType{}
	for _, v := range vs {
		k, t, ok := strings.Cut(v, "=")
		if k = strings.TrimSpace(k); !ok || k == "" {
			return nil, usagef("--type 应写成 题号=题型（如 --type Q5=single），而不是 %q", v)
		}
		qt, err := data.ParseQuestionType(t)
		if err != nil {
			return nil, usagef("--type %s：%v", v, err)
		}
		out[k] = qt
	}
	return out, nil
}
