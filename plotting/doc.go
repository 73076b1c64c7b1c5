// Package plotting builds the figures of the receptive notebooks on top of
// gonum/plot and returns them as PNG bytes.
//
// It supplies what gonum/plot lacks to reproduce matplotlib figures one to
// one: matplotlib's colormaps, imshow with origin/extent/aspect and
// nearest-neighbour pixels, filled contours with explicit levels and
// matplotlib's band semantics, colour bars with given ticks, subplot grids
// with a suptitle and shared axes, histograms, error bars, bar charts,
// reference lines and tiled weight images.
//
// A Figure is a grid of Axes. Each Axes embeds a *plot.Plot, so every gonum
// plotter and axis setting is available; the methods of Axes add the
// matplotlib-style plot kinds. Figure.PNG renders the whole figure at the
// figure's size (inches) and DPI.
//
// This package never imports gonbui: showing a figure in a notebook is the
// job of package plotting/notebook.
package plotting
