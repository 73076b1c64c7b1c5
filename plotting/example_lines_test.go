package plotting_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"

	"github.com/receptive-go/receptive/plotting"
)

// A line plot with matplotlib's defaults: colours from the tab10 cycle, a
// dashed line with markers, a legend at the best place.
func ExampleAxes_Line() {
	fig, ax := plotting.NewSingle()
	fig.Width, fig.Height, fig.DPI = 4, 3, 80
	var x, sin, cos []float64
	for i := 0; i <= 40; i++ {
		v := float64(i) / 40 * 2 * math.Pi
		x, sin, cos = append(x, v), append(sin, math.Sin(v)), append(cos, math.Cos(v))
	}
	if err := ax.Line(x, sin, plotting.Style{Label: "sin"}); err != nil {
		fmt.Println(err)
	}
	if err := ax.Line(x, cos, plotting.Style{Label: "cos", Linestyle: "--", Marker: "o", MarkerSize: 3}); err != nil {
		fmt.Println(err)
	}
	ax.AxHLine(0, plotting.Style{Color: plotting.Tab10(7), Width: 0.8})
	ax.X.Label.Text = "phase"
	ax.ShowLegend = true
	b, err := fig.PNG()
	if err != nil {
		fmt.Println(err)
		return
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	fmt.Println(cfg.Width, cfg.Height, err)
	// Output: 320 240 <nil>
}

// Mean ± 1.96 standard deviations as a shaded band under the mean.
func ExampleAxes_FillBetween() {
	_, ax := plotting.NewSingle()
	x := []float64{0, 1, 2, 3}
	mean := []float64{1, 2, 1.5, 3}
	sd := []float64{0.2, 0.3, 0.2, 0.4}
	lo, hi := make([]float64, len(x)), make([]float64, len(x))
	for i := range x {
		lo[i], hi[i] = mean[i]-1.96*sd[i], mean[i]+1.96*sd[i]
	}
	fmt.Println(ax.Line(x, mean, plotting.Style{Label: "mean"}))
	fmt.Println(ax.FillBetween(x, lo, hi, plotting.Style{Alpha: 0.3, Label: "95%"}))
	fmt.Println(ax.FillBetween(x, lo, hi[:2], plotting.Style{}))
	// Output:
	// <nil>
	// <nil>
	// plotting: FillBetween: x, y1 and y2 must have the same length, got 4, 4 and 2
}

// Hist returns numpy.histogram's counts and edges, as plt.hist does.
func ExampleAxes_Hist() {
	_, ax := plotting.NewSingle()
	data := []float64{0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 5}
	counts, edges, err := ax.Hist(data, plotting.HistOptions{Bins: 5, Style: plotting.Style{Alpha: 0.5, Label: "data"}})
	fmt.Println(counts, edges, err)
	_, _, err = ax.Hist(data, plotting.HistOptions{})
	fmt.Println(err)
	// Output:
	// [1 2 3 4 2] [0 1 2 3 4 5] <nil>
	// plotting: histogram needs Bins > 0 or Edges, got Bins = 0
}

func ExampleHistogram() {
	counts, edges, _ := plotting.Histogram([]float64{0.5, 1.5, 1.5, 2.5, 7}, plotting.HistOptions{Edges: []float64{0, 1, 2, 4}, Density: true})
	fmt.Println(counts, edges)
	// Output: [0.25 0.5 0.125] [0 1 2 4]
}

// Bars centred on their x positions, 0.8 wide, from the base line 0.
func ExampleAxes_Bar() {
	fig, ax := plotting.NewSingle()
	fmt.Println(ax.Bar([]float64{1, 2, 3}, []float64{3, 1, 2}, 0, plotting.Style{}))
	fmt.Println(ax.Bar([]float64{1, 2, 3}, []float64{3, 1, 2}, math.NaN(), plotting.Style{}))
	ax.Text(2, 2.5, "note", 0)
	_, err := fig.PNG()
	fmt.Println(err)
	// Output:
	// <nil>
	// plotting: Bar: width must be finite and positive, got NaN
	// <nil>
}

func ExampleTab10() {
	for i := range 3 {
		c := plotting.Tab10(i)
		fmt.Printf("C%d #%02x%02x%02x\n", i, c.R, c.G, c.B)
	}
	// Output:
	// C0 #1f77b4
	// C1 #ff7f0e
	// C2 #2ca02c
}

// AutoTicks labels ticks as matplotlib: common precision, true minus sign.
func ExampleAutoTicks() {
	for _, r := range [][2]float64{{-1, 1}, {0, 100}} {
		var labels []string
		for _, t := range (plotting.AutoTicks{Bins: 4}).Ticks(r[0], r[1]) {
			labels = append(labels, t.Label)
		}
		fmt.Println(strings.Join(labels, " "))
	}
	// Output:
	// −1.0 −0.5 0.0 0.5 1.0
	// 0 25 50 75 100
}

// A 2×2 grid with a title above it and shared axes: inner panels keep
// their ticks but not their tick labels.
func ExampleNewFigure() {
	fig, err := plotting.NewFigure(2, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fig.Title = "Four panels"
	fig.ShareX, fig.ShareY = true, true
	for i, ax := range fig.Axes() {
		ax.Line([]float64{0, 1, 2}, []float64{0, float64(i), 0}, plotting.Style{})
	}
	fig.At(1, 1).Hidden = true
	_, err = fig.PNG()
	fmt.Println(err)
	_, err = plotting.NewFigure(0, 1)
	fmt.Println(err)
	// Output:
	// <nil>
	// plotting: figure needs at least one row and one column, got 0×1
}
