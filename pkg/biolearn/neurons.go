package biolearn

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/receptive-go/receptive/pkg/ode"
)

// Decay selects the decay term of the learning rule.
type Decay int

const (
	// DecayActivation is the original code's g(h_μ)(v_i − h_μ W_μi), with
	// the stationary activation h_μ.
	DecayActivation Decay = iota
	// DecayCurrent is the paper's eq. 3 with R = 1: g(h_μ)(v_i − I_μ W_μi),
	// with the current I_μ = ⟨W, v⟩_μ.
	DecayCurrent
)

func (d Decay) String() string {
	switch d {
	case DecayActivation:
		return "activation"
	case DecayCurrent:
		return "current"
	}
	return fmt.Sprintf("Decay(%d)", int(d))
}

// Params are the parameters of BioNeurons, named as in the original class.
type Params struct {
	InputDim  int     // number of visible units
	OutputDim int     // number of hidden units
	WInh      float64 // strength of the global inhibition w_inh (eq. 8), ≥ 0
	Delta     float64 // strength Δ of the anti-Hebbian term (eq. 9)
	HStar     float64 // activation threshold h* (eq. 9)
	Tau       float64 // time scale τ of the hidden units (eq. 8), > 0
	TauL      float64 // time scale τ_L of learning (eq. 3), > 0
	P         float64 // Lebesgue exponent p (eq. 2), > 1
	Decay     Decay   // decay term of the learning rule
}

// DefaultParams are the defaults of the original class: 2 inputs, 4 hidden
// units, w_inh 0.63, Δ 0.4, h* 0.1, τ 1, τ_L 100, p 4.
func DefaultParams() Params {
	return Params{InputDim: 2, OutputDim: 4, WInh: 0.63, Delta: 0.4, HStar: 0.1, Tau: 1, TauL: 100, P: 4}
}

// MNISTParams are the parameters of the original's MNIST run: 784 inputs,
// 15 hidden units, p 2, Δ 0.4, h* 0.8, w_inh 15.
func MNISTParams() Params {
	p := DefaultParams()
	p.InputDim, p.OutputDim = 784, 15
	p.P, p.Delta, p.HStar, p.WInh = 2, 0.4, 0.8, 15
	return p
}

// Validate reports the first parameter out of range.
func (p Params) Validate() error {
	if p.InputDim <= 0 || p.OutputDim <= 0 {
		return fmt.Errorf("biolearn: %d inputs and %d hidden units; both must be positive", p.InputDim, p.OutputDim)
	}
	finite := func(name string, v float64) error {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("biolearn: %s = %v; expected a finite number", name, v)
		}
		return nil
	}
	for _, c := range []struct {
		name string
		v    float64
	}{{"w_inh", p.WInh}, {"delta", p.Delta}, {"h_star", p.HStar}, {"tau", p.Tau}, {"tau_L", p.TauL}, {"lebesgue_p", p.P}} {
		if err := finite(c.name, c.v); err != nil {
			return err
		}
	}
	switch {
	case p.WInh < 0:
		return fmt.Errorf("biolearn: w_inh = %v; the inhibition must be ≥ 0", p.WInh)
	case p.Tau <= 0:
		return fmt.Errorf("biolearn: tau = %v; time constants must be positive", p.Tau)
	case p.TauL <= 0:
		return fmt.Errorf("biolearn: tau_L = %v; time constants must be positive", p.TauL)
	case p.P <= 1:
		return fmt.Errorf("biolearn: lebesgue_p = %v; the Lebesgue exponent must be > 1", p.P)
	case p.Decay != DecayActivation && p.Decay != DecayCurrent:
		return fmt.Errorf("biolearn: unknown decay term %v", p.Decay)
	}
	return nil
}

// pyNum formats v as the original prints its parameters: integral values
// without a decimal point (they were passed as Python ints), others in
// Python's shortest repr.
func pyNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e16 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return pyFloat(v)
}

// pyFloat is Python's repr of a float: shortest digits, with ".0" when
// integral.
func pyFloat(v float64) string {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if v == math.Trunc(v) && math.Abs(v) < 1e16 {
		s = strconv.FormatFloat(v, 'f', 1, 64)
	}
	return s
}

// String prints the parameters as the original's BioNeurons.__str__ (p, a
// float in every call of the original, keeps its ".0"; the others print as
// the Python values the original passed).
func (p Params) String() string {
	s := fmt.Sprintf("BioNeurons(input_dim=%d, output_dim=%d, w_inh=%s, delta=%s, lebesgue_p=%s, h_star=%s, tau=%s, tau_L=%s)",
		p.InputDim, p.OutputDim, pyNum(p.WInh), pyNum(p.Delta), pyFloat(p.P), pyNum(p.HStar), pyNum(p.Tau), pyNum(p.TauL))
	if p.Decay != DecayActivation {
		s = s[:len(s)-1] + ", decay=" + p.Decay.String() + ")"
	}
	return s
}

// Neurons is a layer of competing hidden units: the parameters, the weights
// W (OutputDim×InputDim, row-major: row μ holds the weights of hidden unit μ)
// and the activations H (zero at the start, as in the original). A Neurons
// keeps solver workspaces and is not safe for concurrent use.
type Neurons struct {
	Params
	W []float64
	H []float64

	inner     ode.RK45
	innerRes  ode.Result
	outer     ode.RK45
	outerRes  ode.Result
	cur       []float64 // currents I_μ
	hs        []float64 // stationary activations of the last evaluation
	zero      []float64 // initial state of eq. 8
	innerEval [1]float64
	fw        []float64 // sgn(W)|W|^(p−1) scratch for one row
	nz        []int     // indices of the non-zero inputs
	v         []float64 // the input of the current presentation
	stat      Stats
}

