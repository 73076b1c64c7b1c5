package biolearn

import (
	"fmt"
	"sort"
)

// Linspace returns n evenly spaced values from a to b inclusive, as
// numpy.linspace.
func Linspace(a, b float64, n int) []float64 {
	out := make([]float64, n)
	if n == 1 {
		out[0] = a
		return out
	}
	step := (b - a) / float64(n-1)
	for i := range out {
		out[i] = a + float64(i)*step
	}
	out[n-1] = b
	return out
}

// Trajectories are activations h_μ(t) for a set of times.
type Trajectories struct {
	T []float64   // times
	H [][]float64 // H[μ][k] = h_μ(T[k]), one curve per hidden unit
}

// Curves integrates eq. 8 from the activations H for input v and returns
// one curve per hidden unit at the times ts (the original's sol.y).
func (n *Neurons) Curves(v, ts []float64) (*Trajectories, error) {
	res, err := n.Dynamics(v, ts)
	if err != nil {
		return nil, err
	}
	tr := &Trajectories{T: append([]float64(nil), res.T...), H: make([][]float64, n.OutputDim)}
	for mu := range tr.H {
		tr.H[mu] = make([]float64, len(res.T))
		for k := range res.T {
			tr.H[mu][k] = res.Y[k][mu]
		}
	}
	return tr, nil
}

// InhibitionComparison holds the data of the original's "Neuron Dynamics"
// figure: the same units and input integrated with and without inhibition.
type InhibitionComparison struct {
	WInh    float64       // the inhibition of the left panel
	P       float64       // the Lebesgue exponent
	With    *Trajectories // with inhibition w_inh
	Without *Trajectories // with w_inh = 0
	// Currents are I_μ; Order sorts them increasingly (numpy.argsort), and
	// curves are drawn in that order.
	Currents []float64
	Order    []int
	// Stationary are the activations at 5τ that colour the curves. As in
	// the original, they are computed after w_inh was set to 0 for the
	// right panel, so they are the activations without inhibition.
	Stationary []float64
}

// CompareInhibition computes the "Neuron Dynamics" data for input v over
// the times ts. The neurons are left unchanged.
func (n *Neurons) CompareInhibition(v, ts []float64) (*InhibitionComparison, error) {
	with, err := n.Curves(v, ts)
	if err != nil {
		return nil, err
	}
	c := &InhibitionComparison{WInh: n.WInh, P: n.P, With: with}
	saved := n.WInh
	defer func() { n.WInh = saved }()
	n.WInh = 0
	if c.Without, err = n.Curves(v, ts); err != nil {
		return nil, err
	}
	c.Currents = make([]float64, n.OutputDim)
	Currents(c.Currents, n.W, v, n.P)
	c.Order = make([]int, n.OutputDim)
	for i := range c.Order {
		c.Order[i] = i
	}
	sort.SliceStable(c.Order, func(a, b int) bool { return c.Currents[c.Order[a]] < c.Currents[c.Order[b]] })
	if c.Stationary, err = n.Stationary(v, n.W); err != nil {
		return nil, fmt.Errorf("biolearn: %w", err)
	}
	return c, nil
}
