package fit

import "math"

// The model functions below evaluate their formulas in the order numpy
// evaluates the lambdas of seed 002 (the SNN sound-localisation notebook),
// so that fits of the same data agree to rounding. The explicit float64
// conversions forbid fused multiply–adds (Go spec, "Floating-point
// operators"), which numpy does not use either.

// Ricker is the Ricker ("Mexican hat") wavelet with an offset,
//
//	ψ(t; a, b, σ) = a·(1 − (t/σ)²)·exp(−t²/(2σ²)) + b,   p = (a, b, σ),
//
// the function the seed fits to the hidden-to-output weights (p0 = (1, 0, 1)).
// The sign of σ does not matter; a negative σ is as good a fit as −σ.
func Ricker(t float64, p []float64) float64 {
	a, b, s := p[0], p[1], p[2]
	q := t / s
	e := math.Exp(-(t * t) / float64(2*float64(s*s)))
	return float64(float64(a*float64(1-float64(q*q)))*e) + b
}

// RickerJac writes the gradient of Ricker with respect to (a, b, σ) into dst.
func RickerJac(t float64, p, dst []float64) {
	a, s := p[0], p[2]
	u := (t / s) * (t / s)
	e := math.Exp(-u / 2)
	dst[0] = (1 - u) * e
	dst[1] = 1
	// dψ/dσ = a·e·(2u/σ + (1 − u)·u/σ) = a·e·u·(3 − u)/σ
	dst[2] = a * e * u * (3 - u) / s
}

// Gaussian is a Gaussian bump with an offset,
//
//	g(t; a, b, σ) = a·exp(−t²/(2σ²)) + b,   p = (a, b, σ),
//
// the function the seed fits to the hidden-unit tuning curves
// (p0 = (−200, 200, 1): a dip from a baseline).
func Gaussian(t float64, p []float64) float64 {
	a, b, s := p[0], p[1], p[2]
	e := math.Exp(-(t * t) / float64(2*float64(s*s)))
	return float64(a*e) + b
}

// GaussianJac writes the gradient of Gaussian with respect to (a, b, σ) into
// dst.
func GaussianJac(t float64, p, dst []float64) {
	a, s := p[0], p[2]
	u := (t / s) * (t / s)
	e := math.Exp(-u / 2)
	dst[0] = e
	dst[1] = 1
	dst[2] = a * e * u / s
}

// ModelParams is the number of parameters of Ricker and Gaussian.
const ModelParams = 3
