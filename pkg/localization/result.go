package localization

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Network returns the network at snapshot i of r (weights and bias after
// step r.Steps[i]) with activation act and readout bias c.
func (r *Result) Network(i int, act Activation, c float64) (*Network, error) {
	if i < 0 || i >= len(r.Weights) {
		return nil, fmt.Errorf("localization: snapshot %d out of range [0, %d)", i, len(r.Weights))
	}
	n := &Network{W: mat.DenseCopyOf(r.Weights[i]), Act: act, ReadoutBias: c}
	if r.Biases != nil {
		n.B = append([]float64(nil), r.Biases[i]...)
	}
	return n, nil
}

// EvaluateSnapshots returns the mean squared error and accuracy on x (N×L),
// y (N) of the network at every snapshot of r, keeping only the units with
// keep[k] (all if keep is nil; the readout still divides by K, as the
// original's pruning cell does).
func (r *Result) EvaluateSnapshots(act Activation, c float64, x, y []float64, keep []bool) (loss, acc []float64, err error) {
	for i := range r.Weights {
		n, err := r.Network(i, act, c)
		if err != nil {
			return nil, nil, err
		}
		l, a, err := n.Evaluate(x, y, keep)
		if err != nil {
			return nil, nil, err
		}
		loss, acc = append(loss, l), append(acc, a)
	}
	return loss, acc, nil
}

// RefitSnapshots returns, for every snapshot of r, the accuracy on x, y of
// the units with keep[k] once the best constant offset is added to their
// readout (see BestOffset): what the kept units can still tell apart.
func (r *Result) RefitSnapshots(act Activation, c float64, x, y []float64, keep []bool) ([]float64, error) {
	var out []float64
	for i := range r.Weights {
		n, err := r.Network(i, act, c)
		if err != nil {
			return nil, err
		}
		pred, err := n.Predict(x, keep)
		if err != nil {
			return nil, err
		}
		_, acc, err := BestOffset(pred, y)
		if err != nil {
			return nil, err
		}
		out = append(out, acc)
	}
	return out, nil
}
