package gaussneuron

import (
	"math"
	"testing"

	"github.com/receptive-go/receptive/internal/refdata"
	"gonum.org/v1/gonum/floats/scalar"
)

// golden holds numpy's values for the original computation (testdata/gen_golden.py).
type golden struct {
	GridLen             int                  `json:"grid_len"`
	InputsShape         []int                `json:"inputs_shape"`
	Bias                float64              `json:"bias"`
	X1                  []float64            `json:"x1"`
	SampleIndex         []int                `json:"sample_index"`
	Maps                map[string][]float64 `json:"maps"`
	MapSums             map[string]float64   `json:"map_sums"`
	LinearMaxAbs        float64              `json:"linear_max_abs"`
	RoundedMax          float64              `json:"rounded_max"`
	Levels              []float64            `json:"levels"`
	Ticks               []float64            `json:"ticks"`
	UnitLevels          []float64            `json:"unit_levels"`
	UnitLevelsInclusive []float64            `json:"unit_levels_inclusive"`
	ProductLevels       []float64            `json:"product_levels"`
	ProductTicks        []float64            `json:"product_ticks"`
	TanhProductTicks    []float64            `json:"tanh_product_ticks"`
	ZeroLine            []float64            `json:"zero_line"`
}

func loadGolden(t *testing.T) golden {
	t.Helper()
	var g golden
	refdata.JSON(t, "testdata/golden.json", &g)
	return g
}

// equalExact compares slices bit for bit: the grid, levels and ticks are
// computed by the same float operations as numpy's, so they must be identical.
func equalExact(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s[%d] = %.17g, numpy gives %.17g", what, i, got[i], want[i])
		}
	}
}

func TestGridMatchesNumpy(t *testing.T) {
	g := loadGolden(t)
	grid := DefaultGrid()
	if len(grid.X1) != g.GridLen || grid.Len() != g.InputsShape[0] {
		t.Fatalf("grid %d points, %d inputs; numpy %d, %v", len(grid.X1), grid.Len(), g.GridLen, g.InputsShape)
	}
	equalExact(t, "X1", grid.X1, g.X1)
	in := grid.Inputs()
	if len(in) != 2*g.InputsShape[0] {
		t.Fatalf("inputs hold %d values, want %d×2", len(in), g.InputsShape[0])
	}
	// The point nearest 1.0 is not 1.0 (numpy's rounding, kept on purpose).
	if grid.X1[90] == 1 || math.Abs(grid.X1[90]-1) > 1e-12 {
		t.Errorf("X1[90] = %.17g, numpy gives 0.999999999999968", grid.X1[90])
	}
}

func TestActivitiesMatchNumpy(t *testing.T) {
	g := loadGolden(t)
	n := Original()
	if n.B != g.Bias {
		t.Fatalf("bias %g, original prints %g", n.B, g.Bias)
	}
	m, err := Compute(DefaultGrid(), n)
	if err != nil {
		t.Fatal(err)
	}
	maps := map[string][]float64{
		"linear": m.Linear, "tanh_linear": m.TanhLinear, "radial": m.Radial,
		"product": m.Product, "tanh_product": m.TanhProduct, "tanh_linear_times_radial": m.TanhLinTimes,
	}
	for name, z := range maps {
		for k, i := range g.SampleIndex {
			// Same operations in the same order as numpy; exp and tanh may
			// differ from libm in the last bit, hence 1e-14 relative.
			if !scalar.EqualWithinAbsOrRel(z[i], g.Maps[name][k], 1e-14, 1e-14) {
				t.Errorf("%s[%d] = %.17g, numpy %.17g", name, i, z[i], g.Maps[name][k])
			}
		}
		var s float64
		for _, v := range z {
			s += v
		}
		// numpy sums pairwise, we sum in order: agree to ~1e-12 relative.
		if !scalar.EqualWithinRel(s, g.MapSums[name], 1e-11) {
			t.Errorf("sum of %s = %.15g, numpy %.15g", name, s, g.MapSums[name])
		}
	}
}

