package gaussneuron

import (
	"errors"
	"fmt"
	"math"
)

// Neuron is a two-input neuron with weights W, bias B and, for the radial
// (Gaussian) part, a centre and a width Sigma.
type Neuron struct {
	W      [2]float64
	B      float64
	Center [2]float64
	Sigma  float64
}

// Original returns the neuron of the original notebook: W = (−1, −2),
// centre (1, 2), σ = 4 and the bias that puts the zero line through the
// centre, b = −W·c = 5.
func Original() Neuron {
	n := Neuron{W: [2]float64{-1, -2}, Center: [2]float64{1, 2}, Sigma: 4}
	n.B = n.CenteredBias()
	return n
}

// CenteredBias returns −W·c, the bias whose zero line W·x + b = 0 passes
// through the centre.
func (n Neuron) CenteredBias() float64 {
	return -(n.W[0]*n.Center[0] + n.W[1]*n.Center[1])
}

// Validate reports parameters that cannot define a neuron.
func (n Neuron) Validate() error {
	for _, v := range []float64{n.W[0], n.W[1], n.B, n.Center[0], n.Center[1], n.Sigma} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("gaussneuron: neuron parameters must be finite, got %+v", n)
		}
	}
	if n.Sigma <= 0 {
		return fmt.Errorf("gaussneuron: sigma must be positive, got %g", n.Sigma)
	}
	return nil
}

// Linear returns W·x + b.
func (n Neuron) Linear(x1, x2 float64) float64 {
	return n.W[0]*x1 + n.W[1]*x2 + n.B
}

// Radial returns exp(−‖x − c‖²/σ²), computed in the original's order.
func (n Neuron) Radial(x1, x2 float64) float64 {
	d1, d2 := x1-n.Center[0], x2-n.Center[1]
	return math.Exp((-1.0 / (n.Sigma * n.Sigma)) * (d1*d1 + d2*d2))
}

// ZeroLine returns x2 on the line W·x + b = 0 at each x1 (W[1] must be non-zero).
func (n Neuron) ZeroLine(x1 []float64) ([]float64, error) {
	if n.W[1] == 0 {
		return nil, errors.New("gaussneuron: zero line x2(x1) undefined when W[1] = 0")
	}
	out := make([]float64, len(x1))
	for i, x := range x1 {
		out[i] = -(n.W[0]*x + n.B) / n.W[1]
	}
	return out, nil
}

// Maps holds the six activity maps of the original notebook over a grid,
// each row-major len(X2)×len(X1).
type Maps struct {
	Linear       []float64 // a = W·x + b                (figure 1)
	TanhLinear   []float64 // tanh(a)                    (figure 2)
	Radial       []float64 // r = exp(−‖x−c‖²/σ²)        (figure 3)
	Product      []float64 // a·r, the localized neuron  (figure 4)
	TanhProduct  []float64 // tanh(a·r)                  (figure 5)
	TanhLinTimes []float64 // tanh(a)·r                  (figure 6)
}

// Compute evaluates all six maps of neuron n over grid g.
func Compute(g Grid, n Neuron) (Maps, error) {
	if err := n.Validate(); err != nil {
		return Maps{}, err
	}
	if len(g.X1) == 0 || len(g.X2) == 0 {
		return Maps{}, errors.New("gaussneuron: empty grid")
	}
	size := g.Len()
	m := Maps{
		Linear: make([]float64, size), TanhLinear: make([]float64, size), Radial: make([]float64, size),
		Product: make([]float64, size), TanhProduct: make([]float64, size), TanhLinTimes: make([]float64, size),
	}
	k := 0
	for _, x2 := range g.X2 {
		for _, x1 := range g.X1 {
			a := n.Linear(x1, x2)
			r := n.Radial(x1, x2)
			ta := math.Tanh(a)
			m.Linear[k] = a
			m.TanhLinear[k] = ta
			m.Radial[k] = r
			m.Product[k] = a * r
			m.TanhProduct[k] = math.Tanh(a * r)
			m.TanhLinTimes[k] = ta * r
			k++
		}
	}
	return m, nil
}
