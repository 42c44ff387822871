package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/calendar"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/store"
)

const (
	prefRecent = "recentWorkspaces"
	maxRecent  = 8
	// WorkspaceExt is the extension new workspaces get; any SQLite workspace file opens.
	WorkspaceExt = ".gpw"
)

// Keyboard shortcuts (Ctrl on Windows/Linux, ⌘ on macOS), shown beside their menu items.
var (
	shortcutNewPolicy = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutOpen      = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
)

func (u *UI) addShortcuts() {
	c := u.Win.Canvas()
	c.AddShortcut(shortcutNewPolicy, func(fyne.Shortcut) { u.showPolicyForm(nil) })
	c.AddShortcut(shortcutOpen, func(fyne.Shortcut) { u.openWorkspaceDialog() })
	c.AddShortcut(shortcutQuit, func(fyne.Shortcut) { u.quit() })
}

func (u *UI) mainMenu() *fyne.MainMenu {
	var recent []*fyne.MenuItem
	for _, p := range u.recent() {
		p := p
		recent = append(recent, fyne.NewMenuItem(p, func() { u.OpenWorkspace(p) }))
	}
	recentItem := fyne.NewMenuItem(lang.L("Recent workspaces"), nil)
	if len(recent) == 0 {
		none := fyne.NewMenuItem(lang.L("(none yet)"), nil)
		none.Disabled = true
		recent = append(recent, none)
	}
	recentItem.ChildMenu = fyne.NewMenu("", recent...)

	langItem := fyne.NewMenuItem(lang.L("Language"), nil)
	zh := fyne.NewMenuItem("中文", func() { u.leave(leaveLanguage, func() { u.setLanguage(LangChinese) }, nil) })
	en := fyne.NewMenuItem("English", func() { u.leave(leaveLanguage, func() { u.setLanguage(LangEnglish) }, nil) })
	zh.Checked = Language(u.App) == LangChinese
	en.Checked = !zh.Checked
	langItem.ChildMenu = fyne.NewMenu("", zh, en)

	newPolicy := fyne.NewMenuItem(lang.L("New policy"), func() { u.showPolicyForm(nil) })
	newPolicy.Shortcut = shortcutNewPolicy
	open := fyne.NewMenuItem(lang.L("Open workspace…"), u.openWorkspaceDialog)
	open.Shortcut = shortcutOpen
	file := fyne.NewMenu(lang.L("File"),
		newPolicy,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("New workspace…"), u.newWorkspaceDialog),
		open,
		recentItem,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Save a copy…"), u.saveCopyDialog),
		fyne.NewMenuItem(lang.L("Automatic backups…"), u.showBackups),
		fyne.NewMenuItem(lang.L("Load the sample policy"), u.loadDemo),
		fyne.NewMenuItemSeparator(),
		langItem,
		u.themeItem(),
		fyne.NewMenuItemSeparator(),
		u.quitItem(),
	)
	help := fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About GongPing"), u.showAbout))
	return fyne.NewMainMenu(file, help)
}

