package plotting

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func TestNewFigureErrors(t *testing.T) {
	for _, rc := range [][2]int{{0, 1}, {1, 0}, {-1, 2}, {0, 0}, {2000, 1}} {
		if f, err := NewFigure(rc[0], rc[1]); err == nil || f != nil {
			t.Errorf("NewFigure(%d, %d) = %v, %v; want an error", rc[0], rc[1], f, err)
		}
	}
	f, err := NewFigure(2, 3)
	if err != nil || f.Rows() != 2 || f.Cols() != 3 || len(f.Axes()) != 6 || f.At(1, 2) != f.Axes()[5] {
		t.Fatalf("NewFigure(2, 3): %v, %v", f, err)
	}
	defer func() {
		if recover() == nil {
			t.Error("At(2, 0) on a 2×3 figure did not panic")
		}
	}()
	f.At(2, 0)
}

func TestPNGErrors(t *testing.T) {
	for _, c := range []struct {
		w, h float64
		dpi  int
		want string
	}{
		{0, 3, 80, "size must be positive"},
		{4, -1, 80, "size must be positive"},
		{math.NaN(), 3, 80, "size must be positive"},
		{math.Inf(1), 3, 80, "size must be positive"},
		{4, 3, 0, "DPI must be positive"},
		{4, 3, -5, "DPI must be positive"},
		{1000, 1000, 100, "pixels"},
	} {
		f, _ := NewSingle()
		f.Width, f.Height, f.DPI = c.w, c.h, c.dpi
		if _, err := f.PNG(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("PNG of %g×%g in at %d DPI: error %v, want one containing %q", c.w, c.h, c.dpi, err, c.want)
		}
	}
	var zero Figure
	if _, err := zero.PNG(); err == nil {
		t.Error("PNG of a zero Figure: no error")
	}
}

func TestPNGSize(t *testing.T) {
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	if err := a.Line([]float64{0, 1}, []float64{0, 1}, Style{}); err != nil {
		t.Fatal(err)
	}
	b, err := f.PNG()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != 320 || cfg.Height != 240 {
		t.Errorf("PNG is %d×%d (%v), want 320×240", cfg.Width, cfg.Height, err)
	}
}

