package snn

import (
	"fmt"
	"math"

	"github.com/receptive-go/receptive/pkg/fit"
	"gonum.org/v1/gonum/mat"
)

// The functions below follow the "Understanding the solution found"
// sections of the original notebook: the reduced model of the trained
// network (Ricker-shaped W_ho, Gaussian hidden tuning, LIF rate function).

// cubic1 and cubic2 are the cubic convolution kernel of Keys (1981) with
// A = −0.75 for |x| ≤ 1 and 1 < |x| < 2, as PyTorch's upsample_bicubic2d.
func cubic1(x, A float64) float64 { return ((A+2)*x-(A+3))*x*x + 1 }
func cubic2(x, A float64) float64 { return ((A*x-5*A)*x+8*A)*x - 4*A }

// BicubicResize resizes m to rows × cols like
// torch.nn.functional.interpolate(mode='bicubic', align_corners=False):
// source coordinate (dst + 0.5)·in/out − 0.5, cubic convolution with
// A = −0.75 and indices clamped at the borders.
func BicubicResize(m mat.Matrix, rows, cols int) *mat.Dense {
	const A = -0.75
	ir, ic := m.Dims()
	weights := func(in, out, d int) ([4]int, [4]float64) {
		scale := float64(in) / float64(out)
		real := scale*(float64(d)+0.5) - 0.5
		i0 := math.Floor(real)
		t := real - i0
		w := [4]float64{cubic2(t+1, A), cubic1(t, A), cubic1(1-t, A), cubic2(2-t, A)}
		var idx [4]int
		for k := range idx {
			idx[k] = min(max(int(i0)-1+k, 0), in-1)
		}
		return idx, w
	}
	out := mat.NewDense(rows, cols, nil)
	for r := 0; r < rows; r++ {
		ri, rw := weights(ir, rows, r)
		for c := 0; c < cols; c++ {
			ci, cw := weights(ic, cols, c)
			var v float64
			for a := 0; a < 4; a++ {
				var row float64
				for b := 0; b < 4; b++ {
					row += cw[b] * m.At(ri[a], ci[b])
				}
				v += rw[a] * row
			}
			out.Set(r, c, v)
		}
	}
	return out
}

// InterpShifted is the original's "W_ho interp" matrix: the reordered W_ho
// (hidden × classes) resized bicubically to classes × classes, then
// element [r, c] ← interp[c, (c + r + C/2) mod C], which lines up every
// hidden row's trough; its row means are the Ricker-shaped profile.
func InterpShifted(rho mat.Matrix) *mat.Dense {
	_, C := rho.Dims()
	in := BicubicResize(rho, C, C)
	out := mat.NewDense(C, C, nil)
	for r := 0; r < C; r++ {
		for c := 0; c < C; c++ {
			out.Set(r, c, in.At(c, (c+r+C/2)%C))
		}
	}
	return out
}

// RowMeans returns the mean of each row of m.
func RowMeans(m mat.Matrix) []float64 {
	r, c := m.Dims()
	out := make([]float64, r)
	for i := range out {
		for j := 0; j < c; j++ {
			out[i] += m.At(i, j)
		}
		out[i] /= float64(c)
	}
	return out
}

// FitRickerProfile fits ψ(t; a, b, σ) = a(1 − (t/σ)²)e^{−t²/2σ²} + b to a
// profile y against t = k − len(y)/2 (−6 … 5 for 12 classes) from
// p0 = (1, 0, 1), as the original's curve_fit call. It returns t too.
func FitRickerProfile(y []float64) (*fit.Result, []float64, error) {
	t := make([]float64, len(y))
	for k := range t {
		t[k] = float64(k - len(y)/2)
	}
	res, err := fit.CurveFit(fit.Problem{F: fit.Ricker, X: t, Y: y, NParam: fit.ModelParams}, []float64{1, 0, 1}, nil)
	return res, t, err
}

// FitRickerMatrix fits the Ricker function to the whole reordered W_ho
// (hidden × classes) with t[h, o] = h − H·o/C (the original's meshgrid
// convention), from p0 = (1, 0, 1). It returns the fit and the fitted
// matrix ψ(t[h, o]).
func FitRickerMatrix(rho mat.Matrix) (*fit.Result, *mat.Dense, error) {
	H, C := rho.Dims()
	t := make([]float64, 0, H*C)
	y := make([]float64, 0, H*C)
	for h := 0; h < H; h++ {
		for o := 0; o < C; o++ {
			t = append(t, float64(h)-float64(H)*float64(o)/float64(C))
			y = append(y, rho.At(h, o))
		}
	}
	res, err := fit.CurveFit(fit.Problem{F: fit.Ricker, X: t, Y: y, NParam: fit.ModelParams}, []float64{1, 0, 1}, nil)
	if err != nil {
		return res, nil, err
	}
	w := mat.NewDense(H, C, nil)
	for k, tk := range t {
		w.Set(k/C, k%C, fit.Ricker(tk, res.P))
	}
	return res, w, nil
}

// Linspace returns numpy.linspace(a, b, n).
func Linspace(a, b float64, n int) []float64 {
	out := make([]float64, n)
	if n == 1 {
		out[0] = a
		return out
	}
	step := (b - a) / float64(n-1)
	for i := range out {
		out[i] = float64(i)*step + a
	}
	out[n-1] = b
	return out
}

