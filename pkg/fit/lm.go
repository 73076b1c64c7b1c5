package fit

import (
	"math"
)

// lmProblem is the least-squares problem the driver sees: m residuals of n
// parameters.
type lmProblem struct {
	m, n int
	// residuals writes r(p) into dst (length m). Non-finite residuals are
	// allowed at trial points (the step is then rejected, as in MINPACK).
	residuals func(p, dst []float64)
	// jacobian, if not nil, writes the m×n Jacobian of r at p into dst,
	// column-major; otherwise forward differences are used.
	jacobian func(p, dst []float64)
	// checkJac is called on every Jacobian before it is factored; a non-nil
	// error stops the fit.
	checkJac func(p, jac []float64) error
}

// lmConfig holds the resolved settings of one run.
type lmConfig struct {
	ftol, xtol, gtol float64
	maxfev           int
	epsfcn           float64
	factor           float64
	diag             []float64 // nil: scale automatically by column norms (MINPACK mode 1)
}

// lmResult is what the driver returns besides the solution (left in x).
type lmResult struct {
	status     Status
	nfev, njev int
	fvec       []float64 // residuals at the solution
	// r and ipvt are the pivoted QR factors of the last Jacobian evaluated:
	// R is the upper triangle of the leading n×n block of r (leading
	// dimension m). This is MINPACK's output fjac/ipvt from which scipy's
	// leastsq derives cov_x.
	r    []float64
	ipvt []int
}

