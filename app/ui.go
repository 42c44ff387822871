package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	_ "github.com/gongping/gongping/app/localeenv" // initialised before fyne's lang: no locale noise
	"github.com/gongping/gongping/assets"
	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// AppID is the application's reverse-DNS identifier (also in FyneApp.toml). Until 0.1 it was oldAppID, whose
// ".desktop" ending made the Linux menu file cn.gongping.desktop.desktop.
const AppID = "cn.gongping.app"

const oldAppID = "cn.gongping.desktop"

// MoveOldPreferences gives the app the preferences (recent workspaces, language) it kept under oldAppID:
// Fyne keeps them in <config>/fyne/<app ID> (on Windows under %USERPROFILE%\AppData\Roaming). Call it before
// the app is created; it does nothing once the new folder exists.
func MoveOldPreferences() {
	root, err := os.UserConfigDir()
	if home, herr := os.UserHomeDir(); runtime.GOOS == "windows" && herr == nil {
		root, err = filepath.Join(home, "AppData", "Roaming"), nil
	}
	if err != nil {
		return
	}
	old, cur := filepath.Join(root, "fyne", oldAppID), filepath.Join(root, "fyne", AppID)
	if _, err := os.Stat(cur); err == nil {
		return
	}
	if _, err := os.Stat(old); err == nil {
		os.Rename(old, cur) //nolint:errcheck // best effort: without it the app starts with no recent list
	}
}

// Version is shown in 关于 when the build carries no Fyne metadata (go run / go build).
const Version = "0.1.0"

// Icon is the app icon as a Fyne resource.
var Icon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// UI is the running app: the window, the current workspace and the helpers every screen uses.
// All fields and methods are for the UI goroutine only.
type UI struct {
	App fyne.App
	Win fyne.Window

	store    *store.Store
	policyID int64 // selected policy, 0 when none

	list     *policyList
	detail   *policyDetail
	meetings *meetingsPage
	pages    *container.AppTabs

	// inline makes loads and long work run synchronously on the caller's goroutine (tests).
	inline bool
	// lastError is the text of the last error shown, longCancel the 取消 of the last RunLong (tests).
	lastError  string
	longCancel *widget.Button
	longStatus *widget.Label // the status line of the last RunLong (tests)
	longSpin   *widget.ProgressBarInfinite
	// readOnlyBanner says, above everything, that the workspace is read-only (nil when it is not).
	readOnlyBanner *widget.Label
	// pending are the views' edits not saved yet, asked about before they would be lost (unsaved.go).
	pending pendingEdits

	// The window follows the workspace (live.go): unwatch ends the store subscription, changes holds a
	// change not applied yet, live maps a tab's content to how it reloads itself.
	unwatch   func()
	changes   changeQueue
	liveViews map[fyne.CanvasObject]func()
}

// PolicyTab is one tab of the selected policy's page; screen files register theirs from init().
type PolicyTab struct {
	Order int    // position: 10 概览, 15 体验官, 20 意见, 30 问卷数据, 40 评价方案, 50 评价结果, 60 修订, 70 发布
	Title string // lang key, translated when shown
	Build func(u *UI, policyID int64) fyne.CanvasObject
}

var (
	regMu        sync.Mutex
	policyTabs   []PolicyTab
	dropHandlers []func(u *UI, policyID int64, path string) bool
)

// RegisterPolicyTab adds a tab to every policy's page.
func RegisterPolicyTab(t PolicyTab) {
	regMu.Lock()
	defer regMu.Unlock()
	policyTabs = append(policyTabs, t)
	sort.SliceStable(policyTabs, func(i, j int) bool { return policyTabs[i].Order < policyTabs[j].Order })
}

func registeredTabs() []PolicyTab {
	regMu.Lock()
	defer regMu.Unlock()
	return append([]PolicyTab(nil), policyTabs...)
}

// RegisterDropHandler adds a handler for files dropped on the window. Handlers are tried in registration
// order until one returns true; policyID is the selected policy (0 when none).
func RegisterDropHandler(h func(u *UI, policyID int64, path string) bool) {
	regMu.Lock()
	defer regMu.Unlock()
	dropHandlers = append(dropHandlers, h)
}

