package gaussneuron

import (
	"fmt"
	"math"
)

// Arange returns numpy.arange(start, stop, step) for floats, value for
// value: n = ⌈(stop − start)/step⌉ points start + i·δ with
// δ = (start + step) − start, which is how numpy fills the array (δ differs
// from step by rounding, and the grid inherits that error).
func Arange(start, stop, step float64) ([]float64, error) {
	if math.IsNaN(start) || math.IsNaN(stop) || math.IsNaN(step) || math.IsInf(start, 0) || math.IsInf(stop, 0) || math.IsInf(step, 0) {
		return nil, fmt.Errorf("gaussneuron: arange(%g, %g, %g): arguments must be finite", start, stop, step)
	}
	if step == 0 {
		return nil, fmt.Errorf("gaussneuron: arange(%g, %g, 0): step must not be zero", start, stop)
	}
	n := math.Ceil((stop - start) / step)
	if n <= 0 {
		return []float64{}, nil
	}
	if n > 1e8 {
		return nil, fmt.Errorf("gaussneuron: arange(%g, %g, %g) would have %g points (limit 1e8)", start, stop, step, n)
	}
	out := make([]float64, int(n))
	delta := (start + step) - start
	for i := range out {
		out[i] = start + float64(i)*delta
	}
	if len(out) > 1 {
		out[1] = start + step // numpy stores the second value as computed, not via δ
	}
	return out, nil
}

// Grid is the meshgrid of two axes, as numpy.meshgrid(X1, X2): grid point
// (i, j) — row i, column j — is the input (X1[j], X2[i]). Maps over the grid
// are row-major slices of len(X2)·len(X1) values.
type Grid struct {
	X1, X2 []float64
}

// NewGrid returns the square grid with both axes arange(lo, hi, step).
func NewGrid(lo, hi, step float64) (Grid, error) {
	ax, err := Arange(lo, hi, step)
	if err != nil {
		return Grid{}, err
	}
	if len(ax) < 2 {
		return Grid{}, fmt.Errorf("gaussneuron: grid arange(%g, %g, %g) has %d points, need at least 2", lo, hi, step, len(ax))
	}
	return Grid{X1: ax, X2: append([]float64(nil), ax...)}, nil
}

// DefaultGrid is the original's grid: both axes arange(−8, 8.1, 0.1), 161 points.
func DefaultGrid() Grid {
	g, err := NewGrid(-8, 8.1, 0.1)
	if err != nil {
		panic(err) // constant arguments: cannot fail
	}
	return g
}

// Len returns the number of grid points (the original prints "shape of heatmap (25921, 2)").
func (g Grid) Len() int { return len(g.X1) * len(g.X2) }

// Inputs returns the grid points as an n×2 row-major slice, the original's
// inputs_heatmap: row k is (X1[k mod n1], X2[k div n1]).
func (g Grid) Inputs() []float64 {
	out := make([]float64, 0, 2*g.Len())
	for _, x2 := range g.X2 {
		for _, x1 := range g.X1 {
			out = append(out, x1, x2)
		}
	}
	return out
}

// Map evaluates f at every grid point, row-major.
func (g Grid) Map(f func(x1, x2 float64) float64) []float64 {
	out := make([]float64, 0, g.Len())
	for _, x2 := range g.X2 {
		for _, x1 := range g.X1 {
			out = append(out, f(x1, x2))
		}
	}
	return out
}
