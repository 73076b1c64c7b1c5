package plotting

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestTileImagesLayout checks make_grid's layout: 5 tiles of 2×3, 2 per
// row, padding 1 of value -1: 3 rows of tiles, the last slot left padded.
func TestTileImagesLayout(t *testing.T) {
	var tiles [][]float64
	for k := range 5 {
		tile := make([]float64, 6)
		for i := range tile {
			tile[i] = float64(10*k + i)
		}
		tiles = append(tiles, tile)
	}
	grid, rows, cols, err := TileImages(tiles, 2, 3, TileOptions{PerRow: 2, Padding: 1, PadValue: -1})
	if err != nil {
		t.Fatal(err)
	}
	// make_grid: height = 3*(2+1)+1, width = 2*(3+1)+1.
	if rows != 10 || cols != 9 {
		t.Fatalf("grid %d×%d, want 10×9", rows, cols)
	}
	want := []float64{
		-1, -1, -1, -1, -1, -1, -1, -1, -1,
		-1, 0, 1, 2, -1, 10, 11, 12, -1,
		-1, 3, 4, 5, -1, 13, 14, 15, -1,
		-1, -1, -1, -1, -1, -1, -1, -1, -1,
		-1, 20, 21, 22, -1, 30, 31, 32, -1,
		-1, 23, 24, 25, -1, 33, 34, 35, -1,
		-1, -1, -1, -1, -1, -1, -1, -1, -1,
		-1, 40, 41, 42, -1, -1, -1, -1, -1,
		-1, 43, 44, 45, -1, -1, -1, -1, -1,
		-1, -1, -1, -1, -1, -1, -1, -1, -1,
	}
	if !slices.Equal(grid, want) {
		t.Errorf("grid\n%v\nwant\n%v", grid, want)
	}
}

func TestTileImagesDefaults(t *testing.T) {
	tiles := make([][]float64, 10)
	for i := range tiles {
		tiles[i] = []float64{float64(i)}
	}
	// Defaults: 8 per row, padding 2 of 0.
	grid, rows, cols, err := TileImages(tiles, 1, 1, TileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rows != 2*3+2 || cols != 8*3+2 {
		t.Fatalf("grid %d×%d", rows, cols)
	}
	if grid[2*cols+2] != 0 || grid[2*cols+5] != 1 || grid[5*cols+2] != 8 || grid[5*cols+5] != 9 || grid[5*cols+8] != 0 {
		t.Error("tiles misplaced with default options")
	}
	// No padding.
	_, rows, cols, err = TileImages(tiles, 1, 1, TileOptions{PerRow: 5, Padding: -1})
	if err != nil || rows != 2 || cols != 5 {
		t.Errorf("unpadded grid %d×%d (%v)", rows, cols, err)
	}
	// A single tile comes back alone, as make_grid does.
	g, rows, cols, err := TileImages([][]float64{{1, 2, 3, 4}}, 2, 2, TileOptions{})
	if err != nil || rows != 2 || cols != 2 || !slices.Equal(g, []float64{1, 2, 3, 4}) {
		t.Errorf("single tile: %v %d×%d %v", g, rows, cols, err)
	}
}

func TestTileImagesNormalize(t *testing.T) {
	tiles := [][]float64{{0, 1, 2, 4}, {-2, 0, 2, math.NaN()}}
	check := func(name string, opt TileOptions, want [][]float64) {
		t.Helper()
		opt.PerRow, opt.Padding = 2, -1
		grid, _, cols, err := TileImages(tiles, 2, 2, opt)
		if err != nil {
			t.Fatal(err)
		}
		for k, w := range want {
			for i, v := range w {
				got := grid[(i/2)*cols+k*2+i%2]
				if !(math.Abs(got-v) < 1e-12 || math.IsNaN(got) && math.IsNaN(v)) {
					t.Errorf("%s: tile %d value %d = %v, want %v", name, k, i, got, v)
				}
			}
		}
	}
	nan := math.NaN()
	check("global", TileOptions{Normalize: true}, [][]float64{{2.0 / 6, 3.0 / 6, 4.0 / 6, 1}, {0, 2.0 / 6, 4.0 / 6, nan}})
	check("per tile", TileOptions{Normalize: true, PerTile: true}, [][]float64{{0, 0.25, 0.5, 1}, {0, 0.5, 1, nan}})
	check("range", TileOptions{Normalize: true, Range: []float64{0, 2}}, [][]float64{{0, 0.5, 1, 1}, {0, 0, 1, nan}})
	check("off", TileOptions{}, tiles)
	// The input is not modified.
	if tiles[0][3] != 4 {
		t.Error("TileImages changed its input")
	}
	// A constant tile is divided by 1e-5 as make_grid does, giving zeros.
	g, _, _, _ := TileImages([][]float64{{3, 3}}, 1, 2, TileOptions{Normalize: true})
	if !slices.Equal(g, []float64{0, 0}) {
		t.Errorf("constant tile normalised to %v", g)
	}
}

func TestTileImagesErrors(t *testing.T) {
	ok := [][]float64{{1, 2}, {3, 4}}
	for _, tc := range []struct {
		name  string
		tiles [][]float64
		h, w  int
		opt   TileOptions
		want  string
	}{
		{"none", nil, 1, 2, TileOptions{}, "at least one tile"},
		{"size", ok, 2, 2, TileOptions{}, "tile 0 has 2 values, want 2×2"},
		{"zero", ok, 0, 2, TileOptions{}, "positive tile size"},
		{"per row", ok, 1, 2, TileOptions{PerRow: -1}, "PerRow"},
		{"range len", ok, 1, 2, TileOptions{Range: []float64{1}}, "[lo, hi]"},
		{"range NaN", ok, 1, 2, TileOptions{Range: []float64{math.NaN(), 1}}, "finite"},
		{"range order", ok, 1, 2, TileOptions{Range: []float64{2, 1}}, "lo <= hi"},
		{"pad NaN", ok, 1, 2, TileOptions{PadValue: math.NaN()}, "PadValue"},
	} {
		_, _, _, err := TileImages(tc.tiles, tc.h, tc.w, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}

// TestTilesGolden shows 12 weight-like tiles normalised per tile, in gray,
// as the notebooks show learned receptive fields.
func TestTilesGolden(t *testing.T) {
	var tiles [][]float64
	for k := range 12 {
		tile := make([]float64, 8*8)
		for r := range 8 {
			for c := range 8 {
				th := float64(k) * math.Pi / 12
				u := (float64(c)-3.5)*math.Cos(th) + (float64(r)-3.5)*math.Sin(th)
				tile[r*8+c] = math.Cos(u*1.2) * math.Exp(-(float64((c-4)*(c-4)+(r-4)*(r-4)))/12)
			}
		}
		tiles = append(tiles, tile)
	}
	grid, rows, cols, err := TileImages(tiles, 8, 8, TileOptions{PerRow: 4, Normalize: true, PerTile: true})
	if err != nil {
		t.Fatal(err)
	}
	f, a := NewSingle()
	f.Width, f.Height, f.DPI = 4, 3, 80
	if _, err := a.Imshow(grid, rows, cols, ImshowOptions{Cmap: MustCmap("gray"), Vmin: 0, Vmax: 1}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "tiles", f)
}
