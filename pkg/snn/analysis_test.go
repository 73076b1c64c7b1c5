package snn_test

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/pkg/snn"
	"gonum.org/v1/gonum/mat"
)

// analysisGolden holds the original notebook's analysis of the published
// network (testdata/gen_analysis_golden.py: numpy 1.24, scipy 1.10,
// torch 1.13).
type analysisGolden struct {
	Confusion        [][]float64   `json:"confusion"`
	OutputTuningMean [][]float64   `json:"output_tuning_mean"`
	OutputTuningStd  [][]float64   `json:"output_tuning_std"`
	HiddenTuningMean [][]float64   `json:"hidden_tuning_mean"`
	HiddenTuningStd  [][]float64   `json:"hidden_tuning_std"`
	Reorder          []int         `json:"reorder"`
	Bicubic          [][]float64   `json:"bicubic"`
	RowMean          []float64     `json:"row_mean"`
	RickerRowPopt    []float64     `json:"ricker_row_popt"`
	RickerMatrixPopt []float64     `json:"ricker_matrix_popt"`
	GaussianPopt     []float64     `json:"gaussian_popt"`
	LIFCount         [][]float64   `json:"lif_count"`
	LIFPredicted     [][]float64   `json:"lif_predicted"`
	RateHiddenTC     [][]float64   `json:"rate_hidden_tc"`
	RateOutputR      [][]float64   `json:"rate_output_R"`
	RateOutputRW     [][]float64   `json:"rate_output_RW"`
	RateOutputRWH    [][]float64   `json:"rate_output_RWH"`
	DriveL           [][][]float64 `json:"drive_L"`
	DriveR           [][][]float64 `json:"drive_R"`
}

func near(t *testing.T, what string, got mat.Matrix, want [][]float64, tol float64) {
	t.Helper()
	r, c := got.Dims()
	if r != len(want) || c != len(want[0]) {
		t.Fatalf("%s is %d×%d, original %d×%d", what, r, c, len(want), len(want[0]))
	}
	var worst float64
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			d := math.Abs(got.At(i, j) - want[i][j])
			if math.IsNaN(d) {
				d = math.Inf(1)
			}
			worst = math.Max(worst, d/math.Max(1, math.Abs(want[i][j])))
		}
	}
	if worst > tol {
		t.Errorf("%s differs from the original by %.3g (relative, floor 1), allowed %.0g", what, worst, tol)
	}
}

func TestAnalysisMatchesOriginal(t *testing.T) {
	b, err := os.ReadFile("testdata/analysis_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g analysisGolden
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	net := publishedNet(t)
	ev, err := net.Evaluate(t.Context(), test, snn.EvalOptions{Record: 8})
	if err != nil {
		t.Fatal(err)
	}
	a, err := snn.Analyse(ev, test.Labels(), test.Duration, "Test")
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Text(); got != "Accuracy on Test set = 82.6%, mean absolute error = 2.6 deg" {
		t.Errorf("summary %q", got)
	}
	// Spikes and predictions are identical to torch's; the original's rates
	// and outputs are float32 tensors averaged by numpy in float32, so the
	// tuning statistics agree to float32 precision (eps 6e-8, more for the
	// std, whose float32 sum of squares cancels).
	near(t, "confusion", a.Confusion, g.Confusion, 1e-9) // golden keeps 10 digits
	near(t, "hidden tuning mean", a.HiddenTuning.Mean, g.HiddenTuningMean, 1e-6)
	near(t, "hidden tuning std", a.HiddenTuning.Std, g.HiddenTuningStd, 1e-5)
	near(t, "output tuning mean", a.OutputTuning.Mean, g.OutputTuningMean, 1e-5)
	near(t, "output tuning std", a.OutputTuning.Std, g.OutputTuningStd, 1e-5)

	order := snn.ReorderHO(net.WHO)
	for k := range order {
		if order[k] != g.Reorder[k] {
			t.Fatalf("reorder %v, original %v", order, g.Reorder)
		}
	}
	rih, rho, _ := snn.Reordered(net.WIH, net.WHO, order)
	// torch's bicubic runs in float32 on values up to 10.6.
	near(t, "bicubic", snn.BicubicResize(rho, 12, 12), g.Bicubic, 1e-5)
	y := snn.RowMeans(snn.InterpShifted(rho))
	near(t, "row mean", mat.NewDense(1, 12, y), [][]float64{g.RowMean}, 1e-5)
	res, _, err := snn.FitRickerProfile(y)
	if err != nil {
		t.Fatal(err)
	}
	printed := []float64{-9.36703502, -0.77569935, -2.22641301} // the seed's output cell
	for i := range printed {
		if math.Abs(res.P[i]-printed[i]) > 1e-6 {
			t.Errorf("row-mean Ricker fit %v, the original printed %v", res.P, printed)
			break
		}
	}
	mres, rhoFit, err := snn.FitRickerMatrix(rho)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "matrix Ricker popt", mat.NewDense(1, 3, mres.P), [][]float64{g.RickerMatrixPopt}, 1e-6)
	hidMean := mat.NewDense(12, 8, nil)
	for k, h := range order {
		hidMean.SetCol(k, mat.Col(nil, h, a.HiddenTuning.Mean))
	}
	gres, _, tuningFit, err := snn.FitGaussianTuning(hidMean)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Gaussian popt", mat.NewDense(1, 3, gres.P), [][]float64{g.GaussianPopt}, 1e-6)

	ipds := snn.Linspace(-math.Pi/2, math.Pi/2, 12)
	rates, _, err := test.InputRates(ipds)
	if err != nil {
		t.Fatal(err)
	}
	x := snn.Currents(rih, rates, 12, 100, 0, 200, 100)
	count, pred := snn.LIFApprox(x, 12, 100, 8, 2e-3, 1e-3)
	near(t, "LIF counts", mat.NewDense(12, 8, count), g.LIFCount, 0)
	near(t, "LIF predicted counts", mat.NewDense(12, 8, pred), g.LIFPredicted, 1e-9)

	rates2, _, _ := test.InputRates(ipds)
	x2 := snn.Currents(rih, rates2, 12, 100, 0, 200, 100)
	p := snn.PredictRates(x2, 12, 100, rho, rhoFit, tuningFit, 2e-3, 1e-3)
	near(t, "rate model hidden", p.Hidden, g.RateHiddenTC, 1e-9)
	near(t, "rate model R", p.OutputR, g.RateOutputR, 1e-9)
	near(t, "rate model RW", p.OutputRW, g.RateOutputRW, 1e-6)
	// RWH goes through the Gaussian fit of the float32 tuning means.
	near(t, "rate model RWH", p.OutputRWH, g.RateOutputRWH, 1e-4)
	L := snn.Currents(rih, rates2, 12, 100, 0, 100, 20)
	R := snn.Currents(rih, rates2, 12, 100, 100, 200, 20)
	for c := 0; c < 12; c++ {
		near(t, "left drive", mat.NewDense(20, 8, L[c*160:(c+1)*160]), g.DriveL[c], 1e-9)
		near(t, "right drive", mat.NewDense(20, 8, R[c*160:(c+1)*160]), g.DriveR[c], 1e-9)
	}
}
