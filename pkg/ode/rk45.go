package ode

import (
	"errors"
	"fmt"
	"math"
)

// Dormand–Prince 5(4) tableau as SciPy writes it (scipy/integrate/_ivp/rk.py,
// class RK45): nodes c, stage matrix a, fifth-order weights b, error weights
// e = b̂ − b (seven entries: the last applies to the FSAL stage f(t+h, y_new))
// and the matrix p of the free-interpolant polynomial of Shampine (1986).
var (
	dpC = [6]float64{0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1}
	dpA = [6][5]float64{
		{},
		{1.0 / 5},
		{3.0 / 40, 9.0 / 40},
		{44.0 / 45, -56.0 / 15, 32.0 / 9},
		{19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
		{9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
	}
	dpB = [6]float64{35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}
	dpE = [7]float64{-71.0 / 57600, 0, 71.0 / 16695, -71.0 / 1920, 17253.0 / 339200, -22.0 / 525, 1.0 / 40}
	dpP = [7][4]float64{
		{1, -8048581381.0 / 2820520608, 8663915743.0 / 2820520608, -12715105075.0 / 11282082432},
		{0, 0, 0, 0},
		{0, 131558114200.0 / 32700410799, -68118460800.0 / 10900136933, 87487479700.0 / 32700410799},
		{0, -1754552775.0 / 470086768, 14199869525.0 / 1410260304, -10690763975.0 / 1880347072},
		{0, 127303824393.0 / 49829197408, -318862633887.0 / 49829197408, 701980252875.0 / 199316789632},
		{0, -282668133.0 / 205662961, 2019193451.0 / 616988883, -1453857185.0 / 822651844},
		{0, 40617522.0 / 29380423, -110615467.0 / 29380423, 69997945.0 / 29380423},
	}
)

// Controller constants of SciPy's explicit Runge–Kutta solvers.
const (
	safety    = 0.9
	minFactor = 0.2
	maxFactor = 10
	// errorExponent is −1/(q+1) for the fourth-order error estimator.
	errorExponent = -1.0 / 5
)

// ErrStepTooSmall is reported when the step size falls below ten units in
// the last place of t (SciPy's "Required step size is less than spacing
// between numbers.").
var ErrStepTooSmall = errors.New("ode: required step size is less than spacing between numbers")

// RK45 is the Dormand–Prince stepper with its workspace. Reusing one RK45
// for many solves of the same dimension allocates nothing per step; its zero
// value is ready to use. An RK45 is not safe for concurrent use.
type RK45 struct {
	f              Func
	n              int
	t, tOld, tEnd  float64
	dir            float64
	hAbs           float64
	rtol, maxStep  float64
	atol           []float64
	y, yOld, yNew  []float64
	fcur           []float64 // f(t, y)
	k              [7][]float64
	tmp, scale     []float64
	nfev, steps    int
	rejected       int
	finished       bool
	atolBuf        []float64
	yBuf, yOldBuf  []float64
	yNewBuf, fcBuf []float64
}

func (r *RK45) alloc(n int) {
	if cap(r.yBuf) >= n {
		r.y, r.yOld, r.yNew, r.fcur = r.yBuf[:n], r.yOldBuf[:n], r.yNewBuf[:n], r.fcBuf[:n]
		for i := range r.k {
			r.k[i] = r.k[i][:n]
		}
		r.tmp, r.scale, r.atol = r.tmp[:n], r.scale[:n], r.atolBuf[:n]
		return
	}
	r.yBuf, r.yOldBuf, r.yNewBuf, r.fcBuf = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	r.y, r.yOld, r.yNew, r.fcur = r.yBuf, r.yOldBuf, r.yNewBuf, r.fcBuf
	for i := range r.k {
		r.k[i] = make([]float64, n)
	}
	r.tmp, r.scale, r.atolBuf = make([]float64, n), make([]float64, n), make([]float64, n)
	r.atol = r.atolBuf
}

// Init prepares the stepper for dy/dt = f(t, y), y(t0) = y0, integrating
// towards t1 with the given settings (nil for SciPy's defaults). It evaluates
// f once at t0 and, unless s.FirstStep is set, once more to choose the first
// step, exactly as SciPy does. y0 is copied.
func (r *RK45) Init(f Func, t0 float64, y0 []float64, t1 float64, s *Settings) error {
	if f == nil {
		return errors.New("ode: the right-hand side f is nil")
	}
	set, err := s.resolve(len(y0))
	if err != nil {
		return err
	}
	if math.IsNaN(t0) || math.IsInf(t0, 0) || math.IsNaN(t1) || math.IsInf(t1, 0) {
		return fmt.Errorf("ode: time span [%v, %v] must be finite", t0, t1)
	}
	for i, v := range y0 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("ode: y0[%d] = %v; initial values must be finite", i, v)
		}
	}
	n := len(y0)
	r.alloc(n)
	r.f, r.n = f, n
	r.t, r.tOld, r.tEnd = t0, math.NaN(), t1
	r.dir = 1
	if t1 < t0 {
		r.dir = -1
	}
	r.rtol, r.maxStep = set.RTol, set.MaxStep
	if set.ATolVec != nil {
		copy(r.atol, set.ATolVec)
	} else {
		for i := range r.atol {
			r.atol[i] = set.ATol
		}
	}
	copy(r.y, y0)
	r.nfev, r.steps, r.rejected = 0, 0, 0
	r.finished = n == 0 || t0 == t1
	if n == 0 {
		return nil
	}
	r.eval(r.fcur, t0, r.y)
	if set.FirstStep > 0 {
		if set.FirstStep > math.Abs(t1-t0) {
			return fmt.Errorf("ode: first step %v exceeds the length of the time span %v", set.FirstStep, math.Abs(t1-t0))
		}
		r.hAbs = set.FirstStep
	} else {
		r.hAbs = r.initialStep()
	}
	return nil
}

