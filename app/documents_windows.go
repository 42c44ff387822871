//go:build windows

package app

import "golang.org/x/sys/windows"

// documentsDir is the user's Documents folder (文档), wherever it is redirected (OneDrive, a network share).
func documentsDir() string {
	dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	return dir
}
