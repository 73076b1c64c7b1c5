package plotting

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendItem is implemented by the plotters that can have a legend entry.
type legendItem interface {
	legendLabel() string
	// isContainer tells entries matplotlib lists after the others (bars,
	// error bars: its legend shows artists first, then containers).
	isContainer() bool
	// drawHandle draws the entry's symbol in r (handle length × row height).
	drawHandle(c draw.Canvas, r vg.Rectangle)
}

// obstacler is implemented by plotters the legend should avoid: their
// vertices and paths (lines), offsets (scatter) and boxes (bars), in canvas
// units of the data area c.
type obstacler interface {
	obstacles(c draw.Canvas, p *plot.Plot) (verts []vg.Point, boxes []vg.Rectangle, paths [][]vg.Point)
}

// legendEntries returns the labelled plots in matplotlib's legend order.
func (a *Axes) legendEntries() []legendItem {
	var plain, containers []legendItem
	for _, l := range a.layers {
		it, ok := l.p.(legendItem)
		if !ok || it.legendLabel() == "" || strings.HasPrefix(it.legendLabel(), "_") {
			continue
		}
		if it.isContainer() {
			containers = append(containers, it)
		} else {
			plain = append(plain, it)
		}
	}
	return append(plain, containers...)
}

// Legend geometry in font sizes, as matplotlib's rcParams legend.*.
const (
	legendBorderPad     = 0.4
	legendLabelSpacing  = 0.5
	legendHandleLength  = 2.0
	legendHandleTextPad = 0.8
	legendBorderAxesPad = 0.5
	legendRounding      = 0.2
)

// drawLegend draws the legend of entries inside the data area c, at the
// first of matplotlib's nine positions that overlaps the least data
// (loc='best'): a white box with alpha 0.8, a light grey rounded frame,
// each entry's handle followed by its label.
func drawLegend(c draw.Canvas, p *plot.Plot, entries []legendItem, layers []layer, sty text.Style) {
	fs := sty.Font.Size
	if sty.Handler == nil {
		sty.Handler = plot.DefaultTextHandler
	}
	if sty.Color == nil {
		sty.Color = color.Black
	}
	var tw vg.Length
	for _, e := range entries {
		tw = max(tw, sty.Width(e.legendLabel()))
	}
	n := vg.Length(len(entries))
	W := fs * (2*legendBorderPad + legendHandleLength + legendHandleTextPad)
	W += tw
	H := fs*(2*legendBorderPad) + n*fs + (n-1)*fs*legendLabelSpacing

	var verts []vg.Point
	var boxes []vg.Rectangle
	var paths [][]vg.Point
	for _, l := range layers {
		if o, ok := l.p.(obstacler); ok {
			v, b, ps := o.obstacles(c, p)
			verts, boxes, paths = append(verts, v...), append(boxes, b...), append(paths, ps...)
		}
	}
	pad := fs * legendBorderAxesPad
	x0, x1 := c.Min.X+pad, c.Max.X-pad-W
	xm := (c.Min.X + c.Max.X - W) / 2
	y0, y1 := c.Min.Y+pad, c.Max.Y-pad-H
	ym := (c.Min.Y + c.Max.Y - H) / 2
	// matplotlib's location codes 1 … 10: upper right, upper left, lower
	// left, lower right, right, center left, center right, lower center,
	// upper center, center.
	cands := []vg.Point{{X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: ym},
		{X: x0, Y: ym}, {X: x1, Y: ym}, {X: xm, Y: y0}, {X: xm, Y: y1}, {X: xm, Y: ym}}
	best, bestBad := cands[0], math.MaxInt
	for _, at := range cands {
		box := vg.Rectangle{Min: at, Max: vg.Point{X: at.X + W, Y: at.Y + H}}
		bad := 0
		for _, v := range verts {
			if contains(box, v) {
				bad++
			}
		}
		for _, b := range boxes {
			if b.Min.X < box.Max.X && b.Max.X > box.Min.X && b.Min.Y < box.Max.Y && b.Max.Y > box.Min.Y {
				bad++
			}
		}
		for _, ps := range paths {
			if pathHitsBox(ps, box) {
				bad++
			}
		}
		if bad < bestBad {
			best, bestBad = at, bad
		}
		if bad == 0 {
			break
		}
	}

	box := vg.Rectangle{Min: best, Max: vg.Point{X: best.X + W, Y: best.Y + H}}
	frame := roundedRect(box, fs*legendRounding)
	c.SetColor(color.NRGBA{R: 255, G: 255, B: 255, A: 204})
	c.Fill(frame)
	c.SetLineStyle(draw.LineStyle{Color: color.NRGBA{R: 204, G: 204, B: 204, A: 204}, Width: vg.Points(patchEdgeWidth)})
	c.Stroke(frame)

	y := box.Max.Y - fs*legendBorderPad
	for _, e := range entries {
		hx := box.Min.X + fs*legendBorderPad
		row := vg.Rectangle{Min: vg.Point{X: hx, Y: y - fs}, Max: vg.Point{X: hx + fs*legendHandleLength, Y: y}}
		e.drawHandle(c, row)
		mid := y - fs/2
		fillText(c, sty, vg.Point{X: row.Max.X + fs*legendHandleTextPad, Y: mid - digitFrac/2*fs}, e.legendLabel(), draw.XLeft)
		y -= fs * (1 + legendLabelSpacing)
	}
}

func contains(r vg.Rectangle, p vg.Point) bool {
	return p.X > r.Min.X && p.X < r.Max.X && p.Y > r.Min.Y && p.Y < r.Max.Y
}

// pathHitsBox tells whether a polyline enters the rectangle.
func pathHitsBox(ps []vg.Point, r vg.Rectangle) bool {
	for i := range ps {
		if contains(r, ps[i]) {
			return true
		}
		if i > 0 && segmentHitsBox(ps[i-1], ps[i], r) {
			return true
		}
	}
	return false
}

// segmentHitsBox clips the segment a–b to r (Liang–Barsky).
func segmentHitsBox(a, b vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// roundedRect is the outline of r with corners rounded to radius rad.
func roundedRect(r vg.Rectangle, rad vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: r.Min.X + rad, Y: r.Min.Y})
	p.Line(vg.Point{X: r.Max.X - rad, Y: r.Min.Y})
	p.Arc(vg.Point{X: r.Max.X - rad, Y: r.Min.Y + rad}, rad, -math.Pi/2, math.Pi/2)
	p.Line(vg.Point{X: r.Max.X, Y: r.Max.Y - rad})
	p.Arc(vg.Point{X: r.Max.X - rad, Y: r.Max.Y - rad}, rad, 0, math.Pi/2)
	p.Line(vg.Point{X: r.Min.X + rad, Y: r.Max.Y})
	p.Arc(vg.Point{X: r.Min.X + rad, Y: r.Max.Y - rad}, rad, math.Pi/2, math.Pi/2)
	p.Line(vg.Point{X: r.Min.X, Y: r.Min.Y + rad})
	p.Arc(vg.Point{X: r.Min.X + rad, Y: r.Min.Y + rad}, rad, math.Pi, math.Pi/2)
	p.Close()
	return p
}
