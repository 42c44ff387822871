//go:build !unix

package store

import "os"

// canCreateIn tells whether this process may create files in dir by creating and removing one (Windows
// has no access(2) that answers for ACLs).
func canCreateIn(dir string) bool {
	f, err := os.CreateTemp(dir, ".gongping-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
