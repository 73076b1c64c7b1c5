// Package odetest provides initial-value problems for testing and
// benchmarking ODE solvers, in the manner of gonum's optimize/functions:
// each problem has its right-hand side, initial state and interval, and,
// where one exists, its exact solution.
package odetest

import (
	"math"

	"github.com/receptive-go/receptive/pkg/ode"
)

// Problem is a test problem.
type Problem struct {
	// Name identifies the problem (also in the golden files).
	Name string
	// Func is the right-hand side.
	Func ode.Func
	// Y0 is the state at T0; the problem is integrated to T1.
	Y0     []float64
	T0, T1 float64
	// Exact is the solution y(t), or nil when no closed form is known.
	Exact func(t float64) []float64
}

// IVP returns the problem as an ode.Problem (with a copy of Y0).
func (p Problem) IVP() ode.Problem {
	return ode.Problem{Func: p.Func, T0: p.T0, T1: p.T1, Y0: append([]float64(nil), p.Y0...)}
}

// Exponential is the decay y' = −y, y(0) = 1 on [0, 1], with y = e^(−t).
func Exponential() Problem {
	return Problem{
		Name:  "exponential",
		Func:  func(dy []float64, _ float64, y []float64) { dy[0] = -y[0] },
		Y0:    []float64{1},
		T0:    0,
		T1:    1,
		Exact: func(t float64) []float64 { return []float64{math.Exp(-t)} },
	}
}

// Harmonic is the oscillator y0' = y1, y1' = −y0 from (1, 0) on [0, 10],
// with y = (cos t, −sin t).
func Harmonic() Problem {
	return Problem{
		Name: "harmonic",
		Func: func(dy []float64, _ float64, y []float64) {
			dy[0] = y[1]
			dy[1] = -y[0]
		},
		Y0:    []float64{1, 0},
		T0:    0,
		T1:    10,
		Exact: func(t float64) []float64 { return []float64{math.Cos(t), -math.Sin(t)} },
	}
}

// Logistic is y' = y(1 − y), y(0) = 0.1 on [0, 10], with
// y = 1/(1 + 9e^(−t)).
func Logistic() Problem {
	return Problem{
		Name:  "logistic",
		Func:  func(dy []float64, _ float64, y []float64) { dy[0] = y[0] * (1 - y[0]) },
		Y0:    []float64{0.1},
		T0:    0,
		T1:    10,
		Exact: func(t float64) []float64 { return []float64{1 / (1 + 9*math.Exp(-t))} },
	}
}

// LotkaVolterra is the predator–prey system of SciPy's solve_ivp example:
// x' = 1.5x − xy, y' = −3y + xy from (10, 5) on [0, 15]. No closed form.
func LotkaVolterra() Problem {
	return Problem{
		Name: "lotka_volterra",
		Func: func(dy []float64, _ float64, y []float64) {
			dy[0] = 1.5*y[0] - 1*y[0]*y[1]
			dy[1] = -3*y[1] + 1*y[0]*y[1]
		},
		Y0: []float64{10, 5},
		T0: 0,
		T1: 15,
	}
}

// VanDerPol is the non-stiff oscillator y0' = y1, y1' = (1 − y0²)y1 − y0
// (μ = 1) from (2, 0) on [0, 20]. No closed form.
func VanDerPol() Problem {
	return Problem{
		Name: "van_der_pol",
		Func: func(dy []float64, _ float64, y []float64) {
			dy[0] = y[1]
			dy[1] = (1-y[0]*y[0])*y[1] - y[0]
		},
		Y0: []float64{2, 0},
		T0: 0,
		T1: 20,
	}
}

// Forced is the time-dependent linear problem y' = −2y + sin t, y(0) = 1
// on [0, 8], with y = (6e^(−2t) + 2 sin t − cos t)/5.
func Forced() Problem {
	return Problem{
		Name: "forced",
		Func: func(dy []float64, t float64, y []float64) { dy[0] = -2*y[0] + math.Sin(t) },
		Y0:   []float64{1},
		T0:   0,
		T1:   8,
		Exact: func(t float64) []float64 {
			return []float64{(6*math.Exp(-2*t) + 2*math.Sin(t) - math.Cos(t)) / 5}
		},
	}
}

// All returns every problem, in a fixed order.
func All() []Problem {
	return []Problem{Exponential(), Harmonic(), Logistic(), LotkaVolterra(), VanDerPol(), Forced()}
}

// ByName returns the problem with the given name.
func ByName(name string) (Problem, bool) {
	for _, p := range All() {
		if p.Name == name {
			return p, true
		}
	}
	return Problem{}, false
}
