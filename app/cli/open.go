package cli

import (
	"errors"

	"github.com/gongping/gongping/data"
)

// openCmd opens the window; --db is its own (not required: the default workspace when it is not given).
// What OpenWindow returns is a message for the user (no display, no OpenGL, the workspace's own error).
func openCmd(f *flags) action {
	db := f.String("db", "", "工作区文件（.gpw；默认：用户数据文件夹中的默认工作区）")
	return func(e *env) error {
		err := OpenWindow(*db)
		var ie *data.InputError
		if err != nil && !errors.As(err, &ie) {
			return &data.InputError{Msg: err.Error(), Err: err}
		}
		return err
	}
}
