package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/sqweek/dialog"
)

// On Windows the file dialogs are the system's (comdlg32's Explorer dialog, through sqweek/dialog).
func init() { systemDialogs = winDialogs{} }

type winDialogs struct{}

func filter(b *dialog.FileBuilder, exts []string) *dialog.FileBuilder {
	if len(exts) == 0 {
		return b
	}
	var es []string
	for _, e := range exts {
		es = append(es, strings.TrimPrefix(e, "."))
	}
	return b.Filter(lang.L("Supported files"), es...).Filter(lang.L("All files"), "*")
}

func answer(path string, err error) (string, error) {
	if errors.Is(err, dialog.ErrCancelled) {
		return "", errPickCancelled
	}
	return path, err
}

func (winDialogs) open(title string, exts []string, dir string) (string, error) {
	return answer(filter(dialog.File().Title(title), exts).SetStartDir(dir).Load())
}

func (winDialogs) save(title, name string, exts []string, dir string) (string, error) {
	return answer(filter(dialog.File().Title(title), exts).SetStartDir(dir).SetStartFile(name).Save())
}

func (winDialogs) folder(title, dir string) (string, error) {
	return answer(dialog.Directory().Title(title).SetStartDir(dir).Browse())
}
