package plotting

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	imgdraw "image/draw"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// ImshowOptions are the arguments of matplotlib's imshow that Imshow supports.
type ImshowOptions struct {
	// Cmap colours the values; nil is viridis (matplotlib's default).
	Cmap *Colormap
	// Vmin and Vmax are the values mapped to the first and last colour.
	// Both 0 means the minimum and maximum of the finite data; a NaN one is
	// taken from the data alone.
	Vmin, Vmax float64
	// Origin is "upper" (default: row 0 at the top) or "lower" (row 0 at the bottom).
	Origin string
	// Extent is nil or [left, right, bottom, top] in data units, the outer
	// edges of the image. By default pixel centres lie on integers:
	// [-0.5, cols-0.5, rows-0.5, -0.5] for origin "upper" (the y axis then
	// runs downwards, as in matplotlib) and [-0.5, cols-0.5, -0.5, rows-0.5]
	// for "lower". The axis limits are set to the extent; left > right or
	// bottom > top inverts that axis, as in matplotlib.
	Extent []float64
	// Aspect sets the axes' Aspect: 0 is matplotlib's "equal" (one x unit
	// as long as one y unit on screen), -1 is "auto" (fill the panel), a
	// positive value is that ratio of a y unit to an x unit.
	Aspect float64
}

// Image is a raster drawn by Imshow or ImshowRGB. It is drawn with
// nearest-neighbour pixels at the output resolution, so its pixels stay
// sharp; values that are NaN or infinite are transparent.
type Image struct {
	rows, cols int
	pix        []color.NRGBA // row-major, row 0 first
	upper      bool
	ext        [4]float64 // left, right, bottom, top
	cmap       *Colormap  // nil for an RGB image
	vmin, vmax float64
}

// Imshow draws z, a row-major rows×cols array (z[r*cols+c] is row r,
// column c), as matplotlib's imshow(z, cmap, vmin, vmax, origin, extent,
// aspect, interpolation='nearest'). Each value v is painted
// cmap(Normalize(vmin, vmax)(v), bytes=True).
func (a *Axes) Imshow(z []float64, rows, cols int, opt ImshowOptions) (*Image, error) {
	if rows <= 0 || cols <= 0 {
		return nil, fmt.Errorf("plotting: imshow needs a positive size, got %d×%d", rows, cols)
	}
	if rows*cols != len(z) {
		return nil, fmt.Errorf("plotting: imshow of %d×%d needs %d values, got %d", rows, cols, rows*cols, len(z))
	}
	vmin, vmax, err := imageLimits(z, opt.Vmin, opt.Vmax)
	if err != nil {
		return nil, err
	}
	cm := opt.Cmap.orDefault()
	im := &Image{rows: rows, cols: cols, cmap: cm, vmin: vmin, vmax: vmax, pix: make([]color.NRGBA, len(z))}
	for i, v := range z {
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			im.pix[i] = cm.Map(v, vmin, vmax)
		}
	}
	if err := a.placeImage(im, opt); err != nil {
		return nil, err
	}
	return im, nil
}

// ImshowRGB draws a colour image as matplotlib's imshow of an RGB(A) array,
// with origin "upper", nearest-neighbour pixels and aspect "equal". extent
// is nil or [left, right, bottom, top] as in ImshowOptions.
func (a *Axes) ImshowRGB(img image.Image, extent []float64) (*Image, error) {
	return a.ImshowRGBOpt(img, ImshowOptions{Extent: extent})
}

