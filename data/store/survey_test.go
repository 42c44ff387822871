package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
)

func TestAnswerBlobRoundTrip(t *testing.T) {
	w := &SurveyWriter{}
	long := strings.Repeat("长", 200)
	slots := []string{"", "满意", long, "满意", "", "A┋B"}
	blob := w.encode(nil, slots)
	got, err := decodeSlots(blob, w.dictVals, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(slots) {
		t.Errorf("decoded %q, want %q", got, slots)
	}
	if len(w.dictVals[2]) != 0 {
		t.Errorf("a %d-byte value went into the dictionary", len(long))
	}
	// Corrupt blobs are errors, never panics.
	for _, bad := range [][]byte{{0x80}, {0x03}, {0x10, 'a'}} {
		if _, err := decodeSlots(bad, [][]string{{}}, nil); err == nil {
			t.Errorf("decodeSlots(%v) accepted", bad)
		}
	}
}

// BenchmarkSurveyWriter stores 100,000 responses of 53 answers (the store's share of an import).
func BenchmarkSurveyWriter(b *testing.B) {
	likert := []string{"非常满意", "满意", "一般", "不满意", "非常不满意"}
	slots := make([]string, 53)
	for i := 0; i < b.N; i++ {
		s, err := Open(filepath.Join(b.TempDir(), "w.gpw"))
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		pid, err := s.AddPolicy(ctx, data.Policy{Title: "t", Dept: "d", Category: "其他"})
		if err != nil {
			b.Fatal(err)
		}
		err = s.Tx(ctx, func(tx *Tx) error {
			r, err := tx.EnsureRound(ctx, pid, "r")
			if err != nil {
				return err
			}
			w, err := tx.NewSurveyWriter(ctx, r.ID, "f", "h", "wjx-text")
			if err != nil {
				return err
			}
			defer w.Close()
			for n := 0; n < 100000; n++ {
				for k := range slots {
					slots[k] = likert[(n+k)%5]
				}
				slots[9] = fmt.Sprintf("意见%d：希望窗口服务更便捷", n)
				m := data.ResponseMeta{Submitted: time.Date(2026, 11, 1, 10, 0, 0, 0, data.Beijing), Duration: 100, IP: "10.0.0.1"}
				if err := w.Add(ctx, n+2, m, slots); err != nil {
					return err
				}
			}
			_, err = w.Finish(ctx, nil, 100000, nil)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
