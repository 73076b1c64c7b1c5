package plotting

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// arange returns lo, lo+step, … up to hi inclusive (within rounding), as
// the notebook's np.arange(lo, hi+step/2, step) but computed as lo+i·step.
func arange(lo, hi, step float64) []float64 {
	n := int(math.Round((hi-lo)/step)) + 1
	out := make([]float64, n)
	for i := range out {
		out[i] = lo + float64(i)*step
	}
	return out
}

// gridZ evaluates f on meshgrid(x, y), row-major len(y)×len(x).
func gridZ(x, y []float64, f func(x, y float64) float64) []float64 {
	z := make([]float64, 0, len(x)*len(y))
	for _, yv := range y {
		for _, xv := range x {
			z = append(z, f(xv, yv))
		}
	}
	return z
}

// TestContourfBandColorsMatchMatplotlib compares the band colours with
// matplotlib's cs.cmap(cs.norm(cs.layers)), as painted by Agg (rounded).
func TestContourfBandColorsMatchMatplotlib(t *testing.T) {
	s := loadSamples(t)
	x, y := []float64{0, 1}, []float64{0, 1}
	for _, cc := range s.Contour {
		cm, err := Cmap(cc.Cmap)
		if err != nil {
			t.Fatal(err)
		}
		fc, err := NewFilledContour(x, y, []float64{0, 0, 0, 0}, cc.Levels, cm)
		if err != nil {
			t.Fatal(err)
		}
		got := fc.Colors()
		if len(got) != len(cc.Colors) {
			t.Fatalf("%s %v: %d bands, matplotlib %d", cc.Cmap, cc.Levels, len(got), len(cc.Colors))
		}
		for k, w := range cc.Colors {
			f := parseFloats(t, w)
			want := roundBytes([4]float64{f[0], f[1], f[2], f[3]})
			if got[k] != want {
				t.Errorf("%s levels %v band %d: %v, matplotlib %v", cc.Cmap, cc.Levels, k, got[k], want)
			}
		}
	}
}

