package optim

import (
	"fmt"
	"math"
)

// Adam is the Adam optimiser with PyTorch's defaults (torch.optim.Adam:
// β1 = 0.9, β2 = 0.999, ε = 1e-8, no weight decay, no AMSGrad). Its update
// follows torch's single-tensor implementation:
//
//	m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²
//	p ← p − (lr/(1−β1^t)) · m / (√v/√(1−β2^t) + ε)
type Adam struct {
	LR, Beta1, Beta2, Eps float64

	step int
	m, v [][]float64
}

// NewAdam returns Adam with learning rate lr and torch's other defaults.
func NewAdam(lr float64) *Adam {
	return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
}

// Steps is the number of updates made so far.
func (a *Adam) Steps() int { return a.step }

// Step updates each parameter slice params[k] in place with its gradient
// grads[k]. The shapes must stay the same between calls.
func (a *Adam) Step(params, grads [][]float64) error {
	if len(params) != len(grads) {
		return fmt.Errorf("optim: %d parameter slices but %d gradients", len(params), len(grads))
	}
	if !(a.LR > 0) || a.Beta1 < 0 || a.Beta1 >= 1 || a.Beta2 < 0 || a.Beta2 >= 1 || a.Eps < 0 {
		return fmt.Errorf("optim: Adam needs lr > 0, β in [0, 1), ε ≥ 0; got lr=%v β=(%v, %v) ε=%v", a.LR, a.Beta1, a.Beta2, a.Eps)
	}
	if a.m == nil {
		a.m = make([][]float64, len(params))
		a.v = make([][]float64, len(params))
		for k, p := range params {
			a.m[k] = make([]float64, len(p))
			a.v[k] = make([]float64, len(p))
		}
	}
	if len(a.m) != len(params) {
		return fmt.Errorf("optim: Adam was used with %d parameter slices, now %d", len(a.m), len(params))
	}
	for k, p := range params {
		if len(p) != len(grads[k]) || len(p) != len(a.m[k]) {
			return fmt.Errorf("optim: parameter %d has %d values, gradient %d, state %d", k, len(p), len(grads[k]), len(a.m[k]))
		}
	}
	a.step++
	bc1 := 1 - math.Pow(a.Beta1, float64(a.step))
	bc2 := 1 - math.Pow(a.Beta2, float64(a.step))
	stepSize := a.LR / bc1
	bc2Sqrt := math.Sqrt(bc2)
	for k, p := range params {
		g, m, v := grads[k], a.m[k], a.v[k]
		for i := range p {
			m[i] = a.Beta1*m[i] + (1-a.Beta1)*g[i]
			v[i] = a.Beta2*v[i] + (1-a.Beta2)*g[i]*g[i]
			denom := math.Sqrt(v[i])/bc2Sqrt + a.Eps
			p[i] -= stepSize * m[i] / denom
		}
	}
	return nil
}

// SGD is plain gradient descent p ← p − lr·g.
type SGD struct{ LR float64 }

// Step updates the parameters in place.
func (s SGD) Step(params, grads [][]float64) error {
	if len(params) != len(grads) {
		return fmt.Errorf("optim: %d parameter slices but %d gradients", len(params), len(grads))
	}
	for k, p := range params {
		if len(p) != len(grads[k]) {
			return fmt.Errorf("optim: parameter %d has %d values, gradient %d", k, len(p), len(grads[k]))
		}
		for i := range p {
			p[i] -= s.LR * grads[k][i]
		}
	}
	return nil
}
