package score

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
)

// benchRound is 100,000 respondents × 50 questions: 45 Likert questions (3 dimensions × 5 indicators × 3),
// an overall question, a problems and a directions multi-select, a group question and an open text.
const benchN, benchQ = 100_000, 50

func benchScheme() *Scheme {
	sc := NewScheme()
	q := 1
	for _, k := range DimensionKeys {
		d := sc.Dimensions.Get(k)
		for i := 0; i < 5; i++ {
			d.Indicators = append(d.Indicators, IndicatorSpec{Name: fmt.Sprintf("%s指标%d", k, i+1), Weight: float64(i + 1),
				Questions: []string{fmt.Sprintf("Q%d", q), fmt.Sprintf("Q%d", q+1), fmt.Sprintf("Q%d", q+2)}})
			q += 3
		}
	}
	sc.Overall, sc.Problems, sc.Directions = "Q46", []string{"Q47"}, []string{"Q48"}
	return sc
}

func benchRow(rng *rand.Rand) []string {
	labels := []string{"非常满意", "满意", "一般", "不满意", "非常不满意", "不了解"}
	opts := []string{"排队时间长", "材料繁杂", "政策宣传不到位", "办理时限长", "标准不明确"}
	row := make([]string, benchQ)
	base := rng.Intn(5)
	for i := 0; i < 46; i++ {
		j := base + rng.Intn(3) - 1
		if j < 0 || rng.Intn(30) == 0 {
			j = 5
		}
		row[i] = labels[min(j, 5)]
	}
	for _, i := range []int{46, 47} {
		var ch []string
		for _, o := range opts {
			if rng.Intn(3) == 0 {
				ch = append(ch, o)
			}
		}
		row[i] = strings.Join(ch, data.MultiSep)
	}
	row[48] = []string{"企业", "个体工商户", "群众"}[rng.Intn(3)]
	row[49] = "无"
	return row
}

func benchSurvey() *data.SurveyData {
	rng := rand.New(rand.NewSource(1))
	sd := &data.SurveyData{}
	for i := 1; i <= benchQ; i++ {
		t := data.QSingle
		if i == 47 || i == 48 {
			t = data.QMulti
		}
		sd.Questions = append(sd.Questions, data.Question{Key: fmt.Sprintf("Q%d", i), Num: i, Text: fmt.Sprintf("第%d题", i), Type: t})
	}
	for r := 0; r < benchN; r++ {
		sd.Responses = append(sd.Responses, data.Response{ID: int64(r + 1), Duration: float64(60 + rng.Intn(600)),
			IP: fmt.Sprintf("10.%d.%d.%d", rng.Intn(256), rng.Intn(256), rng.Intn(256)), Answers: benchRow(rng)})
	}
	return sd
}

// BenchmarkCompute is the in-memory engine on 100,000 × 50.
func BenchmarkCompute(b *testing.B) {
	in := Input{Scheme: benchScheme(), Survey: benchSurvey(), By: "Q49"}
	b.ResetTimer()
	start := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for i := 0; i < b.N; i++ {
		res, err := Compute(context.Background(), in)
		if err != nil {
			b.Fatal(err)
		}
		if res.Respondents.Valid < benchN/2 {
			b.Fatalf("valid = %d", res.Respondents.Valid)
		}
	}
}

// BenchmarkScoreWorkspace is Score end to end: SurveyData load from SQLite + the engine, on a workspace
// filled through the real survey importer with 100,000 × 50.
func BenchmarkScoreWorkspace(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("序号,所用时间,来自IP")
	for i := 1; i <= benchQ; i++ {
		fmt.Fprintf(w, ",%d、第%d题", i, i)
	}
	w.WriteString("\n")
	rng := rand.New(rand.NewSource(1))
	for r := 1; r <= benchN; r++ {
		fmt.Fprintf(w, "%d,%d秒,10.%d.%d.%d,%s\n", r, 60+rng.Intn(600), rng.Intn(256), rng.Intn(256), rng.Intn(256), strings.Join(benchRow(rng), ","))
	}
	w.Flush()
	f.Close()
	s, err := store.Open(filepath.Join(dir, "w.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, _ := s.AddPolicy(ctx, data.Policy{Title: "基准", Dept: "部门", Category: "营商环境"})
	if _, err := ingest.Import(ctx, s, ingest.Options{PolicyID: id, Path: path, Format: "wjx-text"}, nil); err != nil {
		b.Fatal(err)
	}
	if err := SetScheme(ctx, s, id, benchScheme()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for i := 0; i < b.N; i++ {
		res, err := Score(ctx, s, id, "")
		if err != nil {
			b.Fatal(err)
		}
		if res.Respondents.Imported != benchN {
			b.Fatalf("imported = %d", res.Respondents.Imported)
		}
	}
}
