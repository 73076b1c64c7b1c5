package lissom

import (
	"fmt"
	"math"
)

// Kind names the weight initialisation of a Linear module, after the
// pylissom class that builds it.
type Kind int

// The five kinds of pylissom's linear LISSOM layers.
const (
	GaussianLinear                          Kind = iota // Gaussian of the distance, no mask
	GaussianCloudLinear                                 // Gaussian × uniform(0, 1) noise, no mask
	Cortex                                              // Gaussian cloud, circular mask, rows L1-normalised
	DifferenceOfGaussiansLinear                         // masked, normalised centre − surround Gaussians
	UnnormalizedDifferenceOfGaussiansLinear             // raw centre − surround Gaussians
)

var kindNames = [...]string{"GaussianLinear", "GaussianCloudLinear", "Cortex",
	"DifferenceOfGaussiansLinear", "UnnormalizedDifferenceOfGaussiansLinear"}

// String returns the pylissom class name.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// LinearParams are the arguments a Linear module was built with.
type LinearParams struct {
	Sigma         float64 // Gaussian width (Gaussian, cloud and Cortex kinds)
	Radius        float64 // circular mask radius; NoRadius for none
	SigmaCenter   float64 // DoG centre width
	SigmaSurround float64 // DoG surround width
	On            bool    // DoG: centre − surround (ON) or surround − centre (OFF)
	Seed          uint64  // noise seed (cloud and Cortex kinds)
	Smooth        bool    // Cortex built without noise (NewSmoothCortex)
}

// Linear is a LISSOM projection module: y = W·x with W one of the Kinds.
// It records its last input and output when recording is on (see Record).
type Linear struct {
	kind   Kind
	params LinearParams
	w      *Projection
	rec    *Activity
}

// Kind returns how the weights were initialised.
func (l *Linear) Kind() Kind { return l.kind }

// Params returns the construction arguments.
func (l *Linear) Params() LinearParams { return l.params }

// Weights returns the connection fields.
func (l *Linear) Weights() *Projection { return l.w }

// InFeatures returns the number of inputs.
func (l *Linear) InFeatures() int { return l.w.In() }

// OutFeatures returns the number of outputs.
func (l *Linear) OutFeatures() int { return l.w.Out() }

// Forward returns W·x.
func (l *Linear) Forward(x []float64) ([]float64, error) {
	y := make([]float64, l.OutFeatures())
	if err := l.w.Apply(y, x); err != nil {
		return nil, fmt.Errorf("%s: %w", l.kind, err)
	}
	l.rec.store(x, y)
	return y, nil
}

// forward is Forward into dst without checks, for the networks.
func (l *Linear) forward(dst, x []float64) {
	l.w.apply(dst, x)
	l.rec.store(x, dst)
}

// gaussian is pylissom.math.gaussian for a circular Gaussian:
// exp(−½(dx/σ)² − ½(dy/σ)²), peak 1 at the centre, no normalisation.
func gaussian(dx, dy, sigma float64) float64 {
	xw, yh := dx/sigma, dy/sigma
	return math.Exp(-0.5*xw*xw + -0.5*yh*yh)
}

// noise is the uniform [0, 1) factor of connection (i, j) of a cloud with
// this seed: a SplitMix64 hash of the seed and the connection index, so the
// weights do not depend on the order in which they are computed. (pylissom
// draws an unseeded torch uniform per weight; no bit-for-bit match is
// possible or wanted.)
func noise(seed uint64, in, i, j int) float64 {
	z := mix64(mix64(seed) + uint64(i*in+j)*0x9e3779b97f4a7c15)
	return float64(z>>11) / (1 << 53)
}

func mix64(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func checkSigma(name string, s float64) error {
	if !(s > 0) || math.IsInf(s, 0) {
		return fmt.Errorf("lissom: %s = %v, want a finite value > 0", name, s)
	}
	return nil
}

// rowNorms returns the L1 norm of each output's weights under f, over g's
// fields (pylissom.math.normalize with p=1 along rows).
func rowNorms(g geometry, f func(i, j int, dx, dy float64) float64) []float64 {
	n := make([]float64, g.outSide*g.outSide)
	parallelFor(len(n), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := 0.0
			g.forRow(i, func(j int, dx, dy float64) { s += math.Abs(f(i, j, dx, dy)) })
			n[i] = s
		}
	})
	return n
}

// NewGaussianLinear builds pylissom's GaussianLinear(in, out, sigma): weight
// exp(−d²/2σ²) of the distance d between input unit and neuron centre, for
// every pair (no mask, no normalisation).
func NewGaussianLinear(in, out int, sigma float64) (*Linear, error) {
	if err := checkSigma("sigma", sigma); err != nil {
		return nil, err
	}
	g, err := newGeometry(in, out, NoRadius)
	if err != nil {
		return nil, err
	}
	w := buildProjection(g, func(_, _ int, dx, dy float64) float64 { return gaussian(dx, dy, sigma) })
	return &Linear{kind: GaussianLinear, params: LinearParams{Sigma: sigma, Radius: NoRadius}, w: w}, nil
}

