package plotting

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"
	"sync"
)

//go:generate /usr/bin/python3 testdata/gen_colormaps.py

// lutSize is the number of entries of matplotlib's colormap lookup tables
// (rcParams['image.lut']).
const lutSize = 256

// Colormap maps [0, 1] to colours exactly as a matplotlib colormap with its
// lookup table: v is turned into the entry floor(v·N) of an N-entry table
// (N = 256 for the built-in maps), v = 1 gives the last entry, v < 0 the
// first, v > 1 the last, and NaN a fully transparent colour.
//
// Segmented maps (RdYlBu, RdBu, bwr, gray, …) are built from matplotlib's
// control points by the same linear interpolation as matplotlib's
// LinearSegmentedColormap; listed maps (viridis, plasma, …) hold
// matplotlib's 256 colours. A name ending in "_r" is the reversed map.
//
// A Colormap's tables are immutable and it is safe for concurrent use. A
// nil *Colormap behaves as viridis.
type Colormap struct {
	// Name is the matplotlib name of the map, e.g. "RdYlBu_r".
	Name string

	lut   [][4]float64  // entries as floats in [0, 1] (matplotlib's _lut)
	bytes []color.NRGBA // entries as matplotlib's cmap(v, bytes=True)

	seg    *[3][]segPoint // control points of a segmented map, nil for a listed one
	colors [][4]float64   // colours of a listed map
}

// segPoint is a control point of a segmented colormap channel: at x the
// channel approaches y0 from the left and leaves with y1 to the right.
type segPoint struct{ x, y0, y1 float64 }

// segmentedSpec and listedSpec are the generated colormap definitions
// (colormap_data.go).
type segmentedSpec struct {
	name   string
	colors [][3]float64 // equally spaced colours, or nil
	seg    [3][]segPoint
}

type listedSpec struct {
	name   string
	colors [][3]float64
}

var (
	registryOnce sync.Once
	registry     map[string]*Colormap
)

func loadRegistry() {
	registry = make(map[string]*Colormap)
	for _, s := range segmentedData {
		seg := s.seg
		if s.colors != nil {
			xs := linspace01(len(s.colors))
			for i, col := range s.colors {
				for ch := range 3 {
					seg[ch] = append(seg[ch], segPoint{xs[i], col[ch], col[ch]})
				}
			}
		}
		c := newSegmented(s.name, &seg, lutSize)
		registry[c.Name] = c
		r := c.reversed(c.Name + "_r")
		registry[r.Name] = r
	}
	for _, s := range listedData {
		cols := make([][4]float64, len(s.colors))
		for i, c := range s.colors {
			cols[i] = [4]float64{c[0], c[1], c[2], 1}
		}
		c := newListed(s.name, cols)
		registry[c.Name] = c
		r := c.reversed(c.Name + "_r")
		registry[r.Name] = r
	}
}

