package figures

import (
	"fmt"
	"image/color"
	"math"

	"github.com/receptive-go/receptive/pkg/snn"
	"github.com/receptive-go/receptive/plotting"
	"gonum.org/v1/gonum/mat"
)

// Figures of notebook 02 (spiking sound localisation), in the order of the
// original research/time-constant-solutions.ipynb.

var (
	nan       = math.NaN()
	black     = color.Black
	lightGray = color.NRGBA{0xd3, 0xd3, 0xd3, 0xff}
	red       = color.NRGBA{0xff, 0, 0, 0xff}
)

func deg(rad float64) float64 { return rad * 180 / math.Pi }

// classMidpointsDeg returns the class midpoints in degrees.
func classMidpointsDeg(classes int) []float64 {
	x := make([]float64, classes)
	for k := range x {
		x[k] = deg(snn.ClassMidpoint(k, classes))
	}
	return x
}

func newFig(rows, cols int, w, h float64, dpi int) (*plotting.Figure, error) {
	f, err := plotting.NewFigure(rows, cols)
	if err != nil {
		return nil, err
	}
	f.Width, f.Height, f.DPI = w, h, dpi
	return f, nil
}

// SNNStimuli draws the input spikes of the first 8 samples (2×4 rasters,
// time across, input neuron up, gray_r) titled with their true IPDs, as
// ITDDataset.visualise. ipds are radians; the title truncates degrees to an
// integer like the original's int(ipd·180/π).
func SNNStimuli(x snn.Spikes, ipds []float64) (*plotting.Figure, error) {
	if x.Len() < 8 || len(ipds) < 8 {
		return nil, fmt.Errorf("figures: stimuli need 8 samples, got %d", min(x.Len(), len(ipds)))
	}
	f, err := newFig(2, 4, 10, 4, 100)
	if err != nil {
		return nil, err
	}
	T, in := x.NumSteps(), x.NumInputs()
	for i := 0; i < 8; i++ {
		z := make([]float64, in*T) // spikes.T: input rows, time columns
		for t := 0; t < T; t++ {
			row := x.Row(i, t)
			for j := 0; j < in; j++ {
				if row[j>>6]>>(uint(j)&63)&1 == 1 {
					z[j*T+t] = 1
				}
			}
		}
		ax := f.At(i/4, i%4)
		if _, err := ax.Imshow(z, in, T, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray_r"), Aspect: -1, Vmin: 0, Vmax: 1}); err != nil {
			return nil, err
		}
		ax.Title.Text = fmt.Sprintf("True IPD = %d deg", int(float32(ipds[i])*180/math.Pi))
		if i >= 4 {
			ax.X.Label.Text = "Time (steps)"
		}
		if i%4 == 0 {
			ax.Y.Label.Text = "Input neuron index"
		}
	}
	return f, nil
}

// SNNHistograms draws histograms of the true and estimated IPDs (12 bins,
// alpha 0.8), as AnalysisResults.plot_histograms.
func SNNHistograms(a *snn.Analysis) (*plotting.Figure, error) {
	f, err := newFig(1, 1, 6, 4, 100)
	if err != nil {
		return nil, err
	}
	ax := f.At(0, 0)
	tr, es := make([]float64, a.N), make([]float64, a.N)
	for i := range tr {
		tr[i], es[i] = deg(a.TrueIPD[i]), deg(a.EstIPD[i])
	}
	if _, _, err := ax.Hist(tr, plotting.HistOptions{Bins: a.NumClasses, Style: plotting.Style{Alpha: 0.8, Label: "True"}}); err != nil {
		return nil, err
	}
	if _, _, err := ax.Hist(es, plotting.HistOptions{Bins: a.NumClasses, Style: plotting.Style{Alpha: 0.8, Label: "Estimated"}}); err != nil {
		return nil, err
	}
	ax.X.Label.Text = "IPD"
	ax.SetTicks(nil, []float64{})
	ax.ShowLegend = true
	ax.Title.Text = a.Label
	return f, nil
}

// SNNConfusion draws the column-normalised confusion matrix (origin lower,
// extent ±90°, viridis), as AnalysisResults.plot_confusion.
func SNNConfusion(a *snn.Analysis) (*plotting.Figure, error) {
	f, err := newFig(1, 1, 6, 4, 100)
	if err != nil {
		return nil, err
	}
	ax := f.At(0, 0)
	C := a.NumClasses
	if _, err := ax.Imshow(mat.DenseCopyOf(a.Confusion).RawMatrix().Data, C, C, plotting.ImshowOptions{
		Origin: "lower", Extent: []float64{-90, 90, -90, 90}, Aspect: -1}); err != nil {
		return nil, err
	}
	ax.X.Label.Text = "True IPD"
	ax.Y.Label.Text = "Estimated IPD"
	ax.Title.Text = fmt.Sprintf("Confusion matrix (%s)", a.Label)
	return f, nil
}

// SNNHiddenRates draws each hidden unit's mean firing rate as bars.
func SNNHiddenRates(a *snn.Analysis) (*plotting.Figure, error) {
	f, err := newFig(1, 1, 8, 4, 100)
	if err != nil {
		return nil, err
	}
	ax := f.At(0, 0)
	x := make([]float64, a.NumHidden)
	for i := range x {
		x[i] = float64(i)
	}
	if err := ax.Bar(x, a.MeanHiddenRates(), 0.8, plotting.Style{}); err != nil {
		return nil, err
	}
	ax.X.Label.Text = "Hidden neuron index"
	ax.Y.Label.Text = "Firing rate (Hz)"
	ax.Title.Text = "Hidden neuron firing rates"
	return f, nil
}

