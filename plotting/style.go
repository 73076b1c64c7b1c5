package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Style is the look of lines, markers, bars and filled areas. Its zero value
// gives matplotlib's defaults: the next colour of the axes' tab10 cycle, a
// 1.5 pt solid line, no marker, opaque.
type Style struct {
	// Color is the colour; nil takes the next colour of the axes' cycle
	// (matplotlib's default prop cycle, see Tab10). As in matplotlib,
	// lines, error bars and histograms take colours from one cycle and
	// scatter plots, bars and fill_between from another; AxHLine and
	// AxVLine default to the first colour without advancing either.
	Color color.Color
	// Width is the line width in points; 0 means 1.5. For bars and
	// histogram bars it is the width of the outline drawn when EdgeColor
	// is set (0 means 1).
	Width float64
	// Dashes is the dash pattern in points (on, off, on, …), not scaled by
	// the width; nil means solid or the pattern of Linestyle.
	Dashes []float64
	// Linestyle is matplotlib's linestyle: "" or "-" solid, "--" dashed,
	// ":" dotted, "-." dash-dotted, with matplotlib's patterns scaled by
	// the width, or "none" for markers without a line.
	Linestyle string
	// Marker is drawn at every data point: "" (none; Scatter uses "o"),
	// "o" circle, "." point, "s" square, "^" and "v" triangles, "D"
	// diamond, "x" and "+" crosses.
	Marker string
	// MarkerSize is the marker's size in points (the diameter of "o");
	// 0 means 6. For Scatter this is √s of plt.scatter(s=…).
	MarkerSize float64
	// EdgeColor is the outline of bars and histogram bars (nil: none, as
	// matplotlib) and of filled markers (nil: Color).
	EdgeColor color.Color
	// Alpha is the opacity in (0, 1]; 0 means opaque (or the colour's own alpha).
	Alpha float64
	// Label is the legend entry, shown when the axes' ShowLegend is set.
	// Labels starting with "_" are not shown, as in matplotlib.
	Label string
}

// tab10 is matplotlib's default colour cycle (the 'tab10' colormap).
var tab10 = [10]color.NRGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff},
	{0xd6, 0x27, 0x28, 0xff}, {0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff},
	{0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff}, {0xbc, 0xbd, 0x22, 0xff},
	{0x17, 0xbe, 0xcf, 0xff},
}

// Tab10 returns colour i (modulo 10) of matplotlib's default colour cycle,
// "C0" … "C9": #1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2
// #7f7f7f #bcbd22 #17becf.
func Tab10(i int) color.NRGBA {
	return tab10[((i%10)+10)%10]
}

// Defaults of matplotlib's rcParams, in points.
const (
	defaultLineWidth  = 1.5 // lines.linewidth
	defaultMarkerSize = 6   // lines.markersize
	markerEdgeWidth   = 1   // lines.markeredgewidth
	patchEdgeWidth    = 1   // patch.linewidth
	capSize           = 3   // half the width of error bar caps
)

// matplotlib's dash patterns (lines.*_pattern), in units of the line width.
var dashPatterns = map[string][]float64{
	"--": {3.7, 1.6},
	"-.": {6.4, 1.6, 1, 1.6},
	":":  {1, 1.65},
}

var markers = map[string]bool{"": true, "none": true, "o": true, ".": true, "s": true, "^": true, "v": true, "D": true, "x": true, "+": true}

// check reports the first invalid field of s.
func (s Style) check() error {
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || v < 0 }
	switch {
	case bad(s.Width):
		return fmt.Errorf("plotting: style width must be a finite non-negative number of points, got %g", s.Width)
	case bad(s.MarkerSize):
		return fmt.Errorf("plotting: style marker size must be a finite non-negative number of points, got %g", s.MarkerSize)
	case math.IsNaN(s.Alpha) || s.Alpha < 0 || s.Alpha > 1:
		return fmt.Errorf("plotting: style alpha must be in [0, 1], got %g", s.Alpha)
	case !markers[s.Marker]:
		return fmt.Errorf("plotting: unknown marker %q (want one of o . s ^ v D x +)", s.Marker)
	}
	switch s.Linestyle {
	case "", "-", "--", ":", "-.", "none", "None", " ":
	default:
		return fmt.Errorf("plotting: unknown linestyle %q (want -, --, :, -. or none)", s.Linestyle)
	}
	for _, d := range s.Dashes {
		if bad(d) {
			return fmt.Errorf("plotting: dash lengths must be finite and non-negative, got %v", s.Dashes)
		}
	}
	return nil
}

// sanitized returns s with invalid fields replaced by their defaults, for
// the methods that cannot report errors.
func (s Style) sanitized() Style {
	ok := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 }
	if !ok(s.Width) {
		s.Width = 0
	}
	if !ok(s.MarkerSize) {
		s.MarkerSize = 0
	}
	if !ok(s.Alpha) || s.Alpha > 1 {
		s.Alpha = 0
	}
	if !markers[s.Marker] {
		s.Marker = ""
	}
	if (Style{Linestyle: s.Linestyle}).check() != nil {
		s.Linestyle = ""
	}
	for _, d := range s.Dashes {
		if !ok(d) {
			s.Dashes = nil
			break
		}
	}
	return s
}