func TestSavePNGAtomic(t *testing.T) {
	dir := t.TempDir()
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 2, 2, 50
	a.Line([]float64{0, 1}, []float64{1, 0}, Style{})

	// A directory that does not exist: error, nothing written.
	missing := filepath.Join(dir, "no", "such", "dir", "fig.png")
	if err := f.SavePNG(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("SavePNG into a missing directory: error %v, want one naming the path", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("SavePNG created %s", filepath.Dir(missing))
	}

	// A good save, then a failed render: the old file stays as it was.
	path := filepath.Join(dir, "fig.png")
	if err := f.SavePNG(path); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	if _, err := png.DecodeConfig(bytes.NewReader(old)); err != nil {
		t.Fatalf("saved file is not a PNG: %v", err)
	}
	f.DPI = 0
	if err := f.SavePNG(path); err == nil {
		t.Error("SavePNG with DPI 0: no error")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Error("failed SavePNG changed the existing file")
	}

	// Renaming onto a directory fails: no temporary file is left behind.
	if err := os.Mkdir(filepath.Join(dir, "taken.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "taken.png"), []byte("x")); err == nil {
		t.Error("WriteFileAtomic onto a directory: no error")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("saved file mode %v (%v), want 0644", st.Mode(), err)
	}
}

// matplotlibLimits are ax.get_xlim() and ax.get_ylim() after the plots
// named, from matplotlib 3.6.3 via testdata/gen_limits.py.
var matplotlibLimits = []struct {
	name           string
	x0, x1, y0, y1 float64
}{
	{"line", -0.05, 1.05, -0.05, 1.05},
	{"line -8..8", -8.8, 8.8, -0.05, 1.05},
	{"line 0..100", -5.0, 105.0, -1.1, 1.1},
	{"point", 2.835, 3.165, -0.05500000000000001, 0.05500000000000001},
	{"empty", 0.0, 1.0, 0.0, 1.0},
	{"scatter", -0.05, 1.05, -0.05, 1.05},
	{"bar", 0.45999999999999996, 3.5400000000000005, 0.0, 3.15},
	{"bar negative", 0.45999999999999996, 3.5400000000000005, -1.2, 3.2},
	{"hist", 0.8499999999999999, 4.1499999999999995, 0.0, 3.15},
	{"hist step", 0.85, 4.15, 0.0, 3.15},
	{"fill_between", -0.1, 2.1, 0.85, 4.15},
	{"line+axhline", -0.05, 1.05, -0.25, 5.25},
	{"axhline", 0.0, 1.0, 4.725, 5.275},
	{"line+axvline", -3.1999999999999997, 1.2, -0.05, 1.05},
	{"line+text", -0.05, 1.05, -0.05, 1.05},
	{"errorbar", -0.05, 1.05, -0.6, 1.6},
	{"line nan", -0.15000000000000002, 3.15, -0.1, 2.1},
	{"bar+line", -0.15000000000000002, 3.15, 0.0, 4.2},
}

func TestAutoscaleMatplotlib(t *testing.T) {
	nan := math.NaN()
	plots := map[string]func(a *Axes){
		"line":         func(a *Axes) { a.Line([]float64{0, 1}, []float64{0, 1}, Style{}) },
		"line -8..8":   func(a *Axes) { a.Line([]float64{-8, 8}, []float64{0, 1}, Style{}) },
		"line 0..100":  func(a *Axes) { a.Line([]float64{0, 100}, []float64{-1, 1}, Style{}) },
		"point":        func(a *Axes) { a.Line([]float64{3}, []float64{0}, Style{}) },
		"empty":        func(a *Axes) {},
		"scatter":      func(a *Axes) { a.Scatter([]float64{0, 1}, []float64{0, 1}, Style{}) },
		"bar":          func(a *Axes) { a.Bar([]float64{1, 2, 3}, []float64{3, 1, 2}, 0, Style{}) },
		"bar negative": func(a *Axes) { a.Bar([]float64{1, 2, 3}, []float64{3, -1, 2}, 0, Style{}) },
		"hist": func(a *Axes) {
			a.Hist([]float64{1, 2, 2, 3, 3, 3, 4}, HistOptions{Bins: 10})
		},
		"hist step": func(a *Axes) {
			a.Hist([]float64{1, 2, 2, 3, 3, 3, 4}, HistOptions{Bins: 10, Histtype: "step"})
		},
		"fill_between": func(a *Axes) { a.FillBetween([]float64{0, 1, 2}, []float64{1, 2, 1}, []float64{2, 3, 4}, Style{}) },
		"line+axhline": func(a *Axes) { a.Line([]float64{0, 1}, []float64{0, 1}, Style{}); a.AxHLine(5, Style{}) },
		"axhline":      func(a *Axes) { a.AxHLine(5, Style{}) },
		"line+axvline": func(a *Axes) { a.Line([]float64{0, 1}, []float64{0, 1}, Style{}); a.AxVLine(-3, Style{}) },
		"line+text":    func(a *Axes) { a.Line([]float64{0, 1}, []float64{0, 1}, Style{}); a.Text(5, 5, "hi", 0) },
		"errorbar":     func(a *Axes) { a.ErrorBar([]float64{0, 1}, []float64{0, 1}, []float64{0.5, 0.5}, Style{}) },
		"line nan":     func(a *Axes) { a.Line([]float64{0, 1, nan, 3}, []float64{0, 1, 5, 2}, Style{}) },
		"bar+line": func(a *Axes) {
			a.Bar([]float64{1, 2}, []float64{2, 3}, 0, Style{})
			a.Line([]float64{0, 3}, []float64{1, 4}, Style{})
		},
	}
	for _, c := range matplotlibLimits {
		f, a := NewSingle()
		plots[c.name](a)
		pn := f.panels()[0]
		if !near(pn.xlo, c.x0) || !near(pn.xhi, c.x1) || !near(pn.ylo, c.y0) || !near(pn.yhi, c.y1) {
			t.Errorf("%s: view [%g, %g]×[%g, %g], matplotlib [%g, %g]×[%g, %g]", c.name,
				pn.xlo, pn.xhi, pn.ylo, pn.yhi, c.x0, c.x1, c.y0, c.y1)
		}
	}
}

// TestColorCycles follows matplotlib 3.6's two colour cycles (see
// testdata/gen_limits.py): plot=C0 scatter=C0 bar=C1 fill_between=C2
// hist=C1 plot=C2 axhline=C0 errorbar=C3 hist step=C4.
func TestColorCycles(t *testing.T) {
	_, a := NewSingle()
	xy := []float64{0, 1}
	a.Line(xy, xy, Style{})
	a.Scatter(xy, xy, Style{})
	a.Bar(xy, []float64{1, 2}, 0, Style{})
	a.FillBetween(xy, []float64{0, 0}, []float64{1, 1}, Style{})
	a.Hist([]float64{0, 1, 2}, HistOptions{Bins: 10})
	a.Line(xy, xy, Style{})
	a.AxHLine(0.5, Style{})
	a.ErrorBar(xy, xy, []float64{0.1, 0.1}, Style{})
	a.Hist([]float64{0, 1, 2}, HistOptions{Bins: 10, Histtype: "step"})
	a.Line(xy, xy, Style{Color: color.Black}) // an explicit colour does not advance the cycle
	a.Line(xy, xy, Style{})
	want := []int{0, 0, 1, 2, 1, 2, 0, 3, 4, -1, 5}
	for i, l := range a.layers {
		var got color.Color
		switch p := l.p.(type) {
		case *linePlot:
			got = p.pen.line.Color
			if p.scatter {
				got = p.pen.face
			}
		case *barPlot:
			got = p.face
		case *fillPlot:
			got = p.pen.face
		case *refLine:
			got = p.pen.line.Color
		case *stepPlot:
			got = p.line.Color
		}
		w := color.Color(color.Black)
		if want[i] >= 0 {
			w = Tab10(want[i])
		}
		if !sameColor(got, w) {
			t.Errorf("plot %d (%T): colour %v, want %v", i, l.p, got, w)
		}
	}
}

func TestTab10(t *testing.T) {
	if c := Tab10(0); c != (color.NRGBA{0x1f, 0x77, 0xb4, 0xff}) {
		t.Errorf("C0 = %v", c)
	}
	if Tab10(13) != Tab10(3) || Tab10(-1) != Tab10(9) {
		t.Error("Tab10 does not wrap modulo 10")
	}
}

func TestSetLimits(t *testing.T) {
	f, a := NewSingle()
	a.Line([]float64{0, 10}, []float64{2, 4}, Style{})
	a.SetLimits(math.NaN(), math.NaN(), 0, math.NaN()) // plt.ylim(bottom=0)
	pn := f.panels()[0]
	if !near(pn.xlo, -0.5) || !near(pn.xhi, 10.5) || pn.ylo != 0 || !near(pn.yhi, 4.1) {
		t.Errorf("ylim(bottom=0): [%g, %g]×[%g, %g]", pn.xlo, pn.xhi, pn.ylo, pn.yhi)
	}
	a.SetLimits(-1, 1, 5, -5) // inverted y
	a.Line([]float64{-100, 100}, []float64{-100, 100}, Style{})
	pn = f.panels()[0]
	if pn.xlo != -1 || pn.xhi != 1 || pn.ylo != -5 || pn.yhi != 5 {
		t.Errorf("SetLimits(−1, 1, 5, −5) then more data: [%g, %g]×[%g, %g]", pn.xlo, pn.xhi, pn.ylo, pn.yhi)
	}
	if pn.yNorm(5) != 0 || pn.yNorm(-5) != 1 {
		t.Errorf("inverted y: norm(5) = %g, norm(−5) = %g", pn.yNorm(5), pn.yNorm(-5))
	}
	a.Tight = true
	a.SetLimits(math.NaN(), math.NaN(), math.NaN(), math.NaN())
	pn = f.panels()[0]
	if pn.xlo != -100 || pn.xhi != 100 {
		t.Errorf("Tight: x [%g, %g], want [−100, 100]", pn.xlo, pn.xhi)
	}
}

func TestShareAndHidden(t *testing.T) {
	f, _ := NewFigure(2, 2)
	f.ShareX, f.ShareY = true, true
	f.At(0, 0).Line([]float64{0, 1}, []float64{0, 1}, Style{})
	f.At(0, 1).Line([]float64{-1, 1}, []float64{0, 3}, Style{})
	f.At(1, 0).Line([]float64{0, 4}, []float64{-2, 0}, Style{})
	f.At(1, 1).Line([]float64{100, 200}, []float64{100, 200}, Style{}) // hidden: ignored
	f.At(1, 1).Hidden = true
	ps := f.panels()
	if ps[3] != nil {
		t.Fatal("hidden panel was laid out")
	}
	for i, pn := range ps[:3] {
		if !near(pn.xlo, -1.25) || !near(pn.xhi, 4.25) || !near(pn.ylo, -2.25) || !near(pn.yhi, 3.25) {
			t.Errorf("panel %d: [%g, %g]×[%g, %g], want the union [−1.25, 4.25]×[−2.25, 3.25]", i, pn.xlo, pn.xhi, pn.ylo, pn.yhi)
		}
	}
	// x tick labels: not on (0,0) (a panel below), on (0,1) (nothing visible
	// below) and (1,0); y tick labels only in the first column.
	wantX, wantY := []bool{false, true, true}, []bool{true, false, true}
	for i, pn := range ps[:3] {
		if pn.xLabels != wantX[i] || pn.yLabels != wantY[i] {
			t.Errorf("panel %d: x labels %v, y labels %v; want %v, %v", i, pn.xLabels, pn.yLabels, wantX[i], wantY[i])
		}
	}
}

// TestLayoutTight checks the data area of a single axes against
// matplotlib's tight_layout on the same 4×3 in figure (axes at 33.8, 27.8,
// 243.4 × 177.4 pt: the bottom, right and top margins do not depend on the
// font's widths) and that grid panels are aligned and equal.
func TestLayoutTight(t *testing.T) {
	f, a := NewSingle()
	f.Width, f.Height = 4, 3
	a.Line([]float64{0, 1}, []float64{0, 1}, Style{})
	r := f.layout(f.panels(), 4*72, 3*72-layoutPad)[0]
	if !nearL(r.Min.Y, 27.8) || !nearL(r.Max.X, 277.2) || !nearL(r.Max.Y, 205.2) || r.Min.X < 25 || r.Min.X > 36 {
		t.Errorf("single axes data area %v, matplotlib (33.8, 27.8)–(277.2, 205.2)", r)
	}

	g, _ := NewFigure(2, 3)
	for i, a := range g.Axes() {
		a.Line([]float64{0, math.Pow(10, float64(i))}, []float64{0, math.Pow(10, float64(i))}, Style{})
		a.Title.Text = "t"
	}
	g.At(0, 1).Y.Label.Text = "label"
	rs := g.layout(g.panels(), 6*72, 4*72)
	for i, r := range rs {
		if !nearL(r.Size().X, rs[0].Size().X) || !nearL(r.Size().Y, rs[0].Size().Y) {
			t.Errorf("panel %d is %v, panel 0 %v", i, r.Size(), rs[0].Size())
		}
		if c := i % 3; !nearL(r.Min.X, rs[c].Min.X) {
			t.Errorf("panel %d not aligned with its column", i)
		}
		if row := i / 3; !nearL(r.Min.Y, rs[row*3].Min.Y) {
			t.Errorf("panel %d not aligned with its row", i)
		}
	}
}

func nearL(a, b vg.Length) bool { return math.Abs(float64(a-b)) < 0.01 }

func TestGridGolden(t *testing.T) {
	f, _ := NewFigure(2, 2)
	f.Width, f.Height, f.DPI = 5, 4, 80
	f.Title = "Suptitle"
	f.ShareX, f.ShareY = true, true
	for i, a := range f.Axes() {
		x, y := wave(50, float64(i+1), float64(i+1), 0)
		mustDo(t, a.Line(x, y, Style{}))
		a.Title.Text = "panel"
		a.X.Label.Text = "x"
		a.Y.Label.Text = "y"
	}
	checkGolden(t, "figure_grid", f)
}

func TestHiddenGolden(t *testing.T) {
	f, _ := NewFigure(2, 2)
	f.Width, f.Height, f.DPI = 5, 4, 80
	f.ShareX = true
	for i, a := range f.Axes() {
		x, y := wave(50, 1, math.Pow(10, float64(i)), 0)
		mustDo(t, a.Line(x, y, Style{Color: Tab10(i)}))
	}
	f.At(1, 1).Hidden = true // (0, 1) keeps its x tick labels: nothing below it
	f.At(0, 0).AxisOff = true
	f.At(0, 0).Title.Text = "axis off"
	checkGolden(t, "figure_hidden", f)
}

// stripe is a SidePanel drawing a grey strip with a frame, standing in for
// a colour bar.
type stripe struct{}

func (stripe) Width() vg.Length { return 30 }
func (stripe) DrawSide(c draw.Canvas) {
	bar := c.Rectangle
	bar.Max.X = bar.Min.X + 10
	c.FillPolygon(color.Gray{Y: 200}, []vg.Point{bar.Min, {X: bar.Max.X, Y: bar.Min.Y}, bar.Max, {X: bar.Min.X, Y: bar.Max.Y}})
}

// A side panel takes room from its column only: every data area keeps the
// same size, rows and columns stay aligned.
func TestSidePanelGolden(t *testing.T) {
	f, _ := NewFigure(2, 2)
	f.Width, f.Height, f.DPI = 5, 4, 80
	for i, a := range f.Axes() {
		x, y := wave(50, 1, 1, float64(i))
		mustDo(t, a.Line(x, y, Style{}))
	}
	f.At(0, 1).Side = stripe{}
	f.At(1, 0).Y.Label.Text = "a long y label"
	checkGolden(t, "figure_side", f)
	rs := f.layout(f.panels(), 5*72, 4*72-layoutPad)
	if !nearL(rs[0].Size().X, rs[1].Size().X) || !nearL(rs[0].Min.X, rs[2].Min.X) || !nearL(rs[1].Max.X, rs[3].Max.X) {
		t.Errorf("data areas not aligned: %v", rs)
	}
}
