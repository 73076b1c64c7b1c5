package snn

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Analysis is the original's AnalysisResults: a trained network's
// estimates on a labelled data set and the statistics its figures show.
type Analysis struct {
	Label      string // data set name, e.g. "Test"
	NumClasses int
	NumHidden  int
	N          int

	Output       []float64 // N × NumClasses mean output potentials (no softmax)
	True, Est    []int     // true and estimated classes
	TrueIPD      []float64 // class midpoints of the true classes (radians)
	EstIPD       []float64 // class midpoints of the estimates (radians)
	HiddenRate   []float64 // N × NumHidden firing rates (spikes / duration, sp/s)
	HiddenSpikes [][]SpikeEvent

	// Confusion[est][true] counts estimates per true class, each column
	// (true class) normalised to sum 1 (NaN for a class with no samples, as
	// numpy gives).
	Confusion *mat.Dense
	// OutputTuning and HiddenTuning are the per-class mean and standard
	// deviation (numpy's, ddof 0) of the outputs and hidden rates.
	OutputTuning, HiddenTuning Tuning

	Accuracy float64 // fraction of correct estimates
	MAEDeg   float64 // mean |true − estimated class midpoint| in degrees
}

// Tuning holds tuning curves: Mean and Std are NumClasses × neurons.
type Tuning struct {
	Mean, Std *mat.Dense
}

// ClassMidpoint returns the centre of class k of numClasses equal bins of
// [−π/2, π/2): (k + 0.5)/numClasses·π − π/2.
func ClassMidpoint(k, numClasses int) float64 {
	return (float64(k)+0.5)/float64(numClasses)*math.Pi - math.Pi/2
}

// Analyse computes the statistics of an evaluation against the true
// labels; duration (s) converts spike counts to rates.
func Analyse(ev *Evaluation, labels []int, duration float64, label string) (*Analysis, error) {
	if ev == nil || ev.N == 0 {
		return nil, fmt.Errorf("snn: Analyse needs a non-empty evaluation")
	}
	if len(labels) != ev.N {
		return nil, fmt.Errorf("snn: %d labels for %d evaluated samples", len(labels), ev.N)
	}
	if !(duration > 0) {
		return nil, fmt.Errorf("snn: duration %v, expected > 0", duration)
	}
	C, H, N := ev.NumClasses, ev.NumHidden, ev.N
	a := &Analysis{
		Label: label, NumClasses: C, NumHidden: H, N: N,
		Output: ev.Output, Est: ev.Predicted, True: labels,
		TrueIPD: make([]float64, N), EstIPD: make([]float64, N),
		HiddenRate:   make([]float64, N*H),
		HiddenSpikes: ev.HiddenSpikes,
		Confusion:    mat.NewDense(C, C, nil),
	}
	var correct int
	var mae float64
	for s := 0; s < N; s++ {
		y := labels[s]
		if y < 0 || y >= C {
			return nil, fmt.Errorf("snn: label %d of sample %d outside [0, %d)", y, s, C)
		}
		a.TrueIPD[s] = ClassMidpoint(y, C)
		a.EstIPD[s] = ClassMidpoint(a.Est[s], C)
		if y == a.Est[s] {
			correct++
		}
		mae += math.Abs(a.TrueIPD[s]-a.EstIPD[s]) * 180 / math.Pi
		a.Confusion.Set(a.Est[s], y, a.Confusion.At(a.Est[s], y)+1)
		for j := 0; j < H; j++ {
			a.HiddenRate[s*H+j] = float64(ev.HiddenCounts[s*H+j]) / duration
		}
	}
	a.Accuracy = float64(correct) / float64(N)
	a.MAEDeg = mae / float64(N)
	for j := 0; j < C; j++ {
		var col float64
		for i := 0; i < C; i++ {
			col += a.Confusion.At(i, j)
		}
		for i := 0; i < C; i++ {
			a.Confusion.Set(i, j, a.Confusion.At(i, j)/col)
		}
	}
	a.OutputTuning = tuningCurves(a.Output, labels, C, C)
	a.HiddenTuning = tuningCurves(a.HiddenRate, labels, H, C)
	return a, nil
}

// Text is the original's summary line, e.g. "Accuracy on Test set = 82.6%,
// mean absolute error = 2.6 deg".
func (a *Analysis) Text() string {
	return fmt.Sprintf("Accuracy on %s set = %.1f%%, mean absolute error = %.1f deg", a.Label, a.Accuracy*100, a.MAEDeg)
}

