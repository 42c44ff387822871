package data

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file the user asked for (a report, an exported scheme) through a temporary file
// in the same folder, renamed into place, so a failed or cancelled write never leaves half a file where the
// old one was.
func WriteFileAtomic(path string, fn func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gongping-*")
	if err != nil {
		return &InputError{Msg: fmt.Sprintf("无法在 %s 写入文件：%v", filepath.Dir(path), err), Err: err}
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file private (0600); these files are meant to be shared and published.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &InputError{Msg: fmt.Sprintf("无法写入 %s（文件是否正在被其他程序打开？）：%v", path, err), Err: err}
	}
	return nil
}

// ReadFileLimited reads a small file the user chose (a scheme), refusing one larger than max bytes.
func ReadFileLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &InputError{Msg: fmt.Sprintf("无法打开 %s：%v", path, err), Err: err}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &InputError{Msg: fmt.Sprintf("无法读取 %s：%v", path, err), Err: err}
	}
	if int64(len(b)) > max {
		return nil, &InputError{Msg: fmt.Sprintf("%s 超过 %d MB，不是评价方案文件", filepath.Base(path), max>>20)}
	}
	return b, nil
}
