package localization

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Activation is the hidden units' nonlinearity φ.
type Activation int

const (
	Tanh    Activation = iota // φ(a) = tanh a (the figures' choice)
	Sigmoid                   // φ(a) = 1/(1+e^(−a))
	ReLU                      // φ(a) = max(a, 0)
)

// String names the activation as the original's command line does.
func (a Activation) String() string {
	switch a {
	case Tanh:
		return "tanh"
	case Sigmoid:
		return "sigmoid"
	case ReLU:
		return "relu"
	}
	return fmt.Sprintf("Activation(%d)", int(a))
}

// ParseActivation returns the activation named s: tanh, sigmoid or relu.
func ParseActivation(s string) (Activation, error) {
	switch s {
	case "tanh":
		return Tanh, nil
	case "sigmoid":
		return Sigmoid, nil
	case "relu":
		return ReLU, nil
	}
	return 0, fmt.Errorf("localization: unknown activation %q, expected tanh, sigmoid or relu", s)
}

// apply returns φ(a) and φ'(a).
func (a Activation) apply(v float64) (h, dh float64) {
	switch a {
	case Sigmoid:
		h = 1 / (1 + math.Exp(-v))
		return h, h * (1 - h)
	case ReLU:
		if v > 0 {
			return v, 1
		}
		return 0, 0
	default:
		h = math.Tanh(v)
		return h, 1 - h*h
	}
}

// Init selects how the first-layer weights are drawn.
type Init int

const (
	// TorchNormal draws N(0, 1/L) as the torch script that produced the
	// figures does (ff1.weight.normal_(0, 1/√D)).
	TorchNormal Init = iota
	// LeCunNormal draws a normal truncated to [−2, 2] scaled by
	// √(scale/L)/0.87962566103423978 (models.lecun_normal_init, after
	// dm-haiku; the constant is the sd of the truncated standard normal).
	LeCunNormal
	// XavierNormal draws JAX's glorot_normal, a truncated normal with
	// variance 2/(K+L) after the same correction, times √scale
	// (models.xavier_normal_init).
	XavierNormal
)

// String names the initialisation.
func (i Init) String() string {
	switch i {
	case TorchNormal:
		return "torch"
	case LeCunNormal:
		return "lecun"
	case XavierNormal:
		return "xavier"
	}
	return fmt.Sprintf("Init(%d)", int(i))
}

// ParseInit returns the initialisation named s: torch, lecun or xavier.
func ParseInit(s string) (Init, error) {
	switch s {
	case "torch":
		return TorchNormal, nil
	case "lecun":
		return LeCunNormal, nil
	case "xavier":
		return XavierNormal, nil
	}
	return 0, fmt.Errorf("localization: unknown initialisation %q, expected torch, lecun or xavier", s)
}

// truncNormalSD is scipy.stats.truncnorm.std(a=−2, b=2), the constant of
// models.lecun_normal_init.
const truncNormalSD = 0.87962566103423978

// Options describes a network to build.
type Options struct {
	Hidden      int        // K, number of hidden units
	Inputs      int        // L, input dimension
	Act         Activation // hidden nonlinearity
	Bias        bool       // trainable first-layer bias, initialised to zero
	Init        Init       // weight initialisation
	InitScale   float64    // variance scale of LeCun/Xavier (0 means 1; ignored by TorchNormal, as in the torch script)
	ReadoutBias float64    // fixed constant c added to the mean readout
}

// FiguresOptions returns the network behind the seed's figures: 100 tanh
// units on 40 inputs, a trainable zero-initialised bias, torch-style
// weights and readout bias 0.
func FiguresOptions() Options {
	return Options{Hidden: 100, Inputs: 40, Act: Tanh, Bias: true, Init: TorchNormal}
}

// Network is the committee ŷ = (1/K)·Σ_k φ(w_k·x + b_k) + c.
type Network struct {
	W           *mat.Dense // K×L first-layer weights
	B           []float64  // first-layer bias (length K), nil without bias
	Act         Activation
	ReadoutBias float64
}

