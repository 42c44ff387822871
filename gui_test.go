//go:build !nogui

package main

import (
	"bytes"
	"testing"
)

// With no OpenGL, Fyne (Linux) or GLFW (Windows) logs one line and then waits for ever with no window:
// the log watch turns exactly those lines into the message and the exit, and passes every line on.
func TestNoOpenGLIsNoticed(t *testing.T) {
	for line, fatal := range map[string]bool{
		"2026/12/01 23:30:15 Fyne error:  window creation error\n":                                                       true,
		"2026/12/01 23:32:46 PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle.\n": true,
		"  Cause: APIUnavailable: GLX: GLX extension not found\n":                                                        true,
		"2026/12/01 23:30:15 Fyne error:  Failed to load translation\n":                                                  false,
	} {
		var out bytes.Buffer
		failed := false
		w := logWatch{&out, func() { failed = true }}
		w.Write([]byte(line))
		if failed != fatal || out.String() != line {
			t.Errorf("%q: failed %v (want %v), passed on %q", line, failed, fatal, out.String())
		}
	}
}
