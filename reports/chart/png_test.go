package chart

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// needFont skips a test on a computer without a Chinese font (PNG then answers *NoFontError).
func needFont(t *testing.T) *face {
	t.Helper()
	f, err := cjkFont()
	var nf *NoFontError
	if errors.As(err, &nf) {
		t.Skipf("no Chinese font here (looked in %v)", nf.Searched)
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestPNG(t *testing.T) {
	f := needFont(t)
	t.Logf("font %s", f.path)
	out := os.Getenv("CHART_PNG_DIR") // set it to look at the images
	for name, c := range samples {
		b, err := PNG(c, 2)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		w, h := Size(c)
		if got := img.Bounds().Size(); got.X != 2*w || got.Y != 2*h {
			t.Errorf("%s: %v, want %dx%d", name, got, 2*w, 2*h)
		}
		if out != "" {
			os.WriteFile(filepath.Join(out, name+".png"), b, 0o644)
		}
	}
}
