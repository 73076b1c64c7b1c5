package biolearn

import (
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/receptive-go/receptive/internal/refdata"
	"gonum.org/v1/gonum/floats/scalar"
)

type goldenCase struct {
	Name   string  `json:"name"`
	NIn    int     `json:"n_in"`
	NOut   int     `json:"n_out"`
	T      float64 `json:"T"`
	Params struct {
		WInh  float64 `json:"w_inh"`
		Delta float64 `json:"delta"`
		HStar float64 `json:"h_star"`
		Tau   float64 `json:"tau"`
		TauL  float64 `json:"tau_L"`
		P     float64 `json:"p"`
	} `json:"params"`
	W, V, H        []float64
	Currents       []float64            `json:"currents"`
	DhDt           []float64            `json:"dh_dt"`
	Stationary     []float64            `json:"stationary"`
	StationaryNFev int                  `json:"stationary_nfev"`
	DWDt           map[string][]float64 `json:"dW_dt"`
	OuterW         []float64            `json:"outer_W"`
	OuterNFev      int                  `json:"outer_nfev"`
}

func loadGolden(t *testing.T) []goldenCase {
	t.Helper()
	var g struct{ Cases []goldenCase }
	refdata.JSON(t, "testdata/golden.json", &g)
	return g.Cases
}

func (c goldenCase) neurons(t *testing.T) *Neurons {
	t.Helper()
	p := Params{InputDim: c.NIn, OutputDim: c.NOut, WInh: c.Params.WInh, Delta: c.Params.Delta, HStar: c.Params.HStar,
		Tau: c.Params.Tau, TauL: c.Params.TauL, P: c.Params.P}
	n, err := FromWeights(p, c.W)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func close(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !scalar.EqualWithinAbsOrRel(got[i], want[i], tol, tol) {
			t.Errorf("%s[%d] = %.17g, numpy %.17g", what, i, got[i], want[i])
		}
	}
}

// TestMatchesOriginal compares every function with numpy/SciPy running the
// original's equations (testdata/gen_golden.py). Currents, dh/dt and dW/dt
// agree to 1e-12 (numpy's BLAS sums in another order; pow rounding for
// non-integer p). The inner and outer solves take the same number of
// evaluations as SciPy and agree to 1e-8 (the controller amplifies rounding
// differences in the error estimate, see package ode).
func TestMatchesOriginal(t *testing.T) {
	for _, c := range loadGolden(t) {
		t.Run(c.Name, func(t *testing.T) {
			n := c.neurons(t)
			cur := make([]float64, c.NOut)
			Currents(cur, c.W, c.V, c.Params.P)
			close(t, "currents", cur, c.Currents, 1e-12)
			dh := make([]float64, c.NOut)
			if err := n.DhDt(dh, c.H, c.V, c.W); err != nil {
				t.Fatal(err)
			}
			close(t, "dh_dt", dh, c.DhDt, 1e-12)
			hs, err := n.Stationary(c.V, c.W)
			if err != nil {
				t.Fatal(err)
			}
			close(t, "stationary", hs, c.Stationary, 1e-8)
			if n.innerRes.NFev != c.StationaryNFev {
				t.Errorf("stationary: %d evaluations, SciPy %d", n.innerRes.NFev, c.StationaryNFev)
			}
			for decay, want := range c.DWDt {
				n.Decay = DecayActivation
				if decay == "current" {
					n.Decay = DecayCurrent
				}
				d := make([]float64, len(c.W))
				if err := n.DWDt(d, c.W, c.V); err != nil {
					t.Fatal(err)
				}
				close(t, "dW_dt/"+decay, d, want, 1e-8)
			}
			n.Decay = DecayActivation
			res, err := n.Present(context.Background(), c.V, c.T)
			if err != nil {
				t.Fatal(err)
			}
			if res.NFev != c.OuterNFev {
				t.Errorf("outer solve: %d evaluations, SciPy %d", res.NFev, c.OuterNFev)
			}
			close(t, "outer W", n.W, c.OuterW, 1e-8)
		})
	}
}

