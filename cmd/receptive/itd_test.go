package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// analyse on the published network prints the original's numbers into
// metrics.json; a small train writes a network that analyse can reload.
func TestITDCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "analyse")
	if err := runITD([]string{"analyse", "-out", dir}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	// "Accuracy on Test set = 82.6%" is printed by the original notebook.
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "0.826") && !strings.Contains(string(b), "82.6") {
		t.Errorf("metrics.json does not carry the original's 82.6%% test accuracy:\n%s", b)
	}
	if pngs, _ := filepath.Glob(filepath.Join(dir, "*.png")); len(pngs) < 10 {
		t.Errorf("analyse wrote %d figures", len(pngs))
	}

	tr := filepath.Join(t.TempDir(), "train")
	if err := runITD([]string{"train", "-out", tr, "-epochs", "1", "-samples", "256"}); err != nil {
		t.Fatal(err)
	}
	if err := runITD([]string{"analyse", "-out", filepath.Join(t.TempDir(), "re"), "-net", filepath.Join(tr, "net.npz")}); err != nil {
		t.Errorf("analysing the trained network: %v", err)
	}
	for _, bad := range [][]string{
		{"train", "-out", t.TempDir(), "-lr", "NaN"},
		{"train", "-out", t.TempDir(), "-hidden", "0"},
		{"analyse", "-out", t.TempDir(), "-net", filepath.Join(t.TempDir(), "missing.npz")},
		{"nonsense"},
	} {
		if err := runITD(bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
