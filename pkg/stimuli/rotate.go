package stimuli

import (
	"fmt"
	"math"
)

// Rotate returns img (rows×cols, row-major) rotated by angle degrees
// counter-clockwise about the image centre ((cols−1)/2, (rows−1)/2), as
// scikit-image's transform.rotate(img, angle, mode='constant') with its
// defaults: the output keeps the input's shape; each output pixel (r, c)
// takes the bilinear interpolation of the input at
//
//	c' = cos θ·(c−cx) − sin θ·(r−cy) + cx,  r' = sin θ·(c−cx) + cos θ·(r−cy) + cy
//
// where neighbours outside the image count as 0; the result is clipped to the
// input's value range, widened to include 0 when the input does not contain
// it but the output does (skimage's _clip_warp_output). NaN or infinite
// pixels or angle are errors.
func Rotate(img []float64, rows, cols int, angle float64) ([]float64, error) {
	if rows <= 0 || cols <= 0 {
		return nil, fmt.Errorf("stimuli: rotate: image %d×%d, want positive sizes", rows, cols)
	}
	if len(img) != rows*cols {
		return nil, fmt.Errorf("stimuli: rotate: image has %d pixels, want rows×cols = %d", len(img), rows*cols)
	}
	if math.IsNaN(angle) || math.IsInf(angle, 0) {
		return nil, fmt.Errorf("stimuli: rotate: angle %v, want a finite number of degrees", angle)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range img {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("stimuli: rotate: image holds %v, want finite values", v)
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	// skimage: SimilarityTransform(rotation=deg2rad(angle)) between two
	// translations by the centre; the matrix maps output (col, row) to input.
	theta := angle * (math.Pi / 180)
	cos, sin := math.Cos(theta), math.Sin(theta)
	cx, cy := float64(cols)/2-0.5, float64(rows)/2-0.5
	// Translations composed as skimage does: H = T(c)·R·T(−c).
	h0, h1 := cos, -sin
	h2 := cos*(-cx) + (-sin)*(-cy) + cx
	h3, h4 := sin, cos
	h5 := sin*(-cx) + cos*(-cy) + cy
	pixel := func(r, c int) float64 {
		if r < 0 || r >= rows || c < 0 || c >= cols {
			return 0
		}
		return img[r*cols+c]
	}
	out := make([]float64, rows*cols)
	omin, omax := math.Inf(1), math.Inf(-1)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			x, y := float64(c), float64(r)
			sc := h0*x + h1*y + h2
			sr := h3*x + h4*y + h5
			minr, minc := math.Floor(sr), math.Floor(sc)
			maxr, maxc := math.Ceil(sr), math.Ceil(sc)
			dr, dc := sr-minr, sc-minc
			tl, tr := pixel(int(minr), int(minc)), pixel(int(minr), int(maxc))
			bl, br := pixel(int(maxr), int(minc)), pixel(int(maxr), int(maxc))
			top := (1-dc)*tl + dc*tr
			bottom := (1-dc)*bl + dc*br
			v := (1-dr)*top + dr*bottom
			out[r*cols+c] = v
			omin, omax = math.Min(omin, v), math.Max(omax, v)
		}
	}
	if !(lo <= 0 && 0 <= hi) && omin <= 0 && 0 <= omax {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	for i, v := range out {
		out[i] = math.Min(math.Max(v, lo), hi)
	}
	return out, nil
}
