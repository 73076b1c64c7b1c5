package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLissomCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := runLissom([]string{"-out", dir}); err != nil {
		t.Fatal(err)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(pngs) < 18 { // the original notebook saved 18 figures
		t.Errorf("wrote %d figures, want at least the original's 18", len(pngs))
	}
	if _, err := os.Stat(filepath.Join(dir, "report.json")); err != nil {
		t.Error(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"cortical_density": -3}`), 0o644)
	if err := runLissom([]string{"-out", t.TempDir(), "-config", bad}); err == nil {
		t.Error("negative density: no error")
	}
	if err := runLissom([]string{"-out", t.TempDir(), "-config", filepath.Join(t.TempDir(), "missing.json")}); err == nil {
		t.Error("missing config file: no error")
	}
}
