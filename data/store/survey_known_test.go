package store

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
)

// TestEncodeKnownSameAsEncode: blobs packed with the caller's value ids equal blobs packed by text, and
// decode to the slots, including values too long for the dictionary, ids past the remembered range and
// rows wider than ids.
func TestEncodeKnownSameAsEncode(t *testing.T) {
	values := []string{"", "满意", "一般", "A┋B", strings.Repeat("长", 40), "1", "0"}
	rng := rand.New(rand.NewPCG(1, 2))
	byText, byID := &SurveyWriter{}, &SurveyWriter{}
	for row := 0; row < 2000; row++ {
		slots := make([]string, 6)
		ids := make([]int32, 5) // the sixth slot has no id, like an importer's other-text slot
		for k := range slots {
			i := rng.IntN(len(values))
			slots[k] = values[i]
			if k < len(ids) {
				ids[k] = int32(i)
			}
		}
		if row%7 == 0 {
			ids[0] = -1
		}
		if row%11 == 0 {
			ids[1] = maxKnownID + int32(rng.IntN(3)) // not remembered, still correct
		}
		slots[4] = fmt.Sprintf("意见%d", row%300) // ids that each stand for one value
		ids[4] = int32(row % 300)
		a, b := byText.encode(nil, slots), byID.encodeKnown(nil, slots, ids)
		if !bytes.Equal(a, b) {
			t.Fatalf("row %d: encodeKnown %x, encode %x", row, b, a)
		}
		got, err := decodeSlots(b, byID.dictVals, nil)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(slots) {
			t.Fatalf("row %d: decoded %q (%v), want %q", row, got, err, slots)
		}
	}
	if n := len(byID.known[4]); n != 300 {
		t.Errorf("slot 4 remembers %d ids, want 300", n)
	}
}

// TestEncodeKnownFullDictionary: once a slot's dictionary is full, values the caller has no id for are
// stored as literals and still decode to themselves.
func TestEncodeKnownFullDictionary(t *testing.T) {
	w := &SurveyWriter{}
	var blobs [][]byte
	var want []string
	for i := 0; i < dictMaxEntries+500; i++ {
		v := fmt.Sprintf("意见%d", i%(dictMaxEntries+100))
		blobs = append(blobs, w.encodeKnown(nil, []string{v}, []int32{-1}))
		want = append(want, v)
	}
	if n := len(w.dictVals[0]); n != dictMaxEntries {
		t.Fatalf("dictionary holds %d values, want %d", n, dictMaxEntries)
	}
	for i, b := range blobs {
		got, err := decodeSlots(b, w.dictVals, nil)
		if err != nil || len(got) != 1 || got[0] != want[i] {
			t.Fatalf("value %d: decoded %q (%v), want %q", i, got, err, want[i])
		}
	}
}

// TestWriterRoundTrip stores responses of varied widths over many batches (a row left over at the end)
// through a real workspace and reads every answer back.
func TestWriterRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "w.gpw"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pid, err := s.AddPolicy(ctx, data.Policy{Title: "t", Dept: "d", Category: "其他"})
	if err != nil {
		t.Fatal(err)
	}
	const rows, width = 3*insertBatch + 5, 6
	want := make([][]string, rows)
	var roundID int64
	err = s.Tx(ctx, func(tx *Tx) error {
		r, err := tx.EnsureRound(ctx, pid, "r")
		if err != nil {
			return err
		}
		roundID = r.ID
		w, err := tx.NewSurveyWriter(ctx, r.ID, "f", "h", "generic")
		if err != nil {
			return err
		}
		defer w.Close()
		for n := range want {
			slots := make([]string, width)
			ids := make([]int32, width)
			for k := range slots {
				ids[k] = -1
				switch (n + k) % 4 {
				case 0:
					slots[k], ids[k] = "满意", 0
				case 1:
					slots[k] = strings.Repeat("长", n%200) // from empty to past the dictionary's value length
				case 2:
					slots[k] = fmt.Sprintf("意见%d", n)
				}
			}
			want[n] = slots
			if err := w.AddKnown(ctx, n+2, data.ResponseMeta{Duration: -1}, slots, ids); err != nil {
				return err
			}
		}
		var layout []data.QuestionLayout
		for k := 0; k < width; k++ {
			layout = append(layout, data.QuestionLayout{Question: data.Question{Key: fmt.Sprintf("Q%d", k+1), Num: k + 1, Text: fmt.Sprint(k), Type: data.QOpenText},
				Kind: data.AssembleValue, Slots: []int{k}})
		}
		_, err = w.Finish(ctx, layout, rows, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.SurveyData(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Responses) != rows {
		t.Fatalf("%d responses, want %d", len(d.Responses), rows)
	}
	for n, r := range d.Responses {
		if fmt.Sprint(r.Answers) != fmt.Sprint(want[n]) {
			t.Fatalf("response %d: %q, want %q", n, r.Answers, want[n])
		}
	}
}

// TestFormatSurveyTime: the hand-written format is time.Format's, in data.Beijing time.
func TestFormatSurveyTime(t *testing.T) {
	for _, tm := range []time.Time{time.Date(2026, 11, 1, 9, 5, 7, 0, data.Beijing), time.Date(2026, 12, 31, 23, 59, 59, 999, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 15, 59, 59, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, data.Beijing),
		time.Date(-5, 3, 1, 0, 0, 0, 0, data.Beijing), time.Unix(0, 0), time.Date(2024, 2, 29, 16, 0, 0, 0, time.UTC)} {
		if got, want := formatSurveyTime(tm), tm.In(data.Beijing).Format(data.SurveyTimeLayout); got != want {
			t.Errorf("formatSurveyTime(%v) = %q, want %q", tm, got, want)
		}
	}
}
