package plotting

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// smallFigure is a 4×3 in figure at 80 DPI, to keep golden images small.
func smallFigure() (*Figure, *Axes) {
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	return f, a
}

// wave returns n+1 points of amp·sin(k·x) for x over [0, 2π].
func wave(n int, k, amp, phase float64) (x, y []float64) {
	for i := 0; i <= n; i++ {
		v := float64(i) / float64(n) * 2 * math.Pi
		x = append(x, v)
		y = append(y, amp*math.Sin(k*v+phase))
	}
	return x, y
}

// scatterData is a deterministic cloud of points (no random generator).
func scatterData(n int, sx, sy, dy float64) (x, y []float64) {
	for i := range n {
		t := float64(i)
		x = append(x, sx*math.Sin(t*2.399)*math.Sqrt(t/float64(n)))
		y = append(y, sy*math.Cos(t*2.399)*math.Sqrt(t/float64(n))+dy)
	}
	return x, y
}

func TestLineGolden(t *testing.T) {
	f, a := smallFigure()
	x, s := wave(60, 1, 1, 0)
	_, c := wave(30, 1, 1, math.Pi/2)
	xc, _ := wave(30, 1, 1, 0)
	mustDo(t, a.Line(x, s, Style{Label: "sin"}))
	mustDo(t, a.Line(xc, c, Style{Label: "cos", Linestyle: "--", Marker: "o", MarkerSize: 4}))
	mustDo(t, a.Line([]float64{2, 2.5, math.NaN(), 3.5, 4}, []float64{0.1, 0.3, 0, 0.3, 0.1}, Style{Label: "NaN gap", Dashes: []float64{6, 2, 1, 2}, Width: 2, Marker: "s"}))
	a.Title.Text = "Line"
	a.X.Label.Text = "x"
	a.Y.Label.Text = "y"
	a.ShowLegend = true
	checkGolden(t, "lines_line", f)
}

func TestScatterGolden(t *testing.T) {
	f, a := smallFigure()
	x, y := scatterData(60, 2, 1, 0)
	mustDo(t, a.Scatter(x, y, Style{Label: "circles"}))
	mustDo(t, a.Scatter(y, x, Style{Marker: "^", Alpha: 0.5, MarkerSize: 8, Label: "triangles"}))
	mustDo(t, a.Scatter([]float64{-1.5, -1, -0.5}, []float64{1.8, 1.8, 1.8}, Style{Marker: "x", Color: color.Black, Label: "crosses"}))
	a.ShowLegend = true
	checkGolden(t, "lines_scatter", f)
}

func TestRefLinesGolden(t *testing.T) {
	f, a := smallFigure()
	x, y := wave(60, 2, 3, 0)
	mustDo(t, a.Line(x, y, Style{}))
	a.AxHLine(0, Style{Color: color.Black, Width: 0.8})
	a.AxHLine(4, Style{Color: Tab10(3), Linestyle: "--", Label: "threshold"}) // extends the y range, as matplotlib
	a.AxVLine(math.Pi, Style{Color: color.Gray{Y: 128}, Linestyle: ":"})
	a.AxVLine(-1, Style{}) // C0; widens the x range to −1 as matplotlib's axvline does
	a.Text(0.3, 3.3, "axhline(4)", 9)
	a.ShowLegend = true
	a.Grid = true
	checkGolden(t, "lines_refs", f)
}

func TestErrorBarGolden(t *testing.T) {
	f, a := smallFigure()
	xs := []float64{1, 2, 3, 4, 5}
	ys := []float64{1.2, 1.9, 3.2, 3.8, 5.1}
	es := []float64{0.3, 0.2, 0.5, 0.3, 0.4}
	mustDo(t, a.ErrorBar(xs, ys, es, Style{Label: "mean ± sem"}))
	mustDo(t, a.ErrorBar([]float64{1.5, 2.5, 3.5, 4.5}, []float64{4, 3, 2, 1}, []float64{0.2, 0.4, 0, math.NaN()}, Style{Marker: "s", Linestyle: "none", Label: "markers only"}))
	a.X.Label.Text = "trial"
	a.ShowLegend = true
	checkGolden(t, "lines_errorbar", f)
}

func TestFillBetweenGolden(t *testing.T) {
	f, a := smallFigure()
	x, m := wave(40, 1, 1, 0)
	var lo, hi []float64
	for i, v := range m {
		sd := 0.1 + 0.1*math.Abs(math.Cos(x[i]))
		lo, hi = append(lo, v-1.96*sd), append(hi, v+1.96*sd)
	}
	lo[20] = math.NaN() // splits the band
	mustDo(t, a.Line(x, m, Style{Label: "mean"}))
	mustDo(t, a.FillBetween(x, lo, hi, Style{Alpha: 0.3, Label: "mean ± 1.96 sd"}))
	a.ShowLegend = true
	a.Grid = true
	checkGolden(t, "lines_fill", f)
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLinesErrors(t *testing.T) {
	_, a := NewSingle()
	two, three := []float64{0, 1}, []float64{0, 1, 2}
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"Line lengths", a.Line(two, three, Style{}), "x has 2 values, y has 3"},
		{"Line alpha", a.Line(two, two, Style{Alpha: 1.5}), "alpha"},
		{"Line width", a.Line(two, two, Style{Width: math.NaN()}), "width"},
		{"Line marker", a.Line(two, two, Style{Marker: "*"}), "unknown marker"},
		{"Line linestyle", a.Line(two, two, Style{Linestyle: "~"}), "unknown linestyle"},
		{"Line dashes", a.Line(two, two, Style{Dashes: []float64{1, -1}}), "dash lengths"},
		{"Line marker size", a.Line(two, two, Style{MarkerSize: -1}), "marker size"},
		{"Scatter lengths", a.Scatter(three, two, Style{}), "x has 3 values, y has 2"},
		{"ErrorBar lengths", a.ErrorBar(two, three, nil, Style{}), "x has 2 values"},
		{"ErrorBar yerr length", a.ErrorBar(two, two, three, Style{}), "yerr has 3 values, y has 2"},
		{"ErrorBar negative", a.ErrorBar(two, two, []float64{0.1, -0.1}, Style{}), "yerr[1] = -0.1"},
		{"ErrorBar Inf", a.ErrorBar(two, two, []float64{math.Inf(1), 0}, Style{}), "yerr[0] = +Inf"},
		{"FillBetween lengths", a.FillBetween(two, two, three, Style{}), "same length"},
		{"FillBetween style", a.FillBetween(two, two, two, Style{Alpha: -1}), "alpha"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, c.err, c.want)
		}
	}
	if len(a.layers) != 0 || a.lineCycle != 0 || a.patchCycle != 0 {
		t.Errorf("failed calls added %d plots or advanced the colour cycles", len(a.layers))
	}
	// Empty data is not an error (plt.plot([], [])).
	for _, err := range []error{a.Line(nil, nil, Style{}), a.Scatter([]float64{}, []float64{}, Style{}), a.FillBetween(nil, nil, nil, Style{}), a.ErrorBar(nil, nil, nil, Style{})} {
		if err != nil {
			t.Errorf("empty data: %v", err)
		}
	}
}

