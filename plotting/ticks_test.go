package plotting

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/plot"
)

// matplotlibTicks holds matplotlib's ticks for a view interval and a number
// of bins: MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10]) (the AutoLocator)
// and ScalarFormatter labels and offset text, from matplotlib 3.6.3 via
// testdata/gen_ticks.py.
var matplotlibTicks = []struct {
	lo, hi float64
	bins   int
	vals   []float64
	labels []string
	offset string
}{
	{-8, 8, 9, []float64{-8.0, -6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0}, []string{"−8", "−6", "−4", "−2", "0", "2", "4", "6", "8"}, ""},
	{0, 1, 9, []float64{0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0}, []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}, ""},
	{0, 100, 9, []float64{0.0, 20.0, 40.0, 60.0, 80.0, 100.0}, []string{"0", "20", "40", "60", "80", "100"}, ""},
	{-1, 1, 9, []float64{-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0}, []string{"−1.00", "−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"}, ""},
	{-8.8, 8.8, 9, []float64{-8.0, -6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0}, []string{"−8", "−6", "−4", "−2", "0", "2", "4", "6", "8"}, ""},
	{-0.05, 1.05, 9, []float64{0.0, 0.2, 0.4000000000000001, 0.6000000000000001, 0.8, 1.0000000000000002}, []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}, ""},
	{-5, 105, 9, []float64{0.0, 20.0, 40.0, 60.0, 80.0, 100.0}, []string{"0", "20", "40", "60", "80", "100"}, ""},
	{0.85, 4.15, 9, []float64{1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0}, []string{"1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0"}, ""},
	{0, 3.15, 9, []float64{0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0}, []string{"0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"}, ""},
	{-0.1, 2.1, 9, []float64{0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0}, []string{"0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50", "1.75", "2.00"}, ""},
	{4.725, 5.275, 9, []float64{4.8, 4.9, 5.0, 5.1000000000000005, 5.2}, []string{"4.8", "4.9", "5.0", "5.1", "5.2"}, ""},
	{2.835, 3.165, 9, []float64{2.85, 2.9000000000000004, 2.95, 3.0000000000000004, 3.0500000000000003, 3.1000000000000005, 3.1500000000000004}, []string{"2.85", "2.90", "2.95", "3.00", "3.05", "3.10", "3.15"}, ""},
	{-1.1, 1.1, 8, []float64{-1.0, -0.5, 0.0, 0.5, 1.0}, []string{"−1.0", "−0.5", "0.0", "0.5", "1.0"}, ""},
	{0, 1, 5, []float64{0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0}, []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}, ""},
	{0, 1, 4, []float64{0.0, 0.25, 0.5, 0.75, 1.0}, []string{"0.00", "0.25", "0.50", "0.75", "1.00"}, ""},
	{0, 0.001, 9, []float64{0.0, 0.0002, 0.0004, 0.0006000000000000001, 0.0008, 0.001}, []string{"0.0000", "0.0002", "0.0004", "0.0006", "0.0008", "0.0010"}, ""},
	{1000, 1001, 9, []float64{1000.0, 1000.2, 1000.4, 1000.6, 1000.8, 1001.0}, []string{"1000.0", "1000.2", "1000.4", "1000.6", "1000.8", "1001.0"}, ""},
	{-30, 30, 6, []float64{-30.0, -20.0, -10.0, 0.0, 10.0, 20.0, 30.0}, []string{"−30", "−20", "−10", "0", "10", "20", "30"}, ""},
	{0.3, 0.7, 3, []float64{0.4, 0.6000000000000001}, []string{"0.4", "0.6"}, ""},
	{-3.2, 1.2, 9, []float64{-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0}, []string{"−3.0", "−2.5", "−2.0", "−1.5", "−1.0", "−0.5", "0.0", "0.5", "1.0"}, ""},
	{17, 2300.0, 7, []float64{500.0, 1000.0, 1500.0, 2000.0}, []string{"500", "1000", "1500", "2000"}, ""},
	{1000000.0, 5000000.0, 9, []float64{1000000.0, 1500000.0, 2000000.0, 2500000.0, 3000000.0, 3500000.0, 4000000.0, 4500000.0, 5000000.0}, []string{"1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0"}, "1e6"},
	{0, 2e-05, 5, []float64{0.0, 4.9999999999999996e-06, 9.999999999999999e-06, 1.4999999999999999e-05, 1.9999999999999998e-05}, []string{"0.0", "0.5", "1.0", "1.5", "2.0"}, "1e−5"},
	{-0.2, 1.4, 1, []float64{0.0, 1.0}, []string{"0", "1"}, ""},
	{123.456, 123.789, 9, []float64{123.5, 123.55000000000001, 123.6, 123.65, 123.7, 123.75}, []string{"123.50", "123.55", "123.60", "123.65", "123.70", "123.75"}, ""},
}

