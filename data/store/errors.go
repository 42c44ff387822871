package store

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"

	"modernc.org/sqlite"

	"github.com/gongping/gongping/data"
)

// ErrNewerWorkspace is returned when a workspace was written by a newer GongPing.
var ErrNewerWorkspace = errors.New("workspace was written by a newer version of GongPing")

// What went wrong with a workspace file; wrapped by the InputError that says it in Chinese (Explain).
var (
	// ErrDamaged: SQLite finds the file damaged (quick_check fails, SQLITE_CORRUPT or SQLITE_NOTADB).
	ErrDamaged = errors.New("workspace is damaged")
	// ErrReadOnly: the workspace was opened read-only, or SQLite cannot write it (SQLITE_READONLY).
	ErrReadOnly = errors.New("workspace is read-only")
	// ErrDiskFull: the disk (or SQLite's page limit) is full (SQLITE_FULL).
	ErrDiskFull = errors.New("disk is full")
	// ErrForeign: the file is not a GongPing workspace (another application's SQLite file, or no SQLite
	// file at all); it was left untouched.
	ErrForeign = errors.New("not a GongPing workspace")
)

// SQLite primary result codes (https://sqlite.org/rescode.html).
const (
	codeBusy     = 5
	codeLocked   = 6
	codeReadOnly = 8
	codeIOErr    = 10
	codeCorrupt  = 11
	codeFull     = 13
	codeCantOpen = 14
	codeNotADB   = 26
)

// sqliteCode is the primary result code of the SQLite error in err's chain, 0 when there is none.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

func isCode(err error, codes ...int) bool {
	c := sqliteCode(err)
	for _, x := range codes {
		if c == x && c != 0 {
			return true
		}
	}
	return false
}

// Explain is the one place that turns what SQLite and the file system say about the workspace file at
// path (damage, a full disk, a read-only file, a file that cannot be opened) into an InputError whose
// Chinese message says what happened and what to do; the original error stays in its chain. Other errors,
// and InputErrors, come back as they are.
func Explain(err error, path string) error {
	if err == nil {
		return nil
	}
	var ie *data.InputError
	if errors.As(err, &ie) {
		return err
	}
	switch sqliteCode(err) {
	case codeCorrupt, codeNotADB:
		return damaged(path, err)
	case codeFull:
		return diskFull(path, err)
	case codeReadOnly:
		return readOnly(path, err)
	case codeCantOpen:
		return &data.InputError{Msg: fmt.Sprintf("无法打开工作区文件 %s：请检查文件和所在文件夹是否存在、是否有访问权限", path), Err: err}
	case codeIOErr:
		if errors.Is(err, syscall.ENOSPC) {
			return diskFull(path, err)
		}
		return &data.InputError{Msg: fmt.Sprintf("读写工作区 %s 时出错（磁盘或网络共享故障）：请检查磁盘或网络连接后重试；反复出现时请恢复最近的自动备份", path), Err: err}
	case codeBusy, codeLocked:
		return &data.InputError{Msg: fmt.Sprintf("工作区 %s 正被另一个公评窗口或程序使用，请稍后再试，或先关闭另一个窗口", path), Err: err}
	}
	// A file-system error names its own file (an import, a report folder), which need not be the workspace.
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path = pe.Path
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return diskFull(path, err)
	case errors.Is(err, syscall.EROFS):
		return &data.InputError{Msg: fmt.Sprintf("无法写入 %s：它所在的磁盘或共享是只读的，请换一个可写的位置", path), Err: errors.Join(ErrReadOnly, err)}
	}
	return err
}

func diskFull(path string, err error) error {
	return &data.InputError{Msg: fmt.Sprintf("磁盘空间不足，正在进行的这一步修改没有保存（SQLite 已把它撤销，工作区完好）：请清理 %s 所在的磁盘（至少留出工作区大小两倍的空间）后重试", filepath.Dir(absPath(path))), Err: errors.Join(ErrDiskFull, err)}
}

func readOnly(path string, err error) error {
	return &data.InputError{Msg: fmt.Sprintf("工作区 %s 是只读的（文件或所在文件夹不可写），只能查看，不能修改：要修改，请把它复制到可写的文件夹后再打开", path), Err: errors.Join(ErrReadOnly, err)}
}

// ReadOnlyError is the refusal of a change to a read-only workspace.
func ReadOnlyError(path string) error { return readOnly(path, nil) }

func notWorkspace(path, why string) error {
	return &data.InputError{Msg: fmt.Sprintf("%s 不是公评工作区：%s。公评没有改动这个文件。请选择公评的工作区文件（.gpw），或用一个新的文件名新建工作区", path, why), Err: ErrForeign}
}

// damaged says that the workspace is damaged and names the way back: its latest automatic backup.
func damaged(path string, cause error) error {
	msg := fmt.Sprintf("工作区 %s 已损坏（SQLite 检查未通过：%v），公评不再读写它，以免损失更多数据。", path, cause)
	if bs, _ := ListBackups(path); len(bs) > 0 {
		b := bs[0]
		msg += fmt.Sprintf("请在“文件 → 自动备份”中恢复最近的自动备份 %s（%s，%s）；损坏的文件会先另存一份。",
			b.Name, b.Time.Format("2006-01-02 15:04"), b.What)
		return &data.InputError{Msg: msg, Err: errors.Join(ErrDamaged, cause), CLIHint: "gongping backup restore --db " + path + " --backup " + b.Name}
	}
	msg += "这个工作区还没有自动备份：请用您另存的副本（文件 → 保存副本）替换它，或把文件交给技术人员抢救。"
	return &data.InputError{Msg: msg, Err: errors.Join(ErrDamaged, cause)}
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
