//go:build windows && !nogui

package main

import "golang.org/x/sys/windows"

// showNativeError shows a Windows message box: a window program has no console to print to.
func showNativeError(title, text string) {
	t, _ := windows.UTF16PtrFromString(title)
	m, _ := windows.UTF16PtrFromString(text)
	windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR)
}
