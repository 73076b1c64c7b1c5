package fit

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

func line(x float64, p []float64) float64 { return p[0] + p[1]*x }

// TestLinearExact fits a straight line to noisy data and compares with the
// closed-form least-squares solution: p = (AᵀA)⁻¹Aᵀy and
// Cov = s²(AᵀA)⁻¹, s² = SSR/(m−2), A = [1 x]. With the analytic Jacobian the
// final Gauss–Newton step lands on it to rounding (1e-12). With forward
// differences J carries a relative error ~ε·|f|/(h·|∂f|) ≈ 1e-8 (step
// h = 1.5e-8·|p|), and so do the last step and Cov: 1e-7 is the band.
func TestLinearExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const m = 25
	x := make([]float64, m)
	y := make([]float64, m)
	for i := range x {
		x[i] = -3 + 0.37*float64(i)
		y[i] = 1.5 - 0.8*x[i] + 0.2*rng.NormFloat64()
	}

	var sx, sxx, sy, sxy float64
	for i := range x {
		sx += x[i]
		sxx += x[i] * x[i]
		sy += y[i]
		sxy += x[i] * y[i]
	}
	det := m*sxx - sx*sx
	b := (m*sxy - sx*sy) / det
	a := (sy - b*sx) / m
	var ssr float64
	for i := range x {
		r := a + b*x[i] - y[i]
		ssr += r * r
	}
	s2 := ssr / (m - 2)
	wantP := []float64{a, b}
	wantCov := [2][2]float64{{s2 * sxx / det, -s2 * sx / det}, {-s2 * sx / det, s2 * m / det}}

	lineJac := func(x float64, p, dst []float64) { dst[0], dst[1] = 1, x }
	for _, c := range []struct {
		name string
		jac  JacFunc
		tol  float64
	}{{"forward differences", nil, 1e-7}, {"analytic", lineJac, 1e-12}} {
		res, err := CurveFit(Problem{F: line, Jac: c.jac, X: x, Y: y}, []float64{0, 0}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range wantP {
			if !scalar.EqualWithinAbsOrRel(res.P[i], wantP[i], 0, c.tol) {
				t.Errorf("%s: P = %v, closed form %v", c.name, res.P, wantP)
			}
		}
		if !scalar.EqualWithinAbsOrRel(res.Cost, ssr, 0, c.tol) {
			t.Errorf("%s: Cost = %v, closed form %v", c.name, res.Cost, ssr)
		}
		for i := 0; i < 2; i++ {
			for j := 0; j < 2; j++ {
				if !scalar.EqualWithinAbsOrRel(res.Cov.At(i, j), wantCov[i][j], 0, c.tol) {
					t.Errorf("%s: Cov[%d][%d] = %v, closed form %v", c.name, i, j, res.Cov.At(i, j), wantCov[i][j])
				}
			}
		}
		if !res.Status.Converged() {
			t.Errorf("%s: status %v", c.name, res.Status)
		}
	}
}

