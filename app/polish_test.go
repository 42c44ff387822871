package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/gongping/gongping/data"
)

func TestThemeVariant(t *testing.T) {
	for _, c := range []struct {
		mode       string
		system     fyne.ThemeVariant
		goos       string
		systemSays bool
		want       fyne.ThemeVariant
	}{
		{themeLight, theme.VariantDark, "windows", true, theme.VariantLight},
		{themeDark, theme.VariantLight, "linux", false, theme.VariantDark},
		{themeSystem, theme.VariantDark, "windows", true, theme.VariantDark},
		{themeSystem, theme.VariantLight, "darwin", true, theme.VariantLight},
		// A Linux desktop that does not say: Fyne passes dark, the office default is light.
		{themeSystem, theme.VariantDark, "linux", false, theme.VariantLight},
		{themeSystem, theme.VariantDark, "linux", true, theme.VariantDark},
	} {
		if got := themeVariant(c.mode, c.system, c.goos, c.systemSays); got != c.want {
			t.Errorf("themeVariant(%s, %v, %s, %v) = %v, want %v", c.mode, c.system, c.goos, c.systemSays, got, c.want)
		}
	}
}

// 文件 → 外观 switches the colours, keeps the choice and ticks it.
func TestThemeMenu(t *testing.T) {
	u := newTestUI(t)
	if themeMode(u.App) != themeSystem {
		t.Fatalf("default mode %q, want 跟随系统", themeMode(u.App))
	}
	item := u.themeItem()
	if item.Label != "外观" || len(item.ChildMenu.Items) != 3 || item.ChildMenu.Items[0].Label != "跟随系统" || !item.ChildMenu.Items[0].Checked {
		t.Fatalf("外观 menu: %q %+v", item.Label, item.ChildMenu.Items)
	}
	item.ChildMenu.Items[2].Action() // 深色
	if u.App.Preferences().String(prefTheme) != themeDark {
		t.Errorf("choice stored as %q", u.App.Preferences().String(prefTheme))
	}
	bg := u.App.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if bg != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("深色 chosen, background %v", bg)
	}
	if it := u.themeItem().ChildMenu.Items; !it[2].Checked || it[0].Checked {
		t.Error("the tick did not move to 深色")
	}
	u.themeItem().ChildMenu.Items[1].Action() // 浅色
	if bg := u.App.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); bg != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("浅色 chosen, background %v", bg)
	}
	found := false
	for _, m := range u.mainMenu().Items {
		for _, it := range m.Items {
			found = found || it.Label == "外观"
		}
	}
	if !found {
		t.Error("no 外观 in the menu")
	}
}

// The policy selected last in a workspace is selected again when the window opens on it.
func TestLastPolicyReselected(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "ws.gpw")
	open := func() *UI {
		w := test.NewTempWindow(t, nil)
		u, err := newUI(a, w, path, true)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	u := open()
	addPolicy(t, u, data.Policy{Title: "第一项政策"})
	second := addPolicy(t, u, data.Policy{Title: "第二项政策"})
	u.Refresh()
	u.selectPolicy(second)
	u.Close()

	u = open()
	defer u.Close()
	if u.policyID != second || u.detail.policy.ID != second {
		t.Fatalf("after a restart policy %d is shown, want %d", u.policyID, second)
	}
	selected := false
	for i, p := range u.list.items {
		if p.ID == second {
			u.list.list.Select(i) // a no-op when it is already selected
			selected = u.policyID == second
		}
	}
	if !selected {
		t.Error("the list does not show the policy selected")
	}
	// A policy deleted meanwhile is forgotten.
	u.deletePolicy(second)
	u.Close()
	u = open()
	if u.policyID != 0 {
		t.Errorf("a deleted policy is selected: %d", u.policyID)
	}
	u.Close()
}

// 在浏览器中打开 says why nothing opened: no opener, or no program for the file.
func TestOpenWithSystemSaysWhy(t *testing.T) {
	u := newTestUI(t)
	page := filepath.Join(t.TempDir(), "report.html")
	os.WriteFile(page, []byte("<p>报告</p>"), 0o644)
	bin := t.TempDir()
	sleep, _ := exec.LookPath("sleep")
	t.Setenv("PATH", bin)
	opener := func(script string) {
		if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for a stand-in xdg-open")
	}
	for _, c := range []struct {
		script string // "" = no xdg-open
		want   string
	}{
		{"", "没有 xdg-open"},
		{"exit 3", "没有设置用来打开它的默认程序"},
		{"exit 4", "没有设置用来打开它的默认程序"},
		{"exit 1", "系统没能启动"},
		{"exit 0", ""},
	} {
		os.Remove(filepath.Join(bin, "xdg-open"))
		if c.script != "" {
			opener(c.script)
		}
		u.lastError = ""
		u.openWithSystem(page)
		if c.want == "" && u.lastError != "" || !strings.Contains(u.lastError, c.want) {
			t.Errorf("xdg-open %q: the window says %q, want %q", c.script, u.lastError, c.want)
		}
	}
	// An opener that keeps running (the browser it started) is a success.
	if sleep == "" {
		t.Skip("no sleep for a stand-in xdg-open")
	}
	opener(sleep + " 2")
	old := openerWait
	openerWait = 200 * time.Millisecond
	defer func() { openerWait = old }()
	u.lastError = ""
	u.openWithSystem(page)
	if u.lastError != "" {
		t.Errorf("a running opener: %q", u.lastError)
	}
	u.openWithSystem(filepath.Join(t.TempDir(), "gone.html"))
	if !strings.Contains(u.lastError, "找不到文件") {
		t.Errorf("a missing page: %q", u.lastError)
	}
}