func (r *RK45) eval(dst []float64, t float64, y []float64) {
	r.f(dst, t, y)
	r.nfev++
}

// rms is SciPy's norm: the Euclidean norm divided by √n.
func rms(x []float64) float64 {
	var ss float64
	for _, v := range x {
		ss += v * v
	}
	return math.Sqrt(ss) / math.Sqrt(float64(len(x)))
}

// initialStep is scipy.integrate._ivp.common.select_initial_step with the
// error-estimator order 4 (Hairer, Nørsett, Wanner, Sec. II.4).
func (r *RK45) initialStep() float64 {
	sc, tmp := r.scale, r.tmp
	for i, y := range r.y {
		sc[i] = r.atol[i] + math.Abs(y)*r.rtol
	}
	for i := range tmp {
		tmp[i] = r.y[i] / sc[i]
	}
	d0 := rms(tmp)
	for i := range tmp {
		tmp[i] = r.fcur[i] / sc[i]
	}
	d1 := rms(tmp)
	h0 := 1e-6
	if !(d0 < 1e-5 || d1 < 1e-5) {
		h0 = 0.01 * d0 / d1
	}
	y1 := r.yNew
	for i := range y1 {
		y1[i] = r.y[i] + h0*r.dir*r.fcur[i]
	}
	f1 := r.k[1]
	r.eval(f1, r.t+h0*r.dir, y1)
	for i := range tmp {
		tmp[i] = (f1[i] - r.fcur[i]) / sc[i]
	}
	d2 := rms(tmp) / h0
	var h1 float64
	if d1 <= 1e-15 && d2 <= 1e-15 {
		h1 = math.Max(1e-6, h0*1e-3)
	} else {
		h1 = math.Pow(0.01/pyMax(d1, d2), 1.0/5)
	}
	return pyMin(100*h0, h1)
}

// pyMax and pyMin behave as Python's max and min of two floats, NaN included.
func pyMax(a, b float64) float64 {
	if b > a {
		return b
	}
	return a
}

