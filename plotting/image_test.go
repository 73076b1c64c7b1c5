package plotting

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

// TestImshowPixels draws a 4×5 image on a 100×80 pixel data area and checks
// that each device pixel has exactly the colour of the data pixel under it
// (nearest neighbour, no blur), for both origins.
func TestImshowPixels(t *testing.T) {
	z := make([]float64, 20)
	for i := range z {
		z[i] = float64(i)
	}
	z[7] = math.NaN()
	cm := MustCmap("RdYlBu_r")
	for _, origin := range []string{"upper", "lower"} {
		_, a := NewSingle()
		im, err := a.Imshow(z, 4, 5, ImshowOptions{Cmap: cm, Origin: origin})
		if err != nil {
			t.Fatal(err)
		}
		xmin, xmax, ymin, ymax := im.DataRange()
		if xmin != -0.5 || xmax != 4.5 || ymin != -0.5 || ymax != 3.5 {
			t.Fatalf("DataRange %v %v %v %v", xmin, xmax, ymin, ymax)
		}
		pl := plot.New()
		pl.Y.Scale = a.Y.Scale
		_, inverted := a.Y.Scale.(plot.InvertedScale)
		if inverted != (origin == "upper") {
			t.Errorf("origin %s: y axis inverted = %v", origin, inverted)
		}
		cv := renderPlotterOn(t, pl, im, 100, 80, xmin, xmax, ymin, ymax)
		for py := range 80 {
			r := py / 20 // row from the top of the picture
			if origin == "lower" {
				r = 3 - r
			}
			for px := range 100 {
				c := px / 20
				want := cm.Map(z[r*5+c], 0, 19)
				if math.IsNaN(z[r*5+c]) {
					want = color.NRGBA{255, 255, 255, 255}
				}
				if got := pixel(cv, px, py); got != want {
					t.Fatalf("origin %s pixel (%d,%d): %v, want %v (row %d col %d)", origin, px, py, got, want, r, c)
				}
			}
		}
	}
}

// TestImshowExtentAspect checks extent, limits, axis direction and aspect.
func TestImshowExtentAspect(t *testing.T) {
	_, a := NewSingle()
	im, err := a.Imshow([]float64{1, 2, 3, 4, 5, 6}, 2, 3, ImshowOptions{Extent: []float64{0, 3, 10, 20}, Aspect: -1})
	if err != nil {
		t.Fatal(err)
	}
	if a.X.Min != 0 || a.X.Max != 3 || a.Y.Min != 10 || a.Y.Max != 20 {
		t.Errorf("limits %v %v %v %v", a.X.Min, a.X.Max, a.Y.Min, a.Y.Max)
	}
	if _, ok := a.Y.Scale.(plot.LinearScale); !ok {
		t.Errorf("y scale %T, want linear for bottom < top", a.Y.Scale)
	}
	if a.Aspect != 0 {
		t.Errorf("aspect auto gave %v", a.Aspect)
	}
	if vmin, vmax := im.Limits(); vmin != 1 || vmax != 6 {
		t.Errorf("limits %v %v", vmin, vmax)
	}
	if im.Colormap().Name != "viridis" {
		t.Errorf("default cmap %s", im.Colormap().Name)
	}
	_, a = NewSingle()
	im, err = a.Imshow([]float64{1, 2, math.Inf(1), math.NaN()}, 2, 2, ImshowOptions{Vmin: math.NaN(), Vmax: 10, Aspect: 2})
	if err != nil {
		t.Fatal(err)
	}
	if vmin, vmax := im.Limits(); vmin != 1 || vmax != 10 {
		t.Errorf("NaN vmin: limits %v %v", vmin, vmax)
	}
	if a.Aspect != 2 {
		t.Errorf("aspect %v", a.Aspect)
	}
	_, a = NewSingle()
	if _, err = a.Imshow([]float64{1, 2, 3, 4}, 2, 2, ImshowOptions{}); err != nil || a.Aspect != 1 {
		t.Errorf("default aspect %v (%v)", a.Aspect, err)
	}
}

