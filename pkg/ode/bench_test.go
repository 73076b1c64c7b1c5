package ode_test

import (
	"context"
	"testing"

	"github.com/receptive-go/receptive/pkg/ode"
	"github.com/receptive-go/receptive/pkg/ode/odetest"
)

// BenchmarkVanDerPol solves the μ = 1 oscillator on [0, 20] at default
// tolerances (53 steps, 434 evaluations), reusing the workspace.
func BenchmarkVanDerPol(b *testing.B) {
	var r ode.RK45
	var res ode.Result
	p := odetest.VanDerPol().IVP()
	s := &ode.Settings{TEval: []float64{p.T1}}
	for b.Loop() {
		if err := r.SolveInto(context.Background(), p, s, &res); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLargeLinear integrates y' = −y for 11 760 components (the size
// of the weight vector of notebook 03) over [0, 5], so that the cost is the
// stepper's own vector work.
func BenchmarkLargeLinear(b *testing.B) {
	const n = 15 * 784
	y0 := make([]float64, n)
	for i := range y0 {
		y0[i] = float64(i%17) / 17
	}
	p := ode.Problem{Func: func(dy []float64, _ float64, y []float64) {
		for i, v := range y {
			dy[i] = -v
		}
	}, T0: 0, T1: 5, Y0: y0}
	var r ode.RK45
	var res ode.Result
	s := &ode.Settings{TEval: []float64{5}}
	for b.Loop() {
		if err := r.SolveInto(context.Background(), p, s, &res); err != nil {
			b.Fatal(err)
		}
	}
}
