package app

import (
	"errors"
	"fmt"
	"io/fs"
	"log"

	"fyne.io/fyne/v2/lang"

	"github.com/gongping/gongping/data"
)

// userText is what the window says about err, in the user's language: an InputError's text as it is
// (written for users), a missing file or a refused access with the file's name, and anything else as an
// internal error in one short line (the library's own text, often English such as "zip: not a valid zip
// file", is logged, and copied by 复制详细信息, never shown). internal tells which it was.
func userText(err error) (msg string, internal bool) {
	var ie *data.InputError
	var pe *fs.PathError
	switch {
	case errors.As(err, &ie):
		return err.Error(), false
	case errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf(lang.L("The file %s is not there (moved, renamed or deleted?). Choose it again."), pe.Path), false
	case errors.As(err, &pe) && errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf(lang.L("GongPing may not read or write %s. Check the file's permissions, or use another folder."), pe.Path), false
	}
	log.Printf("gongping: internal error: %v", err)
	return lang.L("Internal error: ") + lang.L("this step could not be finished. Try again; if it happens again, click “Copy details” and send them to whoever supports GongPing."), true
}