// SNNRasters draws the hidden spikes of the first 8 recorded samples
// (2×4 panels, time in seconds), as AnalysisResults.plot_rasters.
func SNNRasters(a *snn.Analysis, dt, duration float64) (*plotting.Figure, error) {
	if len(a.HiddenSpikes) < 8 {
		return nil, fmt.Errorf("figures: rasters need the hidden spikes of 8 samples, %d recorded", len(a.HiddenSpikes))
	}
	f, err := newFig(2, 4, 10, 4, 100)
	if err != nil {
		return nil, err
	}
	for i := 0; i < 8; i++ {
		ax := f.At(i/4, i%4)
		var xs, ys []float64
		for _, e := range a.HiddenSpikes[i] {
			xs = append(xs, float64(e.Step)*dt)
			ys = append(ys, float64(e.Unit))
		}
		if len(xs) > 0 {
			if err := ax.Line(xs, ys, plotting.Style{Color: black, Linestyle: "none", Marker: ".", MarkerSize: 1}); err != nil {
				return nil, err
			}
		}
		ax.SetLimits(0, duration, -1, float64(a.NumHidden))
		ax.Title.Text = fmt.Sprintf("True IPD = %d deg", int(deg(a.TrueIPD[i])))
		if i >= 4 {
			ax.X.Label.Text = "Time (steps)"
		}
		if i%4 == 0 {
			ax.Y.Label.Text = "Hidden neuron index"
		}
	}
	return f, nil
}

// TuningOptions select what SNNTuningCurves draws.
type TuningOptions struct {
	Hidden    bool              // hidden firing rates instead of the outputs
	Normalise snn.Normalisation // none, individual or population
	Reorder   []int             // panel i shows neuron Reorder[i]
	Color     color.Color       // error-bar colour; nil is black
	Label     string            // legend label; "" is the analysis' label
	// CurvesOnly draws only the error bars: no sample dots and no red
	// class line (for curves overlaid on a figure that already has them).
	CurvesOnly bool
}

// NewTuningFigure returns the 3×4 figure (12×6 in at 80 dpi) the tuning
// curve plots draw into.
func NewTuningFigure(w, h float64, dpi int) (*plotting.Figure, error) {
	return newFig(3, 4, w, h, dpi)
}

// SNNTuningCurves draws tuning curves into f (3×4, see NewTuningFigure) as
// AnalysisResults.plot_tuning_curves: per neuron the class means ± 1.96
// std at the class midpoints; for outputs also every sample in light grey
// and a red dashed line at the neuron's own class midpoint; y limits
// shared by all panels; unused panels hidden.
func SNNTuningCurves(f *plotting.Figure, a *snn.Analysis, o TuningOptions) error {
	tc := a.OutputTuning
	name := "output"
	if o.Hidden {
		tc, name = a.HiddenTuning, "hidden"
	}
	norm, mins, maxs := tc.Normalised(o.Normalise)
	C, n := norm.Mean.Dims()
	if n > f.Rows()*f.Cols() {
		return fmt.Errorf("figures: %d neurons do not fit a %d×%d figure", n, f.Rows(), f.Cols())
	}
	col := o.Color
	if col == nil {
		col = black
	}
	label := o.Label
	if label == "" {
		label = a.Label
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 0; i < C; i++ {
		for j := 0; j < n; j++ {
			m, s := norm.Mean.At(i, j), norm.Std.At(i, j)
			lo, hi = math.Min(lo, m-1.96*s), math.Max(hi, m+1.96*s)
		}
	}
	x := classMidpointsDeg(a.NumClasses)
	for p, ax := range f.Axes() {
		if p >= n {
			ax.Hidden = true
			continue
		}
		i := p
		if o.Reorder != nil {
			i = o.Reorder[p]
		}
		if !o.Hidden && !o.CurvesOnly {
			xs, ys := make([]float64, a.N), make([]float64, a.N)
			for s := 0; s < a.N; s++ {
				xs[s] = deg(a.TrueIPD[s])
				ys[s] = (a.Output[s*a.NumClasses+i] - mins[i]) / (maxs[i] - mins[i])
			}
			if err := ax.Line(xs, ys, plotting.Style{Color: lightGray, Linestyle: "none", Marker: ".", MarkerSize: 1}); err != nil {
				return err
			}
		}
		m, s := mat.Col(nil, i, norm.Mean), mat.Col(nil, i, norm.Std)
		for k := range s {
			s[k] *= 1.96
		}
		if err := ax.ErrorBar(x, m, s, plotting.Style{Color: col, Marker: "none", Label: label}); err != nil {
			return err
		}
		if !o.Hidden && !o.CurvesOnly {
			ax.AxVLine(deg(snn.ClassMidpoint(i, a.NumClasses)), plotting.Style{Color: red, Linestyle: "--", Label: "True IPD"})
		}
		if !o.Hidden {
			ax.Y.Label.Text = `v̄`
		} else if o.Normalise == snn.NoNormalisation {
			ax.Y.Label.Text = "Firing rate (sp/s)"
		} else {
			ax.Y.Label.Text = fmt.Sprintf("FR (norm=%s)", normName(o.Normalise))
		}
		ax.X.Label.Text = "IPD (deg)"
		ax.SetLimits(math.NaN(), math.NaN(), lo, hi)
	}
	f.Title = fmt.Sprintf("Tuning curves of %s neurons", name)
	return nil
}

func normName(n snn.Normalisation) string {
	switch n {
	case snn.Individual:
		return "individual"
	case snn.Population:
		return "population"
	}
	return "False"
}

// SNNTuning is SNNTuningCurves on a new figure of the original's size.
func SNNTuning(a *snn.Analysis, o TuningOptions) (*plotting.Figure, error) {
	f, err := NewTuningFigure(12, 6, 80)
	if err != nil {
		return nil, err
	}
	return f, SNNTuningCurves(f, a, o)
}
