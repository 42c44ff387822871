// Command gongping (公评) evaluates the public effect of policy implementation: with no arguments it opens
// the desktop app; with a subcommand it runs that job on the command line.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/gongping/gongping/app"
	_ "github.com/gongping/gongping/app/localeenv" // before fyne's lang: no locale noise on stderr
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		if err := openApp(""); err != nil {
			fmt.Fprintln(os.Stderr, "gongping:", oneLine(err.Error()))
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stopProfile := startProfile(os.Getenv("GONGPING_CPUPROFILE"))
	code := runCLI(ctx, args, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the command to path (GONGPING_CPUPROFILE), for measuring a
// command as users run it: a fresh process on a real file. It returns the function that ends it.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gongping: GONGPING_CPUPROFILE:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

func init() {
	register(&command{name: "open", usage: "[--db F]", run: func(e *env, args []string) error {
		f, db := dbFlags("open")
		if err := f.parseFlagsOnly(args); err != nil {
			return err
		}
		return openApp(*db)
	}})
}

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
