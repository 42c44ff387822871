//go:build !windows

package app

import (
	"os"
	"path/filepath"
	"testing"
)

// The app ID lost its ".desktop" ending: the preferences kept under the old ID (recent workspaces,
// language) move to the new one once, and an existing new folder is never overwritten.
func TestMoveOldPreferences(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	old := filepath.Join(cfg, "fyne", "cn.gongping.desktop")
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(old, "preferences.json"), []byte(`{"recent":"a.gpw"}`), 0o644)
	MoveOldPreferences()
	b, err := os.ReadFile(filepath.Join(cfg, "fyne", AppID, "preferences.json"))
	if err != nil || string(b) != `{"recent":"a.gpw"}` {
		t.Fatalf("preferences under the new ID: %q, %v", b, err)
	}
	os.MkdirAll(old, 0o755)
	os.WriteFile(filepath.Join(old, "preferences.json"), []byte(`{}`), 0o644)
	MoveOldPreferences()
	if b, _ := os.ReadFile(filepath.Join(cfg, "fyne", AppID, "preferences.json")); string(b) != `{"recent":"a.gpw"}` {
		t.Errorf("an existing new folder was overwritten: %q", b)
	}
}
