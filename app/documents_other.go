//go:build !windows

package app

// documentsDir is empty off Windows: there the workspace stays beside the holiday file in the config folder.
func documentsDir() string { return "" }
