package stimuli

import (
	"fmt"
	"math"
)

// Gaussian returns the size×size image exp(−½((x−μx)/σx)² − ½((y−μy)/σy)²)
// over the pixel grid, x the row and y the column index, peak 1 at (μx, μy)
// and no normalisation (pylissom.math.gaussian evaluated by numpy's
// fromfunction). σy ≤ 0 is an error; pass σy = σx for a round blob.
func Gaussian(size int, muX, muY, sigmaX, sigmaY float64) ([]float64, error) {
	if size <= 0 {
		return nil, fmt.Errorf("stimuli: image size %d, want > 0", size)
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"sigmaX", sigmaX}, {"sigmaY", sigmaY}} {
		if !(p.v > 0) || math.IsInf(p.v, 0) {
			return nil, fmt.Errorf("stimuli: %s = %v, want a finite value > 0", p.name, p.v)
		}
	}
	if math.IsNaN(muX) || math.IsNaN(muY) || math.IsInf(muX, 0) || math.IsInf(muY, 0) {
		return nil, fmt.Errorf("stimuli: centre (%v, %v), want finite coordinates", muX, muY)
	}
	img := make([]float64, size*size)
	for x := 0; x < size; x++ {
		xw := (float64(x) - muX) / sigmaX
		for y := 0; y < size; y++ {
			yh := (float64(y) - muY) / sigmaY
			img[x*size+y] = math.Exp(-0.5*xw*xw + -0.5*yh*yh)
		}
	}
	return img, nil
}

// OrientedGaussian is pylissom's gaussian_generator(size, mu_x, mu_y,
// sigma_x, sigma_y, orientation): the Gaussian blob rotated by orientation
// degrees counter-clockwise about the image centre (see Rotate). An
// orientation of 0 returns the blob unchanged.
func OrientedGaussian(size int, muX, muY, sigmaX, sigmaY, orientation float64) ([]float64, error) {
	g, err := Gaussian(size, muX, muY, sigmaX, sigmaY)
	if err != nil {
		return nil, err
	}
	return Rotate(g, size, size, orientation)
}