func TestImshowErrors(t *testing.T) {
	z := []float64{1, 2, 3, 4, 5, 6}
	for _, tc := range []struct {
		name       string
		z          []float64
		rows, cols int
		opt        ImshowOptions
		want       string
	}{
		{"size", z, 2, 2, ImshowOptions{}, "needs 4 values, got 6"},
		{"zero rows", z, 0, 6, ImshowOptions{}, "positive size"},
		{"origin", z, 2, 3, ImshowOptions{Origin: "top"}, `"top"`},
		{"extent len", z, 2, 3, ImshowOptions{Extent: []float64{0, 1, 2}}, "got 3 values"},
		{"extent NaN", z, 2, 3, ImshowOptions{Extent: []float64{0, 1, math.NaN(), 2}}, "finite"},
		{"extent flat", z, 2, 3, ImshowOptions{Extent: []float64{0, 0, 1, 2}}, "zero width"},
		{"vmin > vmax", z, 2, 3, ImshowOptions{Vmin: 5, Vmax: 1}, "greater than vmax"},
		{"vmax inf", z, 2, 3, ImshowOptions{Vmax: math.Inf(1)}, "finite"},
		{"aspect", z, 2, 3, ImshowOptions{Aspect: -2}, "aspect"},
		{"aspect NaN", z, 2, 3, ImshowOptions{Aspect: math.NaN()}, "aspect"},
	} {
		_, a := NewSingle()
		_, err := a.Imshow(tc.z, tc.rows, tc.cols, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
	_, a := NewSingle()
	if _, err := a.ImshowRGB(nil, nil); err == nil {
		t.Error("no error for a nil image")
	}
	if _, err := a.ImshowRGB(image.NewNRGBA(image.Rect(0, 0, 0, 3)), nil); err == nil {
		t.Error("no error for an empty image")
	}
}

// TestRGBImage checks matplotlib's conversion of float RGB: clip, ×255, truncate.
func TestRGBImage(t *testing.T) {
	img, err := RGBImage([]float64{0.5, 0.999, 1.2, -0.1, 0.2, 0.3}, 1, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	// Values read back from matplotlib 3.6's imshow of the same array.
	if got := img.NRGBAAt(0, 0); got != (color.NRGBA{127, 254, 255, 255}) {
		t.Errorf("pixel 0 = %v", got)
	}
	if got := img.NRGBAAt(1, 0); got != (color.NRGBA{0, 51, 76, 255}) {
		t.Errorf("pixel 1 = %v", got)
	}
	if _, err := RGBImage(make([]float64, 5), 1, 2, 3); err == nil {
		t.Error("no error for a short array")
	}
	if _, err := RGBImage(make([]float64, 4), 1, 2, 2); err == nil {
		t.Error("no error for 2 channels")
	}
}

// imageTestData is a smooth 12×16 field with a NaN pixel.
func imageTestData() []float64 {
	z := make([]float64, 12*16)
	for r := range 12 {
		for c := range 16 {
			z[r*16+c] = math.Sin(float64(c)/3) * math.Cos(float64(r)/4) * 2
		}
	}
	z[3*16+4] = math.NaN()
	return z
}

func TestImshowGolden(t *testing.T) {
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	im, err := a.Imshow(imageTestData(), 12, 16, ImshowOptions{Cmap: MustCmap("RdBu_r"), Vmin: -2, Vmax: 2})
	if err != nil {
		t.Fatal(err)
	}
	a.Colorbar(im, nil, "value")
	a.Title.Text = "imshow"
	checkGolden(t, "imshow_upper", f)
}

func TestImshowLowerExtentGolden(t *testing.T) {
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	_, err := a.Imshow(imageTestData(), 12, 16, ImshowOptions{
		Cmap: MustCmap("gray"), Origin: "lower", Extent: []float64{-4, 4, 0, 3}, Aspect: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "imshow_lower_extent", f)
}

func TestImshowRGBGolden(t *testing.T) {
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	data := make([]float64, 0, 6*8*3)
	for r := range 6 {
		for c := range 8 {
			data = append(data, float64(c)/7, float64(r)/5, 0.5)
		}
	}
	img, err := RGBImage(data, 6, 8, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ImshowRGB(img, nil); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "imshow_rgb", f)
}
