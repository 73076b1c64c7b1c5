package biolearn

import (
	"context"
	"fmt"
	"math"

	"github.com/receptive-go/receptive/pkg/ode"
)

// StationaryTime is the length of the inner integration in units of τ: the
// original takes the activations at t = 5τ as stationary.
const StationaryTime = 5

// Stats counts the work of the solvers since the last ResetStats.
type Stats struct {
	InnerSolves int // integrations of eq. 8 (one per outer evaluation)
	InnerNFev   int // evaluations of dh/dt
	OuterNFev   int // evaluations of dW/dt
	OuterSteps  int // accepted steps of the weight ODE
}

// Stats returns the solver statistics accumulated since the last reset.
func (n *Neurons) Stats() Stats { return n.stat }

// ResetStats zeroes the statistics.
func (n *Neurons) ResetStats() { n.stat = Stats{} }

// setInput records v and its non-zero entries for the right-hand sides.
func (n *Neurons) setInput(v []float64) {
	n.v = v
	n.nz = n.nz[:0]
	for i, x := range v {
		if x != 0 {
			n.nz = append(n.nz, i)
		}
	}
}

// stationaryInto solves eq. 8 from h = 0 over [0, 5τ] for the currents in
// n.cur and writes h(5τ) into dst (the dense-output value at the end point,
// as solve_ivp with t_eval = [5τ] returns).
func (n *Neurons) stationaryInto(dst []float64) error {
	cur, wInh, tau := n.cur, n.WInh, n.Tau
	f := func(dy []float64, _ float64, y []float64) { dhdt(dy, y, cur, wInh, tau) }
	t1 := StationaryTime * n.Tau
	n.innerEval[0] = t1
	set := ode.Settings{TEval: n.innerEval[:]}
	err := n.inner.SolveInto(context.Background(), ode.Problem{Func: f, T0: 0, T1: t1, Y0: n.zero}, &set, &n.innerRes)
	n.stat.InnerSolves++
	n.stat.InnerNFev += n.innerRes.NFev
	if err != nil {
		return fmt.Errorf("biolearn: stationary activations: %w", err)
	}
	copy(dst, n.innerRes.Y[0])
	return nil
}

// Stationary returns the activations at t = 5τ of eq. 8 started from h = 0,
// for input v and weights w, as the original's stationary_activations.
func (n *Neurons) Stationary(v, w []float64) ([]float64, error) {
	if err := n.checkInput(v); err != nil {
		return nil, err
	}
	if len(w) != n.OutputDim*n.InputDim {
		return nil, fmt.Errorf("biolearn: %d weights, expected %d", len(w), n.OutputDim*n.InputDim)
	}
	if err := checkFinite("weights", w); err != nil {
		return nil, err
	}
	Currents(n.cur, w, v, n.P)
	h := make([]float64, n.OutputDim)
	return h, n.stationaryInto(h)
}

// Dynamics integrates eq. 8 for input v with the current weights from the
// activations H over [0, ts[last]] and returns h at the times ts (sorted,
// starting at 0 or later), one row per time — the curves of the original's
// "Neuron Dynamics" and interactive figures.
func (n *Neurons) Dynamics(v []float64, ts []float64) (*ode.Result, error) {
	if err := n.checkInput(v); err != nil {
		return nil, err
	}
	if len(ts) == 0 || ts[0] < 0 {
		return nil, fmt.Errorf("biolearn: Dynamics needs output times from 0 on, got %d times", len(ts))
	}
	cur := make([]float64, n.OutputDim)
	Currents(cur, n.W, v, n.P)
	wInh, tau := n.WInh, n.Tau
	f := func(dy []float64, _ float64, y []float64) { dhdt(dy, y, cur, wInh, tau) }
	p := ode.Problem{Func: f, T0: 0, T1: ts[len(ts)-1], Y0: n.H}
	return ode.Solve(context.Background(), p, &ode.Settings{TEval: ts})
}

