// Package assets holds the files GongPing embeds: the app icon and the UI translations. It imports no
// Fyne so that reports/ can use it too; app/ wraps the bytes in fyne resources.
package assets

import "embed"

//go:generate go run ./icongen -o icon.png

// IconPNG is the app icon (512×512 PNG), drawn by icongen.
//
//go:embed icon.png
var IconPNG []byte

// Translations holds translations/<area>.<lang>.json: flat JSON objects from English key to text,
// one pair (zh-Hans, en) per area of the app.
//
//go:embed translations
var Translations embed.FS
