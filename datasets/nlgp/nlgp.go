package nlgp

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Variant selects the scaling of the error function.
type Variant int

const (
	// Lufkin2023 is x = erf(g·z)/Z(g), Z(g) = √((2/π)·asin(g²/(1+g²))), the
	// version of leonlufkin/Localization @ 89921cd (variance above 1 for
	// small gain).
	Lufkin2023 Variant = iota
	// UnitVariance is Ingrosso & Goldt's x = erf(g·z/√2)/√γ with
	// γ = (2/π)·asin(g²/(1+g²)), unit variance for every gain.
	UnitVariance
)

// String names the variant.
func (v Variant) String() string {
	switch v {
	case Lufkin2023:
		return "lufkin2023"
	case UnitVariance:
		return "unit-variance"
	}
	return fmt.Sprintf("Variant(%d)", int(v))
}

// ParseVariant returns the variant named by s ("lufkin2023" or "unit-variance").
func ParseVariant(s string) (Variant, error) {
	switch s {
	case "lufkin2023", "":
		return Lufkin2023, nil
	case "unit-variance", "unit":
		return UnitVariance, nil
	}
	return 0, fmt.Errorf("nlgp: unknown variant %q, expected lufkin2023 or unit-variance", s)
}

// Config describes an NLGP classification task.
type Config struct {
	L               int     // number of positions (input dimension), > 0
	Xi1             float64 // correlation length of the +1 class, > 0
	Xi2             float64 // correlation length of the −1 class, > 0
	Gain            float64 // gain g of the error function, > 0
	ClassProportion float64 // P(label = +1), in [0, 1]
	Variant         Variant
}

// Figures returns the configuration that produced the ported notebook's
// figures: L = 40 inputs, ξ = 4.47 for the +1 class and 0.1 for the −1 class,
// gain 100, balanced classes.
func Figures() Config {
	return Config{L: 40, Xi1: 4.47, Xi2: 0.1, Gain: 100, ClassProportion: 0.5}
}

// Validate reports a configuration that cannot define a process.
func (c Config) Validate() error {
	if c.L <= 0 {
		return fmt.Errorf("nlgp: L (number of positions) must be positive, got %d", c.L)
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"xi1", c.Xi1}, {"xi2", c.Xi2}, {"gain", c.Gain}} {
		if math.IsNaN(p.v) || math.IsInf(p.v, 0) || p.v <= 0 {
			return fmt.Errorf("nlgp: %s must be a positive finite number, got %g", p.name, p.v)
		}
	}
	if math.IsNaN(c.ClassProportion) || c.ClassProportion < 0 || c.ClassProportion > 1 {
		return fmt.Errorf("nlgp: class proportion must be in [0, 1], got %g", c.ClassProportion)
	}
	if c.Variant != Lufkin2023 && c.Variant != UnitVariance {
		return fmt.Errorf("nlgp: unknown variant %d", int(c.Variant))
	}
	return nil
}

// Z returns the seed's normaliser √((2/π)·asin(g²/(1+g²))).
func Z(g float64) float64 {
	return math.Sqrt(2 / math.Pi * math.Asin(g*g/(1+g*g)))
}

// scaling returns a and s with x = erf(a·z)/s.
func (c Config) scaling() (a, s float64) {
	if c.Variant == UnitVariance {
		return c.Gain / math.Sqrt2, Z(c.Gain)
	}
	return c.Gain, Z(c.Gain)
}

// Covariance returns the L×L squared-exponential covariance
// C_ij = exp(−(i−j)²/ξ²) of the latent Gaussian.
func Covariance(L int, xi float64) (*mat.SymDense, error) {
	if L <= 0 {
		return nil, fmt.Errorf("nlgp: L must be positive, got %d", L)
	}
	if math.IsNaN(xi) || math.IsInf(xi, 0) || xi <= 0 {
		return nil, fmt.Errorf("nlgp: correlation length must be a positive finite number, got %g", xi)
	}
	c := mat.NewSymDense(L, nil)
	for i := 0; i < L; i++ {
		for j := i; j < L; j++ {
			d := float64(i - j)
			c.SetSym(i, j, math.Exp(-d*d/(xi*xi)))
		}
	}
	return c, nil
}

// sqrtFactor returns A (L×L, row-major) with A·Aᵀ = C from the eigen
// decomposition C = V·diag(λ)·Vᵀ: A = V·diag(√max(λ, 0)).
func sqrtFactor(c *mat.SymDense) ([]float64, error) {
	var eig mat.EigenSym
	if !eig.Factorize(c, true) {
		return nil, errors.New("nlgp: eigen decomposition of the covariance failed")
	}
	vals := eig.Values(nil)
	var v mat.Dense
	eig.VectorsTo(&v)
	n := len(vals)
	a := make([]float64, n*n)
	for j, l := range vals {
		s := math.Sqrt(math.Max(l, 0))
		for i := 0; i < n; i++ {
			a[i*n+j] = v.At(i, j) * s
		}
	}
	return a, nil
}

// Sampler streams labelled NLGP examples from a seeded source. It is not
// safe for concurrent use; give each goroutine its own.
type Sampler struct {
	cfg    Config
	rng    *rand.Rand
	a, s   float64
	factor [2][]float64 // square roots of C for the +1 and −1 class
	one    []float64    // ε of one example
	eps    []float64    // ε and z of a batch
}

