package figures

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"

	"github.com/receptive-go/receptive/pkg/biolearn"
	"github.com/receptive-go/receptive/plotting"
)

// BioActivations draws the original's interactive figure for one setting of
// its sliders: h_μ(t) of every hidden unit against time, one line per unit
// in the default colour cycle, legend h_0, h_1, …, axis labels "Time t" and
// "Activations h_μ". title (may be empty) names the slider values.
func BioActivations(tr *biolearn.Trajectories, title string) (*plotting.Figure, error) {
	if tr == nil || len(tr.H) == 0 {
		return nil, errors.New("figures: no activation curves to draw")
	}
	fig, ax := plotting.NewSingle()
	for mu, h := range tr.H {
		if err := ax.Line(tr.T, h, plotting.Style{Label: fmt.Sprintf("h_%d", mu)}); err != nil {
			return nil, err
		}
	}
	ax.ShowLegend = true
	ax.X.Label.Text = "Time t"
	ax.Y.Label.Text = "Activations h_μ"
	ax.Title.Text = title
	return fig, nil
}

// BioNeuronDynamics draws the original's "Neuron Dynamics" figure: two panels
// sharing the y axis, h_μ(t) with inhibition (left) and without (right),
// the curves drawn in the order of increasing current and coloured with
// plasma by the stationary activation (normalised from its minimum to its
// maximum), panel titles "(w_inh=…, p=…)" and the figure title. The size
// is the original's LaTeX figure (1.2 × a 318.67 pt column, half as high),
// drawn at 200 dpi.
func BioNeuronDynamics(c *biolearn.InhibitionComparison) (*plotting.Figure, error) {
	if c == nil || c.With == nil || c.Without == nil || len(c.Order) != len(c.Stationary) {
		return nil, errors.New("figures: incomplete neuron-dynamics data")
	}
	cmap, err := plotting.Cmap("plasma")
	if err != nil {
		return nil, err
	}
	fig, err := plotting.NewFigure(1, 2)
	if err != nil {
		return nil, err
	}
	fig.Width = 318.67 / 72.27 * 1.2
	fig.Height = fig.Width * 0.5
	fig.DPI = 200
	fig.ShareY = true
	fig.Title = "Neuron Dynamics"
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, mu := range c.Order {
		lo, hi = math.Min(lo, c.Stationary[mu]), math.Max(hi, c.Stationary[mu])
	}
	panels := []struct {
		tr    *biolearn.Trajectories
		title string
	}{
		{c.With, fmt.Sprintf("(w_inh=%s, p=%s)", bioPyRepr(c.WInh), bioPyRepr(c.P))},
		{c.Without, fmt.Sprintf("(w_inh=0, p=%s)", bioPyRepr(c.P))},
	}
	for i, p := range panels {
		ax := fig.At(0, i)
		for _, mu := range c.Order {
			col := cmap.At(plotting.Normalize(c.Stationary[mu], lo, hi))
			if err := ax.Line(p.tr.T, p.tr.H[mu], plotting.Style{Color: col, Width: 1}); err != nil {
				return nil, err
			}
		}
		ax.Title.Text = p.title
		ax.Title.TextStyle.Font = font.From(plotting.SansFont, 8)
		ax.X.Label.Text = "Time t"
	}
	fig.At(0, 0).Y.Label.Text = "Activation h_μ"
	return fig, nil
}

