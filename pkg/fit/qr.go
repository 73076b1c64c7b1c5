package fit

import "math"

// Linear-algebra kernels of the Levenberg–Marquardt driver, written after the
// descriptions in J. J. Moré, B. S. Garbow and K. E. Hillstrom, "User Guide
// for MINPACK-1", Argonne National Laboratory report ANL-80-74 (1980),
// chapter 2 and the documentation of ENORM, QRFAC and QRSOLV there, and in
// J. J. Moré, "The Levenberg–Marquardt algorithm: implementation and theory",
// Lecture Notes in Mathematics 630 (1978) 105–116, §3 and §5.
//
// Matrices are stored column-major (element (i, j) of an m-row matrix at
// a[i+j*m]), because every kernel below walks down columns.

// machEps is the relative machine precision ε of float64, MINPACK's epsmch.
const machEps = 0x1p-52

// Thresholds of the overflow- and underflow-safe Euclidean norm (MINPACK-1
// user guide, ENORM): components at most rdwarf are "small", components of at
// least rgiant/n are "large", everything between is summed directly.
const (
	rdwarf = 3.834e-20
	rgiant = 1.304e19
)

// enorm returns the Euclidean norm of x without destructive underflow or
// overflow. Small, intermediate and large components are accumulated in three
// separately scaled sums which are combined at the end; for ordinary data it
// reduces to sqrt(Σx²) summed in order, which is what keeps our iterates on
// the same path as MINPACK's.
func enorm(x []float64) float64 {
	var sLarge, sMid, sSmall, maxLarge, maxSmall float64
	agiant := rgiant / float64(len(x))
	for _, v := range x {
		a := math.Abs(v)
		switch {
		case a > rdwarf && a < agiant:
			sMid += a * a
		case a <= rdwarf:
			if a > maxSmall {
				r := maxSmall / a
				sSmall = 1 + sSmall*(r*r)
				maxSmall = a
			} else if a != 0 {
				r := a / maxSmall
				sSmall += r * r
			}
		default: // large, or NaN: NaN propagates into the norm
			if a > maxLarge {
				r := maxLarge / a
				sLarge = 1 + sLarge*(r*r)
				maxLarge = a
			} else {
				r := a / maxLarge
				sLarge += r * r
			}
		}
	}
	switch {
	case sLarge != 0:
		return maxLarge * math.Sqrt(sLarge+(sMid/maxLarge)/maxLarge)
	case sMid != 0:
		if sMid >= maxSmall {
			return math.Sqrt(sMid * (1 + (maxSmall/sMid)*(maxSmall*sSmall)))
		}
		return math.Sqrt(maxSmall * (sMid/maxSmall + maxSmall*sSmall))
	default:
		return maxSmall * math.Sqrt(sSmall)
	}
}

// qrWork holds the outputs and scratch space of qrfac for an m×n matrix.
type qrWork struct {
	ipvt   []int     // column j of the factored matrix is column ipvt[j] of the original
	rdiag  []float64 // diagonal of R
	acnorm []float64 // Euclidean norms of the original columns
	wa     []float64 // scratch: column norms at the last full recomputation
}

func newQRWork(n int) *qrWork {
	return &qrWork{
		ipvt:   make([]int, n),
		rdiag:  make([]float64, n),
		acnorm: make([]float64, n),
		wa:     make([]float64, n),
	}
}

