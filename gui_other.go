//go:build !windows && !nogui

package main

// showNativeError has nothing more to show off Windows: the message went to standard error.
func showNativeError(title, text string) {}
