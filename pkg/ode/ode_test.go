package ode_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/receptive-go/receptive/internal/refdata"
	"github.com/receptive-go/receptive/pkg/ode"
	"github.com/receptive-go/receptive/pkg/ode/odetest"
)

// goldenCase is one run of scipy.integrate.solve_ivp (testdata/gen_golden.py,
// SciPy 1.10.1).
type goldenCase struct {
	Name     string    `json:"name"`
	Problem  string    `json:"problem"`
	T0       float64   `json:"t0"`
	T1       float64   `json:"t1"`
	Y0       []float64 `json:"y0"`
	Settings struct {
		RTol      *float64  `json:"rtol"`
		ATol      any       `json:"atol"`
		MaxStep   float64   `json:"max_step"`
		FirstStep float64   `json:"first_step"`
		TEval     []float64 `json:"t_eval"`
	} `json:"settings"`
	Status int         `json:"status"`
	NFev   int         `json:"nfev"`
	T      []float64   `json:"t"`
	Y      [][]float64 `json:"y"`
}

func loadGolden(t *testing.T) []goldenCase {
	t.Helper()
	var g struct {
		Cases []goldenCase `json:"cases"`
	}
	refdata.JSON(t, "testdata/golden.json", &g)
	return g.Cases
}

func (c goldenCase) settings() *ode.Settings {
	s := &ode.Settings{MaxStep: c.Settings.MaxStep, FirstStep: c.Settings.FirstStep, TEval: c.Settings.TEval}
	if c.Settings.RTol != nil {
		s.RTol = *c.Settings.RTol
	}
	switch a := c.Settings.ATol.(type) {
	case float64:
		s.ATol = a
	case []any:
		for _, v := range a {
			s.ATolVec = append(s.ATolVec, v.(float64))
		}
	}
	return s
}

// TestMatchesSciPy checks that every golden run takes the same steps, the
// same number of evaluations and gives the same values as SciPy's RK45.
//
// Step counts and nfev must be equal. Values agree to rounding amplified by
// the controller: the error estimate Σ e_j k_j cancels heavily (the e_j sum
// to zero), and numpy computes it with OpenBLAS's blocked FMA kernels, which
// round differently from a plain sum; the step sizes then differ in the last
// digits of the estimate. Measured worst differences (relative, or absolute
// below 1): 1e-9 at the default tolerances (van der Pol, 53 steps), 2.4e-8
// at rtol 1e-8 (exponential). Bounds: 1e-8 for default tolerances, 1e-7 for
// rtol ≤ 1e-6.
func TestMatchesSciPy(t *testing.T) {
	for _, c := range loadGolden(t) {
		t.Run(c.Name, func(t *testing.T) {
			p, ok := odetest.ByName(c.Problem)
			if !ok {
				t.Fatalf("unknown problem %q", c.Problem)
			}
			ivp := p.IVP()
			ivp.T0, ivp.T1, ivp.Y0 = c.T0, c.T1, c.Y0
			res, err := ode.Solve(context.Background(), ivp, c.settings())
			if err != nil {
				t.Fatal(err)
			}
			if int(res.Status) != c.Status {
				t.Errorf("status %d, SciPy %d", res.Status, c.Status)
			}
			if res.NFev != c.NFev {
				t.Errorf("nfev %d, SciPy %d", res.NFev, c.NFev)
			}
			if len(res.T) != len(c.T) {
				t.Fatalf("%d output times, SciPy %d", len(res.T), len(c.T))
			}
			tol := 1e-8
			if s := c.settings(); s.RTol != 0 && s.RTol <= 1e-6 {
				tol = 1e-7
			}
			for k := range c.T {
				if !scalar.EqualWithinAbsOrRel(res.T[k], c.T[k], tol, tol) {
					t.Errorf("t[%d] = %.17g, SciPy %.17g", k, res.T[k], c.T[k])
				}
				for i := range c.Y[k] {
					if !scalar.EqualWithinAbsOrRel(res.Y[k][i], c.Y[k][i], tol, tol) {
						t.Errorf("y[%d][%d] = %.17g, SciPy %.17g", k, i, res.Y[k][i], c.Y[k][i])
					}
				}
			}
		})
	}
}