// qrfac computes the QR factorisation with column pivoting A·P = Q·R of the
// m×n matrix a (m ≥ n) by Householder reflections (Businger and Golub 1965):
// at step j the remaining column of largest norm is swapped into place and
// reduced to a multiple of the j-th unit vector. On return the strict upper
// triangle of a holds the strict upper triangle of R, w.rdiag its diagonal,
// and column j of the lower trapezoid, from row j down, the Householder vector
// v_j (scaled so that v_j[j] is the divisor of the reflection I − v vᵀ/v_j[j]).
// Column norms are downdated as the reduction proceeds and recomputed when
// cancellation has eaten into them (relative size below sqrt(20ε)).
func qrfac(m, n int, a []float64, w *qrWork) {
	for j := 0; j < n; j++ {
		nrm := enorm(a[j*m : j*m+m])
		w.acnorm[j] = nrm
		w.rdiag[j] = nrm
		w.wa[j] = nrm
		w.ipvt[j] = j
	}
	for j := 0; j < min(m, n); j++ {
		// Pivot: the first remaining column of largest (downdated) norm.
		kmax := j
		for k := j; k < n; k++ {
			if w.rdiag[k] > w.rdiag[kmax] {
				kmax = k
			}
		}
		if kmax != j {
			cj, ck := a[j*m:j*m+m], a[kmax*m:kmax*m+m]
			for i := range cj {
				cj[i], ck[i] = ck[i], cj[i]
			}
			w.rdiag[kmax] = w.rdiag[j]
			w.wa[kmax] = w.wa[j]
			w.ipvt[j], w.ipvt[kmax] = w.ipvt[kmax], w.ipvt[j]
		}

		// Householder vector reducing a[j:, j] to ∓‖a[j:, j]‖ e_j.
		col := a[j*m : j*m+m]
		ajnorm := enorm(col[j:])
		if ajnorm != 0 {
			if col[j] < 0 {
				ajnorm = -ajnorm
			}
			for i := j; i < m; i++ {
				col[i] /= ajnorm
			}
			col[j]++

			// Apply the reflection to the remaining columns and downdate
			// their norms.
			for k := j + 1; k < n; k++ {
				ck := a[k*m : k*m+m]
				var sum float64
				for i := j; i < m; i++ {
					sum += col[i] * ck[i]
				}
				t := sum / col[j]
				for i := j; i < m; i++ {
					ck[i] -= t * col[i]
				}
				if w.rdiag[k] == 0 {
					continue
				}
				r := ck[j] / w.rdiag[k]
				w.rdiag[k] *= math.Sqrt(math.Max(0, 1-r*r))
				q := w.rdiag[k] / w.wa[k]
				if 0.05*(q*q) <= machEps {
					w.rdiag[k] = enorm(ck[j+1:])
					w.wa[k] = w.rdiag[k]
				}
			}
		}
		w.rdiag[j] = -ajnorm
	}
}

// qrsolv solves the damped least-squares subproblem of one trial step. Given
// the factorisation A·P = Q·R (R upper triangular, n×n, in the leading block
// of r with leading dimension ldr), the permutation ipvt, a diagonal D and
// qtb = the first n components of Qᵀb, it finds x minimising
// ‖A x − b‖² + ‖D x‖². The rows of D are folded into R one at a time with
// Givens rotations, giving the upper triangular S of
// Pᵀ(AᵀA + DD)P = SᵀS; S's diagonal goes to sdiag and its strict upper
// triangle, transposed, to the strict lower triangle of r (the upper triangle
// and diagonal of r are left as they were). A singular S gives the
// least-squares solution with the trailing components set to zero.
func qrsolv(n int, r []float64, ldr int, ipvt []int, diag, qtb, x, sdiag, wa []float64) {
	// Copy R's upper triangle into the lower one (that copy becomes S) and
	// keep R's diagonal in x.
	for j := 0; j < n; j++ {
		for i := j; i < n; i++ {
			r[i+j*ldr] = r[j+i*ldr]
		}
		x[j] = r[j+j*ldr]
		wa[j] = qtb[j]
	}

	for j := 0; j < n; j++ {
		if d := diag[ipvt[j]]; d != 0 {
			for k := j; k < n; k++ {
				sdiag[k] = 0
			}
			sdiag[j] = d
			// The rotations touch a single element of (Qᵀb, 0) beyond the
			// first n, which starts at zero.
			var qtbpj float64
			for k := j; k < n; k++ {
				if sdiag[k] == 0 {
					continue
				}
				rkk := r[k+k*ldr]
				var sin, cos float64
				if math.Abs(rkk) < math.Abs(sdiag[k]) {
					cot := rkk / sdiag[k]
					sin = 0.5 / math.Sqrt(0.25+0.25*(cot*cot))
					cos = sin * cot
				} else {
					tan := sdiag[k] / rkk
					cos = 0.5 / math.Sqrt(0.25+0.25*(tan*tan))
					sin = cos * tan
				}
				r[k+k*ldr] = cos*rkk + sin*sdiag[k]
				t := cos*wa[k] + sin*qtbpj
				qtbpj = -sin*wa[k] + cos*qtbpj
				wa[k] = t
				for i := k + 1; i < n; i++ {
					rik := r[i+k*ldr]
					r[i+k*ldr] = cos*rik + sin*sdiag[i]
					sdiag[i] = -sin*rik + cos*sdiag[i]
				}
			}
		}
		sdiag[j] = r[j+j*ldr]
		r[j+j*ldr] = x[j]
	}

	// Back substitution with S, truncated at its first zero diagonal.
	nsing := n
	for j := 0; j < n; j++ {
		if sdiag[j] == 0 && nsing == n {
			nsing = j
		}
		if nsing < n {
			wa[j] = 0
		}
	}
	for j := nsing - 1; j >= 0; j-- {
		var sum float64
		for i := j + 1; i < nsing; i++ {
			sum += r[i+j*ldr] * wa[i]
		}
		wa[j] = (wa[j] - sum) / sdiag[j]
	}
	for j := 0; j < n; j++ {
		x[ipvt[j]] = wa[j]
	}
}
