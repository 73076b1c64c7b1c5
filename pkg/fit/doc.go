// Package fit implements nonlinear least-squares curve fitting by the
// Levenberg–Marquardt method with the semantics of scipy.optimize.curve_fit
// (method "lm", the default without bounds): the same iteration, stopping
// rules, defaults, sigma weighting and covariance estimate, so that a port of
// a Python analysis gets the same popt and pcov.
//
// The iteration is MINPACK-1's LMDIF/LMDER — a trust-region
// Levenberg–Marquardt method with scaled variables, the parameter λ found by
// Moré's safeguarded Newton iteration and the Jacobian factored by Householder
// QR with column pivoting — written from J. J. Moré, "The Levenberg–Marquardt
// algorithm: implementation and theory", in G. A. Watson (ed.), Numerical
// Analysis, Lecture Notes in Mathematics 630, Springer (1978) 105–116, and
// J. J. Moré, B. S. Garbow, K. E. Hillstrom, "User Guide for MINPACK-1",
// Argonne National Laboratory report ANL-80-74 (1980). scipy's leastsq calls
// that same Fortran code, which is why results agree to rounding (see the
// tests against scipy 1.10 in testdata/).
//
// Like curve_fit, CurveFit takes a model f(x; p), data x, y, optional
// per-point uncertainties sigma and a starting point p0, and returns the
// parameters P and their covariance Cov = (JᵀJ)⁻¹·s², with s² the residual
// variance Σr²/(m − n) unless Settings.AbsoluteSigma. Cov is +Inf everywhere
// when it cannot be estimated.
//
// Limits: bounds (curve_fit's "trf"/"dogbox" methods) and a 2-D covariance
// sigma are not implemented; x is a scalar per data point (flatten grids, as
// the seed does with numpy).
//
// Ricker and Gaussian are the two models of the SNN sound-localisation
// analysis (seed 002), evaluated exactly as its numpy lambdas.
package fit
