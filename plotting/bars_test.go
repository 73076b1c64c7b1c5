package plotting

import (
	"image/color"
	"math"
	"strings"
	"testing"
)

func TestBarGolden(t *testing.T) {
	f, a := smallFigure()
	mustDo(t, a.Bar([]float64{1, 2, 3, 4, 5}, []float64{3, 1, 2, -1, 2.5}, 0, Style{Label: "default"}))
	mustDo(t, a.Bar([]float64{1.3, 2.3, 3.3}, []float64{1.5, 2, 0.5}, 0.3, Style{Color: Tab10(3), EdgeColor: color.Black, Alpha: 0.7, Label: "edged"}))
	a.Text(3.6, 2.6, "note", 0)
	a.Title.Text = "Bars"
	a.ShowLegend = true
	checkGolden(t, "bars", f)
}

func TestBarErrors(t *testing.T) {
	_, a := NewSingle()
	for _, c := range []struct {
		err  error
		want string
	}{
		{a.Bar([]float64{1, 2}, []float64{1}, 0, Style{}), "x has 2 values, heights has 1"},
		{a.Bar([]float64{1}, []float64{1}, math.NaN(), Style{}), "width must be finite and positive, got NaN"},
		{a.Bar([]float64{1}, []float64{1}, math.Inf(1), Style{}), "width must be finite"},
		{a.Bar([]float64{1}, []float64{1}, -0.5, Style{}), "got -0.5"},
		{a.Bar([]float64{1}, []float64{1}, 0, Style{Alpha: 3}), "alpha"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("error %v, want one containing %q", c.err, c.want)
		}
	}
	if len(a.layers) != 0 {
		t.Error("failed Bar calls added plots")
	}
	if err := a.Bar(nil, nil, 0, Style{}); err != nil {
		t.Errorf("Bar with no bars: %v", err)
	}
}

func TestBarGeometry(t *testing.T) {
	_, a := NewSingle()
	mustDo(t, a.Bar([]float64{1, 2}, []float64{3, -1}, 0, Style{}))
	b := a.layers[0].p.(*barPlot)
	if b.rects[0] != [4]float64{0.6, 1.4, 0, 3} || b.rects[1] != [4]float64{1.6, 2.4, 0, -1} {
		t.Errorf("bars %v, want centred, 0.8 wide, from 0", b.rects)
	}
	if _, ys := b.stickyEdges(); len(ys) != 1 || ys[0] != 0 {
		t.Errorf("sticky y %v, want [0]", ys)
	}
}

func TestHistGolden(t *testing.T) {
	f, a := smallFigure()
	var d1, d2 []float64
	for i := range 500 {
		// Deterministic normal samples: Box–Muller on a low-discrepancy sequence.
		u1 := math.Mod(float64(i)*0.6180339887+0.5, 1)
		u2 := math.Mod(float64(i)*0.4142135623+0.25, 1)
		v := math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
		d1 = append(d1, v)
		d2 = append(d2, 0.7*v+1.5)
	}
	_, _, err := a.Hist(d1, HistOptions{Bins: 20, Style: Style{Alpha: 0.5, Label: "first"}})
	mustDo(t, err)
	_, _, err = a.Hist(d2, HistOptions{Bins: 20, Style: Style{Alpha: 0.5, Label: "second"}})
	mustDo(t, err)
	_, _, err = a.Hist(d2, HistOptions{Bins: 12, Range: []float64{-3, 3}, Histtype: "step", Style: Style{Color: color.Black, Label: "step, range ±3"}})
	mustDo(t, err)
	a.X.Label.Text = "value"
	a.Y.Label.Text = "count"
	a.ShowLegend = true
	checkGolden(t, "hist_overlap", f)
}