// levmar minimises ‖r(x)‖² from the starting point x (overwritten with the
// solution) by the Levenberg–Marquardt method with a trust region, as
// described by J. J. Moré (1978), "The Levenberg–Marquardt algorithm:
// implementation and theory", Lecture Notes in Mathematics 630, 105–116, and
// realised in MINPACK-1's LMDIF (forward-difference Jacobian) and LMDER
// (analytic Jacobian) (Moré, Garbow and Hillstrom 1980, ANL-80-74, §2.3–2.4
// and the subroutine documentation). It follows MINPACK's step control
// decisions one by one, so that with the same arithmetic it visits the same
// iterates as scipy.optimize.leastsq and curve_fit (method "lm").
//
// Outline: at each outer iteration the Jacobian J is evaluated and factored
// as J P = Q R; the variables are scaled by D (the largest column norms of J
// seen so far, unless given); the inner loop proposes p = p(λ) with
// ‖D p‖ ≈ Δ (lmpar), compares the actual reduction of ‖r‖² with the one
// predicted by the linear model, and shrinks or grows Δ accordingly (factors
// 1/10…1/2 when ρ ≤ 1/4, ×2 when ρ ≥ 3/4 or λ = 0) until a step with
// ρ ≥ 10⁻⁴ is accepted. Convergence is declared by the relative reduction
// (ftol), the relative step (xtol) or the gradient angle (gtol).
func levmar(pr *lmProblem, x []float64, cfg *lmConfig) lmResult {
	m, n := pr.m, pr.n
	fvec := make([]float64, m)
	fjac := make([]float64, m*n)
	diag := make([]float64, n)
	qtf := make([]float64, n)
	wa1 := make([]float64, n)
	wa2 := make([]float64, n)
	wa3 := make([]float64, n)
	wa4 := make([]float64, m)
	qr := newQRWork(n)
	lw := newLMParWork(n)

	res := lmResult{fvec: fvec, r: fjac, ipvt: qr.ipvt}
	autoScale := cfg.diag == nil
	if !autoScale {
		copy(diag, cfg.diag)
	}

	pr.residuals(x, fvec)
	res.nfev = 1
	fnorm := enorm(fvec)

	var (
		par, delta, xnorm float64
		iter              = 1
	)
	for {
		// Jacobian at x.
		if pr.jacobian != nil {
			pr.jacobian(x, fjac)
			res.njev++
		} else {
			fdjac(pr, x, fvec, fjac, wa4, cfg.epsfcn)
			res.nfev += n
		}
		if pr.checkJac != nil {
			if err := pr.checkJac(x, fjac); err != nil {
				res.status = statusJacobianError
				return res
			}
		}

		// J P = Q R, with the column norms of J in qr.acnorm.
		qrfac(m, n, fjac, qr)
		acnorm := qr.acnorm

		// First iteration: scaling and initial step bound Δ = factor·‖D x‖.
		if iter == 1 {
			if autoScale {
				for j := range diag {
					diag[j] = acnorm[j]
					if diag[j] == 0 {
						diag[j] = 1
					}
				}
			}
			for j := range wa3 {
				wa3[j] = diag[j] * x[j]
			}
			xnorm = enorm(wa3)
			delta = cfg.factor * xnorm
			if delta == 0 {
				delta = cfg.factor
			}
		}

		// qtf = first n components of Qᵀ f; put R's diagonal into fjac.
		copy(wa4, fvec)
		for j := 0; j < n; j++ {
			col := fjac[j*m : j*m+m]
			if col[j] != 0 {
				var sum float64
				for i := j; i < m; i++ {
					sum += col[i] * wa4[i]
				}
				t := -sum / col[j]
				for i := j; i < m; i++ {
					wa4[i] += col[i] * t
				}
			}
			col[j] = qr.rdiag[j]
			qtf[j] = wa4[j]
		}

		// Scaled gradient norm: the largest cosine between f and a column of J.
		gnorm := 0.0
		if fnorm != 0 {
			for j := 0; j < n; j++ {
				l := qr.ipvt[j]
				if acnorm[l] == 0 {
					continue
				}
				var sum float64
				for i := 0; i <= j; i++ {
					sum += fjac[i+j*m] * (qtf[i] / fnorm)
				}
				gnorm = math.Max(gnorm, math.Abs(sum/acnorm[l]))
			}
		}
		if gnorm <= cfg.gtol {
			res.status = GtolConverged
			return res
		}

		if autoScale {
			for j := range diag {
				diag[j] = math.Max(diag[j], acnorm[j])
			}
		}

		// Inner loop: trial steps until one reduces ‖f‖ enough.
		for {
			par = lmpar(n, fjac, m, qr.ipvt, diag, qtf, delta, par, wa1, lw)

			// Trial point x − p; its scaled length.
			for j := 0; j < n; j++ {
				wa1[j] = -wa1[j]
				wa2[j] = x[j] + wa1[j]
				wa3[j] = diag[j] * wa1[j]
			}
			pnorm := enorm(wa3)
			if iter == 1 {
				delta = math.Min(delta, pnorm)
			}

			pr.residuals(wa2, wa4)
			res.nfev++
			fnorm1 := enorm(wa4)

			// Actual relative reduction (−1 when ‖f‖ grew tenfold or more,
			// or is not finite).
			actred := -1.0
			if 0.1*fnorm1 < fnorm {
				q := fnorm1 / fnorm
				actred = 1 - q*q
			}

			// Predicted reduction and scaled directional derivative.
			for j := 0; j < n; j++ {
				wa3[j] = 0
				t := wa1[qr.ipvt[j]]
				for i := 0; i <= j; i++ {
					wa3[i] += fjac[i+j*m] * t
				}
			}
			t1 := enorm(wa3) / fnorm
			t2 := (math.Sqrt(par) * pnorm) / fnorm
			prered := t1*t1 + t2*t2/0.5
			dirder := -(t1*t1 + t2*t2)

			ratio := 0.0
			if prered != 0 {
				ratio = actred / prered
			}

			// Update the step bound.
			if ratio <= 0.25 {
				var t float64
				if actred >= 0 {
					t = 0.5
				}
				if actred < 0 {
					t = 0.5 * dirder / (dirder + 0.5*actred)
				}
				if 0.1*fnorm1 >= fnorm || t < 0.1 {
					t = 0.1
				}
				delta = t * math.Min(delta, pnorm/0.1)
				par /= t
			} else if par == 0 || ratio >= 0.75 {
				delta = pnorm / 0.5
				par *= 0.5
			}

			// Accept a successful step.
			if ratio >= 1e-4 {
				for j := 0; j < n; j++ {
					x[j] = wa2[j]
					wa2[j] = diag[j] * x[j]
				}
				copy(fvec, wa4)
				xnorm = enorm(wa2)
				fnorm = fnorm1
				iter++
			}

			// Convergence tests.
			ftolOK := math.Abs(actred) <= cfg.ftol && prered <= cfg.ftol && 0.5*ratio <= 1
			xtolOK := delta <= cfg.xtol*xnorm
			switch {
			case ftolOK && xtolOK:
				res.status = FtolXtolConverged
			case ftolOK:
				res.status = FtolConverged
			case xtolOK:
				res.status = XtolConverged
			}
			if res.status != 0 {
				return res
			}

			// Termination tests: evaluation budget, tolerances too small.
			// MINPACK assigns the codes 5, 6, 7, 8 in turn so that the last
			// one that holds wins.
			switch {
			case gnorm <= machEps:
				res.status = GtolTooSmall
			case delta <= machEps*xnorm:
				res.status = XtolTooSmall
			case math.Abs(actred) <= machEps && prered <= machEps && 0.5*ratio <= 1:
				res.status = FtolTooSmall
			case res.nfev >= cfg.maxfev:
				res.status = MaxEvalReached
			}
			if res.status != 0 {
				return res
			}

			if ratio >= 1e-4 {
				break
			}
		}
	}
}

// fdjac approximates the Jacobian of the residuals at x by forward
// differences, column j with the step h = sqrt(max(epsfcn, ε))·|x_j| (or
// sqrt(max(epsfcn, ε)) when x_j = 0), MINPACK-1's FDJAC2. fvec holds r(x); wa
// is scratch of length m.
func fdjac(pr *lmProblem, x, fvec, fjac, wa []float64, epsfcn float64) {
	m := pr.m
	eps := math.Sqrt(math.Max(epsfcn, machEps))
	for j := range x {
		xj := x[j]
		h := eps * math.Abs(xj)
		if h == 0 {
			h = eps
		}
		x[j] = xj + h
		pr.residuals(x, wa)
		x[j] = xj
		col := fjac[j*m : j*m+m]
		for i := range col {
			col[i] = (wa[i] - fvec[i]) / h
		}
	}
}
