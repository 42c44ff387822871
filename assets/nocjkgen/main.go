// Command nocjkgen draws nocjk.png: the window's "no Chinese font" notice as a picture, because on a computer
// without any CJK font the notice itself could not be drawn as text. Run by `go generate ./assets` on a
// machine that has a CJK font (Debian: fonts-noto-cjk); the picture is committed.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// lines is the notice, one picture line each (the window shows it at half size, for sharp text on
// 200% screens).
var lines = []string{
	"这台电脑没有中文字体，公评窗口中的汉字会显示为方框。",
	"请安装一种中文字体后重新打开公评：",
	"麒麟、统信及其他 Linux：安装 fonts-noto-cjk 或文泉驿字体；",
	"Windows：在“设置 → 时间和语言 → 语言”中添加中文（简体）。",
	"命令行 gongping 不受影响，可照常导入、评分和生成报告。",
}

func main() {
	fontPath := flag.String("font", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "a CJK font (.ttc or .ttf)")
	out := flag.String("o", "nocjk.png", "output PNG")
	flag.Parse()
	b, err := os.ReadFile(*fontPath)
	if err != nil {
		log.Fatal(err)
	}
	var f *opentype.Font
	if c, err := opentype.ParseCollection(b); err == nil {
		// Noto Sans CJK's collection: pick the Simplified Chinese face by its name.
		for i := 0; i < c.NumFonts(); i++ {
			g, err := c.Font(i)
			if err != nil {
				log.Fatal(err)
			}
			var buf sfnt.Buffer
			if name, err := g.Name(&buf, sfnt.NameIDFull); err == nil && (name == "Noto Sans CJK SC" || f == nil) {
				f = g
			}
		}
	} else if f, err = opentype.Parse(b); err != nil {
		log.Fatal(err)
	}
	const size, lineHeight, pad = 32, 52, 24
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		log.Fatal(err)
	}
	width := 0
	for _, l := range lines {
		if w := font.MeasureString(face, l).Ceil(); w > width {
			width = w
		}
	}
	img := image.NewNRGBA(image.Rect(0, 0, width+2*pad, len(lines)*lineHeight+2*pad-(lineHeight-size)))
	draw.Draw(img, img.Bounds(), image.Transparent, image.Point{}, draw.Src)
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.NRGBA{0x80, 0x80, 0x80, 0xff}), Face: face}
	for i, l := range lines {
		d.Dot = fixed.P(pad, pad+size*7/8+i*lineHeight)
		d.DrawString(l)
	}
	w, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(w, img); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
}
