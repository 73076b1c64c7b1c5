package figures

import (
	"fmt"
	"image/color"

	"github.com/receptive-go/receptive/pkg/gaussneuron"
	"github.com/receptive-go/receptive/plotting"
)

// ActivityContour draws one figure of the Gaussian-neuron notebook as the
// original does: filled contours of the map with the panel's levels in
// RdYlBu_r, the black zero line W·x + b = 0, a colour bar with the panel's
// ticks, axis limits [−8, 8]² and a grid.
func ActivityContour(g gaussneuron.Grid, p gaussneuron.Panel, zeroLine []float64) (*plotting.Figure, error) {
	if len(zeroLine) != len(g.X1) {
		return nil, fmt.Errorf("figures: zero line has %d points, grid has %d", len(zeroLine), len(g.X1))
	}
	cmap, err := plotting.Cmap("RdYlBu_r")
	if err != nil {
		return nil, err
	}
	fig, ax := plotting.NewSingle()
	cf, err := ax.Contourf(g.X1, g.X2, p.Z, p.Levels, cmap)
	if err != nil {
		return nil, fmt.Errorf("figures: %s: %w", p.Name, err)
	}
	if err := ax.Line(g.X1, zeroLine, plotting.Style{Color: color.Black}); err != nil {
		return nil, err
	}
	ax.Colorbar(cf, p.Ticks, "")
	lo, hi := g.X1[0], g.X1[len(g.X1)-1]
	ax.SetLimits(lo, hi, lo, hi)
	ax.Grid = true
	return fig, nil
}
