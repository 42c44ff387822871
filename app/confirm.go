package app

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// confirm asks before an action. The confirm button says what it does (verb: 删除, 合并, 恢复…), the other
// reads 取消 (Fyne's own confirm reads 是/不, which no Chinese desktop says). do runs when confirmed.
func (u *UI) confirm(title, message, verb string, do func()) dialog.Dialog {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			do()
		}
	}, u.Win)
	d.SetConfirmText(verb)
	d.SetDismissText(lang.L("Cancel"))
	d.Show()
	return d
}
