package figures

import (
	"bytes"
	"image/gif"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/receptive-go/receptive/pkg/biolearn"
)

func bioSetup(t testing.TB) (*biolearn.Neurons, []float64) {
	t.Helper()
	p := biolearn.DefaultParams()
	p.OutputDim, p.WInh, p.HStar, p.P = 15, 0.3, 0.8, 2
	rng := rand.New(rand.NewPCG(6, 1))
	n, err := biolearn.New(p, rng)
	if err != nil {
		t.Fatal(err)
	}
	return n, []float64{rng.Float64(), rng.Float64()}
}

// savePNGIfAsked writes the figure under $FIGURES_OUT for a visual check.
func checkPNG(t *testing.T, name string, png []byte, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(png) < 5000 {
		t.Errorf("%s: PNG of %d bytes is too small to hold the figure", name, len(png))
	}
	if dir := os.Getenv("FIGURES_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBioFigures(t *testing.T) {
	n, x := bioSetup(t)
	ts := biolearn.Linspace(0, 5, 100)
	c, err := n.CompareInhibition(x, ts)
	if err != nil {
		t.Fatal(err)
	}
	fig, err := BioNeuronDynamics(c)
	if err != nil {
		t.Fatal(err)
	}
	png, err := fig.PNG()
	checkPNG(t, "bio_neuron_dynamics", png, err)

	tr, err := n.Curves(x, ts)
	if err != nil {
		t.Fatal(err)
	}
	fig, err = BioActivations(tr, "w_inh = 0.0, p = 2")
	if err != nil {
		t.Fatal(err)
	}
	png, err = fig.PNG()
	checkPNG(t, "bio_activations", png, err)

	w := make([]float64, 15*784)
	for i := range w {
		w[i] = float64(i%784) / 784 * float64(i/784+1) / 15
	}
	w[3] = -0.2
	fig, err = BioWeightGrid(w, 15, 28, 28)
	if err != nil {
		t.Fatal(err)
	}
	png, err = fig.PNG()
	checkPNG(t, "bio_weights", png, err)

	img := make([]float64, 784)
	for i := range img {
		img[i] = float64(i%28) / 27
	}
	fig, err = BioMNISTDigit(img)
	if err != nil {
		t.Fatal(err)
	}
	png, err = fig.PNG()
	checkPNG(t, "bio_digit", png, err)

	fig, err = BioNormHistory([][]float64{{3, 2}, {1.5, 1.2}, {1.01, 1.007}}, 4)
	if err != nil {
		t.Fatal(err)
	}
	png, err = fig.PNG()
	checkPNG(t, "bio_norms", png, err)

	if _, err := BioWeightGrid(w[:100], 15, 28, 28); err == nil {
		t.Error("wrong weight count gave no error")
	}
	if _, err := BioMNISTDigit(img[:10]); err == nil {
		t.Error("wrong image size gave no error")
	}
}

func TestBioWeightLayout(t *testing.T) {
	for _, c := range []struct{ units, rows, cols, shown int }{
		{15, 3, 5, 15}, {100, 5, 5, 25}, {7, 1, 7, 7}, {3, 1, 3, 3}, {12, 2, 5, 10},
	} {
		r, cl, s := BioWeightLayout(c.units)
		if r != c.rows || cl != c.cols || s != c.shown {
			t.Errorf("%d units: %d×%d showing %d, want %d×%d showing %d", c.units, r, cl, s, c.rows, c.cols, c.shown)
		}
	}
}

func TestBioWeightAnimation(t *testing.T) {
	frames := make([][]float64, 4)
	for k := range frames {
		frames[k] = make([]float64, 15*784)
		for i := range frames[k] {
			frames[k][i] = float64((i+k*37)%101)/50 - 1
		}
	}
	b, err := BioWeightAnimation(frames, 15, 28, 28, 2, 10)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 4 || g.Image[0].Bounds().Dx() != 5*28*2 || g.Image[0].Bounds().Dy() != 3*28*2 {
		t.Errorf("%d frames of %v, want 4 of 280×168", len(g.Image), g.Image[0].Bounds())
	}
	if _, err := BioWeightAnimation(nil, 15, 28, 28, 2, 10); err == nil {
		t.Error("no frames gave no error")
	}
}
