package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestGaussNeuronCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := runGaussNeuron([]string{"-out", dir}); err != nil {
		t.Fatal(err)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(pngs) != 6 {
		t.Errorf("wrote %d PNGs, want the original's 6", len(pngs))
	}
	b, err := os.ReadFile(filepath.Join(dir, "stats.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep gaussReport
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	// Numbers the original prints or implies: shape (25921, 2), b = 5, max |a| = 29, 61 levels.
	if rep.InputsShape != [2]int{25921, 2} || rep.Bias != 5 || len(rep.Maps) != 6 {
		t.Errorf("stats: shape %v bias %g maps %d", rep.InputsShape, rep.Bias, len(rep.Maps))
	}
	if lin := rep.Maps[0]; lin.Max != 29 || lin.Levels != 61 {
		t.Errorf("linear map: max %g with %d levels, want 29 and 61", lin.Max, lin.Levels)
	}
}

func TestGaussNeuronCommandErrors(t *testing.T) {
	if err := runGaussNeuron(nil); err == nil {
		t.Error("no -out: no error")
	}
	if err := runGaussNeuron([]string{"-out", t.TempDir(), "-sigma", "0"}); err == nil {
		t.Error("sigma 0: no error")
	}
	// A file where the directory should be.
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o644)
	if err := runGaussNeuron([]string{"-out", filepath.Join(f, "sub")}); err == nil {
		t.Error("output under a regular file: no error")
	}
}
