//go:build !unix

package score

import "time"

var benchStart = time.Now()

// cpuTime falls back to wall time where getrusage is not available.
func cpuTime() time.Duration { return time.Since(benchStart) }
