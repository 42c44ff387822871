//go:build !nogui

package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/gongping/gongping/app"
	_ "github.com/gongping/gongping/app/localeenv" // before fyne's lang: no locale noise on stderr
)

// openApp runs the desktop app on the workspace at path (the default workspace when empty).
// The error it returns is a one-line message for the user.
func openApp(path string) (err error) {
	start := time.Now()
	if msg := app.NoDisplay(); msg != "" {
		return errors.New(msg)
	}
	// A graphics driver that cannot start panics inside Fyne; say so in one line instead of a stack trace.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("无法打开桌面程序 (cannot start the desktop app): %v", r)
		}
	}()
	app.MoveOldPreferences()
	a := fyneapp.NewWithID(app.AppID)
	a.SetIcon(app.Icon)
	if err := app.LoadTranslations(app.Language(a)); err != nil {
		fmt.Fprintln(os.Stderr, "gongping:", err)
	}
	if path == "" {
		path = app.DefaultWorkspace(a)
	}
	w := a.NewWindow("公评")
	w.Resize(app.WindowSize)
	u, err := app.New(a, w, path)
	if err != nil {
		app.ShowStartupError(w, err)
		w.ShowAndRun()
		return err
	}
	if os.Getenv("GONGPING_TIMING") != "" {
		a.Lifecycle().SetOnStarted(func() { fmt.Fprintf(os.Stderr, "gongping: window up after %v\n", time.Since(start)) })
	}
	// Ctrl-C or a logout's SIGTERM quits like 退出 does, so the workspace is closed cleanly.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() { <-sig; fyne.Do(a.Quit) }()
	w.ShowAndRun()
	signal.Stop(sig)
	return u.Close()
}