func TestAutoTicksMatplotlib(t *testing.T) {
	for _, c := range matplotlibTicks {
		at := AutoTicks{Bins: c.bins}
		ts := at.Ticks(c.lo, c.hi)
		var vals []float64
		var labels []string
		for _, tk := range ts {
			vals = append(vals, tk.Value)
			labels = append(labels, tk.Label)
		}
		if len(vals) != len(c.vals) {
			t.Errorf("[%g, %g] bins %d: ticks %v, matplotlib %v", c.lo, c.hi, c.bins, vals, c.vals)
			continue
		}
		for i := range vals {
			if math.Abs(vals[i]-c.vals[i]) > 1e-12*math.Max(1, math.Abs(c.vals[i])) {
				t.Errorf("[%g, %g] bins %d: ticks %v, matplotlib %v", c.lo, c.hi, c.bins, vals, c.vals)
				break
			}
		}
		if !slices.Equal(labels, c.labels) {
			t.Errorf("[%g, %g] bins %d: labels %q, matplotlib %q", c.lo, c.hi, c.bins, labels, c.labels)
		}
		if got := at.multiplier(c.lo, c.hi); got != c.offset {
			t.Errorf("[%g, %g] bins %d: offset text %q, matplotlib %q", c.lo, c.hi, c.bins, got, c.offset)
		}
	}
}

func tickValues(ts []plot.Tick) []float64 {
	var v []float64
	for _, t := range ts {
		v = append(v, t.Value)
	}
	return v
}

func TestAutoTicksBrief(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   []float64
	}{
		{-8, 8, []float64{-8, -6, -4, -2, 0, 2, 4, 6, 8}},
		{0, 1, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{0, 100, []float64{0, 20, 40, 60, 80, 100}},
	} {
		got := tickValues(AutoTicks{}.Ticks(c.lo, c.hi))
		if len(got) != len(c.want) {
			t.Fatalf("[%g, %g]: %v, want %v", c.lo, c.hi, got, c.want)
		}
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 1e-12 {
				t.Fatalf("[%g, %g]: %v, want %v", c.lo, c.hi, got, c.want)
			}
		}
	}
	var labels []string
	for _, tk := range (AutoTicks{Bins: 4}).Ticks(-1, 1) {
		labels = append(labels, tk.Label)
	}
	if want := []string{"−1.0", "−0.5", "0.0", "0.5", "1.0"}; !slices.Equal(labels, want) {
		t.Errorf("labels on [−1, 1]: %q, want %q", labels, want)
	}
}

func TestAutoTicksDegenerate(t *testing.T) {
	for _, r := range [][2]float64{{0, 0}, {3, 3}, {math.NaN(), 1}, {0, math.Inf(1)}, {1, 0}, {-1e300, 1e300}, {5e-324, 1e-323}} {
		ts := AutoTicks{}.Ticks(r[0], r[1]) // must not panic or loop
		for _, tk := range ts {
			if math.IsNaN(tk.Value) {
				t.Errorf("[%g, %g]: NaN tick", r[0], r[1])
			}
		}
	}
	if got := tickValues(AutoTicks{}.Ticks(1, 0)); len(got) != 6 {
		t.Errorf("reversed range [1, 0]: %v", got)
	}
}

func TestFixedTicksLabels(t *testing.T) {
	for _, c := range []struct {
		vals []float64
		want []string
	}{
		{[]float64{-1, -0.5, 0, 0.5, 1}, []string{"−1.0", "−0.5", "0.0", "0.5", "1.0"}},
		{[]float64{-30, -15, 0, 15, 30}, []string{"−30", "−15", "0", "15", "30"}},
		{[]float64{0, 0.123456, 1}, []string{"0.000", "0.123", "1.000"}}, // matplotlib: 0.000 0.123 1.000
		{[]float64{-1e-20, 1}, []string{"0", "1"}},                       // matplotlib set_xticks([-1e-20, 1]): "0", "1"
		{[]float64{2e6, 4e6}, []string{"2e6", "4e6"}},
		{[]float64{0.25}, []string{"0.25"}},
		{nil, []string{}},
	} {
		ts := FixedTicks(c.vals, nil).Ticks(-100, 100)
		got := []string{}
		for _, tk := range ts {
			got = append(got, tk.Label)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("FixedTicks(%v): %q, want %q", c.vals, got, c.want)
		}
	}
	ts := FixedTicks([]float64{1, 2, 3}, []string{"a", "b"}).Ticks(0, 4)
	if ts[0].Label != "a" || ts[1].Label != "b" || ts[2].Label != "" {
		t.Errorf("explicit labels: %+v", ts)
	}
}

// A tick that arange leaves at −2.2e−16 among ticks −1 … 1 is labelled "0.0",
// as matplotlib labels the colour bar of np.arange(-1, 1.1, 0.1)[::5].
func TestRoundingZeroTickLabel(t *testing.T) {
	ts := labelled([]float64{-1, -0.5, -2.220446049250313e-16, 0.5, 1}, nil)
	if ts[2].Label != "0.0" {
		t.Errorf("label of −2.2e−16 among ±1 = %q, want \"0.0\"", ts[2].Label)
	}
	if ts[0].Label != "\u22121.0" {
		t.Errorf("label of −1 = %q, want \"−1.0\"", ts[0].Label)
	}
}
