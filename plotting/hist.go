package plotting

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HistOptions are the options of Hist and Histogram, as those of plt.hist
// and numpy.histogram.
type HistOptions struct {
	// Bins is the number of equal-width bins over Range (or over the
	// data's [min, max]); it must be positive unless Edges is given.
	Bins int
	// Edges, if not nil, are the bin edges (at least two, increasing);
	// Bins and Range are then ignored.
	Edges []float64
	// Range, if not nil, is [lo, hi] for the equal-width bins; values
	// outside it are not counted.
	Range []float64
	// Density normalises the counts so that the histogram integrates to 1
	// (count / (total count × bin width)).
	Density bool
	// Style is the look of the bars; the colour defaults to the next of
	// the line cycle, as in matplotlib; Alpha applies to the bars and to
	// their legend entry.
	Style Style
	// Histtype is "bar" (default, filled bars side by side), "step" (the
	// outline only, with Style's line width, 1.5 pt by default) or
	// "stepfilled" (the filled outline).
	Histtype string
}

// Histogram counts data as numpy.histogram(data, bins, range, density)
// does: Bins equal-width bins from the minimum to the maximum of data (or
// over Range; an empty range [v, v] becomes [v−0.5, v+0.5]), or the given
// Edges; each bin holds the values v with edge[i] ≤ v < edge[i+1], the last
// one also its right edge; values outside the bins are ignored. NaN values
// are ignored (as plt.hist does); infinite values are an error unless the
// bins are given by Range or Edges. Counts are float64 as plt.hist returns them.
func Histogram(data []float64, opt HistOptions) (counts, edges []float64, err error) {
	if len(data) == 0 {
		return nil, nil, fmt.Errorf("plotting: histogram of empty data")
	}
	edges, err = histEdges(data, opt)
	if err != nil {
		return nil, nil, err
	}
	n := len(edges) - 1
	counts = make([]float64, n)
	total := 0.0
	for _, v := range data {
		if math.IsNaN(v) || v < edges[0] || v > edges[n] {
			continue
		}
		// First edge above v, minus one: the bin [edge[i], edge[i+1]).
		i := sort.Search(len(edges), func(k int) bool { return edges[k] > v }) - 1
		if i == n {
			i = n - 1 // v == last edge: the last bin is closed
		}
		counts[i]++
		total++
	}
	if opt.Density {
		for i := range counts {
			counts[i] = counts[i] / (edges[i+1] - edges[i]) / total
		}
	}
	return counts, edges, nil
}

// histEdges returns the bin edges numpy.histogram would use.
func histEdges(data []float64, opt HistOptions) ([]float64, error) {
	if opt.Edges != nil {
		if len(opt.Edges) < 2 {
			return nil, fmt.Errorf("plotting: histogram needs at least 2 bin edges, got %d", len(opt.Edges))
		}
		for i, e := range opt.Edges {
			if !finite(e) {
				return nil, fmt.Errorf("plotting: histogram bin edge %d is %g, must be finite", i, e)
			}
			if i > 0 && !(e > opt.Edges[i-1]) {
				return nil, fmt.Errorf("plotting: histogram bin edges must increase, but edge %d (%g) follows %g", i, e, opt.Edges[i-1])
			}
		}
		return clone(opt.Edges), nil
	}
	if opt.Bins <= 0 {
		return nil, fmt.Errorf("plotting: histogram needs Bins > 0 or Edges, got Bins = %d", opt.Bins)
	}
	if opt.Bins > 10_000_000 {
		return nil, fmt.Errorf("plotting: histogram with %d bins is too large", opt.Bins)
	}
	var lo, hi float64
	switch {
	case opt.Range != nil:
		if len(opt.Range) != 2 {
			return nil, fmt.Errorf("plotting: histogram range must be [lo, hi], got %d values", len(opt.Range))
		}
		lo, hi = opt.Range[0], opt.Range[1]
		if !finite(lo, hi) {
			return nil, fmt.Errorf("plotting: histogram range [%g, %g] must be finite", lo, hi)
		}
		if lo > hi {
			return nil, fmt.Errorf("plotting: histogram range [%g, %g]: max must be larger than min", lo, hi)
		}
	default:
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, v := range data {
			if math.IsInf(v, 0) {
				return nil, fmt.Errorf("plotting: histogram data contains %g; give Range or Edges to bin it", v)
			}
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		if lo > hi {
			return nil, fmt.Errorf("plotting: histogram data has no value that is not NaN")
		}
	}
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	// numpy.linspace(lo, hi, Bins+1): lo + i·step, the last edge exactly hi.
	n := opt.Bins
	step := (hi - lo) / float64(n)
	edges := make([]float64, n+1)
	for i := range edges {
		edges[i] = float64(i)*step + lo
	}
	edges[n] = hi
	return edges, nil
}

// Hist draws the histogram of data as plt.hist(data, bins, range, density,
// histtype, alpha, label) and returns its counts and bin edges (see
// Histogram for the counting). Bars span their whole bin with no gaps or
// outline (set Style.EdgeColor for one), start at the sticky base line 0,
// and take the next colour of the line cycle.
func (a *Axes) Hist(data []float64, opt HistOptions) (counts, edges []float64, err error) {
	s := opt.Style
	if err := s.check(); err != nil {
		return nil, nil, fmt.Errorf("plotting: Hist: %w", err)
	}
	switch opt.Histtype {
	case "", "bar", "step", "stepfilled":
	default:
		return nil, nil, fmt.Errorf("plotting: Hist: histtype must be \"bar\", \"step\" or \"stepfilled\", got %q", opt.Histtype)
	}
	counts, edges, err = Histogram(data, opt)
	if err != nil {
		return nil, nil, err
	}
	col := s.Color
	if col == nil {
		col = a.nextLineColor()
	}
	if opt.Histtype == "step" || opt.Histtype == "stepfilled" {
		sp := &stepPlot{edges: clone(edges), counts: clone(counts), label: s.Label}
		if opt.Histtype == "step" {
			w := s.Width
			if w == 0 {
				w = defaultLineWidth
			}
			sp.line = draw.LineStyle{Color: withAlpha(col, s.Alpha), Width: vg.Points(w)}
			if s.Dashes != nil {
				sp.line.Dashes = points(s.Dashes, 1)
			} else if pat, ok := dashPatterns[s.Linestyle]; ok {
				sp.line.Dashes = points(pat, w)
			}
		} else {
			sp.fill = withAlpha(col, s.Alpha)
			if s.EdgeColor != nil {
				sp.line = draw.LineStyle{Color: withAlpha(s.EdgeColor, s.Alpha), Width: vg.Points(max(s.Width, patchEdgeWidth))}
			}
		}
		a.add(zFill, sp)
		return counts, edges, nil
	}
	b := &barPlot{}
	for i, c := range counts {
		b.rects = append(b.rects, [4]float64{edges[i], edges[i+1], 0, c})
	}
	s.Color = col
	b.setPen(a, s, nil)
	a.add(zFill, b)
	return counts, edges, nil
}
