package cli

import "errors"

// OpenWindow opens the desktop window on the workspace at path (the default workspace when empty). The
// package imports no Fyne: main sets it to the window; the nogui build, which has none, leaves this one.
var OpenWindow = func(path string) error {
	return errors.New("这是只含命令行的版本（nogui），不能打开桌面窗口：请使用带窗口的公评，或运行 gongping help 查看命令")
}

func init() {
	register(&command{name: "open", usage: "[--db F]", run: func(e *env, args []string) error {
		f, db := dbFlags("open")
		if err := f.parseFlagsOnly(args); err != nil {
			return err
		}
		return OpenWindow(*db)
	}})
}
