package plotting

import (
	"encoding/base64"
	"encoding/json"
	"image/color"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// mplSamples is testdata/colormap_samples.json, written by
// testdata/gen_colormaps.py from matplotlib.
type mplSamples struct {
	Matplotlib    string
	Names         []string
	Maps          map[string]struct{ Centres string }
	SpecialValues []string `json:"special_values"`
	SparseValues  []string `json:"sparse_values"`
	Required      map[string]struct {
		Special      string
		SparseFloats [][]string `json:"sparse_floats"`
	}
	Norm []struct {
		Cmap       string
		Vmin, Vmax float64
		Values     []string
		Bytes      string
	}
	Contour []struct {
		Cmap           string
		Levels         []float64
		Colors         [][]string
		ColorbarTicks  []float64 `json:"colorbar_ticks"`
		ColorbarLabels []string  `json:"colorbar_labels"`
	}
}

var (
	samplesOnce sync.Once
	samplesData *mplSamples
	samplesErr  error
)

func loadSamples(t *testing.T) *mplSamples {
	t.Helper()
	samplesOnce.Do(func() {
		b, err := os.ReadFile("testdata/colormap_samples.json")
		if err != nil {
			samplesErr = err
			return
		}
		samplesData = new(mplSamples)
		samplesErr = json.Unmarshal(b, samplesData)
	})
	if samplesErr != nil {
		t.Fatalf("loading matplotlib samples: %v", samplesErr)
	}
	return samplesData
}

func parseFloats(t *testing.T, ss []string) []float64 {
	t.Helper()
	out := make([]float64, len(ss))
	for i, s := range ss {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("bad float %q in samples: %v", s, err)
		}
		out[i] = v
	}
	return out
}

func decodeRGBA(t *testing.T, s string) []color.NRGBA {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b)%4 != 0 {
		t.Fatalf("bad base64 colours in samples: %v", err)
	}
	out := make([]color.NRGBA, len(b)/4)
	for i := range out {
		out[i] = color.NRGBA{R: b[4*i], G: b[4*i+1], B: b[4*i+2], A: b[4*i+3]}
	}
	return out
}

// TestColormapTablesMatchMatplotlib checks every entry of every map (and its
// reversal) against matplotlib's cmap(v, bytes=True) at the entry centres.
func TestColormapTablesMatchMatplotlib(t *testing.T) {
	s := loadSamples(t)
	if len(s.Names) < 40 {
		t.Fatalf("only %d maps in samples", len(s.Names))
	}
	for _, name := range s.Names {
		c, err := Cmap(name)
		if err != nil {
			t.Errorf("Cmap(%q): %v", name, err)
			continue
		}
		if c.Name != name || c.N() != 256 {
			t.Errorf("Cmap(%q) = %q with %d entries", name, c.Name, c.N())
		}
		want := decodeRGBA(t, s.Maps[name].Centres)
		bad := 0
		for k, w := range want {
			v := (float64(k) + 0.5) / 256
			if got := c.At(v); got != w {
				if bad++; bad <= 3 {
					t.Errorf("%s.At(%g) = %v, matplotlib %v", name, v, got, w)
				}
			}
		}
	}
	if got, want := len(CmapNames()), len(s.Names); got != want {
		t.Errorf("CmapNames has %d names, samples %d", got, want)
	}
}

// TestColormapSpecialValues checks the index arithmetic (boundaries k/256,
// values just below them, 0, 1, out of range, ±Inf, NaN) and the float
// table against matplotlib for the maps the notebooks use.
func TestColormapSpecialValues(t *testing.T) {
	s := loadSamples(t)
	special := parseFloats(t, s.SpecialValues)
	sparse := parseFloats(t, s.SparseValues)
	for _, name := range []string{"RdYlBu_r", "RdYlBu", "RdBu", "RdBu_r", "bwr", "gray", "gray_r", "viridis", "plasma"} {
		req, ok := s.Required[name]
		if !ok {
			t.Fatalf("no samples for %s", name)
		}
		c, err := Cmap(name)
		if err != nil {
			t.Fatal(err)
		}
		want := decodeRGBA(t, req.Special)
		if len(want) != len(special) {
			t.Fatalf("%s: %d colours for %d values", name, len(want), len(special))
		}
		for i, v := range special {
			if got := c.At(v); got != want[i] {
				t.Errorf("%s.At(%v) = %v, matplotlib %v", name, v, got, want[i])
			}
		}
		for i, v := range sparse {
			w := parseFloats(t, req.SparseFloats[i])
			r, g, b, a := c.AtFloat(v)
			for ch, got := range []float64{r, g, b, a} {
				if math.Abs(got-w[ch]) > 1e-15 {
					t.Errorf("%s.AtFloat(%v)[%d] = %.17g, matplotlib %.17g", name, v, ch, got, w[ch])
				}
			}
		}
	}
}

