package plotting

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FilledContour is a set of filled contour bands drawn by Contourf.
//
// Band k covers the values in (levels[k], levels[k+1]], the first band
// also levels[0] itself, as matplotlib's contourf; values below levels[0],
// above the last level or NaN are left unfilled. Band k is painted
// cmap(Normalize(levels[0], levels[-1])(m)) with m the band's midpoint
// (levels[k]+levels[k+1])/2, as matplotlib's cs.cmap(cs.norm(cs.layers)).
//
// Band boundaries are found by bilinear interpolation of z inside each grid
// cell at the output resolution, so they are smooth lines (for z linear in
// x and y exactly matplotlib's); like matplotlib's contourf the bands are
// not anti-aliased. The grid is drawn with linear axes in mind.
type FilledContour struct {
	x, y   []float64 // increasing
	z      []float64 // row-major len(y)×len(x), reordered to match x and y
	levels []float64
	cmap   *Colormap
	colors []color.NRGBA
}

// Contourf draws filled contours of z over the grid meshgrid(x, y), as
// matplotlib's contourf(X, Y, Z, levels=levels, cmap=cmap): z is row-major
// len(y)×len(x), z[i*len(x)+j] the value at (x[j], y[i]). x and y must be
// strictly monotonic (increasing or decreasing), levels strictly increasing
// and at least two; z may hold NaN (left blank, as matplotlib's masked
// values: a grid cell with one NaN corner keeps its opposite triangle). A
// nil cmap is viridis. The axes' ranges grow to the grid's extent.
func (a *Axes) Contourf(x, y, z, levels []float64, cmap *Colormap) (*FilledContour, error) {
	fc, err := NewFilledContour(x, y, z, levels, cmap)
	if err != nil {
		return nil, err
	}
	a.add(zFill, fc)
	return fc, nil
}

// NewFilledContour returns the filled contours Contourf draws, without
// adding them to an axes (add them with the embedded plot's Add, or use
// them as the Mappable of a colour bar).
func NewFilledContour(x, y, z, levels []float64, cmap *Colormap) (*FilledContour, error) {
	nx, ny := len(x), len(y)
	if nx < 2 || ny < 2 {
		return nil, fmt.Errorf("plotting: contourf needs at least 2 x and 2 y values, got %d and %d", nx, ny)
	}
	if len(z) != nx*ny {
		return nil, fmt.Errorf("plotting: contourf z must have len(y)×len(x) = %d×%d = %d values, got %d", ny, nx, nx*ny, len(z))
	}
	xs, xrev, err := monotonic("x", x)
	if err != nil {
		return nil, err
	}
	ys, yrev, err := monotonic("y", y)
	if err != nil {
		return nil, err
	}
	if len(levels) < 2 {
		return nil, fmt.Errorf("plotting: filled contours need at least 2 levels, got %d", len(levels))
	}
	for i, l := range levels {
		if math.IsNaN(l) || math.IsInf(l, 0) {
			return nil, fmt.Errorf("plotting: contour level %d is %g; levels must be finite", i, l)
		}
		if i > 0 && !(l > levels[i-1]) {
			return nil, fmt.Errorf("plotting: contour levels must be strictly increasing, got %g after %g (level %d)", l, levels[i-1], i)
		}
	}
	zs := make([]float64, len(z))
	for i := range ny {
		si := i
		if yrev {
			si = ny - 1 - i
		}
		for j := range nx {
			sj := j
			if xrev {
				sj = nx - 1 - j
			}
			zs[i*nx+j] = z[si*nx+sj]
		}
	}
	fc := &FilledContour{x: xs, y: ys, z: zs, levels: append([]float64(nil), levels...), cmap: cmap.orDefault()}
	lo, hi := levels[0], levels[len(levels)-1]
	for k := range len(levels) - 1 {
		layer := 0.5 * (levels[k] + levels[k+1])
		fc.colors = append(fc.colors, fc.cmap.bandColor(Normalize(layer, lo, hi)))
	}
	return fc, nil
}

// monotonic checks that v is finite and strictly monotonic and returns it
// in increasing order, with whether it was reversed.
func monotonic(name string, v []float64) ([]float64, bool, error) {
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, false, fmt.Errorf("plotting: contourf %s[%d] is %g; coordinates must be finite", name, i, x)
		}
	}
	rev := v[1] < v[0]
	out := make([]float64, len(v))
	for i := range v {
		if rev {
			out[i] = v[len(v)-1-i]
		} else {
			out[i] = v[i]
		}
		if i > 0 && !(out[i] > out[i-1]) {
			return nil, false, fmt.Errorf("plotting: contourf %s must be strictly increasing or decreasing (at index %d)", name, i)
		}
	}
	return out, rev, nil
}

// Levels returns a copy of the contour levels.
func (fc *FilledContour) Levels() []float64 { return append([]float64(nil), fc.levels...) }

// Colors returns the colour of each band, len(levels)-1 of them.
func (fc *FilledContour) Colors() []color.NRGBA { return append([]color.NRGBA(nil), fc.colors...) }

