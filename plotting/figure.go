package plotting

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Default figure geometry, as matplotlib's rcParams figure.figsize and figure.dpi.
const (
	DefaultWidth  = 6.4 // inches
	DefaultHeight = 4.8 // inches
	DefaultDPI    = 100
)

// maxPixels bounds the size of a rendered figure (about 200 MB of RGBA).
const maxPixels = 50_000_000

// SansFont is the typeface used for all text (matplotlib draws sans-serif text).
var SansFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Drawing order of layers inside an axes, as matplotlib's zorder:
// images and filled areas below the grid, lines and markers above it.
const (
	zImage  = 0.5
	zFill   = 1
	zGrid   = 1.5
	zLine   = 2
	zMarker = 2.5
	zText   = 3
)

// Figure is a grid of Axes with an optional title above them (matplotlib's
// suptitle). The zero value is not usable: create one with NewFigure.
//
// The panels are laid out as matplotlib's tight_layout does: every data
// area has the same size, the data areas of a row share their top and
// bottom and those of a column their left and right, and the space between
// them is just what the tick labels, axis labels, titles and colour bars
// need.
type Figure struct {
	// Title is drawn centred above the grid of axes.
	Title string
	// Width and Height are the size of the figure in inches.
	Width, Height float64
	// DPI is the resolution of the PNG, in pixels per inch.
	DPI int
	// ShareX and ShareY give all axes the same x (y) range, as
	// plt.subplots(sharex=True), and keep x tick labels and the x label
	// only on the lowest visible panel of each column (y: on the leftmost
	// visible panel of each row).
	ShareX, ShareY bool
	// Background is the colour of the figure outside the axes (default white).
	Background color.Color

	rows, cols int
	axes       []*Axes
}

// NewFigure returns a figure with rows×cols axes and matplotlib's default
// size (6.4×4.8 inches at 100 DPI).
func NewFigure(rows, cols int) (*Figure, error) {
	if rows <= 0 || cols <= 0 {
		return nil, fmt.Errorf("plotting: figure needs at least one row and one column, got %d×%d", rows, cols)
	}
	if rows > 1000 || cols > 1000 {
		return nil, fmt.Errorf("plotting: figure of %d×%d axes is too large", rows, cols)
	}
	f := &Figure{Width: DefaultWidth, Height: DefaultHeight, DPI: DefaultDPI, rows: rows, cols: cols}
	for range rows * cols {
		f.axes = append(f.axes, newAxes())
	}
	return f, nil
}

// NewSingle returns a figure with one axes and that axes.
func NewSingle() (*Figure, *Axes) {
	f, _ := NewFigure(1, 1) // 1×1 is always valid
	return f, f.axes[0]
}

// Rows returns the number of rows of axes.
func (f *Figure) Rows() int { return f.rows }

// Cols returns the number of columns of axes.
func (f *Figure) Cols() int { return f.cols }

// At returns the axes at row r and column c (both from 0, row 0 at the top).
// It panics if r or c is out of range, as indexing a slice does.
func (f *Figure) At(r, c int) *Axes {
	if r < 0 || r >= f.rows || c < 0 || c >= f.cols {
		panic(fmt.Sprintf("plotting: axes (%d, %d) outside a %d×%d figure", r, c, f.rows, f.cols))
	}
	return f.axes[r*f.cols+c]
}

// Axes returns all axes in row-major order.
func (f *Figure) Axes() []*Axes { return f.axes }

