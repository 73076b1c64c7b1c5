package localization_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/receptive-go/receptive/datasets/nlgp"
	"github.com/receptive-go/receptive/pkg/localization"
)

// trainFigures runs the figures' configuration (ξ 4.47/0.1, gain 100,
// 100 tanh units on 40 inputs, batch 100, lr 1, 1000 steps) with seed.
func trainFigures(tb testing.TB, seed uint64, bias bool) (*localization.Network, *localization.Result) {
	tb.Helper()
	sm, err := nlgp.NewSeeded(nlgp.Figures(), seed)
	if err != nil {
		tb.Fatal(err)
	}
	opt := localization.FiguresOptions()
	opt.Bias = bias
	n, err := localization.New(opt, rand.NewPCG(seed, 1))
	if err != nil {
		tb.Fatal(err)
	}
	res, err := localization.Train(context.Background(), n, sm, localization.FiguresSettings())
	if err != nil {
		tb.Fatal(err)
	}
	return n, res
}

// TestFiguresBand trains the figures' configuration with four seeds and
// checks it against the band measured over seeds 0…7 with
// `receptive nlgp sweep -gains 100 -xis 4.47/0.1 -seeds 8`
// (BENCHMARKS.md, section 04): held-out accuracy 0.981–0.992, localized share
// (IPR > 0.1) 0.46–0.54, mean IPR of localized units 0.157–0.176, mean
// half-maximum width 3.6–4.4 inputs. The test bands are wider (accuracy
// over the last 100 steps > 0.9, share 0.25–0.75, width 3–6) so that a
// change of random stream cannot fail them, while a broken gradient, bias or
// sampler does (the bias-free network stays at chance and does not localize).
func TestFiguresBand(t *testing.T) {
	if testing.Short() {
		t.Skip("trains four networks (~2 s)")
	}
	for seed := uint64(0); seed < 4; seed++ {
		n, res := trainFigures(t, seed, true)
		loc := localization.Localized(n.W, 0.1)
		width := localization.HalfMaxWidth(n.W)
		sw, c := 0.0, 0.0
		for k, l := range loc {
			if l {
				sw += float64(width[k])
				c++
			}
		}
		share := localization.Share(loc)
		if res.FinalAcc < 0.9 || share < 0.25 || share > 0.75 || c == 0 || sw/c < 3 || sw/c > 6 {
			t.Errorf("seed %d: accuracy %.3f, localized share %.2f, mean width %.2f; want > 0.9, 0.25–0.75, 3–6",
				seed, res.FinalAcc, share, sw/max(c, 1))
		}
	}
	n, res := trainFigures(t, 0, false)
	// Chance: the accuracy over the last 100 batches of 100 has sd 0.005.
	if res.FinalAcc < 0.45 || res.FinalAcc > 0.55 || res.FinalLoss < 0.95 {
		t.Errorf("bias-free network: accuracy %.3f, loss %.3f; want chance (0.5, ≈1)", res.FinalAcc, res.FinalLoss)
	}
	// Gaussian rows of 40 weights have IPR ≈ 3/40 with a tail above 0.1:
	// the bias-free run must not localize beyond the initial weights.
	before := localization.Share(localization.Localized(res.InitialW, 0.1))
	after := localization.Share(localization.Localized(n.W, 0.1))
	if after > before+0.05 {
		t.Errorf("bias-free network: localized share grew from %.2f to %.2f, want no growth", before, after)
	}
	t.Logf("bias-free: localized share %.2f before, %.2f after; max IPR %.3f", before, after, maxOf(localization.IPR(n.W)))
}

// BenchmarkTrain1000 is the hot loop of the notebook: 1000 SGD steps of
// batch 100 on 100 units × 40 inputs, NLGP sampling included.
func BenchmarkTrain1000(b *testing.B) {
	for b.Loop() {
		trainFigures(b, 1, true)
	}
}

func maxOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	return m
}