// New returns neurons with weights drawn from N(0, 1) with rng, as the
// original's numpy.random.normal, and zero activations.
func New(p Params, rng *rand.Rand) (*Neurons, error) {
	if rng == nil {
		return nil, errors.New("biolearn: New needs a random generator for the initial weights")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	w := make([]float64, p.OutputDim*p.InputDim)
	for i := range w {
		w[i] = rng.NormFloat64()
	}
	return FromWeights(p, w)
}

// FromWeights returns neurons with the given weights (copied; length
// OutputDim·InputDim, row-major).
func FromWeights(p Params, w []float64) (*Neurons, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(w) != p.OutputDim*p.InputDim {
		return nil, fmt.Errorf("biolearn: %d weights, expected %d×%d = %d", len(w), p.OutputDim, p.InputDim, p.OutputDim*p.InputDim)
	}
	if err := checkFinite("weights", w); err != nil {
		return nil, err
	}
	return &Neurons{
		Params: p,
		W:      append([]float64(nil), w...),
		H:      make([]float64, p.OutputDim),
		cur:    make([]float64, p.OutputDim),
		hs:     make([]float64, p.OutputDim),
		zero:   make([]float64, p.OutputDim),
		fw:     make([]float64, p.InputDim),
	}, nil
}

func checkFinite(what string, x []float64) error {
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("biolearn: %s[%d] = %v; expected finite values", what, i, v)
		}
	}
	return nil
}

// checkInput validates a visible pattern.
func (n *Neurons) checkInput(v []float64) error {
	if len(v) != n.InputDim {
		return fmt.Errorf("biolearn: input of %d values, expected %d (the number of visible units)", len(v), n.InputDim)
	}
	return checkFinite("input", v)
}

// Row returns the weights of hidden unit μ (shared with W).
func (n *Neurons) Row(mu int) []float64 { return n.W[mu*n.InputDim : (mu+1)*n.InputDim] }

// Norms returns Σ_i |W_μi|^p for every hidden unit, the quantity the
// original records after each presentation.
func (n *Neurons) Norms() []float64 {
	out := make([]float64, n.OutputDim)
	for mu := range out {
		var s float64
		for _, w := range n.Row(mu) {
			s += powAbs(w, n.P)
		}
		out[mu] = s
	}
	return out
}

// powAbs is |w|^p, exact for p = 1, 2, 3.
func powAbs(w, p float64) float64 {
	a := math.Abs(w)
	switch p {
	case 1:
		return a
	case 2:
		return a * a
	case 3:
		return a * a * a
	}
	return math.Pow(a, p)
}

// signedPow is sgn(w)|w|^(p−1), with sgn(0) = 0 as numpy.sign.
func signedPow(w, p float64) float64 {
	switch p {
	case 2:
		return w
	case 3:
		return w * math.Abs(w)
	}
	if w == 0 {
		return 0
	}
	return math.Copysign(math.Pow(math.Abs(w), p-1), w)
}

// Currents writes I_μ = Σ_i sgn(W_μi)|W_μi|^(p−1) v_i (eq. 8 of the paper)
// into dst for the weights w (outputs×len(v), row-major). Terms with
// v_i = 0 are skipped. It panics on mismatched lengths.
func Currents(dst, w, v []float64, p float64) {
	in := len(v)
	if len(w) != len(dst)*in {
		panic("biolearn: Currents: weights do not match the sizes of dst and v")
	}
	for mu := range dst {
		row := w[mu*in : (mu+1)*in]
		var s float64
		for i, x := range v {
			if x != 0 {
				s += signedPow(row[i], p) * x
			}
		}
		dst[mu] = s
	}
}

// currentsNZ is Currents over the non-zero inputs listed in nz.
func currentsNZ(dst, w, v []float64, nz []int, p float64) {
	in := len(v)
	for mu := range dst {
		row := w[mu*in : (mu+1)*in]
		var s float64
		if p == 2 {
			for _, i := range nz {
				s += row[i] * v[i]
			}
		} else {
			for _, i := range nz {
				s += signedPow(row[i], p) * v[i]
			}
		}
		dst[mu] = s
	}
}

// dhdt is eq. 8 for the currents cur: dst = (I − w_inh(Σ_ν max(h_ν,0) −
// max(h_μ,0)) − h)/τ.
func dhdt(dst, h, cur []float64, wInh, tau float64) {
	var total float64
	for _, x := range h {
		if x > 0 {
			total += x
		}
	}
	for mu, x := range h {
		pos := 0.0
		if x > 0 {
			pos = x
		}
		dst[mu] = (cur[mu] - wInh*(total-pos) - x) / tau
	}
}

// DhDt writes the time derivative of the activations h (eq. 8) for input v
// and weights w into dst, as the original's dh_dt.
func (n *Neurons) DhDt(dst, h, v, w []float64) error {
	if err := n.checkInput(v); err != nil {
		return err
	}
	if len(h) != n.OutputDim || len(dst) != n.OutputDim || len(w) != n.OutputDim*n.InputDim {
		return fmt.Errorf("biolearn: DhDt: %d activations, %d derivatives and %d weights; expected %d, %d and %d",
			len(h), len(dst), len(w), n.OutputDim, n.OutputDim, n.OutputDim*n.InputDim)
	}
	cur := make([]float64, n.OutputDim)
	Currents(cur, w, v, n.P)
	dhdt(dst, h, cur, n.WInh, n.Tau)
	return nil
}

// G is the post-activation of eq. 9 as the original writes it: 0 for
// h < 0, −Δ for 0 ≤ h ≤ h*, 1 for h > h*. NaN maps to 1 as numpy.where does.
func G(h, hStar, delta float64) float64 {
	switch {
	case h < 0:
		return 0
	case h <= hStar:
		return -delta
	}
	return 1
}