// TestString reproduces the lines the original prints.
func TestString(t *testing.T) {
	p := DefaultParams()
	p.WInh = 0.3
	for _, c := range []struct {
		p    Params
		want string
	}{
		{p, "BioNeurons(input_dim=2, output_dim=4, w_inh=0.3, delta=0.4, lebesgue_p=4.0, h_star=0.1, tau=1, tau_L=100)"},
		{MNISTParams(), "BioNeurons(input_dim=784, output_dim=15, w_inh=15, delta=0.4, lebesgue_p=2.0, h_star=0.8, tau=1, tau_L=100)"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestG(t *testing.T) {
	for _, c := range []struct{ h, want float64 }{{-1e-9, 0}, {0, -0.4}, {0.5, -0.4}, {0.8, -0.4}, {0.8000001, 1}, {3, 1}} {
		if got := G(c.h, 0.8, 0.4); got != c.want {
			t.Errorf("g(%v) = %v, want %v", c.h, got, c.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	bad := map[string]func(*Params){
		"p = 1":        func(p *Params) { p.P = 1 },
		"p < 1":        func(p *Params) { p.P = 0.5 },
		"negative tau": func(p *Params) { p.Tau = -1 },
		"zero tau_L":   func(p *Params) { p.TauL = 0 },
		"NaN w_inh":    func(p *Params) { p.WInh = math.NaN() },
		"negative inh": func(p *Params) { p.WInh = -0.1 },
		"no inputs":    func(p *Params) { p.InputDim = 0 },
		"inf delta":    func(p *Params) { p.Delta = math.Inf(1) },
	}
	for name, mod := range bad {
		p := MNISTParams()
		mod(&p)
		if _, err := New(p, rand.New(rand.NewPCG(1, 1))); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	n, err := New(MNISTParams(), rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := n.Present(ctx, make([]float64, 100), 5); err == nil || !strings.Contains(err.Error(), "expected 784") {
		t.Errorf("wrong image size: %v", err)
	}
	v := make([]float64, 784)
	v[3] = math.NaN()
	if _, err := n.Present(ctx, v, 5); err == nil {
		t.Error("NaN input gave no error")
	}
	if _, err := n.Present(ctx, make([]float64, 784), -1); err == nil {
		t.Error("negative presentation time gave no error")
	}
	if _, err := FromWeights(MNISTParams(), make([]float64, 10)); err == nil {
		t.Error("wrong number of weights gave no error")
	}
	if _, err := Train(ctx, n, nil, DefaultTrainConfig(), nil); err == nil {
		t.Error("nil source gave no error")
	}
	if err := (TrainConfig{Presentations: 10, TMax: 5, TMin: 25}).Validate(); err == nil {
		t.Error("TMin > TMax gave no error")
	}
}

func TestSaveLoad(t *testing.T) {
	p := DefaultParams()
	p.Decay = DecayCurrent
	n, err := New(p, rand.New(rand.NewPCG(3, 4)))
	if err != nil {
		t.Fatal(err)
	}
	h := &History{Times: []float64{25, 24}, Norms: [][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}}}
	path := filepath.Join(t.TempDir(), "w.npz")
	if err := Save(path, n, h); err != nil {
		t.Fatal(err)
	}
	m, h2, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if m.Params != n.Params {
		t.Errorf("params %+v, saved %+v", m.Params, n.Params)
	}
	close(t, "weights", m.W, n.W, 0)
	if h2 == nil || len(h2.Norms) != 2 || h2.Norms[1][3] != 8 || h2.Times[1] != 24 {
		t.Errorf("history %+v", h2)
	}
	if _, _, err := Load(filepath.Join(t.TempDir(), "missing.npz")); err == nil {
		t.Error("missing file gave no error")
	}
}

func TestSchedule(t *testing.T) {
	c := DefaultTrainConfig()
	if c.PresentationTime(0) != 25 || math.Abs(c.PresentationTime(299)-(25-20.0/300*299)) > 1e-12 {
		t.Errorf("times %v … %v, want 25 … 5.0667", c.PresentationTime(0), c.PresentationTime(299))
	}
}

func TestDynamicsKeepsActivations(t *testing.T) {
	n, _ := New(DefaultParams(), rand.New(rand.NewPCG(5, 6)))
	v := []float64{0.3, 0.7}
	d := make([]float64, len(n.W))
	if err := n.DWDt(d, n.W, v); err != nil {
		t.Fatal(err)
	}
	for _, h := range n.H {
		if h != 0 {
			t.Fatal("DWDt changed the activations H; the original keeps them at zero")
		}
	}
	res, err := n.Dynamics(v, []float64{0, 2.5, 5})
	if err != nil {
		t.Fatal(err)
	}
	hs, _ := n.Stationary(v, n.W)
	close(t, "h(5) from Dynamics", res.Y[2], hs, 1e-12)
}
