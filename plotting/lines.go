package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Line draws y against x as plt.plot(x, y): a line through the points in
// order, with s's marker at each point. A NaN or infinite coordinate breaks
// the line there. The colour defaults to the next of the line cycle.
func (a *Axes) Line(x, y []float64, s Style) error {
	if err := checkXY("Line", x, y, s); err != nil {
		return err
	}
	p := &linePlot{xs: clone(x), ys: clone(y), pen: s.resolve(nil)}
	if s.Color == nil {
		p.pen = s.resolve(a.nextLineColor())
	}
	a.add(zLine, p)
	return nil
}

// Scatter draws markers at the points as plt.scatter(x, y): marker "o" by
// default, of diameter s.MarkerSize (plt.scatter's s is its square),
// colour from the patch cycle. Points with a NaN coordinate are skipped.
func (a *Axes) Scatter(x, y []float64, s Style) error {
	if err := checkXY("Scatter", x, y, s); err != nil {
		return err
	}
	if s.Marker == "" || s.Marker == "none" {
		s.Marker = "o"
	}
	p := &linePlot{xs: clone(x), ys: clone(y), scatter: true}
	if s.Color == nil {
		p.pen = s.resolve(a.nextPatchColor())
	} else {
		p.pen = s.resolve(nil)
	}
	p.pen.line.Width = 0
	a.add(zFill, p)
	return nil
}

// AxHLine draws a horizontal line at y across the whole width of the axes,
// whatever the x range at drawing time, as plt.axhline(y). It does not
// change the x range; as in matplotlib, y is included in the y range. The
// colour defaults to C0 and does not advance the cycle. Invalid style
// fields are replaced by their defaults; a NaN y draws nothing.
func (a *Axes) AxHLine(y float64, s Style) {
	a.add(zLine, &refLine{v: y, horizontal: true, pen: s.sanitized().resolve(Tab10(0))})
}

// AxVLine draws a vertical line at x across the whole height of the axes,
// as plt.axvline(x); see AxHLine.
func (a *Axes) AxVLine(x float64, s Style) {
	a.add(zLine, &refLine{v: x, pen: s.sanitized().resolve(Tab10(0))})
}

// ErrorBar draws y against x with vertical error bars y ± yerr, as
// plt.errorbar(x, y, yerr, fmt='o-', capsize=3): the line and markers of s
// (marker "o" unless set; Linestyle "none" for markers only) and, in the
// same colour, error bars as wide as the line with caps 6 pt wide. yerr may
// be nil (no bars); its values must not be negative (NaN: no bar).
func (a *Axes) ErrorBar(x, y, yerr []float64, s Style) error {
	if err := checkXY("ErrorBar", x, y, s); err != nil {
		return err
	}
	if yerr != nil && len(yerr) != len(y) {
		return fmt.Errorf("plotting: ErrorBar: yerr has %d values, y has %d", len(yerr), len(y))
	}
	for i, e := range yerr {
		if e < 0 || math.IsInf(e, 0) {
			return fmt.Errorf("plotting: ErrorBar: yerr[%d] = %g, must be finite and not negative", i, e)
		}
	}
	if s.Marker == "" {
		s.Marker = "o"
	}
	p := &linePlot{xs: clone(x), ys: clone(y), yerr: clone(yerr), pen: s.resolve(nil), container: true}
	if s.Color == nil {
		p.pen = s.resolve(a.nextLineColor())
	}
	a.add(zLine, p)
	return nil
}

