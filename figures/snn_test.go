package figures

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/receptive-go/receptive/datasets/itd"
	"github.com/receptive-go/receptive/datasets/pretrained"
	"github.com/receptive-go/receptive/pkg/snn"
)

// distinctColours counts the colours of an image, up to limit.
func distinctColours(img image.Image, limit int) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bb, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bb, a}] = true
			if len(seen) >= limit {
				return limit
			}
		}
	}
	return len(seen)
}

// Every figure of notebook 02 renders from the published network's
// analysis, with the original's size, and is not blank.
func TestSNNFiguresRender(t *testing.T) {
	p, err := pretrained.ITD()
	if err != nil {
		t.Fatal(err)
	}
	cfg := snn.DefaultConfig()
	cfg.Tau = p.Tau
	net, err := snn.FromWeights(p.WIH, p.WHO, cfg)
	if err != nil {
		t.Fatal(err)
	}
	test, err := itd.New(32*128, itd.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ev, err := net.Evaluate(context.Background(), test, snn.EvalOptions{Record: 8})
	if err != nil {
		t.Fatal(err)
	}
	a, err := snn.Analyse(ev, test.Labels(), test.Duration, "Test")
	if err != nil {
		t.Fatal(err)
	}
	sol, err := snn.Understand(net, a, test.InputRates, test.NumSteps(), test.F*test.Dt)
	if err != nil {
		t.Fatal(err)
	}
	figs, err := SNNAnalysisFigures(test, test.IPD, a, sol, test.Dt, test.Duration)
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 18 {
		t.Fatalf("%d figures, the original draws 18 before the sweep", len(figs))
	}
	sizes := map[string][2]int{"01_stimuli": {1000, 400}, "06_tuning_output": {960, 480}, "08_weights": {1000, 300}, "16_drive_left_right": {1400, 500}}
	for _, f := range figs {
		b, err := f.Fig.PNG()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if n := distinctColours(img, 8); n < 8 {
			t.Errorf("%s has only %d colours: blank?", f.Name, n)
		}
		if want, ok := sizes[f.Name]; ok {
			if s := img.Bounds().Size(); s.X != want[0] || s.Y != want[1] {
				t.Errorf("%s is %v pixels, the original's figsize×dpi gives %v", f.Name, s, want)
			}
		}
	}
}

// The sweep figures render from a tiny sweep.
func TestSNNSweepFiguresRender(t *testing.T) {
	train, _ := itd.New(256, itd.DefaultConfig())
	test, _ := itd.New(256, itd.DefaultConfig())
	var res []snn.SweepResult
	for i, tau := range []float64{2, 10} {
		c := snn.DefaultConfig()
		c.Tau, c.NumHidden = tau*1e-3, 5
		n, err := snn.New(c, rand.NewPCG(uint64(i), 1))
		if err != nil {
			t.Fatal(err)
		}
		res = append(res, snn.SweepResult{TauMS: tau, Net: n, LossHistory: []float64{2.5, 2.3, 2.2}})
	}
	runs, err := snn.AnalyseSweep(context.Background(), res, train, test, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	figs, err := SNNSweepFigures(runs)
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 5 {
		t.Fatalf("%d sweep figures, want 3 + one weight figure per τ", len(figs))
	}
	for _, f := range figs {
		if _, err := f.Fig.PNG(); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}

func BenchmarkSNNAnalysisFigures(b *testing.B) {
	p, _ := pretrained.ITD()
	cfg := snn.DefaultConfig()
	cfg.Tau = p.Tau
	net, _ := snn.FromWeights(p.WIH, p.WHO, cfg)
	test, _ := itd.New(32*128, itd.DefaultConfig())
	ev, _ := net.Evaluate(context.Background(), test, snn.EvalOptions{Record: 8})
	a, _ := snn.Analyse(ev, test.Labels(), test.Duration, "Test")
	sol, err := snn.Understand(net, a, test.InputRates, test.NumSteps(), test.F*test.Dt)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		figs, err := SNNAnalysisFigures(test, test.IPD, a, sol, test.Dt, test.Duration)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range figs {
			if _, err := f.Fig.PNG(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
