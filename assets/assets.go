// Package assets holds the files GongPing embeds: the app icon and the UI translations. It imports no
// Fyne so that reports/ can use it too; app/ wraps the bytes in fyne resources.
package assets

import "embed"

//go:generate go run ./icongen -o icon.png
//go:generate go run ./nocjkgen -o nocjk.png

// IconPNG is the app icon (512×512 PNG), drawn by icongen.
//
//go:embed icon.png
var IconPNG []byte

// Translations holds translations/<area>.<lang>.json: flat JSON objects from English key to text,
// one pair (zh-Hans, en) per area of the app.
//
//go:embed translations
var Translations embed.FS

// NoCJKPNG is the window's notice that the computer has no Chinese font, drawn as a picture by nocjkgen
// (as text it would show as boxes on exactly the computers that need it).
//
//go:embed nocjk.png
var NoCJKPNG []byte
