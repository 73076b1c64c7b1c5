package plotting

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
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
type Figure struct {
	// Title is drawn centred above the grid of axes.
	Title string
	// Width and Height are the size of the figure in inches.
	Width, Height float64
	// DPI is the resolution of the PNG, in pixels per inch.
	DPI int
	// ShareX and ShareY give all axes the same x (y) range, and keep tick
	// labels only on the bottom row (left column), as plt.subplots(sharex=True).
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

// Axes is one panel of a figure. It embeds the gonum plot, whose title, axis
// labels, ranges and legend can be set directly; its methods add plot kinds.
type Axes struct {
	*plot.Plot
	// Aspect is the ratio of one y unit to one x unit on screen; 0 lets the
	// data fill the panel (matplotlib's 'auto'), 1 is matplotlib's 'equal'.
	Aspect float64
	// Grid draws grid lines at the major ticks (plt.grid(True)).
	Grid bool
	// Hidden leaves the panel blank (matplotlib's ax.axis('off') on an unused slot).
	Hidden bool
	// ShowLegend draws the legend of the plot.
	ShowLegend bool
	// Side, if set, is drawn in a strip at the right of the axes (a colour bar).
	Side SidePanel

	layers []layer
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

func newAxes() *Axes {
	p := plot.New()
	setFonts(p)
	p.X.Tick.Marker = AutoTicks{}
	p.Y.Tick.Marker = AutoTicks{}
	return &Axes{Plot: p}
}

func setFonts(p *plot.Plot) {
	p.Title.TextStyle.Font = font.From(SansFont, 12)
	p.X.Label.TextStyle.Font = font.From(SansFont, 10)
	p.Y.Label.TextStyle.Font = font.From(SansFont, 10)
	p.X.Tick.Label.Font = font.From(SansFont, 10)
	p.Y.Tick.Label.Font = font.From(SansFont, 10)
	p.Legend.TextStyle.Font = font.From(SansFont, 10)
	p.Title.Padding = vg.Points(6)
}

// add puts a plotter on the axes at drawing order z; the plot's ranges grow
// to include its data.
func (a *Axes) add(z float64, p plot.Plotter) {
	a.layers = append(a.layers, layer{z, p})
	if dr, ok := p.(plot.DataRanger); ok {
		xmin, xmax, ymin, ymax := dr.DataRange()
		a.X.Min = math.Min(a.X.Min, xmin)
		a.X.Max = math.Max(a.X.Max, xmax)
		a.Y.Min = math.Min(a.Y.Min, ymin)
		a.Y.Max = math.Max(a.Y.Max, ymax)
	}
}

// SetLimits sets the visible data range, as plt.axis([xmin, xmax, ymin, ymax]).
func (a *Axes) SetLimits(xmin, xmax, ymin, ymax float64) {
	a.X.Min, a.X.Max, a.Y.Min, a.Y.Max = xmin, xmax, ymin, ymax
}

// SetTicks sets explicit tick positions on x (or y); labels are formatted
// with %g unless given. A nil slice keeps the automatic ticks.
func (a *Axes) SetTicks(xticks, yticks []float64) {
	if xticks != nil {
		a.X.Tick.Marker = FixedTicks(xticks, nil)
	}
	if yticks != nil {
		a.Y.Tick.Marker = FixedTicks(yticks, nil)
	}
}

// snapshot returns a copy of the plot with the layers added in drawing
// order (the Axes itself is not changed, so a figure can be rendered twice).
func (a *Axes) snapshot() *plot.Plot {
	p := *a.Plot
	ls := append([]layer(nil), a.layers...)
	if a.Grid {
		ls = append(ls, layer{zGrid, gridLines()})
	}
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].z < ls[j].z })
	for _, l := range ls {
		p.Add(l.p)
	}
	// Add may have widened the ranges: restore the ones the user set.
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = a.X.Min, a.X.Max, a.Y.Min, a.Y.Max
	if !a.ShowLegend {
		p.Legend = plot.Legend{}
	}
	return &p
}

func gridLines() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = color.Gray{Y: 0xb0}
	g.Horizontal.Color = color.Gray{Y: 0xb0}
	g.Vertical.Width = vg.Points(0.8)
	g.Horizontal.Width = vg.Points(0.8)
	return g
}

