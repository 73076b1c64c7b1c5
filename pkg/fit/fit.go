package fit

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Func is a model y = f(x; p) of one scalar variable x and parameters p.
type Func func(x float64, p []float64) float64

// JacFunc writes the partial derivatives ∂f(x; p)/∂p_k into dst (len(dst) ==
// len(p)).
type JacFunc func(x float64, p, dst []float64)

// Problem is a curve-fitting problem: find p minimising
// Σ_i ((f(X_i; p) − Y_i)/Sigma_i)².
type Problem struct {
	// F is the model. It must return a finite value at the starting point and
	// wherever the Jacobian is evaluated; a non-finite value at a trial point
	// makes the driver reject that step, as MINPACK does.
	F Func
	// X and Y are the data, of equal non-zero length and finite.
	X, Y []float64
	// Sigma, if not nil, holds the uncertainty of each Y (positive, finite):
	// residuals are divided by it, as scipy's curve_fit does with a 1-D sigma.
	Sigma []float64
	// Jac, if not nil, is the analytic Jacobian of F with respect to p; the
	// fit then follows MINPACK's LMDER instead of LMDIF (forward
	// differences), as curve_fit does when given jac.
	Jac JacFunc
	// NParam, if positive, is the number of parameters F takes; p0 must then
	// have this length.
	NParam int
}

// Default tolerances of scipy.optimize.leastsq (and so curve_fit with
// method "lm"): ftol = xtol = 1.49012e-8, gtol = 0, factor = 100.
const (
	DefaultFtol   = 1.49012e-8
	DefaultXtol   = 1.49012e-8
	DefaultFactor = 100
)

// Settings tune the Levenberg–Marquardt iteration. The zero value gives
// curve_fit's defaults.
type Settings struct {
	// MaxEval bounds the number of evaluations of the residual vector (each
	// forward-difference Jacobian costs len(p) of them). Zero means scipy's
	// default, 200·(len(p)+1), or 100·(len(p)+1) with an analytic Jacobian.
	MaxEval int
	// Ftol stops the fit when both the actual and the predicted relative
	// reduction of the sum of squares are at most Ftol. Zero means
	// DefaultFtol.
	Ftol float64
	// Xtol stops the fit when the relative change of the (scaled) parameters
	// is at most Xtol. Zero means DefaultXtol.
	Xtol float64
	// Gtol stops the fit when the cosine between the residual vector and
	// every column of the Jacobian is at most Gtol. Zero, the default, tests
	// for an exactly zero gradient only.
	Gtol float64
	// Epsfcn sets the relative step of the forward differences to
	// sqrt(max(Epsfcn, ε)). Zero means ε (machine epsilon), as scipy.
	Epsfcn float64
	// Factor sets the initial step bound, Factor·‖D p0‖. Zero means 100.
	Factor float64
	// Diag, if not nil, fixes the scaling of the parameters (MINPACK mode
	// 2); otherwise the parameters are scaled by the column norms of the
	// Jacobian.
	Diag []float64
	// AbsoluteSigma takes Sigma as absolute uncertainties: Cov is then
	// (JᵀJ)⁻¹ without rescaling by the reduced chi-square.
	AbsoluteSigma bool
}

// Status is the reason the iteration stopped, numbered as MINPACK's info
// (and scipy.optimize.leastsq's ier).
type Status int

// Termination statuses. 1–4 are convergence; 5–8 mean the parameters were
// not found and CurveFit returns an error alongside the result.
const (
	FtolConverged     Status = 1 // relative reduction of the sum of squares at most Ftol
	XtolConverged     Status = 2 // relative change of the parameters at most Xtol
	FtolXtolConverged Status = 3 // both 1 and 2
	GtolConverged     Status = 4 // residuals orthogonal to the Jacobian's columns within Gtol
	MaxEvalReached    Status = 5 // MaxEval evaluations used
	FtolTooSmall      Status = 6 // no further reduction of the sum of squares is possible
	XtolTooSmall      Status = 7 // no further improvement of the parameters is possible
	GtolTooSmall      Status = 8 // residuals orthogonal to the Jacobian to machine precision

	statusJacobianError Status = -1 // internal: the Jacobian was not finite
)

