//go:build linux || freebsd || openbsd || netbsd

package app

import "github.com/rymdport/portal/settings/appearance"

// desktopHasColourScheme tells whether the desktop portal answers for its colour scheme (even "no
// preference", which Fyne takes as light): then the variant Fyne passes is the system's.
func desktopHasColourScheme() bool {
	_, err := appearance.GetColorScheme()
	return err == nil
}
