package loop

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// syntheticOpinions builds n opinions: 40 mass comments copied with small edits (60%) and distinct points
// (40%), each a sentence of 12 random words from a 3,000-word vocabulary with common words mixed in.
func syntheticOpinions(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = string([]rune{rune(0x4E00 + r.IntN(6000)), rune(0x4E00 + r.IntN(6000))})
	}
	common := []string{"建议", "企业", "政策", "办理", "部门", "服务", "进一步", "加强"}
	sentence := func() string {
		var b []rune
		for i := 0; i < 12; i++ {
			w := vocab[r.IntN(len(vocab))]
			if r.IntN(4) == 0 {
				w = common[r.IntN(len(common))]
			}
			b = append(b, []rune(w)...)
			if i%4 == 3 {
				b = append(b, '，')
			}
		}
		return string(b) + "。"
	}
	var mass []string
	for i := 0; i < 40; i++ {
		mass = append(mass, sentence())
	}
	out := make([]string, n)
	for i := range out {
		if r.IntN(10) < 6 {
			out[i] = smallEditTest(r, mass[r.IntN(len(mass))])
		} else {
			out[i] = sentence()
		}
	}
	return out
}

func smallEditTest(r *rand.Rand, s string) string {
	switch r.IntN(4) {
	case 0:
		return "我们认为，" + s
	case 1:
		return s + "谢谢！"
	case 2:
		return s + "联系电话1391234" + fmt.Sprint(1000+r.IntN(9000))
	}
	return s
}

func BenchmarkCluster10k(b *testing.B) {
	texts := syntheticOpinions(10000)
	for b.Loop() {
		vs := textVectors(texts, nil) // as the workspace builds them: stance and directions included
		free := make([]int, len(texts))
		for i := range free {
			free[i] = i
		}
		assign := clusterVectors(vs, nil, free, DefaultSimilarity)
		groups := map[int]int{}
		for _, g := range assign {
			groups[g]++
		}
		b.ReportMetric(float64(len(groups)), "clusters")
	}
}

// BenchmarkImportAndCluster10k measures adding 10,000 opinions to a workspace and clustering them.
func BenchmarkImportAndCluster10k(b *testing.B) {
	texts := syntheticOpinions(10000)
	ops := make([]Opinion, len(texts))
	for i, t := range texts {
		ops[i] = Opinion{Source: SourceConsultation, Content: t}
	}
	for b.Loop() {
		s, pid := newPolicy(b, "")
		if _, err := storeOpinions(context.Background(), s, pid, SourceConsultation, "bench", "x", len(ops), ops); err != nil {
			b.Fatal(err)
		}
		cs, err := Clusters(context.Background(), s, pid)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(cs)), "clusters")
	}
}
