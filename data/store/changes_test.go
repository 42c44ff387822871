package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
)

// changeLog records the Changes a subscriber hears of.
type changeLog struct {
	mu    sync.Mutex
	got   []Change
	when  []time.Time
	calls chan struct{}
}

func subscribe(t *testing.T, s *Store) *changeLog {
	t.Helper()
	l := &changeLog{calls: make(chan struct{}, 1000)}
	cancel := s.Subscribe(func(c Change) {
		l.mu.Lock()
		l.got = append(l.got, c)
		l.when = append(l.when, time.Now())
		l.mu.Unlock()
		l.calls <- struct{}{}
	})
	t.Cleanup(cancel)
	return l
}

func (l *changeLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.got)
}

// wait waits up to d for the next Change and reports when it came (false when none did).
func (l *changeLog) wait(d time.Duration) (time.Time, bool) {
	select {
	case <-l.calls:
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.when[len(l.when)-1], true
	case <-time.After(d):
		return time.Time{}, false
	}
}

// quiet says whether no Change comes for d.
func (l *changeLog) quiet(d time.Duration) bool {
	_, got := l.wait(d)
	return !got
}

func addTestPolicy(t testing.TB, s *Store, title string) int64 {
	t.Helper()
	id, err := s.AddPolicy(context.Background(), data.Policy{Title: title, Dept: "市发展改革委", Category: "营商环境"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A write of this Store is one Change, soon (the commit pokes the watcher; no wait for the poll).
func TestChangeAfterOwnWrite(t *testing.T) {
	s := mustOpen(t)
	l := subscribe(t, s)
	start := time.Now()
	addTestPolicy(t, s, "政策一")
	when, ok := l.wait(2 * time.Second)
	if !ok {
		t.Fatal("no Change after AddPolicy")
	}
	if d := when.Sub(start); d > pollEvery/2 {
		t.Errorf("Change came %v after the write; a commit should poke the watcher (poll every %v)", d, pollEvery)
	}
	if !l.quiet(pollEvery + 300*time.Millisecond) {
		t.Errorf("a second Change for one write (%d in all)", l.count())
	}
	if got := l.got[0]; got.Seq != 1 || !got.Here {
		t.Errorf("first Change %+v, want Seq 1, Here", got)
	}
}

// Reading, and a transaction that writes nothing, change nothing.
func TestNoChangeForReads(t *testing.T) {
	s := mustOpen(t)
	id := addTestPolicy(t, s, "政策一")
	l := subscribe(t, s)
	ctx := context.Background()
	for i := 0; i < 20; i++ {
		if _, err := s.Policy(ctx, id); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ListPolicies(ctx, data.PolicyFilter{}); err != nil {
			t.Fatal(err)
		}
		if err := s.Tx(ctx, func(tx *Tx) error { return nil }); err != nil { // BEGIN IMMEDIATE … COMMIT
			t.Fatal(err)
		}
	}
	if !l.quiet(pollEvery + 300*time.Millisecond) {
		t.Errorf("%d Changes for reads and empty transactions, want none", l.count())
	}
}

// A failed write (rolled back) changes nothing either.
func TestNoChangeForRollback(t *testing.T) {
	s := mustOpen(t)
	l := subscribe(t, s)
	ctx := context.Background()
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO policies (title, dept, category) VALUES ('x','y','z')`); err != nil {
			return err
		}
		return fmt.Errorf("refused")
	})
	if err == nil {
		t.Fatal("the refused transaction committed")
	}
	if !l.quiet(pollEvery + 300*time.Millisecond) {
		t.Errorf("%d Changes for a rolled-back transaction, want none", l.count())
	}
}

// A burst of commits is a few Changes, not one each; one big transaction is one.
func TestBurstIsCoalesced(t *testing.T) {
	s := mustOpen(t)
	id := addTestPolicy(t, s, "政策一")
	l := subscribe(t, s)
	ctx := context.Background()
	ops := make([]data.Opinion, 20000)
	for i := range ops {
		ops[i] = data.Opinion{Source: data.SourceManual, Content: fmt.Sprintf("意见 %d：建议简化办事流程", i)}
	}
	if err := s.Tx(ctx, func(tx *Tx) error { _, err := tx.AddOpinions(ctx, id, 0, ops); return err }); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.wait(2 * time.Second); !ok {
		t.Fatal("no Change after adding 20,000 opinions")
	}
	if !l.quiet(pollEvery + 300*time.Millisecond) {
		t.Errorf("one transaction of 20,000 rows made %d Changes, want 1", l.count())
	}

	before := l.count()
	start := time.Now()
	n := 0
	for time.Since(start) < 1500*time.Millisecond { // commits one after another for 1.5 s
		addTestPolicy(t, s, fmt.Sprintf("政策 %d", n))
		n++
	}
	l.wait(2 * time.Second)
	l.quiet(pollEvery + 300*time.Millisecond)
	got := l.count() - before
	max := int(1500*time.Millisecond/settleMax) + 2
	if got < 1 || got > max || n < 20 {
		t.Errorf("%d commits in 1.5 s made %d Changes, want 1..%d", n, got, max)
	}
}

// A second Store on the same file (another window, a command in this process) is heard of.
func TestChangeFromSecondStore(t *testing.T) {
	s := mustOpen(t)
	l := subscribe(t, s)
	other, err := Open(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	addTestPolicy(t, other, "另一个连接加的政策")
	if _, ok := l.wait(2 * time.Second); !ok {
		t.Fatal("no Change after a second Store wrote")
	}
	ps, err := s.ListPolicies(context.Background(), data.PolicyFilter{})
	if err != nil || len(ps) != 1 {
		t.Errorf("after the Change the first Store reads %d policies (%v), want 1", len(ps), err)
	}
}

// A write by another process (gongping … run on the file while the window is open) is noticed by polling
// data_version: no commit hook of this process fires for it.
func TestChangeFromAnotherProcess(t *testing.T) {
	s := mustOpen(t)
	l := subscribe(t, s)
	before := localCommits.Load()
	start := time.Now()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), "GONGPING_TEST_WRITE="+s.Path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("writer process: %v\n%s", err, out)
	}
	if localCommits.Load() != before {
		t.Fatal("this process committed meanwhile; the test would not prove the poll")
	}
	when, ok := l.wait(2 * time.Second)
	if !ok {
		t.Fatal("no Change within 2 s after another process wrote")
	}
	t.Logf("noticed %v after the writer started", when.Sub(start).Round(time.Millisecond))
	if l.got[0].Here {
		t.Error("another process's write is marked Here")
	}
	ps, err := s.ListPolicies(context.Background(), data.PolicyFilter{})
	if err != nil || len(ps) != 1 || ps[0].Title != "命令行加的政策" {
		t.Errorf("after the Change: %+v %v", ps, err)
	}
}

// TestHelperWriter is the other process of TestChangeFromAnotherProcess.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv("GONGPING_TEST_WRITE")
	if path == "" {
		t.Skip("run by TestChangeFromAnotherProcess")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addTestPolicy(t, s, "命令行加的政策")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// cancel stops the calls; the last cancel and Close stop the watcher.
func TestCancelAndClose(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "ws.gpw"))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	a, b := 0, 0
	cancelA := s.Subscribe(func(Change) { mu.Lock(); a++; mu.Unlock() })
	s.Subscribe(func(Change) { mu.Lock(); b++; mu.Unlock() })
	addTestPolicy(t, s, "一")
	time.Sleep(300 * time.Millisecond)
	cancelA()
	cancelA() // twice is harmless
	addTestPolicy(t, s, "二")
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	if a != 1 || b != 2 {
		t.Errorf("calls a=%d (cancelled after the first) b=%d, want 1 and 2", a, b)
	}
	mu.Unlock()
	done := make(chan error)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Close hangs with a subscriber")
	}
	if s.changes.stop != nil {
		t.Error("the watcher still runs after Close")
	}
	watchers.mu.Lock()
	_, still := watchers.set[&s.changes]
	watchers.mu.Unlock()
	if still {
		t.Error("a closed Store is still poked")
	}
}
