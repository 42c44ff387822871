package reports

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
)

// bigInput is a 100,000-respondent round (59 columns: 5 meta-like personal columns, 48 Likert questions,
// 2 multi-selects, an overall question, 3 open-text questions) scored by the real engine.
func bigInput(b testing.TB, n int) Input {
	rng := rand.New(rand.NewSource(1))
	likert := []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	var qs []data.Question
	add := func(text string, typ data.QuestionType) {
		qs = append(qs, data.Question{Key: fmt.Sprintf("Q%d", len(qs)+1), Num: len(qs) + 1, Text: text, Type: typ})
	}
	add("您的姓名", data.QFill)
	add("您的手机号码", data.QFill)
	for i := 0; i < 48; i++ {
		add(fmt.Sprintf("您对第%d项服务是否满意", i+1), data.QSingle)
	}
	add("您认为存在哪些问题", data.QMulti)
	add("您希望在哪些方面改进", data.QMulti)
	add("总体而言您是否满意", data.QSingle)
	for i := 0; i < 3; i++ {
		add(fmt.Sprintf("您还有什么意见建议（%d）", i+1), data.QOpenText)
	}
	comments := []string{"建议进一步压缩审批时限", "线上办理经常卡顿，希望优化系统", "无", "窗口人员态度很好",
		"希望加强政策宣传，联系电话13812345678", "材料要求不一致，跑了好几趟", ""}
	sd := &data.SurveyData{Questions: qs}
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		r := data.Response{ID: int64(i + 1), Submitted: start.Add(time.Duration(i) * time.Second), Duration: float64(120 + rng.Intn(400)),
			IP: fmt.Sprintf("10.0.%d.%d", i/250%250, i%250), Respondent: "张伟", Answers: make([]string, len(qs))}
		r.Answers[0], r.Answers[1] = "张伟", "13912345678"
		base := rng.Intn(3)
		for q := 2; q < 50; q++ {
			r.Answers[q] = likert[base+rng.Intn(3)]
		}
		r.Answers[50] = []string{"材料多", "时间长", "系统卡"}[rng.Intn(3)] + data.MultiSep + "排队久"
		r.Answers[51] = []string{"一网通办", "精简材料", "延长时间"}[rng.Intn(3)]
		r.Answers[52] = likert[base+rng.Intn(3)]
		for q := 53; q < 56; q++ {
			r.Answers[q] = comments[rng.Intn(len(comments))] + strings.Repeat("。", rng.Intn(3)) + fmt.Sprint(rng.Intn(50))
		}
		sd.Responses = append(sd.Responses, r)
	}
	sc := score.NewScheme()
	for di, k := range score.DimensionKeys {
		d := sc.Dimensions.Get(k)
		for j := 0; j < 4; j++ {
			var qk []string
			for q := 0; q < 4; q++ {
				qk = append(qk, fmt.Sprintf("Q%d", 3+di*16+j*4+q))
			}
			d.Indicators = append(d.Indicators, score.IndicatorSpec{Name: fmt.Sprintf("%s指标%d", k, j+1), Weight: 1, Questions: qk})
		}
	}
	sc.Problems, sc.Directions, sc.Overall = []string{"Q51"}, []string{"Q52"}, "Q53"
	res, err := score.Compute(context.Background(), score.Input{Policy: 1, Round: "2026年度", Scheme: sc, Survey: sd})
	if err != nil {
		b.Fatal(err)
	}
	return Input{Policy: data.Policy{ID: 1, Title: "基准测试政策", Dept: "市发展改革委", Category: "营商环境"}, Round: "2026年度",
		Result: res, Survey: sd, Generated: start}
}

func benchWrite(b *testing.B, raw, distinct bool) {
	in := bigInput(b, 100_000)
	in.RawData = raw
	if distinct { // worst case: every respondent writes three comments of their own
		for i := range in.Survey.Responses {
			for q := 53; q < 56; q++ {
				in.Survey.Responses[i].Answers[q] = fmt.Sprintf("意见%d：希望进一步优化办事流程，减少申报材料", i*3+q)
			}
		}
	}
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := Assemble(in)
		if err := writeFile(filepath.Join(dir, HTMLName), func(w io.Writer) error { return WriteHTML(w, r) }); err != nil {
			b.Fatal(err)
		}
		if err := writeFile(filepath.Join(dir, XLSXName), func(w io.Writer) error { return WriteXLSX(w, r) }); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	for _, n := range []string{HTMLName, XLSXName} {
		if fi, err := os.Stat(filepath.Join(dir, n)); err == nil {
			b.ReportMetric(float64(fi.Size())/1e6, n+"_MB")
		}
	}
}

// BenchmarkWrite100k: both files for a 100,000-respondent round (DESIGN.md target ≤ 2 s).
func BenchmarkWrite100k(b *testing.B) { benchWrite(b, false, false) }

// BenchmarkWrite100kDistinctComments: 300,000 different open-text answers, all listed in the workbook.
func BenchmarkWrite100kDistinctComments(b *testing.B) { benchWrite(b, false, true) }

// BenchmarkWrite100kRaw adds the optional 原始数据 sheet (100,000 rows streamed).
func BenchmarkWrite100kRaw(b *testing.B) { benchWrite(b, true, false) }

// BenchmarkWriteFromStore100k is the whole `gongping report` on a 100,000-respondent workspace: load the
// round, score it, check, assemble, write both files (the import itself is not timed).
func BenchmarkWriteFromStore100k(b *testing.B) {
	in := bigInput(b, 100_000)
	dir := b.TempDir()
	csvPath := filepath.Join(dir, "big.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		b.Fatal(err)
	}
	head := []string{"序号", "提交答卷时间", "所用时间", "来自IP"}
	for _, q := range in.Survey.Questions {
		head = append(head, fmt.Sprintf("%d、%s", q.Num, q.Text))
	}
	fmt.Fprintln(f, strings.Join(head, ","))
	for _, r := range in.Survey.Responses {
		row := []string{fmt.Sprint(r.ID), r.Submitted.Format("2006/1/2 15:04:05"), fmt.Sprintf("%.0f秒", r.Duration), r.IP}
		for _, a := range r.Answers {
			row = append(row, strings.ReplaceAll(a, ",", "，"))
		}
		fmt.Fprintln(f, strings.Join(row, ","))
	}
	f.Close()
	s, err := store.Open(filepath.Join(dir, "ws.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	id, err := s.AddPolicy(ctx, in.Policy)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: id, Round: "2026年度", Path: csvPath}, nil); err != nil {
		b.Fatal(err)
	}
	if err := score.SetScheme(ctx, s, id, in.Result.Method.Scheme); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Write(ctx, s, id, "", filepath.Join(dir, "out"), nil); err != nil {
			b.Fatal(err)
		}
	}
}