// PNG renders the figure and returns the PNG bytes.
func (f *Figure) PNG() ([]byte, error) {
	if f.Width <= 0 || f.Height <= 0 || math.IsNaN(f.Width) || math.IsNaN(f.Height) {
		return nil, fmt.Errorf("plotting: figure size must be positive, got %g×%g inches", f.Width, f.Height)
	}
	if f.DPI <= 0 {
		return nil, fmt.Errorf("plotting: DPI must be positive, got %d", f.DPI)
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
	if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(&buf); err != nil {
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("plotting: writing %s: %w", path, err)
	}
	return nil
}

func (f *Figure) draw(c draw.Canvas) (err error) {
	defer func() {
		// gonum/plot panics on some invalid states (e.g. an empty log axis);
		// report them as errors rather than crashing the caller.
		if r := recover(); r != nil {
			err = fmt.Errorf("plotting: drawing figure: %v", r)
		}
	}()
	if len(f.axes) != f.rows*f.cols {
		return errors.New("plotting: figure was not created with NewFigure")
	}
	plots := make([]*plot.Plot, len(f.axes))
	for i, a := range f.axes {
		plots[i] = a.snapshot()
	}
	f.share(plots)

	pad := vg.Length(f.Height) * vg.Inch * 0.04
	top := pad
	if f.Title != "" {
		sty := titleStyle(14)
		hgt := sty.Height(f.Title)
		pt := vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y - pad*0.6}
		c.FillText(sty, pt, f.Title)
		top = pad*0.6 + hgt + pad*0.4
	}
	tiles := draw.Tiles{
		Rows: f.rows, Cols: f.cols,
		PadTop: top, PadBottom: pad * 0.5, PadLeft: pad * 0.5, PadRight: pad * 0.5,
		PadX: pad * 0.8, PadY: pad * 0.8,
	}
	for r := range f.rows {
		for col := range f.cols {
			i := r*f.cols + col
			a := f.axes[i]
			if a.Hidden {
				continue
			}
			a.drawIn(tiles.At(c, col, r), plots[i])
		}
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

// share unifies ranges and hides inner tick labels for shared axes.
func (f *Figure) share(plots []*plot.Plot) {
	if f.ShareX {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, p := range plots {
			if !f.axes[i].Hidden {
				lo, hi = math.Min(lo, p.X.Min), math.Max(hi, p.X.Max)
			}
		}
		for i, p := range plots {
			p.X.Min, p.X.Max = lo, hi
			if i/f.cols < f.rows-1 {
				p.X.Tick.Marker = noLabels{p.X.Tick.Marker}
				p.X.Label.Text = ""
			}
		}
	}
	if f.ShareY {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, p := range plots {
			if !f.axes[i].Hidden {
				lo, hi = math.Min(lo, p.Y.Min), math.Max(hi, p.Y.Max)
			}
		}
		for i, p := range plots {
			p.Y.Min, p.Y.Max = lo, hi
			if i%f.cols > 0 {
				p.Y.Tick.Marker = noLabels{p.Y.Tick.Marker}
				p.Y.Label.Text = ""
			}
		}
	}
}

// drawIn draws the axes' plot p into the cell c, leaving room for the side
// panel and honouring the aspect ratio.
func (a *Axes) drawIn(c draw.Canvas, p *plot.Plot) {
	var sideW, sidePad vg.Length
	if a.Side != nil {
		sideW = a.Side.Width()
		sidePad = (c.Max.X - c.Min.X) * 0.04
		c.Max.X -= sideW + sidePad
	}
	if a.Aspect > 0 {
		c = fitAspect(c, p, a.Aspect)
	}
	p.Draw(c)
	if a.Side != nil {
		dc := p.DataCanvas(c)
		sc := c
		sc.Min.X = dc.Max.X + sidePad
		sc.Max.X = sc.Min.X + sideW
		sc.Min.Y, sc.Max.Y = dc.Min.Y, dc.Max.Y
		a.Side.DrawSide(sc)
	}
}

// fitAspect shrinks c (centred) so that one y unit over one x unit on
// screen equals aspect in the data area of p.
func fitAspect(c draw.Canvas, p *plot.Plot, aspect float64) draw.Canvas {
	xr, yr := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
	if !(xr > 0) || !(yr > 0) {
		return c
	}
	dc := p.DataCanvas(c)
	w, h := float64(dc.Max.X-dc.Min.X), float64(dc.Max.Y-dc.Min.Y)
	if w <= 0 || h <= 0 {
		return c
	}
	// want (h/yr) / (w/xr) == aspect
	if wantW := h * xr / (yr * aspect); wantW < w {
		d := vg.Length((w - wantW) / 2)
		c.Min.X += d
		c.Max.X -= d
	} else {
		wantH := w * yr * aspect / xr
		d := vg.Length((h - wantH) / 2)
		c.Min.Y += d
		c.Max.Y -= d
	}
	return c
}
