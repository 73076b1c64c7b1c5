package figures

import (
	"testing"

	"github.com/receptive-go/receptive/pkg/gaussneuron"
)

func setup(tb testing.TB) (gaussneuron.Grid, []gaussneuron.Panel, []float64) {
	tb.Helper()
	g, n := gaussneuron.DefaultGrid(), gaussneuron.Original()
	m, err := gaussneuron.Compute(g, n)
	if err != nil {
		tb.Fatal(err)
	}
	ps, err := gaussneuron.Panels(m, n.Sigma)
	if err != nil {
		tb.Fatal(err)
	}
	zero, err := n.ZeroLine(g.X1)
	if err != nil {
		tb.Fatal(err)
	}
	return g, ps, zero
}

func TestActivityContourRenders(t *testing.T) {
	g, ps, zero := setup(t)
	for _, p := range ps {
		fig, err := ActivityContour(g, p, zero)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		b, err := fig.PNG()
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if len(b) < 10000 {
			t.Errorf("%s: PNG of %d bytes is too small to hold the figure", p.Name, len(b))
		}
	}
	if _, err := ActivityContour(g, ps[0], zero[:10]); err == nil {
		t.Error("a zero line of the wrong length gave no error")
	}
}

// BenchmarkActivityContour renders the linear-activity figure (161×161
// filled contours, 61 levels, colour bar) to PNG at 6.4×4.8 in, 100 dpi.
func BenchmarkActivityContour(b *testing.B) {
	g, ps, zero := setup(b)
	for b.Loop() {
		fig, err := ActivityContour(g, ps[0], zero)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := fig.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