// recent lists the recently opened workspaces that still exist, newest first.
func (u *UI) recent() []string {
	var out []string
	for _, p := range u.App.Preferences().StringList(prefRecent) {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

func (u *UI) addRecent(path string) {
	list := []string{path}
	for _, p := range u.App.Preferences().StringList(prefRecent) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.App.Preferences().SetStringList(prefRecent, list)
}

// uriPath turns a chosen file into a local path (workspaces are local SQLite files).
func uriPath(uri fyne.URI) (string, error) {
	if uri.Scheme() != "file" {
		return "", data.InputErrorf(lang.L("Workspaces must be files on this computer, not %s."), uri.String())
	}
	return uri.Path(), nil
}

func (u *UI) newWorkspaceDialog() {
	u.askSavePath(lang.L("New workspace"), "workspace"+WorkspaceExt, u.workspaceDir(), u.NewWorkspace)
}

// NewWorkspace creates an empty workspace at path and switches to it; an existing file is never touched.
func (u *UI) NewWorkspace(path string) {
	if _, err := os.Stat(path); err == nil {
		u.ShowError(data.InputErrorf(lang.L("%s already exists. Use “Open workspace” to open it, or choose another name."), path))
		return
	}
	u.OpenWorkspace(path)
}

func (u *UI) openWorkspaceDialog() {
	u.pickFile(nil, u.workspaceDir(), u.OpenWorkspace) // any name: workspaces mailed around lose their .gpw
}

func (u *UI) saveCopyDialog() {
	base := strings.TrimSuffix(filepath.Base(u.store.Path), filepath.Ext(u.store.Path))
	u.askSavePath(lang.L("Save a copy"), base+"-副本"+WorkspaceExt, u.workspaceDir(), func(p string) {
		if _, err := os.Stat(p); err == nil {
			dialog.ShowConfirm(lang.L("Replace file?"), fmt.Sprintf(lang.L("%s already exists. Replace it with the copy?"), p), func(ok bool) {
				if ok {
					u.SaveCopy(p)
				}
			}, u.Win)
			return
		}
		u.SaveCopy(p)
	})
}

// SaveCopy writes a consistent copy of the current workspace to path (File → 保存副本).
func (u *UI) SaveCopy(path string) {
	s := u.store
	if abs, err := filepath.Abs(path); err == nil && abs == s.Path {
		u.ShowError(&data.InputError{Msg: lang.L("Choose another file: a copy cannot replace the open workspace.")})
		return
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		u.ShowError(&data.InputError{Msg: fmt.Sprintf(lang.L("The folder %s does not exist. Choose an existing folder."), filepath.Dir(path))})
		return
	}
	u.RunLong(lang.L("Saving a copy"), func(ctx context.Context, _ func(int, int)) error {
		return s.SaveCopy(ctx, path)
	}, func(err error) {
		if err != nil {
			u.ShowError(err)
			return
		}
		u.showInfo(lang.L("Copy saved"), fmt.Sprintf(lang.L("The workspace was copied to %s."), path))
	})
}

// backupWhat says before what a backup was made.
func backupWhat(b store.Backup) string {
	switch b.Reason {
	case store.BackupSurveyDelete:
		return lang.L("before a survey import was deleted")
	case store.BackupOpinionDelete:
		return lang.L("before opinions were deleted")
	case store.BackupScheme:
		return lang.L("before the scheme was replaced")
	case store.BackupPublish:
		return lang.L("before publishing")
	case store.BackupRestore:
		return lang.L("the workspace as it was before a restore")
	case store.BackupDamaged:
		return lang.L("the damaged workspace, kept as it was")
	}
	return b.What
}

// backupLine is one backup for a list: when, before what, how big.
func backupLine(b store.Backup) string {
	return fmt.Sprintf("%s　%s　%.1f MB", b.Time.Format("2006-01-02 15:04:05"), backupWhat(b), float64(b.Size)/(1<<20))
}

// showBackups lists the workspace's automatic backups (File → 自动备份), each with a button to restore it.
func (u *UI) showBackups() {
	bs, err := store.ListBackups(u.store.Path)
	if err != nil {
		u.ShowError(err)
		return
	}
	intro := widget.NewLabel(fmt.Sprintf(lang.L("Before an import is deleted, a scheme replaced or anything published, GongPing backs the workspace up. The newest %d backups are kept, in %s."), store.KeepBackups, store.BackupDir(u.store.Path)))
	intro.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox()
	if len(bs) == 0 {
		rows.Add(widget.NewLabel(lang.L("No automatic backup yet.")))
	}
	var d dialog.Dialog
	for _, b := range bs {
		b := b
		restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.HistoryIcon(), func() {
			dialog.ShowConfirm(lang.L("Restore backup"), fmt.Sprintf(lang.L("Replace the workspace with the backup of %s (%s)? The workspace as it is now is kept as a backup first, so this can be undone."),
				b.Time.Format("2006-01-02 15:04:05"), backupWhat(b)), func(ok bool) {
				if ok {
					d.Hide()
					u.leave(leaveRestore, func() { u.RestoreBackup(b.Name) }, nil)
				}
			}, u.Win)
		})
		if u.store.ReadOnly {
			restore.Disable()
		}
		rows.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(backupLine(b))))
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(560, 220))
	d = dialog.NewCustom(lang.L("Automatic backups"), lang.L("Close"), container.NewBorder(intro, nil, nil, nil, scroll), u.Win)
	d.Show()
}