// ImshowRGBOpt is ImshowRGB with Origin, Extent and Aspect taken from opt
// (Cmap, Vmin and Vmax do not apply to colour images).
func (a *Axes) ImshowRGBOpt(img image.Image, opt ImshowOptions) (*Image, error) {
	if img == nil {
		return nil, errors.New("plotting: imshow of a nil image")
	}
	b := img.Bounds()
	if b.Empty() {
		return nil, fmt.Errorf("plotting: imshow of an empty image (%v)", b)
	}
	im := &Image{rows: b.Dy(), cols: b.Dx(), vmin: 0, vmax: 1, pix: make([]color.NRGBA, b.Dx()*b.Dy())}
	for r := range im.rows {
		for c := range im.cols {
			im.pix[r*im.cols+c] = color.NRGBAModel.Convert(img.At(b.Min.X+c, b.Min.Y+r)).(color.NRGBA)
		}
	}
	if err := a.placeImage(im, opt); err != nil {
		return nil, err
	}
	return im, nil
}

// RGBImage converts a row-major rows×cols×channels float array (channels 3
// for RGB or 4 for RGBA, values in [0, 1]) to an image as matplotlib does
// for imshow of such an array: values are clipped to [0, 1], multiplied by
// 255 and truncated. NaN becomes 0.
func RGBImage(data []float64, rows, cols, channels int) (*image.NRGBA, error) {
	if rows <= 0 || cols <= 0 {
		return nil, fmt.Errorf("plotting: RGB image needs a positive size, got %d×%d", rows, cols)
	}
	if channels != 3 && channels != 4 {
		return nil, fmt.Errorf("plotting: RGB image needs 3 or 4 channels, got %d", channels)
	}
	if len(data) != rows*cols*channels {
		return nil, fmt.Errorf("plotting: RGB image of %d×%d×%d needs %d values, got %d", rows, cols, channels, rows*cols*channels, len(data))
	}
	img := image.NewNRGBA(image.Rect(0, 0, cols, rows))
	for i := range rows * cols {
		px := img.Pix[4*i : 4*i+4]
		px[3] = 255
		for ch := range channels {
			v := data[i*channels+ch]
			if math.IsNaN(v) {
				v = 0
			}
			px[ch] = uint8(clip01(v) * 255)
		}
	}
	return img, nil
}

// imageLimits resolves Vmin/Vmax against the finite data.
func imageLimits(z []float64, vmin, vmax float64) (float64, float64, error) {
	if math.IsInf(vmin, 0) || math.IsInf(vmax, 0) {
		return 0, 0, fmt.Errorf("plotting: imshow limits must be finite, got vmin=%g vmax=%g", vmin, vmax)
	}
	auto := vmin == 0 && vmax == 0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range z {
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo > hi { // no finite data
		lo, hi = 0, 1
	}
	if auto || math.IsNaN(vmin) {
		vmin = lo
	}
	if auto || math.IsNaN(vmax) {
		vmax = hi
	}
	if vmin > vmax {
		return 0, 0, fmt.Errorf("plotting: imshow vmin %g is greater than vmax %g", vmin, vmax)
	}
	return vmin, vmax, nil
}

// placeImage validates the geometry options, then adds im to the axes and
// sets the limits, axis directions and aspect.
func (a *Axes) placeImage(im *Image, opt ImshowOptions) error {
	switch opt.Origin {
	case "", "upper":
		im.upper = true
	case "lower":
	default:
		return fmt.Errorf("plotting: imshow origin must be \"upper\" or \"lower\", got %q", opt.Origin)
	}
	switch {
	case opt.Extent == nil && im.upper:
		im.ext = [4]float64{-0.5, float64(im.cols) - 0.5, float64(im.rows) - 0.5, -0.5}
	case opt.Extent == nil:
		im.ext = [4]float64{-0.5, float64(im.cols) - 0.5, -0.5, float64(im.rows) - 0.5}
	case len(opt.Extent) != 4:
		return fmt.Errorf("plotting: imshow extent must be [left, right, bottom, top], got %d values", len(opt.Extent))
	default:
		for _, v := range opt.Extent {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("plotting: imshow extent must be finite, got %v", opt.Extent)
			}
		}
		copy(im.ext[:], opt.Extent)
		if im.ext[0] == im.ext[1] || im.ext[2] == im.ext[3] {
			return fmt.Errorf("plotting: imshow extent %v has zero width or height", opt.Extent)
		}
	}
	var aspect float64
	switch {
	case opt.Aspect == 0:
		aspect = 1
	case opt.Aspect == -1:
		aspect = 0
	case opt.Aspect > 0 && !math.IsInf(opt.Aspect, 0):
		aspect = opt.Aspect
	default:
		return fmt.Errorf("plotting: imshow aspect must be 0 (equal), -1 (auto) or positive, got %g", opt.Aspect)
	}
	a.add(zImage, im)
	a.Aspect = aspect
	a.X.Scale = directed(a.X.Scale, im.ext[0] > im.ext[1])
	a.Y.Scale = directed(a.Y.Scale, im.ext[2] > im.ext[3])
	return nil
}