// MeanHiddenRates returns each hidden unit's rate averaged over samples.
func (a *Analysis) MeanHiddenRates() []float64 {
	r := make([]float64, a.NumHidden)
	for s := 0; s < a.N; s++ {
		for j := range r {
			r[j] += a.HiddenRate[s*a.NumHidden+j]
		}
	}
	for j := range r {
		r[j] /= float64(a.N)
	}
	return r
}

// tuningCurves returns per-class means and standard deviations of the
// columns of X (N × neurons).
func tuningCurves(X []float64, labels []int, neurons, classes int) Tuning {
	mean := mat.NewDense(classes, neurons, nil)
	std := mat.NewDense(classes, neurons, nil)
	count := make([]float64, classes)
	for s, y := range labels {
		count[y]++
		for j := 0; j < neurons; j++ {
			mean.Set(y, j, mean.At(y, j)+X[s*neurons+j])
		}
	}
	for c := 0; c < classes; c++ {
		for j := 0; j < neurons; j++ {
			mean.Set(c, j, mean.At(c, j)/count[c])
		}
	}
	for s, y := range labels {
		for j := 0; j < neurons; j++ {
			d := X[s*neurons+j] - mean.At(y, j)
			std.Set(y, j, std.At(y, j)+d*d)
		}
	}
	for c := 0; c < classes; c++ {
		for j := 0; j < neurons; j++ {
			std.Set(c, j, math.Sqrt(std.At(c, j)/count[c]))
		}
	}
	return Tuning{Mean: mean, Std: std}
}

// Normalisation of tuning curves for display.
type Normalisation int

const (
	NoNormalisation Normalisation = iota
	// Individual scales each neuron's mean curve to [0, 1].
	Individual
	// Population scales all curves by the population's minimum and maximum.
	Population
)

// Normalised returns the tuning curves and the (min, max) used, per neuron,
// as the original's plot_tuning_curves: mean' = (mean − min)/(max − min),
// std' = std/(max − min).
func (t Tuning) Normalised(mode Normalisation) (Tuning, []float64, []float64) {
	r, c := t.Mean.Dims()
	mins, maxs := make([]float64, c), make([]float64, c)
	switch mode {
	case NoNormalisation:
		for j := range maxs {
			maxs[j] = 1
		}
	case Individual:
		for j := 0; j < c; j++ {
			col := mat.Col(nil, j, t.Mean)
			mins[j], maxs[j] = minMax(col)
		}
	case Population:
		lo, hi := mat.Min(t.Mean), mat.Max(t.Mean)
		for j := range mins {
			mins[j], maxs[j] = lo, hi
		}
	}
	mean, std := mat.NewDense(r, c, nil), mat.NewDense(r, c, nil)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			mean.Set(i, j, (t.Mean.At(i, j)-mins[j])/(maxs[j]-mins[j]))
			std.Set(i, j, t.Std.At(i, j)/(maxs[j]-mins[j]))
		}
	}
	return Tuning{Mean: mean, Std: std}, mins, maxs
}

func minMax(v []float64) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// ReorderHO returns the original's 'ho' order of the hidden units: by
// decreasing weighted mean of each W_ho row, mean_o(o·W_ho[h, o]).
func ReorderHO(who mat.Matrix) []int {
	r, c := who.Dims()
	wm := make([]float64, r)
	for h := 0; h < r; h++ {
		for o := 0; o < c; o++ {
			wm[h] += float64(o) * who.At(h, o)
		}
		wm[h] /= float64(c)
	}
	idx := make([]int, r)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return -wm[idx[i]] < -wm[idx[j]] })
	return idx
}

// Reordered returns W_ih with its columns and W_ho with its rows permuted
// by order (hidden unit order[k] becomes unit k), and W_io = W_ih·W_ho.
func Reordered(wih, who mat.Matrix, order []int) (rih, rho, wio *mat.Dense) {
	ni, nh := wih.Dims()
	_, nc := who.Dims()
	rih = mat.NewDense(ni, nh, nil)
	rho = mat.NewDense(nh, nc, nil)
	for k, h := range order {
		for i := 0; i < ni; i++ {
			rih.Set(i, k, wih.At(i, h))
		}
		for o := 0; o < nc; o++ {
			rho.Set(k, o, who.At(h, o))
		}
	}
	wio = mat.NewDense(ni, nc, nil)
	wio.Mul(wih, who)
	return rih, rho, wio
}