// TestNoPanics renders every plot kind with hostile data.
func TestNoPanics(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	bad := []float64{nan, inf, -inf, 0, 1e308, -1e308, nan}
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 2, 2, 40
	a.Line(bad, bad, Style{Marker: "o"})
	a.Scatter(bad, bad, Style{})
	a.ErrorBar(bad, bad, []float64{0, 0, 0, 0, 1e308, 0, nan}, Style{})
	a.FillBetween(bad, bad, bad, Style{})
	a.Bar(bad, bad, 0, Style{})
	a.Hist(bad, HistOptions{Bins: 3, Range: []float64{-1, 1}})
	a.AxHLine(nan, Style{Alpha: nan, Width: -3, Marker: "?"})
	a.AxVLine(inf, Style{})
	a.Text(nan, inf, "x", nan)
	a.ShowLegend = true
	if _, err := f.PNG(); err != nil {
		t.Errorf("rendering hostile data: %v", err)
	}
	g, b := NewSingle()
	g.Width, g.Height, g.DPI = 2, 2, 40
	b.Line([]float64{nan, nan}, []float64{nan, nan}, Style{Label: "all NaN"})
	b.ShowLegend, b.Grid = true, true
	if _, err := g.PNG(); err != nil {
		t.Errorf("rendering only NaNs: %v", err)
	}
}

func TestRunsBreakAtNaN(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 10, 0, 10
	c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 100, Y: 100}}}
	nan := math.NaN()
	rs := runs(c, p, []float64{0, 1, 2, nan, 4, 5, 6, 7, math.Inf(1), 9}, []float64{0, 1, 2, 3, 4, nan, 6, 7, 8, 9})
	var lens []int
	for _, r := range rs {
		lens = append(lens, len(r))
	}
	if len(lens) != 4 || lens[0] != 3 || lens[1] != 1 || lens[2] != 2 || lens[3] != 1 {
		t.Errorf("runs of finite points: lengths %v, want [3 1 2 1]", lens)
	}
}

func TestStyleResolve(t *testing.T) {
	p := Style{}.resolve(Tab10(2))
	if p.line.Width != 1.5 || p.markerSize != 6 || p.marker != "" || p.line.Dashes != nil || !sameColor(p.line.Color, Tab10(2)) {
		t.Errorf("zero Style: %+v", p)
	}
	p = Style{Linestyle: "--", Width: 2, Alpha: 0.5, Color: color.Black}.resolve(Tab10(2))
	if len(p.line.Dashes) != 2 || p.line.Dashes[0] != 7.4 || p.line.Dashes[1] != 3.2 {
		t.Errorf("'--' at width 2: dashes %v, want matplotlib's [7.4 3.2]", p.line.Dashes)
	}
	if c := p.line.Color.(color.NRGBA); c.A != 128 || c.R != 0 {
		t.Errorf("black at alpha 0.5: %v", c)
	}
	if p := (Style{Linestyle: "none", Dashes: []float64{6, 6}}).resolve(nil); p.line.Width != 0 {
		t.Error("linestyle none still draws a line")
	}
	if p := (Style{Dashes: []float64{6, 6}, Width: 3}).resolve(nil); p.line.Dashes[0] != 6 {
		t.Errorf("explicit dashes are scaled: %v", p.line.Dashes)
	}
}

// The legend lists plain artists first and containers (bars, error bars)
// after them, in the order they were added, as matplotlib does; labels
// starting with "_" are left out.
func TestLegendOrder(t *testing.T) {
	_, a := NewSingle()
	xy := []float64{0, 1}
	a.Bar(xy, xy, 0, Style{Label: "bar"})
	a.ErrorBar(xy, xy, nil, Style{Label: "errorbar"})
	a.Line(xy, xy, Style{Label: "line"})
	a.Line(xy, xy, Style{Label: "_hidden"})
	a.Line(xy, xy, Style{})
	a.Hist(xy, HistOptions{Bins: 2, Style: Style{Label: "hist"}})
	a.FillBetween(xy, xy, xy, Style{Label: "fill"})
	var got []string
	for _, e := range a.legendEntries() {
		got = append(got, e.legendLabel())
	}
	if strings.Join(got, ",") != "line,hist,fill,bar,errorbar" {
		t.Errorf("legend order %v, want [line hist fill bar errorbar]", got)
	}
}
