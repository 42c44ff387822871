package cli

import (
	"fmt"

	"github.com/gongping/gongping/data/store"
)

// backupList lists a workspace's automatic backups. It reads only the backup folder, so it works when the
// workspace itself no longer opens.
func backupList(f *flags) action {
	asJSON := f.jsonFlag()
	return func(e *env) error {
		bs, err := store.ListBackups(e.db)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, bs)
		}
		if len(bs) == 0 {
			fmt.Fprintf(e.stdout, "工作区 %s 还没有自动备份（删除导入、替换评价方案、公开之前会自动备份，保留最近 %d 个）\n", e.db, store.KeepBackups)
			return nil
		}
		fmt.Fprintf(e.stdout, "自动备份在 %s（保留最近 %d 个）：\n", store.BackupDir(e.db), store.KeepBackups)
		w := newTable(e.stdout)
		fmt.Fprintln(w, "名称\t时间\t原因\t大小")
		for _, b := range bs {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", b.Name, b.Time.Format("2006-01-02 15:04:05"), b.What, sizeText(b.Size))
		}
		return w.Flush()
	}
}

func backupRestore(f *flags) action {
	name := f.String("backup", "", "自动备份的名称（gongping backup list 列出）")
	f.need("backup")
	return func(e *env) error {
		res, err := store.RestoreBackup(e.ctx, e.db, *name)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已恢复自动备份 %s（%s，%s）\n", res.Restored.Name, res.Restored.Time.Format("2006-01-02 15:04:05"), res.Restored.What)
		if res.Kept != nil {
			fmt.Fprintf(e.stdout, "恢复前的工作区另存为备份 %s，需要时可用 gongping backup restore --db %s --backup %s 换回\n", res.Kept.Name, e.db, res.Kept.Name)
		}
		return nil
	}
}

// sizeText is a file size for people: 3.1 MB.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