// Axes is one panel of a figure. It embeds the gonum plot, whose title and
// axis labels (Title.Text, X.Label.Text, Y.Label.Text), tick markers
// (X.Tick.Marker) and scales can be set directly; its methods add plot kinds.
//
// The visible range is chosen as matplotlib's autoscaling does: the range
// of the data plus 5% on each side (see Tight), except where the data ends
// at a "sticky" edge — the base line of bars and histograms, the extent of
// images and contours — which the margin does not cross. Fix it with
// SetLimits; values assigned to X.Min, X.Max, Y.Min and Y.Max count as data
// range and still get the margins.
type Axes struct {
	*plot.Plot
	// Aspect is the ratio of one y unit to one x unit on screen; 0 lets the
	// data fill the panel (matplotlib's 'auto'), 1 is matplotlib's 'equal'.
	Aspect float64
	// Grid draws grid lines at the major ticks (plt.grid(True)).
	Grid bool
	// Hidden leaves the panel blank (matplotlib's ax.axis('off') on an unused slot).
	Hidden bool
	// AxisOff draws the data and the title but no frame, ticks or axis
	// labels (matplotlib's ax.axis('off') on a panel showing an image).
	AxisOff bool
	// Tight autoscales without margins (matplotlib's ax.margins(0)).
	Tight bool
	// ShowLegend draws a legend of the labelled plots, at the place that
	// hides the least data (matplotlib's loc='best').
	ShowLegend bool
	// Side, if set, is drawn in a strip at the right of the axes (a colour bar).
	Side SidePanel

	layers     []layer
	xlim, ylim [2]float64 // limits from SetLimits; NaN = automatic
	data       [4]float64 // xmin, xmax, ymin, ymax of the plotters added
	lineCycle  int        // next colour for lines, errorbars, histograms
	patchCycle int        // next colour for scatter, bars, fill_between
}

// SidePanel is something drawn in a strip to the right of an axes whose
// height equals the axes' data area, as matplotlib's colour bar.
type SidePanel interface {
	// Width is the width of the strip, including labels.
	Width() vg.Length
	// DrawSide draws into c; c's vertical extent is the data area of the axes.
	DrawSide(c draw.Canvas)
}

type layer struct {
	z float64
	p plot.Plotter
}

// matplotlib's default sizes (rcParams), in points.
const (
	fontSize      = 10  // font.size, tick and axis labels, legend, text
	titleSize     = 12  // axes.titlesize and figure.titlesize 'large'
	spineWidth    = 0.8 // axes.linewidth
	tickLength    = 3.5 // xtick.major.size
	tickWidth     = 0.8 // xtick.major.width
	tickPad       = 3.5 // xtick.major.pad
	labelPad      = 4   // axes.labelpad
	titlePad      = 6   // axes.titlepad
	layoutPad     = 1.08 * fontSize
	defaultMargin = 0.05 // axes.xmargin, axes.ymargin
)

func newAxes() *Axes {
	p := plot.New()
	setFonts(p)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Tick.Marker = AutoTicks{}
		ax.Padding = 0
		ax.LineStyle = draw.LineStyle{Color: color.Black, Width: vg.Points(spineWidth)}
		ax.Tick.LineStyle = draw.LineStyle{Color: color.Black, Width: vg.Points(tickWidth)}
		ax.Tick.Length = vg.Points(tickLength)
		ax.Label.Padding = vg.Points(labelPad)
	}
	p.Title.Padding = vg.Points(titlePad)
	nan, inf := math.NaN(), math.Inf(1)
	return &Axes{Plot: p, xlim: [2]float64{nan, nan}, ylim: [2]float64{nan, nan}, data: [4]float64{inf, -inf, inf, -inf}}
}

func setFonts(p *plot.Plot) {
	p.Title.TextStyle.Font = font.From(SansFont, titleSize)
	p.X.Label.TextStyle.Font = font.From(SansFont, fontSize)
	p.Y.Label.TextStyle.Font = font.From(SansFont, fontSize)
	p.X.Tick.Label.Font = font.From(SansFont, fontSize)
	p.Y.Tick.Label.Font = font.From(SansFont, fontSize)
	p.Legend.TextStyle.Font = font.From(SansFont, fontSize)
}