// New returns a sampler for cfg drawing from src.
func New(cfg Config, src rand.Source) (*Sampler, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if src == nil {
		return nil, errors.New("nlgp: nil random source")
	}
	sm := &Sampler{cfg: cfg, rng: rand.New(src), one: make([]float64, cfg.L)}
	sm.a, sm.s = cfg.scaling()
	for k, xi := range []float64{cfg.Xi1, cfg.Xi2} {
		c, err := Covariance(cfg.L, xi)
		if err != nil {
			return nil, err
		}
		if sm.factor[k], err = sqrtFactor(c); err != nil {
			return nil, err
		}
	}
	return sm, nil
}

// NewSeeded returns a sampler drawing from a PCG source seeded with seed.
func NewSeeded(cfg Config, seed uint64) (*Sampler, error) {
	return New(cfg, rand.NewPCG(seed, 0x6e6c6770))
}

// Config returns the sampler's configuration.
func (sm *Sampler) Config() Config { return sm.cfg }

// Dim returns the input dimension L.
func (sm *Sampler) Dim() int { return sm.cfg.L }

// Label draws a label: +1 with probability ClassProportion, else −1.
func (sm *Sampler) Label() float64 {
	if sm.rng.Float64() < sm.cfg.ClassProportion {
		return 1
	}
	return -1
}

// SampleClass fills x (length L) with an example of the class with the given
// label (+1 → Xi1, anything else → Xi2).
func (sm *Sampler) SampleClass(x []float64, label float64) {
	L := sm.cfg.L
	if len(x) != L {
		panic(fmt.Sprintf("nlgp: sample buffer has length %d, want L = %d", len(x), L))
	}
	f := sm.factor[1]
	if label > 0 {
		f = sm.factor[0]
	}
	eps := sm.one
	for i := range eps {
		eps[i] = sm.rng.NormFloat64()
	}
	for i := 0; i < L; i++ {
		row := f[i*L : (i+1)*L]
		z := 0.0
		for j, e := range eps {
			z += row[j] * e
		}
		x[i] = math.Erf(sm.a*z) / sm.s
	}
}

// Sample draws a label and fills x (length L) with an example of its class.
func (sm *Sampler) Sample(x []float64) float64 {
	y := sm.Label()
	sm.SampleClass(x, y)
	return y
}

// Batch fills x (n×L, row-major) and y (n) with n = len(y) independent
// labelled examples. It draws all labels first, then the Gaussian vectors of
// each class with one matrix product, so its stream differs from n calls of
// Sample; both are seeded and deterministic.
func (sm *Sampler) Batch(x, y []float64) error {
	L := sm.cfg.L
	if len(x) != len(y)*L {
		return fmt.Errorf("nlgp: batch of %d labels needs %d×%d = %d inputs, got %d", len(y), len(y), L, len(y)*L, len(x))
	}
	n := len(y)
	if cap(sm.eps) < 2*n*L {
		sm.eps = make([]float64, 2*n*L)
	}
	eps, z := sm.eps[:n*L], sm.eps[n*L:2*n*L]
	for i := range y {
		y[i] = sm.Label()
	}
	for i := range eps {
		eps[i] = sm.rng.NormFloat64()
	}
	// Rows of eps are packed class by class (+1 first) so that each class's
	// latent vectors are one product z = ε·Aᵀ.
	n1 := 0
	for _, v := range y {
		if v > 0 {
			n1++
		}
	}
	for c, rows := range [2][2]int{{0, n1}, {n1, n}} {
		if rows[1] == rows[0] {
			continue
		}
		m := rows[1] - rows[0]
		E := blas64.General{Rows: m, Cols: L, Stride: L, Data: eps[rows[0]*L : rows[1]*L]}
		Zc := blas64.General{Rows: m, Cols: L, Stride: L, Data: z[rows[0]*L : rows[1]*L]}
		A := blas64.General{Rows: L, Cols: L, Stride: L, Data: sm.factor[c]}
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, E, A, 0, Zc)
	}
	i1, i2 := 0, n1
	for i, v := range y {
		src := &i2
		if v > 0 {
			src = &i1
		}
		zr := z[*src*L : (*src+1)*L]
		*src++
		xr := x[i*L : (i+1)*L]
		for j, v := range zr {
			xr[j] = math.Erf(sm.a*v) / sm.s
		}
	}
	return nil
}

// Moment returns the exact within-class second moment E[x_i x_j] for
// positions at distance d = |i−j| in the class with correlation length xi:
// (2/π)·asin(2a²ρ/(1+2a²))/s², ρ = exp(−d²/ξ²), for x = erf(a·z)/s.
func (c Config) Moment(d int, xi float64) float64 {
	a, s := c.scaling()
	rho := math.Exp(-float64(d*d) / (xi * xi))
	return 2 / math.Pi * math.Asin(2*a*a*rho/(1+2*a*a)) / (s * s)
}

// Variance returns the marginal variance of every input, Moment(0, ·).
func (c Config) Variance() float64 { return c.Moment(0, 1) }
