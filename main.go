// Command gongping (公评) evaluates the public effect of policy implementation: with no arguments it opens
// the desktop app; with a subcommand it runs that job on the command line.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strings"

	"github.com/gongping/gongping/app/cli"
)

func main() {
	cli.OpenWindow = openApp
	args := os.Args[1:]
	// No arguments, or just a workspace file (a double-click on a .gpw: the desktop entry's and the Windows
	// file association's command line): the window.
	if len(args) == 0 || (len(args) == 1 && strings.EqualFold(filepath.Ext(args[0]), ".gpw")) {
		path := ""
		if len(args) == 1 {
			path = args[0]
		}
		if err := openApp(path); err != nil {
			fmt.Fprintln(os.Stderr, "gongping:", strings.Join(strings.Fields(err.Error()), " "))
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stopProfile := startProfile(os.Getenv("GONGPING_CPUPROFILE"))
	code := cli.Run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
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
