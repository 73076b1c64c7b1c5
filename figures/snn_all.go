package figures

import (
	"fmt"

	fitpkg "github.com/receptive-go/receptive/pkg/fit"
	"github.com/receptive-go/receptive/pkg/snn"
	"github.com/receptive-go/receptive/plotting"
	"gonum.org/v1/gonum/mat"
)

// NamedFigure is a figure with a file-friendly name.
type NamedFigure struct {
	Name string
	Fig  *plotting.Figure
}

// SNNBasicFigures returns figures 1–8 of notebook 02 (stimuli to weights),
// which need no fits: for networks whose solution cannot be fitted.
func SNNBasicFigures(x snn.Spikes, ipds []float64, a *snn.Analysis, wih, who mat.Matrix, dt, duration float64) ([]NamedFigure, error) {
	s := &snn.Solution{}
	s.WIH, s.WHO, s.WIO = snn.Reordered(wih, who, snn.ReorderHO(who))
	return analysisFigures(x, ipds, a, s, dt, duration, 8)
}

// SNNAnalysisFigures returns figures 1–18 of notebook 02 in the original's
// order, from the test stimuli x (with their IPDs in radians), the
// analysis a of the network on them, and the network's solution s
// (snn.Understand); dt and duration are the data's time step and length.
func SNNAnalysisFigures(x snn.Spikes, ipds []float64, a *snn.Analysis, s *snn.Solution, dt, duration float64) ([]NamedFigure, error) {
	return analysisFigures(x, ipds, a, s, dt, duration, 18)
}

func analysisFigures(x snn.Spikes, ipds []float64, a *snn.Analysis, s *snn.Solution, dt, duration float64, n int) ([]NamedFigure, error) {
	var out []NamedFigure
	add := func(name string, f *plotting.Figure, err error) error {
		if err != nil {
			return fmt.Errorf("figures: %s: %w", name, err)
		}
		out = append(out, NamedFigure{name, f})
		return nil
	}
	steps := []func() error{
		func() error { f, err := SNNStimuli(x, ipds); return add("01_stimuli", f, err) },
		func() error { f, err := SNNHistograms(a); return add("02_histograms", f, err) },
		func() error { f, err := SNNConfusion(a); return add("03_confusion", f, err) },
		func() error { f, err := SNNHiddenRates(a); return add("04_hidden_firing_rates", f, err) },
		func() error { f, err := SNNRasters(a, dt, duration); return add("05_hidden_rasters", f, err) },
		func() error { f, err := SNNTuning(a, TuningOptions{}); return add("06_tuning_output", f, err) },
		func() error {
			f, err := SNNTuning(a, TuningOptions{Hidden: true})
			return add("07_tuning_hidden", f, err)
		},
		func() error { f, err := SNNWeights(s.WIH, s.WHO, s.WIO, ""); return add("08_weights", f, err) },
		func() error { f, err := SNNInterp(s.Interp, s.WHO); return add("09_who_interp", f, err) },
		func() error {
			fit := make([]float64, len(s.RowT))
			for i, t := range s.RowT {
				fit[i] = fitpkg.Ricker(t, s.RowFit.P)
			}
			f, err := SNNRickerProfile(s.RowT, s.RowMean, fit)
			return add("10_ricker_row_mean", f, err)
		},
		func() error { f, err := SNNRickerMatrix(s.WHO, s.WHOFit); return add("11_ricker_matrix", f, err) },
		func() error {
			f, err := SNNGaussianFit(s.IPDs, s.HiddenTuning, s.TuningFit)
			return add("12_gaussian_tuning_fit", f, err)
		},
		func() error {
			f, err := SNNLIFApprox(s.LIFCount, s.LIFPredicted)
			return add("13_lif_approximation", f, err)
		},
		func() error {
			f, err := SNNHiddenComparison(a, s.Order, s.Rates.Hidden, s.TuningFit, s.IPDs)
			return add("14_tuning_curves_hidden", f, err)
		},
		func() error { f, err := SNNOutputComparison(a, s.Rates); return add("15_tuning_curves_output", f, err) },
		func() error {
			f, err := SNNDrives(s.DriveL, s.DriveR, a.NumClasses, s.PeriodSteps, a.NumHidden, false)
			return add("16_drive_left_right", f, err)
		},
		func() error {
			f, err := SNNDrives(s.DriveL, s.DriveR, a.NumClasses, s.PeriodSteps, a.NumHidden, true)
			return add("17_drive_sum", f, err)
		},
		func() error {
			f, err := SNNTuning(a, TuningOptions{Hidden: true, Normalise: snn.Population, Reorder: s.Order})
			return add("18_tuning_hidden_population", f, err)
		},
	}
	for _, st := range steps[:n] {
		if err := st(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
