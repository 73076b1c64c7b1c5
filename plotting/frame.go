package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawAxes draws the frame, ticks, tick labels, axis labels and offset
// texts around the data area r as matplotlib does.
func (pn *panel) drawAxes(c draw.Canvas, r vg.Rectangle, xt, yt []tick, xmult, ymult string) {
	a := pn.a
	w, h := r.Max.X-r.Min.X, r.Max.Y-r.Min.Y
	// Frame: all four spines.
	c.StrokeLines(a.X.LineStyle, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}}, []vg.Point{{X: r.Min.X, Y: r.Max.Y}, r.Max})
	c.StrokeLines(a.Y.LineStyle, []vg.Point{r.Min, {X: r.Min.X, Y: r.Max.Y}}, []vg.Point{{X: r.Max.X, Y: r.Min.Y}, r.Max})

	// x axis: ticks pointing out below the frame, labels under them.
	xs := a.X.Tick.Label
	ybase := r.Min.Y - a.X.Tick.Length - tickPad - ascentFrac*size(xs)
	bottom := r.Min.Y - a.X.Tick.Length
	px := pixelSize(c)
	for _, t := range xt {
		x := snapCenter(r.Min.X+vg.Length(t.pos)*w, px)
		l := a.X.Tick.Length
		if t.minor {
			l *= 2 / 3.5
		}
		c.StrokeLine2(a.X.Tick.LineStyle, x, r.Min.Y, x, r.Min.Y-l)
		if pn.xLabels && t.label != "" && !t.minor {
			fillText(c, xs, vg.Point{X: x, Y: ybase}, t.label, draw.XCenter)
			bottom = ybase - descentFrac*size(xs)
		}
	}
	if pn.xLabels && xmult != "" {
		fillText(c, xs, vg.Point{X: r.Max.X, Y: bottom - tickPad - ascentFrac*size(xs)}, xmult, draw.XRight)
	}
	if pn.xLabels && a.X.Label.Text != "" {
		ls := a.X.Label.TextStyle
		fillText(c, ls, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: bottom - a.X.Label.Padding - ascentFrac*size(ls) - (lines(a.X.Label.Text)-1)*size(ls)}, a.X.Label.Text, draw.XCenter)
	}

	// y axis: ticks pointing left, labels right-aligned to their left.
	ys := a.Y.Tick.Label
	xright := r.Min.X - a.Y.Tick.Length - tickPad
	left := r.Min.X - a.Y.Tick.Length
	for _, t := range yt {
		y := snapCenter(r.Min.Y+vg.Length(t.pos)*h, px)
		l := a.Y.Tick.Length
		if t.minor {
			l *= 2 / 3.5
		}
		c.StrokeLine2(a.Y.Tick.LineStyle, r.Min.X, y, r.Min.X-l, y)
		if pn.yLabels && t.label != "" && !t.minor {
			fillText(c, ys, vg.Point{X: xright, Y: y - digitFrac/2*size(ys)}, t.label, draw.XRight)
			left = min(left, xright-ys.Width(t.label))
		}
	}
	if pn.yLabels && ymult != "" {
		fillText(c, ys, vg.Point{X: r.Min.X, Y: r.Max.Y + tickPad}, ymult, draw.XLeft)
	}
	if pn.yLabels && a.Y.Label.Text != "" {
		ls := a.Y.Label.TextStyle
		fillTextUp(c, ls, left-a.Y.Label.Padding-descentFrac*size(ls), (r.Min.Y+r.Max.Y)/2, a.Y.Label.Text)
	}
}

// fillText draws s with the baseline of its last line at pt.Y, aligned
// horizontally on pt.X by xa.
func fillText(c draw.Canvas, sty text.Style, pt vg.Point, s string, xa text.XAlignment) {
	if s == "" {
		return
	}
	sty.XAlign, sty.YAlign, sty.Rotation = xa, 0, 0
	if sty.Handler == nil {
		sty.Handler = plot.DefaultTextHandler
	}
	if sty.Color == nil {
		sty.Color = color.Black
	}
	pt.Y += sty.FontExtents().Ascent - sty.Font.Size
	c.FillText(sty, pt, s)
}

// fillTextUp draws s rotated to read upwards, centred on y, with its
// baseline on the vertical line at x (the glyphs to its left).
func fillTextUp(c draw.Canvas, sty text.Style, x, y vg.Length, s string) {
	sty.XAlign, sty.YAlign, sty.Rotation = draw.XCenter, 0, math.Pi/2
	if sty.Handler == nil {
		sty.Handler = plot.DefaultTextHandler
	}
	if sty.Color == nil {
		sty.Color = color.Black
	}
	c.FillText(sty, vg.Point{X: x + sty.Font.Size - sty.FontExtents().Ascent, Y: y}, s)
}

// gridLines draws grid lines at fractions of the axes (the major ticks),
// as plt.grid(True): colour #b0b0b0, 0.8 pt.
type gridLines struct{ xs, ys []float64 }

func (g *gridLines) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := draw.LineStyle{Color: color.Gray{Y: 0xb0}, Width: vg.Points(0.8)}
	px := pixelSize(c)
	for _, f := range g.xs {
		x := snapCenter(c.Min.X+vg.Length(f)*(c.Max.X-c.Min.X), px)
		c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
	}
	for _, f := range g.ys {
		y := snapCenter(c.Min.Y+vg.Length(f)*(c.Max.Y-c.Min.Y), px)
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}

// pixelSize returns the size of a device pixel in points (0 for vector
// canvases).
func pixelSize(c draw.Canvas) vg.Length {
	vc := c.Canvas
	for range 10 { // gonum wraps the data canvas in draw.Canvas values
		switch v := vc.(type) {
		case interface{ DPI() float64 }:
			if v.DPI() > 0 {
				return vg.Length(72 / v.DPI())
			}
			return 0
		case draw.Canvas:
			vc = v.Canvas
		case *draw.Canvas:
			vc = v.Canvas
		default:
			return 0
		}
	}
	return 0
}

// snapCenter moves v to the nearest pixel centre, where a thin horizontal
// or vertical line is drawn crisp.
func snapCenter(v, px vg.Length) vg.Length {
	if px <= 0 {
		return v
	}
	return (vg.Length(math.Floor(float64(v/px))) + 0.5) * px
}

// snapEdge moves v to the nearest pixel boundary, where the edge of a
// filled rectangle is drawn crisp and adjacent rectangles leave no seam.
func snapEdge(v, px vg.Length) vg.Length {
	if px <= 0 {
		return v
	}
	return vg.Length(math.Round(float64(v/px))) * px
}
