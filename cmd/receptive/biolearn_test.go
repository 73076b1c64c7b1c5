package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBiolearnCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "train")
	if err := runBiolearn([]string{"train", "-out", dir, "-presentations", "30"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"weights.npz", "report.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("train did not write %s: %v", f, err)
		}
	}
	if gifs, _ := filepath.Glob(filepath.Join(dir, "*.gif")); len(gifs) != 1 {
		t.Errorf("train wrote %d animations, want 1", len(gifs))
	}
	dyn := filepath.Join(t.TempDir(), "dyn")
	if err := runBiolearn([]string{"dynamics", "-out", dyn}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dyn, "neuron_dynamics.png")); err != nil {
		t.Error(err)
	}
	for _, bad := range [][]string{
		{"train", "-out", t.TempDir(), "-presentations", "0"},
		{"train", "-out", t.TempDir(), "-w-inh", "NaN"},
		{"nonsense"},
	} {
		if err := runBiolearn(bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