// FillBetween fills the band between y1 and y2 over x, as
// plt.fill_between(x, y1, y2) — typically mean ± 1.96 std with Alpha 0.3.
// The colour defaults to the next of the patch cycle; no outline is drawn.
// A NaN in x, y1 or y2 splits the band.
func (a *Axes) FillBetween(x, y1, y2 []float64, s Style) error {
	if err := s.check(); err != nil {
		return fmt.Errorf("plotting: FillBetween: %w", err)
	}
	if len(y1) != len(x) || len(y2) != len(x) {
		return fmt.Errorf("plotting: FillBetween: x, y1 and y2 must have the same length, got %d, %d and %d", len(x), len(y1), len(y2))
	}
	p := &fillPlot{xs: clone(x), y1: clone(y1), y2: clone(y2), pen: s.resolve(nil)}
	if s.Color == nil {
		p.pen = s.resolve(a.nextPatchColor())
	}
	a.add(zFill, p)
	return nil
}

// Text writes s at (x, y) in data coordinates, as plt.text(x, y, s,
// fontsize=size): left-aligned, with its baseline at y, in black; size 0
// means 10 pt. The text does not change the data range and is not clipped
// to the axes. Non-finite coordinates or size draw nothing.
func (a *Axes) Text(x, y float64, s string, size float64) {
	if size == 0 {
		size = fontSize
	}
	a.add(zText, &textPlot{x: x, y: y, s: s, size: size})
}

func checkXY(fn string, x, y []float64, s Style) error {
	if len(x) != len(y) {
		return fmt.Errorf("plotting: %s: x has %d values, y has %d", fn, len(x), len(y))
	}
	if err := s.check(); err != nil {
		return fmt.Errorf("plotting: %s: %w", fn, err)
	}
	return nil
}

func clone(v []float64) []float64 {
	if v == nil {
		return nil
	}
	return append([]float64(nil), v...)
}

