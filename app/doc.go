// Package app is GongPing's desktop interface (Fyne). It shows and edits; every rule and every query lives
// in data/… or reports/, which app calls (app never runs SQL and never imports excelize).
//
// # Contract for screen files
//
// The window is a [UI]: u.App, u.Win, u.Store() (the current workspace; it changes when the user opens
// another one, so read it at the moment of use), u.ShowError(err) (the one place errors reach the user:
// a data.InputError's text as it is, anything else as 内部错误 and logged), u.RunLong(title, work, onDone)
// (work runs off the UI goroutine behind a modal progress bar with 取消, which cancels work's context;
// onDone runs on the UI goroutine; u.RunLongStatus is the same with a status line work can set, e.g. rows/s),
// u.write(work, done) (a button's write or the read it needs, off the UI goroutine; TestStoreIsUsedOffTheUIGoroutine
// holds that the store is called only in load, u.write, RunLong or a go statement) and u.Refresh().
//
// # The window follows the workspace
//
// Every change of the workspace — a write of this window, or a command (gongping …) run on the same file
// while it is open — reaches the window (store.Subscribe; live.go): the policy list, the selected policy's
// header, its shown tab (the others when next shown) and the meetings page reload. A tab names how it
// reloads in its Build: u.live(content, reload), reload keeping what the user is doing (scroll position,
// selection, unsaved edits). A tab that names nothing is built again (unless it holds unsaved edits,
// unsaved.go): when next shown, or at once when the change came from elsewhere. A screen need not reload
// other screens after its writes; u.Refresh() does now what a change does.
//
// A policy's page is a set of tabs. Each screen file registers its tab from init():
//
//	func init() {
//		app.RegisterPolicyTab(app.PolicyTab{Order: 30, Title: "Survey data", Build: buildSurveyTab})
//	}
//
// Orders: 10 概览 Overview, 15 体验官 roster, 20 意见 Opinions, 30 问卷数据 Survey data, 40 评价方案 Scheme,
// 50 评价结果 Results, 60 修订 Revisions, 70 发布 Publish. Build is called on the UI goroutine the first time
// the tab is shown for a policy; it should return at once and fill itself in with "load, then apply":
// query off the UI goroutine, then set the widgets inside fyne.Do (see load in ui.go).
//
// RegisterDropHandler(func(u, policyID, path) bool) receives files dropped on the window; handlers are tried
// in order until one returns true. Spreadsheets are routed by their header, not their name (data/importer
// says which importer fits; drop.go asks the user when the header does not tell). The overview's loop
// timeline is data/stage's (each step's state, reason and the current step), as `gongping status` prints it.
//
// # Text
//
// Every user-facing string goes through lang.L("English key"). Each area keeps its own pair of files
// assets/translations/<area>.zh-Hans.json and <area>.en.json: flat JSON objects key → text, with the same
// keys in both (TestTranslations checks every lang.L key in app/ against them). go-i18n reads a JSON object
// that has a key such as "ID", "Description", "Other" or "One" as a single message, so such words must not
// be keys on their own. Chinese is the default language whatever the system locale; the user can switch to
// English in 文件 → 语言 (kept in Preferences). See LoadTranslations for how.
//
// # Workspace
//
// Without --db the app opens DefaultWorkspace: 文档\公评\工作区.gpw on Windows (unless a workspace is already at
// %AppData%\gongping\workspace.gpw), ~/.config/gongping/workspace.gpw elsewhere. File → 新建工作区 / 打开工作区 / 最近的工作区
// switch the window to another file; 保存副本 writes a checked copy (store.Store.SaveCopy).
//
// # Startup
//
// main.go's openApp creates the Fyne app (app.NewWithID(AppID)), loads the translations, calls New and runs
// the window; it closes the workspace when the app ends (also on Ctrl-C / SIGTERM) so the .gpw file holds
// everything. GONGPING_TIMING=1 prints the time from launch to the running window. Data is loaded off the
// UI goroutine after the window is up; on the demo workspace the window maps in about 0.2–0.3 s under Xvfb.
//
// # Fonts
//
// Fyne's bundled font has no CJK glyphs; Fyne 2.7 falls back per character to the system's fonts
// (go-text fontscan), which every Chinese Windows, Kylin and UOS desktop has (Microsoft YaHei, Noto/WenQuanYi,
// …). A bare Linux needs a CJK font package (fonts-noto-cjk). FYNE_FONT=/path/to/font.ttf forces a font.
package app