// TestContourfBands checks matplotlib's band semantics (verified with
// contourf on plateaus): band k is (levels[k], levels[k+1]], the first band
// includes levels[0], values outside the levels are not filled.
func TestContourfBands(t *testing.T) {
	fc, err := NewFilledContour([]float64{0, 1}, []float64{0, 1}, []float64{0, 1, 2, 3}, []float64{0, 1, 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		v    float64
		band int
	}{
		{-1e-9, -1}, {0, 0}, {0.5, 0}, {1, 0}, {1 + 1e-12, 1}, {2, 1}, {2 + 1e-9, -1}, {math.NaN(), -1}, {math.Inf(1), -1},
	} {
		if got := fc.Band(tc.v); got != tc.band {
			t.Errorf("Band(%v) = %d, want %d", tc.v, got, tc.band)
		}
	}
	if fc.Colormap().Name != "viridis" {
		t.Errorf("default colormap %s", fc.Colormap().Name)
	}
}

func TestContourfErrors(t *testing.T) {
	x, y := []float64{0, 1, 2}, []float64{0, 1}
	z := []float64{0, 1, 2, 3, 4, 5}
	lv := []float64{0, 2, 5}
	nan := math.NaN()
	for _, tc := range []struct {
		name       string
		x, y, z, l []float64
		want       string
	}{
		{"short z", x, y, z[:5], lv, "got 5"},
		{"one x", x[:1], y, z[:2], lv, "at least 2 x"},
		{"one level", x, y, z, lv[:1], "at least 2 levels"},
		{"equal levels", x, y, z, []float64{0, 2, 2}, "strictly increasing"},
		{"decreasing levels", x, y, z, []float64{5, 2, 0}, "strictly increasing"},
		{"NaN level", x, y, z, []float64{0, nan, 5}, "level 1 is NaN"},
		{"NaN x", []float64{0, nan, 2}, y, z, lv, "x[1] is NaN"},
		{"Inf y", x, []float64{0, math.Inf(1)}, z, lv, "y[1] is +Inf"},
		{"unsorted x", []float64{0, 2, 1}, y, z, lv, "x must be strictly"},
	} {
		_, a := NewSingle()
		_, err := a.Contourf(tc.x, tc.y, tc.z, tc.l, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
	// NaN in z is allowed, and decreasing coordinates are reordered.
	_, a := NewSingle()
	fc, err := a.Contourf([]float64{2, 1, 0}, []float64{1, 0}, []float64{0, 1, nan, 3, 4, 5}, lv, nil)
	if err != nil {
		t.Fatal(err)
	}
	if xmin, xmax, ymin, ymax := fc.DataRange(); xmin != 0 || xmax != 2 || ymin != 0 || ymax != 1 {
		t.Errorf("DataRange = %v %v %v %v", xmin, xmax, ymin, ymax)
	}
	// z at (x=0, y=0) is the last value of z.
	if v := fc.value(0, 0, 0, 0); v != 5 {
		t.Errorf("reordered z(0,0) = %v, want 5", v)
	}
}

// renderPlotter draws p alone on a w×h pixel canvas at 72 DPI (one pixel
// per point) whose whole area is the data area, and returns the image.
func renderPlotter(t *testing.T, p plot.Plotter, w, h int, xmin, xmax, ymin, ymax float64) *vgimg.Canvas {
	t.Helper()
	return renderPlotterOn(t, plot.New(), p, w, h, xmin, xmax, ymin, ymax)
}

// renderPlotterOn is renderPlotter with the plot (and its axis scales) given.
func renderPlotterOn(t *testing.T, pl *plot.Plot, p plot.Plotter, w, h int, xmin, xmax, ymin, ymax float64) *vgimg.Canvas {
	t.Helper()
	pl.HideAxes()
	pl.X.Padding, pl.Y.Padding = 0, 0
	pl.Add(p)
	pl.X.Min, pl.X.Max, pl.Y.Min, pl.Y.Max = xmin, xmax, ymin, ymax
	cv := vgimg.NewWith(vgimg.UseWH(vg.Length(w), vg.Length(h)), vgimg.UseDPI(72), vgimg.UseBackgroundColor(color.White))
	pl.Draw(draw.New(cv))
	return cv
}

func pixel(cv *vgimg.Canvas, x, y int) color.NRGBA {
	return color.NRGBAModel.Convert(cv.Image().At(x, y)).(color.NRGBA)
}

// TestContourfPixels renders z = x on a 100×50 pixel data area and checks
// that every pixel has exactly its band's colour (no blur, no
// anti-aliasing) and that the band edges fall where z crosses a level.
func TestContourfPixels(t *testing.T) {
	x := arange(0, 10, 1)
	y := []float64{0, 5}
	z := gridZ(x, y, func(x, _ float64) float64 { return x })
	fc, err := NewFilledContour(x, y, z, []float64{0, 2.5, 5, 10}, MustCmap("RdBu"))
	if err != nil {
		t.Fatal(err)
	}
	// Axis limits narrower than the grid: x 1..9 on 80 pixels, y 0..5 on 50.
	cv := renderPlotter(t, fc, 80, 50, 1, 9, 0, 5)
	cols := fc.Colors()
	for px := range 80 {
		xv := 1 + (float64(px)+0.5)/10
		want := cols[fc.Band(xv)]
		for _, py := range []int{0, 25, 49} {
			if got := pixel(cv, px, py); got != want {
				t.Fatalf("pixel (%d,%d) at x=%.2f: %v, want %v", px, py, xv, got, want)
			}
		}
	}
}

// TestContourfNaNCorner checks the corner mask: a cell with one NaN corner
// keeps the triangle opposite to it.
func TestContourfNaNCorner(t *testing.T) {
	fc, err := NewFilledContour([]float64{0, 1}, []float64{0, 1}, []float64{math.NaN(), 1, 1, 1}, []float64{0, 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cv := renderPlotter(t, fc, 40, 40, 0, 1, 0, 1)
	white := color.NRGBA{255, 255, 255, 255}
	if got := pixel(cv, 5, 34); got != white { // near (0, 0): masked
		t.Errorf("masked corner painted %v", got)
	}
	if got := pixel(cv, 34, 5); got != fc.Colors()[0] { // near (1, 1)
		t.Errorf("opposite triangle painted %v, want %v", got, fc.Colors()[0])
	}
}

// notebookContour is the notebook's figure: z = -x1 - 2·x2 + 5 on
// [-8, 8]² step 0.1, filled with levels -30..30 step 1 in RdYlBu_r, the
// zero line x2 = (5-x1)/2 in black, a colour bar with every fifth level as
// ticks, a grid and limits [-8, 8, -8, 8].
func notebookContour(t *testing.T) *Figure {
	t.Helper()
	f, a := NewSingle()
	x := arange(-8, 8, 0.1)
	z := gridZ(x, x, func(x1, x2 float64) float64 { return -x1 - 2*x2 + 5 })
	levels := arange(-30, 30, 1)
	fc, err := a.Contourf(x, x, z, levels, MustCmap("RdYlBu_r"))
	if err != nil {
		t.Fatal(err)
	}
	line, err := plotter.NewLine(plotter.XYs{{X: -8, Y: 6.5}, {X: 8, Y: -1.5}})
	if err != nil {
		t.Fatal(err)
	}
	line.Color = color.Black
	line.Width = vg.Points(1.5)
	a.add(zLine, line)
	var ticks []float64
	for i := 0; i < len(levels); i += 5 {
		ticks = append(ticks, levels[i])
	}
	a.Colorbar(fc, ticks, "")
	a.Grid = true
	a.SetLimits(-8, 8, -8, 8)
	return f
}

func TestContourfNotebookGolden(t *testing.T) {
	checkGolden(t, "contourf_notebook", notebookContour(t))
}

// TestContourfSmallGolden: non-uniform levels, a NaN hole, a colour bar
// with automatic ticks and a label.
func TestContourfSmallGolden(t *testing.T) {
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	x := arange(-3, 3, 0.25)
	y := arange(-2, 2, 0.25)
	z := gridZ(x, y, func(x, y float64) float64 {
		if math.Hypot(x-1.5, y+0.5) < 0.4 {
			return math.NaN()
		}
		return math.Exp(-(x*x + y*y) / 2)
	})
	fc, err := a.Contourf(x, y, z, []float64{0, 0.05, 0.1, 0.2, 0.4, 0.7, 1}, MustCmap("viridis"))
	if err != nil {
		t.Fatal(err)
	}
	a.Colorbar(fc, nil, "density")
	a.Title.Text = "contourf"
	checkGolden(t, "contourf_small", f)
}

// TestContourfPNGDeterministic renders the notebook figure twice.
func TestContourfPNGDeterministic(t *testing.T) {
	f := notebookContour(t)
	a, err := f.PNG()
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.PNG()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("rendering twice gives different PNGs")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if sz := img.Bounds().Size(); sz.X != 640 || sz.Y != 480 {
		t.Errorf("size %v", sz)
	}
}
