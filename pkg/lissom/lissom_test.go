package lissom

import (
	"math"
	"strings"
	"testing"
)

// The notebook's V1 printed by the original (pylissom, saved notebook
// Lissom_modules.ipynb, cell "print(repr(v1))").
const wantReducedRepr = `ReducedLissom (
  (inhibitory_module): Cortex (1296 -> 1296, sigma=16.64, radius=8.0)
  (excitatory_module): Cortex (1296 -> 1296, sigma=2.8080000000000003, radius=3.6)
  (afferent_module): Cortex (1296 -> 1296, sigma=7.3076923076923075, radius=9.5)
  (piecewise_sigmoid): PiecewiseSigmoid (min_theta=0.083, max_theta=0.633)
, 1296 -> 1296, settling_steps=9, afferent_strength=1.0, excitatory_strength=0.9, inhibitory_strength=0.9)`

// The off channel as printed inside the original's repr(lissom).
const wantOffRepr = `LGN (
  (diff_of_gaussians): DifferenceOfGaussiansLinear (1296 -> 1296, sigma_surround=2.923076923076923, sigma_center=0.7307692307692307, radius=13.738461538461538, on=False)
  (strength): *2.33
  (piecewise_sigmoid): PiecewiseSigmoid (min_theta=0.0, max_theta=1.0)
)`

