package plotting

import (
	"image"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Mappable is something a colour bar can describe: a colormap over a range
// of values, in discrete bands or continuous. It is implemented by
// *FilledContour (bands) and *Image (continuous).
type Mappable interface {
	// Colormap returns the colormap of the values.
	Colormap() *Colormap
	// Limits returns the values at the ends of the colour scale.
	Limits() (vmin, vmax float64)
	// bands returns the band boundaries and colours, or nil for a
	// continuous scale.
	bands() (levels []float64, colors []color.NRGBA)
}

// Geometry of a colour bar, as matplotlib's defaults (rcParams ytick.*,
// axes.linewidth, axes.labelpad, and colorbar aspect 20).
const (
	cbarAspect     = 20 // bar height / bar width
	cbarTickLength = 3.5
	cbarTickPad    = 3.5
	cbarLineWidth  = 0.8
	cbarLabelPad   = 4
	cbarFontSize   = 10
)

// ColorBar is a colour bar drawn at the right of an axes, as matplotlib's
// fig.colorbar(mappable, ax=ax, ticks=ticks, label=label) with the default
// vertical orientation: a bar as tall as the axes' data area and 1/20 as
// wide, ticks and labels on its right, and the label rotated to read
// upwards at the far right. For filled contours each band is one block of
// the same height (matplotlib's spacing 'uniform') and the axis runs from
// the first to the last level; for an image the bar is the continuous
// colormap from vmin to vmax.
//
// A ColorBar implements SidePanel; Axes.Colorbar installs it as the axes'
// Side. Its fields may be changed before the figure is rendered.
type ColorBar struct {
	// Ticks are the tick positions in data units; ticks outside the bar's
	// range are dropped. Nil means automatic: for contours every few
	// levels (matplotlib's FixedLocator(levels, nbins=10)), for images
	// round numbers (matplotlib's MaxNLocator).
	Ticks []float64
	// TickLabels, if not nil, label Ticks one to one; by default the values
	// are formatted with the precision they need, as the axes' ticks.
	TickLabels []string
	// Label is written along the right side of the bar.
	Label string
	// BarWidth is the widest the bar may be; its width is otherwise 1/20
	// of its height. 0 means 0.19 inch (matplotlib's bar at the default
	// figure size).
	BarWidth vg.Length

	m Mappable
}

// Colorbar attaches a colour bar for m at the right of the axes (it becomes
// a.Side) and returns it. ticks nil chooses ticks automatically. A nil m
// draws nothing.
func (a *Axes) Colorbar(m Mappable, ticks []float64, label string) *ColorBar {
	cb := &ColorBar{Label: label, m: m}
	if ticks != nil {
		cb.Ticks = append(make([]float64, 0, len(ticks)), ticks...)
	}
	a.Side = cb
	return cb
}

// Mappable returns what the bar describes.
func (cb *ColorBar) Mappable() Mappable { return cb.m }

func (cb *ColorBar) maxBar() vg.Length {
	if cb.BarWidth > 0 {
		return cb.BarWidth
	}
	return 0.19 * vg.Inch
}

func cbarTextStyle() text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(SansFont, cbarFontSize),
		XAlign:  draw.XLeft,
		YAlign:  draw.YCenter,
		Handler: plot.DefaultTextHandler,
	}
}

// limits returns the range of the bar's axis, widened if it is empty as
// matplotlib does (by 10%, or ±0.1 around 0).
func (cb *ColorBar) limits() (lo, hi float64, ok bool) {
	if cb.m == nil {
		return 0, 0, false
	}
	lo, hi = cb.m.Limits()
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo > hi {
		return 0, 0, false
	}
	if lo == hi {
		if lo == 0 {
			return -0.1, 0.1, true
		}
		return lo - 0.1*math.Abs(lo), hi + 0.1*math.Abs(hi), true
	}
	return lo, hi, true
}

// pos returns where v lies along the bar, 0 at the bottom and 1 at the top.
func (cb *ColorBar) pos(v float64) (float64, bool) {
	lo, hi, ok := cb.limits()
	if !ok || math.IsNaN(v) {
		return 0, false
	}
	eps := 1e-10 * (hi - lo)
	if v < lo-eps || v > hi+eps {
		return 0, false
	}
	levels, _ := cb.m.bands()
	if levels == nil {
		return clip01((v - lo) / (hi - lo)), true
	}
	// Uniform spacing: each band is the same height.
	n := len(levels) - 1
	k := sort.SearchFloat64s(levels, v)
	switch {
	case k == 0:
		return 0, true
	case k > n:
		return 1, true
	}
	t := (v - levels[k-1]) / (levels[k] - levels[k-1])
	return (float64(k-1) + t) / float64(n), true
}

