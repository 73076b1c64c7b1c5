package nlgp

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/receptive-go/receptive/internal/refdata"
	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

type golden struct {
	Z        map[string]float64            `json:"z"`
	Variance map[string]map[string]float64 `json:"variance"`
	Moments  []struct {
		Xi           float64   `json:"xi"`
		Gain         float64   `json:"gain"`
		Lufkin2023   []float64 `json:"lufkin2023"`
		UnitVariance []float64 `json:"unit_variance"`
	} `json:"moments"`
	Cov []float64 `json:"cov_L6_xi4.47"`
}

func loadGolden(t *testing.T) golden {
	t.Helper()
	var g golden
	refdata.JSON(t, "testdata/golden.json", &g)
	return g
}

// TestFormulasMatchNumpy checks Z, the variances and the within-class
// moments of both variants against numpy (testdata/gen_golden.py), to a few
// ulps: the same closed forms evaluated in the same order.
func TestFormulasMatchNumpy(t *testing.T) {
	g := loadGolden(t)
	for gs, want := range g.Z {
		gain, _ := strconv.ParseFloat(gs, 64)
		if got := Z(gain); !scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-14) {
			t.Errorf("Z(%g) = %.17g, numpy %.17g", gain, got, want)
		}
		for _, v := range []Variant{Lufkin2023, UnitVariance} {
			c := Config{L: 4, Xi1: 1, Xi2: 1, Gain: gain, Variant: v}
			want := g.Variance[gs][map[Variant]string{Lufkin2023: "lufkin2023", UnitVariance: "unit_variance"}[v]]
			if got := c.Variance(); !scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-13) {
				t.Errorf("g = %g %v: variance %.17g, numpy %.17g", gain, v, got, want)
			}
		}
	}
	for _, m := range g.Moments {
		for v, want := range map[Variant][]float64{Lufkin2023: m.Lufkin2023, UnitVariance: m.UnitVariance} {
			c := Config{Gain: m.Gain, Variant: v}
			for d, w := range want {
				if got := c.Moment(d, m.Xi); !scalar.EqualWithinAbsOrRel(got, w, 1e-15, 1e-13) {
					t.Errorf("ξ %g g %g %v lag %d: %.17g, numpy %.17g", m.Xi, m.Gain, v, d, got, w)
				}
			}
		}
	}
	c, err := Covariance(6, 4.47)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 6; i++ {
		for j := 0; j < 6; j++ {
			if got, want := c.At(i, j), g.Cov[i*6+j]; !scalar.EqualWithinAbsOrRel(got, want, 1e-16, 1e-15) {
				t.Errorf("C[%d,%d] = %.17g, numpy %.17g", i, j, got, want)
			}
		}
	}
}

func TestSqrtFactorReproducesCovariance(t *testing.T) {
	for _, xi := range []float64{0.1, 1.1, 4.47, 10} {
		c, err := Covariance(40, xi)
		if err != nil {
			t.Fatal(err)
		}
		a, err := sqrtFactor(c)
		if err != nil {
			t.Fatal(err)
		}
		A := mat.NewDense(40, 40, a)
		var got mat.Dense
		got.Mul(A, A.T())
		// Eigenvalues of C below zero (round-off, ~1e-15 for ξ = 10) are
		// clipped, so A·Aᵀ equals C to a few ulps of its largest entry.
		if !mat.EqualApprox(&got, c, 1e-12) {
			t.Errorf("ξ = %g: A·Aᵀ differs from C", xi)
		}
	}
}