// bioPyRepr prints a float as Python's repr (2.0, 0.3).
func bioPyRepr(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e16 {
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprint(v)
}

// BioMNISTDigit draws one 28×28 image in grey from 0 (black) to 1 (white),
// as the original's draw_mnist_sample.
func BioMNISTDigit(img []float64) (*plotting.Figure, error) {
	if len(img) != 28*28 {
		return nil, fmt.Errorf("figures: an MNIST image has 784 pixels, got %d", len(img))
	}
	fig, ax := plotting.NewSingle()
	if _, err := ax.Imshow(img, 28, 28, plotting.ImshowOptions{Cmap: plotting.MustCmap("gray"), Vmin: 0, Vmax: 1}); err != nil {
		return nil, err
	}
	return fig, nil
}

// BioWeightLayout is the grid of draw_weights: 5 tiles per row, as many full
// rows as fit (at most 5), all tiles in one row when that gives a single
// row, and at most 25 tiles. The original computes n//5 rows and so draws
// nothing for fewer than 5 units; here they get one row.
func BioWeightLayout(units int) (rows, cols, shown int) {
	const maxPerRow, maxRows = 5, 5
	cols, rows = maxPerRow, units/maxPerRow
	if rows > maxRows {
		rows = maxRows
	}
	if rows <= 1 {
		rows, cols = 1, units
	}
	shown = min(units, rows*cols)
	return rows, cols, shown
}

// bioWeightMosaic places the rows of w (units × h·w values) as h×w tiles in
// the draw_weights grid, zeros in empty slots.
func bioWeightMosaic(w []float64, units, h, wd int) (grid []float64, gr, gc int, err error) {
	if units <= 0 || h <= 0 || wd <= 0 || len(w) != units*h*wd {
		return nil, 0, 0, fmt.Errorf("figures: %d weights for %d units of %d×%d", len(w), units, h, wd)
	}
	rows, cols, shown := BioWeightLayout(units)
	gr, gc = rows*h, cols*wd
	grid = make([]float64, gr*gc)
	for u := 0; u < shown; u++ {
		r0, c0 := (u/cols)*h, (u%cols)*wd
		for y := 0; y < h; y++ {
			copy(grid[(r0+y)*gc+c0:(r0+y)*gc+c0+wd], w[u*h*wd+y*wd:u*h*wd+(y+1)*wd])
		}
	}
	return grid, gr, gc, nil
}

// BioWeightGrid draws the original's draw_weights: the weights of each hidden
// unit as an h×w tile (28×28 for MNIST) in the BioWeightLayout grid, in bwr
// from −max|W| to max|W|, with a colour bar whose ticks are the minimum of
// the mosaic, 0 and its maximum (the label of a tick that would overprint
// the 0 label is omitted).
func BioWeightGrid(w []float64, units, h, wd int) (*plotting.Figure, error) {
	grid, gr, gc, err := bioWeightMosaic(w, units, h, wd)
	if err != nil {
		return nil, err
	}
	var nc float64
	for _, v := range w {
		nc = math.Max(nc, math.Abs(v))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range grid {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if nc == 0 {
		nc = 1
	}
	fig, ax := plotting.NewSingle()
	im, err := ax.Imshow(grid, gr, gc, plotting.ImshowOptions{Cmap: plotting.MustCmap("bwr"), Vmin: -nc, Vmax: nc})
	if err != nil {
		return nil, err
	}
	// Ticks at the minimum, 0 and the maximum, as the original; a label
	// that would overprint the 0 label (within 4% of the bar) is left out.
	labels := []string{bioTickLabel(lo), "0", bioTickLabel(hi)}
	for i, v := range []float64{lo, hi} {
		if math.Abs(v) < 0.04*2*nc {
			labels[2*i] = ""
		}
	}
	ax.Colorbar(im, []float64{lo, 0, hi}, "").TickLabels = labels
	return fig, nil
}

// bioTickLabel prints a colour-bar tick compactly (3 significant digits).
func bioTickLabel(v float64) string {
	s := fmt.Sprintf("%.3g", v)
	if v < 0 {
		s = "\u2212" + s[1:]
	}
	return s
}

// BioWeightAnimation renders weight snapshots (each units×h·w values) as an
// animated GIF of draw_weights mosaics — the frames the original saved to
// figs/weights{i}.png for an animation. Each frame is coloured in bwr from
// −max|W| to max|W| of that frame, each weight scale×scale pixels, with
// delay hundredths of a second between frames; the last frame is held for
// two seconds.
func BioWeightAnimation(frames [][]float64, units, h, wd, scale, delay int) ([]byte, error) {
	if len(frames) == 0 {
		return nil, errors.New("figures: no frames to animate")
	}
	if scale <= 0 || delay < 0 {
		return nil, fmt.Errorf("figures: scale %d and delay %d must be positive", scale, delay)
	}
	cmap := plotting.MustCmap("bwr")
	n := cmap.N()
	pal := make(color.Palette, n)
	for i := range pal {
		pal[i] = cmap.At((float64(i) + 0.5) / float64(n))
	}
	anim := &gif.GIF{}
	for fi, fr := range frames {
		grid, gr, gc, err := bioWeightMosaic(fr, units, h, wd)
		if err != nil {
			return nil, fmt.Errorf("frame %d: %w", fi, err)
		}
		var nc float64
		for _, v := range fr {
			nc = math.Max(nc, math.Abs(v))
		}
		if nc == 0 {
			nc = 1
		}
		img := image.NewPaletted(image.Rect(0, 0, gc*scale, gr*scale), pal)
		for y := 0; y < gr*scale; y++ {
			for x := 0; x < gc*scale; x++ {
				u := plotting.Normalize(grid[(y/scale)*gc+x/scale], -nc, nc)
				k := int(u * float64(n))
				k = max(0, min(n-1, k))
				img.Pix[y*img.Stride+x] = uint8(k)
			}
		}
		anim.Image = append(anim.Image, img)
		d := delay
		if fi == len(frames)-1 {
			d = 200
		}
		anim.Delay = append(anim.Delay, d)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// BioNormHistory draws Σ_i |W_μi|^p of every hidden unit against the
// presentation number, with the y axis clipped to [0, ymax] (the history
// the original records in all_norms but never draws), and a dashed line at
// the unit sphere.
func BioNormHistory(norms [][]float64, ymax float64) (*plotting.Figure, error) {
	if len(norms) == 0 || len(norms[0]) == 0 {
		return nil, errors.New("figures: empty norm history")
	}
	units := len(norms[0])
	x := make([]float64, len(norms))
	for i := range x {
		x[i] = float64(i + 1)
	}
	fig, ax := plotting.NewSingle()
	for mu := 0; mu < units; mu++ {
		y := make([]float64, len(norms))
		for i, r := range norms {
			if len(r) != units {
				return nil, fmt.Errorf("figures: presentation %d has %d norms, want %d", i, len(r), units)
			}
			y[i] = r[mu]
		}
		if err := ax.Line(x, y, plotting.Style{Width: 1}); err != nil {
			return nil, err
		}
	}
	ax.AxHLine(1, plotting.Style{Color: color.Black, Linestyle: "--", Width: 0.8})
	ax.SetLimits(0, float64(len(norms)+1), 0, ymax)
	ax.X.Label.Text = "presentation"
	ax.Y.Label.Text = "Σ_i |W_μi|^p"
	ax.Title.Text = "Row norms during training"
	ax.Title.TextStyle.Font.Size = vg.Points(12)
	return fig, nil
}
