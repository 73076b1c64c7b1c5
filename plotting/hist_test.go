package plotting

import (
	"math"
	"strings"
	"testing"
)

// numpyHistograms are numpy.histogram(data, bins, range, density) results
// from numpy 1.24, printed by testdata/gen_hist.py.
var numpyHistograms = []struct {
	name          string
	data          []float64
	opt           HistOptions
	counts, edges []float64
}{
	{"normal, 10 bins", []float64{-0.086, -0.429, -2.873, 3.245, 0.147, 1.312, 0.351, -0.72, 0.817, -2.118, 0.294, 0.564, -0.979, -1.001, 0.572, 0.592, -1.142, -1.441, 2.093, 0.513, 0.029, -1.168, -0.889, -0.558, -0.559, -0.573, 2.058, 0.578, -1.417, 0.466, -1.952, -0.86, -0.383, 0.884, -1.249, -0.095, 0.09, -1.503, -0.441, 0.881, -0.009, -0.759, -0.265, 0.278, -0.816, -1.782, 1.001, -0.09, -0.387, -0.355, 1.136, 0.11, 1.266, 1.847, -1.553, 0.285, 0.457, 2.235, 0.456, 1.282}, HistOptions{Bins: 10}, []float64{1.0, 3.0, 7.0, 12.0, 12.0, 12.0, 8.0, 1.0, 3.0, 1.0}, []float64{-2.873, -2.2612, -1.6494000000000002, -1.0376000000000003, -0.4258000000000002, 0.18599999999999994, 0.7977999999999996, 1.4096000000000002, 2.0214, 2.6331999999999995, 3.245}},
	{"normal, 7 bins over a range", []float64{-0.086, -0.429, -2.873, 3.245, 0.147, 1.312, 0.351, -0.72, 0.817, -2.118, 0.294, 0.564, -0.979, -1.001, 0.572, 0.592, -1.142, -1.441, 2.093, 0.513, 0.029, -1.168, -0.889, -0.558, -0.559, -0.573, 2.058, 0.578, -1.417, 0.466, -1.952, -0.86, -0.383, 0.884, -1.249, -0.095, 0.09, -1.503, -0.441, 0.881, -0.009, -0.759, -0.265, 0.278, -0.816, -1.782, 1.001, -0.09, -0.387, -0.355, 1.136, 0.11, 1.266, 1.847, -1.553, 0.285, 0.457, 2.235, 0.456, 1.282}, HistOptions{Bins: 7, Range: []float64{-1.0, 1.5}}, []float64{6.0, 8.0, 6.0, 7.0, 8.0, 5.0, 3.0}, []float64{-1.0, -0.6428571428571428, -0.2857142857142857, 0.0714285714285714, 0.4285714285714286, 0.7857142857142858, 1.1428571428571428, 1.5}},
	{"normal, explicit edges", []float64{-0.086, -0.429, -2.873, 3.245, 0.147, 1.312, 0.351, -0.72, 0.817, -2.118, 0.294, 0.564, -0.979, -1.001, 0.572, 0.592, -1.142, -1.441, 2.093, 0.513, 0.029, -1.168, -0.889, -0.558, -0.559, -0.573, 2.058, 0.578, -1.417, 0.466, -1.952, -0.86, -0.383, 0.884, -1.249, -0.095, 0.09, -1.503, -0.441, 0.881, -0.009, -0.759, -0.265, 0.278, -0.816, -1.782, 1.001, -0.09, -0.387, -0.355, 1.136, 0.11, 1.266, 1.847, -1.553, 0.285, 0.457, 2.235, 0.456, 1.282}, HistOptions{Edges: []float64{-3.0, -1.0, 0.0, 0.5, 2.0, 3.0}}, []float64{12.0, 19.0, 11.0, 14.0, 3.0}, []float64{-3.0, -1.0, 0.0, 0.5, 2.0, 3.0}},
	{"normal, density", []float64{-0.086, -0.429, -2.873, 3.245, 0.147, 1.312, 0.351, -0.72, 0.817, -2.118, 0.294, 0.564, -0.979, -1.001, 0.572, 0.592, -1.142, -1.441, 2.093, 0.513, 0.029, -1.168, -0.889, -0.558, -0.559, -0.573, 2.058, 0.578, -1.417, 0.466, -1.952, -0.86, -0.383, 0.884, -1.249, -0.095, 0.09, -1.503, -0.441, 0.881, -0.009, -0.759, -0.265, 0.278, -0.816, -1.782, 1.001, -0.09, -0.387, -0.355, 1.136, 0.11, 1.266, 1.847, -1.553, 0.285, 0.457, 2.235, 0.456, 1.282}, HistOptions{Bins: 5, Density: true}, []float64{0.054484036177400025, 0.2587991718426501, 0.3269042170644002, 0.12258908139915002, 0.05448403617740001}, []float64{-2.873, -1.6494000000000002, -0.4258000000000002, 0.7977999999999996, 2.0214, 3.245}},
	{"values on edges", []float64{0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.0}, HistOptions{Bins: 10}, []float64{1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0}, []float64{0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.0}},
	{"integers", []float64{0.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 4.0, 5.0}, HistOptions{Bins: 5}, []float64{1.0, 2.0, 3.0, 4.0, 2.0}, []float64{0.0, 1.0, 2.0, 3.0, 4.0, 5.0}},
	{"integers, 3 bins", []float64{0.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 4.0, 5.0}, HistOptions{Bins: 3}, []float64{3.0, 7.0, 2.0}, []float64{0.0, 1.6666666666666667, 3.3333333333333335, 5.0}},
	{"constant", []float64{2.0, 2.0, 2.0}, HistOptions{Bins: 4}, []float64{0.0, 0.0, 3.0, 0.0}, []float64{1.5, 1.75, 2.0, 2.25, 2.5}},
	{"exponential, 13 bins", []float64{49.25446830312622, -2.0649895373660723, 6.0750837297082345, 24.40062962452989, 23.29077684920017, 3.4412767239204327, -1.0570062851800275, 2.987985159367241, -1.087564352647319, 12.284366278250886, -0.3962845613194894, 9.414168808876452, 6.511227149634557, -1.3712342741053463, 9.39373345785215, 3.585029387036746, -1.1285998450927275, 11.83929675475309, 12.727693609984351, 4.028151439411461, -1.1062066252924034, -1.4286842833555784, 10.41436637858931, 1.3252801270169474, 2.668247552765665, -1.7278681053272453, 4.911091774716157, 5.905695492054926, 3.0855968964916793, 3.9108490279843875, -1.7649456225476525, 1.262323687427223, 4.117972477474714, 2.3626488251775446, 1.3050901817102174, -1.633730434368331, 11.042104688421848, 13.74529462098739, -0.3997042697315105, 6.8712000909835425}, HistOptions{Bins: 13}, []float64{15.0, 10.0, 6.0, 5.0, 1.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0}, []float64{-2.0649895373660723, 1.8826610657487195, 5.830311668863511, 9.777962271978303, 13.725612875093095, 17.673263478207886, 21.62091408132268, 25.56856468443747, 29.516215287552264, 33.46386589066705, 37.411516493781846, 41.359167096896634, 45.30681770001143, 49.25446830312622}},
	{"exponential, uneven edges, density", []float64{49.25446830312622, -2.0649895373660723, 6.0750837297082345, 24.40062962452989, 23.29077684920017, 3.4412767239204327, -1.0570062851800275, 2.987985159367241, -1.087564352647319, 12.284366278250886, -0.3962845613194894, 9.414168808876452, 6.511227149634557, -1.3712342741053463, 9.39373345785215, 3.585029387036746, -1.1285998450927275, 11.83929675475309, 12.727693609984351, 4.028151439411461, -1.1062066252924034, -1.4286842833555784, 10.41436637858931, 1.3252801270169474, 2.668247552765665, -1.7278681053272453, 4.911091774716157, 5.905695492054926, 3.0855968964916793, 3.9108490279843875, -1.7649456225476525, 1.262323687427223, 4.117972477474714, 2.3626488251775446, 1.3050901817102174, -1.633730434368331, 11.042104688421848, 13.74529462098739, -0.3997042697315105, 6.8712000909835425}, HistOptions{Edges: []float64{-2.1, 0.0, 0.3, 4.0, 10.0, 40.0}, Density: true}, []float64{0.14652014652014653, 0.0, 0.0693000693000693, 0.038461538461538464, 0.006837606837606838}, []float64{-2.1, 0.0, 0.3, 4.0, 10.0, 40.0}},
}