// New opens the workspace at workspacePath (creating it if missing) and builds the window's content and menu.
func New(a fyne.App, w fyne.Window, workspacePath string) (*UI, error) {
	return newUI(a, w, workspacePath, false)
}

func newUI(a fyne.App, w fyne.Window, workspacePath string, inline bool) (*UI, error) {
	u := &UI{App: a, Win: w, inline: inline}
	applyTheme(a)
	if err := u.openStore(workspacePath); err != nil {
		return nil, err
	}
	u.build()
	w.SetCloseIntercept(u.quit) // the close button asks about unsaved edits, as 文件→退出 does
	if !inline {
		WarnIfNoCJKFont(w) // after build: Fyne has scanned the system's fonts for the Chinese it measured
	}
	return u, nil
}

// openError is a workspace that would not open, with its path (the startup screen offers its backups).
type openError struct {
	path string
	err  error
}

func (e *openError) Error() string { return e.err.Error() }
func (e *openError) Unwrap() error { return e.err }

// NoDisplay explains, in one line, why no window can open on this machine ("" when it can): on Linux and
// the BSDs a window needs an X11 or Wayland display.
func NoDisplay() string {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return "无法打开桌面程序：没有图形显示（DISPLAY 未设置），命令行功能仍可使用，运行 gongping help 查看命令 (no graphical display)"
		}
	}
	return ""
}

// ShowStartupError fills w with err when the workspace could not be opened, so that someone who started
// the app from its icon sees why (the command line prints it as well).
// A damaged workspace's screen lists its automatic backups, each with a button that restores it and opens
// the window on it.
func ShowStartupError(w fyne.Window, err error) {
	msg := widget.NewLabel(fmt.Sprintf("%s\n\n%v", lang.L("GongPing could not open its workspace."), err))
	msg.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(msg)
	var oe *openError
	if errors.As(err, &oe) && errors.Is(err, store.ErrDamaged) {
		if bs, _ := store.ListBackups(oe.path); len(bs) > 0 {
			content.Add(widget.NewLabel(lang.L("Automatic backups of this workspace, newest first:")))
			for _, b := range bs {
				b := b
				restore := widget.NewButton(lang.L("Restore"), func() {
					dialog.ShowConfirm(lang.L("Restore backup"), fmt.Sprintf(lang.L("Replace the damaged workspace with the backup of %s (%s)? The damaged file is kept as it is, as a backup of its own."),
						b.Time.Format("2006-01-02 15:04:05"), backupWhat(b)), func(ok bool) {
						if ok {
							restoreAtStartup(w, oe.path, b.Name)
						}
					}, w)
				})
				content.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(backupLine(b))))
			}
		}
	}
	w.SetContent(container.NewPadded(container.NewVScroll(content)))
}

// restoreAtStartup restores a backup over a workspace that would not open and opens the window on it; the
// app closes the workspace when it stops.
func restoreAtStartup(w fyne.Window, path, name string) {
	if _, err := store.RestoreBackup(context.Background(), path, name); err != nil {
		ShowStartupError(w, &openError{path: path, err: err})
		return
	}
	a := fyne.CurrentApp()
	u, err := newUI(a, w, path, inlineLoads)
	if err != nil {
		ShowStartupError(w, err)
		return
	}
	a.Lifecycle().SetOnStopped(func() { u.Close() })
}

// inlineLoads makes windows built after a restore load inline, as tests build theirs (Fyne's test driver
// runs fyne.Do on the calling goroutine, so a background load would race the test).
var inlineLoads = false

// DefaultWorkspace is the workspace opened when none is named. On Windows it is 文档\公评\工作区.gpw, a folder
// users see and back up (the Documents folder wherever it is redirected), unless a workspace is already at
// the older place; elsewhere, and as that older place, <user config dir>/gongping/workspace.gpw
// (~/.config/gongping on Linux, %AppData%\gongping on Windows) beside the holiday override file. With
// neither, the app's own storage folder.
func DefaultWorkspace(a fyne.App) string {
	if dir, err := os.UserConfigDir(); err == nil {
		old := filepath.Join(dir, "gongping", "workspace.gpw")
		if _, err := os.Stat(old); err == nil {
			return old
		}
		if docs := documentsDir(); docs != "" {
			return filepath.Join(docs, "公评", "工作区.gpw")
		}
		return old
	}
	return filepath.Join(a.Storage().RootURI().Path(), "workspace.gpw")
}

