package fit

import "testing"

// The three fits of seed 002's analysis, on the data of testdata/golden.json:
// the row-mean Ricker fit (12 points), the whole-matrix Ricker fit (96) and
// the hidden-tuning Gaussian fit (96, synthetic tuning curves). Timed side by
// side with scipy's curve_fit by scripts/bench/fit_bench.sh.
func benchmarkGolden(b *testing.B, name string) {
	var g goldenProblem
	for _, p := range loadGolden(b) {
		if p.Name == name {
			g = p
		}
	}
	pr := g.problem(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := CurveFit(pr, g.P0, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRickerRowMean(b *testing.B)  { benchmarkGolden(b, "ricker_seed_row_mean") }
func BenchmarkRickerMatrix(b *testing.B)   { benchmarkGolden(b, "ricker_seed_matrix") }
func BenchmarkGaussianTuning(b *testing.B) { benchmarkGolden(b, "gaussian_tuning") }
