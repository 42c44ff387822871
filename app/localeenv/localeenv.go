// Package localeenv quiets Fyne's locale lookup in "C.UTF-8" environments (containers, CI, servers).
// Fyne's lang package reads LC_ALL / LC_MESSAGES / LANG when it initialises and logs a three-line
// "Error parsing user locale C" for C.UTF-8 on every run — noise on the command line's stderr, which the
// CLI contract keeps to one line. Importing this package for its side effect sets LANGUAGE=en in that case
// (C means English). It imports only the standard library, so under Go's package initialisation order
// (dependencies first, then the lexically smallest ready import path) it runs before fyne's lang package
// is ready: lang waits for github.com/jeandeaual/go-locale, which sorts after this path.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