// directed returns a linear scale, inverted or not; other scales (log) are kept.
func directed(s plot.Normalizer, inverted bool) plot.Normalizer {
	switch s.(type) {
	case nil, plot.LinearScale, plot.InvertedScale:
		if inverted {
			return plot.InvertedScale{Normalizer: plot.LinearScale{}}
		}
		return plot.LinearScale{}
	}
	return s
}

// Size returns the number of rows and columns of the image.
func (im *Image) Size() (rows, cols int) { return im.rows, im.cols }

// Extent returns [left, right, bottom, top] in data units.
func (im *Image) Extent() [4]float64 { return im.ext }

// Colormap returns the colormap of the image (viridis for an RGB image,
// whose colour bar, as in matplotlib, shows viridis from 0 to 1).
func (im *Image) Colormap() *Colormap { return im.cmap.orDefault() }

// Limits returns the values mapped to the ends of the colormap.
func (im *Image) Limits() (vmin, vmax float64) { return im.vmin, im.vmax }

func (im *Image) bands() ([]float64, []color.NRGBA) { return nil, nil }

// DataRange implements plot.DataRanger: the extent of the image.
func (im *Image) DataRange() (xmin, xmax, ymin, ymax float64) {
	return math.Min(im.ext[0], im.ext[1]), math.Max(im.ext[0], im.ext[1]),
		math.Min(im.ext[2], im.ext[3]), math.Max(im.ext[2], im.ext[3])
}

// Plot implements plot.Plotter. The image is resampled with nearest
// neighbours to the canvas's device pixels and clipped to the data area.
func (im *Image) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	xl, xr := trX(im.ext[0]), trX(im.ext[1])
	yb, yt := trY(im.ext[2]), trY(im.ext[3])
	rect := vg.Rectangle{Min: vg.Point{X: min(xl, xr), Y: min(yb, yt)}, Max: vg.Point{X: max(xl, xr), Y: max(yb, yt)}}
	pr, ok := snapRect(c, rect)
	if !ok {
		return
	}
	// Row 0 is at the top edge (extent's top) for origin upper, at the
	// bottom edge for origin lower; in canvas units either may be larger.
	y0, y1 := yt, yb
	if !im.upper {
		y0, y1 = yb, yt
	}
	cols := make([]int, pr.w())
	for i := range cols {
		x, _ := pr.centre(i, 0)
		cols[i] = cellIndex(float64((x-xl)/(xr-xl)), im.cols)
	}
	out := image.NewNRGBA(image.Rect(0, 0, pr.w(), pr.h()))
	for j := range pr.h() {
		_, y := pr.centre(0, j)
		r := cellIndex(float64((y-y0)/(y1-y0)), im.rows)
		if r < 0 {
			continue
		}
		row := im.pix[r*im.cols : (r+1)*im.cols]
		for i, col := range cols {
			if col >= 0 {
				out.SetNRGBA(i, j, row[col])
			}
		}
	}
	pr.draw(c, out)
}

// cellIndex returns floor(u·n), or -1 when u is outside [0, 1].
func cellIndex(u float64, n int) int {
	if !(u >= 0 && u <= 1) {
		return -1
	}
	return min(int(u*float64(n)), n-1)
}

