package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/gongping/gongping/data"
)

// Automatic backups (自动备份): before a step that removes or freezes data (deleting an import, replacing a
// scheme, publishing) the workspace is copied, consistently (SaveCopy: VACUUM INTO and an integrity check),
// into the folder <workspace>.backups beside it. The newest KeepBackups are kept.
//
// Beside the workspace, not in the user's config folder: a backup belongs to its file, so it moves, is
// copied and is found with it (a team's workspace on a shared drive keeps its backups there too), and the
// message for a damaged workspace can name a file the user sees next to it.

// KeepBackups is how many automatic backups a workspace keeps (the newest).
const KeepBackups = 5

// Why a backup was made: the step it was made before. It is part of the backup's file name.
const (
	BackupSurveyDelete  = "survey-delete"  // before a survey import was deleted
	BackupOpinionDelete = "opinion-delete" // before opinions (or an opinion import) were deleted
	BackupScheme        = "scheme"         // before a policy's scheme was replaced
	BackupPublish       = "publish"        // before a publication froze what was published
	BackupRestore       = "restore"        // the workspace as it was before a backup was restored over it
	BackupDamaged       = "damaged"        // a damaged workspace's own bytes, kept before a backup replaced it
)

var backupWhat = map[string]string{
	BackupSurveyDelete:  "删除问卷导入之前",
	BackupOpinionDelete: "删除意见之前",
	BackupScheme:        "替换评价方案之前",
	BackupPublish:       "公开之前",
	BackupRestore:       "恢复备份之前的工作区",
	BackupDamaged:       "恢复备份之前的损坏文件（原样保存）",
}

// Backup is one automatic backup of a workspace.
type Backup struct {
	Name   string    `json:"name"` // file name inside BackupDir, what `backup restore --backup` takes
	Path   string    `json:"path"`
	Time   time.Time `json:"time"`
	Reason string    `json:"reason"` // BackupSurveyDelete, …
	What   string    `json:"what"`   // the reason in Chinese
	Size   int64     `json:"size"`   // bytes
}

// BackupDir is the folder holding the automatic backups of the workspace at path.
func BackupDir(path string) string { return absPath(path) + ".backups" }

const backupStamp = "20060102-150405.000"

var backupName = regexp.MustCompile(`^(\d{8}-\d{6}\.\d{3})-([a-z]+(?:-[a-z]+)*)\.gpw$`)

// ListBackups returns the workspace's automatic backups, newest first (none when it has no backup folder).
func ListBackups(path string) ([]Backup, error) {
	dir := BackupDir(path)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []Backup{}, nil
	}
	if err != nil {
		return nil, Explain(err, dir)
	}
	out := []Backup{}
	for _, e := range ents {
		m := backupName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, m[1], time.Local)
		if err != nil {
			continue
		}
		b := Backup{Name: e.Name(), Path: filepath.Join(dir, e.Name()), Time: t, Reason: m[2], What: backupWhat[m[2]]}
		if b.What == "" {
			b.What = m[2]
		}
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name > out[j].Name })
	return out, nil
}

// Backup writes an automatic backup of the workspace (reason says before what) and keeps the newest
// KeepBackups.
func (s *Store) Backup(ctx context.Context, reason string) (Backup, error) {
	b, err := s.backup(ctx, reason)
	if err != nil {
		return b, err
	}
	pruneBackups(s.Path, b.Name)
	return b, nil
}

// WithBackup runs fn, a step that removes or freezes data, after an automatic backup; when fn fails the
// backup is removed again (nothing changed), so refused steps do not push good backups out. A read-only
// workspace refuses at once; a backup that cannot be written stops the step.
func (s *Store) WithBackup(ctx context.Context, reason string, fn func() error) error {
	if s.ReadOnly {
		return ReadOnlyError(s.Path)
	}
	b, err := s.backup(ctx, reason)
	if err != nil {
		return err
	}
	if err := fn(); err != nil {
		os.Remove(b.Path)
		return err
	}
	pruneBackups(s.Path, b.Name)
	return nil
}

func (s *Store) backup(ctx context.Context, reason string) (Backup, error) {
	dir := BackupDir(s.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Backup{}, backupFailed(s.Path, err)
	}
	name, dest, t := uniqueBackupName(dir, reason)
	if err := s.SaveCopy(ctx, dest); err != nil {
		if errors.Is(err, context.Canceled) {
			return Backup{}, err
		}
		return Backup{}, backupFailed(s.Path, err)
	}
	return Backup{Name: name, Path: dest, Time: t, Reason: reason, What: backupWhat[reason], Size: fileSize(dest)}, nil
}

// uniqueBackupName names a new backup by the time (to the millisecond), waiting for the next millisecond
// when that name is taken.
func uniqueBackupName(dir, reason string) (name, path string, t time.Time) {
	for {
		t = time.Now().Truncate(time.Millisecond)
		name = t.Format(backupStamp) + "-" + reason + ".gpw"
		path = filepath.Join(dir, name)
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return name, path, t
		}
		time.Sleep(time.Millisecond)
	}
}