// Close closes the current workspace. Call it when the app ends: closing checkpoints SQLite's write-ahead
// log into the workspace file, so the one .gpw file a user copies or mails holds everything.
func (u *UI) Close() error {
	if u.store == nil {
		return nil
	}
	u.stopWatching()
	err := u.store.Close()
	u.store = nil
	return err
}

// Store is the current workspace; it changes when the user opens another one.
func (u *UI) Store() *store.Store { return u.store }

// openStore opens path and makes it the current workspace, closing the previous one.
func (u *UI) openStore(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	s, err := store.Open(abs)
	var ie *data.InputError
	switch {
	case errors.As(err, &ie): // says what is wrong with the file and what to do
		return &openError{path: abs, err: err}
	case err != nil:
		return &openError{path: abs, err: &data.InputError{Msg: fmt.Sprintf(lang.L("Cannot open workspace %s: %v"), abs, err), Err: err}}
	}
	if u.store != nil {
		u.stopWatching()
		u.store.Close()
	}
	u.store = s
	u.watchStore()
	u.policyID = 0
	u.addRecent(abs)
	u.setTitle()
	return nil
}

// setTitle names the workspace in the window's title, and says when it is read-only.
func (u *UI) setTitle() {
	t := fmt.Sprintf("%s — %s", lang.L("GongPing"), filepath.Base(u.store.Path))
	if u.store.ReadOnly {
		t += " " + lang.L("(read-only)")
	}
	u.Win.SetTitle(t)
}

// OpenWorkspace switches the window to the workspace at path.
func (u *UI) OpenWorkspace(path string) {
	u.leave(leaveWorkspace, func() {
		if err := u.openStore(path); err != nil {
			u.ShowError(err)
			return
		}
		u.build()
	}, nil)
}

// build (re)creates the window's content and menu for the current workspace and language.
func (u *UI) build() {
	u.forgetEdits(0) // the views that held them are replaced
	u.list = newPolicyList(u)
	u.detail = newPolicyDetail(u)
	u.meetings = newMeetingsPage(u)
	split := container.NewHSplit(u.list.content, u.detail.content)
	split.Offset = 0.28
	u.pages = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Policies"), nil, split),
		container.NewTabItem(lang.L("Executive meetings"), u.meetings.content),
	)
	u.pages.OnSelected = func(t *container.TabItem) {
		if t.Content == u.meetings.content {
			u.meetings.reload()
		}
	}
	var content fyne.CanvasObject = u.pages
	u.readOnlyBanner = nil
	if u.store.ReadOnly {
		banner := widget.NewLabel(lang.L("This workspace is read-only: its file or folder cannot be written. You can look at everything and write reports, but not change it. To change it, copy it to a folder you can write and open the copy."))
		banner.Wrapping = fyne.TextWrapWord
		banner.Importance = widget.WarningImportance
		u.readOnlyBanner = banner
		content = container.NewBorder(banner, nil, nil, nil, u.pages)
	}
	u.Win.SetContent(content)
	u.Win.SetMainMenu(u.mainMenu())
	u.Win.SetOnDropped(u.onDropped)
	u.addShortcuts()
	u.addEscape()
	if u.policyID == 0 {
		u.policyID = u.rememberedPolicy() // the one selected when the window last showed this workspace
	}
	u.list.reload()
	u.detail.show(u.policyID)
}

// Refresh reloads the current views after data changed, keeping what the user is doing (scroll positions,
// selections, unsaved edits): the policy list, the selected policy (u.policyID: another one is shown
// afresh), its shown tab and the meetings page; the other tabs reload when next shown. Every change of the
// workspace calls it (live.go), so a screen need not after its own writes.
func (u *UI) Refresh() {
	u.refreshViews(true)
}

func (u *UI) refreshViews(external bool) {
	u.list.reload()
	u.detail.refresh(external)
	u.meetings.reload()
}

// selectPolicy shows policy id on the right (0 clears it).
func (u *UI) selectPolicy(id int64) {
	u.leavePolicyThen(func() {
		u.policyID = id
		u.rememberPolicy(id)
		u.detail.show(id)
	})
}