func TestStringMatchesOriginal(t *testing.T) {
	m, err := NewLissomFromConfig(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if got := m.V1.String(); got != wantReducedRepr {
		t.Errorf("ReducedLissom prints\n%s\nwant\n%s", got, wantReducedRepr)
	}
	if got := m.Off.String(); got != wantOffRepr {
		t.Errorf("LGN prints\n%s\nwant\n%s", got, wantOffRepr)
	}
	s := m.String()
	indented := strings.ReplaceAll(wantReducedRepr, "\n", "\n  ")
	if !strings.HasPrefix(s, "Lissom (\n  (v1): "+indented+"\n  (off): LGN (\n") || !strings.HasSuffix(s, "\n  )\n, 1296 -> 1296)") {
		t.Errorf("Lissom prints\n%s", s)
	}
	for _, c := range []struct {
		v    float64
		want string
	}{
		{8, "8.0"}, {2.33, "2.33"}, {1e-5, "1e-05"}, {1.5e16, "1.5e+16"}, {0, "0.0"}, {-0.5, "-0.5"},
	} {
		if got := pyFloat(c.v); got != c.want {
			t.Errorf("pyFloat(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestCortexStructure(t *testing.T) {
	// The notebook's first layer: 25×25 → 5×5, radius 5, σ 5; centres at
	// 0, 6, 12, 18, 24, so corner neurons keep a quarter disc.
	c, err := NewCortex(625, 25, 5, 5, 7)
	if err != nil {
		t.Fatal(err)
	}
	counts, sums := c.Weights().RowStats()
	// Lattice points within distance 5 of a lattice point: 81 (Gauss circle
	// problem, r = 5); a corner keeps those with both offsets ≥ 0: 26; an edge
	// centre those with one offset ≥ 0: (81 + 11)/2 = 46.
	for i, want := range map[int]int{12: 81, 0: 26, 24: 26, 2: 46, 10: 46} {
		if counts[i] != want {
			t.Errorf("neuron %d has %d connections, want %d", i, counts[i], want)
		}
	}
	for i, s := range sums {
		if math.Abs(s-1) > 1e-7 { // float32 weights: ~80 roundings of ≤ 6e-8 relative
			t.Errorf("neuron %d weights sum to %v, want 1", i, s)
		}
	}
	dense := c.Weights().Dense()
	nonzero := 0
	for _, v := range dense {
		if v < 0 || v > 1 {
			t.Fatalf("weight %v outside [0, 1]", v)
		}
		if v > 0 {
			nonzero++
		}
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	if nonzero != total || total != c.Weights().Connections() {
		t.Errorf("%d non-zero weights, %d connections stored, row counts add to %d", nonzero, c.Weights().Connections(), total)
	}
	// Same seed, same weights; another seed, others.
	c2, _ := NewCortex(625, 25, 5, 5, 7)
	c3, _ := NewCortex(625, 25, 5, 5, 8)
	if !equal(dense, c2.Weights().Dense()) || equal(dense, c3.Weights().Dense()) {
		t.Error("weights are not a function of the seed")
	}
}

func equal(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func TestNoiseIsUniform(t *testing.T) {
	// Mean 1/2 and variance 1/12 of U(0,1); with n = 1e5 draws the standard
	// error of the mean is 0.0009, so 0.005 is a 5σ band.
	const n = 100000
	s, s2 := 0.0, 0.0
	for k := 0; k < n; k++ {
		v := noise(3, 1000, k/1000, k%1000)
		if v < 0 || v >= 1 {
			t.Fatalf("noise %v outside [0, 1)", v)
		}
		s += v
		s2 += v * v
	}
	mean, variance := s/n, s2/n-(s/n)*(s/n)
	if math.Abs(mean-0.5) > 0.005 || math.Abs(variance-1.0/12) > 0.002 {
		t.Errorf("noise mean %v variance %v, want 0.5 and 0.0833", mean, variance)
	}
}

func TestDoGRowsSumToZero(t *testing.T) {
	d, err := NewDifferenceOfGaussians(625, 25, false, 5, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	_, sums := d.Weights().RowStats()
	for i, s := range sums {
		if math.Abs(s) > 1e-7 { // float32 weights
			t.Errorf("neuron %d weights sum to %v, want 0", i, s)
		}
	}
}

func TestSparseApplyEqualsDense(t *testing.T) {
	// Non-integer centres (24 → 5: 0, 5.75, …) and a sparse input.
	c, err := NewCortex(576, 25, 6.3, 4, 11)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, 576)
	for j := range x {
		if j%7 == 0 {
			x[j] = float64(j%13) / 13
		}
	}
	got := make([]float64, 25)
	if err := c.Weights().Apply(got, x); err != nil {
		t.Fatal(err)
	}
	dense := c.Weights().Dense()
	for i := range got {
		want := 0.0
		for j, v := range x {
			want += dense[i*576+j] * v
		}
		if math.Abs(got[i]-want) > 1e-12 {
			t.Errorf("y[%d] = %v, dense product %v", i, got[i], want)
		}
	}
}

func TestParallelApplyEqualsSerial(t *testing.T) {
	c, err := NewCortex(64*64, 64*64, 12, 8, 5)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, 64*64)
	for j := range x {
		x[j] = float64((j*31)%17) / 17
	}
	par := make([]float64, len(x))
	c.Weights().apply(par, x) // above parallelWork on a multi-core machine
	ser := make([]float64, len(x))
	c.Weights().scatter(ser, x, 0, len(ser))
	if !equal(par, ser) {
		t.Error("parallel and serial products differ")
	}
}

func TestErrors(t *testing.T) {
	for name, err := range map[string]error{
		"non-square in":     second(NewGaussianLinear(600, 25, 1)),
		"non-square out":    second(NewCortex(625, 24, 5, 5, 1)),
		"zero radius":       second(NewCortex(625, 25, 0, 5, 1)),
		"NaN radius":        second(NewDifferenceOfGaussians(625, 25, true, math.NaN(), 2, 1)),
		"negative sigma":    second(NewGaussianCloudLinear(625, 25, -1, 1)),
		"NaN sigma":         second(NewUnnormalizedDifferenceOfGaussians(576, 25, true, math.NaN(), 1)),
		"thresholds":        second(NewPiecewiseSigmoid(0.6, 0.1)),
		"LGN strength":      second(NewLGN(36, 36, true, 3, 2, 1, 0, 1, math.Inf(1))),
		"bad config":        DerivedConfig(36, 36, 0).Validate(),
		"unknown key":       second(ParseConfig([]byte(`{"cortical_density": 36, "typo": 1}`))),
		"negative settling": second(NewReducedLissomFromConfig(Config{SettlingSteps: -1})),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	a, _ := NewGaussianLinear(100, 100, 1)
	b, _ := NewGaussianLinear(100, 64, 1)
	if _, err := NewReducedLissom(a, b, a, 0, 1, 1, 1, 1, 1); err == nil || !strings.Contains(err.Error(), "excitatory") {
		t.Errorf("mismatched excitatory module: error %v", err)
	}
	if _, err := a.Forward(make([]float64, 99)); err == nil {
		t.Error("short input: no error")
	}
}

func second[T any](_ T, err error) error { return err }

func TestConfig(t *testing.T) {
	c := DefaultConfig()
	// The notebook's derived values (originals.md §2.2 and the printed repr).
	for _, p := range []struct {
		name      string
		got, want float64
	}{
		{"afferent radius", c.Afferent.Radius, 9.5}, {"afferent sigma", c.Afferent.Sigma, 7.3076923076923075},
		{"excitatory radius", c.Excitatory.Radius, 3.6}, {"excitatory sigma", c.Excitatory.Sigma, 2.8080000000000003},
		{"inhibitory radius", c.Inhibitory.Radius, 8}, {"inhibitory sigma", c.Inhibitory.Sigma, 16.64},
		{"LGN radius", c.LGN.Radius, 13.738461538461538}, {"LGN sigma_center", c.LGN.SigmaCenter, 0.7307692307692307},
		{"LGN sigma_surround", c.LGN.SigmaSurround, 2.923076923076923}, {"max theta", c.MaxTheta, 0.633},
	} {
		if p.got != p.want {
			t.Errorf("%s = %.17g, want %.17g", p.name, p.got, p.want)
		}
	}
	big, err := ParseConfig([]byte(`{"cortical_density": 142, "seed": 5}`))
	if err != nil {
		t.Fatal(err)
	}
	if big.Inhibitory.Radius != 34.5 || big.Afferent.Radius != 9.5 || big.Seed != 5 {
		t.Errorf("142 config: inhibitory radius %v afferent %v seed %v, want 34.5 9.5 5", big.Inhibitory.Radius, big.Afferent.Radius, big.Seed)
	}
	over, err := ParseConfig([]byte(`{"settling_steps": 3, "lgn": {"strength": 4.7}}`))
	if err != nil || over.SettlingSteps != 3 || over.LGN.Strength != 4.7 || over.LGN.Radius != c.LGN.Radius {
		t.Errorf("override: %+v, %v", over, err)
	}
}

func TestActivationsOrder(t *testing.T) {
	m, err := NewLissomFromConfig(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, 1296)
	x[600] = 1
	if _, err := m.Forward(x); err != nil {
		t.Fatal(err)
	}
	if len(Activations(m, "lissom")) != 0 {
		t.Error("records without Record")
	}
	Record(m)
	if _, err := m.Forward(x); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range Activations(m, "lissom") {
		names = append(names, r.Name)
	}
	want := "lissom.v1.inhibitory_module lissom.v1.excitatory_module lissom.v1.afferent_module lissom.v1 " +
		"lissom.off.diff_of_gaussians lissom.off lissom.on.diff_of_gaussians lissom.on lissom"
	if strings.Join(names, " ") != want {
		t.Errorf("order\n%s\nwant\n%s", strings.Join(names, " "), want)
	}
	StopRecording(m)
	if len(Activations(m, "lissom")) != 0 {
		t.Error("records after StopRecording")
	}
}

func TestLoadConfigFile(t *testing.T) {
	// testdata/notebook.json spells out every parameter of the notebook's
	// model (the values of pylissom's modules_params.ini at density 36).
	c, err := LoadConfig("testdata/notebook.json")
	if err != nil {
		t.Fatal(err)
	}
	if c != DefaultConfig() {
		t.Errorf("notebook.json gives\n%+v\nDefaultConfig is\n%+v", c, DefaultConfig())
	}
	if _, err := LoadConfig("testdata/missing.json"); err == nil {
		t.Error("missing file: no error")
	}
}

// TestFieldsMatchMask checks the stored connection sets against pylissom's
// mask evaluated for every (neuron, input) pair: distance > radius is cut,
// distance == radius kept. Sizes include non-integer centres and a single
// output neuron; integral radii put many inputs exactly on the circle.
func TestFieldsMatchMask(t *testing.T) {
	for _, c := range []struct {
		inSide, outSide int
		radius          float64
	}{{25, 5, 5}, {24, 5, 5}, {13, 7, 2.5}, {10, 1, 3}, {7, 12, 1}, {1, 3, 0.5}, {30, 30, 8}, {17, 4, 100}} {
		l, err := NewSmoothCortex(c.inSide*c.inSide, c.outSide*c.outSide, c.radius, 1e3)
		if err != nil {
			t.Fatal(err)
		}
		dense := l.Weights().Dense()
		centres := linspace(0, float64(c.inSide-1), c.outSide)
		in := c.inSide * c.inSide
		for i := 0; i < c.outSide*c.outSide; i++ {
			mx, my := centres[i/c.outSide], centres[i%c.outSide]
			for j := 0; j < in; j++ {
				dx, dy := float64(j/c.inSide)-mx, float64(j%c.inSide)-my
				want := !(math.Sqrt(dx*dx+dy*dy) > c.radius)
				if got := dense[i*in+j] > 0; got != want {
					t.Fatalf("%d² → %d², radius %v: neuron %d input %d connected %v, mask says %v",
						c.inSide, c.outSide, c.radius, i, j, got, want)
				}
			}
		}
	}
}
