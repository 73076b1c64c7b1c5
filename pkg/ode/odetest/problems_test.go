package odetest

import (
	"math"
	"testing"
)

// TestExactSolutionsSolveTheirODE checks each closed form against its
// right-hand side: y(t0) = Y0, and a central difference of y matches f(t, y)
// to 1e-6 at ten times across the interval.
func TestExactSolutionsSolveTheirODE(t *testing.T) {
	for _, p := range All() {
		if p.Exact == nil {
			continue
		}
		for i, v := range p.Exact(p.T0) {
			if math.Abs(v-p.Y0[i]) > 1e-14 {
				t.Errorf("%s: y%d(t0) = %v, Y0 = %v", p.Name, i, v, p.Y0[i])
			}
		}
		const h = 1e-5
		dy := make([]float64, len(p.Y0))
		for k := 1; k <= 10; k++ {
			tk := p.T0 + (p.T1-p.T0)*float64(k)/11
			p.Func(dy, tk, p.Exact(tk))
			plus, minus := p.Exact(tk+h), p.Exact(tk-h)
			for i := range dy {
				if fd := (plus[i] - minus[i]) / (2 * h); math.Abs(fd-dy[i]) > 1e-6 {
					t.Errorf("%s: at t = %v, dy%d/dt = %v but f gives %v", p.Name, tk, i, fd, dy[i])
				}
			}
		}
	}
	if _, ok := ByName("nonexistent"); ok {
		t.Error("ByName found a problem that does not exist")
	}
}