// pixelRect is a rectangle of whole device pixels of a canvas, in dots from
// the canvas's bottom-left corner.
type pixelRect struct {
	dpi            float64
	x0, y0, x1, y1 int
}

// rasterDPI is the resolution used to rasterise images on canvases that do
// not report one (vector back ends).
const rasterDPI = 150

// canvasDPI returns the resolution of the canvas under c (gonum/plot nests
// draw.Canvas values, so it is unwrapped first).
func canvasDPI(c draw.Canvas) float64 {
	var cv vg.Canvas = c.Canvas
	for range 100 { // bounded: a canvas could wrap itself
		switch w := cv.(type) {
		case draw.Canvas:
			cv = w.Canvas
		case *draw.Canvas:
			cv = w.Canvas
		case interface{ DPI() float64 }:
			if d := w.DPI(); d > 0 {
				return d
			}
			return rasterDPI
		default:
			return rasterDPI
		}
	}
	return rasterDPI
}

// rasterTarget returns the image under a vgimg canvas, if c draws on one
// without a transform of its own.
func rasterTarget(c draw.Canvas) (imgdraw.Image, bool) {
	var cv vg.Canvas = c.Canvas
	for range 100 {
		switch w := cv.(type) {
		case draw.Canvas:
			cv = w.Canvas
		case *draw.Canvas:
			cv = w.Canvas
		case *vgimg.Canvas:
			return w.Image(), true
		default:
			return nil, false
		}
	}
	return nil, false
}

// snapRect returns the device pixels covering the part of r inside c,
// rounded to whole pixels; ok is false if nothing is visible.
func snapRect(c draw.Canvas, r vg.Rectangle) (pr pixelRect, ok bool) {
	pr.dpi = canvasDPI(c)
	dots := func(l vg.Length) int { return int(math.Round(l.Dots(pr.dpi))) }
	pr.x0 = dots(max(r.Min.X, c.Min.X))
	pr.x1 = dots(min(r.Max.X, c.Max.X))
	pr.y0 = dots(max(r.Min.Y, c.Min.Y))
	pr.y1 = dots(min(r.Max.Y, c.Max.Y))
	return pr, pr.x1 > pr.x0 && pr.y1 > pr.y0
}

func (pr pixelRect) w() int { return pr.x1 - pr.x0 }
func (pr pixelRect) h() int { return pr.y1 - pr.y0 }

func (pr pixelRect) length(d float64) vg.Length { return vg.Length(d/pr.dpi) * vg.Inch }

// centre returns the canvas position of the centre of pixel (i, j), i
// counted from the left and j from the top.
func (pr pixelRect) centre(i, j int) (x, y vg.Length) {
	return pr.length(float64(pr.x0+i) + 0.5), pr.length(float64(pr.y1-j) - 0.5)
}

// draw puts img, whose size is the rectangle's, on the canvas pixel for pixel.
// On a raster canvas the pixels are composited directly (the generic
// DrawImage path resamples through a scaling kernel even at 1:1, which cost
// a third of a contour figure's rendering time).
func (pr pixelRect) draw(c draw.Canvas, img image.Image) {
	if dst, ok := rasterTarget(c); ok && img.Bounds().Dx() == pr.w() && img.Bounds().Dy() == pr.h() {
		H := dst.Bounds().Dy()
		r := image.Rect(pr.x0, H-pr.y1, pr.x1, H-pr.y0).Add(dst.Bounds().Min)
		imgdraw.Draw(dst, r, img, img.Bounds().Min, imgdraw.Over)
		return
	}
	c.DrawImage(vg.Rectangle{
		Min: vg.Point{X: pr.length(float64(pr.x0)), Y: pr.length(float64(pr.y0))},
		Max: vg.Point{X: pr.length(float64(pr.x1)), Y: pr.length(float64(pr.y1))},
	}, img)
}