// TestIssueValue is the number quoted in the issue: y' = −y on [0, 1] takes
// 14 evaluations and gives y(1) = 0.36809007647621717 in SciPy 1.10.
func TestIssueValue(t *testing.T) {
	res, err := ode.Solve(context.Background(), odetest.Exponential().IVP(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.NFev != 14 || res.Steps != 2 {
		t.Errorf("nfev %d, steps %d; SciPy takes 14 evaluations in 2 steps", res.NFev, res.Steps)
	}
	if got := res.Y[len(res.Y)-1][0]; !scalar.EqualWithinAbsOrRel(got, 0.36809007647621717, 0, 1e-15) {
		t.Errorf("y(1) = %.17g, SciPy 0.36809007647621717", got)
	}
}

// TestExactSolutions checks the global error on the problems with closed
// forms at tight tolerances: with rtol 1e-10, atol 1e-12 the error at the
// end stays below 1e-8 (a hundred times the tolerance, for error growth).
func TestExactSolutions(t *testing.T) {
	for _, p := range odetest.All() {
		if p.Exact == nil {
			continue
		}
		res, err := ode.Solve(context.Background(), p.IVP(), &ode.Settings{RTol: 1e-10, ATol: 1e-12, TEval: []float64{p.T1}})
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		want := p.Exact(p.T1)
		for i, w := range want {
			if d := math.Abs(res.Y[0][i] - w); d > 1e-8 {
				t.Errorf("%s: y%d(%v) = %.15g, exact %.15g (error %.2g)", p.Name, i, p.T1, res.Y[0][i], w, d)
			}
		}
	}
}

// TestDenseOutputAccuracy checks that the interpolant between steps is
// fourth-order accurate: with default tolerances the harmonic oscillator at
// 101 interior times stays within 1e-2 of cos t (SciPy gives 3.3e-3 here).
func TestDenseOutputAccuracy(t *testing.T) {
	p := odetest.Harmonic()
	te := make([]float64, 101)
	for i := range te {
		te[i] = 10 * float64(i) / 100
	}
	res, err := ode.Solve(context.Background(), p.IVP(), &ode.Settings{TEval: te})
	if err != nil {
		t.Fatal(err)
	}
	for k, tk := range res.T {
		if d := math.Abs(res.Y[k][0] - math.Cos(tk)); d > 1e-2 {
			t.Errorf("y(%v) off by %.3g", tk, d)
		}
	}
}

func TestBadInput(t *testing.T) {
	p := odetest.Exponential().IVP()
	bad := []struct {
		name string
		p    ode.Problem
		s    *ode.Settings
	}{
		{"nil func", ode.Problem{T0: 0, T1: 1, Y0: []float64{1}}, nil},
		{"NaN y0", ode.Problem{Func: p.Func, T0: 0, T1: 1, Y0: []float64{math.NaN()}}, nil},
		{"infinite span", ode.Problem{Func: p.Func, T0: 0, T1: math.Inf(1), Y0: []float64{1}}, nil},
		{"negative rtol", p, &ode.Settings{RTol: -1}},
		{"negative atol", p, &ode.Settings{ATol: -1}},
		{"atol length", p, &ode.Settings{ATolVec: []float64{1, 2}}},
		{"negative max step", p, &ode.Settings{MaxStep: -1}},
		{"first step too long", p, &ode.Settings{FirstStep: 2}},
		{"t_eval outside", p, &ode.Settings{TEval: []float64{2}}},
		{"t_eval unsorted", p, &ode.Settings{TEval: []float64{0.5, 0.2}}},
	}
	for _, b := range bad {
		if _, err := ode.Solve(context.Background(), b.p, b.s); err == nil {
			t.Errorf("%s: no error", b.name)
		}
	}
}

// TestStepTooSmall: a solution blowing up in finite time (y' = y², y(0) = 1,
// singular at t = 1) makes the step collapse, as in SciPy (status −1).
func TestStepTooSmall(t *testing.T) {
	p := ode.Problem{Func: func(dy []float64, _ float64, y []float64) { dy[0] = y[0] * y[0] }, T0: 0, T1: 2, Y0: []float64{1}}
	res, err := ode.Solve(context.Background(), p, nil)
	if !errors.Is(err, ode.ErrStepTooSmall) || res.Status != ode.Failed {
		t.Fatalf("err %v, status %v; want ErrStepTooSmall and Failed", err, res.Status)
	}
	if last := res.T[len(res.T)-1]; last < 0.99 || last > 1 {
		t.Errorf("stopped at t = %v, want just before the singularity at 1", last)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := ode.Solve(ctx, odetest.VanDerPol().IVP(), nil)
	if !errors.Is(err, context.Canceled) || res.Status != ode.Cancelled {
		t.Fatalf("err %v, status %v", err, res.Status)
	}
}

// TestReuseNoAlloc: repeated solves with one workspace and one result do
// not allocate.
func TestReuseNoAlloc(t *testing.T) {
	var r ode.RK45
	var res ode.Result
	p := odetest.VanDerPol().IVP()
	s := &ode.Settings{TEval: []float64{p.T1}}
	ctx := context.Background()
	if err := r.SolveInto(ctx, p, s, &res); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(10, func() {
		if err := r.SolveInto(ctx, p, s, &res); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 0 {
		t.Errorf("%v allocations per solve, want 0", allocs)
	}
}

func TestEmptyInterval(t *testing.T) {
	p := odetest.Exponential().IVP()
	p.T1 = p.T0
	res, err := ode.Solve(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// SciPy 1.10 returns t = [0, 0], y = [[1, 1]] and nfev 2 (the first
	// evaluation and the one choosing the first step).
	if len(res.T) != 2 || res.Y[1][0] != 1 || res.NFev != 2 {
		t.Errorf("t %v, y %v, nfev %d; want y0 at t0 twice and 2 evaluations", res.T, res.Y, res.NFev)
	}
}
