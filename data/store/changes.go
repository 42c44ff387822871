package store

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
	"time"

	sqlite "modernc.org/sqlite"
)

// Change tells a subscriber that the workspace changed since the last Change: a write committed by this
// process (any of its Stores) or by another one (the command line run on the same file while the window is
// open). It does not say what changed: readers load again what they show.
type Change struct {
	// Seq counts the Store's changes: 1 for the first one a subscriber of this Store hears of, then 2, ….
	Seq uint64
	// Here is set when this process committed since the last Change. It may not be all that changed; when it
	// is not set, the change surely came from another process.
	Here bool
}

// How changes are noticed. A commit on any connection of this process pokes every watching Store at once
// (an SQLite commit hook on each connection). Another process's commits are seen by polling SQLite's
// PRAGMA data_version on a connection of the watcher's own, which changes whenever any other connection has
// committed to the file. A poke only makes that check early: the check decides, so a transaction that wrote
// nothing, or a commit hook that fired for another file, makes no Change.
var (
	pollEvery   = time.Second            // data_version is read at least this often while anyone subscribes
	settleAfter = 30 * time.Millisecond  // after a poke, wait until pokes stop for this long …
	settleMax   = 500 * time.Millisecond // … but no longer than this: a stream of commits makes a Change this often
)

// changeState is a Store's subscribers and its watcher goroutine (running while there are subscribers).
type changeState struct {
	mu   sync.Mutex
	subs map[int]func(Change)
	next int
	seq  uint64
	stop chan struct{} // closed to stop the watcher; nil when none runs
	done chan struct{} // closed when the watcher has stopped
	poke chan struct{} // a commit happened in this process (buffered, 1)
}

// watchers are the states of every Store that has subscribers, for the commit hook to poke.
var watchers struct {
	mu  sync.Mutex
	set map[*changeState]struct{}
}

// localCommits counts commits made by this process on any connection (tests and diagnostics).
var localCommits atomic.Uint64

func init() {
	sqlite.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		if h, ok := c.(sqlite.HookRegisterer); ok {
			h.RegisterCommitHook(func() int32 {
				localCommits.Add(1)
				pokeWatchers()
				return 0 // let the commit go ahead
			})
		}
		return nil
	})
}

// pokeWatchers tells every watcher that a commit happened; it never blocks (it runs inside SQLite's commit).
func pokeWatchers() {
	watchers.mu.Lock()
	for c := range watchers.set {
		select {
		case c.poke <- struct{}{}:
		default:
		}
	}
	watchers.mu.Unlock()
}

// Subscribe calls fn after every change of the workspace, from a goroutine of its own, at most one call at a
// time: a burst of commits (an import of 100,000 rows, a re-clustering) is one call. fn must return quickly
// (hand the work to the UI's queue, say). Changes by other processes are noticed within about a second.
// cancel stops the calls; the watcher stops with the last subscriber, or when the Store is closed.
func (s *Store) Subscribe(fn func(Change)) (cancel func()) {
	c := &s.changes
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.subs == nil {
		c.subs = map[int]func(Change){}
	}
	id := c.next
	c.next++
	c.subs[id] = fn
	if c.stop == nil {
		s.startWatching()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			delete(c.subs, id)
			last := len(c.subs) == 0
			c.mu.Unlock()
			if last {
				s.stopWatching(false)
			}
		})
	}
}

// startWatching starts the watcher; c.mu is held.
func (s *Store) startWatching() {
	c := &s.changes
	if c.poke == nil {
		c.poke = make(chan struct{}, 1)
	}
	stop, done := make(chan struct{}), make(chan struct{})
	c.stop, c.done = stop, done
	conn, err := s.db.Conn(context.Background())
	var last int64
	// The commits counted before the version is read: a commit between the two is then seen as ours. Read in
	// the goroutine instead, a write made right after Subscribe could be counted already and its Change come
	// with Here false (TestChangeAfterOwnWrite failed 1 run in 3).
	commits := localCommits.Load()
	if err == nil {
		last, err = dataVersion(conn)
	}
	if err != nil { // a closed store: nothing will change
		if conn != nil {
			conn.Close()
		}
		close(done)
		return
	}
	watchers.mu.Lock()
	if watchers.set == nil {
		watchers.set = map[*changeState]struct{}{}
	}
	watchers.set[c] = struct{}{}
	watchers.mu.Unlock()
	go s.watch(conn, last, commits, stop, done)
}

// stopWatching stops the watcher (if one runs) and waits for it. Unless closing (the Store's Close), a
// watcher that gained a subscriber meanwhile goes on.
func (s *Store) stopWatching(closing bool) {
	c := &s.changes
	c.mu.Lock()
	stop, done := c.stop, c.done
	if closing {
		c.subs = nil
	}
	if stop != nil && len(c.subs) > 0 {
		c.mu.Unlock() // a new subscriber came meanwhile: it keeps the watcher
		return
	}
	c.stop, c.done = nil, nil
	c.mu.Unlock()
	if stop == nil {
		return
	}
	watchers.mu.Lock()
	delete(watchers.set, c)
	watchers.mu.Unlock()
	close(stop)
	<-done
}

func dataVersion(conn *sql.Conn) (int64, error) {
	var v int64
	err := conn.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&v)
	return v, err
}

// watch is the watcher goroutine: it checks data_version every pollEvery, and soon after a poke.
func (s *Store) watch(conn *sql.Conn, last int64, commits uint64, stop, done chan struct{}) {
	defer close(done)
	defer conn.Close()
	c := &s.changes
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		case <-c.poke:
			if !settle(c.poke, stop) {
				return
			}
		}
		n := localCommits.Load() // before the check: a commit after it is seen by the next check
		v, err := dataVersion(conn)
		if err != nil || v == last {
			continue // an unreadable moment (the file busy or going away) is tried again at the next tick
		}
		last = v
		here := n != commits
		commits = n
		c.mu.Lock()
		c.seq++
		ch := Change{Seq: c.seq, Here: here}
		fns := make([]func(Change), 0, len(c.subs))
		for _, fn := range c.subs {
			fns = append(fns, fn)
		}
		c.mu.Unlock()
		for _, fn := range fns {
			fn(ch)
		}
	}
}

// settle waits until no poke came for settleAfter, or settleMax passed; false when stop was closed.
func settle(poke, stop chan struct{}) bool {
	limit := time.NewTimer(settleMax)
	defer limit.Stop()
	quiet := time.NewTimer(settleAfter)
	defer quiet.Stop()
	for {
		select {
		case <-stop:
			return false
		case <-limit.C:
			return true
		case <-quiet.C:
			return true
		case <-poke:
			quiet.Reset(settleAfter)
		}
	}
}
