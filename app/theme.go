package app

import (
	"image/color"
	"runtime"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// The window's colours: 跟随系统 (the default), 浅色 or 深色, chosen in 文件 → 外观 and kept in the
// preferences. Following the system means the system's light or dark setting where it has one; a
// Linux desktop that does not say (no desktop portal: Kylin and UOS builds, remote sessions) gets the
// light colours most office desktops use. Fyne itself would make those dark.

const (
	prefTheme   = "theme"
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// themeChoices are the menu's choices in order, with their lang keys.
var themeChoices = []struct{ mode, key string }{
	{themeSystem, "Follow the system"}, {themeLight, "Light"}, {themeDark, "Dark"},
}

// systemSaysVariant is set once the Linux desktop portal has told its colour scheme: from then on the
// variant Fyne passes is the system's (Fyne updates it when the user changes it).
var systemSaysVariant atomic.Bool

// colours is the default theme in the chosen variant.
type colours struct {
	fyne.Theme
	mode string
}

func (c colours) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return c.Theme.Color(n, themeVariant(c.mode, v, runtime.GOOS, systemSaysVariant.Load()))
}

// themeVariant is the variant to draw for mode when the system's is v: light or dark as chosen, else
// the system's, except where the system (goos) says nothing, which is light.
func themeVariant(mode string, v fyne.ThemeVariant, goos string, systemSays bool) fyne.ThemeVariant {
	switch mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd":
		if !systemSays {
			return theme.VariantLight
		}
	}
	return v
}

// themeMode is the chosen mode (跟随系统 unless the user chose otherwise).
func themeMode(a fyne.App) string {
	switch m := a.Preferences().StringWithFallback(prefTheme, themeSystem); m {
	case themeLight, themeDark:
		return m
	}
	return themeSystem
}

// applyTheme gives the app the chosen colours. On Linux it asks the desktop portal, off the UI
// goroutine (it hangs on some desktops), whether the system has a colour scheme.
func applyTheme(a fyne.App) {
	a.Settings().SetTheme(colours{Theme: theme.DefaultTheme(), mode: themeMode(a)})
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if themeMode(a) == themeSystem && !systemSaysVariant.Load() {
			go func() {
				if desktopHasColourScheme() {
					systemSaysVariant.Store(true)
					fyne.Do(func() { applyTheme(a) })
				}
			}()
		}
	}
}

// setTheme stores the user's choice and redraws the window in it.
func (u *UI) setTheme(mode string) {
	u.App.Preferences().SetString(prefTheme, mode)
	applyTheme(u.App)
	u.Win.SetMainMenu(u.mainMenu()) // the tick moves
}

// themeItem is 外观 with its three choices, the chosen one ticked.
func (u *UI) themeItem() *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("Appearance"), nil)
	var items []*fyne.MenuItem
	cur := themeMode(u.App)
	for _, c := range themeChoices {
		mode := c.mode
		mi := fyne.NewMenuItem(lang.L(c.key), func() { u.setTheme(mode) })
		mi.Checked = mode == cur
		items = append(items, mi)
	}
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}
