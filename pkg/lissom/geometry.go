package lissom

import (
	"fmt"
	"math"
)

// Sheet geometry shared by every projection (pylissom's
// apply_fn_to_weights_between_maps, pylissom/nn/functional/weights.py):
// both sheets are square, in = inSide², out = outSide². Output neuron (a, b),
// index a·outSide + b, has its centre on the input grid at
// (centres[a], centres[b]) with centres = linspace(0, inSide−1, outSide), and
// its weight to input unit (x, y), index x·inSide + y, is a function of
// (x − centres[a], y − centres[b]).

// NoRadius is the radius of a projection without a circular mask: every
// output neuron connects to every input unit.
var NoRadius = math.Inf(1)

// squareSide returns n's integer square root, or an error naming what if n
// is not a positive perfect square.
func squareSide(what string, n int) (int, error) {
	if n <= 0 {
		return 0, fmt.Errorf("lissom: %s = %d, want a positive square number (side²)", what, n)
	}
	s := int(math.Sqrt(float64(n)))
	for s*s > n {
		s--
	}
	for (s+1)*(s+1) <= n {
		s++
	}
	if s*s != n {
		return 0, fmt.Errorf("lissom: %s = %d is not a square number: sheets are square, want side²", what, n)
	}
	return s, nil
}

// linspace is numpy.linspace(start, stop, num) with endpoint: element k is
// k·step + start and the last is stop exactly.
func linspace(start, stop float64, num int) []float64 {
	out := make([]float64, num)
	if num == 1 {
		out[0] = start
		return out
	}
	step := (stop - start) / float64(num-1)
	for k := range out {
		out[k] = float64(k)*step + start
	}
	out[num-1] = stop
	return out
}

// geometry is the layout of one projection between two square sheets.
type geometry struct {
	inSide, outSide int
	centres         []float64 // centre of output row/column k on the input grid
	radius          float64   // connections with distance > radius are absent; +Inf: none
}

func newGeometry(in, out int, radius float64) (geometry, error) {
	inSide, err := squareSide("in_features", in)
	if err != nil {
		return geometry{}, err
	}
	outSide, err := squareSide("out_features", out)
	if err != nil {
		return geometry{}, err
	}
	if math.IsNaN(radius) || radius <= 0 {
		return geometry{}, fmt.Errorf("lissom: radius = %v, want > 0 (or NoRadius)", radius)
	}
	return geometry{inSide: inSide, outSide: outSide, centres: linspace(0, float64(inSide-1), outSide), radius: radius}, nil
}

// inField reports whether an input unit at offset (dx, dy) from a centre is
// connected: pylissom masks weights whose Euclidean distance is > radius
// (distance == radius is kept).
func (g geometry) inField(dx, dy float64) bool {
	return math.IsInf(g.radius, 1) || !(math.Sqrt(dx*dx+dy*dy) > g.radius)
}

// span returns the range [lo, hi] of grid indices k (0..n−1) with
// inField(pos(k) − p, d) true, where pos is increasing and d is the fixed
// offset along the other axis; lo > hi when there are none. The candidate
// range comes from the radius and is then corrected with the exact test, so
// the set equals pylissom's mask bit for bit.
func (g geometry) span(n int, pos func(int) float64, p, d float64, inv func(float64) float64) (lo, hi int) {
	if math.IsInf(g.radius, 1) {
		return 0, n - 1
	}
	r2 := g.radius*g.radius - d*d
	if r2 < 0 {
		r2 = 0
	}
	h := math.Sqrt(r2)
	lo = int(math.Floor(inv(p-h))) - 1
	hi = int(math.Ceil(inv(p+h))) + 1
	lo, hi = min(max(lo, 0), n-1), max(min(hi, n-1), 0)
	in := func(k int) bool { return g.inField(pos(k)-p, d) }
	for lo <= hi && !in(lo) {
		lo++
	}
	for hi >= lo && !in(hi) {
		hi--
	}
	if lo > hi {
		return 0, -1
	}
	// The exact test may admit one more index just outside the estimate.
	for lo > 0 && in(lo-1) {
		lo--
	}
	for hi < n-1 && in(hi+1) {
		hi++
	}
	return lo, hi
}

// rowSpan returns, for output centre (mx, my) and input row x, the input
// columns [lo, hi] inside the field.
func (g geometry) rowSpan(mx, my float64, x int) (lo, hi int) {
	return g.span(g.inSide, func(k int) float64 { return float64(k) }, my, float64(x)-mx, func(v float64) float64 { return v })
}

// outSpan returns, for input unit (x, y) and output row a, the output columns
// [lo, hi] whose fields contain the unit.
func (g geometry) outSpan(x, y, a int) (lo, hi int) {
	step := 1.0
	if g.outSide > 1 {
		step = float64(g.inSide-1) / float64(g.outSide-1)
	}
	inv := func(v float64) float64 {
		if step == 0 {
			return 0
		}
		return v / step
	}
	// The offset centre − y is the negation of pylissom's y − centre; the
	// squares, and so the mask test, are identical.
	return g.span(g.outSide, func(k int) float64 { return g.centres[k] }, float64(y), float64(x)-g.centres[a], inv)
}
