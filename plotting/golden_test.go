package plotting

import (
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/cmpimg"
)

// regen rewrites the golden images: go test ./plotting -regen (the flag is
// registered by gonum's cmpimg package, which this test imports).
var regen = cmpimg.GenerateTestData

// checkGolden renders f and compares it with testdata/NAME_golden.png. The
// comparison allows a small colour distance (0.01 in cmpimg's YIQ metric) so
// that anti-aliasing differences between CPUs do not fail the test, while
// any change of a colour, a line or a label does.
func checkGolden(t *testing.T, name string, f *Figure) {
	t.Helper()
	got, err := f.PNG()
	if err != nil {
		t.Fatalf("%s: rendering: %v", name, err)
	}
	path := filepath.Join("testdata", name+"_golden.png")
	if *regen {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: missing golden image (run go test ./plotting -regen and look at it): %v", name, err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, 0.01)
	if err != nil {
		t.Fatalf("%s: comparing: %v", name, err)
	}
	if !ok {
		bad := filepath.Join(t.TempDir(), name+".png")
		os.WriteFile(bad, got, 0o644)
		t.Errorf("%s: rendering differs from %s (got written to %s)", name, path, bad)
	}
}
