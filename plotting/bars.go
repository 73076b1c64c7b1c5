package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DefaultBarWidth is the width of bars in data units when Bar is given 0,
// as plt.bar's default.
const DefaultBarWidth = 0.8

// Bar draws bars of the given heights centred at x, as plt.bar(x, heights,
// width): from 0 to each height (negative heights go down), width in data
// units (0 means 0.8), no outline unless s.EdgeColor is set, colour from
// the patch cycle. The base line 0 is a sticky edge: the y range starts
// there with no margin. Bars with a NaN position or height are skipped.
func (a *Axes) Bar(x, heights []float64, width float64, s Style) error {
	if len(x) != len(heights) {
		return fmt.Errorf("plotting: Bar: x has %d values, heights has %d", len(x), len(heights))
	}
	if width == 0 {
		width = DefaultBarWidth
	}
	if math.IsNaN(width) || math.IsInf(width, 0) || width < 0 {
		return fmt.Errorf("plotting: Bar: width must be finite and positive, got %g", width)
	}
	if err := s.check(); err != nil {
		return fmt.Errorf("plotting: Bar: %w", err)
	}
	b := &barPlot{container: true}
	for i := range x {
		b.rects = append(b.rects, [4]float64{x[i] - width/2, x[i] + width/2, 0, heights[i]})
	}
	b.setPen(a, s, a.nextPatchColor)
	a.add(zFill, b)
	return nil
}

// barPlot draws rectangles [x0, x1] × [y0, y1]: Bar and Hist's bars.
type barPlot struct {
	rects     [][4]float64
	face      color.Color
	edge      draw.LineStyle // Width 0: no outline
	label     string
	container bool // plt.bar: legend entries after the plain ones
}

func (b *barPlot) setPen(a *Axes, s Style, next func() color.Color) {
	col := s.Color
	if col == nil {
		col = next()
	}
	b.face = withAlpha(col, s.Alpha)
	b.label = s.Label
	if s.EdgeColor != nil {
		w := s.Width
		if w == 0 {
			w = patchEdgeWidth
		}
		b.edge = draw.LineStyle{Color: withAlpha(s.EdgeColor, s.Alpha), Width: vg.Points(w)}
	}
}

func (b *barPlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin, xmax, ymax = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, r := range b.rects {
		if finite(r[:]...) {
			xmin, xmax = extent(xmin, xmax, r[0], r[1])
			ymin, ymax = extent(ymin, ymax, r[2], r[3])
		}
	}
	return xmin, xmax, ymin, ymax
}

// stickyEdges: the bars' base lines, as matplotlib's bar.
func (b *barPlot) stickyEdges() (xs, ys []float64) {
	seen := map[float64]bool{}
	for _, r := range b.rects {
		if finite(r[2]) && !seen[r[2]] {
			seen[r[2]] = true
			ys = append(ys, r[2])
		}
	}
	return nil, ys
}

func (b *barPlot) canvasRect(c draw.Canvas, p *plot.Plot, r [4]float64) (vg.Rectangle, bool) {
	if !finite(r[:]...) {
		return vg.Rectangle{}, false
	}
	trX, trY := p.Transforms(&c)
	px := pixelSize(c)
	x0, x1, y0, y1 := snapEdge(trX(r[0]), px), snapEdge(trX(r[1]), px), snapEdge(trY(r[2]), px), snapEdge(trY(r[3]), px)
	if !finite(float64(x0), float64(x1), float64(y0), float64(y1)) {
		return vg.Rectangle{}, false
	}
	return vg.Rectangle{Min: vg.Point{X: min(x0, x1), Y: min(y0, y1)}, Max: vg.Point{X: max(x0, x1), Y: max(y0, y1)}}, true
}

func (b *barPlot) Plot(c draw.Canvas, p *plot.Plot) {
	for _, r := range b.rects {
		cr, ok := b.canvasRect(c, p, r)
		if !ok {
			continue
		}
		pts := []vg.Point{cr.Min, {X: cr.Max.X, Y: cr.Min.Y}, cr.Max, {X: cr.Min.X, Y: cr.Max.Y}}
		if clipped := c.ClipPolygonXY(pts); len(clipped) > 2 {
			c.FillPolygon(b.face, clipped)
		}
		if b.edge.Width > 0 {
			c.StrokeLines(b.edge, c.ClipLinesXY(append(pts, pts[0]))...)
		}
	}
}

