package ingest

import (
	"os"
	"syscall"
)

// peakKiB is a finished process's peak resident memory.
func peakKiB(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss // KiB on Linux
	}
	return 0
}
