// Command gongping (公评) evaluates the public effect of policy implementation: with no arguments, or just
// a workspace file (a double-click on a .gpw), it opens the desktop app; with a command it runs that job on
// the command line (package app/cli). Built with -tags nogui it is the command line alone: pure Go, no cgo,
// no OpenGL, so it cross-compiles to every platform (loong64 included) and runs on servers without a display.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/gongping/gongping/app/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) == 0 || (len(args) == 1 && strings.EqualFold(filepath.Ext(args[0]), ".gpw")) {
		if err := cli.OpenWindow(strings.Join(args, "")); err != nil { // the .gpw, or "": the default workspace
			fmt.Fprintln(os.Stderr, "gongping:", strings.Join(strings.Fields(err.Error()), " "))
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stopProfile := startProfile(os.Getenv("GONGPING_CPUPROFILE")) // os.Exit runs no deferred call
	code := cli.Run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}
