// Command icongen draws GongPing's icon: a white balance scale (公评 — public weighing of a policy)
// on a rounded Chinese-red square. Run by `go generate ./assets`; no fonts or external tools needed.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const size = 512

// shape reports whether the point (x, y), in units of the icon's size (0..1), is inside a shape.
type shape func(x, y float64) bool

func roundRect(x0, y0, x1, y1, r float64) shape {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
}

// segment is a line with round caps of half-width w.
func segment(ax, ay, bx, by, w float64) shape {
	return func(x, y float64) bool {
		dx, dy := bx-ax, by-ay
		t := ((x-ax)*dx + (y-ay)*dy) / (dx*dx + dy*dy)
		t = math.Max(0, math.Min(1, t))
		px, py := ax+t*dx-x, ay+t*dy-y
		return px*px+py*py <= w*w
	}
}

// bowl is the lower half of a ring-less disc: a scale pan hanging at (cx, cy).
func bowl(cx, cy, r float64) shape {
	return func(x, y float64) bool {
		return y >= cy && (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
}

func union(ss ...shape) shape {
	return func(x, y float64) bool {
		for _, s := range ss {
			if s(x, y) {
				return true
			}
		}
		return false
	}
}

func main() {
	out := flag.String("o", "icon.png", "output PNG")
	flag.Parse()
	bg := roundRect(0.04, 0.04, 0.96, 0.96, 0.2)
	const w = 0.022
	fg := union(
		segment(0.5, 0.2, 0.5, 0.76, w),     // post
		segment(0.36, 0.78, 0.64, 0.78, w),  // base
		segment(0.22, 0.3, 0.78, 0.3, w),    // beam
		segment(0.5, 0.16, 0.5, 0.2, w*1.6), // knob
		segment(0.22, 0.3, 0.13, 0.52, w*0.6), segment(0.22, 0.3, 0.31, 0.52, w*0.6),
		segment(0.78, 0.3, 0.69, 0.52, w*0.6), segment(0.78, 0.3, 0.87, 0.52, w*0.6),
		bowl(0.22, 0.52, 0.11), bowl(0.78, 0.52, 0.11),
	)
	red := color.NRGBA{0xC8, 0x10, 0x2E, 0xFF}
	white := color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 4 // supersampling per axis, for smooth edges
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var nbg, nfg int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) / size
					y := (float64(py) + (float64(sy)+0.5)/ss) / size
					if bg(x, y) {
						nbg++
						if fg(x, y) {
							nfg++
						}
					}
				}
			}
			if nbg == 0 {
				continue
			}
			// Mix white over red by the foreground share; alpha is the background coverage.
			f := float64(nfg) / float64(nbg)
			mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-f) + float64(b)*f)) }
			img.SetNRGBA(px, py, color.NRGBA{mix(red.R, white.R), mix(red.G, white.G), mix(red.B, white.B),
				uint8(math.Round(255 * float64(nbg) / ss / ss))})
		}
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
