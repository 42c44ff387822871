//go:build race

package app

// raceEnabled: under the race detector SQLite (transpiled C) runs many times slower; tests that time the
// window wait longer and do not hold it to its timings.
const raceEnabled = true