// Colormap returns the colormap of the bands.
func (fc *FilledContour) Colormap() *Colormap { return fc.cmap }

// Limits returns the first and last level, the range of the colour scale.
func (fc *FilledContour) Limits() (vmin, vmax float64) {
	return fc.levels[0], fc.levels[len(fc.levels)-1]
}

func (fc *FilledContour) bands() ([]float64, []color.NRGBA) { return fc.levels, fc.colors }

// Band returns the index of the band v falls in, or -1 if v is not filled
// (NaN, below the first level or above the last).
func (fc *FilledContour) Band(v float64) int {
	l := fc.levels
	if !(v >= l[0] && v <= l[len(l)-1]) {
		return -1
	}
	if v == l[0] {
		return 0
	}
	return sort.SearchFloat64s(l, v) - 1 // first level >= v closes the band
}

// DataRange implements plot.DataRanger: the extent of the grid.
func (fc *FilledContour) DataRange() (xmin, xmax, ymin, ymax float64) {
	return fc.x[0], fc.x[len(fc.x)-1], fc.y[0], fc.y[len(fc.y)-1]
}

// cellPos locates a coordinate in the grid: the cell index k (v between
// g[k] and g[k+1]) and the fraction t along it; k is -1 outside the grid.
type cellPos struct {
	k int
	t float64
}

func locate(g []float64, v float64) cellPos {
	n := len(g)
	if !(v >= g[0] && v <= g[n-1]) {
		return cellPos{k: -1}
	}
	k := sort.SearchFloat64s(g, v) - 1
	k = min(max(k, 0), n-2)
	return cellPos{k, (v - g[k]) / (g[k+1] - g[k])}
}

// value returns z at fraction (tx, ty) of cell (i, j) (row i between y[i]
// and y[i+1]) by bilinear interpolation; NaN if it falls on a masked part.
func (fc *FilledContour) value(i, j int, tx, ty float64) float64 {
	nx := len(fc.x)
	z00, z01 := fc.z[i*nx+j], fc.z[i*nx+j+1]
	z10, z11 := fc.z[(i+1)*nx+j], fc.z[(i+1)*nx+j+1]
	nan := 0
	for _, v := range []float64{z00, z01, z10, z11} {
		if math.IsNaN(v) {
			nan++
		}
	}
	switch {
	case nan == 0:
		return (1-ty)*((1-tx)*z00+tx*z01) + ty*((1-tx)*z10+tx*z11)
	case nan > 1:
		return math.NaN()
	}
	// One masked corner: matplotlib (corner_mask=True) keeps the triangle
	// of the other three; interpolate linearly on it.
	switch {
	case math.IsNaN(z00): // triangle z01, z10, z11: tx+ty >= 1
		if tx+ty < 1 {
			return math.NaN()
		}
		return z11 + (1-tx)*(z10-z11) + (1-ty)*(z01-z11)
	case math.IsNaN(z11): // triangle z00, z01, z10: tx+ty <= 1
		if tx+ty > 1 {
			return math.NaN()
		}
		return z00 + tx*(z01-z00) + ty*(z10-z00)
	case math.IsNaN(z01): // triangle z00, z10, z11: ty >= tx
		if ty < tx {
			return math.NaN()
		}
		return z10 + tx*(z11-z10) + (1-ty)*(z00-z10)
	default: // z10 masked; triangle z00, z01, z11: ty <= tx
		if ty > tx {
			return math.NaN()
		}
		return z01 + (1-tx)*(z00-z01) + ty*(z11-z01)
	}
}

// Plot implements plot.Plotter, painting each device pixel of the visible
// part of the grid with the colour of its band.
func (fc *FilledContour) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	x0, x1 := fc.x[0], fc.x[len(fc.x)-1]
	y0, y1 := fc.y[0], fc.y[len(fc.y)-1]
	cx0, cx1 := trX(x0), trX(x1)
	cy0, cy1 := trY(y0), trY(y1)
	rect := vg.Rectangle{Min: vg.Point{X: min(cx0, cx1), Y: min(cy0, cy1)}, Max: vg.Point{X: max(cx0, cx1), Y: max(cy0, cy1)}}
	pr, ok := snapRect(c, rect)
	if !ok || cx0 == cx1 || cy0 == cy1 {
		return
	}
	// Canvas position to data coordinate (affine for linear axes).
	cols := make([]cellPos, pr.w())
	for i := range cols {
		x, _ := pr.centre(i, 0)
		cols[i] = locate(fc.x, x0+float64((x-cx0)/(cx1-cx0))*(x1-x0))
	}
	out := image.NewNRGBA(image.Rect(0, 0, pr.w(), pr.h()))
	for j := range pr.h() {
		_, y := pr.centre(0, j)
		row := locate(fc.y, y0+float64((y-cy0)/(cy1-cy0))*(y1-y0))
		if row.k < 0 {
			continue
		}
		for i, col := range cols {
			if col.k < 0 {
				continue
			}
			if b := fc.Band(fc.value(row.k, col.k, col.t, row.t)); b >= 0 {
				out.SetNRGBA(i, j, fc.colors[b])
			}
		}
	}
	pr.draw(c, out)
}