// Converged reports whether s is one of the convergence statuses 1–4.
func (s Status) Converged() bool { return s >= FtolConverged && s <= GtolConverged }

// String describes the status in the words of scipy.optimize.leastsq.
func (s Status) String() string {
	switch s {
	case FtolConverged:
		return "both actual and predicted relative reductions in the sum of squares are at most ftol"
	case XtolConverged:
		return "the relative error between two consecutive iterates is at most xtol"
	case FtolXtolConverged:
		return "both actual and predicted relative reductions in the sum of squares are at most ftol and the relative error between two consecutive iterates is at most xtol"
	case GtolConverged:
		return "the cosine of the angle between the residuals and any column of the Jacobian is at most gtol in absolute value"
	case MaxEvalReached:
		return "number of calls to the function has reached MaxEval"
	case FtolTooSmall:
		return "ftol is too small, no further reduction in the sum of squares is possible"
	case XtolTooSmall:
		return "xtol is too small, no further improvement in the approximate solution is possible"
	case GtolTooSmall:
		return "gtol is too small, the residuals are orthogonal to the columns of the Jacobian to machine precision"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// ErrNotConverged is wrapped by the error CurveFit returns when the iteration
// stopped without converging (statuses 5–8, where curve_fit raises
// "Optimal parameters not found").
var ErrNotConverged = errors.New("fit: optimal parameters not found")

// Result is the outcome of CurveFit.
type Result struct {
	// P holds the fitted parameters (curve_fit's popt).
	P []float64
	// Cov is the estimated covariance of P (curve_fit's pcov): (JᵀJ)⁻¹ from
	// the pivoted QR factors of the last Jacobian evaluated, multiplied by
	// s² = Cost/(m − n) (m data points, n parameters) unless AbsoluteSigma.
	// Every entry is +Inf when the covariance cannot be estimated: R
	// singular, as many parameters as data points (without AbsoluteSigma),
	// or no convergence.
	Cov *mat.SymDense
	// Residuals are (f(X_i; P) − Y_i)/Sigma_i at P.
	Residuals []float64
	// Cost is the sum of squared residuals.
	Cost float64
	// NFev counts residual-vector evaluations (including those of the
	// forward-difference Jacobian), NJev analytic Jacobian evaluations.
	NFev, NJev int
	// Status says why the iteration stopped.
	Status Status
}

// StdErr returns the one-standard-deviation errors of the parameters,
// sqrt(diag(Cov)).
func (r *Result) StdErr() []float64 {
	n := len(r.P)
	out := make([]float64, n)
	for i := range out {
		out[i] = math.Sqrt(r.Cov.At(i, i))
	}
	return out
}

// CurveFit fits p.F to the data (p.X, p.Y) by nonlinear least squares,
// starting from p0, with the semantics of scipy.optimize.curve_fit with
// method "lm" (no bounds): MINPACK's Levenberg–Marquardt iteration, the
// optional 1-D sigma weighting and the same covariance estimate. s may be nil
// for the defaults.
//
// Bad input (empty or mismatched data, non-finite values, a p0 of the wrong
// length, more parameters than data points, a model that is not finite at p0)
// returns a nil result and an error. When the iteration stops without
// converging the result is returned together with an error wrapping
// ErrNotConverged.
func CurveFit(p Problem, p0 []float64, s *Settings) (*Result, error) {
	if s == nil {
		s = &Settings{}
	}
	cfg, w, err := validate(&p, p0, s)
	if err != nil {
		return nil, err
	}
	m, n := len(p.Y), len(p0)

	f, jacRow := p.F, p.Jac
	x, y := p.X, p.Y
	residuals := func(par, dst []float64) {
		if w == nil {
			for i, xi := range x {
				dst[i] = f(xi, par) - y[i]
			}
			return
		}
		for i, xi := range x {
			dst[i] = w[i] * (f(xi, par) - y[i])
		}
	}
	pr := &lmProblem{m: m, n: n, residuals: residuals}
	if jacRow != nil {
		row := make([]float64, n)
		pr.jacobian = func(par, dst []float64) {
			for i, xi := range x {
				jacRow(xi, par, row)
				wi := 1.0
				if w != nil {
					wi = w[i]
				}
				for k, v := range row {
					dst[i+k*m] = wi * v
				}
			}
		}
	}
	var jacErr error
	pr.checkJac = func(par, jac []float64) error {
		for k := 0; k < n; k++ {
			for i := 0; i < m; i++ {
				if v := jac[i+k*m]; math.IsNaN(v) || math.IsInf(v, 0) {
					jacErr = fmt.Errorf("fit: Jacobian not finite: ∂r/∂p[%d] = %v at x[%d] = %g, p = %v; the model must be finite and smooth near the parameters visited", k, v, i, x[i], par)
					return jacErr
				}
			}
		}
		return nil
	}

	// The model must be finite at p0 (scipy would silently iterate on NaN).
	par := append([]float64(nil), p0...)
	for i, xi := range x {
		if v := f(xi, par); math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("fit: model is %v at x[%d] = %g for p0 = %v; want a finite value", v, i, xi, p0)
		}
	}

	lr := levmar(pr, par, cfg)
	if lr.status == statusJacobianError {
		return nil, jacErr
	}
	res := &Result{
		P:         par,
		Residuals: lr.fvec,
		NFev:      lr.nfev,
		NJev:      lr.njev,
		Status:    lr.status,
	}
	for _, v := range lr.fvec {
		res.Cost += v * v
	}
	if !lr.status.Converged() {
		res.Cov = infCov(n)
		return res, fmt.Errorf("%w: %v (after %d evaluations)", ErrNotConverged, lr.status, lr.nfev)
	}
	cov, ok := covariance(m, n, lr.r, lr.ipvt)
	switch {
	case !ok:
		cov = infCov(n)
	case !s.AbsoluteSigma && m > n:
		cov.ScaleSym(res.Cost/float64(m-n), cov)
	case !s.AbsoluteSigma:
		cov = infCov(n)
	}
	res.Cov = cov
	return res, nil
}

// validate checks the problem and resolves the settings; it returns the
// residual weights 1/Sigma (nil without Sigma).
func validate(p *Problem, p0 []float64, s *Settings) (*lmConfig, []float64, error) {
	if p.F == nil {
		return nil, nil, errors.New("fit: Problem.F is nil; want a model function")
	}
	if len(p.Y) == 0 {
		return nil, nil, errors.New("fit: no data: Problem.Y is empty")
	}
	if len(p.X) != len(p.Y) {
		return nil, nil, fmt.Errorf("fit: len(X) = %d but len(Y) = %d; want equal lengths", len(p.X), len(p.Y))
	}
	if err := allFinite("X", p.X); err != nil {
		return nil, nil, err
	}
	if err := allFinite("Y", p.Y); err != nil {
		return nil, nil, err
	}
	n := len(p0)
	if n == 0 {
		return nil, nil, errors.New("fit: p0 is empty; want one starting value per parameter")
	}
	if p.NParam > 0 && n != p.NParam {
		return nil, nil, fmt.Errorf("fit: len(p0) = %d but the model takes %d parameters", n, p.NParam)
	}
	if err := allFinite("p0", p0); err != nil {
		return nil, nil, err
	}
	if n > len(p.Y) {
		return nil, nil, fmt.Errorf("fit: %d parameters but only %d data points; want at most as many parameters as data points", n, len(p.Y))
	}
	var w []float64
	if p.Sigma != nil {
		if len(p.Sigma) != len(p.Y) {
			return nil, nil, fmt.Errorf("fit: len(Sigma) = %d but len(Y) = %d; want equal lengths", len(p.Sigma), len(p.Y))
		}
		w = make([]float64, len(p.Sigma))
		for i, v := range p.Sigma {
			if !(v > 0) || math.IsInf(v, 1) {
				return nil, nil, fmt.Errorf("fit: Sigma[%d] = %v; want a positive finite uncertainty", i, v)
			}
			w[i] = 1 / v
		}
	}

	cfg := &lmConfig{
		ftol: s.Ftol, xtol: s.Xtol, gtol: s.Gtol,
		maxfev: s.MaxEval, epsfcn: s.Epsfcn, factor: s.Factor,
	}
	for _, t := range []struct {
		name string
		v    float64
	}{{"Ftol", s.Ftol}, {"Xtol", s.Xtol}, {"Gtol", s.Gtol}, {"Epsfcn", s.Epsfcn}, {"Factor", s.Factor}} {
		if !(t.v >= 0) || math.IsInf(t.v, 1) {
			return nil, nil, fmt.Errorf("fit: Settings.%s = %v; want a finite value ≥ 0 (0 for the default)", t.name, t.v)
		}
	}
	if s.MaxEval < 0 {
		return nil, nil, fmt.Errorf("fit: Settings.MaxEval = %d; want ≥ 0 (0 for the default)", s.MaxEval)
	}
	if cfg.ftol == 0 {
		cfg.ftol = DefaultFtol
	}
	if cfg.xtol == 0 {
		cfg.xtol = DefaultXtol
	}
	if cfg.factor == 0 {
		cfg.factor = DefaultFactor
	}
	if cfg.maxfev == 0 {
		if p.Jac != nil {
			cfg.maxfev = 100 * (n + 1)
		} else {
			cfg.maxfev = 200 * (n + 1)
		}
	}
	if s.Diag != nil {
		if len(s.Diag) != n {
			return nil, nil, fmt.Errorf("fit: len(Settings.Diag) = %d; want len(p0) = %d", len(s.Diag), n)
		}
		for i, v := range s.Diag {
			if !(v > 0) || math.IsInf(v, 1) {
				return nil, nil, fmt.Errorf("fit: Settings.Diag[%d] = %v; want a positive finite scale", i, v)
			}
		}
		cfg.diag = s.Diag
	}
	return cfg, w, nil
}

func allFinite(name string, v []float64) error {
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("fit: %s[%d] = %v; want finite values", name, i, x)
		}
	}
	return nil
}