func pyMin(a, b float64) float64 {
	if b < a {
		return b
	}
	return a
}

// Step advances the solution by one accepted step (retrying rejected ones).
// It returns done = true once t has reached the end of the interval, and
// ErrStepTooSmall when the step size collapses.
func (r *RK45) Step() (done bool, err error) {
	if r.f == nil {
		return false, errors.New("ode: Step called before Init")
	}
	if r.finished {
		r.tOld, r.t = r.t, r.tEnd
		return true, nil
	}
	t := r.t
	minStep := 10 * math.Abs(math.Nextafter(t, r.dir*math.Inf(1))-t)
	hAbs := r.hAbs
	if hAbs > r.maxStep {
		hAbs = r.maxStep
	} else if hAbs < minStep {
		hAbs = minStep
	}
	rejected := false
	var h, tNew float64
	for {
		if hAbs < minStep {
			return false, ErrStepTooSmall
		}
		h = hAbs * r.dir
		tNew = t + h
		if r.dir*(tNew-r.tEnd) > 0 {
			tNew = r.tEnd
		}
		h = tNew - t
		hAbs = math.Abs(h)
		r.stages(t, h)
		en := r.errorNorm(h)
		if en < 1 {
			factor := float64(maxFactor)
			if en != 0 {
				factor = pyMin(maxFactor, safety*math.Pow(en, errorExponent))
			}
			if rejected {
				factor = pyMin(1, factor)
			}
			hAbs *= factor
			break
		}
		hAbs *= pyMax(minFactor, safety*math.Pow(en, errorExponent))
		rejected = true
		r.rejected++
	}
	r.y, r.yOld, r.yNew = r.yNew, r.y, r.yOld
	r.tOld, r.t = t, tNew
	r.hAbs = hAbs
	copy(r.fcur, r.k[6])
	r.steps++
	if r.dir*(r.t-r.tEnd) >= 0 {
		r.finished = true
		return true, nil
	}
	return false, nil
}

// stages computes the six stages from y, the fifth-order solution yNew and
// the FSAL stage k[6] = f(t+h, yNew), as SciPy's rk_step. Each stage sums
// a_sj·k_j in the order j = 0, 1, … before scaling by h, as numpy's dot.
func (r *RK45) stages(t, h float64) {
	n := r.n
	y, tmp := r.y[:n], r.tmp[:n]
	k0, k1, k2, k3, k4, k5 := r.k[0][:n], r.k[1][:n], r.k[2][:n], r.k[3][:n], r.k[4][:n], r.k[5][:n]
	copy(k0, r.fcur)
	a := &dpA
	for i := range tmp {
		tmp[i] = y[i] + k0[i]*a[1][0]*h
	}
	r.eval(k1, t+dpC[1]*h, tmp)
	a20, a21 := a[2][0], a[2][1]
	for i := range tmp {
		tmp[i] = y[i] + (k0[i]*a20+k1[i]*a21)*h
	}
	r.eval(k2, t+dpC[2]*h, tmp)
	a30, a31, a32 := a[3][0], a[3][1], a[3][2]
	for i := range tmp {
		tmp[i] = y[i] + (k0[i]*a30+k1[i]*a31+k2[i]*a32)*h
	}
	r.eval(k3, t+dpC[3]*h, tmp)
	a40, a41, a42, a43 := a[4][0], a[4][1], a[4][2], a[4][3]
	for i := range tmp {
		tmp[i] = y[i] + (k0[i]*a40+k1[i]*a41+k2[i]*a42+k3[i]*a43)*h
	}
	r.eval(k4, t+dpC[4]*h, tmp)
	a50, a51, a52, a53, a54 := a[5][0], a[5][1], a[5][2], a[5][3], a[5][4]
	for i := range tmp {
		tmp[i] = y[i] + (k0[i]*a50+k1[i]*a51+k2[i]*a52+k3[i]*a53+k4[i]*a54)*h
	}
	r.eval(k5, t+dpC[5]*h, tmp)
	yn := r.yNew[:n]
	b := &dpB
	for i := range yn {
		yn[i] = y[i] + h*(k0[i]*b[0]+k1[i]*b[1]+k2[i]*b[2]+k3[i]*b[3]+k4[i]*b[4]+k5[i]*b[5])
	}
	r.eval(r.k[6], t+h, yn)
}