// ShowError is the one place errors reach the user: an InputError's text as it is (it is written for
// users), anything else as 内部错误 and one short Chinese line (userText), its details logged and offered
// by 复制详细信息. A cancellation is the user's own 取消: nothing went wrong, nothing is shown.
func (u *UI) ShowError(err error) {
	if err == nil {
		return
	}
	if errors.Is(err, context.Canceled) {
		return
	}
	err = u.explain(err)
	msg, internal := userText(err)
	u.lastError = msg
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	body := container.NewVScroll(lbl) // long messages scroll instead of being cut
	body.SetMinSize(fyne.NewSize(460, 110))
	var content fyne.CanvasObject = body
	title := lang.L("Cannot continue")
	if internal {
		title = lang.L("Internal error")
		details := err.Error()
		copyBtn := widget.NewButtonWithIcon(lang.L("Copy details"), theme.ContentCopyIcon(), func() {
			u.App.Clipboard().SetContent(details)
		})
		content = container.NewBorder(nil, container.NewHBox(copyBtn), nil, nil, body)
	}
	d := dialog.NewCustom(title, lang.L("Close"), content, u.Win)
	d.Show()
}

// explain puts SQLite's and the file system's errors about the workspace (damage, a full disk, a read-only
// file) into the Chinese the user reads (store.Explain).
func (u *UI) explain(err error) error {
	if u.store == nil {
		return err
	}
	return store.Explain(err, u.store.Path)
}

// showInfo tells the user something that is not an error.
func (u *UI) showInfo(title, msg string) {
	dialog.ShowInformation(title, msg, u.Win)
}

// load runs fetch off the UI goroutine and apply on it ("load, then apply"). Results for a workspace that
// is no longer current are dropped.
func load[T any](u *UI, fetch func(ctx context.Context, s *store.Store) (T, error), apply func(T)) {
	s := u.store
	if s == nil { // the workspace was closed (quitting) while a reload was on its way
		return
	}
	if u.inline {
		v, err := fetch(context.Background(), s)
		if err != nil {
			u.ShowError(err)
			return
		}
		apply(v)
		return
	}
	go func() {
		v, err := fetch(context.Background(), s)
		fyne.Do(func() {
			if s != u.store {
				return
			}
			if err != nil {
				u.ShowError(err)
				return
			}
			apply(v)
		})
	}()
}

// write runs work off the UI goroutine, then done on it with work's error: a write of a button, or a read
// it needs first. For long work (an import, scoring, anything that backs the workspace up) use RunLong,
// which shows progress and 取消. done is dropped when the workspace is no longer current; it may be nil.
func (u *UI) write(work func(ctx context.Context, s *store.Store) error, done func(err error)) {
	s := u.store
	if s == nil { // closed: nothing to write to
		return
	}
	if done == nil {
		done = func(err error) { u.ShowError(err) }
	}
	if u.inline {
		done(work(context.Background(), s))
		return
	}
	go func() {
		err := work(context.Background(), s)
		fyne.Do(func() {
			if s == u.store {
				done(err)
			}
		})
	}()
}

func (u *UI) onDropped(_ fyne.Position, uris []fyne.URI) {
	regMu.Lock()
	hs := append([]func(*UI, int64, string) bool(nil), dropHandlers...)
	regMu.Unlock()
	for _, uri := range uris {
		if strings.EqualFold(filepath.Ext(uri.Path()), WorkspaceExt) { // a workspace: offer to switch to it
			p := uri.Path()
			dialog.ShowConfirm(lang.L("Open workspace"), fmt.Sprintf(lang.L("Open the workspace %s?"), p), func(ok bool) {
				if ok {
					u.OpenWorkspace(p)
				}
			}, u.Win)
			continue
		}
		handled := false
		for _, h := range hs {
			if h(u, u.policyID, uri.Path()) {
				handled = true
				break
			}
		}
		if !handled {
			u.showInfo(lang.L("Dropped file"), fmt.Sprintf(lang.L("GongPing cannot use %s here. Select a policy and open the page that imports this kind of file."), uri.Name()))
		}
	}
}

// WindowSize is the main window's starting size.
var WindowSize = fyne.NewSize(1280, 820)
