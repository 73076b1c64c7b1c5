package fit

import "math"

// lmparWork is the scratch space of lmpar.
type lmparWork struct {
	sdiag, wa1, wa2 []float64
}

func newLMParWork(n int) *lmparWork {
	return &lmparWork{
		sdiag: make([]float64, n),
		wa1:   make([]float64, n),
		wa2:   make([]float64, n),
	}
}

// lmpar determines the Levenberg–Marquardt parameter λ (par) of one trial
// step, following J. J. Moré (1978), "The Levenberg–Marquardt algorithm:
// implementation and theory", §5 (algorithm 5.5), as realised in MINPACK-1's
// LMPAR (Moré, Garbow and Hillstrom 1980, ANL-80-74).
//
// The step p(λ) solves min ‖J p + f‖² + λ‖D p‖². Given the pivoted QR factors
// of J (R in the leading n×n block of r, leading dimension ldr; permutation
// ipvt), the scaling D = diag, qtb = (Qᵀf)[:n] and the trust-region radius
// Δ = delta, lmpar finds λ ≥ 0 such that either λ = 0 and ‖D p(0)‖ ≤ 1.1Δ (the
// Gauss–Newton step fits), or ‖D p(λ)‖ is within 10% of Δ. The zero of
// φ(λ) = ‖D p(λ)‖ − Δ is found by Newton's method on the rational model of φ,
// safeguarded by the bracket [parl, paru] built from the Newton step
// (lower bound, zero when J is rank deficient) and from ‖(JD⁻¹)ᵀf‖/Δ (upper
// bound); at most 10 iterations are taken. par is the starting guess on entry
// (the previous step's λ) and the result on return. x receives p(λ) (with the
// sign convention of the subproblem: the step taken by the driver is −x).
//
// On return the strict lower triangle of r holds S of qrsolv (the upper
// triangle with R is unchanged) and w.sdiag its diagonal.
func lmpar(n int, r []float64, ldr int, ipvt []int, diag, qtb []float64, delta, par float64, x []float64, w *lmparWork) float64 {
	const dwarf = 0x1p-1022 // smallest positive normal float64, MINPACK's dpmpar(2)
	wa1, wa2, sdiag := w.wa1, w.wa2, w.sdiag

	// Gauss–Newton direction; a least-squares solution when R is singular
	// (components past the first zero diagonal set to zero).
	nsing := n
	for j := 0; j < n; j++ {
		wa1[j] = qtb[j]
		if r[j+j*ldr] == 0 && nsing == n {
			nsing = j
		}
		if nsing < n {
			wa1[j] = 0
		}
	}
	for j := nsing - 1; j >= 0; j-- {
		wa1[j] /= r[j+j*ldr]
		t := wa1[j]
		for i := 0; i < j; i++ {
			wa1[i] -= r[i+j*ldr] * t
		}
	}
	for j := 0; j < n; j++ {
		x[ipvt[j]] = wa1[j]
	}

	// φ at λ = 0: accept the Gauss–Newton step if it is short enough.
	iter := 0
	for j := 0; j < n; j++ {
		wa2[j] = diag[j] * x[j]
	}
	dxnorm := enorm(wa2[:n])
	fp := dxnorm - delta
	if fp <= 0.1*delta {
		return 0
	}

	// Lower bound parl = −φ(0)/φ'(0) when J has full rank, else 0.
	parl := 0.0
	if nsing >= n {
		for j := 0; j < n; j++ {
			l := ipvt[j]
			wa1[j] = diag[l] * (wa2[l] / dxnorm)
		}
		for j := 0; j < n; j++ {
			var sum float64
			for i := 0; i < j; i++ {
				sum += r[i+j*ldr] * wa1[i]
			}
			wa1[j] = (wa1[j] - sum) / r[j+j*ldr]
		}
		t := enorm(wa1[:n])
		parl = ((fp / delta) / t) / t
	}

	// Upper bound paru = ‖(J D⁻¹)ᵀ f‖ / Δ.
	for j := 0; j < n; j++ {
		var sum float64
		for i := 0; i <= j; i++ {
			sum += r[i+j*ldr] * qtb[i]
		}
		wa1[j] = sum / diag[ipvt[j]]
	}
	gnorm := enorm(wa1[:n])
	paru := gnorm / delta
	if paru == 0 {
		paru = dwarf / math.Min(delta, 0.1)
	}

	// Move the starting λ into [parl, paru].
	par = math.Max(par, parl)
	par = math.Min(par, paru)
	if par == 0 {
		par = gnorm / dxnorm
	}

	for {
		iter++
		if par == 0 {
			par = math.Max(dwarf, 0.001*paru)
		}
		s := math.Sqrt(par)
		for j := 0; j < n; j++ {
			wa1[j] = s * diag[j]
		}
		qrsolv(n, r, ldr, ipvt, wa1, qtb, x, sdiag, wa2)
		for j := 0; j < n; j++ {
			wa2[j] = diag[j] * x[j]
		}
		dxnorm = enorm(wa2[:n])
		prev := fp
		fp = dxnorm - delta

		// Accept λ when ‖D p‖ is within 10% of Δ; also stop when the lower
		// bound is zero and φ went down while negative, or after 10 steps.
		if math.Abs(fp) <= 0.1*delta || (parl == 0 && fp <= prev && prev < 0) || iter == 10 {
			return par
		}

		// Newton correction from the rational model of φ.
		for j := 0; j < n; j++ {
			l := ipvt[j]
			wa1[j] = diag[l] * (wa2[l] / dxnorm)
		}
		for j := 0; j < n; j++ {
			wa1[j] /= sdiag[j]
			t := wa1[j]
			for i := j + 1; i < n; i++ {
				wa1[i] -= r[i+j*ldr] * t
			}
		}
		t := enorm(wa1[:n])
		parc := ((fp / delta) / t) / t

		// Shrink the bracket on the side φ's sign tells, then step.
		if fp > 0 {
			parl = math.Max(parl, par)
		}
		if fp < 0 {
			paru = math.Min(paru, par)
		}
		par = math.Max(parl, par+parc)
	}
}