// add puts a plotter on the axes at drawing order z; the data range
// (X.Min … Y.Max) grows to include its data, except on the sides fixed
// with SetLimits.
func (a *Axes) add(z float64, p plot.Plotter) {
	a.layers = append(a.layers, layer{z, p})
	dr, ok := p.(plot.DataRanger)
	if !ok {
		return
	}
	xmin, xmax, ymin, ymax := dr.DataRange()
	grow := func(v, d *float64, set, r float64, f func(a, b float64) float64) {
		if math.IsNaN(r) {
			return
		}
		*d = f(*d, r)
		if math.IsNaN(set) {
			*v = f(*v, r)
		}
	}
	grow(&a.X.Min, &a.data[0], a.xlim[0], xmin, math.Min)
	grow(&a.X.Max, &a.data[1], a.xlim[1], xmax, math.Max)
	grow(&a.Y.Min, &a.data[2], a.ylim[0], ymin, math.Min)
	grow(&a.Y.Max, &a.data[3], a.ylim[1], ymax, math.Max)
}

// SetLimits fixes the visible data range, as plt.axis([xmin, xmax, ymin,
// ymax]). A NaN leaves that limit automatic (plt.ylim(bottom=0) is
// SetLimits(NaN, NaN, 0, NaN)); xmin > xmax inverts the axis.
func (a *Axes) SetLimits(xmin, xmax, ymin, ymax float64) {
	a.xlim = [2]float64{finiteOrNaN(xmin), finiteOrNaN(xmax)}
	a.ylim = [2]float64{finiteOrNaN(ymin), finiteOrNaN(ymax)}
	for i, dst := range []*float64{&a.X.Min, &a.X.Max, &a.Y.Min, &a.Y.Max} {
		v := [4]float64{a.xlim[0], a.xlim[1], a.ylim[0], a.ylim[1]}[i]
		if math.IsNaN(v) {
			v = a.data[i] // automatic again: back to the data's range
		}
		*dst = v
	}
}

func finiteOrNaN(v float64) float64 {
	if math.IsInf(v, 0) {
		return math.NaN()
	}
	return v
}

// SetTicks sets explicit tick positions on x (or y); labels are formatted
// as matplotlib formats them. A nil slice keeps the automatic ticks.
func (a *Axes) SetTicks(xticks, yticks []float64) {
	if xticks != nil {
		a.X.Tick.Marker = FixedTicks(append([]float64(nil), xticks...), nil)
	}
	if yticks != nil {
		a.Y.Tick.Marker = FixedTicks(append([]float64(nil), yticks...), nil)
	}
}

// PNG renders the figure and returns the PNG bytes.
func (f *Figure) PNG() ([]byte, error) {
	if !(f.Width > 0) || !(f.Height > 0) || math.IsInf(f.Width, 0) || math.IsInf(f.Height, 0) {
		return nil, fmt.Errorf("plotting: figure size must be positive, got %g×%g inches", f.Width, f.Height)
	}
	if f.DPI <= 0 {
		return nil, fmt.Errorf("plotting: DPI must be positive, got %d", f.DPI)
	}
	if px := f.Width * f.Height * float64(f.DPI) * float64(f.DPI); px > maxPixels {
		return nil, fmt.Errorf("plotting: figure of %g×%g inches at %d DPI has %.3g pixels, more than %d", f.Width, f.Height, f.DPI, px, maxPixels)
	}
	w, h := vg.Length(f.Width)*vg.Inch, vg.Length(f.Height)*vg.Inch
	bg := f.Background
	if bg == nil {
		bg = color.White
	}
	cv := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(f.DPI), vgimg.UseBackgroundColor(bg))
	if err := f.draw(draw.New(cv)); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// BestSpeed: a third of the encoding time of the default level for files
	// about 20% larger (figures are flat colours, which compress well anyway).
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, cv.Image()); err != nil {
		return nil, fmt.Errorf("plotting: encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// SavePNG renders the figure to path. The file is written to a temporary
// name in the same directory and renamed into place, so a failed write never
// leaves a partial file.
func (f *Figure) SavePNG(path string) error {
	b, err := f.PNG()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, b)
}

// WriteFileAtomic writes data to path through a temporary file renamed into place.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("plotting: writing %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("plotting: writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("plotting: writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("plotting: writing %s: %w", path, err)
	}
	return nil
}

