package plotting

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestColorbarContourTicksMatchMatplotlib compares the automatic ticks of a
// contour colour bar, and the labels of its ticks, with matplotlib's
// fig.colorbar(cs).get_ticks() and tick label texts.
func TestColorbarContourTicksMatchMatplotlib(t *testing.T) {
	s := loadSamples(t)
	for _, cc := range s.Contour {
		fc, err := NewFilledContour([]float64{0, 1}, []float64{0, 1}, []float64{0, 0, 0, 0}, cc.Levels, MustCmap(cc.Cmap))
		if err != nil {
			t.Fatal(err)
		}
		_, a := NewSingle()
		cb := a.Colorbar(fc, nil, "")
		if a.Side != SidePanel(cb) {
			t.Fatal("Colorbar did not install the bar as the axes' side panel")
		}
		ts := cb.ticks(9)
		var vals []float64
		var labels []string
		for _, tk := range ts {
			vals = append(vals, tk.Value)
			labels = append(labels, tk.Label)
		}
		if !slices.EqualFunc(vals, cc.ColorbarTicks, func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }) {
			t.Errorf("levels %v: ticks %v, matplotlib %v", cc.Levels, vals, cc.ColorbarTicks)
		}
		if !slices.Equal(labels, cc.ColorbarLabels) {
			t.Errorf("levels %v: labels %q, matplotlib %q", cc.Levels, labels, cc.ColorbarLabels)
		}
	}
}

// TestColorbarGivenTicks: the notebook's ticks every fifth level, labels
// with the precision of the tick set, ticks outside the range dropped.
func TestColorbarGivenTicks(t *testing.T) {
	levels := arange(-30, 30, 1)
	fc, err := NewFilledContour([]float64{0, 1}, []float64{0, 1}, []float64{0, 0, 0, 0}, levels, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, a := NewSingle()
	cb := a.Colorbar(fc, []float64{-40, -30, -25, -20, -15, -10, -5, 0, 5, 10, 15, 20, 25, 30, 35}, "z")
	var labels []string
	for _, tk := range cb.ticks(9) {
		labels = append(labels, tk.Label)
	}
	want := []string{"−30", "−25", "−20", "−15", "−10", "−5", "0", "5", "10", "15", "20", "25", "30"}
	if !slices.Equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	cb = a.Colorbar(fc, []float64{-1, -0.5, 0, 0.5, 1}, "")
	labels = nil
	for _, tk := range cb.ticks(9) {
		labels = append(labels, tk.Label)
	}
	if want := []string{"−1.0", "−0.5", "0.0", "0.5", "1.0"}; !slices.Equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	cb.TickLabels = []string{"a", "b", "c", "d", "e"}
	cb.Ticks = []float64{-100, -0.5, 0, 0.5, 100}
	labels = nil
	for _, tk := range cb.ticks(9) {
		labels = append(labels, tk.Label)
	}
	if want := []string{"b", "c", "d"}; !slices.Equal(labels, want) {
		t.Errorf("custom labels %q, want %q", labels, want)
	}
	if cb = a.Colorbar(fc, []float64{}, ""); len(cb.ticks(9)) != 0 {
		t.Error("an empty tick list gave ticks")
	}
}

// TestColorbarPositions: uniform spacing of contour bands, linear for images.
func TestColorbarPositions(t *testing.T) {
	fc, err := NewFilledContour([]float64{0, 1}, []float64{0, 1}, []float64{0, 0, 0, 0}, []float64{0, 0.1, 0.5, 2, 10}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cb := &ColorBar{m: fc}
	for _, tc := range []struct{ v, want float64 }{{0, 0}, {0.1, 0.25}, {0.3, 0.375}, {2, 0.75}, {10, 1}} {
		if got, ok := cb.pos(tc.v); !ok || math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("contour pos(%v) = %v %v, want %v", tc.v, got, ok, tc.want)
		}
	}
	if _, ok := cb.pos(10.5); ok {
		t.Error("a value above the last level is on the bar")
	}
	_, a := NewSingle()
	im, err := a.Imshow([]float64{-2, 2}, 1, 2, ImshowOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cb = &ColorBar{m: im}
	if got, ok := cb.pos(1); !ok || got != 0.75 {
		t.Errorf("image pos(1) = %v %v", got, ok)
	}
	var vals []float64
	for _, tk := range cb.ticks(8) {
		vals = append(vals, tk.Value)
	}
	if want := []float64{-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}; !slices.Equal(vals, want) {
		t.Errorf("image ticks %v, want %v (matplotlib's for a bar of 8 bins)", vals, want)
	}
	if cb.Width() <= vg.Points(cbarTickLength) {
		t.Errorf("width %v", cb.Width())
	}
	// A constant image gets a widened range, as matplotlib's nonsingular.
	im, _ = a.Imshow([]float64{3, 3}, 1, 2, ImshowOptions{})
	if lo, hi, ok := (&ColorBar{m: im}).limits(); !ok || math.Abs(lo-2.7) > 1e-12 || math.Abs(hi-3.3) > 1e-12 {
		t.Errorf("constant image bar range %v %v", lo, hi)
	}
}

func TestColorbarNilMappable(t *testing.T) {
	_, a := NewSingle()
	cb := a.Colorbar(nil, nil, "x")
	if cb.Width() != 0 || cb.ticks(9) != nil {
		t.Error("a nil mappable has a width or ticks")
	}
	f, a := NewSingle()
	a.Colorbar(nil, nil, "x")
	if _, err := f.PNG(); err != nil {
		t.Errorf("rendering with a nil mappable: %v", err)
	}
}

func TestFixedLocator(t *testing.T) {
	for _, tc := range []struct {
		locs []float64
		want []float64
	}{
		{[]float64{1, 2, 3}, []float64{1, 2, 3}},
		{arange(0, 20, 1), []float64{0, 3, 6, 9, 12, 15, 18}},
		{arange(-5, 25, 1), []float64{-4, 0, 4, 8, 12, 16, 20, 24}},
	} {
		if got := fixedLocator(tc.locs, 10); !slices.Equal(got, tc.want) {
			t.Errorf("fixedLocator(%v) = %v, want %v", tc.locs, got, tc.want)
		}
	}
}

// TestColorbarImageGolden: a continuous bar with given ticks beside an image.
func TestColorbarImageGolden(t *testing.T) {
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	z := make([]float64, 0, 50*50)
	for r := range 50 {
		for c := range 50 {
			z = append(z, float64(c-r)/49)
		}
	}
	im, err := a.Imshow(z, 50, 50, ImshowOptions{Cmap: MustCmap("plasma"), Aspect: -1})
	if err != nil {
		t.Fatal(err)
	}
	a.Colorbar(im, []float64{-1, -0.5, 0, 0.5, 1}, "difference")
	checkGolden(t, "colorbar_image", f)
}
