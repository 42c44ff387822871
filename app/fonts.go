package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/fontscan"

	"github.com/gongping/gongping/assets"
)

// noCJKEnglish is the notice's English half: on a computer without a Chinese font it is the only text
// the window can draw, so it stands beside the picture of the Chinese text.
const noCJKEnglish = "No Chinese font was found on this computer, so Chinese text shows as boxes. " +
	"Install a Chinese font (Linux: fonts-noto-cjk or WenQuanYi; Windows: add the Chinese (Simplified) language) " +
	"and reopen GongPing. The command line (gongping) is not affected."

// HasCJKFont tells whether the window can draw Chinese: Fyne's bundled font has no CJK glyphs and falls
// back to the system's fonts, scanned the way Fyne scans them (go-text fontscan, whose cache Fyne shares).
// FYNE_FONT names a font the user chose; it is taken as able. A scan that fails (no fonts at all, as in a
// bare Wine) leaves Fyne without any fallback too, so that is no Chinese font.
func HasCJKFont() bool {
	if os.Getenv("FYNE_FONT") != "" {
		return true
	}
	fm := fontscan.NewFontMap(quietLog{})
	if err := fm.UseSystemFonts(""); err != nil {
		return false
	}
	fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	face := fm.ResolveFace('公') // any face comes back when none covers the rune: check it does
	if face == nil {
		return false
	}
	_, ok := face.NominalGlyph('公')
	return ok
}

type quietLog struct{}

func (quietLog) Printf(string, ...any) {}

// WarnIfNoCJKFont checks for a Chinese font off the UI goroutine and, when there is none, says so once
// (on standard error as well, for a terminal that has one).
func WarnIfNoCJKFont(w fyne.Window) {
	go func() {
		if HasCJKFont() {
			return
		}
		fmt.Fprintln(os.Stderr, "gongping:", noCJKEnglish)
		fyne.Do(func() { showNoCJK(w) })
	}()
}

func showNoCJK(w fyne.Window) {
	img := canvas.NewImageFromResource(fyne.NewStaticResource("nocjk.png", assets.NoCJKPNG))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(507, 144)) // the picture at half size: sharp on 200% screens
	en := widget.NewLabel(noCJKEnglish)
	en.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("GongPing", "OK", container.NewVBox(img, en), w)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}