func finite(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// extent widens [lo, hi] to include the finite values of v.
func extent(lo, hi float64, v ...float64) (float64, float64) {
	for _, x := range v {
		if finite(x) {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return lo, hi
}

// linePlot draws Line, Scatter and ErrorBar.
type linePlot struct {
	xs, ys, yerr []float64
	pen          pen
	scatter      bool
	container    bool // error bars: legend entries after the plain ones
}

func (l *linePlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin, xmax, ymax = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range l.xs {
		if !finite(l.xs[i], l.ys[i]) {
			continue
		}
		xmin, xmax = extent(xmin, xmax, l.xs[i])
		ymin, ymax = extent(ymin, ymax, l.ys[i])
		if l.yerr != nil {
			ymin, ymax = extent(ymin, ymax, l.ys[i]-l.yerr[i], l.ys[i]+l.yerr[i])
		}
	}
	return xmin, xmax, ymin, ymax
}

func (l *linePlot) stickyEdges() (xs, ys []float64) { return nil, nil }

// runs returns the canvas points of the maximal runs of finite points.
func runs(c draw.Canvas, p *plot.Plot, xs, ys []float64) [][]vg.Point {
	trX, trY := p.Transforms(&c)
	var out [][]vg.Point
	var cur []vg.Point
	for i := range xs {
		if !finite(xs[i], ys[i]) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		pt := vg.Point{X: trX(xs[i]), Y: trY(ys[i])}
		if !finitePt(pt) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, pt)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func finitePt(pts ...vg.Point) bool {
	for _, p := range pts {
		if !finite(float64(p.X), float64(p.Y)) {
			return false
		}
	}
	return true
}

func inside(c draw.Canvas, pt vg.Point) bool {
	const tol = 0.5
	return pt.X >= c.Min.X-tol && pt.X <= c.Max.X+tol && pt.Y >= c.Min.Y-tol && pt.Y <= c.Max.Y+tol
}

func (l *linePlot) Plot(c draw.Canvas, p *plot.Plot) {
	if l.yerr != nil {
		trX, trY := p.Transforms(&c)
		bar := l.pen.line
		bar.Dashes = nil
		if bar.Width == 0 {
			bar.Width = defaultLineWidth
		}
		cap := draw.LineStyle{Color: bar.Color, Width: markerEdgeWidth}
		for i, e := range l.yerr {
			if !finite(l.xs[i], l.ys[i], e) {
				continue
			}
			x, lo, hi := trX(l.xs[i]), trY(l.ys[i]-e), trY(l.ys[i]+e)
			if !finitePt(vg.Point{X: x, Y: lo}, vg.Point{X: x, Y: hi}) {
				continue
			}
			c.StrokeLines(bar, c.ClipLinesXY([]vg.Point{{X: x, Y: lo}, {X: x, Y: hi}})...)
			for _, y := range []vg.Length{lo, hi} {
				if inside(c, vg.Point{X: x, Y: y}) {
					c.StrokeLine2(cap, x-capSize, y, x+capSize, y)
				}
			}
		}
	}
	rs := runs(c, p, l.xs, l.ys)
	if l.pen.line.Width > 0 {
		for _, r := range rs {
			if len(r) > 1 {
				c.StrokeLines(l.pen.line, c.ClipLinesXY(r)...)
			}
		}
	}
	if l.pen.marker != "" {
		for _, r := range rs {
			for _, pt := range r {
				if inside(c, pt) {
					l.pen.drawMarker(c, pt)
				}
			}
		}
	}
}

func (l *linePlot) legendLabel() string { return l.pen.label }
func (l *linePlot) isContainer() bool   { return l.container }

func (l *linePlot) drawHandle(c draw.Canvas, r vg.Rectangle) {
	y := (r.Min.Y + r.Max.Y) / 2
	mid := vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: y}
	if l.yerr != nil {
		bar := l.pen.line
		bar.Dashes = nil
		if bar.Width == 0 {
			bar.Width = defaultLineWidth
		}
		h := (r.Max.Y - r.Min.Y) / 2
		c.StrokeLine2(bar, mid.X, y-h, mid.X, y+h)
		cap := draw.LineStyle{Color: bar.Color, Width: markerEdgeWidth}
		c.StrokeLine2(cap, mid.X-capSize, y-h, mid.X+capSize, y-h)
		c.StrokeLine2(cap, mid.X-capSize, y+h, mid.X+capSize, y+h)
	}
	if l.pen.line.Width > 0 {
		c.StrokeLine2(l.pen.line, r.Min.X, y, r.Max.X, y)
	}
	if l.pen.marker != "" {
		l.pen.drawMarker(c, mid)
	}
}

func (l *linePlot) obstacles(c draw.Canvas, p *plot.Plot) (verts []vg.Point, boxes []vg.Rectangle, paths [][]vg.Point) {
	rs := runs(c, p, l.xs, l.ys)
	for _, r := range rs {
		verts = append(verts, r...)
	}
	if !l.scatter && l.pen.line.Width > 0 {
		paths = rs
	}
	if l.yerr != nil {
		trX, trY := p.Transforms(&c)
		for i, e := range l.yerr {
			if finite(l.xs[i], l.ys[i], e) {
				verts = append(verts, vg.Point{X: trX(l.xs[i]), Y: trY(l.ys[i] - e)}, vg.Point{X: trX(l.xs[i]), Y: trY(l.ys[i] + e)})
			}
		}
	}
	return verts, nil, paths
}

// refLine is AxHLine / AxVLine.
type refLine struct {
	v          float64
	horizontal bool
	pen        pen
}

func (l *refLine) DataRange() (xmin, xmax, ymin, ymax float64) {
	inf := math.Inf(1)
	xmin, xmax, ymin, ymax = inf, -inf, inf, -inf
	if !finite(l.v) {
		return
	}
	if l.horizontal {
		return inf, -inf, l.v, l.v
	}
	return l.v, l.v, inf, -inf
}

func (l *refLine) stickyEdges() (xs, ys []float64) { return nil, nil }

func (l *refLine) ends(c draw.Canvas, p *plot.Plot) ([]vg.Point, bool) {
	if !finite(l.v) {
		return nil, false
	}
	trX, trY := p.Transforms(&c)
	px := pixelSize(c)
	if l.horizontal {
		y := snapCenter(trY(l.v), px)
		return []vg.Point{{X: c.Min.X, Y: y}, {X: c.Max.X, Y: y}}, finite(float64(y)) && y >= c.Min.Y-0.5 && y <= c.Max.Y+0.5
	}
	x := snapCenter(trX(l.v), px)
	return []vg.Point{{X: x, Y: c.Min.Y}, {X: x, Y: c.Max.Y}}, finite(float64(x)) && x >= c.Min.X-0.5 && x <= c.Max.X+0.5
}

func (l *refLine) Plot(c draw.Canvas, p *plot.Plot) {
	if pts, ok := l.ends(c, p); ok && l.pen.line.Width > 0 {
		c.StrokeLines(l.pen.line, pts)
	}
}

func (l *refLine) legendLabel() string { return l.pen.label }
func (l *refLine) isContainer() bool   { return false }
func (l *refLine) drawHandle(c draw.Canvas, r vg.Rectangle) {
	y := (r.Min.Y + r.Max.Y) / 2
	c.StrokeLine2(l.pen.line, r.Min.X, y, r.Max.X, y)
}

func (l *refLine) obstacles(c draw.Canvas, p *plot.Plot) (verts []vg.Point, boxes []vg.Rectangle, paths [][]vg.Point) {
	if pts, ok := l.ends(c, p); ok {
		return pts, nil, [][]vg.Point{pts}
	}
	return nil, nil, nil
}

// fillPlot is FillBetween.
type fillPlot struct {
	xs, y1, y2 []float64
	pen        pen
}

func (f *fillPlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin, xmax, ymax = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range f.xs {
		if finite(f.xs[i], f.y1[i], f.y2[i]) {
			xmin, xmax = extent(xmin, xmax, f.xs[i])
			ymin, ymax = extent(ymin, ymax, f.y1[i], f.y2[i])
		}
	}
	return xmin, xmax, ymin, ymax
}

func (f *fillPlot) stickyEdges() (xs, ys []float64) { return nil, nil }

func (f *fillPlot) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	start := -1
	flush := func(end int) {
		if start < 0 || end-start < 2 {
			start = -1
			return
		}
		var pts []vg.Point
		for i := start; i < end; i++ {
			pts = append(pts, vg.Point{X: trX(f.xs[i]), Y: trY(f.y1[i])})
		}
		for i := end - 1; i >= start; i-- {
			pts = append(pts, vg.Point{X: trX(f.xs[i]), Y: trY(f.y2[i])})
		}
		if !finitePt(pts...) {
			start = -1
			return
		}
		if pts = c.ClipPolygonXY(pts); len(pts) > 2 {
			c.FillPolygon(f.pen.face, pts)
		}
		start = -1
	}
	for i := range f.xs {
		if finite(f.xs[i], f.y1[i], f.y2[i]) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
	}
	flush(len(f.xs))
}

func (f *fillPlot) legendLabel() string { return f.pen.label }
func (f *fillPlot) isContainer() bool   { return false }
func (f *fillPlot) drawHandle(c draw.Canvas, r vg.Rectangle) {
	drawPatchHandle(c, r, f.pen.face, nil, 0)
}

// textPlot is Text.
type textPlot struct {
	x, y, size float64
	s          string
}

func (t *textPlot) Plot(c draw.Canvas, p *plot.Plot) {
	if !finite(t.x, t.y, t.size) || t.size <= 0 || t.size > 1000 {
		return
	}
	trX, trY := p.Transforms(&c)
	if !finite(float64(trX(t.x)), float64(trY(t.y))) {
		return
	}
	sty := text.Style{Color: color.Black, Font: font.From(SansFont, vg.Length(t.size)), Handler: p.TextHandler}
	fillText(c, sty, vg.Point{X: trX(t.x), Y: trY(t.y)}, t.s, draw.XLeft)
}