// NewGaussianCloudLinear builds pylissom's GaussianCloudLinear(in, out,
// sigma): the Gaussian weights each multiplied by uniform(0, 1) noise drawn
// from seed.
func NewGaussianCloudLinear(in, out int, sigma float64, seed uint64) (*Linear, error) {
	if err := checkSigma("sigma", sigma); err != nil {
		return nil, err
	}
	g, err := newGeometry(in, out, NoRadius)
	if err != nil {
		return nil, err
	}
	inN := g.inSide * g.inSide
	w := buildProjection(g, func(i, j int, dx, dy float64) float64 {
		return gaussian(dx, dy, sigma) * noise(seed, inN, i, j)
	})
	return &Linear{kind: GaussianCloudLinear, params: LinearParams{Sigma: sigma, Radius: NoRadius, Seed: seed}, w: w}, nil
}

// NewCortex builds pylissom's Cortex(in, out, radius, sigma): a Gaussian
// cloud (seeded) cut by a circular mask of the radius (connections farther
// than radius are absent) and normalised so that each neuron's weights sum
// to 1.
//
// pylissom means row-wise L1 normalisation, but its normalize divides by
// norm(dim=1).expand_as(M), which under torch ≥ 0.4 divides column j by row
// j's norm when in == out and fails otherwise (its test never asserted).
// The saved notebook's figures show row-wise normalisation, which is what
// this package does.
func NewCortex(in, out int, radius, sigma float64, seed uint64) (*Linear, error) {
	return newCortex(in, out, radius, sigma, seed, false)
}

// NewSmoothCortex is NewCortex without the noise: the masked, normalised
// Gaussian. It is deterministic (used to compare settling with a reference
// implementation) and is Topographica's smooth initial weight pattern.
func NewSmoothCortex(in, out int, radius, sigma float64) (*Linear, error) {
	return newCortex(in, out, radius, sigma, 0, true)
}

func newCortex(in, out int, radius, sigma float64, seed uint64, smooth bool) (*Linear, error) {
	if err := checkSigma("sigma", sigma); err != nil {
		return nil, err
	}
	g, err := newGeometry(in, out, radius)
	if err != nil {
		return nil, err
	}
	inN := g.inSide * g.inSide
	raw := func(i, j int, dx, dy float64) float64 {
		if smooth {
			return gaussian(dx, dy, sigma)
		}
		return gaussian(dx, dy, sigma) * noise(seed, inN, i, j)
	}
	norms := rowNorms(g, raw)
	w := buildProjection(g, func(i, j int, dx, dy float64) float64 { return raw(i, j, dx, dy) / norms[i] })
	return &Linear{kind: Cortex, params: LinearParams{Sigma: sigma, Radius: radius, Seed: seed, Smooth: smooth}, w: w}, nil
}

// NewDifferenceOfGaussians builds pylissom's DifferenceOfGaussiansLinear(in,
// out, on, radius, sigma_surround, sigma_center): centre C and surround S
// Gaussians, each cut by the circular mask and normalised per neuron to sum
// 1, then W = C − S (on) or S − C (off), in that order
// (diff(normalize(mask(gaussian)))). Each neuron's weights sum to 0.
func NewDifferenceOfGaussians(in, out int, on bool, radius, sigmaSurround, sigmaCenter float64) (*Linear, error) {
	if err := checkSigma("sigma_surround", sigmaSurround); err != nil {
		return nil, err
	}
	if err := checkSigma("sigma_center", sigmaCenter); err != nil {
		return nil, err
	}
	g, err := newGeometry(in, out, radius)
	if err != nil {
		return nil, err
	}
	nc := rowNorms(g, func(_, _ int, dx, dy float64) float64 { return gaussian(dx, dy, sigmaCenter) })
	ns := rowNorms(g, func(_, _ int, dx, dy float64) float64 { return gaussian(dx, dy, sigmaSurround) })
	w := buildProjection(g, func(i, _ int, dx, dy float64) float64 {
		c, s := gaussian(dx, dy, sigmaCenter)/nc[i], gaussian(dx, dy, sigmaSurround)/ns[i]
		if on {
			return c - s
		}
		return s - c
	})
	p := LinearParams{Radius: radius, SigmaCenter: sigmaCenter, SigmaSurround: sigmaSurround, On: on}
	return &Linear{kind: DifferenceOfGaussiansLinear, params: p, w: w}, nil
}

// NewUnnormalizedDifferenceOfGaussians builds pylissom's
// UnnormalizedDifferenceOfGaussiansLinear (used only for its notebook
// figure): the raw Gaussians' difference, centre − surround (on) or
// surround − centre (off), without mask or normalisation, values in [−1, 1].
func NewUnnormalizedDifferenceOfGaussians(in, out int, on bool, sigmaSurround, sigmaCenter float64) (*Linear, error) {
	if err := checkSigma("sigma_surround", sigmaSurround); err != nil {
		return nil, err
	}
	if err := checkSigma("sigma_center", sigmaCenter); err != nil {
		return nil, err
	}
	g, err := newGeometry(in, out, NoRadius)
	if err != nil {
		return nil, err
	}
	w := buildProjection(g, func(_, _ int, dx, dy float64) float64 {
		c, s := gaussian(dx, dy, sigmaCenter), gaussian(dx, dy, sigmaSurround)
		if on {
			return c - s
		}
		return s - c
	})
	p := LinearParams{Radius: NoRadius, SigmaCenter: sigmaCenter, SigmaSurround: sigmaSurround, On: on}
	return &Linear{kind: UnnormalizedDifferenceOfGaussiansLinear, params: p, w: w}, nil
}
