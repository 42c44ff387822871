//go:build !nogui

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/gongping/gongping/app"
	"github.com/gongping/gongping/app/cli"
	_ "github.com/gongping/gongping/app/localeenv" // before fyne's lang: no locale noise on stderr
)

// The window build gives the command line its window (gongping open, and main with no arguments); the
// nogui build leaves cli's, which says that it has none.
func init() { cli.OpenWindow = openApp }

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
	closeWorkspace := func() {}
	watchForNoOpenGL(func() { closeWorkspace() })
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
	closeWorkspace = func() { u.Close() }
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

// noOpenGL is what a user sees when the window cannot be created: Fyne then only logs "window creation
// error" and waits for ever (a VM without 3D, remote desktop, Windows Server), so nothing would show at all.
const noOpenGL = "公评无法打开窗口：这台电脑的显卡或其驱动不支持 OpenGL 2.1（常见于没有 3D 加速的虚拟机、远程桌面和服务器）。" +
	"请在装有显卡驱动的电脑上使用，或更新显卡驱动；命令行（gongping）仍可照常使用。"

// watchForNoOpenGL watches Fyne's log for the window creation error and then tells the user (a message box on
// Windows, standard error everywhere), closes the workspace and exits, instead of leaving a process with no window.
func watchForNoOpenGL(closeWorkspace func()) {
	log.SetOutput(logWatch{os.Stderr, func() {
		fmt.Fprintln(os.Stderr, "gongping:", noOpenGL)
		showNativeError("公评", noOpenGL)
		closeWorkspace()
		os.Exit(1)
	}})
}

type logWatch struct {
	w      io.Writer
	onFail func()
}

// glFailures are the log lines that mean no window can be made: Fyne's own (Linux, macOS) and GLFW's
// (Windows, where only the WGL error is logged before the wait).
var glFailures = [][]byte{[]byte("window creation error"), []byte("WGL: Failed"), []byte("APIUnavailable"),
	[]byte("VersionUnavailable"), []byte("GLX: GLX extension not found")}

func (l logWatch) Write(b []byte) (int, error) {
	n, err := l.w.Write(b)
	for _, f := range glFailures {
		if bytes.Contains(b, f) {
			l.onFail()
		}
	}
	return n, err
}
