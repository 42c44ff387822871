//go:build !linux

package ingest

import "os"

// peakKiB is a finished process's peak resident memory: unknown here.
func peakKiB(*os.ProcessState) int64 { return 0 }
