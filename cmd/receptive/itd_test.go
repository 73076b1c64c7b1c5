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
	// A reduced τ sweep writes its summary and caches the trained networks.
	sw := filepath.Join(t.TempDir(), "sweep")
	if err := runITD([]string{"sweep", "-out", sw, "-taus", "2,5", "-epochs", "1", "-hidden", "4", "-samples", "256"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(sw, "metrics.json")); err != nil {
		t.Errorf("sweep wrote no metrics.json: %v", err)
	}
	if cached, _ := filepath.Glob(filepath.Join(sw, "cache", "*")); len(cached) < 2 {
		t.Errorf("sweep cached %d networks, want one per τ", len(cached))
	}
	for _, bad := range [][]string{
		{"sweep", "-out", t.TempDir(), "-taus", "2,x"},
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
