package plotting

import (
	"fmt"
	"math"
)

// TileOptions are the arguments of torchvision.utils.make_grid that
// TileImages supports.
type TileOptions struct {
	// PerRow is the number of tiles per row (make_grid's nrow); 0 means 8.
	PerRow int
	// Padding is the number of pixels between and around the tiles; 0 means
	// make_grid's default 2, a negative value no padding.
	Padding int
	// PadValue fills the padding and the unused slots of the last row
	// (0 is black once the grid is shown with a 0..1 or data range).
	PadValue float64
	// Normalize rescales the values to [0, 1] (make_grid's normalize):
	// from Range if given, else from the minimum and maximum of all tiles,
	// or of each tile alone when PerTile is set (scale_each). Values are
	// clipped to the range first.
	Normalize bool
	// PerTile normalises each tile by its own minimum and maximum.
	PerTile bool
	// Range is nil or [lo, hi], the values mapped to 0 and 1 when normalising.
	Range []float64
}

// TileImages lays out tiles, each a row-major h×w image, in a grid as
// torchvision.utils.make_grid: PerRow tiles per row, rows as needed,
// Padding pixels of PadValue between and around the tiles. It returns the
// row-major grid and its size, ready for Imshow. As make_grid, a single
// tile is returned alone without padding (but normalised if asked).
// NaN values are kept as NaN.
func TileImages(tiles [][]float64, h, w int, opt TileOptions) (grid []float64, rows, cols int, err error) {
	if len(tiles) == 0 {
		return nil, 0, 0, fmt.Errorf("plotting: TileImages needs at least one tile")
	}
	if h <= 0 || w <= 0 {
		return nil, 0, 0, fmt.Errorf("plotting: TileImages needs a positive tile size, got %d×%d", h, w)
	}
	for i, t := range tiles {
		if len(t) != h*w {
			return nil, 0, 0, fmt.Errorf("plotting: tile %d has %d values, want %d×%d = %d", i, len(t), h, w, h*w)
		}
	}
	if opt.PerRow < 0 {
		return nil, 0, 0, fmt.Errorf("plotting: TileImages PerRow must not be negative, got %d", opt.PerRow)
	}
	if math.IsNaN(opt.PadValue) {
		return nil, 0, 0, fmt.Errorf("plotting: TileImages PadValue is NaN")
	}
	if opt.Range != nil {
		if len(opt.Range) != 2 {
			return nil, 0, 0, fmt.Errorf("plotting: TileImages Range must be [lo, hi], got %d values", len(opt.Range))
		}
		lo, hi := opt.Range[0], opt.Range[1]
		if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
			return nil, 0, 0, fmt.Errorf("plotting: TileImages Range must be finite, got %v", opt.Range)
		}
		if lo > hi {
			return nil, 0, 0, fmt.Errorf("plotting: TileImages Range must have lo <= hi, got %v", opt.Range)
		}
	}
	work := tiles
	if opt.Normalize {
		work = normalizeTiles(tiles, opt)
	}
	if len(work) == 1 {
		return append([]float64(nil), work[0]...), h, w, nil
	}
	perRow := opt.PerRow
	if perRow == 0 {
		perRow = 8
	}
	pad := opt.Padding
	switch {
	case pad == 0:
		pad = 2
	case pad < 0:
		pad = 0
	}
	nx := min(perRow, len(work))
	ny := (len(work) + nx - 1) / nx
	rows, cols = ny*(h+pad)+pad, nx*(w+pad)+pad
	grid = make([]float64, rows*cols)
	for i := range grid {
		grid[i] = opt.PadValue
	}
	for k, t := range work {
		r0 := (k/nx)*(h+pad) + pad
		c0 := (k%nx)*(w+pad) + pad
		for r := range h {
			copy(grid[(r0+r)*cols+c0:(r0+r)*cols+c0+w], t[r*w:(r+1)*w])
		}
	}
	return grid, rows, cols, nil
}

// normalizeTiles returns copies of the tiles clipped to a range and scaled
// to [0, 1] as make_grid's norm_ip (dividing by max(hi-lo, 1e-5)).
func normalizeTiles(tiles [][]float64, opt TileOptions) [][]float64 {
	rangeOf := func(ts [][]float64) (lo, hi float64) {
		if opt.Range != nil {
			return opt.Range[0], opt.Range[1]
		}
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, t := range ts {
			for _, v := range t {
				if !math.IsNaN(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
		if lo > hi {
			return 0, 1
		}
		return lo, hi
	}
	scale := func(t []float64, lo, hi float64) []float64 {
		d := math.Max(hi-lo, 1e-5)
		out := make([]float64, len(t))
		for i, v := range t {
			out[i] = (math.Min(math.Max(v, lo), hi) - lo) / d
			if math.IsNaN(v) {
				out[i] = v
			}
		}
		return out
	}
	out := make([][]float64, len(tiles))
	lo, hi := rangeOf(tiles)
	for i, t := range tiles {
		if opt.PerTile {
			lo, hi = rangeOf(tiles[i : i+1])
		}
		out[i] = scale(t, lo, hi)
	}
	return out
}
