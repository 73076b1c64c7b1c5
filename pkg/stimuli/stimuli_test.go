package stimuli

import (
	"math"
	"testing"

	"github.com/receptive-go/receptive/internal/refdata"
)

// tol: testdata/golden.npz holds scikit-image 0.19's results in float64
// (testdata/gen_golden.py); only the order of float operations can differ.
// pylissom's float32 path is up to 1.1e-6 away from them (printed by the
// script).
const tol = 1e-9

func golden(t *testing.T, name string) []float64 {
	t.Helper()
	return refdata.NPZ(t, "testdata/golden.npz", name)
}

func maxDiff(a, b []float64) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	d := 0.0
	for i := range a {
		d = math.Max(d, math.Abs(a[i]-b[i]))
		if math.IsNaN(a[i]) {
			return math.NaN()
		}
	}
	return d
}

func TestOrientedGaussianMatchesOriginal(t *testing.T) {
	cases := map[string][6]float64{
		"notebook_s2":   {36, 18, 18, 2, 2, 0},
		"notebook_s3":   {36, 18, 18, 3, 3, 0},
		"bar_30":        {36, 18, 18, 0.75, 2.5, 30},
		"bar_117.5":     {36, 18, 18, 0.75, 2.5, 117.5},
		"offcentre_-45": {24, 6.5, 15, 3, 1.2, -45},
		"odd_200":       {25, 10, 13, 1.5, 4, 200},
	}
	for name, a := range cases {
		img, err := OrientedGaussian(int(a[0]), a[1], a[2], a[3], a[4], a[5])
		if err != nil {
			t.Fatal(err)
		}
		if d := maxDiff(img, golden(t, name)); !(d <= tol) {
			t.Errorf("%s: max |Δ| = %.3g from scikit-image, want ≤ %g", name, d, tol)
		}
	}
}

func TestRotateClipsLikeScikitImage(t *testing.T) {
	in := golden(t, "rect_in")
	out, err := Rotate(in, 7, 11, 33)
	if err != nil {
		t.Fatal(err)
	}
	if d := maxDiff(out, golden(t, "rect_33")); !(d <= tol) {
		t.Errorf("7×11 image rotated by 33°: max |Δ| = %.3g, want ≤ %g", d, tol)
	}
}

func TestRotateByZeroIsIdentity(t *testing.T) {
	g, _ := Gaussian(9, 2, 6, 1, 3)
	r, err := Rotate(g, 9, 9, 0)
	if err != nil {
		t.Fatal(err)
	}
	if d := maxDiff(g, r); d != 0 {
		t.Errorf("rotation by 0 changes the image by %g", d)
	}
	// x is the row index: the peak sits at row 2, column 6.
	if g[2*9+6] != 1 {
		t.Errorf("peak at (2, 6) = %v, want 1", g[2*9+6])
	}
}

func TestErrors(t *testing.T) {
	if _, err := Gaussian(0, 0, 0, 1, 1); err == nil {
		t.Error("size 0: no error")
	}
	if _, err := Gaussian(5, 0, 0, 0, 1); err == nil {
		t.Error("sigma 0: no error")
	}
	if _, err := Gaussian(5, math.NaN(), 0, 1, 1); err == nil {
		t.Error("NaN centre: no error")
	}
	if _, err := Rotate(make([]float64, 5), 2, 3, 10); err == nil {
		t.Error("wrong length: no error")
	}
	if _, err := Rotate([]float64{math.NaN()}, 1, 1, 10); err == nil {
		t.Error("NaN pixel: no error")
	}
}