// RestoreBackup replaces the current workspace with its automatic backup name (the current file is kept as
// a backup first) and reopens it.
func (u *UI) RestoreBackup(name string) {
	path := u.store.Path
	u.store.Close() // nothing may have the workspace open while its file is replaced
	var res store.RestoreResult
	u.RunLong(lang.L("Restoring the backup…"), func(ctx context.Context, _ func(int, int)) error {
		var err error
		res, err = store.RestoreBackup(ctx, path, name)
		return err
	}, func(err error) {
		if oerr := u.openStore(path); oerr != nil {
			u.store = nil
			u.Win.SetMainMenu(nil)
			ShowStartupError(u.Win, oerr)
			return
		}
		u.build()
		if err != nil {
			u.ShowError(err)
			return
		}
		msg := fmt.Sprintf(lang.L("The workspace was restored from the backup of %s (%s)."), res.Restored.Time.Format("2006-01-02 15:04:05"), backupWhat(res.Restored))
		if res.Kept != nil {
			msg += " " + fmt.Sprintf(lang.L("The workspace as it was is kept as the backup of %s."), res.Kept.Time.Format("2006-01-02 15:04:05"))
		}
		u.showInfo(lang.L("Backup restored"), msg)
	})
}

// loadDemo adds the bundled sample policy to the current workspace.
func (u *UI) loadDemo() {
	s := u.store
	var ids []int64
	u.RunLong(lang.L("Loading the sample policy"), func(ctx context.Context, _ func(int, int)) error {
		var err error
		ids, err = demo.Run(ctx, s)
		return err
	}, func(err error) {
		if err != nil {
			u.ShowError(err)
			return
		}
		if s != u.store {
			return
		}
		if len(ids) > 0 {
			u.showPolicy(ids[0]) // after asking about the current page's unsaved edits
			return
		}
		u.Refresh()
	})
}

func (u *UI) setLanguage(tag string) {
	u.App.Preferences().SetString(prefLang, tag)
	if err := LoadTranslations(tag); err != nil {
		u.ShowError(err)
		return
	}
	keep := u.policyID
	u.setTitle()
	u.build()
	if keep != 0 {
		u.policyID = keep
		u.Refresh()
	}
}

func (u *UI) showAbout() {
	v := u.App.Metadata().Version
	if v == "" {
		v = Version
	}
	text := widget.NewLabel(fmt.Sprintf(lang.L("GongPing %s — public evaluation of policy implementation, following the Beijing measures on deepening government openness and expanding public participation (2020).\n\nWorkspace: %s\nSchema version: %d"),
		v, u.store.Path, store.SchemaVersion()))
	text.Wrapping = fyne.TextWrapWord
	// Teams enter next year's State Council holiday notice here before any library update.
	holidays := widget.NewLabel(fmt.Sprintf(lang.L("Holiday adjustments file: %s\nOne line per date, e.g. “2027-02-06 休” (day off) or “2027-02-07 班” (make-up working day); read at start."), calendar.OverridePath()))
	holidays.Wrapping = fyne.TextWrapWord
	holidays.SizeName = theme.SizeNameCaptionText
	body := container.NewVBox(text, holidays)
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(480, 260))
	dialog.ShowCustom(lang.L("About GongPing"), lang.L("Close"), container.NewBorder(nil, nil, widget.NewIcon(Icon), nil, scroll), u.Win)
}
