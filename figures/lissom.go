package figures

import (
	"fmt"

	"github.com/receptive-go/receptive/pkg/lissom"
	"github.com/receptive-go/receptive/plotting"
)

// LissomWeightRange returns the value range pylissom's plot_layer_weights maps to
// black and white for a layer: (−1, 1) for the difference-of-Gaussians
// kinds, (0, 1) otherwise, or nil (the minimum and maximum over all
// weights) when useRange is false.
func LissomWeightRange(k lissom.Kind, useRange bool) []float64 {
	switch {
	case !useRange:
		return nil
	case k == lissom.DifferenceOfGaussiansLinear || k == lissom.UnnormalizedDifferenceOfGaussiansLinear:
		return []float64{-1, 1}
	}
	return []float64{0, 1}
}

// LissomWeightGrid tiles a layer's weights as pylissom's plot_layer_weights does
// with torchvision's make_grid: each neuron's weights as an in_side×in_side
// image, ⌊√out⌋ tiles per row, 2 black pixels around and between them,
// values clipped to LissomWeightRange and scaled to [0, 1].
func LissomWeightGrid(l *lissom.Linear, useRange bool) (grid []float64, rows, cols int, err error) {
	w := l.Weights()
	in := w.In()
	dense := w.Dense()
	tiles := make([][]float64, w.Out())
	for i := range tiles {
		tiles[i] = dense[i*in : (i+1)*in]
	}
	return plotting.TileImages(tiles, w.InSide(), w.InSide(), plotting.TileOptions{
		PerRow: w.OutSide(), Normalize: true, Range: LissomWeightRange(l.Kind(), useRange)})
}

// LissomWeights draws a layer's weight grid as the original notebook does:
// a 12×12-inch figure titled ".weight" (the parameter's name), the grid in
// grey levels from 0 (black) to 1 (white).
func LissomWeights(l *lissom.Linear, useRange bool) (*plotting.Figure, error) {
	grid, rows, cols, err := LissomWeightGrid(l, useRange)
	if err != nil {
		return nil, err
	}
	fig, ax := plotting.NewSingle()
	fig.Width, fig.Height = 12, 12
	if _, err := ax.Imshow(grid, rows, cols, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray"), Vmin: 0, Vmax: 1}); err != nil {
		return nil, err
	}
	ax.Title.Text = ".weight"
	return fig, nil
}

// LissomMatrix draws a side×side activity as pylissom's plot_matrix: grey
// levels from vmin (black) to vmax (white), values beyond them saturated,
// with an optional title.
func LissomMatrix(values []float64, side int, vmin, vmax float64, title string) (*plotting.Figure, error) {
	if side <= 0 || len(values) != side*side {
		return nil, fmt.Errorf("figures: %d values do not make a %d×%d image", len(values), side, side)
	}
	if !(vmax > vmin) {
		return nil, fmt.Errorf("figures: grey range [%v, %v], want vmin < vmax", vmin, vmax)
	}
	fig, ax := plotting.NewSingle()
	if _, err := ax.Imshow(values, side, side, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray"), Vmin: vmin, Vmax: vmax}); err != nil {
		return nil, err
	}
	ax.Title.Text = title
	return fig, nil
}

// LissomActivations draws the recorded modules as pylissom's
// plot_layer_activation: for each module, in the order given, a figure of
// its input titled "NAME.input" and one of its output titled
// "NAME.activation", grey from 0 to 1.
func LissomActivations(recs []lissom.Recorded) ([]*plotting.Figure, error) {
	var figs []*plotting.Figure
	for _, r := range recs {
		in, err := LissomMatrix(r.Input, r.InSide, 0, 1, r.Name+".input")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.Name, err)
		}
		out, err := LissomMatrix(r.Output, r.OutSide, 0, 1, r.Name+".activation")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.Name, err)
		}
		figs = append(figs, in, out)
	}
	return figs, nil
}

// LissomDoGProfile draws the cross-section of one LGN neuron's receptive
// field along the input row through its centre: the normalised centre and
// surround Gaussians and their difference, the DoG weight profile (centre −
// surround for an ON cell). It stands in for the original notebook's
// illustration of edge-detection filters, an external picture.
func LissomDoGProfile(centre, surround, dog *lissom.Linear, neuron int) (*plotting.Figure, error) {
	side := dog.Weights().InSide()
	if dog.OutFeatures() != centre.OutFeatures() || dog.OutFeatures() != surround.OutFeatures() ||
		dog.InFeatures() != centre.InFeatures() || dog.InFeatures() != surround.InFeatures() {
		return nil, fmt.Errorf("figures: centre, surround and DoG layers have different sizes")
	}
	if neuron < 0 || neuron >= dog.OutFeatures() {
		return nil, fmt.Errorf("figures: neuron %d out of range [0, %d)", neuron, dog.OutFeatures())
	}
	// The input row nearest the neuron's centre.
	outSide := dog.Weights().OutSide()
	row := 0
	if outSide > 1 {
		row = int(float64(neuron/outSide)*float64(side-1)/float64(outSide-1) + 0.5)
	}
	x := make([]float64, side)
	for k := range x {
		x[k] = float64(k)
	}
	fig, ax := plotting.NewSingle()
	for _, c := range []struct {
		l     *lissom.Linear
		label string
	}{{centre, "centre Gaussian (normalised)"}, {surround, "surround Gaussian (normalised)"}, {dog, "difference (DoG weights)"}} {
		w, err := c.l.Weights().Row(neuron)
		if err != nil {
			return nil, err
		}
		if err := ax.Line(x, w[row*side:(row+1)*side], plotting.Style{Label: c.label}); err != nil {
			return nil, err
		}
	}
	ax.AxHLine(0, plotting.Style{Color: plotting.Tab10(7), Width: 0.8})
	ax.Title.Text = fmt.Sprintf("LGN neuron %d: weights along input row %d", neuron, row)
	ax.X.Label.Text = "input column"
	ax.Y.Label.Text = "weight"
	ax.ShowLegend = true
	return fig, nil
}
