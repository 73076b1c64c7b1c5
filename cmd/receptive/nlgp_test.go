package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A short run of both subcommands writes what they promise; bad flags fail.
func TestNLGPCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "train")
	if err := runNLGP([]string{"train", "-out", dir, "-steps", "40", "-hidden", "10", "-inputs", "20", "-interval", "20"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"weights.npz", "metrics.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("train did not write %s: %v", f, err)
		}
	}
	if pngs, _ := filepath.Glob(filepath.Join(dir, "*.png")); len(pngs) == 0 {
		t.Error("train wrote no figures")
	}
	sweep := filepath.Join(t.TempDir(), "sweep")
	if err := runNLGP([]string{"sweep", "-out", sweep, "-gains", "1,10", "-xis", "4.47/0.1", "-seeds", "1", "-steps", "20", "-hidden", "8", "-inputs", "16"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"sweep.json", "sweep.png"} {
		if _, err := os.Stat(filepath.Join(sweep, f)); err != nil {
			t.Errorf("sweep did not write %s: %v", f, err)
		}
	}
	for _, bad := range [][]string{
		{"train", "-out", t.TempDir(), "-hidden", "0"},
		{"train", "-out", t.TempDir(), "-gain", "NaN"},
		{"train", "-out", t.TempDir(), "-steps", "10", "-interval", "20"},
		{"frobnicate"},
	} {
		if err := runNLGP(bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