// TestExactDataRecoversParameters: data lying exactly on a Ricker curve give
// back its parameters (to 1e-8: convergence is declared on ftol/xtol a step
// or two before the residuals vanish).
func TestExactDataRecoversParameters(t *testing.T) {
	want := []float64{-7, 0.4, 1.8}
	x := make([]float64, 30)
	y := make([]float64, 30)
	for i := range x {
		x[i] = -6 + 0.4*float64(i)
		y[i] = Ricker(x[i], want)
	}
	res, err := CurveFit(Problem{F: Ricker, X: x, Y: y, NParam: ModelParams}, []float64{-5, 0, 1.5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if math.Abs(res.P[i]-want[i]) > 1e-8*math.Abs(want[i]) {
			t.Errorf("P[%d] = %.12g, want %g", i, res.P[i], want[i])
		}
	}
	if res.Cost > 1e-20 {
		t.Errorf("cost %g on exact data", res.Cost)
	}
}

// TestAnalyticJacobianAgrees: the LMDER path (analytic Jacobian) and the
// LMDIF path (forward differences) reach the same minimum of a Ricker fit;
// they differ by the finite-difference error O(sqrt ε) in J, and popt is only
// determined to about sqrt(ftol) ≈ 1e-4 relative, so 1e-6 is a fair band.
func TestAnalyticJacobianAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, 40)
	y := make([]float64, 40)
	for i := range x {
		x[i] = -6 + 0.3*float64(i)
		y[i] = Ricker(x[i], []float64{-9, -0.7, 2.2}) + 0.2*rng.NormFloat64()
	}
	fd, err := CurveFit(Problem{F: Ricker, X: x, Y: y}, []float64{1, 0, 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	an, err := CurveFit(Problem{F: Ricker, Jac: RickerJac, X: x, Y: y}, []float64{1, 0, 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if an.NJev == 0 || fd.NJev != 0 {
		t.Errorf("NJev: analytic %d, finite differences %d", an.NJev, fd.NJev)
	}
	for i := range fd.P {
		if !scalar.EqualWithinAbsOrRel(fd.P[i], an.P[i], 0, 1e-6) {
			t.Errorf("P[%d]: forward differences %.12g, analytic %.12g", i, fd.P[i], an.P[i])
		}
		if !scalar.EqualWithinAbsOrRel(fd.Cov.At(i, i), an.Cov.At(i, i), 0, 1e-5) {
			t.Errorf("Cov[%d][%d]: forward differences %.12g, analytic %.12g", i, i, fd.Cov.At(i, i), an.Cov.At(i, i))
		}
	}
	se := an.StdErr()
	for i := range se {
		if se[i] != math.Sqrt(an.Cov.At(i, i)) || !(se[i] > 0) {
			t.Errorf("StdErr[%d] = %v, Cov %v", i, se[i], an.Cov.At(i, i))
		}
	}
}

// TestJacobianDerivatives checks RickerJac and GaussianJac against central
// differences (step 1e-6: truncation error O(h²) ≈ 1e-12, rounding O(ε/h) ≈
// 1e-10 relative to f).
func TestJacobianDerivatives(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Func
		jac  JacFunc
	}{{"Ricker", Ricker, RickerJac}, {"Gaussian", Gaussian, GaussianJac}} {
		for _, p := range [][]float64{{-9.4, -0.8, -2.2}, {150, 20, 0.7}} {
			for _, x := range []float64{-3.1, 0, 0.5, 2.9} {
				got := make([]float64, 3)
				c.jac(x, p, got)
				for k := range p {
					const h = 1e-6
					pp := append([]float64(nil), p...)
					pp[k] = p[k] + h
					fp := c.f(x, pp)
					pp[k] = p[k] - h
					fm := c.f(x, pp)
					want := (fp - fm) / (2 * h)
					if !scalar.EqualWithinAbsOrRel(got[k], want, 1e-6, 1e-6) {
						t.Errorf("%s at x=%v p=%v: ∂/∂p[%d] = %v, central difference %v", c.name, x, p, k, got[k], want)
					}
				}
			}
		}
	}
}

// TestModelsFormula spells the two models out at a few points.
func TestModelsFormula(t *testing.T) {
	p := []float64{-9.36703502, -0.77569935, -2.22641301}
	for _, x := range []float64{-6, -1, 0, 2.5} {
		u := x / p[2]
		want := p[0]*(1-u*u)*math.Exp(-x*x/(2*p[2]*p[2])) + p[1]
		if got := Ricker(x, p); !scalar.EqualWithinAbsOrRel(got, want, 1e-14, 1e-14) {
			t.Errorf("Ricker(%v) = %v, want %v", x, got, want)
		}
		want = p[0]*math.Exp(-x*x/(2*p[2]*p[2])) + p[1]
		if got := Gaussian(x, p); !scalar.EqualWithinAbsOrRel(got, want, 1e-14, 1e-14) {
			t.Errorf("Gaussian(%v) = %v, want %v", x, got, want)
		}
	}
	if got := Ricker(0, []float64{2, 1, 3}); got != 3 {
		t.Errorf("Ricker(0; a=2, b=1) = %v, want a+b = 3", got)
	}
}

// TestNonFiniteTrialPointsRejected: the model is NaN for σ ≤ 0.05, which an
// aggressive first step (Factor 1000) visits; MINPACK treats such a trial as
// a failed step and shrinks the trust region, and so must we.
func TestNonFiniteTrialPointsRejected(t *testing.T) {
	nans := 0
	f := func(x float64, p []float64) float64 {
		if p[2] <= 0.05 {
			nans++
			return math.NaN()
		}
		return Gaussian(x, p)
	}
	x := make([]float64, 21)
	y := make([]float64, 21)
	for i := range x {
		x[i] = -2 + 0.2*float64(i)
		y[i] = Gaussian(x[i], []float64{3, 1, 0.3})
	}
	res, err := CurveFit(Problem{F: f, X: x, Y: y}, []float64{1, 0, 1}, &Settings{Factor: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{3, 1, 0.3} {
		if math.Abs(res.P[i]-want) > 1e-6 {
			t.Errorf("P[%d] = %v, want %v", i, res.P[i], want)
		}
	}
	if math.IsNaN(res.Cost) {
		t.Error("NaN cost")
	}
	if nans == 0 {
		t.Error("no trial point had σ ≤ 0.05: the test no longer exercises rejection")
	}
}

func TestBadInput(t *testing.T) {
	x := []float64{0, 1, 2, 3}
	y := []float64{1, 2, 3, 4}
	nan := math.NaN()
	for _, c := range []struct {
		name string
		pr   Problem
		p0   []float64
		s    *Settings
		want string
	}{
		{"nil model", Problem{X: x, Y: y}, []float64{0, 1}, nil, "F is nil"},
		{"empty", Problem{F: line}, []float64{0, 1}, nil, "no data"},
		{"length mismatch", Problem{F: line, X: x[:3], Y: y}, []float64{0, 1}, nil, "len(X) = 3 but len(Y) = 4"},
		{"NaN in Y", Problem{F: line, X: x, Y: []float64{1, nan, 3, 4}}, []float64{0, 1}, nil, "Y[1] = NaN"},
		{"Inf in X", Problem{F: line, X: []float64{0, math.Inf(1), 2, 3}, Y: y}, []float64{0, 1}, nil, "X[1] = +Inf"},
		{"empty p0", Problem{F: line, X: x, Y: y}, nil, nil, "p0 is empty"},
		{"p0 wrong length", Problem{F: Ricker, X: x, Y: y, NParam: ModelParams}, []float64{1, 0}, nil, "len(p0) = 2 but the model takes 3"},
		{"NaN in p0", Problem{F: line, X: x, Y: y}, []float64{nan, 1}, nil, "p0[0] = NaN"},
		{"too many parameters", Problem{F: line, X: x[:1], Y: y[:1]}, []float64{0, 1}, nil, "2 parameters but only 1 data point"},
		{"sigma length", Problem{F: line, X: x, Y: y, Sigma: []float64{1, 1}}, []float64{0, 1}, nil, "len(Sigma) = 2"},
		{"sigma zero", Problem{F: line, X: x, Y: y, Sigma: []float64{1, 0, 1, 1}}, []float64{0, 1}, nil, "Sigma[1] = 0"},
		{"negative ftol", Problem{F: line, X: x, Y: y}, []float64{0, 1}, &Settings{Ftol: -1}, "Settings.Ftol = -1"},
		{"negative maxeval", Problem{F: line, X: x, Y: y}, []float64{0, 1}, &Settings{MaxEval: -3}, "Settings.MaxEval = -3"},
		{"diag length", Problem{F: line, X: x, Y: y}, []float64{0, 1}, &Settings{Diag: []float64{1}}, "len(Settings.Diag) = 1"},
		{"model NaN at p0", Problem{F: func(x float64, p []float64) float64 { return math.Sqrt(p[0]*x - 0.5) }, X: x, Y: y}, []float64{1}, nil, "model is NaN at x[0] = 0"},
		{"model Inf at p0", Problem{F: func(x float64, p []float64) float64 { return p[0] / x }, X: x, Y: y}, []float64{1}, nil, "model is +Inf at x[0] = 0"},
		{"Jacobian NaN", Problem{F: line, X: x, Y: y, Jac: func(x float64, p, dst []float64) { dst[0], dst[1] = 1, nan }}, []float64{0, 1}, nil, "Jacobian not finite"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := CurveFit(c.pr, c.p0, c.s)
			if err == nil {
				t.Fatalf("no error; result %+v", res)
			}
			if res != nil {
				t.Errorf("result %+v alongside error", res)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

// TestNotConverged: with too small an evaluation budget CurveFit returns the
// last iterate, an infinite covariance and an error wrapping ErrNotConverged
// (curve_fit raises RuntimeError "Optimal parameters not found").
func TestNotConverged(t *testing.T) {
	x := []float64{-2, -1, 0, 1, 2, 3}
	y := []float64{0.2, 1.1, 3.0, 1.0, 0.1, 0.0}
	res, err := CurveFit(Problem{F: Gaussian, X: x, Y: y}, []float64{1, 0, 1}, &Settings{MaxEval: 5})
	if !errors.Is(err, ErrNotConverged) {
		t.Fatalf("err = %v, want ErrNotConverged", err)
	}
	if res == nil || res.Status != MaxEvalReached || res.NFev < 5 {
		t.Fatalf("result %+v", res)
	}
	if !math.IsInf(res.Cov.At(0, 1), 1) {
		t.Errorf("Cov = %v, want +Inf", mat.Formatted(res.Cov))
	}
	if !strings.Contains(err.Error(), "MaxEval") {
		t.Errorf("error %q does not name the budget", err)
	}
}

func TestStatusStrings(t *testing.T) {
	for s := FtolConverged; s <= GtolTooSmall; s++ {
		if str := s.String(); strings.HasPrefix(str, "Status(") {
			t.Errorf("status %d has no description", s)
		}
		if s.Converged() != (s <= GtolConverged) {
			t.Errorf("status %d: Converged() = %v", s, s.Converged())
		}
	}
	if Status(0).String() != "Status(0)" || Status(0).Converged() {
		t.Error("zero status")
	}
}

// TestEnormScaling: the three-range norm gives the plain norm for ordinary
// vectors and neither overflows nor underflows at the extremes.
func TestEnormScaling(t *testing.T) {
	for _, c := range []struct {
		x    []float64
		want float64
	}{
		{[]float64{3, 4}, 5},
		{[]float64{3e200, 4e200}, 5e200},
		{[]float64{3e-200, 4e-200}, 5e-200},
		{[]float64{1e-30, 1}, 1},
		{[]float64{1e20, 1}, 1e20},
		{[]float64{0, 0}, 0},
		{[]float64{3e-25, 4e-25, 0}, 5e-25},
	} {
		if got := enorm(c.x); !scalar.EqualWithinAbsOrRel(got, c.want, 0, 1e-15) {
			t.Errorf("enorm(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if !math.IsNaN(enorm([]float64{1, math.NaN()})) {
		t.Error("NaN must propagate")
	}
}
