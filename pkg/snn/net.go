package snn

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Spikes is a set of samples of binary input spike trains.
type Spikes interface {
	Len() int       // number of samples
	NumSteps() int  // time steps per sample
	NumInputs() int // input fibres
	// Row returns the inputs spiking at one step of one sample as a bit
	// set: bit i%64 of word i/64 is set when input i spikes.
	Row(sample, step int) []uint64
}

// Labelled is a set of spike trains with a class per sample.
type Labelled interface {
	Spikes
	Label(sample int) int
}

// Surrogate selects the derivative used in place of the Heaviside step's.
type Surrogate int

const (
	// Sigmoid is β·σ(βx)(1 − σ(βx)) with β = Beta (5 in the original).
	Sigmoid Surrogate = iota
	// SuperSpike is 1/(Scale·|x| + 1)² with Scale 100 (SpyTorch's form,
	// commented out in the original).
	SuperSpike
)

// Config holds the network's sizes and constants.
type Config struct {
	NumInputs, NumHidden, NumClasses int
	Tau, Dt                          float64 // membrane time constant and time step (s)

	Surrogate Surrogate
	Beta      float64 // slope of the sigmoid surrogate, 5
	Scale     float64 // scale of the SuperSpike surrogate, 100

	// Smooth replaces the Heaviside step of the forward pass by the sigmoid
	// σ(β(V−1)), making the network differentiable: the surrogate gradient
	// is then the true gradient (used to check backpropagation against
	// finite differences). The sigmoid's derivative is used whatever
	// Surrogate says.
	Smooth bool
}

// DefaultConfig returns the original's network: 200 inputs, 8 hidden, 12
// classes, τ = 20 ms (ITDNet's default; the published network uses 2 ms),
// dt = 1 ms, sigmoid surrogate with β = 5.
func DefaultConfig() Config {
	return Config{NumInputs: 200, NumHidden: 8, NumClasses: 12, Tau: 20e-3, Dt: 1e-3, Beta: 5, Scale: 100}
}

// Validate reports the first unusable parameter.
func (c Config) Validate() error {
	finitePos := func(v float64) bool { return v > 0 && !math.IsInf(v, 0) }
	switch {
	case c.NumInputs < 1 || c.NumHidden < 1 || c.NumClasses < 1:
		return fmt.Errorf("snn: sizes %d inputs, %d hidden, %d classes; expected at least 1 each", c.NumInputs, c.NumHidden, c.NumClasses)
	case !finitePos(c.Tau) || !finitePos(c.Dt):
		return fmt.Errorf("snn: τ = %v, dt = %v; expected positive finite times", c.Tau, c.Dt)
	case c.Surrogate == Sigmoid && !finitePos(c.Beta):
		return fmt.Errorf("snn: sigmoid surrogate slope β = %v, expected positive", c.Beta)
	case c.Surrogate == SuperSpike && !finitePos(c.Scale):
		return fmt.Errorf("snn: SuperSpike scale = %v, expected positive", c.Scale)
	case c.Surrogate != Sigmoid && c.Surrogate != SuperSpike:
		return fmt.Errorf("snn: unknown surrogate %d", c.Surrogate)
	}
	return nil
}

// Alpha is the membrane decay per step, exp(−dt/τ).
func (c Config) Alpha() float64 { return math.Exp(-c.Dt / c.Tau) }

// Net is the two-layer network. WIH (NumInputs × NumHidden) and WHO
// (NumHidden × NumClasses) are stored (in, out) like the original's.
type Net struct {
	Config
	WIH, WHO *mat.Dense
}

// New returns a network with the original's initialisation: uniform in
// ±1/√fan_in with torch's fan_in of an (in, out) tensor, its number of
// columns — so the bounds are 1/√NumHidden for W_ih and 1/√NumClasses for
// W_ho. W_ih is drawn first, row by row.
func New(cfg Config, src rand.Source) (*Net, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if src == nil {
		return nil, fmt.Errorf("snn: New needs a random source")
	}
	r := rand.New(src)
	uniform := func(rows, cols int) *mat.Dense {
		b := 1 / math.Sqrt(float64(cols))
		d := make([]float64, rows*cols)
		for i := range d {
			d[i] = -b + 2*b*r.Float64()
		}
		return mat.NewDense(rows, cols, d)
	}
	wih := uniform(cfg.NumInputs, cfg.NumHidden)
	who := uniform(cfg.NumHidden, cfg.NumClasses)
	return &Net{Config: cfg, WIH: wih, WHO: who}, nil
}

// FromWeights builds a network around given weights (copied), taking the
// sizes from their shapes; cfg's sizes are overwritten.
func FromWeights(wih, who mat.Matrix, cfg Config) (*Net, error) {
	if wih == nil || who == nil {
		return nil, fmt.Errorf("snn: FromWeights needs both weight matrices")
	}
	ni, nh := wih.Dims()
	nh2, nc := who.Dims()
	if nh != nh2 {
		return nil, fmt.Errorf("snn: W_ih is %d×%d but W_ho is %d×%d; expected W_ho to have %d rows", ni, nh, nh2, nc, nh)
	}
	cfg.NumInputs, cfg.NumHidden, cfg.NumClasses = ni, nh, nc
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	n := &Net{Config: cfg, WIH: mat.DenseCopyOf(wih), WHO: mat.DenseCopyOf(who)}
	if err := n.check(); err != nil {
		return nil, err
	}
	return n, nil
}

// check verifies shapes and finiteness of the weights.
func (n *Net) check() error {
	if err := n.Config.Validate(); err != nil {
		return err
	}
	if n.WIH == nil || n.WHO == nil {
		return fmt.Errorf("snn: network has no weights")
	}
	if r, c := n.WIH.Dims(); r != n.NumInputs || c != n.NumHidden {
		return fmt.Errorf("snn: W_ih is %d×%d, expected %d×%d", r, c, n.NumInputs, n.NumHidden)
	}
	if r, c := n.WHO.Dims(); r != n.NumHidden || c != n.NumClasses {
		return fmt.Errorf("snn: W_ho is %d×%d, expected %d×%d", r, c, n.NumHidden, n.NumClasses)
	}
	for name, m := range map[string]*mat.Dense{"W_ih": n.WIH, "W_ho": n.WHO} {
		r, c := m.Dims()
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				if v := m.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("snn: %s[%d,%d] = %v, expected finite weights", name, i, j, v)
				}
			}
		}
	}
	return nil
}

// checkInput verifies that x suits the network.
func (n *Net) checkInput(x Spikes) error {
	if x == nil || x.Len() < 1 {
		return fmt.Errorf("snn: empty input, expected at least one sample")
	}
	if x.NumInputs() != n.NumInputs {
		return fmt.Errorf("snn: input has %d fibres, the network expects %d", x.NumInputs(), n.NumInputs)
	}
	if x.NumSteps() < 2 {
		return fmt.Errorf("snn: input has %d time steps, expected at least 2", x.NumSteps())
	}
	return nil
}

// weights returns row-major copies of the weights.
func (n *Net) weights() (wih, who []float64) {
	return denseData(n.WIH), denseData(n.WHO)
}

func denseData(m *mat.Dense) []float64 {
	r, c := m.Dims()
	d := make([]float64, 0, r*c)
	for i := 0; i < r; i++ {
		d = append(d, m.RawRowView(i)...)
	}
	return d
}
