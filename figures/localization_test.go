package figures

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/receptive-go/receptive/datasets/nlgp"
	"github.com/receptive-go/receptive/pkg/localization"
	"github.com/receptive-go/receptive/plotting"
)

// toySource serves random ±1-labelled inputs whose +1 class is smooth.
type toySource struct{ rng *rand.Rand }

func (s toySource) Batch(x, y []float64) error {
	L := len(x) / len(y)
	for n := range y {
		y[n] = float64(2*s.rng.IntN(2) - 1)
		v := s.rng.NormFloat64()
		for i := 0; i < L; i++ {
			if y[n] < 0 {
				v = s.rng.NormFloat64()
			}
			x[n*L+i] = v
		}
	}
	return nil
}

// toyRun trains a small network so that every figure has real data.
func toyRun(t *testing.T, bias bool) (*localization.Result, *localization.Network) {
	t.Helper()
	n, err := localization.New(localization.Options{Hidden: 12, Inputs: 10, Bias: bias}, rand.NewPCG(1, 2))
	if err != nil {
		t.Fatal(err)
	}
	res, err := localization.Train(context.Background(), n, toySource{rand.New(rand.NewPCG(3, 4))},
		localization.Settings{Steps: 40, BatchSize: 20, LR: 0.5, EvalInterval: 10})
	if err != nil {
		t.Fatal(err)
	}
	return res, n
}

func pngOf(t *testing.T, name string, fig *plotting.Figure, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b, err := fig.PNG()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// Every figure holds at least an image or a few dozen lines with axes:
	// tens of kB; an empty canvas of the same size compresses to ~2 kB.
	if len(b) < 8000 {
		t.Errorf("%s: PNG of %d bytes is too small to hold the figure", name, len(b))
	}
}

func TestLocalizationFiguresRender(t *testing.T) {
	res, n := toyRun(t, true)
	nbRes, _ := toyRun(t, false)
	last := res.Weights[len(res.Weights)-1]
	six := []int{0, 1, 2, 3, 4, 5}
	x, y := make([]float64, 50*10), make([]float64, 50)
	_ = toySource{rand.New(rand.NewPCG(5, 6))}.Batch(x, y)
	pre, err := n.Preactivations(x)
	if err != nil {
		t.Fatal(err)
	}
	loc := localization.Localized(last, 0.15)
	fig, err := RunReceptiveFields(res, 20)
	pngOf(t, "receptive fields", fig, err)
	if got := fig.Cols(); got != 20 {
		t.Errorf("receptive fields: %d columns, want 20 as asked", got)
	}
	fig, err = RunMetrics(res)
	pngOf(t, "metrics", fig, err)
	fig, err = SelectedFields(last, six, []int{0, 2, 3, 5}, []int{1, 4})
	pngOf(t, "selected", fig, err)
	fig, err = FieldsOverTraining(res.Weights, six)
	pngOf(t, "fields over training", fig, err)
	fig, err = UnitsPerSnapshot(res.Weights, six)
	pngOf(t, "units per snapshot", fig, err)
	fig, err = Magnitudes(res.Weights, res.Steps)
	pngOf(t, "magnitudes", fig, err)
	fig, err = PreactivationHistograms(pre, six, y, "pre-activations")
	pngOf(t, "histograms", fig, err)
	fig, err = Pruning(res, localization.Tanh, x, y, loc)
	pngOf(t, "pruning", fig, err)
	fig, err = BiasComparison(res, nbRes)
	pngOf(t, "bias comparison", fig, err)
	pts := SweepSummary([]SweepRun{
		{Gain: 1, Xi1: 4, Xi2: 0.1, Share: 0.2, Accuracy: 0.9}, {Gain: 1, Xi1: 4, Xi2: 0.1, Share: 0.4, Accuracy: 0.95},
		{Gain: 10, Xi1: 4, Xi2: 0.1, Share: 0.5, Accuracy: 0.97},
	})
	if len(pts) != 2 || math.Abs(pts[0].Share-0.3) > 1e-12 || math.Abs(pts[0].SD-0.1) > 1e-9 || pts[1].Share != 0.5 {
		t.Errorf("sweep summary %+v; want share 0.3 ± 0.1 at gain 1", pts)
	}
	fig, err = Sweep(pts)
	pngOf(t, "sweep", fig, err)
}

func TestLocalizationFiguresBadInput(t *testing.T) {
	w := mat.NewDense(3, 4, nil)
	if _, err := ReceptiveFields(nil, nil, nil, 1); err == nil {
		t.Error("no snapshots: no error")
	}
	if _, err := ReceptiveFields([]*mat.Dense{w}, []int{1, 2}, nil, 1); err == nil {
		t.Error("steps of the wrong length: no error")
	}
	if _, err := ReceptiveFields([]*mat.Dense{w}, []int{1}, []int{0, 1}, 1); err == nil {
		t.Error("ordering of the wrong length: no error")
	}
	if _, err := SelectedFields(w, []int{0, 1, 2}, []int{0, 7}, nil); err == nil {
		t.Error("position outside the selection: no error")
	}
	if _, err := PreactivationHistograms(w, []int{0}, []float64{1}, ""); err == nil {
		t.Error("labels of the wrong length: no error")
	}
	if _, err := Sweep(nil); err == nil {
		t.Error("empty sweep: no error")
	}
}

// BenchmarkLocalizationFigures renders the original's six figures of
// notebook 04 to PNG from a trained 100×40 run (the IPR, entropy and sorts
// they need included), the Go side of scripts/bench/nlgp.sh's figures_s.
func BenchmarkLocalizationFigures(b *testing.B) {
	sm, err := nlgp.NewSeeded(nlgp.Figures(), 0)
	if err != nil {
		b.Fatal(err)
	}
	n, err := localization.New(localization.FiguresOptions(), rand.NewPCG(0, 1))
	if err != nil {
		b.Fatal(err)
	}
	res, err := localization.Train(context.Background(), n, sm, localization.FiguresSettings())
	if err != nil {
		b.Fatal(err)
	}
	six, err := localization.Exemplars(localization.Localized(n.W, 0.1))
	if err != nil {
		b.Fatal(err)
	}
	last := res.Weights[len(res.Weights)-1]
	for b.Loop() {
		for _, mk := range []func() (*plotting.Figure, error){
			func() (*plotting.Figure, error) { return RunReceptiveFields(res, 10) },
			func() (*plotting.Figure, error) { return RunMetrics(res) },
			func() (*plotting.Figure, error) { return SelectedFields(last, six, []int{0, 2, 3, 5}, []int{1, 4}) },
			func() (*plotting.Figure, error) { return FieldsOverTraining(res.Weights, six) },
			func() (*plotting.Figure, error) { return UnitsPerSnapshot(res.Weights, six) },
			func() (*plotting.Figure, error) { return Magnitudes(res.Weights, res.Steps) },
		} {
			fig, err := mk()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := fig.PNG(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