func TestKnownPoints(t *testing.T) {
	n := Original()
	// At the centre the linear part is zero (b = −W·c) and r = 1.
	if a := n.Linear(1, 2); a != 0 {
		t.Errorf("a(c) = %g, want 0", a)
	}
	if r := n.Radial(1, 2); r != 1 {
		t.Errorf("r(c) = %g, want 1", r)
	}
	// At (−8, −8): a = 8 + 16 + 5 = 29, the maximum; r = exp(−(81+100)/16).
	if a := n.Linear(-8, -8); a != 29 {
		t.Errorf("a(−8,−8) = %g, want 29", a)
	}
	if r, want := n.Radial(-8, -8), math.Exp(-181.0/16); !scalar.EqualWithinRel(r, want, 1e-15) {
		t.Errorf("r(−8,−8) = %g, want %g", r, want)
	}
	// Along the gradient direction u = −W/|W| from c, a·r peaks at |a·r| = √5·σ/√2·e^(−1/2) ≈ 3.84.
	m, _ := Compute(DefaultGrid(), n)
	peak := 0.0
	for _, v := range m.Product {
		peak = math.Max(peak, math.Abs(v))
	}
	want := math.Sqrt(5) * 4 / math.Sqrt2 * math.Exp(-0.5)
	if math.Abs(peak-want) > 0.01 {
		t.Errorf("max |a·r| on the grid = %g, analytic %g", peak, want)
	}
}

func TestLevelsMatchNumpy(t *testing.T) {
	g := loadGolden(t)
	m, _ := Compute(DefaultGrid(), Original())
	levels, ticks, err := RoundedLevels(m.Linear)
	if err != nil {
		t.Fatal(err)
	}
	if g.LinearMaxAbs != 29 || g.RoundedMax != 30 {
		t.Fatalf("golden file: max %g rounded %g, want 29 and 30", g.LinearMaxAbs, g.RoundedMax)
	}
	if len(levels) != 61 || levels[0] != -30 || levels[60] != 30 {
		t.Errorf("levels: %d from %g to %g, want 61 from −30 to 30", len(levels), levels[0], levels[len(levels)-1])
	}
	equalExact(t, "levels", levels, g.Levels)
	equalExact(t, "ticks", ticks, g.Ticks)
	equalExact(t, "unit levels", UnitLevels(false), g.UnitLevels)
	equalExact(t, "unit levels ×1.001", UnitLevels(true), g.UnitLevelsInclusive)

	ps, err := Panels(m, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 6 {
		t.Fatalf("%d panels, want 6", len(ps))
	}
	equalExact(t, "product levels", ps[3].Levels, g.ProductLevels)
	equalExact(t, "product ticks", ps[3].Ticks, g.ProductTicks)
	equalExact(t, "tanh(a·r) ticks", ps[4].Ticks, g.TanhProductTicks)

	zl, err := Original().ZeroLine(DefaultGrid().X1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range zl {
		if !scalar.EqualWithinAbsOrRel(zl[i], g.ZeroLine[i], 1e-14, 1e-14) {
			t.Fatalf("zero line[%d] = %.17g, numpy %.17g", i, zl[i], g.ZeroLine[i])
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
	}{
		{"sigma 0", func() error { n := Original(); n.Sigma = 0; _, err := Compute(DefaultGrid(), n); return err }()},
		{"NaN weight", func() error { n := Original(); n.W[0] = math.NaN(); _, err := Compute(DefaultGrid(), n); return err }()},
		{"empty grid", func() error { _, err := Compute(Grid{}, Original()); return err }()},
		{"zero step", func() error { _, err := Arange(0, 1, 0); return err }()},
		{"NaN arange", func() error { _, err := Arange(0, math.NaN(), 1); return err }()},
		{"one-point grid", func() error { _, err := NewGrid(0, 0.05, 0.1); return err }()},
		{"NaN map", func() error { _, _, err := RoundedLevels([]float64{1, math.NaN()}); return err }()},
		{"zero map", func() error { _, _, err := RoundedLevels([]float64{0, 0}); return err }()},
		{"vertical zero line", func() error { n := Original(); n.W[1] = 0; _, err := n.ZeroLine([]float64{1}); return err }()},
	} {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	g, n := DefaultGrid(), Original()
	for b.Loop() {
		if _, err := Compute(g, n); err != nil {
			b.Fatal(err)
		}
	}
}
