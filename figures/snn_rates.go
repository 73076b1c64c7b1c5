package figures

import (
	"fmt"
	"image/color"

	"github.com/receptive-go/receptive/pkg/snn"
	"github.com/receptive-go/receptive/plotting"
	"gonum.org/v1/gonum/mat"
)

// unitRange rescales v to [0, 1].
func unitRange(v []float64) []float64 {
	lo, hi := v[0], v[0]
	for _, x := range v {
		lo, hi = min(lo, x), max(hi, x)
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = (x - lo) / (hi - lo)
	}
	return out
}

// SNNHiddenComparison draws, per hidden unit (reordered), the rate-model
// tuning curve (min–max normalised), the idealised Gaussian (divided by its
// maximum) and the spike-based tuning curve normalised by the population
// (3×4 grid, 10×6 in), as the original's "tuning curve comparison" figure.
func SNNHiddenComparison(a *snn.Analysis, order []int, rateHidden, tuningFit mat.Matrix, ipds []float64) (*plotting.Figure, error) {
	f, err := NewTuningFigure(10, 6, 100)
	if err != nil {
		return nil, err
	}
	C, H := rateHidden.Dims()
	x := classMidpointsDeg(C)
	xi := make([]float64, len(ipds))
	for i, v := range ipds {
		xi[i] = deg(v)
	}
	fmax := mat.Max(tuningFit)
	for h := 0; h < H; h++ {
		ax := f.Axes()[h]
		if err := ax.Line(x, unitRange(mat.Col(nil, h, rateHidden)), plotting.Style{Label: "Rate approx"}); err != nil {
			return nil, err
		}
		ideal := mat.Col(nil, h, tuningFit)
		for k := range ideal {
			ideal[k] /= fmax
		}
		if err := ax.Line(xi, ideal, plotting.Style{Label: "Idealised"}); err != nil {
			return nil, err
		}
	}
	if err := SNNTuningCurves(f, a, TuningOptions{Hidden: true, Normalise: snn.Population, Reorder: order, Label: "Spike-based"}); err != nil {
		return nil, err
	}
	f.Axes()[H-1].ShowLegend = true
	for h := 0; h < H; h++ {
		ax := f.Axes()[h]
		if h < 4 {
			ax.X.Label.Text = ""
		}
		if h%4 == 0 {
			ax.Y.Label.Text = "Normalised firing rate"
		} else {
			ax.Y.Label.Text = ""
		}
	}
	return f, nil
}

// SNNOutputComparison draws, per output unit, the rate-model predictions
// R (through W_ho), RW (through its Ricker fit) and RWH (Ricker fit of the
// idealised Gaussian tuning), each min–max normalised, with the spike-based
// tuning curves normalised by the population (3×4, 12×6 in).
func SNNOutputComparison(a *snn.Analysis, p snn.RatePrediction) (*plotting.Figure, error) {
	f, err := NewTuningFigure(12, 6, 100)
	if err != nil {
		return nil, err
	}
	C, O := p.OutputR.Dims()
	x := classMidpointsDeg(C)
	for o := 0; o < O; o++ {
		ax := f.Axes()[o]
		for _, s := range []struct {
			m     *mat.Dense
			label string
		}{{p.OutputR, "Approx (R)"}, {p.OutputRW, "Approx (RW)"}, {p.OutputRWH, "Approx (RWH)"}} {
			if err := ax.Line(x, unitRange(mat.Col(nil, o, s.m)), plotting.Style{Label: s.label}); err != nil {
				return nil, err
			}
		}
	}
	if err := SNNTuningCurves(f, a, TuningOptions{Normalise: snn.Population, Label: "Spikes"}); err != nil {
		return nil, err
	}
	f.Axes()[3].ShowLegend = true
	for o := 0; o < O; o++ {
		ax := f.Axes()[o]
		if o < 8 {
			ax.X.Label.Text = ""
		}
		if o%4 == 0 {
			ax.Y.Label.Text = "Normalised output"
		} else {
			ax.Y.Label.Text = ""
		}
	}
	return f, nil
}