// New draws a network as opt says from src.
func New(opt Options, src rand.Source) (*Network, error) {
	if opt.Hidden <= 0 {
		return nil, fmt.Errorf("localization: number of hidden units K must be positive, got %d", opt.Hidden)
	}
	if opt.Inputs <= 0 {
		return nil, fmt.Errorf("localization: input dimension L must be positive, got %d", opt.Inputs)
	}
	if opt.Act < Tanh || opt.Act > ReLU {
		return nil, fmt.Errorf("localization: unknown activation %d", int(opt.Act))
	}
	scale := opt.InitScale
	if scale == 0 {
		scale = 1
	}
	if math.IsNaN(scale) || math.IsInf(scale, 0) || scale < 0 {
		return nil, fmt.Errorf("localization: init scale must be a non-negative finite number, got %g", opt.InitScale)
	}
	if math.IsNaN(opt.ReadoutBias) || math.IsInf(opt.ReadoutBias, 0) {
		return nil, fmt.Errorf("localization: readout bias must be finite, got %g", opt.ReadoutBias)
	}
	if src == nil {
		return nil, errors.New("localization: nil random source")
	}
	rng := rand.New(src)
	K, L := opt.Hidden, opt.Inputs
	w := make([]float64, K*L)
	switch opt.Init {
	case TorchNormal:
		sd := 1 / math.Sqrt(float64(L))
		for i := range w {
			w[i] = sd * rng.NormFloat64()
		}
	case LeCunNormal, XavierNormal:
		fan := float64(L)
		if opt.Init == XavierNormal {
			fan = float64(K+L) / 2
		}
		sd := math.Sqrt(scale/math.Max(1, fan)) / truncNormalSD
		for i := range w {
			w[i] = sd * truncNormal(rng)
		}
	default:
		return nil, fmt.Errorf("localization: unknown initialisation %d", int(opt.Init))
	}
	n := &Network{W: mat.NewDense(K, L, w), Act: opt.Act, ReadoutBias: opt.ReadoutBias}
	if opt.Bias {
		n.B = make([]float64, K)
	}
	return n, nil
}

// truncNormal draws a standard normal conditioned on [−2, 2] by rejection.
func truncNormal(rng *rand.Rand) float64 {
	for {
		if v := rng.NormFloat64(); v >= -2 && v <= 2 {
			return v
		}
	}
}

// Dims returns K (hidden units) and L (inputs).
func (n *Network) Dims() (K, L int) { return n.W.Dims() }

// Clone returns a deep copy of n.
func (n *Network) Clone() *Network {
	c := &Network{W: mat.DenseCopyOf(n.W), Act: n.Act, ReadoutBias: n.ReadoutBias}
	if n.B != nil {
		c.B = append([]float64(nil), n.B...)
	}
	return c
}

// Preactivations returns the N×K matrix of w_k·x_n + b_k for the N inputs in
// x (N×L, row-major).
func (n *Network) Preactivations(x []float64) (*mat.Dense, error) {
	K, L := n.Dims()
	if len(x) == 0 || len(x)%L != 0 {
		return nil, fmt.Errorf("localization: inputs hold %d values, want a positive multiple of L = %d", len(x), L)
	}
	N := len(x) / L
	a := mat.NewDense(N, K, nil)
	n.preact(blas64.General{Rows: N, Cols: L, Stride: L, Data: x}, a.RawMatrix())
	return a, nil
}

// preact sets a = x·Wᵀ + b.
func (n *Network) preact(x, a blas64.General) {
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, x, n.W.RawMatrix(), 0, a)
	if n.B != nil {
		for r := 0; r < a.Rows; r++ {
			row := a.Data[r*a.Stride : r*a.Stride+a.Cols]
			for k, b := range n.B {
				row[k] += b
			}
		}
	}
}

// Predict returns ŷ for the N inputs in x (N×L, row-major). If keep is not
// nil, only units with keep[k] contribute; the sum is still divided by K, as
// the original's hand-written forward for pruned networks does.
func (n *Network) Predict(x []float64, keep []bool) ([]float64, error) {
	K, _ := n.Dims()
	if keep != nil && len(keep) != K {
		return nil, fmt.Errorf("localization: keep mask has %d entries, want K = %d", len(keep), K)
	}
	a, err := n.Preactivations(x)
	if err != nil {
		return nil, err
	}
	N, _ := a.Dims()
	out := make([]float64, N)
	for r := 0; r < N; r++ {
		s := 0.0
		for k, v := range a.RawRowView(r) {
			if keep == nil || keep[k] {
				h, _ := n.Act.apply(v)
				s += h
			}
		}
		out[r] = s/float64(K) + n.ReadoutBias
	}
	return out, nil
}

// Evaluate returns the mean squared error and the accuracy (sign of ŷ, ŷ > 0
// meaning +1) on inputs x (N×L) with labels y (N). keep is as for Predict.
func (n *Network) Evaluate(x, y []float64, keep []bool) (loss, acc float64, err error) {
	pred, err := n.Predict(x, keep)
	if err != nil {
		return 0, 0, err
	}
	if len(pred) != len(y) {
		return 0, 0, fmt.Errorf("localization: %d inputs but %d labels", len(pred), len(y))
	}
	loss, acc = scores(pred, y)
	return loss, acc, nil
}

// scores returns mean((ŷ−y)²) and mean(sign ŷ == y).
func scores(pred, y []float64) (loss, acc float64) {
	for i, p := range pred {
		d := p - y[i]
		loss += d * d
		if (p > 0) == (y[i] > 0) {
			acc++
		}
	}
	N := float64(len(pred))
	return loss / N, acc / N
}