func (b *barPlot) legendLabel() string { return b.label }
func (b *barPlot) isContainer() bool   { return b.container }
func (b *barPlot) drawHandle(c draw.Canvas, r vg.Rectangle) {
	drawPatchHandle(c, r, b.face, b.edge.Color, b.edge.Width)
}

func (b *barPlot) obstacles(c draw.Canvas, p *plot.Plot) (verts []vg.Point, boxes []vg.Rectangle, paths [][]vg.Point) {
	for _, r := range b.rects {
		if cr, ok := b.canvasRect(c, p, r); ok {
			boxes = append(boxes, cr)
		}
	}
	return nil, boxes, nil
}

// legendPatch is the size of a patch's legend handle in font sizes
// (matplotlib's legend.handlelength × legend.handleheight).
const legendPatchW, legendPatchH = 2.0, 0.7

// drawPatchHandle draws a filled rectangle as legend handle, vertically
// centred in r.
func drawPatchHandle(c draw.Canvas, r vg.Rectangle, face, edge color.Color, ew vg.Length) {
	h := (r.Max.X - r.Min.X) * legendPatchH / legendPatchW
	y := (r.Min.Y + r.Max.Y) / 2
	pts := []vg.Point{{X: r.Min.X, Y: y - h/2}, {X: r.Max.X, Y: y - h/2}, {X: r.Max.X, Y: y + h/2}, {X: r.Min.X, Y: y + h/2}}
	if face != nil {
		c.FillPolygon(face, pts)
	}
	if edge != nil && ew > 0 {
		c.StrokeLines(draw.LineStyle{Color: edge, Width: ew}, append(pts, pts[0]))
	}
}

// stepPlot is a histogram drawn as its outline ("step") or a filled
// outline ("stepfilled").
type stepPlot struct {
	edges, counts []float64
	line          draw.LineStyle
	fill          color.Color
	label         string
}

func (s *stepPlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = extent(math.Inf(1), math.Inf(-1), s.edges...)
	ymin, ymax = extent(0, 0, s.counts...)
	return xmin, xmax, ymin, ymax
}

func (s *stepPlot) stickyEdges() (xs, ys []float64) { return nil, []float64{0} }

// outline is the polygon 0 → counts → 0 over the edges, in canvas units.
func (s *stepPlot) outline(c draw.Canvas, p *plot.Plot) []vg.Point {
	trX, trY := p.Transforms(&c)
	n := len(s.counts)
	if n == 0 || len(s.edges) != n+1 {
		return nil
	}
	px := pixelSize(c)
	x := func(i int) vg.Length { return snapCenter(trX(s.edges[i]), px) }
	y0 := snapCenter(trY(0), px)
	pts := []vg.Point{{X: x(0), Y: y0}}
	for i, v := range s.counts {
		if !finite(v) {
			v = 0
		}
		y := snapCenter(trY(v), px)
		pts = append(pts, vg.Point{X: x(i), Y: y}, vg.Point{X: x(i + 1), Y: y})
	}
	pts = append(pts, vg.Point{X: x(n), Y: y0})
	if !finitePt(pts...) {
		return nil
	}
	return pts
}

func (s *stepPlot) Plot(c draw.Canvas, p *plot.Plot) {
	pts := s.outline(c, p)
	if pts == nil {
		return
	}
	if s.fill != nil {
		if cl := c.ClipPolygonXY(pts); len(cl) > 2 {
			c.FillPolygon(s.fill, cl)
		}
	}
	if s.line.Width > 0 {
		c.StrokeLines(s.line, c.ClipLinesXY(pts)...)
	}
}

func (s *stepPlot) legendLabel() string { return s.label }
func (s *stepPlot) isContainer() bool   { return false }
func (s *stepPlot) drawHandle(c draw.Canvas, r vg.Rectangle) {
	drawPatchHandle(c, r, s.fill, s.line.Color, s.line.Width)
}

func (s *stepPlot) obstacles(c draw.Canvas, p *plot.Plot) (verts []vg.Point, boxes []vg.Rectangle, paths [][]vg.Point) {
	pts := s.outline(c, p)
	return pts, nil, [][]vg.Point{pts}
}
