package ode

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// Func is the right-hand side of dy/dt = f(t, y): it writes f(t, y) into dy.
// It must not keep y or dy, which belong to the solver's workspace.
type Func func(dy []float64, t float64, y []float64)

// Problem is an initial-value problem: y(T0) = Y0, integrated to T1 (which
// may be before T0).
type Problem struct {
	Func   Func
	T0, T1 float64
	Y0     []float64
}

// Settings are the options of solve_ivp that apply to RK45. The zero value
// (and a nil *Settings) gives SciPy's defaults.
type Settings struct {
	// RTol is the relative tolerance; 0 means 1e-3. Values below 100·ε are
	// raised to 100·ε (2.22e-14) as SciPy does.
	RTol float64
	// ATol is the absolute tolerance for every component; 0 means 1e-6 (use
	// a tiny positive value for a purely relative test).
	ATol float64
	// ATolVec, if not nil, gives one absolute tolerance per component and
	// overrides ATol.
	ATolVec []float64
	// MaxStep bounds the step size; 0 means no bound.
	MaxStep float64
	// FirstStep is the initial step size; 0 means SciPy's automatic choice.
	FirstStep float64
	// TEval are the times at which to report the solution, sorted in the
	// direction of integration and within [T0, T1]. If nil, the solution is
	// reported at T0 and at the end of every step.
	TEval []float64
}

// DefaultRTol and DefaultATol are SciPy's default tolerances.
const (
	DefaultRTol = 1e-3
	DefaultATol = 1e-6
)

const eps = 0x1p-52

func (s *Settings) resolve(n int) (Settings, error) {
	var r Settings
	if s != nil {
		r = *s
	}
	switch {
	case math.IsNaN(r.RTol) || r.RTol < 0:
		return r, fmt.Errorf("ode: rtol = %v; expected a non-negative tolerance", r.RTol)
	case r.RTol == 0:
		r.RTol = DefaultRTol
	case r.RTol < 100*eps:
		r.RTol = 100 * eps
	}
	switch {
	case math.IsNaN(r.ATol) || r.ATol < 0:
		return r, fmt.Errorf("ode: atol = %v; expected a non-negative tolerance", r.ATol)
	case r.ATol == 0:
		r.ATol = DefaultATol
	}
	if r.ATolVec != nil {
		if len(r.ATolVec) != n {
			return r, fmt.Errorf("ode: %d absolute tolerances for %d components", len(r.ATolVec), n)
		}
		for i, a := range r.ATolVec {
			if math.IsNaN(a) || a < 0 {
				return r, fmt.Errorf("ode: atol[%d] = %v; expected a non-negative tolerance", i, a)
			}
		}
	}
	switch {
	case math.IsNaN(r.MaxStep) || r.MaxStep < 0:
		return r, fmt.Errorf("ode: max step = %v; expected a positive step", r.MaxStep)
	case r.MaxStep == 0:
		r.MaxStep = math.Inf(1)
	}
	if math.IsNaN(r.FirstStep) || r.FirstStep < 0 {
		return r, fmt.Errorf("ode: first step = %v; expected a positive step", r.FirstStep)
	}
	return r, nil
}

// Status tells how an integration ended, with SciPy's codes.
type Status int

const (
	// Failed: the step size collapsed (SciPy status −1).
	Failed Status = -1
	// Success: the end of the interval was reached (SciPy status 0).
	Success Status = 0
	// Cancelled: the context was cancelled before the end.
	Cancelled Status = -2
)

func (s Status) String() string {
	switch s {
	case Success:
		return "The solver successfully reached the end of the integration interval."
	case Failed:
		return "Required step size is less than spacing between numbers."
	case Cancelled:
		return "The integration was cancelled."
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Result is the solution: the states Y[k] at the times T[k], and statistics.
type Result struct {
	T      []float64
	Y      [][]float64
	Status Status
	// NFev counts evaluations of f, Steps accepted steps and Rejected
	// rejected attempts (each costing six evaluations).
	NFev, Steps, Rejected int
}

// Success reports whether the end of the interval was reached.
func (r *Result) Success() bool { return r.Status == Success }

// Solve integrates p with RK45 and the settings s (nil for SciPy's
// defaults). The context is checked between steps. On failure or
// cancellation the partial result is returned with the error.
func Solve(ctx context.Context, p Problem, s *Settings) (*Result, error) {
	var r RK45
	return r.Solve(ctx, p, s)
}

// Solve is the package-level Solve reusing the receiver's workspace.
func (r *RK45) Solve(ctx context.Context, p Problem, s *Settings) (*Result, error) {
	res := &Result{}
	err := r.SolveInto(ctx, p, s, res)
	return res, err
}

// SolveInto is Solve writing into res, whose slices are reused when large
// enough: with an RK45 and a Result kept across calls, repeated small solves
// do not allocate.
func (r *RK45) SolveInto(ctx context.Context, p Problem, s *Settings, res *Result) error {
	var teval []float64
	if s != nil {
		teval = s.TEval
	}
	if err := checkTEval(teval, p.T0, p.T1); err != nil {
		return err
	}
	if err := r.Init(p.Func, p.T0, p.Y0, p.T1, s); err != nil {
		return err
	}
	n := len(p.Y0)
	res.T, res.Y = res.T[:0], res.Y[:0]
	res.Status, res.Steps, res.Rejected = Success, 0, 0
	emit := func(t float64) []float64 {
		res.T = append(res.T, t)
		if len(res.Y) < cap(res.Y) && cap(res.Y[:len(res.Y)+1][len(res.Y)]) >= n {
			res.Y = res.Y[:len(res.Y)+1]
			res.Y[len(res.Y)-1] = res.Y[len(res.Y)-1][:n]
		} else {
			res.Y = append(res.Y, make([]float64, n))
		}
		return res.Y[len(res.Y)-1]
	}
	defer func() { res.NFev, res.Steps, res.Rejected = r.nfev, r.steps, r.rejected }()
	if teval == nil {
		copy(emit(p.T0), p.Y0)
	}
	if p.T0 == p.T1 || n == 0 {
		for _, t := range teval {
			copy(emit(t), p.Y0)
		}
		if teval == nil {
			copy(emit(p.T1), p.Y0)
		}
		return nil
	}
	next := 0
	for {
		if err := ctx.Err(); err != nil {
			res.Status = Cancelled
			return err
		}
		done, err := r.Step()
		if err != nil {
			res.Status = Failed
			return fmt.Errorf("%w (t = %v)", err, r.t)
		}
		if teval == nil {
			copy(emit(r.t), r.y)
		} else {
			// Times up to and including t are served by this step.
			for next < len(teval) && r.dir*(teval[next]-r.t) <= 0 {
				r.DenseAt(emit(teval[next]), teval[next])
				next++
			}
		}
		if done {
			return nil
		}
	}
}

func checkTEval(te []float64, t0, t1 float64) error {
	lo, hi := math.Min(t0, t1), math.Max(t0, t1)
	for i, t := range te {
		if !(t >= lo && t <= hi) {
			return fmt.Errorf("ode: t_eval[%d] = %v is not within the time span [%v, %v]", i, t, t0, t1)
		}
		if i > 0 && ((t1 > t0 && !(t > te[i-1])) || (t1 < t0 && !(t < te[i-1]))) {
			return errors.New("ode: t_eval must be strictly sorted in the direction of integration")
		}
	}
	return nil
}