// covariance computes (JᵀJ)⁻¹ = P R⁻¹ R⁻ᵀ Pᵀ from the pivoted QR factors of J
// (R in the upper triangle of the leading n×n block of r, leading dimension
// m). This is how scipy.optimize.leastsq forms cov_x (inverting R with
// LAPACK's trtri); ok is false when R has a zero on its diagonal.
func covariance(m, n int, r []float64, ipvt []int) (cov *mat.SymDense, ok bool) {
	// inv = R⁻¹, upper triangular, row-major n×n, column by column:
	// R·inv[:, j] = e_j by back substitution.
	inv := make([]float64, n*n)
	for j := 0; j < n; j++ {
		if r[j+j*m] == 0 {
			return nil, false
		}
	}
	for j := 0; j < n; j++ {
		for i := j; i >= 0; i-- {
			var sum float64
			if i == j {
				sum = 1
			}
			for k := i + 1; k <= j; k++ {
				sum -= r[i+k*m] * inv[k*n+j]
			}
			inv[i*n+j] = sum / r[i+i*m]
		}
	}
	// Row i of R⁻¹ belongs to parameter ipvt[i].
	cov = mat.NewSymDense(n, nil)
	for a := 0; a < n; a++ {
		for b := a; b < n; b++ {
			var sum float64
			for k := max(a, b); k < n; k++ {
				sum += inv[a*n+k] * inv[b*n+k]
			}
			if math.IsNaN(sum) {
				return nil, false
			}
			cov.SetSym(ipvt[a], ipvt[b], sum)
		}
	}
	return cov, true
}

func infCov(n int) *mat.SymDense {
	cov := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			cov.SetSym(i, j, math.Inf(1))
		}
	}
	return cov
}