// draw lays the panels out and draws them and the suptitle.
func (f *Figure) draw(c draw.Canvas) (err error) {
	defer func() {
		// gonum/plot panics on some invalid states (e.g. a log axis over
		// negative values); report them as errors rather than crashing.
		if r := recover(); r != nil {
			err = fmt.Errorf("plotting: drawing figure: %v", r)
		}
	}()
	if len(f.axes) != f.rows*f.cols || f.rows == 0 {
		return errors.New("plotting: figure was not created with NewFigure")
	}
	panels := f.panels()
	W, H := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	top := H - layoutPad
	var sty text.Style
	if f.Title != "" {
		sty = titleStyle(titleSize)
		top = H*0.98 - size(sty)*lines(f.Title) - layoutPad/2
	}
	rects := f.layout(panels, W, top)
	for i, pn := range panels {
		if pn != nil {
			r := rects[i]
			r.Min = r.Min.Add(c.Min)
			r.Max = r.Max.Add(c.Min)
			pn.draw(c, r)
		}
	}
	if f.Title != "" {
		// Centred above the union of the data areas of the visible panels.
		lo, hi := vg.Length(math.Inf(1)), vg.Length(math.Inf(-1))
		for i, pn := range panels {
			if pn != nil {
				lo, hi = min(lo, rects[i].Min.X), max(hi, rects[i].Max.X)
			}
		}
		x := W / 2
		if lo < hi {
			x = (lo + hi) / 2
		}
		fillText(c, sty, vg.Point{X: c.Min.X + x, Y: c.Min.Y + H*0.98 - ascentFrac*size(sty) - (lines(f.Title)-1)*size(sty)}, f.Title, draw.XCenter)
	}
	return nil
}

func titleStyle(size vg.Length) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(SansFont, size),
		XAlign:  draw.XCenter,
		YAlign:  draw.YTop,
		Handler: plot.DefaultTextHandler,
	}
}

// layout places the data areas of the panels (nil for hidden ones) in a
// figure of width W whose panels must fit below top, as tight_layout: all
// data areas have the same size; each column is as far from its neighbours
// as the decorations (tick labels, labels, colour bars) of its panels need.
func (f *Figure) layout(panels []*panel, W, top vg.Length) []vg.Rectangle {
	pad := vg.Length(layoutPad)
	cellW := (W - 2*pad) / vg.Length(f.cols)
	cellH := (top - pad) / vg.Length(f.rows)
	w, h := 0.8*cellW, 0.8*cellH
	var left, right, bottom, up []vg.Length
	for pass := 0; pass < 2; pass++ {
		left, right = make([]vg.Length, f.cols), make([]vg.Length, f.cols)
		bottom, up = make([]vg.Length, f.rows), make([]vg.Length, f.rows)
		for i, pn := range panels {
			if pn == nil {
				continue
			}
			r, c := i/f.cols, i%f.cols
			in := pn.insets(w, h, 0.05*cellW)
			left[c], right[c] = max(left[c], in.l), max(right[c], in.r)
			bottom[r], up[r] = max(bottom[r], in.b), max(up[r], in.t)
		}
		w = (W - 2*pad - vg.Length(f.cols-1)*pad - sum(left) - sum(right)) / vg.Length(f.cols)
		h = (top - pad - vg.Length(f.rows-1)*pad - sum(bottom) - sum(up)) / vg.Length(f.rows)
		w, h = max(w, 1), max(h, 1)
	}
	rects := make([]vg.Rectangle, len(panels))
	y := top
	for r := range f.rows {
		y -= up[r]
		x := pad
		for c := range f.cols {
			x += left[c]
			rects[r*f.cols+c] = vg.Rectangle{Min: vg.Point{X: x, Y: y - h}, Max: vg.Point{X: x + w, Y: y}}
			x += w + right[c] + pad
		}
		y -= h + bottom[r] + pad
	}
	return rects
}

func sum(ls []vg.Length) vg.Length {
	var s vg.Length
	for _, l := range ls {
		s += l
	}
	return s
}