// errorNorm is the RMS norm of the embedded error estimate (Σ e_j k_j)·h
// over the scale atol + rtol·max(|y|, |yNew|).
func (r *RK45) errorNorm(h float64) float64 {
	n := r.n
	k0, k1, k2, k3, k4, k5, k6 := r.k[0][:n], r.k[1][:n], r.k[2][:n], r.k[3][:n], r.k[4][:n], r.k[5][:n], r.k[6][:n]
	y, yn, atol := r.y[:n], r.yNew[:n], r.atol[:n]
	e := &dpE
	rtol := r.rtol
	var ss float64
	for i := range k0 {
		sc := atol[i] + math.Max(math.Abs(y[i]), math.Abs(yn[i]))*rtol
		v := (k0[i]*e[0] + k1[i]*e[1] + k2[i]*e[2] + k3[i]*e[3] + k4[i]*e[4] + k5[i]*e[5] + k6[i]*e[6]) * h / sc
		ss += v * v
	}
	return math.Sqrt(ss) / math.Sqrt(float64(n))
}

// DenseAt writes into dst the value at t of the continuous extension of the
// last accepted step, which covers [TOld, T]: y_old + h·Σ_j k_j·(P_j·p(x))
// with x = (t − t_old)/h and p(x) = (x, x², x³, x⁴). SciPy evaluates the
// same polynomial as (Kᵀ·P)·p; contracting P with p first takes 7 instead
// of 28 multiplications per component and differs only by rounding. It
// panics if dst has the wrong length or no step has been taken (programmer
// errors).
func (r *RK45) DenseAt(dst []float64, t float64) {
	n := r.n
	if len(dst) != n {
		panic("ode: DenseAt: destination length does not match the dimension")
	}
	if r.steps == 0 {
		panic("ode: DenseAt: no step has been taken")
	}
	h := r.t - r.tOld
	x := (t - r.tOld) / h
	var p [4]float64 // cumulative products x, x², x³, x⁴ as numpy.cumprod
	p[0] = x
	p[1] = p[0] * x
	p[2] = p[1] * x
	p[3] = p[2] * x
	var w [7]float64
	for j := range w {
		w[j] = h * (dpP[j][0]*p[0] + dpP[j][1]*p[1] + dpP[j][2]*p[2] + dpP[j][3]*p[3])
	}
	k0, k1, k2, k3, k4, k5, k6 := r.k[0][:n], r.k[1][:n], r.k[2][:n], r.k[3][:n], r.k[4][:n], r.k[5][:n], r.k[6][:n]
	yOld := r.yOld[:n]
	for i := range dst {
		dst[i] = (k0[i]*w[0] + k1[i]*w[1] + k2[i]*w[2] + k3[i]*w[3] + k4[i]*w[4] + k5[i]*w[5] + k6[i]*w[6]) + yOld[i]
	}
}

// T is the current time.
func (r *RK45) T() float64 { return r.t }

// TOld is the start of the last accepted step.
func (r *RK45) TOld() float64 { return r.tOld }

// Y is the current state; it is overwritten by the next Step.
func (r *RK45) Y() []float64 { return r.y }

// NFev is the number of evaluations of f since Init.
func (r *RK45) NFev() int { return r.nfev }

// Steps is the number of accepted steps since Init.
func (r *RK45) Steps() int { return r.steps }

// Rejected is the number of rejected step attempts since Init.
func (r *RK45) Rejected() int { return r.rejected }

// StepSize is the size proposed for the next step.
func (r *RK45) StepSize() float64 { return r.hAbs }
