// Package refdata reads the reference values that each package's tests
// compare against: files under testdata/ written by a Python script of the
// original algorithm (committed beside them, run by hand). A missing or
// malformed file fails the test with its name.
package refdata

import (
	"encoding/json"
	"os"
	"testing"

	"codeberg.org/sbinet/npyio/npz"
)

// JSON decodes the JSON file at path into v.
func JSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// NPZ returns the array name (stored as name.npy) of the .npz file at path,
// flattened to float64.
func NPZ(t testing.TB, path, name string) []float64 {
	t.Helper()
	r, err := npz.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var v []float64
	if err := r.Read(name+".npy", &v); err != nil {
		t.Fatalf("%s: array %s: %v", path, name, err)
	}
	return v
}