// moments draws n examples per class and returns, for each class, the
// empirical E[x_i x_{i+d}] averaged over i, for d = 0…maxLag, and the mean.
func moments(t *testing.T, cfg Config, n, maxLag int, seed uint64, batched bool) (mom [2][]float64, mean [2]float64, frac float64) {
	t.Helper()
	sm, err := NewSeeded(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	L := cfg.L
	const bs = 100
	xb, yb := make([]float64, bs*L), make([]float64, bs)
	x := make([]float64, L)
	var cnt [2]float64
	for k := range mom {
		mom[k] = make([]float64, maxLag+1)
	}
	pos := 0
	for s := 0; s < n; s++ {
		var y float64
		if batched {
			if s%bs == 0 {
				if err := sm.Batch(xb, yb); err != nil {
					t.Fatal(err)
				}
			}
			y = yb[s%bs]
			copy(x, xb[(s%bs)*L:])
		} else {
			y = sm.Sample(x)
		}
		k := 1
		if y > 0 {
			k, pos = 0, pos+1
		} else if y != -1 {
			t.Fatalf("label %g, want ±1", y)
		}
		cnt[k]++
		for d := 0; d <= maxLag; d++ {
			acc := 0.0
			for i := 0; i+d < L; i++ {
				acc += x[i] * x[i+d]
			}
			mom[k][d] += acc / float64(L-d)
		}
		for _, v := range x {
			mean[k] += v / float64(L)
		}
	}
	for k := range mom {
		for d := range mom[k] {
			mom[k][d] /= cnt[k]
		}
		mean[k] /= cnt[k]
	}
	return mom, mean, float64(pos) / float64(n)
}

func TestMomentsMatchTheory(t *testing.T) {
	const n = 20000
	for i, cfg := range []Config{
		{L: 40, Xi1: 4.47, Xi2: 0.1, Gain: 100, ClassProportion: 0.5},
		{L: 40, Xi1: 4.47, Xi2: 0.1, Gain: 100, ClassProportion: 0.5},
		{L: 40, Xi1: 1.1, Xi2: 0.1, Gain: 1.1, ClassProportion: 0.5},
		{L: 40, Xi1: 3, Xi2: 1, Gain: 3, ClassProportion: 0.3, Variant: UnitVariance},
	} {
		// the first configuration through Sample, the others through Batch
		mom, mean, frac := moments(t, cfg, n, 6, 7, i > 0)
		// Label share: binomial, sd = √(p(1−p)/n) ≤ 0.0036; 5 sd band.
		sd := math.Sqrt(cfg.ClassProportion * (1 - cfg.ClassProportion) / n)
		if math.Abs(frac-cfg.ClassProportion) > 5*sd {
			t.Errorf("%+v: share of +1 labels %g, want %g ± %g", cfg, frac, cfg.ClassProportion, 5*sd)
		}
		for k, xi := range []float64{cfg.Xi1, cfg.Xi2} {
			// Mean of x is 0 by symmetry; the per-example position average
			// has sd ≤ √(Var/ neff) with neff ≥ L/ξ... bounded here by the
			// fully correlated case √(Var/m), m ≈ n/2 examples: ≤ 0.012.
			if math.Abs(mean[k]) > 0.05 {
				t.Errorf("%+v class %d: mean %g, want 0", cfg, k, mean[k])
			}
			for d, got := range mom[k] {
				want := cfg.Moment(d, xi)
				// Each lag estimate averages ≥ 34 positions of ≥ 5000
				// examples; |x| ≤ 1/s ≤ 1.7, so the standard error is below
				// 0.02 even for fully correlated positions: 0.04 is 2+ sd
				// for the worst case and ~10 sd for typical lags.
				if math.Abs(got-want) > 0.04 {
					t.Errorf("%+v class %d lag %d: E[x_i x_i+d] = %.4f, theory %.4f", cfg, k, d, got, want)
				}
			}
		}
	}
}

func TestHighGainIsNearlyBinary(t *testing.T) {
	// With g = 100 almost every |x| is within 1% of 1/Z(g): the inputs the
	// paper credits with negative excess kurtosis.
	sm, err := NewSeeded(Figures(), 3)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, 40)
	far := 0
	for s := 0; s < 500; s++ {
		sm.Sample(x)
		for _, v := range x {
			if math.Abs(math.Abs(v)*Z(100)-1) > 0.01 {
				far++
			}
		}
	}
	// P(|g z| < erf⁻¹(0.99) ≈ 1.82) = P(|z| < 0.0182) ≈ 0.0145.
	if share := float64(far) / 20000; share > 0.03 {
		t.Errorf("share of non-binary inputs %g, want ≈0.015", share)
	}
}

func TestSeededStreamIsDeterministic(t *testing.T) {
	cfg := Figures()
	a, _ := NewSeeded(cfg, 42)
	b, _ := NewSeeded(cfg, 42)
	c, _ := NewSeeded(cfg, 43)
	xa, ya := make([]float64, 10*40), make([]float64, 10)
	xb, yb := make([]float64, 10*40), make([]float64, 10)
	xc, yc := make([]float64, 10*40), make([]float64, 10)
	for _, e := range []error{a.Batch(xa, ya), b.Batch(xb, yb), c.Batch(xc, yc)} {
		if e != nil {
			t.Fatal(e)
		}
	}
	same := true
	for i := range xa {
		if xa[i] != xb[i] {
			t.Fatalf("same seed gave different inputs at %d", i)
		}
		same = same && xa[i] == xc[i]
	}
	for i := range ya {
		if ya[i] != yb[i] {
			t.Fatal("same seed gave different labels")
		}
	}
	if same {
		t.Error("different seeds gave identical inputs")
	}
}

func TestBadInput(t *testing.T) {
	for _, cfg := range []Config{
		{L: 0, Xi1: 1, Xi2: 1, Gain: 1, ClassProportion: 0.5},
		{L: 4, Xi1: 0, Xi2: 1, Gain: 1, ClassProportion: 0.5},
		{L: 4, Xi1: 1, Xi2: -1, Gain: 1, ClassProportion: 0.5},
		{L: 4, Xi1: 1, Xi2: 1, Gain: math.NaN(), ClassProportion: 0.5},
		{L: 4, Xi1: 1, Xi2: 1, Gain: 1, ClassProportion: 1.5},
		{L: 4, Xi1: 1, Xi2: 1, Gain: 1, Variant: 9},
	} {
		if _, err := New(cfg, rand.NewPCG(1, 2)); err == nil {
			t.Errorf("%+v: no error", cfg)
		}
	}
	sm, _ := NewSeeded(Figures(), 1)
	if err := sm.Batch(make([]float64, 39), make([]float64, 1)); err == nil {
		t.Error("short batch buffer: no error")
	}
	if _, err := ParseVariant("cubic"); err == nil {
		t.Error("unknown variant name: no error")
	}
}

func BenchmarkBatch100(b *testing.B) {
	sm, _ := NewSeeded(Figures(), 1)
	x, y := make([]float64, 100*40), make([]float64, 100)
	for b.Loop() {
		_ = sm.Batch(x, y)
	}
}
