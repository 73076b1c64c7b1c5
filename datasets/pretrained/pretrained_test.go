package pretrained

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestITD(t *testing.T) {
	n, err := ITD()
	if err != nil {
		t.Fatal(err)
	}
	// Ranges and first entries as numpy prints them from the .npy files
	// (float32 values widened to float64).
	check := func(name string, m *mat.Dense, lo, hi float64) {
		if got := mat.Min(m); got < lo-0.01 || got > lo+0.01 {
			t.Errorf("%s min %v, expected about %v", name, got, lo)
		}
		if got := mat.Max(m); got < hi-0.01 || got > hi+0.01 {
			t.Errorf("%s max %v, expected about %v", name, got, hi)
		}
	}
	check("W_ih", n.WIH, -1.90, 1.02)
	check("W_ho", n.WHO, -10.59, 4.89)
	for _, v := range n.WIH.RawMatrix().Data {
		if float64(float32(v)) != v {
			t.Fatalf("W_ih value %v is not a float32", v)
		}
	}
}
