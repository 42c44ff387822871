package chart

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// NoFontError is PNG's error when the computer has no font that can draw Chinese text: the caller
// publishes the SVG alone.
type NoFontError struct {
	Searched []string // the places looked in
}

func (e *NoFontError) Error() string {
	return "本机未找到可显示中文的字体（如微软雅黑、宋体、思源黑体），图表只能以矢量图（SVG）输出"
}

// sample must all have glyphs in the font PNG uses.
const sample = "评估得分指标重要性表现"

// face is a loaded font: the file stays open for the life of the process (the fonts are 10–30 MB;
// glyphs are read as they are drawn).
type face struct {
	path string
	f    *sfnt.Font
}

var (
	fontOnce sync.Once
	fontFace *face
	fontErr  error
	// fontCandidates lists the font files to try, best first (a variable so tests can take it away).
	fontCandidates = systemFonts
)

// cjkFont finds, once, a system font with Chinese glyphs.
func cjkFont() (*face, error) {
	fontOnce.Do(func() { fontFace, fontErr = findFont(fontCandidates()) })
	return fontFace, fontErr
}

// maxTries bounds how many font files are opened looking for Chinese glyphs (a TeX installation has
// thousands).
const maxTries = 400

func findFont(files, searched []string) (*face, error) {
	for i, p := range files {
		if i == maxTries {
			break
		}
		if f := openFace(p); f != nil {
			return f, nil
		}
	}
	return nil, &NoFontError{Searched: searched}
}

// openFace opens the font (or, in a collection, the Simplified Chinese face) at p if it draws Chinese.
func openFace(p string) *face {
	fi, err := os.Stat(p)
	if err != nil || fi.IsDir() || fi.Size() > 128<<20 {
		return nil
	}
	file, err := os.Open(p)
	if err != nil {
		return nil
	}
	coll, err := sfnt.ParseCollectionReaderAt(file)
	if err != nil {
		file.Close()
		return nil
	}
	var buf sfnt.Buffer
	var pick *sfnt.Font
	for i := range coll.NumFonts() {
		f, err := coll.Font(i)
		if err != nil || !covers(f, &buf) {
			continue
		}
		if pick == nil {
			pick = f
		}
		// In a collection of regional variants (Noto/Source Han), the SC face draws the forms
		// mainland readers expect.
		if name, _ := f.Name(&buf, sfnt.NameIDFamily); strings.HasSuffix(name, " SC") || strings.Contains(name, "SC ") {
			pick = f
			break
		}
	}
	if pick == nil {
		file.Close()
		return nil
	}
	return &face{path: p, f: pick}
}

func covers(f *sfnt.Font, buf *sfnt.Buffer) bool {
	for _, r := range sample {
		if i, err := f.GlyphIndex(buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// systemFonts lists the font files to try on this computer, best first, and where it looked.
func systemFonts() (files, searched []string) {
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs := []string{filepath.Join(win, "Fonts")}
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		for _, d := range dirs {
			for _, n := range []string{"msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "Deng.ttf", "simkai.ttf", "simfang.ttf"} {
				files = append(files, filepath.Join(d, n))
			}
		}
		return files, dirs
	case "darwin":
		files = []string{"/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/Hiragino Sans GB.ttc",
			"/System/Library/Fonts/STHeiti Medium.ttc", "/System/Library/Fonts/STHeiti Light.ttc",
			"/System/Library/Fonts/Supplemental/Songti.ttc", "/Library/Fonts/Arial Unicode.ttf"}
		return files, []string{"/System/Library/Fonts", "/Library/Fonts"}
	}
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		dirs = append(dirs, filepath.Join(d, "fonts"))
	}
	if h, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(h, ".local", "share", "fonts"), filepath.Join(h, ".fonts"))
	}
	return rankFonts(walkFonts(dirs)), dirs
}

// walkFonts lists the font files under dirs (fontconfig is not needed: its directories are these).
func walkFonts(dirs []string) []string {
	var files []string
	for _, d := range dirs {
		filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".ttc", ".otf", ".otc":
				files = append(files, p)
			}
			return nil
		})
	}
	return files
}

// rankFonts orders font files by how likely they are a good Chinese sans-serif: Noto Sans CJK / Source
// Han Sans, then WenQuanYi, then other fonts named as CJK, then the rest (each is checked for Chinese
// glyphs when tried); regular weights before others.
func rankFonts(files []string) []string {
	rank := func(p string) int {
		n := strings.ToLower(filepath.Base(p))
		n = strings.NewReplacer("-", "", "_", "", " ", "").Replace(n)
		r := 60
		switch {
		case strings.Contains(n, "notosanscjk"), strings.Contains(n, "sourcehansans"), strings.Contains(n, "notosanssc"):
			r = 0
		case strings.Contains(n, "wqy"), strings.Contains(n, "wenquanyi"):
			r = 10
		case strings.Contains(n, "droidsansfallback"), strings.Contains(n, "notoserifcjk"), strings.Contains(n, "sourcehanserif"),
			strings.Contains(n, "cjk"), strings.Contains(n, "ukai"), strings.Contains(n, "uming"), strings.Contains(n, "arphic"):
			r = 20
		}
		for _, w := range []string{"bold", "black", "heavy", "light", "thin", "medium", "semibold", "extralight", "mono"} {
			if strings.Contains(n, w) {
				r += 5
				break
			}
		}
		return r
	}
	sort.SliceStable(files, func(i, j int) bool {
		ri, rj := rank(files[i]), rank(files[j])
		if ri != rj {
			return ri < rj
		}
		return files[i] < files[j]
	})
	return files
}