// SNNDrives draws, per hidden unit, the input current from the right ear
// for every class (viridis, class i of C at i/C) over one stimulus period,
// with the left ear's (the same for every class) in black; with sum set it
// draws the left + right totals per class instead. L and R are classes ×
// steps × hidden, as snn.Currents returns them.
func SNNDrives(L, R []float64, classes, steps, hidden int, sum bool) (*plotting.Figure, error) {
	if len(L) != classes*steps*hidden || len(R) != len(L) {
		return nil, fmt.Errorf("figures: drives hold %d and %d values, expected %d", len(L), len(R), classes*steps*hidden)
	}
	f, err := newFig(2, (hidden+1)/2, 14, 5, 100)
	if err != nil {
		return nil, err
	}
	vir := plotting.MustCmap("viridis")
	t := seq(steps, 0)
	at := func(v []float64, c, h int) []float64 {
		out := make([]float64, steps)
		for s := range out {
			out[s] = v[(c*steps+s)*hidden+h]
		}
		return out
	}
	for h, ax := range f.Axes() {
		if h >= hidden {
			ax.Hidden = true
			continue
		}
		for c := 0; c < classes; c++ {
			col := vir.At(float64(c) / float64(classes))
			y := at(R, c, h)
			if sum {
				l := at(L, c, h)
				for s := range y {
					y[s] += l[s]
				}
			}
			if err := ax.Line(t, y, plotting.Style{Color: col}); err != nil {
				return nil, err
			}
		}
		if !sum {
			if err := ax.Line(t, at(L, 0, h), plotting.Style{Color: black}); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}

// SweepColor is the original's colour of run i of n: (c, c/2, 1 − c) with
// c = i/(n−1).
func SweepColor(i, n int) color.Color {
	c := 0.0
	if n > 1 {
		c = float64(i) / float64(n-1)
	}
	return color.NRGBA{uint8(255*c + 0.5), uint8(255*c/2 + 0.5), uint8(255*(1-c) + 0.5), 255}
}

// SNNSweepLoss draws the loss history of every run of the sweep.
func SNNSweepLoss(runs []snn.SweepAnalysis) (*plotting.Figure, error) {
	f, ax := plotting.NewSingle()
	for _, r := range runs {
		if err := ax.Line(seq(len(r.LossHistory), 0), r.LossHistory, plotting.Style{Label: fmt.Sprintf("τ=%g ms", r.TauMS)}); err != nil {
			return nil, err
		}
	}
	ax.X.Label.Text, ax.Y.Label.Text = "Epoch", "Loss"
	ax.ShowLegend = true
	return f, nil
}

// SNNSweepAccuracy draws accuracy and mean absolute error against τ for
// the test and training sets (1×2, 8×3 in at 80 dpi).
func SNNSweepAccuracy(runs []snn.SweepAnalysis) (*plotting.Figure, error) {
	f, err := newFig(1, 2, 8, 3, 80)
	if err != nil {
		return nil, err
	}
	taus := make([]float64, len(runs))
	for i, r := range runs {
		taus[i] = r.TauMS
	}
	for _, l := range []string{"test", "train"} {
		acc, mae := make([]float64, len(runs)), make([]float64, len(runs))
		for i, r := range runs {
			a := r.Test
			if l == "train" {
				a = r.Train
			}
			acc[i], mae[i] = 100*a.Accuracy, a.MAEDeg
		}
		if err := f.At(0, 0).Line(taus, acc, plotting.Style{Label: l}); err != nil {
			return nil, err
		}
		if err := f.At(0, 1).Line(taus, mae, plotting.Style{Label: l}); err != nil {
			return nil, err
		}
	}
	f.At(0, 0).ShowLegend = true
	f.At(0, 0).X.Label.Text, f.At(0, 0).Y.Label.Text = "τ (ms)", "Accuracy (%)"
	f.At(0, 0).SetLimits(nan, nan, 0, 100)
	f.At(0, 1).X.Label.Text, f.At(0, 1).Y.Label.Text = "τ (ms)", "Mean absolute error (deg)"
	f.At(0, 1).SetLimits(nan, nan, 0, nan)
	return f, nil
}

// SNNSweepTuning overlays the test-set output tuning curves of every run.
// Unlike the original, which redraws the sample dots and the labelled red
// class line for every run (eight "True IPD" legend entries), only the
// first run draws them.
func SNNSweepTuning(runs []snn.SweepAnalysis) (*plotting.Figure, error) {
	f, err := NewTuningFigure(12, 6, 80)
	if err != nil {
		return nil, err
	}
	for i, r := range runs {
		if err := SNNTuningCurves(f, r.Test, TuningOptions{Color: SweepColor(i, len(runs)), Label: fmt.Sprintf("τ=%g ms", r.TauMS), CurvesOnly: i > 0}); err != nil {
			return nil, err
		}
	}
	f.Axes()[len(f.Axes())-1].ShowLegend = true
	return f, nil
}

// SNNLoss draws a training loss history against epochs.
func SNNLoss(loss []float64) (*plotting.Figure, error) {
	f, ax := plotting.NewSingle()
	if err := ax.Line(seq(len(loss), 0), loss, plotting.Style{}); err != nil {
		return nil, err
	}
	ax.X.Label.Text, ax.Y.Label.Text = "Epoch", "Loss"
	return f, nil
}

// SNNSweepFigures returns the sweep's figures in the original's order:
// loss curves, accuracy and error against τ, overlaid output tuning curves,
// and the weights of every network.
func SNNSweepFigures(runs []snn.SweepAnalysis) ([]NamedFigure, error) {
	var out []NamedFigure
	f, err := SNNSweepLoss(runs)
	if err != nil {
		return nil, err
	}
	out = append(out, NamedFigure{"19_sweep_loss", f})
	if f, err = SNNSweepAccuracy(runs); err != nil {
		return nil, err
	}
	out = append(out, NamedFigure{"20_sweep_accuracy", f})
	if f, err = SNNSweepTuning(runs); err != nil {
		return nil, err
	}
	out = append(out, NamedFigure{"21_sweep_tuning", f})
	for _, r := range runs {
		rih, rho, wio := snn.Reordered(r.Net.WIH, r.Net.WHO, snn.ReorderHO(r.Net.WHO))
		if f, err = SNNWeights(rih, rho, wio, fmt.Sprintf("τ=%g ms", r.TauMS)); err != nil {
			return nil, err
		}
		out = append(out, NamedFigure{fmt.Sprintf("22_sweep_weights_tau_%g", r.TauMS), f})
	}
	return out, nil
}
