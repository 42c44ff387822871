// Command gongping (公评) evaluates the public effect of policy implementation: with no arguments it opens
// the desktop app; with a subcommand it runs that job on the command line.
package main

import (
	"context"
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

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		os.Exit(openApp(""))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(runCLI(ctx, args, os.Stdout, os.Stderr))
}

func init() {
	register(&command{name: "open", usage: "[--db F]", run: func(e *env, args []string) error {
		f := newFlags("open")
		db := f.String("db", "", "")
		if err := f.parse(args); err != nil {
			return err
		}
		if code := openApp(*db); code != 0 {
			return fmt.Errorf("无法打开桌面程序")
		}
		return nil
	}})
}

// openApp runs the desktop app on the workspace at path (the default workspace when empty).
func openApp(path string) (code int) {
	start := time.Now()
	if msg := app.NoDisplay(); msg != "" {
		fmt.Fprintln(os.Stderr, "gongping:", msg)
		return 1
	}
	// A graphics driver that cannot start panics inside Fyne; say so in one line instead of a stack trace.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "gongping: 无法打开桌面程序 (cannot start the desktop app): %v\n", r)
			code = 1
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
		fmt.Fprintln(os.Stderr, "gongping:", err)
		app.ShowStartupError(w, err)
		w.ShowAndRun()
		return 1
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
	if err := u.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "gongping:", err)
		return 1
	}
	return 0
}
