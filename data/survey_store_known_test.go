package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
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
