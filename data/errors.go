package data

import (
	"errors"
	"fmt"
)

// InputError is an error caused by what the user gave (a bad file, value or id). Its message is safe to
// show a user as it is; the command line exits 1 for it. Everything else is an internal error.
type InputError struct {
	Msg string
	Err error // optional wrapped cause, e.g. ErrNotFound
	// CLIHint is what to type at the command line (e.g. "gongping backup list --db F"); the command line
	// prints it after Msg, the window never shows it (Msg says where the same is in the window).
	CLIHint string
}

func (e *InputError) Error() string { return e.Msg }
func (e *InputError) Unwrap() error { return e.Err }

// InputErrorf formats an InputError.
func InputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")
