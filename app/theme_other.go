//go:build !(linux || freebsd || openbsd || netbsd)

package app

// desktopHasColourScheme: Windows and macOS always say (Fyne reads their setting itself).
func desktopHasColourScheme() bool { return true }