func backupFailed(path string, err error) error {
	return &data.InputError{Msg: fmt.Sprintf("无法自动备份工作区（%v），为安全起见这一步没有执行", Explain(err, BackupDir(path))), Err: err}
}

// pruneBackups removes all but the newest KeepBackups, never the one named keep.
func pruneBackups(path, keep string) {
	bs, err := ListBackups(path)
	if err != nil {
		return
	}
	n := 0
	for _, b := range bs {
		if b.Name == keep {
			continue
		}
		n++
		if n >= KeepBackups {
			os.Remove(b.Path)
			os.Remove(b.Path + "-wal") // a damaged file's log, kept with it
		}
	}
}

// RestoreResult says what RestoreBackup did.
type RestoreResult struct {
	Restored Backup  `json:"restored"`
	Kept     *Backup `json:"kept"` // the workspace as it was before, kept as a backup (nil when there was no file)
}

// RestoreBackup replaces the workspace at path with its automatic backup name. The current file is kept
// first, as a backup of its own (a consistent copy, or its bytes as they are when it is damaged), so a
// restore can itself be undone. Nothing may have the workspace open.
func RestoreBackup(ctx context.Context, path, name string) (RestoreResult, error) {
	var res RestoreResult
	bs, err := ListBackups(path)
	if err != nil {
		return res, err
	}
	found := false
	for _, b := range bs {
		if b.Name == name {
			res.Restored, found = b, true
		}
	}
	if !found {
		return res, &data.InputError{Msg: fmt.Sprintf("工作区 %s 没有名为 %q 的自动备份（可在“文件 → 自动备份”中查看各份备份）", path, name),
			CLIHint: "gongping backup list --db " + path}
	}
	if info, err := inspect(res.Restored.Path); err != nil || info.kind == kindNew {
		return res, data.InputErrorf("自动备份 %s 无法使用（%v），请选择另一个备份", name, err)
	}
	if _, err := os.Stat(path); err == nil && !CanWrite(path) {
		return res, ReadOnlyError(path)
	}
	kept, err := keepCurrent(ctx, path)
	if err != nil {
		return res, err
	}
	res.Kept = kept
	if inUse(path) {
		if kept != nil {
			os.Remove(kept.Path)
		}
		return res, data.InputErrorf("工作区 %s 正被另一个公评窗口或程序使用：请先关闭它，再恢复备份", path)
	}
	if err := replaceFile(res.Restored.Path, path); err != nil {
		return res, Explain(fmt.Errorf("restore backup: %w", err), path)
	}
	keep := res.Restored.Name
	pruneBackups(path, keep)
	return res, nil
}

// keepCurrent saves the workspace at path as a backup before it is replaced: a consistent copy when it
// reads as a workspace, else its bytes (and its write-ahead log) as they are.
func keepCurrent(ctx context.Context, path string) (*Backup, error) {
	if fileSize(path) == 0 {
		return nil, nil
	}
	if s, err := OpenReadOnly(path); err == nil {
		b, err := s.backup(ctx, BackupRestore)
		s.Close()
		if err != nil {
			return nil, err
		}
		return &b, nil
	}
	dir := BackupDir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, backupFailed(path, err)
	}
	name, dest, t := uniqueBackupName(dir, BackupDamaged)
	if err := copyFile(path, dest); err != nil {
		return nil, backupFailed(path, err)
	}
	if fileSize(path+"-wal") > 0 {
		if err := copyFile(path+"-wal", dest+"-wal"); err != nil {
			os.Remove(dest)
			return nil, backupFailed(path, err)
		}
	}
	b := Backup{Name: name, Path: dest, Reason: BackupDamaged, What: backupWhat[BackupDamaged], Time: t, Size: fileSize(dest)}
	return &b, nil
}

// inUse tells whether another connection has the workspace open. SQLite removes the write-ahead log when
// the last connection closes; a log that stays after ours closes belongs to someone else's connection.
func inUse(path string) bool {
	if _, err := os.Stat(path + "-wal"); err != nil {
		if _, err := os.Stat(path + "-shm"); err != nil {
			return false
		}
	}
	if _, err := inspect(path); err != nil {
		return false // damaged or unreadable: nobody works in it
	}
	s, err := Open(path)
	if err != nil {
		return false
	}
	s.Close()
	_, err = os.Stat(path + "-wal")
	return err == nil
}

// replaceFile puts a copy of src at dst: written beside dst, synced, then renamed over it, with dst's
// stale -wal and -shm removed first (SQLite would replay the old log onto the new file).
func replaceFile(src, dst string) error {
	tmp, err := os.CreateTemp(filepath.Dir(absPath(dst)), ".gongping-restore-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	in, err := os.Open(src)
	if err != nil {
		tmp.Close()
		return err
	}
	_, err = io.Copy(tmp, in)
	in.Close()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, side := range []string{dst + "-wal", dst + "-shm"} {
		if err := os.Remove(side); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return os.Rename(tmpName, dst)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
	}
	return err
}
