//go:build nogui

package main

import "errors"

// The nogui build (go build -tags nogui) is the command line alone: pure Go, no cgo, no OpenGL, so it
// cross-compiles to every platform (loong64 included) in seconds and runs on servers without a display.

func openApp(string) error {
	return errors.New("这是只含命令行的版本（nogui），不能打开桌面窗口：请使用带窗口的公评，或运行 gongping help 查看命令")
}
