package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data/store"
)

// The window follows the workspace. The store tells of every change (store.Subscribe): a write made in
// this window, or by a command (gongping …) run on the same file while the window is open. The window then
// reloads what it shows (Refresh): the policy list, the selected policy's header, the tab shown — the other
// tabs when next shown — and the meetings page. Views load off the UI goroutine (load) and keep what the
// user is doing: scroll positions, selections, and edits not saved yet.
//
// A tab follows the workspace by naming how it reloads itself (u.live); a tab that names nothing is built
// again, unless it holds unsaved edits (viewHasUnsaved, unsaved.go), when next shown, or at once when the
// change came from outside this window.

// changeQueue holds the change not applied yet: any number of Changes arriving meanwhile are one refresh.
type changeQueue struct {
	mu       sync.Mutex
	pending  bool
	external bool          // one of them came from another process
	signal   chan struct{} // tests: a change is pending (buffered, 1)
}

// put records c; first is true when nothing was pending yet.
func (q *changeQueue) put(c store.Change) (first bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	first = !q.pending
	q.pending = true
	q.external = q.external || !c.Here
	if q.signal != nil {
		select {
		case q.signal <- struct{}{}:
		default:
		}
	}
	return first
}

// take returns the pending change, if any, and clears it.
func (q *changeQueue) take() (ok, external bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	ok, external = q.pending, q.external
	q.pending, q.external = false, false
	return ok, external
}

// watchStore follows the current workspace's changes (openStore calls it). The window applies each on the
// UI goroutine; under the test driver (inline) tests apply them with applyChanges.
func (u *UI) watchStore() {
	u.stopWatching()
	s := u.store
	if u.inline && u.changes.signal == nil {
		u.changes.signal = make(chan struct{}, 1)
	}
	inline := u.inline // read here, on the UI goroutine: the callback runs on the store's watcher
	u.unwatch = s.Subscribe(func(c store.Change) {
		if !u.changes.put(c) || inline {
			return
		}
		fyne.Do(func() {
			if s == u.store {
				u.applyChanges()
			}
		})
	})
}

func (u *UI) stopWatching() {
	if u.unwatch != nil {
		u.unwatch()
		u.unwatch = nil
	}
}

// applyChanges refreshes the views for the pending change, if there is one.
func (u *UI) applyChanges() {
	if ok, external := u.changes.take(); ok && u.store != nil {
		u.refreshViews(external)
	}
}

// live names how the view whose content is obj (what a tab's Build returned) reloads itself when the
// workspace changes. reload runs on the UI goroutine; it loads off it (load) and must keep what the user is
// doing.
func (u *UI) live(obj fyne.CanvasObject, reload func()) {
	if u.liveViews == nil {
		u.liveViews = map[fyne.CanvasObject]func(){}
	}
	u.liveViews[obj] = reload
}

// walkObjects calls fn for obj and what it holds: containers' objects, and the content of scrolls, cards,
// splits and tabs (not the insides of other widgets).
func walkObjects(obj fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if obj == nil {
		return
	}
	fn(obj)
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walkObjects(c, fn)
		}
	case *container.Scroll:
		walkObjects(o.Content, fn)
	case *widget.Card:
		walkObjects(o.Content, fn)
	case *container.Split:
		walkObjects(o.Leading, fn)
		walkObjects(o.Trailing, fn)
	case *container.AppTabs:
		for _, it := range o.Items {
			walkObjects(it.Content, fn)
		}
	}
}