// nextLineColor and nextPatchColor advance the axes' two colour cycles.
func (a *Axes) nextLineColor() color.Color {
	c := Tab10(a.lineCycle)
	a.lineCycle++
	return c
}

func (a *Axes) nextPatchColor() color.Color {
	c := Tab10(a.patchCycle)
	a.patchCycle++
	return c
}

// withAlpha returns c with opacity alpha (0 keeps c's own).
func withAlpha(c color.Color, alpha float64) color.Color {
	if c == nil {
		return nil
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if alpha > 0 {
		n.A = uint8(math.Round(alpha * 255))
	}
	return n
}

// pen is a resolved Style: what is actually drawn.
type pen struct {
	line       draw.LineStyle // Width 0: no line
	marker     string
	markerSize vg.Length
	face, edge color.Color // marker colours
	label      string
}

// resolve turns s into a pen, with col the colour to use when s.Color is nil.
func (s Style) resolve(col color.Color) pen {
	if s.Color != nil {
		col = s.Color
	}
	col = withAlpha(col, s.Alpha)
	w := s.Width
	if w == 0 {
		w = defaultLineWidth
	}
	p := pen{line: draw.LineStyle{Color: col, Width: vg.Points(w)}, marker: s.Marker, face: col, edge: col, label: s.Label}
	switch {
	case s.Linestyle == "none" || s.Linestyle == "None" || s.Linestyle == " ":
		p.line.Width = 0
	case s.Dashes != nil:
		p.line.Dashes = points(s.Dashes, 1)
	default:
		if pat, ok := dashPatterns[s.Linestyle]; ok {
			p.line.Dashes = points(pat, w)
		}
	}
	if p.marker == "none" {
		p.marker = ""
	}
	p.markerSize = vg.Points(s.MarkerSize)
	if s.MarkerSize == 0 {
		p.markerSize = defaultMarkerSize
	}
	if s.EdgeColor != nil {
		p.edge = withAlpha(s.EdgeColor, s.Alpha)
	}
	return p
}

func points(ds []float64, scale float64) []vg.Length {
	out := make([]vg.Length, len(ds))
	for i, d := range ds {
		out[i] = vg.Points(d * scale)
	}
	return out
}

// drawMarker draws marker m of the pen centred at pt, as matplotlib draws
// it: filled shapes with an outline of 1 pt in the edge colour, crosses
// stroked with 1 pt.
func (p pen) drawMarker(c draw.Canvas, pt vg.Point) {
	drawMarker(c, p.marker, pt, p.markerSize, p.face, p.edge, markerEdgeWidth)
}

func drawMarker(c draw.Canvas, m string, pt vg.Point, size vg.Length, face, edge color.Color, ew vg.Length) {
	r := size / 2
	if m == "." {
		r /= 2
	}
	// A filled marker whose outline has its face colour is drawn as one
	// shape grown by half the outline width, so that a translucent marker
	// has no darker ring.
	grow := vg.Length(1)
	filled := m != "x" && m != "+"
	if filled && sameColor(face, edge) && r > 0 {
		grow, edge = (r+ew/2)/r, nil
	}
	var path vg.Path
	switch m {
	case "o", ".":
		rr := r * grow
		path.Move(vg.Point{X: pt.X + rr, Y: pt.Y})
		path.Arc(pt, rr, 0, 2*math.Pi)
		path.Close()
	case "s":
		poly(&path, pt, grow, []vg.Point{{X: -r, Y: -r}, {X: r, Y: -r}, {X: r, Y: r}, {X: -r, Y: r}})
	case "^":
		poly(&path, pt, grow, []vg.Point{{X: 0, Y: r}, {X: -r, Y: -r}, {X: r, Y: -r}})
	case "v":
		poly(&path, pt, grow, []vg.Point{{X: 0, Y: -r}, {X: r, Y: r}, {X: -r, Y: r}})
	case "D":
		d := r * math.Sqrt2 // matplotlib's diamond: the square marker turned by 45°
		poly(&path, pt, grow, []vg.Point{{X: 0, Y: -d}, {X: d, Y: 0}, {X: 0, Y: d}, {X: -d, Y: 0}})
	case "x":
		path.Move(vg.Point{X: pt.X - r, Y: pt.Y - r})
		path.Line(vg.Point{X: pt.X + r, Y: pt.Y + r})
		path.Move(vg.Point{X: pt.X - r, Y: pt.Y + r})
		path.Line(vg.Point{X: pt.X + r, Y: pt.Y - r})
	case "+":
		path.Move(vg.Point{X: pt.X - r, Y: pt.Y})
		path.Line(vg.Point{X: pt.X + r, Y: pt.Y})
		path.Move(vg.Point{X: pt.X, Y: pt.Y - r})
		path.Line(vg.Point{X: pt.X, Y: pt.Y + r})
	default:
		return
	}
	if filled {
		c.SetColor(face)
		c.Fill(path)
	}
	if edge != nil && ew > 0 {
		c.SetLineStyle(draw.LineStyle{Color: edge, Width: ew})
		c.Stroke(path)
	}
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

func poly(path *vg.Path, pt vg.Point, scale vg.Length, vs []vg.Point) {
	for i, v := range vs {
		v = vg.Point{X: v.X * scale, Y: v.Y * scale}
		if i == 0 {
			path.Move(pt.Add(v))
		} else {
			path.Line(pt.Add(v))
		}
	}
	path.Close()
}
