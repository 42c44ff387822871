//go:build unix

package store

import "syscall"

// canCreateIn asks the system whether this process may create files in dir (access(2) with W_OK, which
// also says no on a read-only mount); nothing is written.
func canCreateIn(dir string) bool {
	const wOK = 0x2
	return syscall.Access(dir, wOK) == nil
}
