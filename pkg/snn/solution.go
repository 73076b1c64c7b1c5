package snn

import (
	"fmt"
	"math"

	"github.com/receptive-go/receptive/pkg/fit"
	"gonum.org/v1/gonum/mat"
)

// Solution gathers the original's "Understanding the solution found"
// analyses of a trained network: reordering, the Ricker shape of W_ho, the
// Gaussian shape of the hidden tuning, the LIF rate approximation and the
// rate-based model.
type Solution struct {
	Order         []int      // hidden units by decreasing W_ho weighted mean
	WIH, WHO, WIO *mat.Dense // reordered W_ih, W_ho and W_io = W_ih·W_ho

	Interp  *mat.Dense  // bicubic, shifted W_ho (classes × classes)
	RowT    []float64   // t = −C/2 … C/2−1
	RowMean []float64   // row means of Interp
	RowFit  *fit.Result // Ricker fit of RowMean (popt printed by the original)

	MatrixFit *fit.Result // Ricker fit of the whole reordered W_ho
	WHOFit    *mat.Dense  // the fitted W_ho

	HiddenTuning *mat.Dense  // reordered hidden tuning means (classes × hidden)
	IPDs         []float64   // linspace(−π/2, π/2, classes)
	GaussFit     *fit.Result // Gaussian fit of the hidden tuning
	TuningFit    *mat.Dense  // the idealised hidden tuning (classes × hidden)

	LIFCount, LIFPredicted []float64 // classes × hidden: simulated vs predicted counts

	Rates RatePrediction // rate model, from the second draw of input rates

	PeriodSteps  int       // steps in one stimulus period, int(1/(f·dt))
	DriveL       []float64 // left-ear currents, classes × PeriodSteps × hidden
	DriveR       []float64 // right-ear currents
	Phi0s        [2]float64
	inputsPerEar int
}

// RateSource returns noise-free input rates (len(ipds) × steps × inputs)
// and the phase offset drawn, as ITDDataset.input_signal(ipds,
// generate_spikes=False); datasets/itd's (*Dataset).InputRates is one.
type RateSource func(ipds []float64) ([]float64, float64, error)

// Understand runs the analyses of the original's last sections on the
// network n, its analysis a on the test set, and the rate source (called
// twice, as the original calls input_signal twice). T is the number of
// steps of the input, f·dt the stimulus cycles per step.
func Understand(n *Net, a *Analysis, rates RateSource, T int, fdt float64) (*Solution, error) {
	if err := n.check(); err != nil {
		return nil, err
	}
	if a.NumHidden != n.NumHidden || a.NumClasses != n.NumClasses {
		return nil, fmt.Errorf("snn: analysis of %d hidden, %d classes for a network of %d, %d", a.NumHidden, a.NumClasses, n.NumHidden, n.NumClasses)
	}
	if n.NumInputs%2 != 0 {
		return nil, fmt.Errorf("snn: %d inputs cannot be split between two ears", n.NumInputs)
	}
	if !(fdt > 0) {
		return nil, fmt.Errorf("snn: f·dt = %v, expected > 0", fdt)
	}
	C, H := n.NumClasses, n.NumHidden
	s := &Solution{Order: ReorderHO(n.WHO), inputsPerEar: n.NumInputs / 2}
	s.WIH, s.WHO, s.WIO = Reordered(n.WIH, n.WHO, s.Order)
	s.Interp = InterpShifted(s.WHO)
	s.RowMean = RowMeans(s.Interp)
	var err error
	if s.RowFit, s.RowT, err = FitRickerProfile(s.RowMean); err != nil {
		return nil, fmt.Errorf("snn: Ricker fit of the row mean: %w", err)
	}
	if s.MatrixFit, s.WHOFit, err = FitRickerMatrix(s.WHO); err != nil {
		return nil, fmt.Errorf("snn: Ricker fit of W_ho: %w", err)
	}
	s.HiddenTuning = mat.NewDense(C, H, nil)
	for k, h := range s.Order {
		s.HiddenTuning.SetCol(k, mat.Col(nil, h, a.HiddenTuning.Mean))
	}
	if s.GaussFit, s.IPDs, s.TuningFit, err = FitGaussianTuning(s.HiddenTuning); err != nil {
		return nil, fmt.Errorf("snn: Gaussian fit of the hidden tuning: %w", err)
	}
	r1, phi1, err := rates(s.IPDs)
	if err != nil {
		return nil, err
	}
	if len(r1) != C*T*n.NumInputs {
		return nil, fmt.Errorf("snn: rate source gave %d values, expected %d×%d×%d", len(r1), C, T, n.NumInputs)
	}
	x := Currents(s.WIH, r1, C, T, 0, n.NumInputs, T)
	s.LIFCount, s.LIFPredicted = LIFApprox(x, C, T, H, n.Tau, n.Dt)
	r2, phi2, err := rates(s.IPDs)
	if err != nil {
		return nil, err
	}
	s.Phi0s = [2]float64{phi1, phi2}
	x2 := Currents(s.WIH, r2, C, T, 0, n.NumInputs, T)
	s.Rates = PredictRates(x2, C, T, s.WHO, s.WHOFit, s.TuningFit, n.Tau, n.Dt)
	s.PeriodSteps = min(int(math.Floor(1/fdt)), T)
	s.DriveL = Currents(s.WIH, r2, C, T, 0, s.inputsPerEar, s.PeriodSteps)
	s.DriveR = Currents(s.WIH, r2, C, T, s.inputsPerEar, n.NumInputs, s.PeriodSteps)
	return s, nil
}
