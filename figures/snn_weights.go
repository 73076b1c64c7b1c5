package figures

import (
	"fmt"
	"math"
	"sort"

	"github.com/receptive-go/receptive/pkg/snn"
	"github.com/receptive-go/receptive/plotting"
	"gonum.org/v1/gonum/mat"
)

// symImshow draws m with RdBu and symmetric limits ±max|m| (origin lower,
// aspect auto), as the original's plot_matrix; vmax ≤ 0 takes max|m|.
func symImshow(ax *plotting.Axes, m mat.Matrix, vmax float64, origin string) (*plotting.Image, error) {
	r, c := m.Dims()
	d := mat.DenseCopyOf(m).RawMatrix().Data
	if vmax <= 0 {
		for _, v := range d {
			vmax = math.Max(vmax, math.Abs(v))
		}
	}
	return ax.Imshow(d, r, c, plotting.ImshowOptions{Cmap: plotting.MustCmap("RdBu"), Vmin: -vmax, Vmax: vmax, Origin: origin, Aspect: -1})
}

// SNNWeights draws W_ih and W_ho reordered by the hidden units' W_ho
// weighted mean, and W_io = W_ih·W_ho (1×3, RdBu, colour bars "Weight"), as
// AnalysisResults.plot_weights with reorder_by='ho'; pass the output of
// snn.Reordered(wih, who, snn.ReorderHO(who)).
func SNNWeights(rih, rho, wio mat.Matrix, title string) (*plotting.Figure, error) {
	f, err := newFig(1, 3, 10, 3, 100)
	if err != nil {
		return nil, err
	}
	f.Title = title
	panels := []struct {
		m          mat.Matrix
		x, y, name string
	}{
		{rih, "Hidden layer neuron index", "Input neuron index", "W_ih (reordered)"},
		{rho, "Output neuron index", "Hidden layer neuron index", "W_ho (reordered)"},
		{wio, "Output neuron index", "Input neuron index", "W_io = W_ih · W_ho"},
	}
	for i, p := range panels {
		ax := f.At(0, i)
		im, err := symImshow(ax, p.m, 0, "lower")
		if err != nil {
			return nil, err
		}
		ax.X.Label.Text, ax.Y.Label.Text, ax.Title.Text = p.x, p.y, p.name
		ax.Colorbar(im, nil, "Weight")
	}
	return f, nil
}

// SNNInterp draws the shifted bicubic interpolation of the reordered W_ho
// (RdBu, limits ±max|W_ho|) beside its row mean with a dashed zero line.
func SNNInterp(interp *mat.Dense, rho mat.Matrix) (*plotting.Figure, error) {
	f, err := newFig(1, 2, 10, 3, 100)
	if err != nil {
		return nil, err
	}
	if _, err := symImshow(f.At(0, 0), interp, maxAbs(rho), "lower"); err != nil {
		return nil, err
	}
	y := snn.RowMeans(interp)
	ax := f.At(0, 1)
	if err := ax.Line(seq(len(y), 0), y, plotting.Style{}); err != nil {
		return nil, err
	}
	ax.AxHLine(0, plotting.Style{Color: black, Linestyle: "--"})
	return f, nil
}

func maxAbs(m mat.Matrix) float64 {
	r, c := m.Dims()
	var v float64
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			v = math.Max(v, math.Abs(m.At(i, j)))
		}
	}
	return v
}

func seq(n int, start float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = start + float64(i)
	}
	return s
}

// SNNRickerProfile draws the row-mean profile and its Ricker fit against t.
func SNNRickerProfile(t, y, fitted []float64) (*plotting.Figure, error) {
	f, ax := plotting.NewSingle()
	if err := ax.Line(t, y, plotting.Style{}); err != nil {
		return nil, err
	}
	if err := ax.Line(t, fitted, plotting.Style{}); err != nil {
		return nil, err
	}
	return f, nil
}

// SNNRickerMatrix draws the reordered W_ho beside its whole-matrix Ricker
// fit, both RdBu with limits ±max|W_ho|, and a colour bar on the fit.
func SNNRickerMatrix(rho, fit mat.Matrix) (*plotting.Figure, error) {
	f, err := newFig(1, 2, 9, 4, 100)
	if err != nil {
		return nil, err
	}
	v := maxAbs(rho)
	if _, err := symImshow(f.At(0, 0), rho, v, "lower"); err != nil {
		return nil, err
	}
	im, err := symImshow(f.At(0, 1), fit, v, "lower")
	if err != nil {
		return nil, err
	}
	f.At(0, 1).Colorbar(im, nil, "")
	return f, nil
}

// SNNGaussianFit draws each hidden unit's tuning curve (reordered, classes ×
// hidden) against the fitted Gaussians at the idealised IPDs (2×4).
func SNNGaussianFit(ipds []float64, tuning, fitted mat.Matrix) (*plotting.Figure, error) {
	C, H := tuning.Dims()
	f, err := newFig(2, (H+1)/2, 10, 4, 100)
	if err != nil {
		return nil, err
	}
	x := make([]float64, C)
	for i, v := range ipds {
		x[i] = deg(v)
	}
	for h, ax := range f.Axes() {
		if h >= H {
			ax.Hidden = true
			continue
		}
		if err := ax.Line(x, mat.Col(nil, h, tuning), plotting.Style{Label: "Tuning curve"}); err != nil {
			return nil, err
		}
		if err := ax.Line(x, mat.Col(nil, h, fitted), plotting.Style{Label: "Fit"}); err != nil {
			return nil, err
		}
		ax.X.Label.Text, ax.Y.Label.Text = "IPD", "FR (sp/s)"
		ax.ShowLegend = true
	}
	return f, nil
}

// SNNLIFApprox draws simulated spike counts against the LIF rate
// approximation, with the identity as a dashed line.
func SNNLIFApprox(count, predicted []float64) (*plotting.Figure, error) {
	if len(count) != len(predicted) || len(count) == 0 {
		return nil, fmt.Errorf("figures: %d counts and %d predictions", len(count), len(predicted))
	}
	f, ax := plotting.NewSingle()
	if err := ax.Line(count, predicted, plotting.Style{Linestyle: "none", Marker: "."}); err != nil {
		return nil, err
	}
	s := append([]float64(nil), count...)
	sort.Float64s(s)
	if err := ax.Line(s, s, plotting.Style{Linestyle: "--"}); err != nil {
		return nil, err
	}
	return f, nil
}