func TestColormapMapMatchesNormalize(t *testing.T) {
	s := loadSamples(t)
	for _, nc := range s.Norm {
		c, err := Cmap(nc.Cmap)
		if err != nil {
			t.Fatal(err)
		}
		want := decodeRGBA(t, nc.Bytes)
		for i, v := range parseFloats(t, nc.Values) {
			if got := c.Map(v, nc.Vmin, nc.Vmax); got != want[i] {
				t.Errorf("%s.Map(%v, %v, %v) = %v, matplotlib %v", nc.Cmap, v, nc.Vmin, nc.Vmax, got, want[i])
			}
		}
	}
}

func TestCmapUnknownName(t *testing.T) {
	_, err := Cmap("RdYlBlu")
	if err == nil {
		t.Fatal("no error for an unknown colormap")
	}
	for _, want := range []string{`"RdYlBlu"`, "RdYlBu_r", "viridis", "gray"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestColormapReversed(t *testing.T) {
	c := MustCmap("RdYlBu")
	r := c.Reversed()
	if r.Name != "RdYlBu_r" || !r.builtin() || r.lut[0] != MustCmap("RdYlBu_r").lut[0] {
		t.Errorf("RdYlBu reversed is %q", r.Name)
	}
	if rr := r.Reversed(); rr.Name != "RdYlBu" || &rr.lut[0] != &c.lut[0] {
		t.Error("reversing twice does not give the map back")
	}
	// Renaming a returned map does not affect the registry.
	c2 := MustCmap("RdYlBu")
	c2.Name = "changed"
	if MustCmap("RdYlBu").Name != "RdYlBu" {
		t.Error("Cmap returns the registry's own value")
	}
	for k := range 256 {
		v := (float64(k) + 0.5) / 256
		a, b := c.At(v), r.At(1-v)
		if d := int(a.R) - int(b.R); d < -1 || d > 1 {
			t.Errorf("reversed entry %d: %v vs %v", k, a, b)
		}
	}
	// A user map reverses through the same rules.
	u, err := NewColormapFromList("mine", []color.Color{color.Black, color.NRGBA{R: 255, A: 128}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	ur := u.Reversed()
	if ur.Name != "mine_r" || ur.At(0) != u.At(1) || ur.At(1) != u.At(0) {
		t.Errorf("reversed user map %q: %v %v vs %v %v", ur.Name, ur.At(0), ur.At(1), u.At(1), u.At(0))
	}
	if got := u.At(0.5); got.R != 128 || got.A != 191 {
		t.Errorf("from_list midpoint = %v", got)
	}
	var nilMap *Colormap
	if nilMap.At(0) != MustCmap("viridis").At(0) || nilMap.Reversed().Name != "viridis_r" {
		t.Error("a nil colormap does not act as viridis")
	}
}

func TestListedColormap(t *testing.T) {
	c, err := NewListedColormap("tri", []color.Color{color.Black, color.White, color.NRGBA{R: 255, A: 255}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		v    float64
		want color.NRGBA
	}{
		{-1, color.NRGBA{A: 255}}, {0.33, color.NRGBA{A: 255}}, {1.0 / 3, color.NRGBA{255, 255, 255, 255}},
		{0.99, color.NRGBA{R: 255, A: 255}}, {1, color.NRGBA{R: 255, A: 255}}, {math.NaN(), color.NRGBA{}},
	} {
		if got := c.At(tc.v); got != tc.want {
			t.Errorf("At(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
	if _, err := NewListedColormap("empty", nil); err == nil {
		t.Error("no error for an empty listed colormap")
	}
	if _, err := NewColormapFromList("one", []color.Color{color.Black}, 0); err == nil {
		t.Error("no error for a one-colour map")
	}
	if _, err := NewColormapFromList("nil", []color.Color{color.Black, nil}, 0); err == nil {
		t.Error("no error for a nil colour")
	}
}