// CmapNames returns the names Cmap knows, sorted.
func CmapNames() []string {
	registryOnce.Do(loadRegistry)
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Cmap returns matplotlib's colormap of that name (as plt.get_cmap(name)),
// e.g. "viridis", "RdYlBu_r", "RdBu", "bwr", "gray". Names are case
// sensitive as in matplotlib. An unknown name is an error that lists the
// known ones.
func Cmap(name string) (*Colormap, error) {
	registryOnce.Do(loadRegistry)
	c, ok := registry[name]
	if !ok {
		return nil, fmt.Errorf("plotting: unknown colormap %q (known: %s)", name, strings.Join(CmapNames(), ", "))
	}
	cp := *c // the tables are shared and never written
	return &cp, nil
}

// builtin reports whether c is (a copy of) the registered map of its name.
func (c *Colormap) builtin() bool {
	registryOnce.Do(loadRegistry)
	r, ok := registry[c.Name]
	return ok && len(r.lut) > 0 && len(c.lut) == len(r.lut) && &r.lut[0] == &c.lut[0]
}

// MustCmap is Cmap for names known to be valid; it panics on an unknown name.
func MustCmap(name string) *Colormap {
	c, err := Cmap(name)
	if err != nil {
		panic(err)
	}
	return c
}

// viridis is the default colormap (matplotlib's rcParams['image.cmap']).
func viridis() *Colormap { return MustCmap("viridis") }

// orDefault returns c, or viridis for a nil map.
func (c *Colormap) orDefault() *Colormap {
	if c == nil {
		return viridis()
	}
	return c
}

// NewListedColormap returns a colormap whose table is exactly colors, as
// matplotlib's ListedColormap(colors): v selects entry floor(v·len(colors)).
func NewListedColormap(name string, colors []color.Color) (*Colormap, error) {
	if len(colors) == 0 {
		return nil, fmt.Errorf("plotting: listed colormap %q needs at least one colour", name)
	}
	cols := make([][4]float64, len(colors))
	for i, c := range colors {
		if c == nil {
			return nil, fmt.Errorf("plotting: listed colormap %q: colour %d is nil", name, i)
		}
		cols[i] = floatRGBA(c)
	}
	return newListed(name, cols), nil
}

// NewColormapFromList returns a colormap interpolating linearly between
// equally spaced colours, with an n-entry table, as matplotlib's
// LinearSegmentedColormap.from_list(name, colors, N=n). n ≤ 0 means 256.
func NewColormapFromList(name string, colors []color.Color, n int) (*Colormap, error) {
	if len(colors) < 2 {
		return nil, fmt.Errorf("plotting: colormap %q needs at least two colours, got %d", name, len(colors))
	}
	if n <= 0 {
		n = lutSize
	}
	xs := linspace01(len(colors))
	var seg [3][]segPoint
	var alpha []segPoint
	for i, c := range colors {
		if c == nil {
			return nil, fmt.Errorf("plotting: colormap %q: colour %d is nil", name, i)
		}
		f := floatRGBA(c)
		for ch := range 3 {
			seg[ch] = append(seg[ch], segPoint{xs[i], f[ch], f[ch]})
		}
		alpha = append(alpha, segPoint{xs[i], f[3], f[3]})
	}
	c := newSegmented(name, &seg, n)
	a := segmentLUT(n, alpha)
	for i := range c.lut {
		c.lut[i][3] = a[i]
		c.bytes[i] = lutBytes(c.lut[i])
	}
	return c, nil
}

func floatRGBA(c color.Color) [4]float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return [4]float64{float64(n.R) / 255, float64(n.G) / 255, float64(n.B) / 255, float64(n.A) / 255}
}

func newSegmented(name string, seg *[3][]segPoint, n int) *Colormap {
	c := &Colormap{Name: name, seg: seg, lut: make([][4]float64, n), bytes: make([]color.NRGBA, n)}
	for ch := range 3 {
		for i, v := range segmentLUT(n, seg[ch]) {
			c.lut[i][ch] = v
		}
	}
	for i := range c.lut {
		c.lut[i][3] = 1
		c.bytes[i] = lutBytes(c.lut[i])
	}
	return c
}

func newListed(name string, cols [][4]float64) *Colormap {
	c := &Colormap{Name: name, colors: cols, lut: cols, bytes: make([]color.NRGBA, len(cols))}
	for i, f := range cols {
		c.bytes[i] = lutBytes(f)
	}
	return c
}

// lutBytes converts an entry as matplotlib's cmap(..., bytes=True): each
// channel times 255, truncated.
func lutBytes(f [4]float64) color.NRGBA {
	b := func(v float64) uint8 { return uint8(v * 255) }
	return color.NRGBA{R: b(f[0]), G: b(f[1]), B: b(f[2]), A: b(f[3])}
}

// roundBytes converts float channels as the Agg renderer does when it fills
// a path with a float colour (contourf bands): times 255, rounded half up.
func roundBytes(f [4]float64) color.NRGBA {
	b := func(v float64) uint8 { return uint8(math.Floor(v*255 + 0.5)) }
	return color.NRGBA{R: b(f[0]), G: b(f[1]), B: b(f[2]), A: b(f[3])}
}

// linspace01 returns n values from 0 to 1 as numpy.linspace(0, 1, n).
func linspace01(n int) []float64 {
	xs := make([]float64, n)
	if n == 1 {
		return xs
	}
	step := 1 / float64(n-1)
	for i := range xs {
		xs[i] = float64(i) * step
	}
	xs[n-1] = 1
	return xs
}

// segmentLUT builds an n-entry channel table from control points the way
// matplotlib's LinearSegmentedColormap does: entry i samples x = i/(n-1);
// the first entry is y1 of the first point, the last y0 of the last point,
// and in between the channel is interpolated linearly from y1 of the point
// at the left to y0 of the point at the right. The arithmetic is done in
// the same order and units (x scaled by n-1) so the floats are identical.
func segmentLUT(n int, pts []segPoint) []float64 {
	lut := make([]float64, n)
	last := len(pts) - 1
	if n == 1 {
		lut[0] = clip01(pts[last].y0)
		return lut
	}
	scale := float64(n - 1)
	xs := make([]float64, len(pts))
	for i, p := range pts {
		xs[i] = p.x * scale
	}
	ind := linspace01(n)
	lut[0] = pts[0].y1
	lut[n-1] = pts[last].y0
	for i := 1; i < n-1; i++ {
		xi := scale * ind[i]
		k := sort.SearchFloat64s(xs, xi) // first k with xs[k] >= xi
		if k == 0 {
			k = 1
		}
		if k > last {
			k = last
		}
		dist := (xi - xs[k-1]) / (xs[k] - xs[k-1])
		// float64() forbids fusing into an FMA, keeping numpy's rounding.
		lut[i] = float64(dist*(pts[k].y0-pts[k-1].y1)) + pts[k-1].y1
	}
	for i, v := range lut {
		lut[i] = clip01(v)
	}
	return lut
}