// ticks returns the ticks to draw; bins is the tick count hint for
// automatic ticks of a continuous bar.
func (cb *ColorBar) ticks(bins int) []plot.Tick {
	lo, hi, ok := cb.limits()
	if !ok {
		return nil
	}
	vals, labels := cb.Ticks, cb.TickLabels
	if vals == nil {
		labels = nil
		if levels, _ := cb.m.bands(); levels != nil {
			vals = fixedLocator(levels, 10)
		} else {
			vals = niceTicks(lo, hi, bins)
		}
	}
	if labels != nil && len(labels) != len(vals) {
		labels = nil
	}
	var keep []float64
	var keepLabels []string
	for i, v := range vals {
		if _, in := cb.pos(v); in {
			keep = append(keep, v)
			if labels != nil {
				keepLabels = append(keepLabels, labels[i])
			}
		}
	}
	if labels != nil {
		return labelled(keep, keepLabels)
	}
	return labelled(keep, nil)
}

// fixedLocator picks every step-th of locs (step = ceil(len/nbins)) with the
// offset that keeps the value closest to zero, as matplotlib's
// FixedLocator(locs, nbins).tick_values.
func fixedLocator(locs []float64, nbins int) []float64 {
	step := max((len(locs)+nbins-1)/nbins, 1)
	pick := func(off int) []float64 {
		var out []float64
		for i := off; i < len(locs); i += step {
			out = append(out, locs[i])
		}
		return out
	}
	minAbs := func(v []float64) float64 {
		m := math.Inf(1)
		for _, x := range v {
			m = math.Min(m, math.Abs(x))
		}
		return m
	}
	best := pick(0)
	for off := 1; off < step; off++ {
		if t := pick(off); minAbs(t) < minAbs(best) {
			best = t
		}
	}
	return best
}

// autoBins is matplotlib's tick count for a vertical axis of height h:
// one tick per two font heights, at most 9.
func autoBins(h vg.Length) int {
	return min(max(int(h.Points()/(2*cbarFontSize)), 1), 9)
}

// Width implements SidePanel: the bar, ticks, tick labels and label.
func (cb *ColorBar) Width() vg.Length {
	if cb.m == nil {
		return 0
	}
	sty := cbarTextStyle()
	var lw vg.Length
	for _, t := range cb.ticks(9) {
		lw = max(lw, sty.Width(t.Label))
	}
	w := cb.maxBar() + vg.Points(cbarTickLength+cbarTickPad) + lw
	if cb.Label != "" {
		w += vg.Points(cbarLabelPad) + sty.Height(cb.Label)
	}
	return w
}

// DrawSide implements SidePanel: it draws the bar at the left of c, whose
// vertical extent is the axes' data area.
func (cb *ColorBar) DrawSide(c draw.Canvas) {
	h := c.Max.Y - c.Min.Y
	if cb.m == nil || h <= 0 {
		return
	}
	if _, _, ok := cb.limits(); !ok {
		return
	}
	bw := min(h/cbarAspect, cb.maxBar())
	bar := vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Min.X + bw, Y: c.Max.Y}}
	cb.fill(c, bar)

	line := draw.LineStyle{Color: color.Black, Width: vg.Points(cbarLineWidth)}
	c.StrokeLines(line, []vg.Point{bar.Min, {X: bar.Max.X, Y: bar.Min.Y}, bar.Max, {X: bar.Min.X, Y: bar.Max.Y}, bar.Min})

	sty := cbarTextStyle()
	tx := bar.Max.X + vg.Points(cbarTickLength)
	lx := tx + vg.Points(cbarTickPad)
	var lw vg.Length
	for _, t := range cb.ticks(autoBins(h)) {
		f, _ := cb.pos(t.Value)
		y := bar.Min.Y + vg.Length(f)*h
		c.StrokeLine2(line, bar.Max.X, y, tx, y)
		if t.Label != "" {
			c.FillText(sty, vg.Point{X: lx, Y: y}, t.Label)
			lw = max(lw, sty.Width(t.Label))
		}
	}
	if cb.Label != "" {
		ls := sty
		ls.Rotation = math.Pi / 2
		ls.XAlign, ls.YAlign = draw.XCenter, draw.YTop
		c.FillText(ls, vg.Point{X: lx + lw + vg.Points(cbarLabelPad), Y: (bar.Min.Y + bar.Max.Y) / 2}, cb.Label)
	}
}

// fill paints the colours of the bar at the output resolution.
func (cb *ColorBar) fill(c draw.Canvas, bar vg.Rectangle) {
	pr, ok := snapRect(c, bar)
	if !ok {
		return
	}
	levels, colors := cb.m.bands()
	cm := cb.m.Colormap()
	out := image.NewNRGBA(image.Rect(0, 0, pr.w(), pr.h()))
	h := bar.Max.Y - bar.Min.Y
	for j := range pr.h() {
		_, y := pr.centre(0, j)
		f := clip01(float64((y - bar.Min.Y) / h))
		var col color.NRGBA
		if levels != nil {
			col = colors[min(int(f*float64(len(colors))), len(colors)-1)]
		} else {
			col = cm.bandColor(f)
		}
		for i := range pr.w() {
			out.SetNRGBA(i, j, col)
		}
	}
	pr.draw(c, out)
}
