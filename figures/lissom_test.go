package figures

import (
	"math"
	"testing"

	"codeberg.org/sbinet/npyio/npz"
	"github.com/receptive-go/receptive/pkg/lissom"
	"github.com/receptive-go/receptive/pkg/stimuli"
)

func lissomGolden(t *testing.T, name string) []float64 {
	t.Helper()
	r, err := npz.Open("testdata/lissom_make_grid.npz")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var v []float64
	if err := r.Read(name+".npy", &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestLissomWeightGridMatchesMakeGrid compares the tiling with torchvision's
// make_grid (testdata/lissom_make_grid.py). Tolerance 1e-6: both sides
// hold float32 weights and divide by max(hi − lo, 1e-5); the grid values
// are in [0, 1], where float32 resolution is 6e-8.
func TestLissomWeightGridMatchesMakeGrid(t *testing.T) {
	unnorm, err := lissom.NewUnnormalizedDifferenceOfGaussians(576, 25, false, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	gauss, err := lissom.NewGaussianLinear(100, 9, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		l        *lissom.Linear
		useRange bool
		side     int
	}{{"unnorm_dog", unnorm, true, 5*(24+2) + 2}, {"gauss_minmax", gauss, false, 3*(10+2) + 2}} {
		grid, rows, cols, err := LissomWeightGrid(c.l, c.useRange)
		if err != nil {
			t.Fatal(err)
		}
		if rows != c.side || cols != c.side {
			t.Fatalf("%s: grid %d×%d, want %d×%d", c.name, rows, cols, c.side, c.side)
		}
		want := lissomGolden(t, c.name)
		for i := range want {
			if d := math.Abs(grid[i] - want[i]); !(d <= 1e-6) {
				t.Fatalf("%s: pixel %d = %v, make_grid %v", c.name, i, grid[i], want[i])
			}
		}
	}
}

func TestLissomFiguresRender(t *testing.T) {
	cortex, err := lissom.NewCortex(625, 25, 5, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	fig, err := LissomWeights(cortex, false)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := fig.PNG(); err != nil || len(b) < 10000 {
		t.Fatalf("weights PNG: %d bytes, %v", len(b), err)
	}
	model, err := lissom.NewLissomFromConfig(lissom.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	x, err := stimuli.OrientedGaussian(36, 18, 18, 2, 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	lissom.Record(model)
	if _, err := model.Forward(x); err != nil {
		t.Fatal(err)
	}
	figs, err := LissomActivations(lissom.Activations(model, "lissom"))
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 18 {
		t.Fatalf("%d activation figures, want 18 (9 modules × input, activation)", len(figs))
	}
	if figs[0].At(0, 0).Title.Text != "lissom.v1.inhibitory_module.input" || figs[17].At(0, 0).Title.Text != "lissom.activation" {
		t.Errorf("titles %q … %q", figs[0].At(0, 0).Title.Text, figs[17].At(0, 0).Title.Text)
	}
	if _, err := LissomMatrix(x, 35, 0, 1, ""); err == nil {
		t.Error("wrong side: no error")
	}
}
