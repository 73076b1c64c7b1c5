package fit_test

import (
	"fmt"
	"math"

	"github.com/receptive-go/receptive/pkg/fit"
)

// The Ricker fit of seed 002: the mean row of the interpolated, shifted
// hidden-to-output weights against t = −6…5, from p0 = (1, 0, 1). The original
// notebook printed [-9.36703502 -0.77569935 -2.22641301]; scipy 1.10 on
// these 8-digit data gives popt [-9.36703478 -0.77569932 -2.22641296] and
// perr [0.313 0.154 0.050].
func Example() {
	t := []float64{-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5}
	y := []float64{1.8826222, 2.2266095, 2.789113, 2.4348838, -1.7106336, -7.690021,
		-10.547202, -7.4074464, -1.7304139, 2.2723954, 2.7120721, 2.2688632}
	res, err := fit.CurveFit(fit.Problem{F: fit.Ricker, X: t, Y: y, NParam: fit.ModelParams}, []float64{1, 0, 1}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("popt %.6f\n", res.P)
	fmt.Printf("perr %.3f\n", res.StdErr())
	fmt.Println(res.Status.Converged(), res.NFev, "evaluations")
	// Output:
	// popt [-9.367035 -0.775699 -2.226413]
	// perr [0.313 0.154 0.050]
	// true 33 evaluations
}

// Weighted fit of an exponential decay with known uncertainties, as
// curve_fit(f, x, y, p0, sigma=sigma, absolute_sigma=True); scipy 1.10 gives
// popt [3.10504 1.73600 0.47333], perr [0.0796 0.0773 0.0197], χ² 6.116.
func ExampleCurveFit_sigma() {
	decay := func(x float64, p []float64) float64 { return p[0]*math.Exp(-x/p[1]) + p[2] }
	x := []float64{0, 0.5, 1, 1.5, 2, 3, 4, 6, 8}
	y := []float64{3.52, 2.95, 2.10, 1.80, 1.45, 1.05, 0.80, 0.55, 0.52}
	sigma := []float64{0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.02, 0.02}
	res, err := fit.CurveFit(fit.Problem{F: decay, X: x, Y: y, Sigma: sigma}, []float64{1, 1, 0},
		&fit.Settings{AbsoluteSigma: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("amplitude %.3f ± %.3f\n", res.P[0], math.Sqrt(res.Cov.At(0, 0)))
	fmt.Printf("tau       %.3f ± %.3f\n", res.P[1], math.Sqrt(res.Cov.At(1, 1)))
	fmt.Printf("offset    %.3f ± %.3f\n", res.P[2], math.Sqrt(res.Cov.At(2, 2)))
	fmt.Printf("chi²      %.2f for %d degrees of freedom\n", res.Cost, len(x)-3)
	// Output:
	// amplitude 3.105 ± 0.080
	// tau       1.736 ± 0.077
	// offset    0.473 ± 0.020
	// chi²      6.12 for 6 degrees of freedom
}
