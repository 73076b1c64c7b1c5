package lissom

import (
	"fmt"
	"math"
)

// PiecewiseSigmoid is LISSOM's piecewise-linear approximation of a sigmoid
// (pylissom's PiecewiseSigmoid; Miikkulainen et al. 2005):
//
//	f(x) = 0 for x ≤ MinTheta, 1 for x ≥ MaxTheta, (x − MinTheta)/(MaxTheta − MinTheta) between.
//
// When MinTheta == MaxTheta it is a step with f(MinTheta) = 1, as in
// pylissom, which fills the ones after the zeros. NaN stays NaN.
type PiecewiseSigmoid struct {
	MinTheta, MaxTheta float64
}

// NewPiecewiseSigmoid returns the sigmoid, or an error if a threshold is not
// finite or maxTheta < minTheta.
func NewPiecewiseSigmoid(minTheta, maxTheta float64) (PiecewiseSigmoid, error) {
	s := PiecewiseSigmoid{minTheta, maxTheta}
	return s, s.validate()
}

func (s PiecewiseSigmoid) validate() error {
	for _, v := range []float64{s.MinTheta, s.MaxTheta} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("lissom: PiecewiseSigmoid thresholds (%v, %v), want finite numbers", s.MinTheta, s.MaxTheta)
		}
	}
	if s.MaxTheta < s.MinTheta {
		return fmt.Errorf("lissom: PiecewiseSigmoid max_theta %v < min_theta %v, want max ≥ min", s.MaxTheta, s.MinTheta)
	}
	return nil
}

// At returns f(x).
func (s PiecewiseSigmoid) At(x float64) float64 {
	switch {
	case x >= s.MaxTheta:
		return 1
	case x <= s.MinTheta:
		return 0
	case math.IsNaN(x):
		return x
	}
	return (x - s.MinTheta) / (s.MaxTheta - s.MinTheta)
}

// Apply sets dst[k] = f(x[k]); dst and x may be the same slice.
func (s PiecewiseSigmoid) Apply(dst, x []float64) error {
	if len(dst) != len(x) {
		return fmt.Errorf("lissom: PiecewiseSigmoid: output has %d values, input %d", len(dst), len(x))
	}
	for k, v := range x {
		dst[k] = s.At(v)
	}
	return nil
}

// String prints the module as pylissom does.
func (s PiecewiseSigmoid) String() string {
	return "PiecewiseSigmoid (min_theta=" + pyFloat(s.MinTheta) + ", max_theta=" + pyFloat(s.MaxTheta) + ")"
}