// dwdt is the outer right-hand side for the input set by setInput: the
// quasi-stationary learning rule with the inner solve at every evaluation.
func (n *Neurons) dwdt(dst []float64, w []float64) error {
	n.stat.OuterNFev++
	currentsNZ(n.cur, w, n.v, n.nz, n.P)
	h := n.hs
	if err := n.stationaryInto(h); err != nil {
		return err
	}
	in := n.InputDim
	for mu := 0; mu < n.OutputDim; mu++ {
		g := G(h[mu], n.HStar, n.Delta)
		d := dst[mu*in : (mu+1)*in]
		if g == 0 {
			for i := range d {
				d[i] = 0
			}
			continue
		}
		decay := h[mu]
		if n.Decay == DecayCurrent {
			decay = n.cur[mu]
		}
		gd := g * decay
		row := w[mu*in : (mu+1)*in]
		for i, x := range n.v {
			d[i] = (g*x - gd*row[i]) / n.TauL
		}
	}
	return nil
}

// DWDt writes into dst the time derivative of the weights w (row-major,
// OutputDim×InputDim) for input v, eq. 3 in the quasi-stationary
// approximation: the activations are first settled by Stationary.
func (n *Neurons) DWDt(dst, w, v []float64) error {
	if err := n.checkInput(v); err != nil {
		return err
	}
	if len(w) != n.OutputDim*n.InputDim || len(dst) != len(w) {
		return fmt.Errorf("biolearn: DWDt: %d weights and %d derivatives, expected %d", len(w), len(dst), n.OutputDim*n.InputDim)
	}
	if err := checkFinite("weights", w); err != nil {
		return err
	}
	n.setInput(v)
	return n.dwdt(dst, w)
}

// PresentResult describes one presentation.
type PresentResult struct {
	Time  float64 // presentation time T
	NFev  int     // evaluations of dW/dt
	Steps int     // accepted steps of the weight ODE
}

// Present shows the input v for a time T: it integrates the weight ODE
// over [0, T] from the current weights (one outer solve_ivp of the original,
// with t_eval = [T]) and replaces W by the result.
func (n *Neurons) Present(ctx context.Context, v []float64, T float64) (PresentResult, error) {
	if err := n.checkInput(v); err != nil {
		return PresentResult{}, err
	}
	if !(T > 0) || math.IsInf(T, 0) {
		return PresentResult{}, fmt.Errorf("biolearn: presentation time %v; expected a positive, finite time", T)
	}
	n.setInput(v)
	var innerErr error
	f := func(dy []float64, _ float64, y []float64) {
		if innerErr != nil {
			for i := range dy {
				dy[i] = 0
			}
			return
		}
		innerErr = n.dwdt(dy, y)
	}
	set := ode.Settings{TEval: []float64{T}}
	err := n.outer.SolveInto(ctx, ode.Problem{Func: f, T0: 0, T1: T, Y0: n.W}, &set, &n.outerRes)
	res := PresentResult{Time: T, NFev: n.outerRes.NFev, Steps: n.outerRes.Steps}
	n.stat.OuterSteps += n.outerRes.Steps
	if innerErr != nil {
		return res, innerErr
	}
	if err != nil {
		return res, fmt.Errorf("biolearn: weight dynamics: %w", err)
	}
	copy(n.W, n.outerRes.Y[0])
	return res, nil
}

// NonZeroFraction is the fraction of the entries of dW/dt at the current
// weights that are not zero for input v: the original's "percentage of
// non-zero deltas" (divided by 100). It equals the fraction of hidden units
// with g(h_μ) ≠ 0.
func (n *Neurons) NonZeroFraction(v []float64) (float64, error) {
	d := make([]float64, len(n.W))
	if err := n.DWDt(d, n.W, v); err != nil {
		return 0, err
	}
	var nz int
	for _, x := range d {
		if x != 0 {
			nz++
		}
	}
	return float64(nz) / float64(len(d)), nil
}