func TestHistogramNumpy(t *testing.T) {
	for _, c := range numpyHistograms {
		counts, edges, err := Histogram(c.data, c.opt)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		// Edges are computed as numpy.linspace computes them and counts by
		// the same comparisons, so both must agree to the last bit.
		if !equalFloats(edges, c.edges, 0) {
			t.Errorf("%s: edges\n got %v\nwant %v", c.name, edges, c.edges)
		}
		if !equalFloats(counts, c.counts, 1e-15) {
			t.Errorf("%s: counts\n got %v\nwant %v", c.name, counts, c.counts)
		}
	}
}

func equalFloats(a, b []float64, rel float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > rel*math.Abs(b[i]) {
			return false
		}
	}
	return true
}

func TestHistogramNaNIgnored(t *testing.T) {
	counts, edges, err := Histogram([]float64{math.NaN(), 0, 1, 1, math.NaN(), 2}, HistOptions{Bins: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !equalFloats(counts, []float64{1, 3}, 0) || !equalFloats(edges, []float64{0, 1, 2}, 0) {
		t.Errorf("counts %v edges %v, want [1 3] [0 1 2]", counts, edges)
	}
	// Infinite values are outside any explicit range.
	counts, _, err = Histogram([]float64{math.Inf(1), 0.5, math.Inf(-1)}, HistOptions{Bins: 1, Range: []float64{0, 1}})
	if err != nil || counts[0] != 1 {
		t.Errorf("with ±Inf outside the range: counts %v, err %v", counts, err)
	}
}

func TestHistogramErrors(t *testing.T) {
	data := []float64{1, 2, 3}
	for _, c := range []struct {
		data []float64
		opt  HistOptions
		want string
	}{
		{nil, HistOptions{Bins: 3}, "empty data"},
		{[]float64{}, HistOptions{Bins: 3}, "empty data"},
		{data, HistOptions{}, "Bins > 0 or Edges"},
		{data, HistOptions{Bins: -2}, "Bins = -2"},
		{data, HistOptions{Edges: []float64{0, 1, 1, 2}}, "edges must increase"},
		{data, HistOptions{Edges: []float64{0, 2, 1}}, "edges must increase"},
		{data, HistOptions{Edges: []float64{0}}, "at least 2 bin edges"},
		{data, HistOptions{Edges: []float64{0, math.NaN()}}, "must be finite"},
		{data, HistOptions{Bins: 2, Range: []float64{1}}, "range must be [lo, hi]"},
		{data, HistOptions{Bins: 2, Range: []float64{3, 1}}, "max must be larger than min"},
		{data, HistOptions{Bins: 2, Range: []float64{0, math.Inf(1)}}, "must be finite"},
		{[]float64{1, math.Inf(1)}, HistOptions{Bins: 2}, "contains +Inf"},
		{[]float64{math.NaN(), math.NaN()}, HistOptions{Bins: 2}, "no value that is not NaN"},
	} {
		_, _, err := Histogram(c.data, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Histogram(%v, %+v): error %v, want one containing %q", c.data, c.opt, err, c.want)
		}
		_, a := NewSingle()
		if _, _, err := a.Hist(c.data, c.opt); err == nil {
			t.Errorf("Hist(%v, %+v): no error", c.data, c.opt)
		}
		if len(a.layers) != 0 {
			t.Errorf("Hist(%v, %+v) failed but added a plot", c.data, c.opt)
		}
	}
	_, a := NewSingle()
	for _, opt := range []HistOptions{
		{Bins: 2, Histtype: "barstacked"},
		{Bins: 2, Style: Style{Alpha: 2}},
		{Bins: 2, Style: Style{Width: math.NaN()}},
		{Bins: 2, Style: Style{Marker: "*"}},
	} {
		if _, _, err := a.Hist(data, opt); err == nil {
			t.Errorf("Hist with %+v: no error", opt)
		}
	}
}

func TestHistReturnsAndRanges(t *testing.T) {
	_, a := NewSingle()
	counts, edges, err := a.Hist([]float64{1, 2, 2, 3, 3, 3, 4}, HistOptions{Bins: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !equalFloats(counts, []float64{1, 2, 4}, 0) || !equalFloats(edges, []float64{1, 2, 3, 4}, 0) {
		t.Errorf("counts %v edges %v", counts, edges)
	}
	// The counts returned are the caller's: changing them must not change the plot.
	counts[0] = 100
	x, y := a.axisData()
	// matplotlib: xlim (0.85, 4.15), ylim (0, 4.2) — the base line 0 is sticky.
	xlo, xhi := x.view()
	ylo, yhi := y.view()
	if !near(xlo, 0.85) || !near(xhi, 4.15) || ylo != 0 || !near(yhi, 4.2) {
		t.Errorf("view [%g, %g]×[%g, %g], want [0.85, 4.15]×[0, 4.2]", xlo, xhi, ylo, yhi)
	}
	// Histogram colours come from the line cycle: C0, then a line gets C1.
	if err := a.Line([]float64{0, 1}, []float64{0, 1}, Style{}); err != nil {
		t.Fatal(err)
	}
	if got := a.layers[1].p.(*linePlot).pen.line.Color; !sameColor(got, Tab10(1)) {
		t.Errorf("line after a histogram has colour %v, want C1", got)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