func clip01(v float64) float64 { return math.Min(math.Max(v, 0), 1) }

// Reversed returns the map running the other way, named with "_r" added
// (or removed), as matplotlib's Colormap.reversed(). For segmented maps the
// control points are mirrored (x → 1−x) and the table rebuilt, as matplotlib
// does, so the result can differ from the reversed table in the last bit.
func (c *Colormap) Reversed() *Colormap {
	c = c.orDefault()
	name := reversedName(c.Name)
	if c.builtin() {
		if r, err := Cmap(name); err == nil {
			return r
		}
	}
	return c.reversed(name)
}

func reversedName(name string) string {
	if s, ok := strings.CutSuffix(name, "_r"); ok {
		return s
	}
	return name + "_r"
}

func (c *Colormap) reversed(name string) *Colormap {
	if c.seg == nil {
		cols := make([][4]float64, len(c.colors))
		for i, f := range c.colors {
			cols[len(cols)-1-i] = f
		}
		return newListed(name, cols)
	}
	var rs [3][]segPoint
	for ch := range 3 {
		pts := c.seg[ch]
		for i := len(pts) - 1; i >= 0; i-- {
			p := pts[i]
			rs[ch] = append(rs[ch], segPoint{1.0 - p.x, p.y1, p.y0})
		}
	}
	r := newSegmented(name, &rs, c.N())
	// Keep a non-opaque alpha channel (from NewColormapFromList) reversed.
	for i := range r.lut {
		r.lut[i][3] = c.lut[len(c.lut)-1-i][3]
		r.bytes[i] = lutBytes(r.lut[i])
	}
	return r
}

// N returns the number of entries of the lookup table.
func (c *Colormap) N() int { return len(c.orDefault().lut) }

// index returns the table entry for v, or -1 for NaN (matplotlib's "bad").
func (c *Colormap) index(v float64) int {
	if math.IsNaN(v) {
		return -1
	}
	n := len(c.lut)
	x := v * float64(n)
	switch {
	case x < 0:
		return 0 // under: the first entry
	case x >= float64(n):
		return n - 1 // v == 1 is the last entry, over as well
	}
	return int(x)
}

// At returns the colour of v ∈ [0, 1], as matplotlib's cmap(v, bytes=True)
// (channels truncated to bytes; this is what imshow paints).
func (c *Colormap) At(v float64) color.NRGBA {
	c = c.orDefault()
	i := c.index(v)
	if i < 0 {
		return color.NRGBA{}
	}
	return c.bytes[i]
}

// AtFloat returns the colour of v as floats in [0, 1], as matplotlib's cmap(v).
func (c *Colormap) AtFloat(v float64) (r, g, b, a float64) {
	c = c.orDefault()
	i := c.index(v)
	if i < 0 {
		return 0, 0, 0, 0
	}
	e := c.lut[i]
	return e[0], e[1], e[2], e[3]
}

// Normalize maps v linearly from [vmin, vmax] to [0, 1] as matplotlib's
// Normalize(vmin, vmax)(v), without clipping. When vmin == vmax every value,
// even NaN, maps to 0, as in matplotlib.
func Normalize(v, vmin, vmax float64) float64 {
	if vmin == vmax {
		return 0
	}
	return (v - vmin) / (vmax - vmin)
}

// Map returns the colour of v on a scale from vmin to vmax, as
// cmap(Normalize(vmin, vmax)(v), bytes=True): values below vmin get the first
// colour, above vmax the last, NaN is transparent.
func (c *Colormap) Map(v, vmin, vmax float64) color.NRGBA {
	return c.At(Normalize(v, vmin, vmax))
}

// bandColor is the colour Agg paints for a float colour of entry v (used for
// filled contours, whose colours are passed to the renderer as floats).
func (c *Colormap) bandColor(v float64) color.NRGBA {
	r, g, b, a := c.AtFloat(v)
	return roundBytes([4]float64{r, g, b, a})
}
