package score_test

import (
	"context"
	"testing"

	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store/storetest"
)

// The demo publishes its evaluation: its scheme is known to have scored that publication, replacing it
// says so, and the history marks the version that did.
func TestSchemeThatScoredAPublication(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpen(t)
	ids, err := demo.Run(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	id := ids[0]
	uses, err := score.SchemePublished(ctx, s, id)
	if err != nil || len(uses) != 1 || uses[0].Version != 1 || uses[0].Date == "" {
		t.Fatalf("SchemePublished = %+v %v, want the demo's evaluation publication", uses, err)
	}
	sc, _, err := score.SchemeOf(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	sc.Name += "（修订）"
	ch, err := score.SaveScheme(ctx, s, id, sc, "test")
	if err != nil || len(ch.Published) != 1 || ch.Backup == "" {
		t.Fatalf("SaveScheme = %+v %v, want the publication the replaced scheme scored", ch, err)
	}
	if uses, _ := score.SchemePublished(ctx, s, id); len(uses) != 0 {
		t.Errorf("the new scheme scored no publication, got %+v", uses)
	}
	h, err := score.SchemeHistory(ctx, s, id)
	if err != nil || len(h) < 2 || len(h[len(h)-2].Published) != 1 || len(h[len(h)-1].Published) != 0 {
		t.Errorf("history = %+v %v", h, err)
	}
}