// FitGaussianTuning fits a·e^{−t²/2σ²} + b to hidden tuning curves
// (classes × hidden, already reordered), with the original's idealised
// geometry: IPDs linspace(−π/2, π/2, classes) — not the class midpoints —
// and preferred IPDs spread evenly, t[c, h] = −π/2 + h·π/(H−1) − ipd_c,
// from p0 = (−200, 200, 1). It returns the fit, the IPDs and the fitted
// curves (classes × hidden).
func FitGaussianTuning(mean mat.Matrix) (*fit.Result, []float64, *mat.Dense, error) {
	C, H := mean.Dims()
	if H < 2 {
		return nil, nil, nil, fmt.Errorf("snn: Gaussian tuning fit needs at least 2 hidden units, got %d", H)
	}
	ipds := Linspace(-math.Pi/2, math.Pi/2, C)
	t := make([]float64, 0, C*H)
	y := make([]float64, 0, C*H)
	for c := 0; c < C; c++ {
		for h := 0; h < H; h++ {
			t = append(t, -math.Pi/2+float64(h)*math.Pi/float64(H-1)-ipds[c])
			y = append(y, mean.At(c, h))
		}
	}
	res, err := fit.CurveFit(fit.Problem{F: fit.Gaussian, X: t, Y: y, NParam: fit.ModelParams}, []float64{-200, 200, 1}, nil)
	if err != nil {
		return res, ipds, nil, err
	}
	f := mat.NewDense(C, H, nil)
	for k, tk := range t {
		f.Set(k/H, k%H, fit.Gaussian(tk, res.P))
	}
	return res, ipds, f, nil
}

// Currents returns x[c, t, h] = Σ_i W_ih[i, h]·rates[c, t, i] for inputs
// in [lo, hi) over the first steps steps: the mean input current of each
// hidden unit for noise-free input rates (classes × T × inputs, row-major,
// as datasets/itd InputRates returns). The result is classes × steps × H.
func Currents(wih mat.Matrix, rates []float64, classes, T, lo, hi, steps int) []float64 {
	ni, H := wih.Dims()
	x := make([]float64, classes*steps*H)
	for c := 0; c < classes; c++ {
		for t := 0; t < steps; t++ {
			r := rates[(c*T+t)*ni:]
			for h := 0; h < H; h++ {
				var s float64
				for i := lo; i < hi; i++ {
					s += wih.At(i, h) * r[i]
				}
				x[(c*steps+t)*H+h] = s
			}
		}
	}
	return x
}

// LIFRate is the firing rate of a leaky integrate-and-fire neuron with
// refractory period dt under a constant current x (per step), as the
// original approximates it: with x' = max((τ/dt)·x, 1.001),
// r = 1/(dt + τ·ln(x'/(x'−1))) when x > 1.001 and 0 otherwise.
func LIFRate(x, tau, dt float64) float64 {
	const current = 1.001
	if !(x > current) {
		return 0
	}
	xc := math.Max(tau/dt*x, current)
	return 1 / (dt + tau*math.Log(xc/(xc-1)))
}

// LIFApprox compares spike counts of a reset-to-zero integrator driven by
// the currents x (classes × T × H) — v ← α·v + x_t, a spike and a reset to
// 0 when v > 1 — with the count LIFRate predicts, Σ_t LIFRate(x_t)·dt. It
// returns both, classes × H.
func LIFApprox(x []float64, classes, T, H int, tau, dt float64) (count, predicted []float64) {
	a := math.Exp(-dt / tau)
	count = make([]float64, classes*H)
	predicted = make([]float64, classes*H)
	for c := 0; c < classes; c++ {
		for h := 0; h < H; h++ {
			var v float64
			for t := 0; t < T; t++ {
				xt := x[(c*T+t)*H+h]
				v = a*v + xt
				if v > 1 {
					count[c*H+h]++
					v = 0
				}
				predicted[c*H+h] += LIFRate(xt, tau, dt)
			}
			predicted[c*H+h] *= dt
		}
	}
	return count, predicted
}

// RatePrediction is the rate-based model's tuning curves: hidden rates
// LIFRate(x) from noise-free inputs, and outputs through W_ho (R), through
// its Ricker fit (RW), and the Ricker fit applied to the idealised Gaussian
// hidden tuning (RWH). Each is classes × neurons, averaged over time.
type RatePrediction struct {
	Hidden, OutputR, OutputRW, OutputRWH *mat.Dense
}

// PredictRates computes the rate model of the original's "Predicting output
// curves" cell from the currents x (classes × T × H), the reordered W_ho,
// its Ricker fit and the fitted Gaussian hidden tuning (classes × H).
func PredictRates(x []float64, classes, T int, rho, rhoFit, tuningFit mat.Matrix, tau, dt float64) RatePrediction {
	H, C := rho.Dims()
	p := RatePrediction{
		Hidden:    mat.NewDense(classes, H, nil),
		OutputR:   mat.NewDense(classes, C, nil),
		OutputRW:  mat.NewDense(classes, C, nil),
		OutputRWH: mat.NewDense(classes, C, nil),
	}
	for c := 0; c < classes; c++ {
		for h := 0; h < H; h++ {
			var s float64
			for t := 0; t < T; t++ {
				s += LIFRate(x[(c*T+t)*H+h], tau, dt)
			}
			p.Hidden.Set(c, h, s/float64(T))
		}
	}
	// The outputs are linear in the hidden rates, so their time means are
	// W_hoᵀ applied to the time-mean hidden rates.
	p.OutputR.Mul(p.Hidden, rho)
	p.OutputRW.Mul(p.Hidden, rhoFit)
	p.OutputRWH.Mul(tuningFit, rhoFit)
	return p
}

// MinMaxColumns rescales each column of m to [0, 1].
func MinMaxColumns(m mat.Matrix) *mat.Dense {
	r, c := m.Dims()
	out := mat.NewDense(r, c, nil)
	for j := 0; j < c; j++ {
		lo, hi := minMax(mat.Col(nil, j, m))
		for i := 0; i < r; i++ {
			out.Set(i, j, (m.At(i, j)-lo)/(hi-lo))
		}
	}
	return out
}
